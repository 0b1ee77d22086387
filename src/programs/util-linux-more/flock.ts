// flock (util-linux 2.38): takes an advisory lock on a file (or on a descriptor the shell
// holds), then runs a command; the lock is the kernel's flock(2) on the open file, so it lasts
// as long as some process holds that file open.
import { isSysError, strerror, type SysError } from '../../shared/errno';
import { defineProgram } from '../define';
import { Ctx } from '../lib/context';
import { execvp } from '../lib/execvp';
import { NumError, s32, shortName, tryHelp, utilLinuxVersion, warnx } from './common';

const HELP = `
Usage:
 flock [options] <file>|<directory> <command> [<argument>...]
 flock [options] <file>|<directory> -c <command>
 flock [options] <file descriptor number>

Take a file lock around a command, or on a descriptor, from a shell script.

Options:
 -s, --shared             take a shared lock
 -x, --exclusive          take an exclusive lock (the default)
 -u, --unlock             release the lock
 -n, --nonblock           fail at once if the lock is held
 -w, --timeout <secs>     give up after waiting <secs> seconds
 -E, --conflict-exit-code <number>  status to exit with on conflict or time-out
 -o, --close              close the lock's descriptor before running the command
 -c, --command <command>  run the command string with the shell
 -F, --no-fork            run the command in place of flock
     --verbose            report the waiting and the command

 -h, --help               display this help
 -V, --version            display version

For more details see flock(1).
`;

const EX_USAGE = 64;
const EX_DATAERR = 65;
const EX_NOINPUT = 66;
const EX_UNAVAILABLE = 69;
const EX_OSERR = 71;
const EX_CANTCREAT = 73;

