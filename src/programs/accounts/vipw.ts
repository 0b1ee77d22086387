// vipw and vigr (shadow 4.13): lock /etc/passwd (or group; -s: shadow, gshadow), copy it to
// <file>.edit with the same mode, owner and times, and run `$VISUAL`/`$EDITOR` (else vi) on the
// copy through sh. When the editor fails, or the copy's modification time did not change,
// nothing is installed ("vipw: /etc/passwd is unchanged", the editor's status); otherwise the
// old file becomes <file>- and the copy replaces it, with a reminder to edit the other file.
import { isSysError, strerror, type Errno } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { has, parseArgs } from './common';
import { Locks } from './db';
import { processRoot } from './root';

const OPTIONS = `  -g, --group                   work on the group files
  -h, --help                    show this help and exit
  -p, --passwd                  work on the passwd files
  -q, --quiet                   say nothing about what happened
  -R, --root CHROOT_DIR         chroot into this directory first
  -s, --shadow                  the shadow (or gshadow) file instead

`;

/** vipwexit: cleans up, reports, says the file is unchanged (unless -q) and ends with `status`. */
class Exit extends Error {
  constructor(readonly status: number, readonly msg?: string) {
    super(msg);
  }
}

async function exists(ctx: Ctx, path: string): Promise<boolean> {
  try {
    await ctx.sys.access(path, 0);
    return true;
  } catch {
    return false;
  }
}

async function edit(ctx: Ctx, prog: string, file: string, locks: Locks): Promise<void> {
  const sys = ctx.sys;
  const editFile = `${file}.edit`;
  const fail = (e: unknown, what: string, status = 1): Exit => {
    if (!isSysError(e)) throw e;
    return new Exit(status, `${what}: ${strerror(e.errno as Errno)}`);
  };
  try {
    await sys.access(file, 0);
  } catch (e) {
    throw fail(e, file);
  }
  if (!(await locks.lock(file))) throw new Exit(5, `Couldn't lock file: ${sys.geteuid() === 0 ? 'Invalid argument' : 'Permission denied'}`);
  let st;
  let data: Uint8Array;
  try {
    st = await sys.stat(file);
    data = await sys.readFile(file);
  } catch (e) {
    throw fail(e, file);
  }
  try {
    await sys.writeFile(editFile, data, { mode: st.mode & 0o7777 });
    await sys.chmod(editFile, st.mode & 0o7777);
    await sys.chown(editFile, st.uid, st.gid);
    await sys.utimes(editFile, st.atime, st.mtime);
  } catch (e) {
    throw fail(e, "Couldn't make backup");
  }
  const editor = ctx.env.get('VISUAL') ?? ctx.env.get('EDITOR') ?? 'vi';
  await ctx.flush();
  const pid = await sys.spawn({ path: '/bin/sh', argv: ['sh', '-c', `${editor} ${editFile}`], env: new Map(ctx.env) });
  const w = await sys.wait(pid);
  const status = w?.status;
  if (status?.kind === 'exited' && status.code !== 0) {
    await ctx.err.write(`${prog}: ${editor} returned with status ${status.code}\n`);
    throw new Exit(status.code);
  }
  if (status?.kind === 'signaled') {
    await ctx.err.write(`${prog}: ${editor} killed by signal ${status.signal}\n`);
    throw new Exit(1);
  }
  let after;
  try {
    after = await sys.stat(editFile);
  } catch (e) {
    throw fail(e, editFile);
  }
  if (Math.floor(after.mtime / 1000) === Math.floor(st.mtime / 1000)) throw new Exit(0);
  try {
    await sys.unlink(`${file}-`);
  } catch {
    // there was none
  }
  try {
    await sys.link(file, `${file}-`);
  } catch {
    // as link(2) failing is ignored
  }
  try {
    await sys.rename(editFile, file);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.err.write(`${prog}: can't restore ${file}: ${strerror(e.errno as Errno)} (your changes are in ${editFile})\n`);
    throw new Exit(1);
  }
}

async function main(ctx: Ctx): Promise<number> {
  const rooted = await processRoot(ctx);
  if (rooted !== undefined) return rooted;
  const prog = ctx.name.slice(ctx.name.lastIndexOf('/') + 1);
  // the usage line goes to stderr even for --help (shadow prints it there), the options to stdout
  const usage = async (status: number): Promise<number> => {
    await ctx.err.write(`Usage: ${prog} [options]\n\nOptions:\n`);
    await ctx.err.flush();
    await (status === 0 ? ctx.out : ctx.err).write(OPTIONS);
    return status;
  };
  const a = await parseArgs(ctx, [
    { key: 'g', short: 'g', long: 'group' }, { key: 'h', short: 'h', long: 'help' }, { key: 'p', short: 'p', long: 'passwd' },
    { key: 'q', short: 'q', long: 'quiet' }, { key: 'R', short: 'R', long: 'root', arg: 'required' }, { key: 's', short: 's', long: 'shadow' },
  ], () => '', 2);
  if (typeof a === 'number') return usage(2);
  let vipw = prog !== 'vigr';
  for (const { key } of a.order) {
    if (key === 'g') vipw = false;
    if (key === 'p') vipw = true;
    if (key === 'h') return usage(0);
  }
  if (a.operands.length) return usage(2);
  const quiet = has(a, 'q');
  const shadow = has(a, 's');
  const [main, other] = vipw ? ['/etc/passwd', '/etc/shadow'] : ['/etc/group', '/etc/gshadow'];
  const file = shadow ? other : main;
  const locks = new Locks(ctx);
  try {
    await edit(ctx, prog, file, locks);
  } catch (e) {
    if (!(e instanceof Exit)) throw e;
    try {
      await ctx.sys.unlink(`${file}.edit`);
    } catch {
      // not made yet
    }
    await locks.release();
    if (e.msg) await ctx.err.write(`${prog}: ${e.msg}\n`);
    if (!quiet) await ctx.print(`${prog}: ${file} is unchanged\n`);
    return e.status;
  }
  await locks.release();
  if (shadow || (await exists(ctx, other))) {
    const cmd = vipw ? (shadow ? 'vipw' : 'vipw -s') : shadow ? 'vigr' : 'vigr -s';
    await ctx.print(`You have modified ${file}.\nYou may need to modify ${shadow ? main : other} for consistency.\nPlease use the command '${cmd}' to do so.\n`);
  }
  return 0;
}

export default defineProgram({
  name: 'vipw',
  installPath: '/usr/sbin/vipw',
  aliases: ['/usr/sbin/vigr'],
  pkg: 'shadow',
  main,
});
