// cmp (GNU diffutils 3.8): compares two files byte by byte. Exit 0 same, 1 different,
// 2 trouble. In the C locale the first difference is reported as "char N, line L".
import { isSysError } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError, type OptionDef } from '../lib/getopt';
import { DIFFUTILS_VERSION } from './version';

const OPTIONS: OptionDef[] = [
  { key: 'b', short: 'b', long: 'print-bytes' },
  { key: 'b', short: 'c', long: 'print-chars' },
  { key: 'i', short: 'i', long: 'ignore-initial', arg: 'required' },
  { key: 'l', short: 'l', long: 'verbose' },
  { key: 'n', short: 'n', long: 'bytes', arg: 'required' },
  { key: 's', short: 's', long: 'silent' },
  { key: 's', long: 'quiet' },
  { key: 'v', short: 'v', long: 'version' },
  { key: 'help', long: 'help' },
];

const HELP = `Usage: cmp [OPTION]... FILE1 [FILE2 [SKIP1 [SKIP2]]]
Compare two files byte by byte.

SKIP1 and SKIP2 are how many bytes to skip at the start of each file (default 0).

  -b, --print-bytes          show the differing bytes too
  -i, --ignore-initial=SKIP         skip the first SKIP bytes of both files
  -i, --ignore-initial=SKIP1:SKIP2  skip SKIP1 bytes of FILE1 and SKIP2 of FILE2
  -l, --verbose              list every differing byte: offset and octal values
  -n, --bytes=LIMIT          compare at most LIMIT bytes
  -s, --quiet, --silent      print nothing; only the exit status tells
      --help                 show this help and exit
  -v, --version              show the version and exit

SKIP values may carry a suffix: kB 1000, K 1024, MB 1,000,000, M 1,048,576,
GB, G, and so on for T, P, E, Z, Y.
A FILE of '-' (or a missing FILE2) means standard input.
Exit status is 0 if the inputs are the same, 1 if different, 2 if trouble.

Full documentation: <https://www.gnu.org/software/diffutils/>
or available locally via: info cmp
`;

class CmpExit extends Error {
  constructor(readonly status: number) {
    super(String(status));
  }
}

