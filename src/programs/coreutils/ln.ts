import { isSysError, SysError, type Errno } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import { defineProgram, usageError } from '../define';
import { backupName, backupSuffix, backupType, type BackupType } from '../lib/backup';
import { canonicalize, relpath } from '../lib/canonicalize';
import type { Ctx } from '../lib/context';
import { flag, lastValue } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quotef } from '../lib/quote';
import { quoteaf } from '../lib/quotearg';
import { yesno } from '../lib/yesno';

const spec = {
  name: 'ln',
  installPath: '/usr/bin/ln',
  pkg: 'coreutils',
  usage: 'ln [OPTION]... [-T] TARGET LINK_NAME\nln [OPTION]... TARGET\nln [OPTION]... TARGET... DIRECTORY\nln [OPTION]... -t DIRECTORY TARGET...',
  help: `Make links: LINK_NAME pointing to TARGET, or a link in the current directory
(or in DIRECTORY) named like each TARGET. Links are hard unless -s is given; a
symbolic link's text is TARGET exactly as written.

Long options take the same arguments as their short forms.
      --backup[=CONTROL]      back up each destination that exists
  -b                          like --backup without an argument
  -d, -F, --directory         allow hard links to directories (superuser)
  -f, --force                 remove destinations that exist
  -i, --interactive           ask before removing a destination
  -L, --logical               hard-link to what a symlink TARGET points to
  -n, --no-dereference        treat a LINK_NAME that is a symlink to a
                                directory as a plain file
  -P, --physical              hard-link to a symlink itself
  -r, --relative              with -s, make the link relative to its directory
  -s, --symbolic              make symbolic links instead of hard links
  -S, --suffix=SUFFIX         backup suffix instead of ~
  -t, --target-directory=DIRECTORY  make the links in DIRECTORY
  -T, --no-target-directory   LINK_NAME is always a file name
  -v, --verbose               print the name of each link made
${HELP_LINES}

CONTROL is none/off, numbered/t, existing/nil or simple/never; the default
comes from $VERSION_CONTROL and is 'existing'.
${coreutilsHelpFooter('ln')}`,
  version: coreutilsVersion('ln', ['Mike Parker', 'David MacKenzie']),
  options: [
    { key: 'backup', long: 'backup', arg: 'optional' as const },
    { key: 'd', short: 'd', long: 'directory' },
    { key: 'n', short: 'n', long: 'no-dereference' },
    { key: 'T', short: 'T', long: 'no-target-directory' },
    { key: 'f', short: 'f', long: 'force' },
    { key: 'i', short: 'i', long: 'interactive' },
    { key: 'S', short: 'S', long: 'suffix', arg: 'required' as const },
    { key: 't', short: 't', long: 'target-directory', arg: 'required' as const },
    { key: 'L', short: 'L', long: 'logical' },
    { key: 'P', short: 'P', long: 'physical' },
    { key: 'r', short: 'r', long: 'relative' },
    { key: 's', short: 's', long: 'symbolic' },
    { key: 'v', short: 'v', long: 'verbose' },
    { key: 'b', short: 'b' },
    { key: 'd', short: 'F' },
  ],
};

interface Opts {
  symbolic: boolean;
  force: boolean;
  interactive: boolean;
  logical: boolean;
  relative: boolean;
  verbose: boolean;
  hardDir: boolean;
  backup: BackupType;
  suffix: string;
  destSet: Set<string> | undefined;
}

class Die extends Error {}

const errnoOf = async (p: Promise<void>): Promise<Errno | 0> => {
  try {
    await p;
    return 0;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return e.errno;
  }
};

async function makeLink(ctx: Ctx, o: Opts, source: string, dest: string): Promise<Errno | 0> {
  // Linux refuses an empty symlink text with ENOENT
  if (o.symbolic) return source === '' ? 'ENOENT' : errnoOf(ctx.sys.symlink(source, dest));
  let src = source;
  if (o.logical) {
    const r = await canonicalize(ctx.sys, source, 'existing');
    if (typeof r !== 'string') return r.errno;
    src = r;
  }
  return errnoOf(ctx.sys.link(src, dest));
}

const tryStat = async (p: Promise<Stat>): Promise<Stat | SysError> => {
  try {
    return await p;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return e;
  }
};

