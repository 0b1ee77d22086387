// Matches that run a small program over the packet's bytes: u32 (location/value tests) and
// bpf (classic BPF bytecode), as libxt_u32 and libxt_bpf read and print them.
import type { NfMatch, U32Test } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { strtoul } from '../strtoul';
import type { MatchExtension, MatchFormatter } from './types';

type M<K extends NfMatch['kind']> = Extract<NfMatch, { kind: K }>;

/** XT_U32_MAXSIZE: locations, values and tests per rule */
const U32_MAX = 10;
const isSpace = (c: string | undefined): boolean => c !== undefined && /[ \t\n\v\f\r]/.test(c);

/** The u32 test language: "loc[op loc...]=range[,range...][&&...]". */
export function parseU32(arg: string): U32Test[] {
  const tests: U32Test[] = [];
  let ct: U32Test = { loc: [], values: [] };
  let i = 0;
  let state = 0;
  const err = (msg: string): never => {
    throw paramError(`u32: ${msg}`);
  };
  const number = (pos: number): number => {
    const r = strtoul(arg.slice(i));
    if (!r || r.value > 0xffffffff) return err(`at char ${pos}: not a number or out of range`);
    i += r.end;
    return r.value;
  };
  for (;;) {
    while (isSpace(arg[i])) i++;
    if (i >= arg.length) {
      if (state === 0) err('abrupt end of input after location specifier');
      if (ct.values.length === 0) err('test ended with no value specified');
      tests.push(ct);
      if (tests.length > U32_MAX) err(`at char ${i}: too many "&&"s`);
      return tests;
    }
    const c = arg[i]!;
    if (state === 0) {
      if (c === '=') {
        if (ct.loc.length === 0) err(`at char ${i}: location spec missing`);
        i++;
        state = 1;
        continue;
      }
      let op: U32Test['loc'][number]['op'] = '';
      if (ct.loc.length !== 0) {
        if (c === '&') op = '&';
        else if (c === '<' || c === '>') {
          if (arg[++i] !== c) err(`at char ${i}: a second '${c}' was expected`);
          op = c === '<' ? '<<' : '>>';
        } else if (c === '@') op = '@';
        else err(`at char ${i}: operator expected`);
        i++;
      }
      ct.loc.push({ op, n: number(i) });
      if (ct.loc.length > U32_MAX) err(`at char ${i}: too many operators`);
    } else if (c === '&') {
      if (arg[++i] !== '&') err(`at char ${i}: a second '&' was expected`);
      if (ct.values.length === 0) err(`at char ${i}: value spec missing`);
      tests.push(ct);
      ct = { loc: [], values: [] };
      if (tests.length > U32_MAX) err(`at char ${i}: too many "&&"s`);
      i++;
      state = 0;
    } else {
      if (ct.values.length > 0) {
        if (c !== ',') err(`at char ${i}: expected "," or "&&"`);
        i++;
      }
      const min = number(i);
      while (isSpace(arg[i])) i++;
      let max = min;
      if (arg[i] === ':') {
        i++;
        max = number(i);
      }
      ct.values.push([min, max]);
      if (ct.values.length > U32_MAX) err(`at char ${i}: too many ","s`);
    }
  }
}

const h = (n: number): string => `0x${n.toString(16)}`;

export function dumpU32(tests: readonly U32Test[]): string {
  const t = tests.map((ct) => ct.loc.map((l) => `${l.op}${h(l.n)}`).join('') + '=' + ct.values.map(([a, b]) => (a === b ? h(a) : `${h(a)}:${h(b)}`)).join(','));
  return ` "${t.join('&&')}"`;
}

export const u32Match: MatchExtension<M<'u32'>> = {
  name: 'u32',
  kind: 'match',
  x6: true,
  opts: [{ name: 'u32', id: 0, hasArg: 1, mand: true, invert: true }],
  init: () => ({ kind: 'u32', tests: [], inv: false }),
  parse(_o, arg, invert, d) {
    d.inv = invert;
    d.tests = parseU32(arg ?? '');
  },
  build: (d) => d,
};

export const u32Format: MatchFormatter<M<'u32'>> = {
  saveName: () => 'u32',
  print: (m) => ` u32${m.inv ? ' !' : ''}${dumpU32(m.tests)}`,
  save: (m) => `${m.inv ? ' !' : ''} --u32${dumpU32(m.tests)}`,
};

/** sscanf's %u family: blanks, an optional sign, decimal digits; the value wraps to `bits`. */
function scanUnsigned(s: string, at: number, bits: number): { v: number; end: number } | null {
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d+)/.exec(s.slice(at));
  if (!m) return null;
  const mod = 1n << BigInt(bits);
  let v = BigInt(m[2]!) % mod;
  if (m[1] === '-') v = (mod - v) % mod;
  return { v: Number(v), end: at + m[0].length };
}

/** XT_BPF_MAX_NUM_INSTR */
const BPF_MAX = 64;

/** bpf_parse_string: "N,code jt jf k,code jt jf k,..." */
export function parseBpf(text: string): [number, number, number, number][] {
  const len = scanUnsigned(text, 0, 16);
  if (!len || text[len.end] !== ',') throw paramError('bpf: error parsing program length');
  if (len.v === 0) throw paramError('bpf: illegal zero length program');
  if (len.v > BPF_MAX) throw paramError('bpf: number of instructions exceeds maximum');
  const prog: [number, number, number, number][] = [];
  let pos = 0;
  for (;;) {
    const comma = text.indexOf(',', pos);
    if (comma < 0 || comma + 1 >= text.length) break;
    pos = comma + 1;
    if (prog.length >= len.v) throw paramError('bpf: real program length exceeds the encoded length parameter');
    const code = scanUnsigned(text, pos, 16);
    const jt = code && scanUnsigned(text, code.end, 8);
    const jf = jt && scanUnsigned(text, jt.end, 8);
    const k = jf && scanUnsigned(text, jf.end, 32);
    if (!code || !jt || !jf || !k) throw paramError(`bpf: error at instr ${prog.length}`);
    prog.push([code.v, jt.v, jf.v, k.v]);
  }
  if (prog.length !== len.v) throw paramError('bpf: parsed program length is less than the encoded length parameter');
  return prog;
}

export const bpfMatch: MatchExtension<M<'bpf'>> = {
  name: 'bpf',
  kind: 'match',
  x6: true,
  opts: [
    { name: 'bytecode', id: 0, hasArg: 1, excl: 1 << 1 },
    { name: 'object-pinned', id: 1, hasArg: 1, excl: 1 << 0 },
  ],
  init: () => ({ kind: 'bpf', prog: [] }),
  parse(opt, arg, _invert, d) {
    // (no BPF filesystem here: a pinned object is never found)
    if (opt.id === 1) throw paramError('bpf: failed to get bpf object');
    d.prog = parseBpf(arg ?? '');
  },
  final(_d, st) {
    if (!(st.flags & 3)) throw paramError('bpf: one of --bytecode or --pinned is required');
  },
  build: (d) => d,
};

const code = (prog: M<'bpf'>['prog']): string => prog.map((p) => p.join(' ')).join(',');

export const bpfFormat: MatchFormatter<M<'bpf'>> = {
  saveName: () => 'bpf',
  // the listing ends the program with a NUL byte (the print code's "tail" character)
  print: (m) => `match bpf ${code(m.prog)}\0`,
  save: (m) => ` --bytecode "${m.prog.length},${code(m.prog)}"`,
};
