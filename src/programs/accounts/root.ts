// shadow's --root and --prefix (libmisc/root_flag.c, prefix_flag.c). Both are found by a scan
// of the raw arguments before getopt runs: only `-R DIR`, `--root DIR` and `--root=DIR` count
// (likewise for the prefix), and a second one is an error. --root chroots the tool into DIR,
// so everything it reads and writes is inside; --prefix keeps the root and names the files
// as PREFIX + "/" + "/etc/passwd" (the doubled slash shows in messages, as shadow prints it).
import { isSysError, strerror } from '../../shared/errno';
import type { Ctx } from '../lib/context';
import { fail } from './common';

const E_BAD_ARG = 3;

/** The value of a root or prefix option, undefined when absent, or an exit status. */
async function scan(ctx: Ctx, short: string, long: string): Promise<string | undefined | number> {
  const argv = ctx.argv;
  let found: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    let val: string | undefined;
    if (a.startsWith(`--${long}=`)) val = a.slice(long.length + 3);
    else if (a !== `--${long}` && a !== short) continue;
    if (found !== undefined) {
      await fail(ctx, `multiple --${long} options`);
      return E_BAD_ARG;
    }
    if (val === undefined) {
      if (i + 1 === argv.length) {
        await fail(ctx, `option '${a}' requires an argument`);
        return E_BAD_ARG;
      }
      val = argv[++i]!;
    }
    found = val;
  }
  return found;
}

/** process_root_flag: chroot into the --root directory. Returns an exit status on failure. */
export async function processRoot(ctx: Ctx, short = '-R'): Promise<number | undefined> {
  const root = await scan(ctx, short, 'root');
  if (typeof root !== 'string') return root;
  if (!root.startsWith('/')) {
    await fail(ctx, `invalid chroot path '${root}', only absolute paths are supported.`);
    return E_BAD_ARG;
  }
  const sys = ctx.sys;
  const steps: [() => Promise<void>, string][] = [
    [() => sys.access(root, 0), `cannot access chroot directory ${root}`],
    [() => sys.chdir(root), `cannot chdir to chroot directory ${root}`],
    [() => sys.chroot(root), `unable to chroot to directory ${root}`],
  ];
  for (const [step, what] of steps) {
    try {
      await step();
    } catch (e) {
      if (!isSysError(e)) throw e;
      await fail(ctx, `${what}: ${strerror(e.errno)}`);
      return E_BAD_ARG;
    }
  }
  return undefined;
}

/** process_prefix_flag: the prefix ('' for none or `/`), or an exit status. */
export async function processPrefix(ctx: Ctx): Promise<string | number> {
  const prefix = await scan(ctx, '-P', 'prefix');
  if (typeof prefix === 'number') return prefix;
  if (prefix === undefined || prefix === '' || prefix === '/') return '';
  if (!prefix.startsWith('/')) {
    await fail(ctx, 'prefix must be an absolute path');
    return E_BAD_ARG;
  }
  return prefix;
}

/** Both, in shadow's order: --root first, then --prefix. */
export async function rootAndPrefix(ctx: Ctx): Promise<string | number> {
  const status = await processRoot(ctx);
  if (status !== undefined) return status;
  return processPrefix(ctx);
}

/** A system path as a tool run with `prefix` names it. */
export function prefixed(prefix: string, path: string): string {
  return prefix ? `${prefix}/${path}` : path;
}
