import { isSysError, SysError } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import { defineProgram, usageError } from '../define';
import { Accounts } from '../lib/accounts';
import { backupName, backupSuffix, backupType, type BackupType } from '../lib/backup';
import type { Ctx } from '../lib/context';
import { flag, lastValue } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { adjustMode, compileMode } from '../lib/mode-parse';
import { quote } from '../lib/quote';
import { resolveCommand } from '../lib/execvp';
import { quoteaf } from '../lib/quotearg';
import { sameFileOk } from '../lib/same-file';

const spec = {
  name: 'install',
  installPath: '/usr/bin/install',
  pkg: 'coreutils',
  usage: 'install [OPTION]... [-T] SOURCE DEST\ninstall [OPTION]... SOURCE... DIRECTORY\ninstall [OPTION]... -t DIRECTORY SOURCE...\ninstall [OPTION]... -d DIRECTORY...',
  help: `Copy each SOURCE to DEST (or into DIRECTORY) and set its mode, owner and
group; with -d, create each DIRECTORY (and its parents) instead.

Long options take the same arguments as their short forms.
      --backup[=CONTROL]  back up each destination that exists
  -b                  like --backup without an argument
  -c                  (ignored)
  -C, --compare       do not copy when SOURCE and DEST are already the same
  -d, --directory     treat the arguments as directories to create
  -D                  create the leading directories of DEST first
  -g, --group=GROUP   set the group (default: the caller's)
  -m, --mode=MODE     set the mode (as in chmod; default rwxr-xr-x)
  -o, --owner=OWNER   set the owner (root only)
  -p, --preserve-timestamps  keep SOURCE's access and modification times
  -s, --strip         strip symbol tables
      --strip-program=PROGRAM  program used to strip
  -S, --suffix=SUFFIX  backup suffix instead of ~
  -t, --target-directory=DIRECTORY  copy every SOURCE into DIRECTORY
  -T, --no-target-directory  treat DEST as a normal file
  -v, --verbose       print the name of each file or directory made
${HELP_LINES}
${coreutilsHelpFooter('install')}`,
  version: coreutilsVersion('install', ['David MacKenzie']),
  options: [
    { key: 'backup', long: 'backup', arg: 'optional' as const }, { key: 'b', short: 'b' }, { key: 'c', short: 'c' },
    { key: 'C', short: 'C', long: 'compare' }, { key: 'd', short: 'd', long: 'directory' }, { key: 'D', short: 'D' },
    { key: 'g', short: 'g', long: 'group', arg: 'required' as const }, { key: 'm', short: 'm', long: 'mode', arg: 'required' as const },
    { key: 'o', short: 'o', long: 'owner', arg: 'required' as const }, { key: 'p', short: 'p', long: 'preserve-timestamps' },
    { key: 's', short: 's', long: 'strip' }, { key: 'strip-program', long: 'strip-program', arg: 'required' as const },
    { key: 'S', short: 'S', long: 'suffix', arg: 'required' as const }, { key: 't', short: 't', long: 'target-directory', arg: 'required' as const },
    { key: 'T', short: 'T', long: 'no-target-directory' }, { key: 'v', short: 'v', long: 'verbose' },
    { key: 'Z', short: 'Z' }, { key: 'Z', long: 'context', arg: 'optional' as const }, { key: 'preserve-context', long: 'preserve-context' },
  ],
};

interface Opts {
  mode: number;
  dirMode: number;
  /** The mode bits -m names for a directory (all of them without -m): gnulib's mode_bits. */
  dirBits: number;
  uid: number;
  gid: number;
  verbose: boolean;
  preserveTimes: boolean;
  compare: boolean;
  backup: BackupType;
  suffix: string;
  /** -s: the program that strips each installed file. */
  strip?: string;
}

class Die extends Error {}

