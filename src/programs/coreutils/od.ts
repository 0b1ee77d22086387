import { defineProgram } from '../define';
import { argmatch, argmatchError } from '../lib/argmatch';
import { tryHelp, usageFail } from '../lib/cli';
import type { Ctx } from '../lib/context';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { decodeTypes, formatLine, trailer, type TypeSpec } from '../lib/od-format';
import { dumpStrings, openFirst, readBlock, type Input } from '../lib/od-input';
import { Output, ql, stdinCloseFailed } from '../lib/textio';
import { xstrtolFatalMessage } from './xstrtol-fatal';
import { xstrtol } from '../lib/xstrtol';

const HELP = `Write an unambiguous representation, octal bytes by default, of FILE to
standard output. With more than one FILE, read them one after another as a
single input. With no FILE, or when FILE is -, read standard input.

Long options take the same arguments as their short forms.
  -A, --address-radix=RADIX   how offsets are shown: d, o, x or n (none)
      --endian={big|little}   read multi-byte values in this byte order
  -j, --skip-bytes=BYTES      start BYTES into the input
  -N, --read-bytes=BYTES      show at most BYTES bytes of input
  -S BYTES, --strings[=BYTES]  show only strings of at least BYTES printable
                                characters ended by a NUL (3 by default)
  -t, --format=TYPE           show the data as TYPE (see below)
  -v, --output-duplicates     show every line; do not put * for repeated lines
  -w[BYTES], --width[=BYTES]  show BYTES bytes per line (32 by default with -w)
      --traditional           take the arguments in the old form
${HELP_LINES}

Old-style type options:
  -a   -t a      -b   -t o1     -c   -t c      -d   -t u2
  -f   -t fF     -i   -t dI     -l   -t dL     -o   -t o2
  -s   -t d2     -x   -t x2

TYPE is made of one or more of:
  a          named characters, the high bit ignored
  c          printable characters or backslash escapes
  d[SIZE]    signed decimal, SIZE bytes per value
  f[SIZE]    floating point, SIZE bytes per value
  o[SIZE]    octal, SIZE bytes per value
  u[SIZE]    unsigned decimal, SIZE bytes per value
  x[SIZE]    hexadecimal, SIZE bytes per value

SIZE is a number, or C (char), S (short), I (int), L (long) for integers and
F (float), D (double), L (long double) for floating point. A TYPE ending in z
also shows the printable characters of each line at its end.

BYTES is hexadecimal with a 0x or 0X prefix and may end with a multiplier:
b 512, KB 1000, K 1024, MB 1000*1000, M 1024*1024, and so on.
${coreutilsHelpFooter('od')}`;

const OLD: Record<string, string> = {
  a: 'a', b: 'o1', c: 'c', D: 'u4', d: 'u2', F: 'fD', e: 'fD', f: 'fF', X: 'x4', H: 'x4', i: 'dI', I: 'dL', L: 'dL', l: 'dL',
  O: 'o4', B: 'o2', o: 'o2', s: 'd2', h: 'x2', x: 'x2',
};
const MULT = 'bEGKkMmPTYZ0';

function parseOldOffset(s: string): bigint | undefined {
  if (s === '') return undefined;
  const t = s.startsWith('+') ? s.slice(1) : s;
  // a '.' asks for decimal, but od.c hands the whole string to xstrtoumax, whose only
  // suffixes are B and b: in coreutils 9.1 "+10." is no offset (and so a file name)
  const radix = t.includes('.') ? 10 : /^0[xX]/.test(t) ? 16 : 8;
  const r = xstrtol(t, 'Bb', { base: radix });
  return r.status === 'ok' ? r.value : undefined;
}

