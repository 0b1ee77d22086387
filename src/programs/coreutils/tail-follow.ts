// tail -f / -F: poll the followed files on the virtual clock (tail.c tail_forever), print
// what was appended, and report truncation, disappearance and replacement the way GNU tail
// does. Ctrl-C ends it: the kernel kills the process inside sleep or tick.
import { isSysError, strerror, type SysError } from '../../shared/errno';
import type { Ctx } from '../lib/context';
import { writeBuffered } from '../lib/output';
import { CHUNK, qaf, qf } from '../lib/textio';

export class WriteFailed extends Error {
  constructor(readonly sysError: SysError) {
    super('write failed');
  }
}

export class ReadFailed extends Error {
  constructor(readonly sysError: SysError) {
    super('read failed');
  }
}

export async function emit(ctx: Ctx, data: Uint8Array): Promise<void> {
  const err = await writeBuffered(ctx, data);
  if (err) throw new WriteFailed(err);
}

export async function readSome(ctx: Ctx, fd: number, max = CHUNK): Promise<Uint8Array | null> {
  await ctx.tick();
  try {
    return await ctx.sys.read(fd, Math.min(max, CHUNK));
  } catch (e) {
    if (isSysError(e)) throw new ReadFailed(e);
    throw e;
  }
}

export interface Followed {
  /** The name shown in headers and messages. */
  name: string;
  path: string;
  fd: number;
  pos: number;
  ino: number;
  /** Not open now (missing, or inaccessible); only --retry brings it back. */
  gone: boolean;
  /** A FIFO: no size to compare, read whatever writers send. */
  fifo?: boolean;
}

interface FollowOptions {
  headers: boolean;
  byName: boolean;
  retry: boolean;
  interval: number;
  pid: number | undefined;
  ok: boolean;
  lastIndex: number;
}

/** Reads what is new on f and prints it; returns the byte count. */
async function dump(ctx: Ctx, f: Followed): Promise<number> {
  let total = 0;
  for (;;) {
    const chunk = await readSome(ctx, f.fd);
    if (chunk === null) return total;
    total += chunk.length;
    f.pos += chunk.length;
    await emit(ctx, chunk);
  }
}

async function reopen(ctx: Ctx, f: Followed): Promise<boolean> {
  try {
    const fd = await ctx.sys.open(f.path, { read: true });
    f.fd = fd;
    f.pos = 0;
    f.ino = ctx.sys.fstat(fd).ino;
    f.gone = false;
    return true;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return false;
  }
}

/** With --follow=name: notice a file that went away, came back, or was replaced. */
async function recheck(ctx: Ctx, f: Followed, opts: FollowOptions): Promise<void> {
  let ino: number | undefined;
  let error: SysError | undefined;
  try {
    ino = (await ctx.sys.stat(f.path)).ino;
  } catch (e) {
    if (!isSysError(e)) throw e;
    error = e;
  }
  if (error) {
    if (!f.gone) {
      await ctx.error(`${qaf(f.name)} has become inaccessible: ${strerror(error.errno)}`);
      if (f.fd >= 0) ctx.sys.close(f.fd);
      f.fd = -1;
      f.gone = true;
    }
    return;
  }
  if (f.gone) {
    if (!opts.retry) return;
    if (await reopen(ctx, f)) await ctx.error(`${qaf(f.name)} has appeared;  following new file`);
    return;
  }
  if (ino !== f.ino) {
    if (f.fd >= 0) ctx.sys.close(f.fd);
    if (await reopen(ctx, f)) await ctx.error(`${qaf(f.name)} has been replaced;  following new file`);
  }
}

function processAlive(ctx: Ctx, pid: number): boolean {
  try {
    ctx.sys.kill(pid, 0);
    return true;
  } catch (e) {
    if (isSysError(e) && e.errno === 'ESRCH') return false;
    return true;
  }
}

export async function follow(ctx: Ctx, files: Followed[], opts: FollowOptions): Promise<number> {
  let last = opts.lastIndex;
  const outIsPipe = ctx.sys.fstat(1).kind === 'fifo';
  const blocking = files.length === 1 && !!files[0]!.fifo && !opts.byName && !opts.pid;
  for (;;) {
    let anyInput = false;
    const writerDead = opts.pid !== undefined && opts.pid !== 0 && !processAlive(ctx, opts.pid);
    try {
      for (const [i, f] of files.entries()) {
        if (opts.byName) await recheck(ctx, f, opts);
        if (f.fd < 0) continue;
        if (f.fifo) {
          // tail.c: one followed FIFO (no --pid, by descriptor) is read blocking, one buffer at a time
          if (!blocking && !ctx.sys.readReady(f.fd)) continue;
          const chunk = await readSome(ctx, f.fd);
          if (!chunk || chunk.length === 0) continue;
          if (i !== last) {
            if (opts.headers) await ctx.print(`\n==> ${f.name} <==\n`);
            last = i;
          }
          await emit(ctx, chunk);
          anyInput = true;
          continue;
        }
        let size: number;
        try {
          size = ctx.sys.fstat(f.fd).size;
        } catch (e) {
          if (!isSysError(e)) throw e;
          continue;
        }
        if (size < f.pos) {
          await ctx.error(`${qf(f.name)}: file truncated`);
          ctx.sys.lseek(f.fd, 0, 'set');
          f.pos = 0;
        }
        if (size === f.pos) continue;
        if (i !== last) {
          if (opts.headers) await ctx.print(`\n==> ${f.name} <==\n`);
          last = i;
        }
        anyInput = (await dump(ctx, f)) > 0 || anyInput;
      }
    } catch (e) {
      if (e instanceof WriteFailed) {
        await ctx.tick();
        await ctx.error(`error writing 'standard output': ${strerror(e.sysError.errno)}`);
        ctx.out.reported = true;
        return 1;
      }
      if (e instanceof ReadFailed) {
        await ctx.error(`error reading ${qaf(files[0]!.name)}: ${strerror(e.sysError.errno)}`);
        return 1;
      }
      throw e;
    }
    await ctx.out.flush();
    if (!opts.retry && files.every((f) => f.fd < 0)) {
      await ctx.error('no files remaining');
      return 1;
    }
    if (writerDead) return opts.ok ? 0 : 1;
    if (outIsPipe) {
      // tail.c check_output_alive: a reader that went away ends tail (SIGPIPE)
      try {
        await ctx.sys.write(1, new Uint8Array(0));
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.tick();
        return 1;
      }
    }
    if (!anyInput) await ctx.sys.sleep(opts.interval * 1000);
  }
}
