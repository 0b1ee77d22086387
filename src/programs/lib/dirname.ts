// gnulib last_component, base_name and dir_len (POSIX file names, "//" not a distinct root).

/** Index of the last component of `name` (after leading and separating slashes). */
export function lastComponent(name: string): number {
  let base = 0;
  while (name[base] === '/') base++;
  let sawSlash = false;
  for (let p = base; p < name.length; p++) {
    if (name[p] === '/') sawSlash = true;
    else if (sawSlash) {
      base = p;
      sawSlash = false;
    }
  }
  return base;
}

/** dir_len: how much of `name` is its directory part (0: none). */
export function dirLen(name: string): number {
  const prefix = name[0] === '/' ? 1 : 0;
  let length = lastComponent(name);
  while (prefix < length && name[length - 1] === '/') length--;
  return length;
}

/** basename(1)'s base_name plus strip_trailing_slashes. */
export function baseName(name: string): string {
  const base = lastComponent(name);
  if (base >= name.length) return name.length ? '/' : '';
  return name.slice(base).replace(/\/+$/, '');
}
