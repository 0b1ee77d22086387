import { isSysError, type Errno } from '../../shared/errno';
import { defineProgram, usageError } from '../define';
import type { Ctx } from '../lib/context';
import { flag } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quoteaf } from '../lib/quotearg';

const spec = {
  name: 'rmdir',
  installPath: '/usr/bin/rmdir',
  pkg: 'coreutils',
  usage: 'rmdir [OPTION]... DIRECTORY...',
  help: `Remove each DIRECTORY, which must be empty.

      --ignore-fail-on-non-empty
                    do not report a directory that could not be removed
                    only because it is not empty
  -p, --parents     then remove each parent named in DIRECTORY too, as
                    'rmdir a/b/c a/b a' would
  -v, --verbose     report each directory as it is processed
${HELP_LINES}
${coreutilsHelpFooter('rmdir')}`,
  version: coreutilsVersion('rmdir', ['David MacKenzie']),
  options: [
    { key: 'ignore', long: 'ignore-fail-on-non-empty' },
    { key: 'p', short: 'p', long: 'parents' },
    { key: 'v', short: 'v', long: 'verbose' },
  ],
};

interface Opts {
  ignore: boolean;
  verbose: boolean;
}

async function isEmptyDir(ctx: Ctx, dir: string): Promise<boolean | undefined> {
  try {
    return (await ctx.sys.readdir(dir)).filter((n) => n !== '.' && n !== '..').length === 0;
  } catch {
    return undefined;
  }
}

async function ignorable(ctx: Ctx, o: Opts, errno: Errno, dir: string): Promise<boolean> {
  if (!o.ignore) return false;
  if (errno === 'ENOTEMPTY' || errno === 'EEXIST') return true;
  if (['EACCES', 'EPERM', 'EROFS', 'EBUSY'].includes(errno)) return (await isEmptyDir(ctx, dir)) === false;
  return false;
}

/** GNU prints the verbose line with prog_fprintf, which flushes stdout at once. */
async function verbose(ctx: Ctx, dir: string): Promise<void> {
  await ctx.print(`${ctx.name}: removing directory, ${quoteaf(dir)}\n`);
  await ctx.out.flush();
}

const stripSlashes = (s: string): string => s.replace(/(.)\/+$/, '$1');

async function removeParents(ctx: Ctx, o: Opts, path: string): Promise<boolean> {
  let dir = stripSlashes(path);
  for (;;) {
    const slash = dir.lastIndexOf('/');
    if (slash < 0) return true;
    let end = slash;
    while (end > 0 && dir[end] === '/') end--;
    dir = dir.slice(0, end + 1);
    if (o.verbose) await verbose(ctx, dir);
    try {
      await ctx.sys.rmdir(dir);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (await ignorable(ctx, o, e.errno, dir)) return true;
      await ctx.perror(e, `${e.errno === 'ENOTDIR' ? 'failed to remove' : 'failed to remove directory'} ${quoteaf(dir)}`);
      return false;
    }
  }
}

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    if (args.operands.length === 0) return usageError(ctx, spec, 'missing operand');
    const o: Opts = { ignore: flag(args, 'ignore'), verbose: flag(args, 'v') };
    let ok = true;
    for (const dir of args.operands) {
      await ctx.tick();
      if (o.verbose) await verbose(ctx, dir);
      try {
        await ctx.sys.rmdir(dir);
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (await ignorable(ctx, o, e.errno, dir)) continue;
        let custom = false;
        if (e.errno === 'ENOTDIR' && dir.endsWith('/')) {
          // rmdir does not follow a symlink named with a trailing slash
          let isDir: boolean | undefined;
          try {
            isDir = (await ctx.sys.stat(dir)).kind === 'dir';
          } catch (e2) {
            isDir = isSysError(e2) && e2.errno !== 'ENOTDIR' ? true : undefined;
          }
          if (isDir) {
            try {
              if ((await ctx.sys.lstat(stripSlashes(dir))).kind === 'symlink') {
                await ctx.error(`failed to remove ${quoteaf(dir)}: Symbolic link not followed`);
                custom = true;
              }
            } catch {
              // fall through to the plain message
            }
          }
        }
        if (!custom) await ctx.perror(e, `failed to remove ${quoteaf(dir)}`);
        ok = false;
        continue;
      }
      if (flag(args, 'p') && !(await removeParents(ctx, o, dir))) ok = false;
    }
    return ok ? 0 : 1;
  },
});
