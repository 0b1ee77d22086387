// find's tests on names, types, permissions, owners, sizes and links (parser.c/pred.c).
import type { Stat } from '../../../shared/stat';
import { isSysError } from '../../../shared/errno';
import { compileFnmatch } from '../../lib/fnmatch';
import { compileWholeMatch, RegexError } from '../../lib/gnu-regex';
import type { SafeRegExp } from '../../lib/safe-regex';
import { adjustMode, compileMode } from '../../lib/mode-parse';
import { q, type Parser, type ParserEntry } from './parse';
import { timeParsers } from './times';
import { FindExit, type Entry, type FindState } from './types';

export type Comp = 'gt' | 'lt' | 'eq';

/** findutils get_num: an optional + or - and a decimal number. */
export function getNum(s: string | undefined): { comp: Comp; n: number } | undefined {
  if (s === undefined) return undefined;
  let comp: Comp = 'eq';
  let rest = s;
  if (s[0] === '+') comp = 'gt';
  else if (s[0] === '-') comp = 'lt';
  if (comp !== 'eq') rest = s.slice(1);
  // strtoumax: blanks, then an optional plus sign, then decimal digits
  const m = /^[ \t\n\v\f\r]*\+?(\d+)$/.exec(rest);
  if (!m) return undefined;
  return { comp, n: Number(m[1]) };
}

export function compare(comp: Comp, value: number, n: number): boolean {
  return comp === 'gt' ? value > n : comp === 'lt' ? value < n : value === n;
}

