// Pathname expansion: matches a pattern against the filesystem one path component at a
// time, hiding dot files unless asked, sorted in the C locale (byte order).
import type { Sys } from '../../shared/sys';
import { compile, hasGlob } from './pattern';
import { byteChars } from './byte-text';
import { hidesDotName } from './glob-hidden';

export interface GlobOptions {
  dotglob: boolean;
  globstar: boolean;
  extglob: boolean;
  nocaseglob?: boolean;
  /** globskipdots off: a pattern starting with a dot may match `.` and `..` too. */
  keepDots?: boolean;
  /** The C locale: names and patterns are matched byte by byte (`?` is one byte). */
  bytes?: boolean;
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

function splitComponents(pattern: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      cur += c + pattern[i + 1];
      i++;
    } else if (c === '/') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Expands `pattern` (quoted characters backslash-escaped); [] when nothing matches. */
export async function glob(sys: Sys, pattern: string, opts: GlobOptions): Promise<string[]> {
  const comps = splitComponents(pattern);
  const absolute = pattern.startsWith('/');
  let results: string[] = [absolute ? '/' : ''];
  const start = absolute ? 1 : 0;
  for (let i = start; i < comps.length; i++) {
    const comp = comps[i]!;
    const last = i === comps.length - 1;
    const next: string[] = [];
    if (comp === '') {
      // trailing slash (or //): keep only directories
      for (const r of results) {
        if (last) {
          try {
            const st = await sys.stat(r || '.');
            if (st.kind === 'dir') next.push(r.endsWith('/') ? r : `${r}/`);
          } catch {
            // not there
          }
        } else next.push(r);
      }
      results = next;
      continue;
    }
    if (!hasGlob(comp)) {
      const name = unescape(comp);
      for (const r of results) {
        const path = r === '' ? name : r.endsWith('/') ? r + name : `${r}/${name}`;
        try {
          await sys.lstat(path);
          next.push(path);
        } catch {
          // no such entry
        }
      }
      results = next;
      continue;
    }
    if (comp === '**' && opts.globstar) {
      for (const r of results) {
        next.push(...(await walk(sys, r, opts.dotglob, !last)));
      }
      results = next;
      continue;
    }
    const re = compile(opts.bytes ? byteChars(comp) ?? comp : comp, 'whole', opts.extglob, opts.nocaseglob);
    const test = (n: string): boolean => re.test(opts.bytes ? byteChars(n) ?? n : n);
    const showHidden = opts.dotglob || !hidesDotName(comp, opts.extglob);
    for (const r of results) {
      let names: string[];
      try {
        names = await sys.readdir(r === '' ? '.' : r);
      } catch {
        continue;
      }
      const dots = opts.keepDots && /^\\?\./.test(comp);
      const matched = [...names.filter((n) => n !== '.' && n !== '..'), ...(dots ? ['.', '..'] : [])]
        .filter((n) => (showHidden || !n.startsWith('.')) && test(n))
        .sort(byteOrder);
      for (const n of matched) {
        const path = r === '' ? n : r.endsWith('/') ? r + n : `${r}/${n}`;
        if (!last) {
          try {
            if ((await sys.stat(path)).kind !== 'dir') continue;
          } catch {
            continue;
          }
        }
        next.push(path);
      }
      await sys.tick();
    }
    results = next;
    if (results.length === 0) break;
  }
  // bash sorts the whole list of matches (C locale: byte order)
  return results.filter((r) => (r !== '' && r !== '/') || pattern === '/').sort(byteOrder);
}

/** `**`: the directory itself and everything below it. */
async function walk(sys: Sys, dir: string, dotglob: boolean, dirsOnly: boolean): Promise<string[]> {
  // `**` matches no directory too: before another component the directory itself is searched,
  // and as the last one it stands for the directory as `dir/`
  const out: string[] = dirsOnly ? [dir] : dir === '' ? [] : [dir.endsWith('/') ? dir : `${dir}/`];
  const visit = async (d: string, depth: number): Promise<void> => {
    if (depth > 64) return;
    let names: string[];
    try {
      names = (await sys.readdir(d === '' ? '.' : d)).sort(byteOrder);
    } catch {
      return;
    }
    for (const n of names) {
      if (!dotglob && n.startsWith('.')) continue;
      const path = d === '' ? n : d.endsWith('/') ? d + n : `${d}/${n}`;
      let isDir = false;
      try {
        isDir = (await sys.lstat(path)).kind === 'dir';
      } catch {
        continue;
      }
      if (isDir || !dirsOnly) out.push(path);
      if (isDir) await visit(path, depth + 1);
    }
    await sys.tick();
  };
  await visit(dir, 0);
  return out;
}
