// rename (util-linux 2.38): renames files by replacing the first (or last, or every)
// occurrence of a plain string in their names; -s rewrites the targets of symbolic links.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { errx, exclusive, shortName, tryHelp, utilLinuxVersion, warnx } from './common';

const HELP = `
Usage:
 rename [options] <expression> <replacement> <file>...

Rename files by replacing a string in their names.

Options:
 -v, --verbose       show each rename
 -s, --symlink       change the targets of symbolic links instead
 -n, --no-act        change nothing (with -v: show what would be done)
 -a, --all           replace every occurrence
 -l, --last          replace the last occurrence only
 -o, --no-overwrite  leave existing files alone
 -i, --interactive   ask before overwriting

 -h, --help          display this help
 -V, --version       display version

For more details see rename(1).
`;

const EXIT_SOMEOK = 2;
const EXIT_NOTHING = 4;
const EXIT_UNEXPLAINED = 64;

interface Opts {
  all: boolean;
  last: boolean;
  verbose: boolean;
  noact: boolean;
  nooverwrite: boolean;
  interactive: boolean;
}

/** string_replace: the new name, replacing in orig from `start` on; undefined if `from` is absent. */
export function replace(from: string, to: string, orig: string, start: number, o: Pick<Opts, 'all' | 'last'>): string | undefined {
  let where = orig.indexOf(from, start);
  if (where < 0) return undefined;
  let count = 1;
  let p = where;
  if (from !== '' || !o.all) {
    while ((o.all || o.last) && p >= 0) {
      p = orig.indexOf(from, p + (o.last ? 1 : from.length));
      if (p >= 0) {
        if (o.all) count++;
        if (o.last) where = p;
      }
    }
  }
  let out = '';
  let at = 0;
  while (count--) {
    out += orig.slice(at, where) + to;
    at = where + from.length;
    where = orig.indexOf(from, at);
  }
  return out + orig.slice(at);
}

async function exists(ctx: Ctx, path: string, follow: boolean): Promise<boolean> {
  try {
    await (follow ? ctx.sys.stat(path) : ctx.sys.lstat(path));
    return true;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return false;
  }
}

/** ask(): "overwrite?" on stdout, one answer line from stdin; yes when it starts with y. */
async function ask(ctx: Ctx, name: string): Promise<boolean> {
  await ctx.print(`${shortName(ctx)}: overwrite \`${name}'? `);
  await ctx.out.flush();
  const first = await ctx.sys.read(0, 1);
  if (!first || first.length === 0) {
    await ctx.print('n\n');
    return false;
  }
  let c = first[0]!;
  const answer = c;
  while (c !== 10) {
    const next = await ctx.sys.read(0, 1);
    if (!next || next.length === 0) break;
    c = next[0]!;
  }
  return answer === 0x79 || answer === 0x59;
}

async function doFile(ctx: Ctx, from: string, to: string, s: string, o: Opts): Promise<number> {
  try {
    await ctx.sys.lstat(s);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await warnx(ctx, `${s}: not accessible: ${strerror(e.errno)}`);
    return 2;
  }
  const slash = !from.includes('/') && !to.includes('/') ? s.lastIndexOf('/') : -1;
  const newname = replace(from, to, s, slash < 0 ? 0 : slash, o);
  if (newname === undefined) return 0;
  let { nooverwrite, interactive } = o;
  if ((nooverwrite || interactive) && !(await exists(ctx, newname, true))) nooverwrite = interactive = false;
  let ret = 1;
  if (nooverwrite || (interactive && (o.noact || !(await ask(ctx, newname))))) {
    if (o.verbose) await ctx.print(`Skipping existing file: \`${newname}'\n`);
    ret = 0;
  } else if (!o.noact) {
    try {
      await ctx.sys.rename(s, newname);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await warnx(ctx, `${s}: rename to ${newname} failed: ${strerror(e.errno)}`);
      ret = 2;
    }
  }
  if (o.verbose && (o.noact || ret === 1)) await ctx.print(`\`${s}' -> \`${newname}'\n`);
  return ret;
}

