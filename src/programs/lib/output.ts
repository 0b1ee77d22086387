// Raw byte output for programs whose output is not text (cat, echo with \0nnn escapes):
// flushes the buffered text writer first so order is kept, and reports EPIPE/ENOSPC.
import { isSysError, type SysError } from '../../shared/errno';
import type { Ctx } from './context';

/** Writes bytes to stdout; returns the SysError that stopped it (EPIPE, ENOSPC...), if any. */
export async function writeBytes(ctx: Ctx, data: Uint8Array): Promise<SysError | undefined> {
  await ctx.out.flush();
  if (ctx.out.broken) return isSysError(ctx.out.error) ? ctx.out.error : undefined;
  if (data.length === 0) return undefined;
  try {
    await ctx.sys.write(1, data);
    return undefined;
  } catch (e) {
    if (!isSysError(e)) throw e;
    // stdout is in error from now on, as a stdio stream stays (close_stdout reports it)
    ctx.out.broken = true;
    ctx.out.error = e;
    return e;
  }
}

/** stdio's buffer for a file or pipe on stdout (st_blksize). */
const STDIO_BUFSIZ = 4096;
const buffered = new WeakMap<Ctx, number>();

/**
 * Writes as fwrite to a fully buffered stdout does (head and tail's xwrite_stdout): while all
 * output so far still fits in stdio's buffer nothing has reached the file, so a failure shows
 * only at exit (close_stdout's "write error"); returns the error once output has gone past it.
 */
export async function writeBuffered(ctx: Ctx, data: Uint8Array): Promise<SysError | undefined> {
  const total = (buffered.get(ctx) ?? 0) + data.length;
  buffered.set(ctx, total);
  const err = await writeBytes(ctx, data);
  return err && total > STDIO_BUFSIZ ? err : undefined;
}
