// pslog (psmisc 23.6): the log files a process has open, i.e. the targets of its /proc/PID/fd
// links whose names end in "log". Only the first argument counts (a PID or /proc/PID).
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';

const USAGE = `Usage: pslog PID...
       pslog -V, --version

  -V,--version display version information

`;

const VERSION = `pslog (PSmisc) 23.6
Copyright (C) 2015-2017 Vito Mule'.

PSmisc comes with ABSOLUTELY NO WARRANTY.
This is free software, and you are welcome to redistribute it under
the terms of the GNU General Public License.
For more information about these matters, see the files named COPYING.
`;

async function usage(ctx: Ctx, lead = ''): Promise<number> {
  await ctx.err.write(lead + USAGE);
  return 255;
}

export default defineProgram({
  name: 'pslog',
  installPath: '/usr/bin/pslog',
  pkg: 'psmisc',
  async main(ctx) {
    const arg = ctx.argv[1];
    if (arg === undefined) return usage(ctx);
    if (!/^((\/proc\/+)?[1-9][0-9]*|-V|--version)$/.test(arg)) return usage(ctx, `pslog: invalid process id: ${arg}\n\n`);
    if (arg === '-V' || arg === '--version') {
      await ctx.err.write(VERSION);
      return 0;
    }
    const dir = arg.startsWith('/') ? `${arg}/fd/` : `/proc/${arg}/fd/`;
    let names: string[];
    try {
      names = await ctx.sys.readdir(dir);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await ctx.err.write(`opendir: ${strerror(e.errno)}\n`);
      return 1;
    }
    let out = `Pid no ${arg}:\n`;
    for (const name of names.filter((n) => /^\d+$/.test(n)).sort((a, b) => Number(a) - Number(b))) {
      let target: string;
      try {
        target = await ctx.sys.readlink(dir + name);
      } catch (e) {
        if (!isSysError(e)) throw e;
        continue;
      }
      if (/log$/.test(target) && !target.includes('\n')) out += `Log path: ${target}\n`;
    }
    await ctx.print(out);
    return 0;
  },
});