async function doSymlink(ctx: Ctx, from: string, to: string, s: string, o: Opts): Promise<number> {
  let kind: string;
  try {
    kind = (await ctx.sys.lstat(s)).kind;
  } catch (e) {
    if (!isSysError(e)) throw e;
    await warnx(ctx, `${s}: not accessible: ${strerror(e.errno)}`);
    return 2;
  }
  if (kind !== 'symlink') {
    await warnx(ctx, `${s}: not a symbolic link`);
    return 2;
  }
  const target = await ctx.sys.readlink(s);
  const newname = replace(from, to, target, 0, o);
  let ret = newname === undefined ? 0 : 1;
  let { nooverwrite, interactive } = o;
  if (ret === 1 && (nooverwrite || interactive) && !(await exists(ctx, newname!, false))) nooverwrite = interactive = false;
  if (ret === 1 && (nooverwrite || (interactive && (o.noact || !(await ask(ctx, newname!)))))) {
    if (o.verbose) await ctx.print(`Skipping existing link: \`${s}' -> \`${target}'\n`);
    ret = 0;
  }
  if (ret === 1 && !o.noact) {
    try {
      await ctx.sys.unlink(s);
      try {
        await ctx.sys.symlink(newname!, s);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await warnx(ctx, `${s}: symlinking to ${newname!} failed: ${strerror(e.errno)}`);
        ret = 2;
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (ret === 1) {
        await warnx(ctx, `${s}: unlink failed: ${strerror(e.errno)}`);
        ret = 2;
      }
    }
  }
  // (printed with the old name as "(null)" by C when nothing matched; only reached with -n)
  if (o.verbose && (o.noact || ret === 1)) await ctx.print(`${s}: \`${target}' -> \`${newname ?? '(null)'}'\n`);
  return ret;
}

const LONG: Record<string, string> = { a: 'all', l: 'last', i: 'interactive', o: 'no-overwrite' };

export default defineProgram({
  name: 'rename',
  installPath: '/usr/bin/rename',
  pkg: 'util-linux',
  options: [
    { key: 'v', short: 'v', long: 'verbose' },
    { key: 'V', short: 'V', long: 'version' },
    { key: 'h', short: 'h', long: 'help' },
    { key: 'a', short: 'a', long: 'all' },
    { key: 'l', short: 'l', long: 'last' },
    { key: 'n', short: 'n', long: 'no-act' },
    { key: 'o', short: 'o', long: 'no-overwrite' },
    { key: 'i', short: 'i', long: 'interactive' },
    { key: 's', short: 's', long: 'symlink' },
  ],
  async main(ctx, args) {
    const o: Opts = { all: false, last: false, verbose: false, noact: false, nooverwrite: false, interactive: false };
    let symlink = false;
    const seen: string[] = [];
    for (const { key } of args.order) {
      const row = exclusive([['a', 'l'], ['i', 'o']], seen, key);
      if (row) return errx(ctx, `mutually exclusive arguments:${row.map((k) => ` --${LONG[k]!}`).join('')}`);
      switch (key) {
        case 'n': o.noact = true; break;
        case 'a': o.all = true; break;
        case 'l': o.last = true; break;
        case 'v': o.verbose = true; break;
        case 'o': o.nooverwrite = true; break;
        case 'i': o.interactive = true; break;
        case 's': symlink = true; break;
        case 'V': return ctx.print(`${utilLinuxVersion(shortName(ctx))}\n`).then(() => 0);
        case 'h': return ctx.print(HELP).then(() => 0);
      }
    }
    const ops = args.operands;
    if (ops.length < 3) {
      await warnx(ctx, 'not enough arguments');
      return tryHelp(ctx);
    }
    const [from, to] = [ops[0]!, ops[1]!];
    if (from === to) return EXIT_NOTHING;
    let ret = 0;
    for (const file of ops.slice(2)) ret |= await (symlink ? doSymlink : doFile)(ctx, from, to, file, o);
    switch (ret) {
      case 0: return EXIT_NOTHING;
      case 1: return 0;
      case 2: return 1;
      case 3: return EXIT_SOMEOK;
      default: return EXIT_UNEXPLAINED;
    }
  },
});
