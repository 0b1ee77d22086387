// ionice (util-linux 2.38): shows or sets the I/O scheduling class and priority of processes,
// or runs a command with them, through ioprio_get(2) and ioprio_set(2).
import { strerror, SysError, type Errno } from '../../shared/errno';
import type { PriorityWhich } from '../../shared/sys';
import { defineProgram } from '../define';
import { execvp } from '../lib/execvp';
import { errx, NumError, s32, shortName, tryHelp, utilLinuxVersion, warnx } from './common';

const HELP = `
Usage:
 ionice [options] -p <pid>...
 ionice [options] -P <pgid>...
 ionice [options] -u <uid>...
 ionice [options] <command>

Show or set the I/O scheduling class and priority of processes.

Options:
 -c, --class <class>    scheduling class, by name or number:
                          0: none, 1: realtime, 2: best-effort, 3: idle
 -n, --classdata <num>  priority within the class (0..7; realtime and
                          best-effort only)
 -p, --pid <pid>...     the processes with these ids
 -P, --pgid <pgrp>...   the processes in these process groups
 -t, --ignore           carry on when a change fails
 -u, --uid <uid>...     the processes of these users

 -h, --help             display this help
 -V, --version          display version

For more details see ionice(1).
`;

const CLASSES = ['none', 'realtime', 'best-effort', 'idle'];
const SHIFT = 13;

class IoError extends Error {
  constructor(readonly errno: Errno) {
    super(errno);
  }
}

export default defineProgram({
  name: 'ionice',
  installPath: '/usr/bin/ionice',
  pkg: 'util-linux',
  posixOrder: true,
  options: [
    { key: 'n', short: 'n', long: 'classdata', arg: 'required' },
    { key: 'c', short: 'c', long: 'class', arg: 'required' },
    { key: 'h', short: 'h', long: 'help' },
    { key: 't', short: 't', long: 'ignore' },
    { key: 'p', short: 'p', long: 'pid', arg: 'required' },
    { key: 'P', short: 'P', long: 'pgid', arg: 'required' },
    { key: 'u', short: 'u', long: 'uid', arg: 'required' },
    { key: 'V', short: 'V', long: 'version' },
  ],
  async main(ctx, args) {
    let data = 4;
    let set = 0;
    let ioclass = 2;
    let which = 0;
    let who = '';
    let invalid = '';
    let tolerant = false;
    const sys = ctx.sys;
    try {
      for (const { key, value } of args.order) {
        const v = value ?? '';
        switch (key) {
          case 'n':
            data = s32(v, 'invalid class data argument');
            set |= 1;
            break;
          case 'c':
            if (/^\d/.test(v)) ioclass = s32(v, 'invalid class argument');
            else {
              ioclass = CLASSES.indexOf(v.toLowerCase());
              if (ioclass < 0) return await errx(ctx, `unknown scheduling class: '${v}'`);
            }
            set |= 2;
            break;
          case 'p':
          case 'P':
          case 'u':
            if (who) return await errx(ctx, 'can handle only one of pid, pgid or uid at once');
            invalid = `invalid ${key === 'p' ? 'PID' : key === 'P' ? 'PGID' : 'UID'} argument`;
            which = s32(v, invalid);
            who = key;
            break;
          case 't': tolerant = true; break;
          case 'V': return ctx.print(`${utilLinuxVersion(shortName(ctx))}\n`).then(() => 0);
          case 'h': return ctx.print(HELP).then(() => 0);
        }
      }
      if (ioclass === 0) {
        if (set & 1 && !tolerant) await warnx(ctx, 'ignoring given class data for none class');
        data = 0;
      } else if (ioclass === 3) {
        if (set & 1 && !tolerant) await warnx(ctx, 'ignoring given class data for idle class');
        data = 7;
      } else if (ioclass !== 1 && ioclass !== 2 && !tolerant) await warnx(ctx, `unknown prio class ${ioclass}`);

      /** The ioprio "which" an option names (id 0 is this process, or its group or user). */
      const whichOf = (kind: string): PriorityWhich => (kind === 'P' ? 'pgrp' : kind === 'u' ? 'user' : 'process');
      const call = <T>(f: () => T): T => {
        try {
          return f();
        } catch (e) {
          if (e instanceof SysError) throw new IoError(e.errno);
          throw e;
        }
      };
      const print = async (kind: string, id: number): Promise<void> => {
        const real = call(() => sys.ioprioGet(whichOf(kind), id));
        const cls = real >> SHIFT;
        const name = CLASSES[cls] ?? 'unknown';
        await ctx.print(cls === 3 ? `${name}\n` : `${name}: prio ${real & ((1 << SHIFT) - 1)}\n`);
      };
      const setid = async (kind: string, id: number): Promise<void> => {
        try {
          // as the uapi's ioprio_value packs an out-of-range class or level as an invalid class
          if (ioclass < 0 || ioclass > 3 || data < 0 || data > 7) throw new IoError('EINVAL');
          call(() => sys.ioprioSet(whichOf(kind), id, (ioclass << SHIFT) | data));
        } catch (e) {
          // -t: a priority that cannot be set is passed over
          if (!(e instanceof IoError && tolerant)) throw e;
        }
      };
      const rest = args.operands;
      if (!set && !which && rest.length === 0 && !who) await print('p', 0);
      else if (!set && who) {
        await print(who, which);
        for (const id of rest) await print(who, s32(id, invalid));
      } else if (set && who) {
        await setid(who, which);
        for (const id of rest) await setid(who, s32(id, invalid));
      } else if (rest.length) {
        await setid('p', 0);
        return await execvp(ctx, rest, ctx.env, async (e) => {
          await warnx(ctx, `failed to execute ${rest[0]!}: ${strerror(e.errno)}`);
        });
      } else {
        await warnx(ctx, 'bad usage');
        return await tryHelp(ctx);
      }
    } catch (e) {
      if (e instanceof NumError) return errx(ctx, e.message);
      if (e instanceof IoError) {
        const what = set ? 'ioprio_set' : 'ioprio_get';
        return errx(ctx, `${what} failed: ${strerror(e.errno)}`);
      }
      throw e;
    }
    return 0;
  },
});
