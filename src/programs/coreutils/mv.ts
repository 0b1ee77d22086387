import { isSysError } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import { defineProgram, usageError } from '../define';
import { backupSuffix, backupType, makeBackup, type BackupType } from '../lib/backup';
import type { Ctx } from '../lib/context';
import { Copier } from '../lib/copy';
import { flag, lastValue } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote } from '../lib/quote';
import { intoDir, planTargets } from '../lib/target';
import { yesno } from '../lib/yesno';

interface MoveOptions {
  interactive: 'ask' | 'no' | 'default';
  update: boolean;
  verbose: boolean;
  backup?: { type: BackupType; suffix: string };
}

async function lstatOrUndefined(ctx: Ctx, path: string): Promise<Stat | undefined> {
  try {
    return await ctx.sys.lstat(path);
  } catch {
    return undefined;
  }
}

/** Removes `path` after a cross-device copy, as `rm -r` would (verbose like mv -v). */
async function removeSource(ctx: Ctx, path: string, verbose: boolean): Promise<boolean> {
  await ctx.tick();
  try {
    const st = await ctx.sys.lstat(path);
    if (st.kind === 'dir') {
      let ok = true;
      for (const name of await ctx.sys.readdir(path)) {
        if (!(await removeSource(ctx, path.endsWith('/') ? `${path}${name}` : `${path}/${name}`, verbose))) ok = false;
      }
      if (!ok) return false;
      await ctx.sys.rmdir(path);
      if (verbose) await ctx.print(`removed directory ${quote(path)}\n`);
    } else {
      await ctx.sys.unlink(path);
      if (verbose) await ctx.print(`removed ${quote(path)}\n`);
    }
    return true;
  } catch (e) {
    await ctx.perror(e, `cannot remove ${quote(path)}`);
    return false;
  }
}

async function move(ctx: Ctx, o: MoveOptions, src: string, dst: string): Promise<boolean> {
  await ctx.tick();
  const st = await lstatOrUndefined(ctx, src);
  if (!st) {
    try {
      await ctx.sys.lstat(src);
    } catch (e) {
      await ctx.perror(e, `cannot stat ${quote(src)}`);
    }
    return false;
  }
  const dstSt = await lstatOrUndefined(ctx, dst);
  if (!dstSt && st.kind !== 'dir' && dst.endsWith('/')) {
    // rename(2) refuses a non-directory to a name ending in a slash
    await ctx.error(`cannot move ${quote(src)} to ${quote(dst)}: Not a directory`);
    return false;
  }
  if (dstSt) {
    if (dstSt.dev === st.dev && dstSt.ino === st.ino) {
      // two names of one file: rename(2) would do nothing, GNU mv drops the source name
      const same = (await ctx.sys.realpath(src).catch(() => src)) === (await ctx.sys.realpath(dst).catch(() => dst));
      if (same || st.kind === 'dir' || st.kind === 'symlink') {
        await ctx.error(`${quote(src)} and ${quote(dst)} are the same file`);
        return false;
      }
    }
    if (o.interactive === 'no') return true;
    if (o.update && st.kind !== 'dir' && dstSt.mtime >= st.mtime) return true;
    if (o.interactive === 'ask' && !(await yesno(ctx, `${ctx.name}: overwrite ${quote(dst)}? `))) return true;
    if (st.kind === 'dir' && dstSt.kind !== 'dir') {
      await ctx.error(`cannot overwrite non-directory ${quote(dst)} with directory ${quote(src)}`);
      return false;
    }
    if (st.kind !== 'dir' && dstSt.kind === 'dir') {
      await ctx.error(`cannot overwrite directory ${quote(dst)} with non-directory`);
      return false;
    }
    if (dstSt.dev === st.dev && dstSt.ino === st.ino) {
      await ctx.sys.unlink(src);
      if (o.verbose) await ctx.print(`renamed ${quote(src)} -> ${quote(dst)}\n`);
      return true;
    }
  }
  let backedUp = '';
  if (dstSt && o.backup && o.backup.type !== 'none') {
    const name = await makeBackup(ctx, dst, o.backup.type, o.backup.suffix);
    if (name === undefined) return false;
    backedUp = ` (backup: ${quote(name)})`;
  }
  try {
    await ctx.sys.rename(src, dst);
    if (o.verbose) await ctx.print(`renamed ${quote(src)} -> ${quote(dst)}${backedUp}\n`);
    return true;
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.errno === 'EINVAL') {
      await ctx.error(`cannot move ${quote(src)} to a subdirectory of itself, ${quote(dst)}`);
      return false;
    }
    if (e.errno !== 'EXDEV') {
      await ctx.perror(e, `cannot move ${quote(src)} to ${quote(dst)}`);
      return false;
    }
  }
  // another file system: replace the target, copy everything, then remove the source
  if (dstSt) {
    try {
      if (dstSt.kind === 'dir') await ctx.sys.rmdir(dst);
      else await ctx.sys.unlink(dst);
    } catch (e) {
      if (!(isSysError(e) && e.errno === 'ENOENT')) {
        await ctx.perror(e, `inter-device move failed: ${quote(src)} to ${quote(dst)}; unable to remove target`);
        return false;
      }
    }
  }
  const copier = new Copier(ctx, {
    move: true, recursive: true, deref: 'never', preserveMode: true, preserveOwner: true, preserveTimes: true,
    preserveLinks: true, interactive: 'default', force: false, removeFirst: false, update: false, verbose: o.verbose, link: undefined,
  });
  if (!(await copier.copy(src, dst))) return false;
  return removeSource(ctx, src, o.verbose);
}

