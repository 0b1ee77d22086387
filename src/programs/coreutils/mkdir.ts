import { isSysError, strerror, SysError } from '../../shared/errno';
import { defineProgram, usageError } from '../define';
import type { Ctx } from '../lib/context';
import { flag, lastValue } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { adjustMode, compileMode } from '../lib/mode-parse';
import { quote, quoteaf } from '../lib/quote';

interface Plan {
  parents: boolean;
  verbose: boolean;
  /** Mode for the last component (permission and special bits). */
  mode: number;
  /** The umask while creating the last component, and while creating ancestors. */
  umaskSelf: number;
  umaskAncestor: number;
  /** -m named setuid/setgid or asked for sticky, which mkdir(2) does not settle: chmod after. */
  chmodAfter: boolean;
  /** The bits -m names (gnulib's mode_bits). */
  bits: number;
}

async function isDir(ctx: Ctx, path: string): Promise<boolean> {
  try {
    return (await ctx.sys.stat(path)).kind === 'dir';
  } catch {
    return false;
  }
}

async function mkdirWith(ctx: Ctx, path: string, mode: number, umask: number): Promise<void> {
  const saved = ctx.sys.umask(umask);
  try {
    await ctx.sys.mkdir(path, mode);
  } finally {
    ctx.sys.umask(saved);
  }
}

async function announce(ctx: Ctx, plan: Plan, path: string): Promise<void> {
  if (plan.verbose) await ctx.print(`${ctx.name}: created directory ${quoteaf(path)}\n`);
}

/**
 * mkdir -p: every missing ancestor, then the directory itself. Like gnulib's mkancesdirs,
 * each ancestor is made (or found) and then entered; when it cannot be entered, the message
 * names the path up to that ancestor, with chdir's error unless that was ENOENT after mkdir failed.
 */
async function makeAncestors(ctx: Ctx, plan: Plan, dir: string): Promise<boolean> {
  const parts = dir.split('/');
  // the last non-empty component is the directory itself
  let last = parts.length - 1;
  while (last > 0 && parts[last] === '') last--;
  for (let i = 0; i < last; i++) {
    if (parts[i] === '') continue;
    const prefix = parts.slice(0, i + 1).join('/');
    let made: SysError | undefined;
    if (parts[i] !== '.' && parts[i] !== '..') {
      try {
        await mkdirWith(ctx, prefix, 0o777, plan.umaskAncestor);
        await announce(ctx, plan, prefix);
      } catch (e) {
        if (!isSysError(e)) throw e;
        made = e;
      }
    }
    const entered = await enter(ctx, prefix);
    if (entered) {
      const err = made && entered.errno === 'ENOENT' ? made : entered;
      await ctx.error(`cannot create directory ${quote(prefix)}: ${strerror(err.errno)}`);
      return false;
    }
  }
  return true;
}

/** Whether the process could chdir into `path`: undefined if so, else the SysError. */
async function enter(ctx: Ctx, path: string): Promise<SysError | undefined> {
  try {
    const st = await ctx.sys.stat(path);
    if (st.kind !== 'dir') return new SysError('ENOTDIR', 'chdir', path);
    await ctx.sys.access(path, 1);
    return undefined;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return e;
  }
}

async function makeOne(ctx: Ctx, plan: Plan, dir: string): Promise<boolean> {
  if (plan.parents && !(await makeAncestors(ctx, plan, dir))) return false;
  try {
    await mkdirWith(ctx, dir, plan.mode & 0o1777, plan.umaskSelf);
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (plan.parents && e.errno === 'EEXIST' && (await isDir(ctx, dir))) return true;
    await ctx.perror(e, `cannot create directory ${quote(dir)}`);
    return false;
  }
  await announce(ctx, plan, dir);
  if (plan.chmodAfter) {
    // gnulib dirchownmod: only the bits -m names change, and only when they differ from what
    // mkdir gave (a setgid bit inherited from the parent stays unless -m names it)
    try {
      const cur = (await ctx.sys.stat(dir)).mode & 0o7777;
      if ((cur ^ plan.mode) & plan.bits) await ctx.sys.chmod(dir, plan.mode | (cur & ~plan.bits));
    } catch (e) {
      await ctx.perror(e, `cannot change permissions of ${quote(dir)}`);
      return false;
    }
  }
  return true;
}

const spec = {
  name: 'mkdir',
  installPath: '/usr/bin/mkdir',
  pkg: 'coreutils',
  usage: 'mkdir [OPTION]... DIRECTORY...',
  help: `Create each DIRECTORY that does not exist yet.

Long options take the same arguments as their short forms.
  -m, --mode=MODE   give new directories MODE (as chmod reads it) instead of
                      a=rwx minus the umask
  -p, --parents     create missing parent directories too, and do not complain
                      when a directory already exists; parents get the umask's
                      mode plus u+wx, whatever -m says
  -v, --verbose     report each directory created
  -Z                accepted; this system has no SELinux contexts to set
      --context[=CTX]  likewise accepted and ignored
${HELP_LINES}
${coreutilsHelpFooter('mkdir')}`,
  version: coreutilsVersion('mkdir', ['David MacKenzie']),
  options: [
    { key: 'm', short: 'm', long: 'mode', arg: 'required' as const },
    { key: 'p', short: 'p', long: 'parents' },
    { key: 'v', short: 'v', long: 'verbose' },
    { key: 'Z', short: 'Z' },
    { key: 'context', long: 'context', arg: 'optional' as const },
  ],
};

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    // --context=CTX on a system without SELinux: a warning, then carry on
    for (const o of args.order) if (o.key === 'context' && o.value !== undefined) await ctx.error('warning: ignoring --context; it requires an SELinux/SMACK-enabled kernel');
    if (args.operands.length === 0) return usageError(ctx, spec, 'missing operand');
    const umask = ctx.sys.umask();
    const modeArg = lastValue(args, 'm');
    const plan: Plan = {
      parents: flag(args, 'p'),
      verbose: flag(args, 'v'),
      mode: 0o777,
      umaskSelf: umask,
      umaskAncestor: umask & ~0o300,
      chmodAfter: false,
      bits: 0,
    };
    if (modeArg !== undefined) {
      const changes = compileMode(modeArg);
      if (!changes) {
        await ctx.error(`invalid mode ${quote(modeArg)}`);
        return 1;
      }
      const { mode, bits } = adjustMode(0o777, true, umask, changes);
      plan.mode = mode;
      plan.umaskSelf = umask & ~mode;
      plan.bits = bits;
      plan.chmodAfter = ((bits & 0o6000) | (mode & 0o1000)) !== 0;
    }
    let ok = true;
    for (const dir of args.operands) {
      await ctx.tick();
      if (!(await makeOne(ctx, plan, dir))) ok = false;
    }
    return ok ? 0 : 1;
  },
});
