// The body base32 and basenc share: read the input, encode it with line wrapping or decode
// it (newlines ignored; with -i, anything outside the alphabet), report invalid input.
import { isSysError, strerror } from '../../shared/errno';
import type { Ctx } from '../lib/context';
import type { Codec } from '../lib/basenc-codecs';
import { INTMAX_MAX, xdectoint } from '../lib/xstrtol';
import { Output, qf, readAllBin } from '../lib/textio';

export interface BasencRun {
  codec: Codec;
  decode: boolean;
  ignoreGarbage: boolean;
  wrap: string | undefined;
  file: string;
}

export async function runBasenc(ctx: Ctx, r: BasencRun): Promise<number> {
  let wrap = 76;
  if (r.wrap !== undefined) {
    const w = xdectoint(r.wrap, 0n, INTMAX_MAX, '', 'invalid wrap size');
    if (w.error !== undefined) {
      await ctx.error(w.error);
      return 1;
    }
    wrap = w.value > BigInt(Number.MAX_SAFE_INTEGER) ? 0 : Number(w.value);
  }
  let data: string;
  let fd = 0;
  try {
    if (r.file !== '-') fd = await ctx.sys.open(r.file, { read: true });
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.error(`${qf(r.file)}: ${strerror(e.errno)}`);
    return 1;
  }
  try {
    data = await readAllBin(ctx, fd);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.error(`read error: ${strerror(e.errno)}`);
    return 1;
  } finally {
    if (fd !== 0) ctx.sys.close(fd);
  }
  const out = new Output(ctx);
  if (r.decode) {
    let text = data.replace(/\n/g, '');
    if (r.ignoreGarbage) {
      const keep = new Set(r.codec.alphabet + r.codec.extra);
      text = [...text].filter((c) => keep.has(c)).join('');
    }
    const res = r.codec.decode(text);
    out.push(res.data);
    if (!res.ok) {
      await out.flush();
      await ctx.error('invalid input');
      return out.finish(1);
    }
    return out.finish(0);
  }
  const enc = r.codec.encode(data);
  if (typeof enc !== 'string') {
    await ctx.error(enc.error);
    return 1;
  }
  if (wrap > 0 && enc.length) {
    for (let i = 0; i < enc.length; i += wrap) out.push(`${enc.slice(i, i + wrap)}\n`);
  } else out.push(enc);
  return out.finish(0);
}