/** do_link: `linkErrno` is 0 if made, an errno if the first try failed, -1 if not tried yet. */
async function doLink(ctx: Ctx, o: Opts, sourceIn: string, dest: string, linkErrnoIn: Errno | 0 | -1): Promise<boolean> {
  let source = sourceIn;
  let linkErrno: Errno | 0 | -1 = linkErrnoIn;
  if (linkErrno === -1) linkErrno = o.relative ? -1 : await makeLink(ctx, o, source, dest);
  let srcStat: Stat | undefined;
  if ((linkErrno !== 0 || o.destSet) && !o.symbolic) {
    const s = await tryStat(o.logical ? ctx.sys.stat(source) : ctx.sys.lstat(source));
    if (s instanceof SysError) {
      await ctx.perror(s, `failed to access ${quoteaf(source)}`);
      return false;
    }
    srcStat = s;
  }
  let backup: string | undefined;
  if (linkErrno !== 0) {
    if (!o.symbolic && !o.hardDir && srcStat?.kind === 'dir') {
      await ctx.error(`${quotef(source)}: hard link not allowed for directory`);
      return false;
    }
    if (o.relative) source = await relativeSource(ctx, source, dest);
    let force = o.force || o.interactive || o.backup !== 'none';
    if (force) {
      const d = await tryStat(ctx.sys.lstat(dest));
      if (d instanceof SysError) {
        if (d.errno !== 'ENOENT') {
          await ctx.perror(d, `failed to access ${quoteaf(dest)}`);
          return false;
        }
        force = false;
      } else if (d.kind === 'dir') {
        await ctx.error(`${quotef(dest)}: cannot overwrite directory`);
        return false;
      } else if (o.destSet?.has(`${dest}\0${d.dev}:${d.ino}`)) {
        await ctx.error(`will not overwrite just-created ${quoteaf(dest)} with ${quoteaf(source)}`);
        return false;
      } else {
        if (o.backup !== 'none' ? !o.symbolic : o.force) {
          const s = srcStat ?? (await tryStat(ctx.sys.stat(source)));
          if (!(s instanceof SysError) && s.dev === d.dev && s.ino === d.ino && (s.nlink === 1 || (await sameName(ctx, source, dest)))) {
            await ctx.error(`${quoteaf(source)} and ${quoteaf(dest)} are the same file`);
            return false;
          }
        }
        if (linkErrno === -1 || linkErrno === 'EEXIST') {
          if (o.interactive && !(await yesno(ctx, `${ctx.name}: replace ${quoteaf(dest)}? `))) return true;
          if (o.backup !== 'none') {
            const name = await backupName(ctx.sys, dest, o.backup, o.suffix);
            const r = await errnoOf(ctx.sys.rename(dest, name));
            if (r === 0) backup = name;
            else if (r !== 'ENOENT') {
              await ctx.perror(new SysError(r, 'rename'), `cannot backup ${quoteaf(dest)}`);
              return false;
            } else force = false;
          }
        }
      }
    }
    if (linkErrno === -1) linkErrno = await makeLink(ctx, o, source, dest);
    if (force && linkErrno === 'EEXIST') {
      // replace the destination (coreutils links to a temporary name and renames it)
      const r = await errnoOf(ctx.sys.unlink(dest));
      linkErrno = r !== 0 && r !== 'ENOENT' ? r : await makeLink(ctx, o, source, dest);
    }
  }
  if (linkErrno === 0) {
    if (!o.symbolic && o.destSet && srcStat) o.destSet.add(`${dest}\0${srcStat.dev}:${srcStat.ino}`);
    if (o.verbose) await ctx.print(`${backup ? `${quoteaf(backup)} ~ ` : ''}${quoteaf(dest)} ${o.symbolic ? '-' : '='}> ${quoteaf(source)}\n`);
    return true;
  }
  const e = new SysError(linkErrno, o.symbolic ? 'symlink' : 'link');
  let what: string;
  if (o.symbolic) what = linkErrno !== 'ENAMETOOLONG' && source !== '' ? `failed to create symbolic link ${quoteaf(dest)}` : `failed to create symbolic link ${quoteaf(dest)} -> ${quoteaf(source)}`;
  else if (linkErrno === 'EMLINK') what = `failed to create hard link to ${quoteaf(source)}`;
  else if (['EEXIST', 'ENOSPC', 'EROFS'].includes(linkErrno)) what = `failed to create hard link ${quoteaf(dest)}`;
  else what = `failed to create hard link ${quoteaf(dest)} => ${quoteaf(source)}`;
  await ctx.perror(e, what);
  if (backup !== undefined && (await errnoOf(ctx.sys.rename(backup, dest))) !== 0) await ctx.error(`cannot un-backup ${quoteaf(dest)}`);
  return false;
}

async function sameName(ctx: Ctx, a: string, b: string): Promise<boolean> {
  const dirOf = (p: string): string => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) || '/' : '.');
  const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);
  if (base(a) !== base(b)) return false;
  const [da, db] = await Promise.all([tryStat(ctx.sys.stat(dirOf(a))), tryStat(ctx.sys.stat(dirOf(b)))]);
  return !(da instanceof SysError) && !(db instanceof SysError) && da.dev === db.dev && da.ino === db.ino;
}

