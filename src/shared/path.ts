// Pure path-string helpers (no filesystem access).

export function splitPath(path: string): string[] {
  return path.split('/').filter((p) => p !== '');
}

export function joinPath(dir: string, name: string): string {
  if (name.startsWith('/')) return name;
  if (dir === '/') return `/${name}`;
  return `${dir}/${name}`;
}

/** Lexical normalisation: collapses `.`, `..` and repeated slashes (no symlink resolution). */
export function normalize(path: string): string {
  const abs = path.startsWith('/');
  const out: string[] = [];
  for (const part of splitPath(path)) {
    if (part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
      continue;
    }
    out.push(part);
  }
  const body = out.join('/');
  return abs ? `/${body}` : body || '.';
}

export function basename(path: string): string {
  const parts = splitPath(path);
  return parts.length === 0 ? (path.startsWith('/') ? '/' : '') : parts[parts.length - 1]!;
}

export function dirname(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path.startsWith('/') ? '/' : '.';
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return '.';
  const d = trimmed.slice(0, i).replace(/\/+$/, '');
  return d === '' ? '/' : d;
}
