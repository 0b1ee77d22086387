// hexdump and hd (util-linux 2.38): input shown through format strings (hexdump-format.ts),
// block by block; a block equal to the one before shows as one "*" line unless -v; the
// last, short block is padded with zeros and the conversions past its end print blanks;
// a %_A unit prints the final offset. hd is hexdump -C.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { bin, Output, readChunk } from '../lib/textio';
import { formatChar, formatDouble, formatInt, formatStr, type ConvSpec } from '../lib/c-conversion';
import { utilLinuxHelp, utilLinuxVersion } from './common';
import { finishFs, FormatError, fsSize, parseFs, type Fs, type Pr } from './hexdump-format';

const HELP = (name: string): string =>
  utilLinuxHelp(name, [`${name} [options] <file>...`], 'Show the bytes of files in hexadecimal, decimal, octal or as characters.', [
    ' -b, --one-byte-octal      one-byte octal display',
    ' -c, --one-byte-char       one-byte character display',
    ' -C, --canonical           canonical hex+ASCII display',
    ' -d, --two-bytes-decimal   two-byte decimal display',
    ' -o, --two-bytes-octal     two-byte octal display',
    ' -x, --two-bytes-hex       two-byte hexadecimal display',
    ' -L, --color[=<mode>]      (accepted; output is never colored here)',
    ' -e, --format <format>     format string for showing the data',
    ' -f, --format-file <file>  file of format strings',
    ' -n, --length <length>     show only this many bytes of input',
    ' -s, --skip <offset>       skip this many bytes at the start',
    ' -v, --no-squeezing        show every line, also repeated ones',
  ], 26);

const FORMATS: Record<string, string[]> = {
  default: ['"%07.7_Ax\n"', '"%07.7_ax " 8/2 "%04x " "\\n"'],
  b: ['"%07.7_Ax\n"', '"%07.7_ax " 16/1 "%03o " "\\n"'],
  c: ['"%07.7_Ax\n"', '"%07.7_ax " 16/1 "%3_c " "\\n"'],
  C: ['"%08.8_Ax\n"', '"%08.8_ax  " 8/1 "%02x " "  " 8/1 "%02x " ', '"  |" 16/1 "%_p" "|\\n"'],
  d: ['"%07.7_Ax\n"', '"%07.7_ax " 8/2 "  %05u " "\\n"'],
  o: ['"%07.7_Ax\n"', '"%07.7_ax " 8/2 " %06o " "\\n"'],
  x: ['"%07.7_Ax\n"', '"%07.7_ax " 8/2 "   %04x " "\\n"'],
};

const NAMES = ['nul', 'soh', 'stx', 'etx', 'eot', 'enq', 'ack', 'bel', 'bs', 'ht', 'lf', 'vt', 'ff', 'cr', 'so', 'si', 'dle', 'dc1', 'dc2', 'dc3', 'dc4', 'nak', 'syn', 'etb', 'can', 'em', 'sub', 'esc', 'fs', 'gs', 'rs', 'us'];
const C_ESCAPES: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v' };
const isPrint = (b: number): boolean => b >= 0x20 && b < 0x7f;

/** A size with hexdump's suffixes (strtosize): KiB=K=1024, KB=1000, b is not a suffix. */
function parseSize(s: string): number | undefined {
  const m = /^(0x[0-9a-fA-F]+|0[0-7]*|[1-9]\d*)([KMGTPE]?)(iB|B)?$/i.exec(s.trim());
  if (!m) return undefined;
  let n = Number(m[1]!.toLowerCase().startsWith('0x') ? parseInt(m[1]!, 16) : m[1]!.length > 1 && m[1]!.startsWith('0') ? parseInt(m[1]!, 8) : Number(m[1]));
  const unit = m[2]!.toUpperCase();
  if (unit) {
    const base = m[3] === 'B' ? 1000 : 1024;
    n *= base ** ('KMGTPE'.indexOf(unit) + 1);
  } else if (m[3]) return undefined;
  return n;
}

class Display {
  readonly out: Output;
  private eaddress: number | undefined;

  constructor(ctx: Ctx, private readonly fss: Fs[], private readonly blocksize: number) {
    this.out = new Output(ctx);
  }

  private value(block: Uint8Array, off: number, n: number, signed: boolean): bigint {
    let v = 0n;
    for (let k = n - 1; k >= 0; k--) v = (v << 8n) | BigInt(block[off + k] ?? 0);
    if (signed && n > 0 && v >= 1n << BigInt(8 * n - 1)) v -= 1n << BigInt(8 * n);
    return v;
  }

