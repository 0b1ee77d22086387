// pathchk: whether file names are valid here (every existing directory searchable, lengths
// within PATH_MAX and NAME_MAX) or, with -p, portable to any POSIX system (lengths 256 and 14,
// only the portable characters); -P also rejects empty names and components that start with '-'.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram, usageError } from '../define';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import type { Ctx } from '../lib/context';
import { quote, quoteaf, quotef } from '../lib/quote';
import { binArg, textOf } from '../lib/textio';

/** POSIX minimums (_POSIX_PATH_MAX, _POSIX_NAME_MAX) and Linux's limits (PATH_MAX, NAME_MAX). */
const POSIX_PATH_MAX = 256;
const POSIX_NAME_MAX = 14;
const PATH_MAX = 4096;
const NAME_MAX = 255;

const PORTABLE = /^[/A-Za-z0-9._-]*/;

const spec = {
  name: 'pathchk',
  installPath: '/usr/bin/pathchk',
  pkg: 'coreutils',
  usage: 'pathchk [OPTION]... NAME...',
  help: `Report file names that are invalid here or would not be portable.

  -p                  check against the limits of most POSIX systems
  -P                  also reject empty names and a leading "-"
      --portability   check against every POSIX system (the same as -p -P)
${HELP_LINES}
${coreutilsHelpFooter('pathchk')}`,
  version: coreutilsVersion('pathchk', ['Paul Eggert', 'David MacKenzie', 'Jim Meyering']),
  posixOrder: true,
  options: [
    { key: 'p', short: 'p' },
    { key: 'P', short: 'P' },
    { key: 'portability', long: 'portability' },
  ],
};

/** The components of a name: [start, length] pairs of the runs between slashes. */
function components(name: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /[^/]+/g;
  for (let m = re.exec(name); m; m = re.exec(name)) out.push([m.index, m[0].length]);
  return out;
}

/** The message for the first character outside the portable set (its first byte, in the C locale). */
function badChar(bytes: string, at: number): string {
  const c = bytes.charCodeAt(at);
  return c < 0x80 ? quote(bytes[at]!) : `'\\${c.toString(8).padStart(3, '0')}'`;
}

async function validate(ctx: Ctx, name: string, basic: boolean, extra: boolean): Promise<boolean> {
  const bytes = binArg(name);
  const len = bytes.length;
  if (extra && /(^|\/)-/.test(bytes)) {
    await ctx.error(`leading '-' in a component of file name ${quoteaf(name)}`);
    return false;
  }
  if ((basic || extra) && len === 0) {
    await ctx.error('empty file name');
    return false;
  }
  let exists = false;
  if (basic) {
    const ok = PORTABLE.exec(bytes)![0].length;
    if (ok < len) {
      await ctx.error(`nonportable character ${badChar(bytes, ok)} in file name ${quoteaf(name)}`);
      return false;
    }
  } else {
    try {
      await ctx.sys.lstat(name);
      exists = true;
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.errno !== 'ENOENT' || len === 0) {
        await ctx.error(`${quotef(name)}: ${strerror(e.errno)}`);
        return false;
      }
    }
  }
  if (basic || (!exists && len >= POSIX_PATH_MAX)) {
    const max = basic ? POSIX_PATH_MAX : PATH_MAX;
    if (len >= max) {
      await ctx.error(`limit ${max - 1} exceeded by length ${len} of file name ${quoteaf(name)}`);
      return false;
    }
  }
  const parts = components(bytes);
  if (!basic && (exists || !parts.some(([, n]) => n > POSIX_NAME_MAX))) return true;
  let nameMax = POSIX_NAME_MAX;
  let known = basic ? POSIX_NAME_MAX : 0;
  for (const [start, n] of parts) {
    if (known) nameMax = known;
    else {
      // pathconf(dir, _PC_NAME_MAX) of the directory holding this component
      const dir = start === 0 ? '.' : textOf(bytes.slice(0, start));
      try {
        await ctx.sys.stat(dir);
        nameMax = NAME_MAX;
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (e.errno === 'ENOENT') known = nameMax;
        else {
          await ctx.error(`${quotef(dir)}: ${strerror(e.errno)}`);
          return false;
        }
      }
    }
    if (n > nameMax) {
      await ctx.error(`limit ${nameMax} exceeded by length ${n} of file name component ${quote(textOf(bytes.slice(start, start + n)))}`);
      return false;
    }
  }
  return true;
}

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    if (args.operands.length === 0) return usageError(ctx, spec, 'missing operand');
    const portability = args.flags.has('portability');
    const basic = portability || args.flags.has('p');
    const extra = portability || args.flags.has('P');
    let ok = true;
    for (const name of args.operands) {
      await ctx.tick();
      ok = (await validate(ctx, name, basic, extra)) && ok;
    }
    return ok ? 0 : 1;
  },
});
