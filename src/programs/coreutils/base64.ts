import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { usageFail } from '../lib/cli';
import { flag, lastValue } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { bin, openInput, Output, qf, ql, readChunk } from '../lib/textio';
import { INTMAX_MAX, xdectoint } from '../lib/xstrtol';

const HELP = `Encode FILE (or standard input) in base64, or decode it, to standard output.

With no FILE, or when FILE is -, read standard input.

Long options take the same arguments as their short forms.
  -d, --decode          decode the data
  -i, --ignore-garbage  when decoding, skip characters outside the alphabet
  -w, --wrap=COLS       break encoded lines after COLS characters (76 by
                          default); 0 means never
${HELP_LINES}

The data is encoded as in RFC 4648 (the base64 alphabet). When decoding,
newlines may appear anywhere; with --ignore-garbage any other character
outside the alphabet is skipped too.
${coreutilsHelpFooter('base64')}`;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

/** gnulib decode_4: decodes one group (up to 4 chars); false on invalid input. */
function decodeGroup(g: string, out: string[]): boolean {
  const v = (k: number): number | undefined => VALUE.get(g[k] ?? '');
  const a = v(0);
  const b = v(1);
  if (a === undefined || b === undefined) return false;
  out.push(String.fromCharCode(((a << 2) | (b >> 4)) & 0xff));
  if (g.length === 2) return false;
  if (g[2] === '=') return g.length === 4 && g[3] === '=';
  const c = v(2);
  if (c === undefined) return false;
  out.push(String.fromCharCode(((b << 4) | (c >> 2)) & 0xff));
  if (g.length === 3) return false;
  if (g[3] === '=') return g.length === 4;
  const d = v(3);
  if (d === undefined) return false;
  out.push(String.fromCharCode(((c << 6) | d) & 0xff));
  return true;
}

export default defineProgram({
  name: 'base64',
  installPath: '/usr/bin/base64',
  pkg: 'coreutils',
  usage: 'base64 [OPTION]... [FILE]',
  help: HELP,
  version: coreutilsVersion('base64', ['Simon Josefsson']),
  options: [
    { key: 'd', short: 'd', long: 'decode' },
    { key: 'w', short: 'w', long: 'wrap', arg: 'required' },
    { key: 'i', short: 'i', long: 'ignore-garbage' },
  ],
  async main(ctx, args) {
    let wrap = 76;
    const w = lastValue(args, 'w');
    if (w !== undefined) {
      const r = xdectoint(w, 0n, INTMAX_MAX, '', 'invalid wrap size');
      if (r.error !== undefined) {
        await ctx.error(r.error);
        return 1;
      }
      wrap = r.value > BigInt(Number.MAX_SAFE_INTEGER) ? 0 : Number(r.value);
    }
    if (args.operands.length > 1) return usageFail(ctx, `extra operand ${ql(args.operands[1]!)}`);
    const file = args.operands[0] ?? '-';
    const fd = await openInput(ctx, file);
    if (typeof fd !== 'number') {
      await ctx.error(`${qf(file)}: ${strerror(fd.errno)}`);
      return 1;
    }
    const decode = flag(args, 'd');
    const garbage = flag(args, 'i');
    const out = new Output(ctx);
    let pending = '';
    let column = 0;
    try {
      for (let chunk = await readChunk(ctx, fd); chunk; chunk = await readChunk(ctx, fd)) {
        if (decode) {
          let text = pending + bin(chunk).replace(/\n/g, '');
          if (garbage) text = text.replace(/[^A-Za-z0-9+/=]/g, '');
          const whole = text.length - (text.length % 4);
          const parts: string[] = [];
          for (let i = 0; i < whole; i += 4) {
            if (!decodeGroup(text.slice(i, i + 4), parts)) {
              out.push(parts.join(''));
              await out.flush();
              await ctx.error('invalid input');
              return 1;
            }
          }
          out.push(parts.join(''));
          pending = text.slice(whole);
        } else {
          const data = pending + bin(chunk);
          const whole = data.length - (data.length % 3);
          let enc = btoa(data.slice(0, whole));
          pending = data.slice(whole);
          if (wrap > 0) {
            let s = '';
            while (enc.length) {
              const take = Math.min(wrap - column, enc.length);
              s += enc.slice(0, take);
              enc = enc.slice(take);
              column += take;
              if (column === wrap) {
                s += '\n';
                column = 0;
              }
            }
            enc = s;
          }
          out.push(enc);
        }
        await out.drain();
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      await out.flush();
      // base64.c dies with "read error" when reading the open input fails (a directory)
      await ctx.error(`read error: ${strerror(e.errno)}`);
      return 1;
    } finally {
      if (fd !== 0) ctx.sys.close(fd);
    }
    if (decode) {
      if (pending) {
        const parts: string[] = [];
        const good = decodeGroup(pending, parts);
        out.push(parts.join(''));
        if (!good) {
          await out.flush();
          await ctx.error('invalid input');
          return 1;
        }
      }
    } else {
      let enc = btoa(pending);
      if (wrap > 0) {
        let s = '';
        while (enc.length) {
          const take = Math.min(wrap - column, enc.length);
          s += enc.slice(0, take);
          enc = enc.slice(take);
          column += take;
          if (column === wrap) {
            s += '\n';
            column = 0;
          }
        }
        if (column > 0) s += '\n';
        enc = s;
      }
      out.push(enc);
    }
    return out.finish(0);
  },
});