  private one(pr: Pr, block: Uint8Array, off: number, address: number, last: boolean): string {
    let text = pr.text;
    if (last && pr.nospace) text = text.slice(0, -1);
    if (pr.kind === 'text') return text;
    const spec: ConvSpec = { flags: pr.flags, width: pr.width, prec: pr.prec, conv: pr.conv };
    if (this.eaddress !== undefined && address >= this.eaddress) {
      // blanks of the same width for a conversion past the end of the input
      return text + formatStr('', { flags: '', width: pr.width, prec: pr.prec, conv: 's' });
    }
    const b = block[off] ?? 0;
    switch (pr.kind) {
      case 'addr': return text + formatInt(BigInt(address), spec);
      case 'char': return text + formatChar(b, spec);
      case 'int': return text + formatInt(this.value(block, off, pr.bcnt, true), spec);
      case 'uint': return text + formatInt(this.value(block, off, pr.bcnt, false), spec);
      case 'dbl': {
        const view = new DataView(block.buffer, block.byteOffset + off, pr.bcnt);
        const x = pr.bcnt === 4 ? view.getFloat32(0, true) : view.getFloat64(0, true);
        return text + formatDouble(x, spec);
      }
      case 'str': {
        let s = '';
        for (let k = 0; k < pr.bcnt && block[off + k]; k++) s += String.fromCharCode(block[off + k]!);
        return text + formatStr(s, spec);
      }
      case 'p': return text + formatChar(isPrint(b) ? b : 0x2e, spec);
      case 'c': {
        const esc = C_ESCAPES[b];
        if (esc !== undefined) return text + formatStr(esc, { ...spec, conv: 's' });
        if (isPrint(b)) return text + formatChar(b, spec);
        return text + formatStr(b.toString(8).padStart(3, '0'), { ...spec, conv: 's' });
      }
      case 'u':
        if (b <= 0x1f) return text + formatStr(NAMES[b]!, { ...spec, conv: 's' });
        if (b === 0x7f) return text + formatStr('del', { ...spec, conv: 's' });
        if (isPrint(b)) return text + formatChar(b, spec);
        return text + formatInt(BigInt(b), { ...spec, conv: 'x' });
    }
    return text;
  }

  block(block: Uint8Array, address: number, eaddress: number | undefined): void {
    this.eaddress = eaddress;
    let s = '';
    for (const fs of this.fss) {
      let off = 0;
      let addr = address;
      for (const fu of fs) {
        if (fu.ignore) break;
        for (let cnt = fu.reps; cnt > 0; cnt--) {
          for (const pr of fu.prs) {
            s += this.one(pr, block, off, addr, cnt === 1);
            addr += pr.bcnt;
            off += pr.bcnt;
          }
        }
      }
    }
    this.out.push(s);
  }

  /** The units holding %_A, with the offset after the input. */
  end(address: number): void {
    let s = '';
    // the last unit holding %_A is the one printed
    const endfu = this.fss.flat().filter((fu) => fu.ignore).pop();
    for (const pr of endfu?.prs ?? []) {
      if (pr.kind === 'text') s += pr.text;
      else if (pr.kind === 'addr') s += pr.text + formatInt(BigInt(address), { flags: pr.flags, width: pr.width, prec: pr.prec, conv: pr.conv });
    }
    this.out.push(s);
  }
}

/** Blocks in order: a block equal to the one before is one "*" line (unless -v); a short last
 * block is padded, and the offset after the input ends the output. */
class Squeezer {
  address = 0;
  private prev: string | undefined;
  private state: 'all' | 'first' | 'wait' | 'dup';

  constructor(private readonly show: Display, private readonly blocksize: number, all: boolean) {
    this.state = all ? 'all' : 'first';
  }

  block(chunk: string): void {
    if (this.state !== 'all' && this.state !== 'first' && chunk === this.prev) {
      if (this.state === 'wait') this.show.out.push('*\n');
      this.state = 'dup';
      this.address += this.blocksize;
      return;
    }
    if (this.state === 'dup' || this.state === 'first') this.state = 'wait';
    this.prev = chunk;
    this.show.block(toBlock(chunk, this.blocksize), this.address, undefined);
    this.address += this.blocksize;
  }

  /** The rest of the input (shorter than a block), then the final offset. */
  finish(rest: string): void {
    let eaddress: number | undefined;
    if (rest.length > 0) {
      eaddress = this.address + rest.length;
      this.show.block(toBlock(rest, this.blocksize), this.address, eaddress);
      this.address += rest.length;
    }
    if (eaddress !== undefined || this.address !== 0) this.show.end(eaddress ?? this.address);
  }
}

function toBlock(chunk: string, size: number): Uint8Array {
  const block = new Uint8Array(size);
  for (let k = 0; k < chunk.length; k++) block[k] = chunk.charCodeAt(k);
  return block;
}

