// Starting a program as another user, the way su and sudo do it with PAM: the tool stays as
// the parent and waits, a forked child drops to the target's groups and ids
// (setgid, initgroups, setuid), changes directory if asked, and execs.
import { isSysError, strerror } from '../../shared/errno';
import type { Sys } from '../../shared/sys';
import type { Ctx } from '../lib/context';
import { Accounts, type PasswdEntry } from '../lib/accounts';

export interface Target {
  pw: PasswdEntry;
  /** Primary gid (sudo -g may change it). */
  gid: number;
  groups: number[];
}

export async function targetOf(sys: Sys, pw: PasswdEntry): Promise<Target> {
  const acc = await Accounts.load(sys);
  return { pw, gid: pw.gid, groups: acc.groupList(pw.name, pw.gid) };
}

export interface RunAs {
  target: Target;
  path: string;
  argv: string[];
  env: Map<string, string>;
  /** chdir before exec; on failure `onChdirFail` decides (return false to abort). */
  cwd?: string;
  onChdirFail?: (sys: Sys, errno: string) => Promise<boolean>;
  /** Set when the command was not found (PATH search failed): the child fails as its exec would. */
  execError?: string;
  /** Printed when exec fails; returns the exit status. */
  onExecFail: (sys: Sys, errno: string) => Promise<number>;
}

/** Forks, switches ids in the child and execs; returns the child's status as a shell would. */
export async function runAs(ctx: Ctx, r: RunAs): Promise<number> {
  await ctx.flush();
  const sys = ctx.sys;
  const child = await sys.fork(async (c) => {
    c.setgid(r.target.gid);
    c.setgroups(r.target.groups);
    c.setuid(r.target.pw.uid);
    if (r.cwd !== undefined) {
      try {
        await c.chdir(r.cwd);
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (!r.onChdirFail || !(await r.onChdirFail(c, e.errno))) return 1;
      }
    }
    if (r.execError !== undefined) return r.onExecFail(c, r.execError);
    try {
      return await c.exec(r.path, r.argv, r.env);
    } catch (e) {
      if (!isSysError(e)) throw e;
      return r.onExecFail(c, e.errno);
    }
  }, { ignore: [] });
  // the parent only waits: keyboard signals are for the command (su blocks them too)
  sys.signal(2, 'ignore');
  sys.signal(3, 'ignore');
  for (;;) {
    const w = await sys.wait(child);
    if (!w) return 1;
    const s = w.status;
    if (s.kind === 'exited') return s.code;
    if (s.kind === 'signaled') return 128 + s.signal;
  }
}

/** Writes `text` to fd 2 of a child (after fork the parent's buffers are not shared). */
export async function childError(sys: Sys, text: string): Promise<void> {
  try {
    await sys.write(2, text);
  } catch {
    // stderr closed
  }
}

export { strerror };
