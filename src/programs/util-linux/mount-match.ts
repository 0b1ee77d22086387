// libmount's patterns that choose mounts: -t's filesystem types and -O's mount options, as
// mount and umount take them.

/**
 * mnt_match_fstype(): a comma list of types; one written "noTYPE" leaves that type out, and a
 * list that starts with "no" chooses every type it does not name.
 */
export function matchFsType(type: string, pattern: string): boolean {
  const no = pattern.startsWith('no');
  const t = type.toLowerCase();
  for (const item of (no ? pattern.slice(2) : pattern).split(',')) {
    if (item.startsWith('no') && item.slice(2).toLowerCase() === t) return false;
    if (item.toLowerCase() === t) return !no;
  }
  return no;
}

/**
 * mnt_match_options(): every option of the pattern must be set ("+opt" the same), and every
 * "noopt" must not be; "opt=value" compares the value too. An entry without options matches
 * no pattern.
 */
export function matchOptions(optstr: string, pattern: string): boolean {
  // no options at all match no pattern (libmount fails to look in them)
  if (optstr === '') return !pattern.split(',').some(Boolean);
  const have = new Map(optstr.split(',').filter(Boolean).map((o) => {
    const eq = o.indexOf('=');
    return eq < 0 ? [o, undefined] : [o.slice(0, eq), o.slice(eq + 1)];
  }));
  for (let word of pattern.split(',')) {
    if (word === '') continue;
    let no = false;
    if (word.startsWith('+')) word = word.slice(1);
    else if (word.startsWith('no')) {
      no = true;
      word = word.slice(2);
    }
    const eq = word.indexOf('=');
    const name = eq < 0 ? word : word.slice(0, eq);
    const found = have.has(name) && (eq < 0 || have.get(name) === word.slice(eq + 1));
    if (found === no) return false;
  }
  return true;
}