function program(name: 'hexdump' | 'hd') {
  return defineProgram({
    name,
    installPath: `/usr/bin/${name}`,
    pkg: 'util-linux',
    options: [
      { key: 'b', short: 'b', long: 'one-byte-octal' },
      { key: 'c', short: 'c', long: 'one-byte-char' },
      { key: 'C', short: 'C', long: 'canonical' },
      { key: 'd', short: 'd', long: 'two-bytes-decimal' },
      { key: 'o', short: 'o', long: 'two-bytes-octal' },
      { key: 'x', short: 'x', long: 'two-bytes-hex' },
      { key: 'e', short: 'e', long: 'format', arg: 'required' },
      { key: 'f', short: 'f', long: 'format-file', arg: 'required' },
      { key: 'L', short: 'L', long: 'color', arg: 'optional' },
      { key: 'n', short: 'n', long: 'length', arg: 'required' },
      { key: 's', short: 's', long: 'skip', arg: 'required' },
      { key: 'v', short: 'v', long: 'no-squeezing' },
      { key: 'h', short: 'h', long: 'help' },
      { key: 'V', short: 'V', long: 'version' },
    ],
    async main(ctx, args) {
      if (args.flags.has('h')) return ctx.print(HELP(name)).then(() => 0);
      if (args.flags.has('V')) return ctx.print(`${utilLinuxVersion(name)}\n`).then(() => 0);
      const formats: string[] = name === 'hd' ? [...FORMATS.C!] : [];
      let length: number | undefined;
      let skip = 0;
      for (const o of args.order) {
        if (o.key in FORMATS) formats.push(...FORMATS[o.key]!);
        else if (o.key === 'e') formats.push(o.value!);
        else if (o.key === 'f') {
          try {
            const fd = await ctx.sys.open(o.value!, { read: true });
            let text = '';
            try {
              for (let c = await readChunk(ctx, fd); c; c = await readChunk(ctx, fd)) text += bin(c);
            } finally {
              ctx.sys.close(fd);
            }
            for (const line of text.split('\n')) {
              const t = line.replace(/^[ \t]+/, '');
              if (t !== '' && !t.startsWith('#')) formats.push(t);
            }
          } catch (e) {
            if (!isSysError(e)) throw e;
            await ctx.error(`can't read ${o.value}: ${strerror(e.errno)}`);
            return 1;
          }
        } else if (o.key === 'n' || o.key === 's') {
          const n = parseSize(o.value!);
          if (n === undefined) {
            await ctx.error(`failed to parse ${o.key === 'n' ? 'length' : 'offset'}: '${o.value}': Invalid argument`);
            return 1;
          }
          if (o.key === 'n') length = n;
          else skip = n;
        }
      }
      if (formats.length === 0) formats.push(...FORMATS.default!);
      let fss: Fs[];
      try {
        fss = formats.map(parseFs);
      } catch (e) {
        if (!(e instanceof FormatError)) throw e;
        await ctx.error(e.message);
        return 1;
      }
      const blocksize = Math.max(0, ...fss.map(fsSize));
      for (const fs of fss) finishFs(fs, blocksize);
      // the input streams through: every file in turn, less what -s skips, up to -n bytes,
      // cut into blocks as it comes
      const files = args.operands.length ? args.operands : ['-'];
      const show = new Display(ctx, fss, blocksize);
      const squeeze = new Squeezer(show, blocksize, args.flags.has('v'));
      let failed = 0;
      let skipLeft = skip;
      let left = length ?? Infinity;
      let pending = '';
      for (const file of files) {
        if (left <= 0) break;
        let fd = 0;
        try {
          if (file !== '-') fd = await ctx.sys.open(file, { read: true });
          if (skipLeft > 0 && ctx.sys.fstat(fd).kind === 'fifo') {
            // -s seeks, and a pipe cannot
            await show.out.flush();
            await ctx.error(`${file === '-' ? 'stdin' : file}: Illegal seek`);
            return 1;
          }
          if (skipLeft > 0 && ctx.sys.fstat(fd).kind !== 'file') {
            // a device seeks anywhere (fseeko), so the whole skip passes without reading
            squeeze.address += skipLeft;
            skipLeft = 0;
          }
          for (let c = await readChunk(ctx, fd); c && left > 0; c = left > 0 ? await readChunk(ctx, fd) : null) {
            let text = bin(c);
            if (skipLeft > 0) {
              const n = Math.min(skipLeft, text.length);
              skipLeft -= n;
              squeeze.address += n;
              text = text.slice(n);
            }
            if (text.length > left) text = text.slice(0, left);
            left -= text.length;
            if (blocksize === 0) continue;
            pending += text;
            const whole = pending.length - (pending.length % blocksize);
            for (let pos = 0; pos < whole; pos += blocksize) squeeze.block(pending.slice(pos, pos + blocksize));
            pending = pending.slice(whole);
            await show.out.drain();
          }
        } catch (e) {
          if (!isSysError(e)) throw e;
          await ctx.error(`${file}: ${strerror(e.errno)}`);
          failed++;
        } finally {
          if (fd !== 0) ctx.sys.close(fd);
        }
      }
      if (blocksize > 0) squeeze.finish(pending);
      if (failed === files.length) {
        await show.out.flush();
        await ctx.error('all input file arguments failed');
        return show.out.finish(1);
      }
      return show.out.finish(failed ? 1 : 0);
    },
  });
}

export const hexdump = program('hexdump');
export const hd = program('hd');
export default hexdump;
