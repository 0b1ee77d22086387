// peekfd (psmisc 23.6): attach to a process and show what it reads and writes. The simulated
// kernel has no ptrace, so peekfd attaches (checking what ptrace would refuse: a missing or
// kernel process, itself, another user's process unless root) and then watches quietly until
// the process ends or peekfd is interrupted.
import { defineProgram } from '../define';
import { getopt, GetoptError } from '../lib/getopt';

const USAGE = `Usage: peekfd [-8] [-n] [-c] [-d] [-V] [-h] <pid> [<fd> ..]
    -8, --eight-bit-clean        output 8 bit clean streams.
    -n, --no-headers             don't display read/write from fd headers.
    -c, --follow                 peek at any new child processes too.
    -t, --tgid                   peek at all threads where tgid equals <pid>.
    -d, --duplicates-removed     remove duplicate read/writes from the output.
    -V, --version                prints version info.
    -h, --help                   prints this help.

  Press CTRL-C to end output.
`;

const VERSION = `peekfd (PSmisc) 23.6
Copyright (C) 2007 Trent Waddington

PSmisc comes with ABSOLUTELY NO WARRANTY.
This is free software, and you are welcome to redistribute it under
the terms of the GNU General Public License.
For more information about these matters, see the files named COPYING.
`;

/** C atoi: leading blanks, a sign and digits; anything else is 0. */
const atoi = (s: string): number => Number(BigInt.asIntN(32, BigInt(/^\s*([-+]?\d+)/.exec(s)?.[1] ?? '0')));

export default defineProgram({
  name: 'peekfd',
  installPath: '/usr/bin/peekfd',
  pkg: 'psmisc',
  async main(ctx) {
    if (ctx.argv.length < 2) {
      await ctx.err.write(USAGE);
      return 1;
    }
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: '8', short: '8', long: 'eight-bit-clean' }, { key: 'n', short: 'n', long: 'no-headers' },
        { key: 'c', short: 'c', long: 'follow' }, { key: 't', short: 't', long: 'tgid' },
        { key: 'd', short: 'd', long: 'duplicates-removed' }, { key: 'h', short: 'h', long: 'help' },
        { key: 'V', short: 'V', long: 'version' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`${ctx.name}: ${e.message}\n${USAGE}`);
      return 1;
    }
    const first = p.order[0]?.key;
    if (first === 'V') {
      await ctx.err.write(VERSION);
      return 1;
    }
    if (first === 'h' || p.flags.has('h')) {
      await ctx.err.write(USAGE);
      return 1;
    }
    if (p.flags.has('V')) {
      await ctx.err.write(VERSION);
      return 1;
    }
    if (!p.operands.length) {
      await ctx.err.write(USAGE);
      return 255;
    }
    const pid = atoi(p.operands[0]!);
    const find = () => ctx.sys.processes().find((q) => q.pid === pid && q.state !== 'Z');
    const target = find();
    const euid = ctx.sys.geteuid();
    if (!target || pid <= 0 || pid === ctx.sys.pid || target.kthread || pid === 1 || (euid !== 0 && target.uid !== euid)) {
      await ctx.err.write(`Error attaching to pid ${pid}\n`);
      return 1;
    }
    await ctx.flush();
    while (find()) await ctx.sys.sleep(200);
    return 0;
  },
});