export default defineProgram({
  name: 'flock',
  installPath: '/usr/bin/flock',
  pkg: 'util-linux',
  posixOrder: true,
  usageStatus: EX_USAGE,
  options: [
    { key: 's', short: 's', long: 'shared' },
    { key: 'x', short: 'x', long: 'exclusive' },
    { key: 'x', short: 'e' },
    { key: 'u', short: 'u', long: 'unlock' },
    { key: 'n', short: 'n', long: 'nonblocking' },
    { key: 'n', long: 'nb' },
    { key: 'w', short: 'w', long: 'timeout', arg: 'required' },
    { key: 'w', long: 'wait', arg: 'required' },
    { key: 'E', short: 'E', long: 'conflict-exit-code', arg: 'required' },
    { key: 'o', short: 'o', long: 'close' },
    { key: 'F', short: 'F', long: 'no-fork' },
    { key: 'verbose', long: 'verbose' },
    { key: 'h', short: 'h', long: 'help' },
    { key: 'V', short: 'V', long: 'version' },
  ],
  async main(ctx, args) {
    if (ctx.argv.length < 2) {
      await warnx(ctx, 'not enough arguments');
      return tryHelp(ctx, EX_USAGE);
    }
    let type: 'sh' | 'ex' | 'un' = 'ex';
    let nonblock = false;
    let timeout: number | undefined;
    let conflict = 1;
    let close = false;
    let noFork = false;
    let verbose = false;
    try {
      for (const { key, value } of args.order) {
        switch (key) {
          case 's': type = 'sh'; break;
          case 'x': type = 'ex'; break;
          case 'u': type = 'un'; break;
          case 'o': close = true; break;
          case 'F': noFork = true; break;
          case 'n': nonblock = true; break;
          case 'w': {
            const t = /^\s*\+?(\d+(?:\.\d*)?|\.\d+)$/.exec(value!);
            if (!t) throw new NumError(`invalid timeout value: '${value!}'`);
            timeout = Number(t[1]);
            break;
          }
          case 'E':
            conflict = s32(value!, 'invalid exit code');
            if (conflict < 0 || conflict > 255) {
              await warnx(ctx, 'exit code out of range (expected 0 to 255)');
              return EX_USAGE;
            }
            break;
          case 'verbose': verbose = true; break;
          case 'V': return ctx.print(`${utilLinuxVersion(shortName(ctx))}\n`).then(() => 0);
          case 'h': return ctx.print(HELP).then(() => 0);
        }
      }
    } catch (e) {
      if (!(e instanceof NumError)) throw e;
      await warnx(ctx, e.message);
      return EX_USAGE;
    }
    if (noFork && close) {
      await warnx(ctx, 'the --no-fork and --close options are incompatible');
      return EX_USAGE;
    }
    const ops = args.operands;
    let cmd: string[] | undefined;
    let filename: string | undefined;
    let fd: number;
    const sys = ctx.sys;
    if (ops.length > 1) {
      if (ops[1] === '-c' || ops[1] === '--command') {
        if (ops.length !== 3) {
          await warnx(ctx, `${ops[1]} requires exactly one command argument`);
          return EX_USAGE;
        }
        cmd = [ctx.env.get('SHELL') || '/bin/sh', '-c', ops[2]!];
      } else cmd = ops.slice(1);
      filename = ops[0]!;
      try {
        fd = await sys.open(filename, { read: true, create: true }, 0o666);
      } catch (e) {
        if (!isSysError(e)) throw e;
        let err: SysError = e;
        if (e.errno === 'EISDIR') {
          try {
            fd = await sys.open(filename, { read: true });
          } catch (e2) {
            if (!isSysError(e2)) throw e2;
            err = e2;
          }
        }
        if (fd! === undefined) {
          await warnx(ctx, `cannot open lock file ${filename}: ${strerror(err.errno)}`);
          if (['ENOMEM', 'EMFILE', 'ENFILE'].includes(err.errno)) return EX_OSERR;
          if (['EROFS', 'ENOSPC'].includes(err.errno)) return EX_CANTCREAT;
          return EX_NOINPUT;
        }
      }
    } else if (ops.length === 1) {
      try {
        fd = s32(ops[0]!, 'bad file descriptor');
      } catch (e) {
        if (!(e instanceof NumError)) throw e;
        await warnx(ctx, e.message);
        return EX_USAGE;
      }
    } else {
      await warnx(ctx, 'requires file descriptor, file or directory');
      return EX_USAGE;
    }
    if (timeout === 0) {
      timeout = undefined;
      nonblock = true;
    }
    // the lock is the open file description's (the kernel's flock(2)): with `flock FD` it is
    // the shell's descriptor's and outlasts flock; with a file, it goes when the last process
    // holding flock's descriptor (flock, or the command it runs) exits
    const started = sys.now();
    const deadline = timeout === undefined ? undefined : started + timeout * 1000;
    for (;;) {
      try {
        sys.flock(fd, type);
        break;
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (e.errno !== 'EAGAIN') {
          await warnx(ctx, `${filename ?? String(fd)}: ${strerror(e.errno)}`);
          return EX_DATAERR;
        }
      }
      if (nonblock) {
        if (verbose) await warnx(ctx, 'failed to get lock');
        return conflict;
      }
      if (deadline !== undefined && sys.now() >= deadline) {
        if (verbose) await warnx(ctx, 'timeout while waiting to get lock');
        return conflict;
      }
      await sys.sleep(deadline === undefined ? 100 : Math.max(1, Math.min(100, deadline - sys.now())));
    }
    if (verbose) {
      const ms = sys.now() - started;
      await ctx.print(`${shortName(ctx)}: getting lock took ${Math.floor(ms / 1000)}.${String(Math.round((ms % 1000) * 1000)).padStart(6, '0')} seconds\n`);
    }
    if (!cmd) return 0;
    if (verbose) await ctx.print(`${shortName(ctx)}: executing ${cmd[0]!}\n`);
    const run = async (c: Ctx): Promise<number> =>
      execvp(c, cmd!, c.env, async (e) => {
        await warnx(c, `failed to execute ${cmd![0]!}: ${strerror(e.errno)}`);
      }).then((code) => (code === 126 || code === 127 ? EX_UNAVAILABLE : code));
    if (noFork) return run(ctx);
    {
      await ctx.flush();
      const child = await sys.fork(async (csys) => {
        const c = new Ctx(csys);
        if (close) csys.close(fd);
        try {
          return await run(c);
        } finally {
          await c.flush();
        }
      });
      const res = await sys.wait(child);
      if (!res) return EX_OSERR;
      const s = res.status;
      return s.kind === 'exited' ? s.code : s.kind === 'signaled' ? s.signal + 128 : EX_OSERR;
    }
  },
});