/** install.c strip(): runs PROGRAM on the new file; the child reports a program it cannot run. */
async function strip(ctx: Ctx, program: string, name: string): Promise<boolean> {
  // (no flush: what install printed waits in its buffer while the child writes)
  const path = await resolveCommand(ctx, program, ctx.env);
  const pid = typeof path !== 'string' ? path : await ctx.sys.spawn({ path, argv: [program, name], env: new Map(ctx.env) }).catch((e: unknown) => (isSysError(e) ? e : Promise.reject(e)));
  if (typeof pid !== 'number') await ctx.perror(pid, `cannot run ${quoteaf(program)}`);
  else {
    const r = await ctx.sys.wait(pid);
    if (r?.status.kind === 'exited' && r.status.code === 0) return true;
  }
  await ctx.error('strip process terminated abnormally');
  return false;
}

const tryStat = async (ctx: Ctx, p: string): Promise<Stat | SysError> => {
  try {
    return await ctx.sys.stat(p);
  } catch (e) {
    if (!isSysError(e)) throw e;
    return e;
  }
};

/**
 * make_dir_parents (-d, names quoted with quote()) or mkancesdirs (-D, the leading directories
 * of a destination, quoteaf()): each missing component, announced with -v; the last one gets MODE.
 */
async function makeDirs(ctx: Ctx, o: Opts, dir: string, lastMode: number | undefined, ancestors = false): Promise<boolean> {
  const abs = dir.startsWith('/');
  const comps = dir.split('/').filter(Boolean);
  let path = '';
  let made = false;
  for (let i = 0; i < comps.length; i++) {
    const c = comps[i]!;
    path = path === '' ? (abs ? `/${c}` : c) : `${path}/${c}`;
    if (c === '.' || c === '..') continue;
    const last = i === comps.length - 1;
    try {
      if (last && lastMode !== undefined) {
        // the directory asked for is made with its mode as given, the umask aside
        const saved = ctx.sys.umask(0);
        try {
          await ctx.sys.mkdir(path, lastMode & 0o1777);
        } finally {
          ctx.sys.umask(saved);
        }
        made = true;
      } else await ctx.sys.mkdir(path, 0o755);
      if (o.verbose) await ctx.print(`${ctx.name}: creating directory ${quoteaf(path)}\n`);
    } catch (e) {
      if (!isSysError(e)) throw e;
      let err = e;
      if (e.errno === 'EEXIST') {
        const st = await tryStat(ctx, path);
        if (!(st instanceof SysError) && st.kind === 'dir') {
          // make_dir_parents changes into each existing directory on the way
          if (last) continue;
          try {
            await ctx.sys.access(path, 1);
            continue;
          } catch (e2) {
            if (!isSysError(e2)) throw e2;
            err = e2;
          }
        } else if (!last || ancestors) {
          // mkancesdirs reports chdir's error, or mkdir's when chdir found nothing
          if (!(st instanceof SysError)) err = new SysError('ENOTDIR', 'mkdir');
          else if (st.errno !== 'ENOENT') err = st;
        }
      } else if (last && lastMode !== undefined && e.errno !== 'ENOENT') {
        // install -d goes on to set the mode of what mkdir could not make (make_dir_parents
        // without preserve_existing): a name that is still missing fails there, not at mkdir
        const st = await tryStat(ctx, path);
        if (st instanceof SysError && st.errno !== 'ENOTDIR') {
          const what = o.uid !== -1 || o.gid !== -1 ? 'owner and permissions' : 'permissions';
          await ctx.perror(st, `cannot change ${what} of ${quote(path)}`);
          return false;
        }
      }
      await ctx.perror(err, `cannot create directory ${ancestors ? quoteaf(path) : quote(path)}`);
      return false;
    }
  }
  if (lastMode === undefined) return true;
  // gnulib make_dir_parents: a directory just made keeps what mkdir gave it unless an owner or
  // setuid/setgid/sticky bits were asked for; otherwise dirchownmod changes only the named bits
  if (made && o.uid === -1 && o.gid === -1 && !((o.dirBits & 0o6000) | (lastMode & 0o1000))) return true;
  return changeDirAttributes(ctx, o, dir, lastMode);
}

