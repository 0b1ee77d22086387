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
    if (isSysError(e)) return e;
    throw e;
  }
}
