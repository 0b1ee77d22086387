// renice (util-linux 2.38.1): sets the niceness of processes, process groups or users'
// processes to an absolute value (relative -n came later) and reports old and new values.
import { isSysError, strerror } from '../../shared/errno';
import type { PriorityWhich } from '../../shared/sys';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { Accounts } from '../lib/accounts';

const HELP = `
Usage:
 renice [-n] <priority> [-p|--pid] <pid>...
 renice [-n] <priority>  -g|--pgrp <pgid>...
 renice [-n] <priority>  -u|--user <user>...

Alter the priority of running processes.

Options:
 -n, --priority <num>   specify the nice value
 -p, --pid              interpret arguments as process ID (default)
 -g, --pgrp             interpret arguments as process group ID
 -u, --user             interpret arguments as username or user ID

 -h, --help             display this help
 -V, --version          display version

For more details see renice(1).
`;

const WHAT: Record<PriorityWhich, string> = { process: 'process ID', pgrp: 'process group ID', user: 'user ID' };
const SWITCHES = new Map<string, PriorityWhich>([
  ['-p', 'process'], ['--pid', 'process'], ['-g', 'pgrp'], ['--pgrp', 'pgrp'], ['-u', 'user'], ['--user', 'user'],
]);

/** util-linux names itself by its short name, however it was run. */
function warn(ctx: Ctx, message: string): Promise<void> {
  return ctx.err.write(`renice: ${message}\n`);
}

async function tryHelp(ctx: Ctx, message: string): Promise<number> {
  await warn(ctx, message);
  await ctx.err.write(`Try 'renice --help' for more information.\n`);
  return 1;
}

/** strtol base 10 over the whole word (leading blanks and a sign allowed). */
function wholeNumber(s: string): number | undefined {
  return /^\s*[-+]?\d+$/.test(s) ? Number(s.trim()) : undefined;
}

/** Sets one target's niceness; false after printing why it failed. */
async function donice(ctx: Ctx, which: PriorityWhich, who: number, prio: number): Promise<boolean> {
  const sys = ctx.sys;
  const fail = async (what: string, e: unknown): Promise<false> => {
    if (!isSysError(e)) throw e;
    await warn(ctx, `failed to ${what} priority for ${who} (${WHAT[which]}): ${strerror(e.errno)}`);
    return false;
  };
  let old: number;
  try {
    old = sys.getpriority(which, who);
  } catch (e) {
    return fail('get', e);
  }
  try {
    sys.setpriority(which, who, prio);
  } catch (e) {
    return fail('set', e);
  }
  let now: number;
  try {
    now = sys.getpriority(which, who);
  } catch (e) {
    return fail('get', e);
  }
  await ctx.print(`${who} (${WHAT[which]}) old priority ${old}, new priority ${now}\n`);
  return true;
}

export default defineProgram({
  name: 'renice',
  installPath: '/usr/bin/renice',
  pkg: 'util-linux',
  async main(ctx) {
    const args = ctx.argv.slice(1);
    const first = args[0];
    if (first === '-h' || first === '--help') {
      await ctx.print(HELP);
      return 0;
    }
    if (first === '-v' || first === '-V' || first === '--version') {
      await ctx.print('renice from util-linux 2.38.1\n');
      return 0;
    }
    if (first === '-n' || first === '--priority') args.shift();
    if (args.length < 2) return tryHelp(ctx, 'not enough arguments');
    const prio = wholeNumber(args[0]!);
    if (prio === undefined) return tryHelp(ctx, `invalid priority '${args[0]}'`);
    let which: PriorityWhich = 'process';
    let errors = false;
    let accounts: Accounts | undefined;
    for (const arg of args.slice(1)) {
      await ctx.tick();
      const sw = SWITCHES.get(arg);
      if (sw) {
        which = sw;
        continue;
      }
      let who: number | undefined;
      if (which === 'user') {
        accounts ??= await Accounts.load(ctx.sys);
        who = accounts.userByName(arg)?.uid ?? wholeNumber(arg);
        if (who === undefined) {
          await warn(ctx, `unknown user ${arg}`);
          errors = true;
          continue;
        }
      } else {
        who = wholeNumber(arg);
        if (who === undefined) {
          await warn(ctx, `bad ${WHAT[which]} value: ${arg}`);
          errors = true;
          continue;
        }
      }
      if (!(await donice(ctx, which, who, prio))) errors = true;
    }
    return errors ? 1 : 0;
  },
});
