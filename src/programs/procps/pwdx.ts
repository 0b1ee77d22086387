// pwdx (procps-ng): each process's working directory, read from /proc/PID/cwd.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';

const USAGE = `
Usage:
 pwdx [options] pid...

Options:
 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see pwdx(1).
`;

async function main(ctx: Ctx): Promise<number> {
  const args = ctx.argv.slice(1);
  const pids: string[] = [];
  let optionsDone = false;
  for (const a of args) {
    if (optionsDone) {
      pids.push(a);
      continue;
    }
    if (a === '--') {
      optionsDone = true;
      continue;
    }
    if (a === '-h' || a === '--help') {
      await ctx.print(USAGE);
      return 0;
    }
    if (a === '-V' || a === '--version') {
      await ctx.print('pwdx from procps-ng 4.0.4\n');
      return 0;
    }
    if (a.startsWith('-') && a.length > 1) {
      await ctx.err.write(a.startsWith('--') ? `pwdx: unrecognized option '${a}'\n` : `pwdx: invalid option -- '${a[1]}'\n`);
      await ctx.err.write(USAGE);
      return 1;
    }
    pids.push(a);
  }
  if (!pids.length) {
    await ctx.err.write(USAGE);
    return 1;
  }
  let status = 0;
  for (const arg of pids) {
    // a number as strtol reads it (blanks and a sign before it), at least 1, or /proc/ and one;
    // the name is then used as given: /proc/+1 is no process
    const num = /^(?:\/proc\/)?[ \t\n\v\f\r]*([+-]?[0-9]+)$/.exec(arg)?.[1];
    if (num === undefined || Number(num) < 1 || Number(num) > 2 ** 63 - 1) {
      // (procps' xerrx flushes what was printed before it)
      ctx.flushBeforeError = true;
      await ctx.error(`invalid process id: ${arg}`);
      return 1;
    }
    try {
      await ctx.print(`${arg}: ${await ctx.sys.readlink(`${arg.startsWith('/proc/') ? arg : `/proc/${arg}`}/cwd`)}\n`);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await ctx.err.write(`${arg}: ${strerror(e.errno === 'ENOENT' ? 'ESRCH' : e.errno)}\n`);
      status = 1;
    }
  }
  return status;
}

export default defineProgram({ name: 'pwdx', installPath: '/usr/bin/pwdx', pkg: 'procps-ng', main });