export default defineProgram({
  name: 'od',
  installPath: '/usr/bin/od',
  pkg: 'coreutils',
  usage: 'od [OPTION]... [FILE]...\nod [-abcdfilosx]... [FILE] [[+]OFFSET[.][b]]\nod --traditional [OPTION]... [FILE] [[+]OFFSET[.][b] [+][LABEL][.][b]]',
  help: HELP,
  version: coreutilsVersion('od', ['Jim Meyering']),
  options: [
    { key: 'A', short: 'A', long: 'address-radix', arg: 'required' },
    { key: 'j', short: 'j', long: 'skip-bytes', arg: 'required' },
    { key: 'N', short: 'N', long: 'read-bytes', arg: 'required' },
    { key: 't', short: 't', long: 'format', arg: 'required' },
    { key: 'v', short: 'v', long: 'output-duplicates' },
    { key: 'S', long: 'strings', arg: 'optional' },
    { key: 'S', short: 'S', arg: 'required' },
    { key: 'traditional', long: 'traditional' },
    { key: 'endian', long: 'endian', arg: 'required' },
    { key: 'w', short: 'w', long: 'width', arg: 'optional' },
    ...Object.keys(OLD).map((k) => ({ key: `old${k}`, short: k })),
  ],
  async main(ctx, args) {
    let radix: 8 | 10 | 16 | 0 = 8;
    let padLen = 7;
    let skip = 0n;
    let limit: bigint | undefined;
    let specs: TypeSpec[] = [];
    let dupes = true;
    let strings: number | undefined;
    let little = true;
    let width: number | undefined;
    let modern = false;
    let traditional = false;
    const size = (v: string, opt: string, base: 0 | 10, mult: string): bigint | string => {
      const r = xstrtol(v, mult, { base });
      if (r.status === 'ok') return r.value;
      return xstrtolFatalMessage(r.status, opt, v);
    };
    const optName = (key: string, value: string | undefined): string => {
      const long = ctx.argv.find((a) => a.startsWith('--') && value !== undefined && a.endsWith(`=${value}`));
      return long ? long.slice(0, long.indexOf('=')) : `-${key}`;
    };
    let ok = true;
    for (const { key, value } of args.order) {
      const v = value ?? '';
      if (key.startsWith('old')) {
        const r = decodeTypes(OLD[key.slice(3)]!);
        if (typeof r !== 'string') specs.push(...r);
        continue;
      }
      switch (key) {
        case 'A':
          modern = true;
          if (v[0] === 'd') [radix, padLen] = [10, 7];
          else if (v[0] === 'o') [radix, padLen] = [8, 7];
          else if (v[0] === 'x') [radix, padLen] = [16, 6];
          else if (v[0] === 'n') [radix, padLen] = [0, 0];
          else {
            await ctx.error(`invalid output address radix '${v[0] ?? ''}'; it must be one character from [doxn]`);
            return 1;
          }
          break;
        case 'j':
        case 'N': {
          modern = true;
          const r = size(v, optName(key, value), 0, MULT);
          if (typeof r === 'string') {
            await ctx.error(r);
            return 1;
          }
          if (key === 'j') skip = r;
          else limit = r;
          break;
        }
        case 'S': {
          modern = true;
          if (value === undefined) strings = 3;
          else {
            const r = size(v, optName(key, value), 0, MULT);
            if (typeof r === 'string') {
              await ctx.error(r);
              return 1;
            }
            strings = Number(r);
          }
          break;
        }
        case 't': {
          modern = true;
          const r = decodeTypes(v);
          if (typeof r === 'string') {
            await ctx.error(r);
            ok = false;
          } else specs.push(...r);
          break;
        }
        case 'v': modern = true; dupes = false; break;
        case 'traditional': traditional = true; break;
        case 'endian': {
          const choices = [['big', false], ['little', true]] as const;
          const r = argmatch(v, choices);
          if ('error' in r) {
            await argmatchError(ctx, '--endian', v, r.error, choices);
            await tryHelp(ctx);
            return 1;
          }
          little = r.value;
          break;
        }
        case 'w': {
          modern = true;
          if (value === undefined) width = 32;
          else {
            const r = size(v, optName(key, value), 10, '');
            if (typeof r === 'string') {
              await ctx.error(r);
              return 1;
            }
            width = Number(r);
          }
          break;
        }
        default: break;
      }
    }
    if (!ok) return 1;
    if (strings !== undefined && specs.length) {
      await ctx.error('no type may be specified when dumping strings');
      return 1;
    }
    let files = args.operands;
    let label: bigint | undefined;
    if (!modern || traditional) {
      if (files.length === 1 && (traditional || files[0]!.startsWith('+'))) {
        const o = parseOldOffset(files[0]!);
        if (o !== undefined) {
          skip = o;
          files = [];
        }
      } else if (files.length === 2 && (traditional || /^[+\d]/.test(files[1]!))) {
        const o2 = parseOldOffset(files[1]!);
        if (o2 !== undefined) {
          const o1 = traditional ? parseOldOffset(files[0]!) : undefined;
          if (o1 !== undefined) {
            skip = o1;
            label = o2;
            files = [];
          } else {
            skip = o2;
            files = [files[0]!];
          }
        }
      } else if (files.length === 3 && traditional) {
        const o1 = parseOldOffset(files[1]!);
        const o2 = parseOldOffset(files[2]!);
        if (o1 !== undefined && o2 !== undefined) {
          skip = o1;
          label = o2;
          files = [files[0]!];
        }
      }
      if (traditional && files.length > 1) {
        await ctx.error(`extra operand ${ql(files[1]!)}`);
        await ctx.error('compatibility mode supports at most one file');
        return usageFail(ctx, undefined);
      }
    }
    if (specs.length === 0) specs = decodeTypes('oS') as TypeSpec[];
    const inp: Input = { files: files.length ? files : ['-'], index: 0, fd: undefined, name: '', ok: true };
    const out = new Output(ctx);
    out.largeFailure = 'bare+errno';
    // a traditional LABEL is shown in parentheses, after the offset if there is one
    const paren = label !== undefined && radix === 0;
    if (paren) [radix, padLen] = [8, 7];
    const addr = (a: bigint, end: string): string => {
      // addresses are uintmax_t: -S's address of a string cut short by -N can wrap below 0
      const std = (x: bigint): string => BigInt.asUintN(64, x).toString(radix || 8).padStart(padLen, '0');
      if (label !== undefined) {
        const shown = `(${std(label + (a - skip))})${end}`;
        return paren ? shown : `${std(a)} ${shown}`;
      }
      return radix === 0 ? '' : std(a) + end;
    };
    if (!(await openFirst(ctx, inp))) return 1;
    // skip: read and drop; a file that is not regular but can seek (/dev/null, /dev/zero) is
    // passed by fseeko, which never meets its end (od.c skip)
    for (let left = skip; left > 0n;) {
      if (!(await openFirst(ctx, inp))) {
        await ctx.error('cannot skip past end of combined input');
        return 1;
      }
      if (seeksPastEnd(ctx, inp.fd!)) break;
      left -= BigInt((await readBlock(ctx, inp, Number(left > 65536n ? 65536n : left), true)).length);
    }
    const lcm = specs.reduce((l, s) => (l * s.size) / gcd(l, s.size), 1);
    let perLine: number;
    // the width is checked against the (default) types even when -S dumps strings
    if (width !== undefined) {
      if (width !== 0 && width % lcm === 0) perLine = width;
      else {
        await ctx.error(`warning: invalid width ${width}; using ${lcm} instead`);
        perLine = lcm;
      }
    } else perLine = lcm < 16 ? lcm * Math.floor(16 / lcm) : lcm;
    if (strings !== undefined) return dumpStrings(ctx, inp, out, strings, skip, limit, addr);
    let blockWidth = 0;
    for (const s of specs) blockWidth = Math.max(blockWidth, (s.width + 1) * (perLine / s.size));
    for (const s of specs) s.pad = blockWidth - s.width * (perLine / s.size);
    let offset = skip;
    const end = limit !== undefined ? skip + limit : undefined;
    let prev: Uint8Array | undefined;
    let prevEqual = false;
    for (;;) {
      const want = end !== undefined ? Number(end - offset < BigInt(perLine) ? end - offset : BigInt(perLine)) : perLine;
      const block = want > 0 ? await readBlock(ctx, inp, want) : new Uint8Array(0);
      const n = block.length;
      if (n === 0) break;
      if (dupes && prev && n === perLine && equal(prev, block)) {
        if (!prevEqual) out.push('*\n');
        prevEqual = true;
      } else {
        prevEqual = false;
        const padded = new Uint8Array(Math.ceil(n / lcm) * lcm + perLine);
        padded.set(block);
        for (const [i, s] of specs.entries()) {
          const fields = perLine / s.size;
          const blank = Math.floor((perLine - n) / s.size);
          let line = i === 0 ? addr(offset, '') : ' '.repeat(padLen);
          line += formatLine(s, padded, fields, blank, little);
          if (s.trailer) line += ' '.repeat(blank * s.width + Math.floor((s.pad * blank) / fields)) + trailer(block, n);
          out.push(`${line}\n`);
        }
      }
      prev = block;
      offset += BigInt(n);
      await out.drain();
      if (n < perLine) break;
    }
    out.push(addr(offset, '\n'));
    const status = await out.finish(inp.ok ? 0 : 1);
    return (await stdinCloseFailed(ctx, inp.files.includes('-'), 'standard input')) ? 1 : status;
  },
});

function seeksPastEnd(ctx: Ctx, fd: number): boolean {
  try {
    const kind = ctx.sys.fstat(fd).kind;
    // the memory devices (null, zero, urandom ...) and disks take any lseek; a terminal does not
    if (kind === 'blockdev' || (kind === 'chardev' && !ctx.sys.isatty(fd))) return true;
    if (kind === 'file') return false;
    ctx.sys.lseek(fd, 0, 'cur');
    return true;
  } catch {
    return false;
  }
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

