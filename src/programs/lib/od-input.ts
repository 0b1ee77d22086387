// od's input (od.c read_block, open_next_file): every FILE read as one stream, with open
// and read errors reported on the way; and -S, the strings dump.
import { isSysError, strerror } from '../../shared/errno';
import type { Ctx } from './context';
import { Output, qf } from './textio';

export interface Input {
  files: string[];
  index: number;
  fd: number | undefined;
  name: string;
  ok: boolean;
}

/**
 * Reads up to n bytes from the concatenated inputs (od.c read_block); with `oneFile`, only
 * from the file open now (what skipping reads, a file at a time).
 */
export async function readBlock(ctx: Ctx, inp: Input, n: number, oneFile = false): Promise<Uint8Array> {
  const out = new Uint8Array(n);
  let got = 0;
  while (got < n) {
    if (inp.fd === undefined && !(await openNext(ctx, inp))) break;
    let chunk: Uint8Array | null = null;
    try {
      await ctx.tick();
      chunk = await ctx.sys.read(inp.fd!, n - got);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await ctx.error(`${qf(inp.name)}: ${strerror(e.errno)}`);
      inp.ok = false;
    }
    if (chunk === null || chunk.length === 0) {
      if (inp.fd !== 0) ctx.sys.close(inp.fd!);
      inp.fd = undefined;
      if (oneFile) break;
      continue;
    }
    out.set(chunk, got);
    got += chunk.length;
  }
  return out.subarray(0, got);
}

/** Opens the first input that can be opened; false (after the messages) when none can,
 * and od then prints nothing at all, not even the final offset. */
export async function openFirst(ctx: Ctx, inp: Input): Promise<boolean> {
  return inp.fd !== undefined || openNext(ctx, inp);
}

async function openNext(ctx: Ctx, inp: Input): Promise<boolean> {
  while (inp.index < inp.files.length) {
    const f = inp.files[inp.index++]!;
    if (f === '-') {
      inp.fd = 0;
      inp.name = 'standard input';
      return true;
    }
    try {
      inp.fd = await ctx.sys.open(f, { read: true });
      inp.name = f;
      return true;
    } catch (e) {
      if (!isSysError(e)) throw e;
      await ctx.error(`${qf(f)}: ${strerror(e.errno)}`);
      inp.ok = false;
    }
  }
  return false;
}

export async function dumpStrings(ctx: Ctx, inp: Input, out: Output, min: number, skip: bigint, limit: bigint | undefined, addr: (a: bigint, end: string) => string): Promise<number> {
  const end = limit !== undefined ? skip + limit : undefined;
  let address = skip;
  let buf = '';
  const esc: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' };
  let pending: Uint8Array = new Uint8Array(0);
  let pos = 0;
  const next = async (): Promise<number> => {
    if (pos >= pending.length) {
      pending = await readBlock(ctx, inp, 65536);
      pos = 0;
      if (pending.length === 0) return -1;
    }
    return pending[pos++]!;
  };
  const printable = (c: number): boolean => c >= 32 && c < 127;
  for (;;) {
    if (end !== undefined && (end < BigInt(min) || end - BigInt(min) <= address)) break;
    buf = '';
    let good = true;
    for (let i = 0; i < min; i++) {
      const c = await next();
      address++;
      if (c < 0) return out.finish(inp.ok ? 0 : 1);
      if (!printable(c)) {
        good = false;
        break;
      }
      buf += String.fromCharCode(c);
    }
    if (!good) continue;
    let terminated = false;
    while (end === undefined || address < end) {
      const c = await next();
      address++;
      if (c < 0) return out.finish(inp.ok ? 0 : 1);
      if (c === 0) {
        terminated = true;
        break;
      }
      if (!printable(c)) break;
      buf += String.fromCharCode(c);
    }
    if (!terminated && (end === undefined || address < end)) continue;
    out.push(addr(address - BigInt(buf.length) - 1n, ' '));
    out.push(`${buf.replace(/[\x07\b\f\n\r\t\v]/g, (c) => esc[c]!)}\n`);
    await out.drain();
  }
  return out.finish(inp.ok ? 0 : 1);
}
