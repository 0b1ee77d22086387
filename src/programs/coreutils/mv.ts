import { isSysError } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import { defineProgram, usageError } from '../define';
import { backupSuffix, backupType, makeBackup, type BackupType } from '../lib/backup';
import type { Ctx } from '../lib/context';
import { Copier } from '../lib/copy';
import { sameFileOk, sourceIsDstBackup } from '../lib/same-file';
import { flag, lastValue } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quoteaf } from '../lib/quote';
import { intoDir, planTargets } from '../lib/target';
import { yesno } from '../lib/yesno';

interface MoveOptions {
  interactive: 'ask' | 'no' | 'default';
  update: boolean;
  verbose: boolean;
  backup?: { type: BackupType; suffix: string };
  /** dev:ino of what earlier arguments became: mv a/f b/f dir must not clobber a/f's move. */
  moved?: Set<string>;
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
      if (verbose) await ctx.print(`removed directory ${quoteaf(path)}\n`);
    } else {
      await ctx.sys.unlink(path);
      if (verbose) await ctx.print(`removed ${quoteaf(path)}\n`);
    }
    return true;
  } catch (e) {
    await ctx.perror(e, `cannot remove ${quoteaf(path)}`);
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
      await ctx.perror(e, `cannot stat ${quoteaf(src)}`);
    }
    return false;
  }
  let dstSt: Stat | undefined;
  try {
    dstSt = await ctx.sys.lstat(dst);
  } catch (e) {
    // copy.c: a destination that cannot be looked at for another reason than its absence
    // (a file in the middle of the path, 'file/') stops the move
    if (!isSysError(e)) throw e;
    if (e.errno !== 'ENOENT') {
      await ctx.perror(e, `cannot stat ${quoteaf(dst)}`);
      return false;
    }
  }
  if (!dstSt && st.kind !== 'dir' && dst.endsWith('/')) {
    // rename(2) refuses a non-directory to a name ending in a slash
    await ctx.error(`cannot move ${quoteaf(src)} to ${quoteaf(dst)}: Not a directory`);
    return false;
  }
  if (dstSt) {
    let returnNow = false;
    if (o.interactive !== 'no') {
      const backup = o.backup !== undefined && o.backup.type !== 'none';
      const verdict = await sameFileOk(ctx, src, st, dst, dstSt, { hardLink: false, symbolicLink: false, derefNever: true, move: true, unlinkFirst: false, backup });
      if (!verdict.ok) {
        await ctx.error(`${quoteaf(src)} and ${quoteaf(dst)} are the same file`);
        return false;
      }
      returnNow = verdict.returnNow;
    }
    if (o.update && st.kind !== 'dir' && dstSt.mtime >= st.mtime) return true;
    if (o.interactive === 'no') return true;
    if (o.interactive === 'ask' && !(await yesno(ctx, `${ctx.name}: overwrite ${quoteaf(dst)}? `))) return true;
    if (returnNow) return true;
    if (st.kind === 'dir' && dstSt.kind !== 'dir') {
      await ctx.error(`cannot overwrite non-directory ${quoteaf(dst)} with directory ${quoteaf(src)}`);
      return false;
    }
    if (dstSt.kind !== 'dir' && o.backup?.type !== 'numbered' && o.moved?.has(`${dstSt.dev}:${dstSt.ino}`)) {
      await ctx.error(`will not overwrite just-created ${quoteaf(dst)} with ${quoteaf(src)}`);
      return false;
    }
    if (st.kind !== 'dir' && dstSt.kind === 'dir') {
      await ctx.error(`cannot overwrite directory ${quoteaf(dst)} with non-directory`);
      return false;
    }
  }
  let backedUp = '';
  if (dstSt && o.backup && o.backup.type !== 'none') {
    if (o.backup.type !== 'numbered' && (await sourceIsDstBackup(ctx, src, st, dst, o.backup.suffix))) {
      await ctx.error(`backing up ${quoteaf(dst)} might destroy source;  ${quoteaf(src)} not moved`);
      return false;
    }
    const name = await makeBackup(ctx, dst, o.backup.type, o.backup.suffix);
    if (name === undefined) return false;
    backedUp = ` (backup: ${quoteaf(name)})`;
  }
  try {
    await ctx.sys.rename(src, dst);
    if (o.verbose) await ctx.print(`renamed ${quoteaf(src)} -> ${quoteaf(dst)}${backedUp}\n`);
    return true;
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.errno === 'EINVAL') {
      await ctx.error(`cannot move ${quoteaf(src)} to a subdirectory of itself, ${quoteaf(dst)}`);
      return false;
    }
    if (e.errno !== 'EXDEV') {
      await ctx.perror(e, `cannot move ${quoteaf(src)} to ${quoteaf(dst)}`);
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
        await ctx.perror(e, `inter-device move failed: ${quoteaf(src)} to ${quoteaf(dst)}; unable to remove target`);
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
    // -Z: restore the default SELinux context; nothing to do without SELinux
    { key: 'Z', short: 'Z', long: 'context' },
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
    if (flag(args, 'b') || args.values.has('backup') || args.values.has('S')) {
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
    o.moved = new Set();
    for (const src of plan.sources) {
      const dst = intoDir(plan.dir, src);
      if (!(await move(ctx, o, src, dst))) ok = false;
      else {
        const d = await lstatOrUndefined(ctx, dst);
        if (d && d.kind !== 'dir') o.moved.add(`${d.dev}:${d.ino}`);
      }
    }
    return ok ? 0 : 1;
  },
});