/** The last component of a path with trailing slashes removed ("/" stays "/"). */
export function baseName(path: string): string {
  if (/^\/+$/.test(path)) return '/';
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** A test taking a number with + or - (-links, -inum, -uid, -gid). */
function numTest(get: (st: Stat) => number): ParserEntry {
  return {
    kind: 'test',
    parse(p, name) {
      const arg = p.collect();
      if (arg === undefined) return false;
      const v = getNum(arg);
      if (!v) {
        p.i--; // not consumed: the message names it
        return false;
      }
      p.primary(name, (e) => compare(v.comp, get(e.st), v.n));
      return true;
    },
  };
}

function nameTest(kind: 'name' | 'path' | 'lname', casefold: boolean): ParserEntry {
  return {
    kind: 'test',
    async parse(p, name) {
      const pattern = p.collect();
      if (pattern === undefined) return false;
      if (kind === 'name' && pattern.includes('/') && p.s.opts.warnings) {
        void p.warn(`warning: ${q(name)} matches against basenames only, but the given pattern contains a directory separator (${q('/')}), thus the expression will evaluate to false all the time.  Did you mean ${q(casefold ? '-iwholename' : '-wholename')}?`);
      }
      const m = compileFnmatch(pattern, { casefold });
      // a path that ends in / can only be a starting point written so (-path foo/ with find foo/)
      if (kind === 'path' && pattern.endsWith('/') && !p.s.ctx.env.has('POSIXLY_CORRECT') && !(p.s.roots ?? []).some((r) => m(r))) {
        await p.warn(`warning: ${name} ${pattern} will not match anything because it ends with /.`);
      }
      if (kind === 'name') p.primary(name, (e) => m(baseName(e.path)));
      else if (kind === 'path') p.primary(name, (e) => m(e.path));
      else {
        p.primary(name, async (e, s) => {
          if (e.st.kind !== 'symlink') return false;
          try {
            return m(await s.ctx.sys.readlink(e.path));
          } catch (err) {
            await s.ctx.perror(err, q(e.path));
            s.status = 1;
            return false;
          }
        });
      }
      return true;
    },
  };
}

function regexTest(icase: boolean): ParserEntry {
  return {
    kind: 'test',
    parse(p, name) {
      const pattern = p.collect();
      if (pattern === undefined) return false;
      let re: SafeRegExp;
      try {
        re = compileWholeMatch(pattern, p.s.opts.regexSyntax, icase, p.s.opts.regexDotNewline);
      } catch (err) {
        if (!(err instanceof RegexError)) throw err;
        throw new FindExit(1, `failed to compile regular expression '${pattern}': ${err.message}`);
      }
      p.primary(name, (e) => re.test(e.path));
      return true;
    },
  };
}

const TYPE_LETTERS: Record<string, Stat['kind']> = { b: 'blockdev', c: 'chardev', d: 'dir', f: 'file', l: 'symlink', p: 'fifo', s: 'socket' };

function typeTest(x: boolean): ParserEntry {
  return {
    kind: 'test',
    parse(p, name) {
      const arg = p.collect();
      if (arg === undefined) return false;
      const pred = x ? '-xtype' : '-type';
      if (!arg) throw new FindExit(1, `Arguments to ${pred} should contain at least one letter`);
      const kinds = new Set<Stat['kind']>();
      for (let i = 0; i < arg.length; ) {
        const letter = arg[i]!;
        const kind = TYPE_LETTERS[letter];
        if (letter === 'D') throw new FindExit(1, `${pred} D is not supported because Solaris doors are not supported on the platform find was compiled on.`);
        if (!kind) throw new FindExit(1, `Unknown argument to ${pred}: ${letter}`);
        if (kinds.has(kind)) throw new FindExit(1, `Duplicate file type '${letter}' in the argument list to ${pred}.`);
        kinds.add(kind);
        i++;
        if (i < arg.length) {
          if (arg[i] !== ',') throw new FindExit(1, `Must separate multiple arguments to ${pred} using: ','`);
          i++;
          if (i >= arg.length) throw new FindExit(1, `Last file type in list argument to ${pred} is missing, i.e., list is ending on: ','`);
        }
      }
      if (!x) {
        p.primary(name, (e) => kinds.has(e.st.kind));
        return true;
      }
      p.primary(name, async (e, s) => {
        const follow = s.opts.follow === 'L' || (s.opts.follow === 'H' && e.depth === 0);
        try {
          const st = follow ? await s.ctx.sys.lstat(e.path) : await statOrLstat(s, e.path);
          return kinds.has(st.kind);
        } catch (err) {
          await s.ctx.perror(err, q(e.path));
          s.status = 1;
          return false;
        }
      });
      return true;
    },
  };
}

/** stat, or lstat for a dangling symbolic link (findutils optionl_stat). */
export async function statOrLstat(s: FindState, path: string): Promise<Stat> {
  try {
    return await s.ctx.sys.stat(path);
  } catch (err) {
    if (isSysError(err) && (err.errno === 'ENOENT' || err.errno === 'ENOTDIR')) return s.ctx.sys.lstat(path);
    throw err;
  }
}

const permTest: ParserEntry = {
  kind: 'test',
  parse(p, name) {
    const expr = p.collect();
    if (expr === undefined) return false;
    let kind: 'exact' | 'least' | 'any' = 'exact';
    let start = 0;
    if (expr[0] === '-') {
      kind = 'least';
      start = 1;
    } else if (expr[0] === '/') {
      kind = 'any';
      start = 1;
    }
    const change = compileMode(expr.slice(start));
    if (!change || (expr[0] === '+' && /^[0-7]$/.test(expr[1] ?? ''))) throw new FindExit(1, `invalid mode ${q(expr)}`);
    const vals = [adjustMode(0, false, 0, change).mode, adjustMode(0, true, 0, change).mode];
    if (kind === 'any' && vals[0] === 0 && vals[1] === 0) {
      void p.warn(`warning: you have specified a mode pattern ${expr} (which is equivalent to /000). The meaning of -perm /000 has now been changed to be consistent with -perm -000; that is, while it used to match no files, it now matches all files.`);
      kind = 'least';
    }
    p.primary(name, (e) => {
      const mode = e.st.mode & 0o7777;
      const v = vals[e.st.kind === 'dir' ? 1 : 0]!;
      if (kind === 'least') return (mode & v) === v;
      if (kind === 'any') return v === 0 || (mode & v) !== 0;
      return mode === v;
    });
    return true;
  },
};

const SIZE_UNITS: Record<string, number> = { b: 512, c: 1, w: 2, k: 1024, M: 1024 * 1024, G: 1024 * 1024 * 1024 };

const sizeTest: ParserEntry = {
  kind: 'test',
  parse(p, name) {
    let arg = p.collect();
    if (arg === undefined) return false;
    if (arg === '') throw new FindExit(1, 'invalid null argument to -size');
    const suffix = arg[arg.length - 1]!;
    let unit = 512;
    let tail = '';
    if (suffix in SIZE_UNITS) {
      unit = SIZE_UNITS[suffix]!;
      arg = arg.slice(0, -1);
      tail = suffix;
    } else if (!/[0-9]/.test(suffix)) {
      throw new FindExit(1, `invalid -size type \`${suffix}'`);
    }
    const v = getNum(arg);
    if (!v) throw new FindExit(1, `Invalid argument \`${arg}${tail}' to -size`);
    p.primary(name, (e) => compare(v.comp, Math.ceil(e.st.size / unit), v.n));
    return true;
  },
};

function ownerTest(group: boolean): ParserEntry {
  return {
    kind: 'test',
    parse(p, name) {
      const arg = p.collect();
      if (arg === undefined) return false;
      let id = group ? p.s.acc.groupByName(arg)?.gid : p.s.acc.userByName(arg)?.uid;
      if (id === undefined) {
        const digits = /^\d*/.exec(arg)![0];
        if (digits && digits.length === arg.length) id = Number(arg);
        else if (group && digits) {
          throw new FindExit(1, `${q(arg)} is not the name of an existing group and it does not look like a numeric group ID because it has the unexpected suffix ${q(arg.slice(digits.length))}`);
        } else if (!arg) {
          throw new FindExit(1, group ? 'argument to -group is empty, but should be a group name' : 'The argument to -user should not be empty');
        } else {
          throw new FindExit(1, group ? `${q(arg)} is not the name of an existing group` : `${q(arg)} is not the name of a known user`);
        }
      }
      const want = id;
      p.primary(name, (e) => (group ? e.st.gid : e.st.uid) === want);
      return true;
    },
  };
}

function accessTest(mode: number): ParserEntry {
  return {
    kind: 'test',
    parse(p, name) {
      p.primary(name, async (e, s) => {
        // findutils wants the entry's inode first (an entry it could not stat fails here)
        void e.st.mode;
        try {
          await s.ctx.sys.access(e.path, mode);
          return true;
        } catch {
          return false;
        }
      });
      return true;
    },
  };
}

const simple = (fn: (e: Entry, s: FindState) => boolean | Promise<boolean>): ParserEntry => ({
  kind: 'test',
  parse(p: Parser, name: string) {
    p.primary(name, fn);
    return true;
  },
});

const emptyTest = simple(async (e, s) => {
  if (e.st.kind === 'file') return e.st.size === 0;
  if (e.st.kind !== 'dir') return false;
  try {
    return (await s.ctx.sys.readdir(e.path)).length === 0;
  } catch (err) {
    await s.ctx.perror(err, q(e.path));
    s.status = 1;
    return false;
  }
});

const samefileTest: ParserEntry = {
  kind: 'test',
  async parse(p, name) {
    const file = p.collect();
    if (file === undefined) return false;
    const st = await refStat(p, file);
    p.primary(name, (e) => e.st.ino === st.ino && e.st.dev === st.dev);
    return true;
  },
};

/** Stats a file named on the command line per the symlink mode; a failure ends find. */
export async function refStat(p: Parser, file: string): Promise<Stat> {
  try {
    return p.s.opts.follow === 'P' ? await p.s.ctx.sys.lstat(file) : await statOrLstat(p.s, file);
  } catch (err) {
    if (!isSysError(err)) throw err;
    await p.s.ctx.perror(err, q(file));
    throw new FindExit(1);
  }
}

const fstypeTest: ParserEntry = {
  kind: 'test',
  parse(p, name) {
    const type = p.collect();
    if (type === undefined) return false;
    p.primary(name, async (e, s) => {
      const mounts = s.ctx.sys.mounts();
      let best = '';
      let fs = 'unknown';
      let path = e.path;
      try {
        path = await s.ctx.sys.realpath(e.path);
      } catch {
        // keep the name as it is
      }
      for (const m of mounts) {
        const t = m.target;
        if ((path === t || path.startsWith(t === '/' ? '/' : `${t}/`)) && t.length >= best.length) {
          best = t;
          fs = m.type;
        }
      }
      return fs === type;
    });
    return true;
  },
};

export const testParsers: Record<string, ParserEntry> = {
  ...timeParsers,
  name: nameTest('name', false),
  iname: nameTest('name', true),
  path: nameTest('path', false),
  ipath: nameTest('path', true),
  wholename: nameTest('path', false),
  iwholename: nameTest('path', true),
  lname: nameTest('lname', false),
  ilname: nameTest('lname', true),
  regex: regexTest(false),
  iregex: regexTest(true),
  type: typeTest(false),
  xtype: typeTest(true),
  perm: permTest,
  size: sizeTest,
  user: ownerTest(false),
  group: ownerTest(true),
  uid: numTest((st) => st.uid),
  gid: numTest((st) => st.gid),
  links: numTest((st) => st.nlink),
  inum: numTest((st) => st.ino),
  nouser: simple((e, s) => s.acc.userById(e.st.uid) === undefined),
  nogroup: simple((e, s) => s.acc.groupById(e.st.gid) === undefined),
  empty: emptyTest,
  readable: accessTest(4),
  writable: accessTest(2),
  executable: accessTest(1),
  true: simple(() => true),
  false: simple(() => false),
  samefile: samefileTest,
  fstype: fstypeTest,
};