async function changeDirAttributes(ctx: Ctx, o: Opts, name: string, mode: number): Promise<boolean> {
  const what = o.uid !== -1 || o.gid !== -1 ? 'owner and permissions' : 'permissions';
  try {
    if (o.uid !== -1 || o.gid !== -1) await ctx.sys.lchown(name, o.uid, o.gid);
    const cur = (await ctx.sys.stat(name)).mode & 0o7777;
    if ((cur ^ mode) & o.dirBits) await ctx.sys.chmod(name, mode | (cur & ~o.dirBits));
    return true;
  } catch (e) {
    await ctx.perror(e, `cannot change ${what} of ${quote(name)}`);
    return false;
  }
}

async function changeAttributes(ctx: Ctx, o: Opts, name: string, mode: number): Promise<boolean> {
  if (o.uid !== -1 || o.gid !== -1) {
    try {
      await ctx.sys.lchown(name, o.uid, o.gid);
    } catch (e) {
      await ctx.perror(e, `cannot change ownership of ${quoteaf(name)}`);
      return false;
    }
  }
  try {
    await ctx.sys.chmod(name, mode);
    return true;
  } catch (e) {
    await ctx.perror(e, `cannot change permissions of ${quoteaf(name)}`);
    return false;
  }
}

/** install -C: whether TO differs from FROM in type, size, mode, owner, group or contents. */
async function needCopy(ctx: Ctx, o: Opts, from: string, to: string, dst: Stat): Promise<boolean> {
  const extra = (m: number): boolean => (m & 0o7000) !== 0;
  if (extra(o.mode)) return true;
  const src = await ctx.sys.lstat(from).catch(() => undefined);
  if (!src || src.kind !== 'file' || dst.kind !== 'file' || extra(src.mode) || extra(dst.mode)) return true;
  if (src.size !== dst.size || (dst.mode & 0o7777) !== o.mode) return true;
  if (dst.uid !== (o.uid === -1 ? ctx.sys.getuid() : o.uid)) return true;
  if (dst.gid !== (o.gid === -1 ? ctx.sys.getgid() : o.gid)) return true;
  try {
    const [a, b] = [await ctx.sys.readFile(from), await ctx.sys.readFile(to)];
    return a.length !== b.length || a.some((x, i) => x !== b[i]);
  } catch {
    return true;
  }
}

/**
 * Installs `from` as `to`. `created` (install FILE... DIRECTORY) holds the dev:ino of the files
 * made so far: install does not replace one of them (two sources of the same name).
 */
async function installFile(ctx: Ctx, o: Opts, from: string, to: string, created?: Set<string>): Promise<boolean> {
  const ok = await installOne(ctx, o, from, to, created);
  if (ok && created) {
    const made = await ctx.sys.lstat(to).catch(() => undefined);
    if (made) created.add(`${made.dev}:${made.ino}`);
  }
  return ok;
}

