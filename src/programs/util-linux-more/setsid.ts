// setsid (util-linux 2.38): runs a program in a new session. The simulated kernel has no
// setsid(2), so the program gets a new process group (setpgid) instead: it leaves the
// terminal's job control as a new session would, but ps still shows the old session id.
import { strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { Ctx } from '../lib/context';
import { execvp } from '../lib/execvp';
import { shortName, tryHelp, utilLinuxVersion, warnx } from './common';

const HELP = `
Usage:
 setsid [options] <program> [arguments ...]

Start a program in a session of its own.

Options:
 -c, --ctty     make the current terminal its controlling terminal
 -f, --fork     always run it in a child process
 -w, --wait     wait for it to end and exit with its status
 -h, --help     display this help
 -V, --version  display version

For more details see setsid(1).
`;

export default defineProgram({
  name: 'setsid',
  installPath: '/usr/bin/setsid',
  pkg: 'util-linux',
  posixOrder: true,
  options: [
    { key: 'c', short: 'c', long: 'ctty' },
    { key: 'f', short: 'f', long: 'fork' },
    { key: 'w', short: 'w', long: 'wait' },
    { key: 'V', short: 'V', long: 'version' },
    { key: 'h', short: 'h', long: 'help' },
  ],
  async main(ctx, args) {
    let fork = false;
    let wait = false;
    let ctty = false;
    for (const { key } of args.order) {
      if (key === 'c') ctty = true;
      else if (key === 'f') fork = true;
      else if (key === 'w') wait = true;
      else if (key === 'h') return ctx.print(HELP).then(() => 0);
      else if (key === 'V') return ctx.print(`${utilLinuxVersion(shortName(ctx))}\n`).then(() => 0);
    }
    const argv = args.operands;
    if (argv.length < 1) {
      await warnx(ctx, 'no command specified');
      return tryHelp(ctx);
    }
    const sys = ctx.sys;
    const run = async (c: Ctx): Promise<number> => {
      // -c: TIOCSCTTY on standard input, which fails unless it is a terminal
      if (ctty && !c.sys.isatty(0)) {
        await warnx(c, `failed to set the controlling terminal: ${strerror('ENOTTY')}`);
        return 1;
      }
      return execvp(c, argv, c.env, async (e) => {
        await warnx(c, `failed to execute ${argv[0]!}: ${strerror(e.errno)}`);
      });
    };
    if (fork || sys.getpgid() === sys.pid) {
      await ctx.flush();
      const child = await sys.fork(
        async (csys) => {
          const c = new Ctx(csys);
          try {
            return await run(c);
          } finally {
            await c.flush();
          }
        },
        { pgid: 0 },
      );
      if (!wait) return 0;
      const res = await sys.wait(child);
      if (!res) return 1;
      if (res.status.kind === 'exited') return res.status.code;
      await warnx(ctx, `child ${child} did not exit normally`);
      return 1;
    }
    try {
      sys.setpgid(0, 0);
    } catch {
      // a process that leads its group already has one of its own
    }
    return run(ctx);
  },
});