/** xstrtoimax with base 0 and the suffixes "kKMGTPEZY0"; undefined when invalid. */
function parseSize(s: string, delimiter?: string): { value: number; rest: string } | undefined {
  const m = /^[ \t\n]*(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(s);
  if (!m) return undefined;
  const num = m[1]!;
  let value = /^0[xX]/.test(num) ? parseInt(num, 16) : num.length > 1 && num[0] === '0' ? parseInt(num, 8) : Number(num);
  let rest = s.slice(m[0].length);
  if (rest && rest[0] !== delimiter) {
    const pow = 'kKMGTPEZY'.indexOf(rest[0]!);
    if (pow < 0) return undefined;
    let base = 1024;
    let suffix = 1;
    if (rest[1] === 'B') {
      base = 1000;
      suffix = 2;
    } else if (rest[1] === 'i' && rest[2] === 'B') suffix = 3;
    value *= base ** (rest[0] === 'k' || rest[0] === 'K' ? 1 : pow);
    rest = rest.slice(suffix);
    if (rest && rest[0] !== delimiter) return undefined;
  }
  return { value, rest };
}

function sprintc(c: number): string {
  let out = '';
  if (!(c >= 32 && c < 127)) {
    if (c >= 128) {
      out += 'M-';
      c -= 128;
    }
    if (c < 32) {
      out += '^';
      c += 64;
    } else if (c === 127) {
      out += '^';
      c = 63;
    }
  }
  return out + String.fromCharCode(c);
}

const oct3 = (n: number): string => n.toString(8).padStart(3);

export default defineProgram({
  name: 'cmp',
  installPath: '/usr/bin/cmp',
  pkg: 'diffutils',
  async main(ctx, { operands }) {
    try {
      return await run(ctx, [...operands]);
    } catch (e) {
      if (e instanceof CmpExit) return e.status;
      throw e;
    }
  },
});

async function tryHelp(ctx: Ctx, msg?: string): Promise<never> {
  if (msg) await ctx.error(msg);
  await ctx.error(`Try '${ctx.name} --help' for more information.`);
  throw new CmpExit(2);
}

async function run(ctx: Ctx, args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = getopt(args, OPTIONS);
  } catch (e) {
    if (e instanceof GetoptError) return tryHelp(ctx, e.message);
    throw e;
  }
  let printBytes = false;
  let type: 'first' | 'all' | 'status' = 'first';
  const ignore = [0, 0];
  let bytes = -1;
  const specifyIgnore = async (f: number, arg: string, delimiter?: string): Promise<string> => {
    const r = parseSize(arg, delimiter);
    if (!r) return tryHelp(ctx, `invalid --ignore-initial value '${arg}'`);
    if (ignore[f]! < r.value) ignore[f] = r.value;
    return r.rest;
  };
  for (const { key, value } of parsed.order) {
    switch (key) {
      case 'b': printBytes = true; break;
      case 'l':
      case 's':
        if (type !== 'first' && type !== (key === 'l' ? 'all' : 'status')) return tryHelp(ctx, 'options -l and -s are incompatible');
        type = key === 'l' ? 'all' : 'status';
        break;
      case 'i': {
        const rest = await specifyIgnore(0, value!, ':');
        if (rest[0] === ':') await specifyIgnore(1, rest.slice(1));
        else if (ignore[1]! < ignore[0]!) ignore[1] = ignore[0]!;
        break;
      }
      case 'n': {
        const r = parseSize(value!);
        if (!r || r.rest) return tryHelp(ctx, `invalid --bytes value '${value}'`);
        if (!(0 <= bytes && bytes < r.value)) bytes = r.value;
        break;
      }
      case 'v':
        await ctx.print(`${DIFFUTILS_VERSION('cmp', 'Torbjorn Granlund and David MacKenzie.')}\n`);
        return 0;
      case 'help':
        await ctx.print(HELP);
        return 0;
    }
  }
  const ops = parsed.operands;
  if (ops.length === 0) return tryHelp(ctx, `missing operand after '${args[args.length - 1] ?? ctx.name}'`);
  const files = [ops[0]!, ops[1] ?? '-'];
  for (let f = 0; f < 2 && 2 + f < ops.length; f++) await specifyIgnore(f, ops[2 + f]!);
  if (ops.length > 4) return tryHelp(ctx, `extra operand '${ops[4]}'`);

  const data: Uint8Array[] = [];
  const stats: Stat[] = [];
  // named files are opened before standard input is looked at (as GNU cmp does)
  const order = files[0] === '-' && files[1] !== '-' ? [1, 0] : [0, 1];
  for (const f of order) {
    if (f === order[1] && ignore[0] === ignore[1] && files[0] === files[1]) return 0;
    try {
      stats[f] = files[f] === '-' ? ctx.sys.fstat(0) : await ctx.sys.stat(files[f]!);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (type !== 'status') await ctx.perror(e, files[f]);
      return 2;
    }
  }
  // the same file at the same position is the same data: done without reading
  // (a pipe has no position: GNU then sees -1 on both sides)
  const position = (f: number): number => {
    if (files[f] !== '-') return stats[f]!.kind === 'fifo' || stats[f]!.kind === 'socket' ? -1 : ignore[f]!;
    try {
      return ctx.sys.lseek(0, 0, 'cur') + ignore[f]!;
    } catch {
      return -1;
    }
  };
  if (stats[0]!.ino === stats[1]!.ino && stats[0]!.dev === stats[1]!.dev && position(0) === position(1)) return 0;
  for (let f = 0; f < 2; f++) {
    try {
      if (files[f] === '-') {
        const parts: Uint8Array[] = [];
        for (;;) {
          const c = await ctx.sys.read(0);
          if (c === null) break;
          parts.push(c);
        }
        const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
        let off = 0;
        for (const p of parts) {
          all.set(p, off);
          off += p.length;
        }
        data.push(all);
      } else data.push(await ctx.sys.readFile(files[f]!));
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (type !== 'status') await ctx.perror(e, files[f]);
      return 2;
    }
  }
  let a = data[0]!.subarray(Math.min(ignore[0]!, data[0]!.length));
  let b = data[1]!.subarray(Math.min(ignore[1]!, data[1]!.length));
  if (bytes >= 0) {
    a = a.subarray(0, bytes);
    b = b.subarray(0, bytes);
  }
  if (type === 'status') {
    if (a.length !== b.length) return 1;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return 1;
    return 0;
  }
  const smaller = Math.min(a.length, b.length);
  let out = '';
  let differing = 0;
  let line = 1;
  let atLineStart = true;
  let i = 0;
  for (; i < smaller && a[i] === b[i]; i++) {
    if (a[i] === 10) line++;
    atLineStart = a[i] === 10;
  }
  if (i < smaller) {
    if (type === 'first') {
      const c0 = a[i]!;
      const c1 = b[i]!;
      await ctx.print(
        printBytes
          ? `${files[0]} ${files[1]} differ: byte ${i + 1}, line ${line} is ${oct3(c0)} ${sprintc(c0)} ${oct3(c1)} ${sprintc(c1)}\n`
          : `${files[0]} ${files[1]} differ: char ${i + 1}, line ${line}\n`,
      );
      return 1;
    }
    let max = bytes >= 0 ? bytes : Number.MAX_SAFE_INTEGER;
    for (const [f, st] of [stats[0]!, stats[1]!].entries()) if (st.kind === 'file') max = Math.min(max, Math.max(0, st.size - ignore[f]!));
    const width = String(max).length;
    for (; i < smaller; i++) {
      if (a[i] !== b[i]) {
        const n = String(i + 1).padStart(width);
        out += printBytes ? `${n} ${oct3(a[i]!)} ${sprintc(a[i]!).padEnd(4)} ${oct3(b[i]!)} ${sprintc(b[i]!)}\n` : `${n} ${oct3(a[i]!)} ${oct3(b[i]!)}\n`;
        if (out.length > 65536) {
          await ctx.print(out);
          out = '';
          await ctx.tick();
        }
      }
    }
    await ctx.print(out);
    differing = -1;
  }
  if (a.length !== b.length) {
    const shorter = files[b.length < a.length ? 1 : 0]!;
    // cmp writes this with fprintf(stderr) and no fflush: the byte list of -l, still in
    // stdout's buffer when stdout is a pipe or a file, comes out after it (on a terminal,
    // line by line, before it)
    if (smaller === 0) await ctx.err.write(`cmp: EOF on ${shorter} which is empty\n`);
    else if (type === 'first') {
      await ctx.err.write(atLineStart ? `cmp: EOF on ${shorter} after byte ${smaller}, line ${line - 1}\n` : `cmp: EOF on ${shorter} after byte ${smaller}, in line ${line}\n`);
    } else await ctx.err.write(`cmp: EOF on ${shorter} after byte ${smaller}\n`);
    return 1;
  }
  return differing === 0 ? 0 : 1;
}