async function installOne(ctx: Ctx, o: Opts, from: string, to: string, created?: Set<string>): Promise<boolean> {
  const src = await tryStat(ctx, from);
  if (src instanceof SysError) {
    await ctx.perror(src, `cannot stat ${quoteaf(from)}`);
    return false;
  }
  if (src.kind === 'dir') {
    await ctx.error(`omitting directory ${quoteaf(from)}`);
    return false;
  }
  const dst = await ctx.sys.lstat(to).catch((e: unknown) => (isSysError(e) ? e : Promise.reject(e)));
  if (o.compare && !(dst instanceof SysError) && !(await needCopy(ctx, o, from, to, dst))) return true;
  let backup: string | undefined;
  if (!(dst instanceof SysError)) {
    const verdict = await sameFileOk(ctx, from, src, to, dst, { hardLink: false, symbolicLink: false, derefNever: false, move: false, unlinkFirst: true, backup: o.backup !== 'none' });
    if (!verdict.ok) {
      await ctx.error(`${quoteaf(from)} and ${quoteaf(to)} are the same file`);
      return false;
    }
    if (dst.kind !== 'dir' && o.backup !== 'numbered' && created?.has(`${dst.dev}:${dst.ino}`)) {
      await ctx.error(`will not overwrite just-created ${quoteaf(to)} with ${quoteaf(from)}`);
      return false;
    }
    if (dst.kind === 'dir') {
      await ctx.error(`cannot overwrite directory ${quoteaf(to)} with non-directory`);
      return false;
    }
    if (o.backup !== 'none') {
      backup = await backupName(ctx.sys, to, o.backup, o.suffix);
      await ctx.sys.rename(to, backup);
    }
  }
  // as copy.c: the old file goes first, then the name is announced, then the data is copied
  if (backup === undefined && !(dst instanceof SysError)) {
    try {
      await ctx.sys.unlink(to);
      if (o.verbose) await ctx.print(`removed ${quoteaf(to)}\n`);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.errno !== 'ENOENT') {
        await ctx.perror(e, `cannot remove ${quoteaf(to)}`);
        return false;
      }
    }
  }
  if (o.verbose) await ctx.print(`${quoteaf(from)} -> ${quoteaf(to)}${backup !== undefined ? ` (backup: ${quoteaf(backup)})` : ''}\n`);
  let data: Uint8Array;
  try {
    data = await ctx.sys.readFile(from);
  } catch (e) {
    await ctx.perror(e, `cannot open ${quoteaf(from)} for reading`);
    return false;
  }
  try {
    const fd = await ctx.sys.open(to, { write: true, create: true, truncate: true }, 0o600);
    await ctx.sys.write(fd, data);
    ctx.sys.close(fd);
  } catch (e) {
    if (!isSysError(e)) throw e;
    // as copy.c: a new name ending in a slash says "Not a directory" rather than EISDIR
    const err = e.errno === 'EISDIR' && to.endsWith('/') && dst instanceof SysError ? new SysError('ENOTDIR', 'open', to) : e;
    await ctx.perror(err, `cannot create regular file ${quoteaf(to)}`);
    return false;
  }
  // a file that fails to strip is removed again
  if (o.strip !== undefined && !(await strip(ctx, o.strip, to))) {
    await ctx.sys.unlink(to).catch((e: unknown) => (isSysError(e) ? undefined : Promise.reject(e)));
    return false;
  }
  if (o.preserveTimes) await ctx.sys.utimes(to, src.atime, src.mtime);
  return changeAttributes(ctx, o, to, o.mode);
}