const spec = {
  name: 'mv',
  installPath: '/usr/bin/mv',
  pkg: 'coreutils',
  usage: 'mv [OPTION]... [-T] SOURCE DEST\nmv [OPTION]... SOURCE... DIRECTORY\nmv [OPTION]... -t DIRECTORY SOURCE...',
  help: `Rename SOURCE to DEST, or move each SOURCE into DIRECTORY.

Long options take the same arguments as their short forms.
      --backup[=CONTROL]       back up each destination file that exists
  -b                           like --backup without an argument
  -f, --force                  never ask before overwriting
  -i, --interactive            ask before overwriting
  -n, --no-clobber             never overwrite an existing file
If more than one of -i, -f, -n is given, the last one counts.
      --strip-trailing-slashes  drop trailing slashes from each SOURCE
  -S, --suffix=SUFFIX          backup suffix instead of ~
  -t, --target-directory=DIRECTORY  move every SOURCE into DIRECTORY
  -T, --no-target-directory    treat DEST as a plain file name
  -u, --update                 move only when SOURCE is newer than the
                                 destination, or the destination is missing
  -v, --verbose                report each move
${HELP_LINES}

Moving to another file system copies the files (keeping modes, owners and
times) and then removes the originals.

CONTROL is none/off, numbered/t, existing/nil or simple/never; the default
comes from $VERSION_CONTROL and is 'existing'.
${coreutilsHelpFooter('mv')}`,
  version: coreutilsVersion('mv', ['Mike Parker', 'David MacKenzie', 'Jim Meyering']),
  options: [
    { key: 'backup', long: 'backup', arg: 'optional' as const },
    { key: 'b', short: 'b' },
    { key: 'f', short: 'f', long: 'force' },
    { key: 'i', short: 'i', long: 'interactive' },
    { key: 'n', short: 'n', long: 'no-clobber' },
    { key: 'T', short: 'T', long: 'no-target-directory' },
    { key: 'strip-trailing-slashes', long: 'strip-trailing-slashes' },
    { key: 'S', short: 'S', long: 'suffix', arg: 'required' as const },
    { key: 't', short: 't', long: 'target-directory', arg: 'required' as const },
    { key: 'u', short: 'u', long: 'update' },
    { key: 'v', short: 'v', long: 'verbose' },
  ],
};

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    const o: MoveOptions = { interactive: 'default', update: flag(args, 'u'), verbose: flag(args, 'v') };
    for (const opt of args.order) {
      if (opt.key === 'f') o.interactive = 'default';
      else if (opt.key === 'i') o.interactive = 'ask';
      else if (opt.key === 'n') o.interactive = 'no';
    }
    if (flag(args, 'b') || args.values.has('backup')) {
      if (o.interactive === 'no') return usageError(ctx, spec, 'options --backup and --no-clobber are mutually exclusive');
      const type = await backupType(ctx, lastValue(args, 'backup'));
      if (type === undefined) return 1;
      o.backup = { type, suffix: backupSuffix(ctx, lastValue(args, 'S')) };
    }
    if ((args.values.get('t') ?? []).length > 1) {
      await ctx.error('multiple target directories specified');
      return 1;
    }
    let files = args.operands;
    if (flag(args, 'strip-trailing-slashes')) files = files.map((f) => f.replace(/(.)\/+$/, '$1'));
    const plan = await planTargets(ctx, files, lastValue(args, 't'), flag(args, 'T'));
    if (plan.kind === 'usage') return usageError(ctx, spec, plan.message);
    if (plan.kind === 'fatal') {
      await ctx.error(plan.message);
      return 1;
    }
    if (plan.kind === 'single') return (await move(ctx, o, plan.source, plan.dest)) ? 0 : 1;
    let ok = true;
    for (const src of plan.sources) if (!(await move(ctx, o, src, intoDir(plan.dir, src)))) ok = false;
    return ok ? 0 : 1;
  },
});