/** ln -r: SOURCE relative to the directory that will hold DEST. */
async function relativeSource(ctx: Ctx, source: string, dest: string): Promise<string> {
  const trimmed = dest.replace(/(.)\/+$/, '$1');
  const slash = trimmed.lastIndexOf('/');
  const dir = slash < 0 ? '.' : trimmed.slice(0, slash) || '/';
  const realDest = await canonicalize(ctx.sys, dir, 'missing');
  const realFrom = await canonicalize(ctx.sys, source, 'missing');
  if (typeof realDest !== 'string' || typeof realFrom !== 'string') return source;
  return relpath(realFrom, realDest) ?? source;
}

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    const f = (k: string): boolean => flag(args, k);
    let force = false;
    let interactive = false;
    let logical = false;
    for (const { key } of args.order) {
      if (key === 'f') [force, interactive] = [true, false];
      else if (key === 'i') [force, interactive] = [false, true];
      else if (key === 'L') logical = true;
      else if (key === 'P') logical = false;
    }
    const targets = args.values.get('t') ?? [];
    try {
      if (targets.length > 1) throw new Die('multiple target directories specified');
      let targetDir = targets[0];
      if (targetDir !== undefined) {
        const st = await tryStat(ctx.sys.stat(targetDir));
        if (st instanceof SysError) {
          await ctx.perror(st, `failed to access ${quoteaf(targetDir)}`);
          return 1;
        }
        if (st.kind !== 'dir') throw new Die(`target ${quoteaf(targetDir)} is not a directory`);
      }
      let files = args.operands;
      if (files.length === 0) return usageError(ctx, spec, 'missing file operand');
      const o: Opts = {
        symbolic: f('s'), force, interactive, logical, relative: f('r'), verbose: f('v'), hardDir: f('d'),
        backup: 'none', suffix: backupSuffix(ctx, lastValue(args, 'S')), destSet: undefined,
      };
      if (o.relative && !o.symbolic) throw new Die('cannot do --relative without --symbolic');
      let linkErrno: Errno | 0 | -1 = -1;
      if (f('T')) {
        if (targetDir !== undefined) throw new Die('cannot combine --target-directory and --no-target-directory');
        if (files.length !== 2) {
          return usageError(ctx, spec, files.length < 2 ? `missing destination file operand after ${quoteaf(files[0]!)}` : `extra operand ${quoteaf(files[2]!)}`);
        }
      } else if (files.length < 2 && targetDir === undefined) {
        targetDir = '.';
      } else {
        if (files.length === 2 && targetDir === undefined) linkErrno = o.relative ? -1 : await makeLink(ctx, o, files[0]!, files[1]!);
        if (linkErrno === -1 || linkErrno === 'EEXIST' || linkErrno === 'ENOTDIR' || linkErrno === 'EINVAL') {
          const d = targetDir ?? files[files.length - 1]!;
          const st = await tryStat(f('n') ? ctx.sys.lstat(d) : ctx.sys.stat(d));
          const err = st instanceof SysError ? st : st.kind === 'dir' ? undefined : new SysError('ENOTDIR', 'open');
          if (err === undefined) {
            if (targetDir === undefined) files = files.slice(0, -1);
            targetDir = d;
          } else if (!(files.length === 2 && targetDir === undefined)) {
            await ctx.perror(err, `target ${quoteaf(d)}`);
            return 1;
          }
        }
      }
      if (f('b') || args.values.has('backup') || args.values.has('S')) {
        const t = await backupType(ctx, lastValue(args, 'backup'));
        if (t === undefined) return 1;
        o.backup = t;
      }
      if (targetDir === undefined) return (await doLink(ctx, o, files[0]!, files[1]!, linkErrno)) ? 0 : 1;
      if (files.length >= 2 && o.force && !o.symbolic && o.backup !== 'numbered') o.destSet = new Set();
      let ok = true;
      for (const file of files) {
        await ctx.tick();
        const trimmed = file.replace(/(.)\/+$/, '$1');
        const base = trimmed === '/' ? '' : trimmed.slice(trimmed.lastIndexOf('/') + 1);
        const dest = targetDir.endsWith('/') || base === '' ? `${targetDir}${base}` : `${targetDir}/${base}`;
        ok = (await doLink(ctx, o, file, dest, -1)) && ok;
      }
      return ok ? 0 : 1;
    } catch (e) {
      if (!(e instanceof Die)) throw e;
      await ctx.error(e.message);
      return 1;
    }
  },
});
