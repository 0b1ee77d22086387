// tree 2.0.4 (Photon's `tdnf install tree`): lists directories as an indented tree, sorted by
// name, then "N directories, M files" for the last directory named (2.0.4 neither counts the
// directory named nor adds up several). A symbolic link to a directory counts as one but is
// only entered with -l. Lines are drawn in UTF-8 box characters under a UTF-8 locale and in
// ASCII otherwise. A directory that cannot be read shows "[error opening dir]" and the exit
// status is 2.
import { isSysError } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { modeString } from '../lib/mode-string';
import { Accounts } from '../lib/accounts';
import { isUtf8Locale } from '../lib/quotearg';

const USAGE = `usage: tree [-acdfghilnpqrstuvxACDFJQNSUX] [-L level [-R]] [-H  baseHREF]
\t[-T title] [-o filename] [-P pattern] [-I pattern] [--gitignore]
\t[--matchdirs] [--metafirst] [--ignore-case] [--nolinks] [--inodes]
\t[--device] [--sort[=]<name>] [--dirsfirst] [--filesfirst]
\t[--filelimit #] [--si] [--du] [--prune] [--charset X]
\t[--timefmt[=]format] [--fromfile] [--noreport] [--version] [--help]
\t[--] [directory ...]
`;

interface Opts {
  all: boolean;
  dirsOnly: boolean;
  fullPath: boolean;
  noIndent: boolean;
  follow: boolean;
  level: number;
  pattern?: RegExp;
  ignore?: RegExp;
  noReport: boolean;
  perms: boolean;
  size: boolean;
  human: boolean;
  user: boolean;
  group: boolean;
  classify: boolean;
  sort: 'name' | 'version' | 'mtime' | 'none';
  reverse: boolean;
  dirsFirst: boolean;
}

interface Entry {
  name: string;
  st: Stat;
  isDir: boolean;
  link?: string;
  target?: Stat;
}

