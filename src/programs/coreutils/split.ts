import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { DIGIT_OPTIONS, parseOptions, usageFail } from '../lib/cli';
import type { Ctx } from '../lib/context';
import { lastComponent } from '../lib/dirname';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { FileNames } from '../lib/split-names';
import { chunked, Die, lineBytes, readAll, streamSplit, Writer, type Kind } from '../lib/split-modes';
import { binArg, qaf, qf, ql } from '../lib/textio';
import { UINTMAX_MAX, xdectoint } from '../lib/xstrtol';

const HELP = `Write consecutive pieces of FILE to PREFIXaa, PREFIXab, ...; the default
piece is 1000 lines and the default PREFIX is 'x'.

With no FILE, or when FILE is -, read standard input.

Long options take the same arguments as their short forms.
  -a, --suffix-length=N   make suffixes N characters long (default 2)
      --additional-suffix=SUFFIX  put SUFFIX after every file name
  -b, --bytes=SIZE        put SIZE bytes in each output file
  -C, --line-bytes=SIZE   put at most SIZE bytes of whole lines in each file
  -d                      use numeric suffixes from 0, not letters
      --numeric-suffixes[=FROM]  like -d, starting at FROM (default 0)
  -x                      use hexadecimal suffixes from 0, not letters
      --hex-suffixes[=FROM]  like -x, starting at FROM (default 0)
  -e, --elide-empty-files  create no empty files with '-n'
      --filter=COMMAND    pipe each piece to the shell COMMAND; $FILE is its name
  -l, --lines=NUMBER      put NUMBER lines in each output file
  -n, --number=CHUNKS     make CHUNKS output files; see below
  -t, --separator=SEP     records end with SEP, not a newline ('\\0' for NUL)
  -u, --unbuffered        with -n r/..., copy input to output at once
      --verbose           say which file is created before it is opened
${HELP_LINES}

SIZE is a number that may end with a multiplier: b 512, KB 1000, K 1024,
MB 1000*1000, M 1024*1024, and so on for G, T, P, E, Z, Y.

CHUNKS may be:
  N       N files, by size
  K/N     only the Kth of N pieces, to standard output
  l/N     N files, without splitting lines
  l/K/N   only the Kth of those, to standard output
  r/N     like l/N, dealing lines out in turn
  r/K/N   only the Kth of those, to standard output
${coreutilsHelpFooter('split')}`;

const spec = {
  name: 'split',
  installPath: '/usr/bin/split',
  pkg: 'coreutils',
  usage: 'split [OPTION]... [FILE [PREFIX]]',
  help: HELP,
  version: coreutilsVersion('split', ['Torbjorn Granlund', 'Richard M. Stallman']),
  options: [
    { key: 'b', short: 'b', long: 'bytes', arg: 'required' as const },
    { key: 'l', short: 'l', long: 'lines', arg: 'required' as const },
    { key: 'C', short: 'C', long: 'line-bytes', arg: 'required' as const },
    { key: 'n', short: 'n', long: 'number', arg: 'required' as const },
    { key: 'e', short: 'e', long: 'elide-empty-files' },
    { key: 'u', short: 'u', long: 'unbuffered' },
    { key: 'a', short: 'a', long: 'suffix-length', arg: 'required' as const },
    { key: 'additional', long: 'additional-suffix', arg: 'required' as const },
    { key: 'd', long: 'numeric-suffixes', arg: 'optional' as const },
    { key: 'x', long: 'hex-suffixes', arg: 'optional' as const },
    { key: 'filter', long: 'filter', arg: 'required' as const },
    { key: 'verbose', long: 'verbose' },
    { key: 't', short: 't', long: 'separator', arg: 'required' as const },
    { key: 'io-blksize', long: '-io-blksize', arg: 'required' as const },
    { key: 'd', short: 'd' },
    { key: 'x', short: 'x' },
  ],
};

