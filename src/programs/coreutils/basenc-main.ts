// The body base64, base32 and basenc share (one source, basenc.c, in coreutils too): read the
// input a chunk at a time, encode it with line wrapping or decode it (newlines ignored; with
// -i, anything outside the alphabet), report invalid input. Whole groups go out as they come,
// so an endless input (`base32 /dev/zero | head`) streams instead of filling memory.
import { isSysError, strerror } from '../../shared/errno';
import type { Ctx } from '../lib/context';
import type { Codec } from '../lib/basenc-codecs';
import { INTMAX_MAX, xdectoint } from '../lib/xstrtol';
import { bin, closeInput, openInput, Output, qf, readChunk } from '../lib/textio';

export interface BasencRun {
  codec: Codec;
  decode: boolean;
  ignoreGarbage: boolean;
  /** columns per line (0: one line), from wrapSize() */
  wrap: number;
  file: string;
}

/** -w COLS (76 when not given), or undefined after reporting an invalid size. */
export async function wrapSize(ctx: Ctx, value: string | undefined): Promise<number | undefined> {
  if (value === undefined) return 76;
  const w = xdectoint(value, 0n, INTMAX_MAX, '', 'invalid wrap size');
  if (w.error !== undefined) {
    await ctx.error(w.error);
    return undefined;
  }
  return w.value > BigInt(Number.MAX_SAFE_INTEGER) ? 0 : Number(w.value);
}

/** basenc.c's ENC_BLOCKSIZE: input bytes encoded at a time. */
const ENC_BLOCK = 1024 * 3 * 10;

/** Encoded text split into lines of `wrap` characters, carrying the column across chunks. */
class Wrapper {
  private column = 0;
  constructor(private readonly wrap: number) {}

  push(text: string): string {
    if (this.wrap <= 0) return text;
    let s = '';
    let i = 0;
    while (i < text.length) {
      const take = Math.min(this.wrap - this.column, text.length - i);
      s += text.slice(i, i + take);
      i += take;
      this.column += take;
      if (this.column === this.wrap) {
        s += '\n';
        this.column = 0;
      }
    }
    return s;
  }

  /** The newline that ends a last, partial line. */
  end(): string {
    return this.wrap > 0 && this.column > 0 ? '\n' : '';
  }
}

export async function runBasenc(ctx: Ctx, r: BasencRun): Promise<number> {
  const fd = await openInput(ctx, r.file);
  if (typeof fd !== 'number') {
    await ctx.error(`${qf(r.file)}: ${strerror(fd.errno)}`);
    return 1;
  }
  const { codec } = r;
  const keep = r.ignoreGarbage ? new Set(codec.alphabet + codec.extra) : undefined;
  const out = new Output(ctx);
  out.largeFailure = 'errno+bare';
  const wrapper = new Wrapper(r.wrap);
  let pending = '';
  /** Decodes `text` (whole groups, or the rest at the end); false after invalid input. */
  const decode = async (text: string): Promise<boolean> => {
    const res = codec.decode(text);
    out.push(res.data);
    if (res.ok) return true;
    await out.flush();
    await ctx.error('invalid input');
    return false;
  };
  try {
    for (let chunk = await readChunk(ctx, fd); chunk; chunk = await readChunk(ctx, fd)) {
      if (r.decode) {
        let text = pending + bin(chunk).replace(/\n/g, '');
        if (keep) text = [...text].filter((c) => keep.has(c)).join('');
        const whole = text.length - (text.length % codec.encGroup);
        pending = text.slice(whole);
        if (whole && !(await decode(text.slice(0, whole)))) return out.finish(1);
      } else {
        // basenc.c encodes whole blocks of ENC_BLOCK bytes (a multiple of every codec's
        // group); only the last, short one can be refused (z85), after the others are out
        const data = pending + bin(chunk);
        const whole = data.length - (data.length % ENC_BLOCK);
        pending = data.slice(whole);
        const enc = codec.encode(data.slice(0, whole));
        if (typeof enc === 'string') out.push(wrapper.push(enc));
      }
      await out.drain();
    }
  } catch (e) {
    if (!isSysError(e)) throw e;
    await out.flush();
    // basenc.c dies with "read error" when reading the open input fails (a directory)
    await ctx.error(`read error: ${strerror(e.errno)}`);
    return out.finish(1);
  } finally {
    closeInput(ctx, fd);
  }
  if (r.decode) return out.finish(pending && !(await decode(pending)) ? 1 : 0);
  const enc = codec.encode(pending);
  if (typeof enc !== 'string') {
    await out.flush();
    await ctx.error(enc.error);
    return out.finish(1);
  }
  out.push(wrapper.push(enc) + wrapper.end());
  return out.finish(0);
}