const parentOf = (p: string): string => {
  const t = p.replace(/\/+$/, '');
  const i = t.lastIndexOf('/');
  return i < 0 ? '' : t.slice(0, i) || '/';
};

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    // --context=CTX on a system without SELinux: a warning, then carry on
    for (const o of args.order) {
      if (o.key === 'Z' && o.value !== undefined) await ctx.error('warning: ignoring --context; it requires an SELinux-enabled kernel');
      if (o.key === 'preserve-context') await ctx.error('WARNING: ignoring --preserve-context; this kernel is not SELinux-enabled');
    }
    const f = (k: string): boolean => flag(args, k);
    const targets = args.values.get('t') ?? [];
    try {
      if (targets.length > 1) throw new Die('multiple target directories specified');
      const dirArg = f('d');
      let target = targets[0];
      if (dirArg && f('s')) throw new Die('the strip option may not be used when installing a directory');
      if (dirArg && target !== undefined) throw new Die('target directory not allowed when installing a directory');
      let backup: BackupType = 'none';
      if (f('b') || args.values.has('backup') || args.values.has('S')) {
        const t = await backupType(ctx, lastValue(args, 'backup'));
        if (t === undefined) return 1;
        backup = t;
      }
      let files = args.operands;
      if (files.length <= (dirArg || target !== undefined ? 0 : 1)) {
        return usageError(ctx, spec, files.length === 0 ? 'missing file operand' : `missing destination file operand after ${quoteaf(files[0]!)}`);
      }
      if (f('T')) {
        if (target !== undefined) throw new Die('cannot combine --target-directory (-t) and --no-target-directory (-T)');
        if (files.length > 2) return usageError(ctx, spec, `extra operand ${quoteaf(files[2]!)}`);
      } else if (target !== undefined) {
        const st = await tryStat(ctx, target);
        const err = st instanceof SysError ? st : st.kind === 'dir' ? undefined : new SysError('ENOTDIR', 'open');
        if (err && !(f('D') && err.errno === 'ENOENT')) {
          await ctx.perror(err, `failed to access ${quoteaf(target)}`);
          return 1;
        }
      } else if (!dirArg) {
        const last = files[files.length - 1]!;
        const st = await tryStat(ctx, last);
        if (!(st instanceof SysError) && st.kind === 'dir') {
          target = last;
          files = files.slice(0, -1);
        } else if (files.length > 2) {
          await ctx.perror(st instanceof SysError ? st : new SysError('ENOTDIR', 'open'), `target ${quoteaf(last)}`);
          return 1;
        }
      }
      let mode = 0o755;
      let dirMode = 0o755;
      let dirBits = 0o7777;
      const m = lastValue(args, 'm');
      if (m !== undefined) {
        const c = compileMode(m);
        if (!c) throw new Die(`invalid mode ${quote(m)}`);
        mode = adjustMode(0, false, 0, c).mode;
        ({ mode: dirMode, bits: dirBits } = adjustMode(0, true, 0, c));
      }
      const acc = await Accounts.load(ctx.sys);
      let uid = -1;
      let gid = -1;
      const owner = lastValue(args, 'o');
      if (owner !== undefined) {
        const pw = acc.userByName(owner);
        if (pw) uid = pw.uid;
        else if (/^\d+$/.test(owner)) uid = Number(owner);
        else throw new Die(`invalid user ${quote(owner)}`);
      }
      const group = lastValue(args, 'g');
      if (group !== undefined) {
        const gr = acc.groupByName(group);
        if (gr) gid = gr.gid;
        else if (/^\d+$/.test(group)) gid = Number(group);
        else throw new Die(`invalid group ${quote(group)}`);
      }
      const o: Opts = { mode, dirMode, dirBits, uid, gid, verbose: f('v'), preserveTimes: f('p'), compare: f('C'), backup, suffix: backupSuffix(ctx, lastValue(args, 'S')), strip: f('s') ? (lastValue(args, 'strip-program') ?? 'strip') : undefined };
      // install works with umask 0: modes are exactly what -m says
      const oldUmask = ctx.sys.umask(0);
      let ok = true;
      try {
        if (dirArg) {
          for (const d of files) ok = (await makeDirs(ctx, o, d, dirMode)) && ok;
        } else if (target === undefined) {
          if (f('D') && parentOf(files[1]!) !== '') ok = await makeDirs(ctx, o, parentOf(files[1]!), undefined, true);
          if (ok) ok = await installFile(ctx, o, files[0]!, files[1]!);
        } else {
          if (f('D')) ok = await makeDirs(ctx, o, target, undefined, true);
          const created = new Set<string>();
          for (const file of ok ? files : []) {
            const base = file.replace(/\/+$/, '').slice(file.replace(/\/+$/, '').lastIndexOf('/') + 1);
            ok = (await installFile(ctx, o, file, target.endsWith('/') ? `${target}${base}` : `${target}/${base}`, created)) && ok;
          }
        }
      } finally {
        ctx.sys.umask(oldUmask);
      }
      return ok ? 0 : 1;
    } catch (e) {
      if (!(e instanceof Die)) throw e;
      await ctx.error(e.message);
      return 1;
    }
  },
});