export default defineProgram({
  ...spec,
  options: undefined,
  async main(ctx, raw) {
    // -NUM (lines): a later -NUM argument replaces an earlier one, digits inside one add up
    const args = raw.operands.map((a, i, all) => (/^-\d+$/.test(a) && !all.slice(0, i).includes('--') && !/^-[^-]*[abClntaC]$/.test(all[i - 1] ?? '') ? `--\u0001digits=${a.slice(1)}` : a));
    const parsed = await parseOptions(ctx, spec, args, [...DIGIT_OPTIONS, { key: 'digitsarg', long: '\u0001digits', arg: 'required' }]);
    if (typeof parsed === 'number') return parsed;
    try {
      return await run(ctx, parsed.order, parsed.operands);
    } catch (e) {
      if (e instanceof Die) {
        await ctx.error(e.message);
        return e.status;
      }
      throw e;
    }
  },
});

async function run(ctx: Ctx, order: { key: string; value: string | undefined }[], operands: string[]): Promise<number> {
  let kind: Kind | undefined;
  let n = 0n;
  let k = 0n;
  let suffixLength = 0;
  let alphabet = 'abcdefghijklmnopqrstuvwxyz';
  let start: string | undefined;
  let extra = '';
  let elide = false;
  let verbose = false;
  let filter: string | undefined;
  let eol = -1;
  let digitsArg = -1;
  const num = (v: string, min: bigint, max: bigint, suffixes: string, msg: string): bigint => {
    const r = xdectoint(v, min, max, suffixes, msg);
    if (r.error !== undefined) throw new Die(r.error);
    return r.value;
  };
  const oneWay = (next: Kind): boolean => {
    if (kind !== undefined && !(kind === 'digits' && next === 'digits')) return false;
    kind = next;
    return true;
  };
  const MULT = 'bEGKkMmPTYZ0';
  const OFF_MAX = (1n << 63n) - 1n;
  for (const [argIndex, { key, value }] of order.entries()) {
    const v = value ?? '';
    if (/^d\d$/.test(key) || key === 'digitsarg') {
      if (!oneWay('digits')) return usageFail(ctx, 'cannot split in more than one way');
      if (key === 'digitsarg') n = BigInt(v);
      else {
        if (digitsArg >= 0 && digitsArg !== argIndex - 1) n = 0n;
        digitsArg = argIndex;
        n = n * 10n + BigInt(key[1]!);
      }
      continue;
    }
    switch (key) {
      case 'a': suffixLength = Number(num(v, 0n, UINTMAX_MAX / 8n, '', 'invalid suffix length')); break;
      case 'additional':
        if (lastComponent(v) !== 0) return usageFail(ctx, `invalid suffix ${ql(v)}, contains directory separator`);
        extra = v;
        break;
      case 'b':
        if (!oneWay('bytes')) return usageFail(ctx, 'cannot split in more than one way');
        n = num(v, 1n, OFF_MAX, MULT, 'invalid number of bytes');
        break;
      case 'l':
        if (!oneWay('lines')) return usageFail(ctx, 'cannot split in more than one way');
        n = num(v, 1n, UINTMAX_MAX, '', 'invalid number of lines');
        break;
      case 'C':
        if (!oneWay('linebytes')) return usageFail(ctx, 'cannot split in more than one way');
        n = num(v, 1n, OFF_MAX, MULT, 'invalid number of bytes');
        break;
      case 'n': {
        let a = v.replace(/^[ \t\n\v\f\r]+/, '');
        let t: Kind = 'chunks';
        if (a.startsWith('r/')) [t, a] = ['rr', a.slice(2)];
        else if (a.startsWith('l/')) [t, a] = ['lchunks', a.slice(2)];
        if (!oneWay(t)) return usageFail(ctx, 'cannot split in more than one way');
        const slash = a.indexOf('/');
        if (slash >= 0) {
          n = num(a.slice(slash + 1), 1n, UINTMAX_MAX, '', 'invalid number of chunks');
          if (slash > 0) k = num(a.slice(0, slash), 1n, n, '', 'invalid chunk number');
        } else n = num(a, 1n, UINTMAX_MAX, '', 'invalid number of chunks');
        break;
      }
      case 'u': break;
      case 't': {
        let s = binArg(v);
        if (s === '') throw new Die('empty record separator');
        if (s.length > 1) {
          if (s === '\\0') s = '\0';
          else throw new Die(`multi-character separator ${ql(v)}`);
        }
        if (eol >= 0 && eol !== s.charCodeAt(0)) throw new Die('multiple separator characters specified');
        eol = s.charCodeAt(0);
        break;
      }
      case 'd':
      case 'x':
        alphabet = key === 'd' ? '0123456789' : '0123456789abcdef';
        if (value !== undefined) {
          if (![...value].every((c) => alphabet.includes(c))) {
            return usageFail(ctx, `${ql(value)}: invalid start value for ${key === 'd' ? 'numerical' : 'hexadecimal'} suffix`);
          }
          start = value.replace(/^0+(?=.)/, '');
        }
        break;
      case 'e': elide = true; break;
      case 'filter': filter = v; break;
      case 'verbose': verbose = true; break;
      default: break;
    }
  }
  if (kind === undefined) {
    kind = 'lines';
    n = 1000n;
  }
  if (n === 0n) return usageFail(ctx, "invalid number of lines: '0'");
  if (eol < 0) eol = 10;
  // set_suffix_length
  let auto = suffixLength === 0 && start === undefined;
  let needed = 0;
  if (kind === 'chunks' || kind === 'lchunks' || kind === 'rr') {
    let end = n - 1n;
    if (start !== undefined && BigInt(start) < n) end += BigInt(start);
    do needed++;
    while ((end /= BigInt(alphabet.length)) > 0n);
    auto = false;
  }
  if (suffixLength) {
    if (suffixLength < needed) throw new Die(`the suffix length needs to be at least ${needed}`);
  } else suffixLength = Math.max(2, needed);
  if (operands.length > 2) return usageFail(ctx, `extra operand ${ql(operands[2]!)}`);
  const infile = operands[0] ?? '-';
  const prefix = operands[1] ?? 'x';
  if (start !== undefined && start.length > suffixLength) return usageFail(ctx, 'numerical suffix start value is too large for the suffix length');
  let inFd = 0;
  if (infile !== '-') {
    try {
      inFd = await ctx.sys.open(infile, { read: true });
    } catch (e) {
      if (isSysError(e)) throw new Die(`cannot open ${qaf(infile)} for reading: ${strerror(e.errno)}`);
      throw e;
    }
    if (inFd !== 0) {
      ctx.sys.dup2(inFd, 0);
      ctx.sys.close(inFd);
    }
  }
  let st;
  try {
    st = ctx.sys.fstat(0);
  } catch (e) {
    if (isSysError(e)) throw new Die(`${qf(infile)}: ${strerror(e.errno)}`);
    throw e;
  }
  const writer = new Writer(ctx, new FileNames(prefix, alphabet, suffixLength, auto, start, extra), verbose, elide, st.kind === 'file' ? { dev: st.dev, ino: st.ino } : undefined);
  writer.filter = filter;
  const N = Number(n);
  try {
    if (kind === 'lines' || kind === 'digits' || kind === 'bytes') await streamSplit(ctx, writer, kind === 'bytes', N, eol, infile);
    else if (kind === 'linebytes') await lineBytes(ctx, writer, N, eol, infile);
    else {
      // split.c reads a non-seekable input to size it; a pipe fails without a reason, a
      // directory's read says why
      if (kind !== 'rr' && st.kind !== 'file' && st.kind !== 'chardev') throw new Die(`${qf(infile)}: cannot determine file size${st.kind === 'dir' ? `: ${strerror('EISDIR')}` : ''}`);
      const data = await readAll(ctx, infile);
      await chunked(ctx, writer, kind, Number(k), N, eol, data);
    }
  } finally {
    writer.close();
  }
  await writer.finish();
  return 0;
}