/** tree's patterns: * ? [...] and alternatives separated by |, matched against the whole name. */
function pattern(p: string): RegExp {
  const alt = p.split('|').map((part) => part.replace(/[.+^${}()\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.'));
  return new RegExp(`^(?:${alt.join('|')})$`);
}

/** strverscmp for -v. */
function versionCompare(a: string, b: string): number {
  const re = /(\d+|\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) return Number(x) - Number(y) || x.length - y.length;
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

function humanSize(n: number): string {
  const units = ['', 'K', 'M', 'G', 'T', 'P', 'E'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? String(n) : v >= 9.95 ? `${Math.round(v)}${units[i]}` : `${v.toFixed(1)}${units[i]}`;
}

export default defineProgram({
  name: 'tree',
  installPath: '/usr/bin/tree',
  pkg: 'tree',
  async main(ctx) {
    const o: Opts = { all: false, dirsOnly: false, fullPath: false, noIndent: false, follow: false, level: -1, noReport: false, perms: false, size: false, human: false, user: false, group: false, classify: false, sort: 'name', reverse: false, dirsFirst: false };
    const roots: string[] = [];
    const args = ctx.argv.slice(1);
    let onlyRoots = false;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (onlyRoots || !a.startsWith('-') || a === '-') {
        roots.push(a);
        continue;
      }
      if (a === '--') {
        onlyRoots = true;
        continue;
      }
      if (a.startsWith('--')) {
        if (a === '--noreport') o.noReport = true;
        else if (a === '--dirsfirst') o.dirsFirst = true;
        else if (a === '--version') {
          await ctx.print('tree v2.0.4 (c) 1996 - 2022 by Steve Baker, Thomas Moore, Francesc Rocher, Florian Sesser, Kyosuke Tokoro \n');
          return 0;
        } else if (a === '--help') {
          await ctx.print(USAGE);
          return 0;
        } else {
          await ctx.err.write(`tree: Invalid argument \`${a}'.\n${USAGE}`);
          return 1;
        }
        continue;
      }
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        const next = (): string | undefined => args[++i];
        switch (c) {
          case 'a': o.all = true; break;
          case 'd': o.dirsOnly = true; break;
          case 'f': o.fullPath = true; break;
          case 'i': o.noIndent = true; break;
          case 'l': o.follow = true; break;
          case 'p': o.perms = true; break;
          case 's': o.size = true; break;
          case 'h': o.human = true; o.size = true; break;
          case 'u': o.user = true; break;
          case 'g': o.group = true; break;
          case 'F': o.classify = true; break;
          case 'r': o.reverse = true; break;
          case 't': o.sort = 'mtime'; break;
          case 'U': o.sort = 'none'; break;
          case 'v': o.sort = 'version'; break;
          case 'n': case 'x': break;
          case 'P': case 'I': case 'L': {
            const v = next();
            if (v === undefined) {
              await ctx.err.write(c === 'L' ? 'tree: Missing argument to -L option.\n' : `tree: missing argument to -${c} option.\n`);
              return 1;
            }
            if (c === 'P') o.pattern = pattern(v);
            else if (c === 'I') o.ignore = pattern(v);
            else {
              const n = parseInt(v, 10);
              if (!(n > 0)) {
                await ctx.err.write('tree: Invalid level, must be greater than 0.\n');
                return 1;
              }
              o.level = n - 1;
            }
            j = a.length;
            break;
          }
          default:
            // (2.0.4 prints a stray debugging line on standard output first)
            await ctx.print(`here i = ${i + 1}, n = 0\n`);
            await ctx.err.write(`tree: Invalid argument -\`${c}'.\n${USAGE}`);
            return 1;
        }
      }
    }
    return run(ctx, o, roots.length ? roots : ['.']);
  },
});

async function run(ctx: Ctx, o: Opts, roots: string[]): Promise<number> {
  const utf8 = isUtf8Locale(ctx.env);
  const draw = utf8 ? { vert: '│\u00a0\u00a0', tee: '├──', corner: '└──' } : { vert: '|  ', tee: '|--', corner: '`--' };
  const accounts = o.user || o.group ? await Accounts.load(ctx.sys) : undefined;
  let errors = 0;
  let out = '';
  const flush = async (): Promise<void> => {
    await ctx.print(out);
    out = '';
  };
  const info = (e: Entry): string => {
    const parts: string[] = [];
    if (o.perms) parts.push(modeString(e.st.mode));
    if (o.user) parts.push((accounts?.userName(e.st.uid) ?? String(e.st.uid)).padEnd(8));
    if (o.group) parts.push((accounts?.groupName(e.st.gid) ?? String(e.st.gid)).padEnd(8));
    if (o.size) parts.push(o.human ? humanSize(e.st.size).padStart(4) : String(e.st.size).padStart(11));
    return parts.length ? `[${parts.join(' ')}]  ` : '';
  };
  const suffix = (st: Stat): string => {
    if (!o.classify) return '';
    if (st.kind === 'dir') return '/';
    if (st.kind === 'symlink') return '@';
    if (st.kind === 'fifo') return '|';
    if (st.kind === 'socket') return '=';
    return st.mode & 0o111 ? '*' : '';
  };
  const label = (e: Entry, shown: string): string => {
    if (e.link === undefined) return `${shown}${suffix(e.st)}`;
    return `${shown} -> ${e.link}${e.target ? suffix(e.target) : ''}`;
  };
  /** read_dir: the entries that pass the filters, sorted; undefined when it cannot be opened. */
  const readDir = async (dir: string): Promise<Entry[] | undefined> => {
    let list: string[];
    try {
      list = await ctx.sys.readdir(dir);
    } catch (e) {
      if (isSysError(e)) return undefined;
      throw e;
    }
    const entries: Entry[] = [];
    for (const name of list) {
      if (!o.all && name.startsWith('.')) continue;
      const path = dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
      let st: Stat;
      try {
        st = await ctx.sys.lstat(path);
      } catch {
        continue;
      }
      const e: Entry = { name, st, isDir: st.kind === 'dir' };
      if (st.kind === 'symlink') {
        e.link = await ctx.sys.readlink(path).catch(() => '');
        e.target = await ctx.sys.stat(path).catch(() => undefined);
        e.isDir = e.target?.kind === 'dir';
      }
      if (o.dirsOnly && !e.isDir) continue;
      // -P passes real directories (and, with -l, links to them); anything else must match
      if (o.pattern && st.kind !== 'dir' && !(o.follow && e.isDir) && !o.pattern.test(name)) continue;
      if (o.ignore && o.ignore.test(name)) continue;
      entries.push(e);
    }
    const byName = (a: Entry, b: Entry): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    const cmp = o.sort === 'version' ? (a: Entry, b: Entry) => versionCompare(a.name, b.name) : o.sort === 'mtime' ? (a: Entry, b: Entry) => a.st.mtime - b.st.mtime || byName(a, b) : byName;
    if (o.sort !== 'none') entries.sort((a, b) => (o.reverse ? -cmp(a, b) : cmp(a, b)));
    if (o.dirsFirst) entries.sort((a, b) => Number(b.isDir) - Number(a.isDir));
    return entries;
  };
  const visited = new Set<string>();
  /** listdir: the entries of `dir` at depth `lev`, with the prefix its parents drew. */
  const listDir = async (dir: string, entries: Entry[], lev: number, prefix: string): Promise<{ dirs: number; files: number }> => {
    const tot = { dirs: 0, files: 0 };
    for (let k = 0; k < entries.length; k++) {
      const e = entries[k]!;
      const last = k === entries.length - 1;
      const path = dir.endsWith('/') ? `${dir}${e.name}` : `${dir}/${e.name}`;
      const lead = o.noIndent ? '' : `${prefix}${last ? draw.corner : draw.tee} `;
      out += `${lead}${info(e)}${label(e, o.fullPath ? path : e.name)}`;
      let sub: Entry[] | undefined;
      if (e.isDir) {
        tot.dirs++;
        const key = `${(e.target ?? e.st).dev}:${(e.target ?? e.st).ino}`;
        const seen = visited.has(key);
        visited.add(key);
        if ((e.link === undefined || o.follow) && !(o.level >= 0 && lev > o.level)) {
          if (e.link !== undefined && seen) out += '  [recursive, not followed]';
          else {
            sub = await readDir(path);
            if (!sub) {
              out += '  [error opening dir]';
              errors++;
            }
          }
        }
      } else tot.files++;
      out += '\n';
      if (out.length > 8192) await flush();
      if (sub && sub.length) {
        const inner = await listDir(path, sub, lev + 1, o.noIndent ? '' : `${prefix}${last ? '    ' : `${draw.vert} `}`);
        tot.dirs += inner.dirs;
        tot.files += inner.files;
      }
    }
    return tot;
  };
  let tot = { dirs: 0, files: 0 };
  for (const root of roots) {
    let st: Stat | undefined;
    try {
      st = await ctx.sys.lstat(root);
    } catch {
      st = undefined;
    }
    const entries = st ? await readDir(root) : undefined;
    if (st) visited.add(`${st.dev}:${st.ino}`);
    const rootEntry: Entry | undefined = st ? { name: root, st, isDir: st.kind === 'dir' } : undefined;
    out += `${rootEntry ? info(rootEntry) : ''}${root}${st ? suffix(st) : ''}`;
    if (!entries) {
      out += '  [error opening dir]\n';
      errors++;
    } else {
      out += '\n';
      tot = entries.length ? await listDir(root, entries, 1, '') : { dirs: 0, files: 0 };
    }
  }
  if (!o.noReport) {
    out += o.dirsOnly
      ? `\n${tot.dirs} director${tot.dirs === 1 ? 'y' : 'ies'}\n`
      : `\n${tot.dirs} director${tot.dirs === 1 ? 'y' : 'ies'}, ${tot.files} file${tot.files === 1 ? '' : 's'}\n`;
  }
  await flush();
  return errors ? 2 : 0;
}
