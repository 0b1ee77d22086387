// The built-in functions that need no I/O: string, number, time and array functions.
import { strftime } from '../lib/strftime';
import { mktime, UTC } from '../lib/tz';
import { G, type Expr } from './ast';
import type { Ev } from './eval';
import { arrayAt, regexOf, resolve, load, store, subArray, subscriptKey } from './eval';
import { splitBy, splitDefault } from './fields';
import { awkSprintf, FormatError } from './format';
import { markScalar, type Runtime } from './runtime';
import { sortArray } from './sort';
import { gensubReplace, substitute } from './subst';
import { nonDecimal, numBase } from './strtod';
import { ArrayKey, AwkArray, BoolNum, NEG_NAN, StrNum, toBool, TypedRegex, UNINIT, type Value } from './values';

function asciiCase(s: string, upper: boolean, bytes: boolean): string {
  if (!bytes) return upper ? s.toUpperCase() : s.toLowerCase();
  return upper ? s.replace(/[a-z]+/g, (m) => m.toUpperCase()) : s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** An array argument: a variable, or an element holding (or about to hold) an array. */
function arrayArg(rt: Runtime, e: Expr | undefined, fn: string, pos: string, ev: Ev): AwkArray {
  if (e?.k === 'elem') {
    const { arr, name } = arrayAt(rt, e.arr, e.path, ev);
    const key = subscriptKey(rt, e.subs, ev);
    return subArray(rt, arr, key, `${name}["${key}"]`, `${fn}: ${pos} argument is not an array`);
  }
  if (!e || e.k !== 'var' || rt.cell(e.ref).scalar) rt.fatal(`${fn}: ${pos} argument is not an array`);
  return rt.array(e.ref);
}

/** The array an element argument holds, if it holds one. */
function elemArray(rt: Runtime, e: Expr, ev: Ev): AwkArray | undefined {
  if (e.k !== 'elem') return undefined;
  const { arr } = arrayAt(rt, e.arr, e.path, ev);
  const v = arr.get(subscriptKey(rt, e.subs, ev));
  return v instanceof AwkArray ? v : undefined;
}

/** (uintmax_t) of a non-negative double. */
function toInt(n: number): bigint {
  return BigInt.asUintN(64, BigInt(Math.trunc(Math.min(n, 2 ** 64 - 1))));
}

/** gawk's make_integer: leading bits dropped until the value fits a double's 53-bit mantissa exactly. */
function fromInt(n: bigint): number {
  if (n === 0n) return 0;
  let low = 0n;
  while (((n >> low) & 1n) === 0n) low++;
  return Number(n & (((1n << 53n) - 1n) << low));
}

const fixed6 = (v: number): string => awkSprintf('%f', [v], { convfmt: '%.6g', bytes: true });

/** strtonum(): a number (or input that is one) as it is; other text as 0x hex, 0 octal or decimal. */
function strtonum(rt: Runtime, v: Value): number {
  if (typeof v === 'number') return v;
  if (v instanceof StrNum && v.looksNumeric()) return v.num();
  const s = rt.str(v);
  return numBase(s) !== 10 ? nonDecimal(s).n : rt.num(s);
}

/** asort/asorti's source array and destination (if given). */
export function sortArrays(rt: Runtime, name: string, args: Expr[], ev: Ev): { src: AwkArray; dest: AwkArray | undefined } {
  const src = arrayArg(rt, args[0], name, 'first', ev);
  const dest = args[1] ? arrayArg(rt, args[1], name, 'second', ev) : undefined;
  return { src, dest };
}

export function builtinSync(rt: Runtime, name: string, args: Expr[], ev: Ev): Value {
  const num = (i: number): number => rt.num(ev(args[i]!));
  const str = (i: number): string => rt.str(ev(args[i]!));
  switch (name) {
    case 'length': {
      if (args.length === 0) {
        if (rt.lint && !rt.recordSeen) rt.lintWarn("reference to uninitialized field `$0'");
        return rt.rec.record.length;
      }
      const a = args[0]!;
      const sub = elemArray(rt, a, ev);
      if (sub) return sub.size;
      if (a.k === 'var') {
        const c = rt.cell(a.ref);
        if (c.a) return c.a.size;
        if (!c.scalar && c.v === UNINIT && !(a.ref.slot === G.NF && !a.ref.local)) {
          if (rt.lint) rt.lintWarn(`reference to uninitialized ${a.ref.local ? 'argument' : 'variable'} \`${a.ref.name}'`);
          markScalar(c);
          return 0;
        }
      }
      return str(0).length;
    }
    case 'substr': {
      const s = str(0);
      let m = num(1);
      let len = Infinity;
      const g = (n: number): string => awkSprintf('%g', [n], { convfmt: '%.6g', bytes: rt.codec.bytes, mode: rt.mode });
      if (args.length === 3) {
        const n = num(2);
        if (!(n >= 1)) {
          if (rt.lint) rt.lintWarn(`substr: length ${g(n)} is not >= 1`);
          return '';
        }
        if (rt.lint && Math.trunc(n) !== n) rt.lintWarn(`substr: non-integer length ${g(n)} will be truncated`);
        len = Math.trunc(n);
      }
      if (!(m >= 1)) {
        if (rt.lint) rt.lintWarn(`substr: start index ${g(m)} is invalid, using 1`);
        m = 1;
      }
      if (rt.lint && Math.trunc(m) !== m) rt.lintWarn(`substr: non-integer start index ${g(m)} will be truncated`);
      const idx = Math.trunc(m) - 1;
      if (rt.lint && s.length === 0) rt.lintWarn('substr: source string is zero length');
      if (idx >= s.length) {
        if (rt.lint && s.length > 0) rt.lintWarn(`substr: start index ${g(m)} is past end of string`);
        return '';
      }
      if (rt.lint && len !== Infinity && len > s.length - idx) rt.lintWarn(`substr: length ${g(len)} at start index ${g(m)} exceeds length of first argument (${s.length})`);
      return s.slice(idx, len === Infinity ? undefined : idx + len);
    }
    case 'index': {
      if (args[1]?.k === 'regex') rt.fatal('index: regexp constant as second argument is not allowed');
      const s = str(0);
      const t = str(1);
      if (rt.ignoreCase()) return s.toLowerCase().indexOf(t.toLowerCase()) + 1;
      return s.indexOf(t) + 1;
    }
    case 'split': {
      const s = str(0);
      const arr = arrayArg(rt, args[1], 'split', 'second', ev);
      const sepsArr = args[3] ? arrayArg(rt, args[3], 'split', 'fourth', ev) : undefined;
      let parts: ReturnType<typeof splitBy>;
      const fsArg = args[2];
      if (fsArg && fsArg.k === 'regex') parts = splitBy(s, fsArg.re, rt.ignoreCase(), true, false, true);
      else {
        const fs = fsArg ? str(2) : rt.str(rt.globals[G.FS]!.v);
        parts = fs === ' ' ? splitDefault(s, true) : splitBy(s, fs, rt.ignoreCase(), true);
      }
      arr.clear();
      parts.fields.forEach((f, i) => arr.set(String(i + 1), rt.input(f)));
      if (sepsArr) {
        const seps = sepsArr;
        seps.clear();
        const defaultFs = !fsArg || (fsArg.k !== 'regex' && str(2) === ' ');
        if (defaultFs && parts.lead !== '') seps.set('0', rt.input(parts.lead));
        parts.seps.forEach((sep, i) => seps.set(String(i + 1), rt.input(sep)));
        if (defaultFs) {
          const trail = /[ \t\n]*$/.exec(s)![0];
          if (trail !== '' && parts.fields.length > 0) seps.set(String(parts.fields.length), rt.input(trail));
        }
      }
      return parts.fields.length;
    }
    case 'sub':
    case 'gsub': {
      const re = regexOf(rt, args[0]!, ev);
      const repl = str(1);
      const target = args[2] ?? { k: 'field', index: { k: 'num', v: 0 } };
      if (target.k === 'var' || target.k === 'elem' || target.k === 'field') {
        const loc = resolve(rt, target, ev);
        const r = substitute(rt.str(load(rt, loc)), re, repl, name === 'gsub');
        if (r.count > 0) store(rt, loc, r.text);
        return r.count;
      }
      return substitute(rt.str(ev(target)), re, repl, name === 'gsub').count;
    }
    case 'gensub': {
      const re = regexOf(rt, args[0]!, ev);
      const repl = str(1);
      const howV = ev(args[2]!);
      const target = args.length > 3 ? str(3) : rt.rec.record;
      const how = rt.str(howV);
      let which = 1;
      let global = false;
      if (/^[gG]/.test(how)) global = true;
      else {
        which = Math.trunc(rt.num(howV));
        if (!(which >= 1)) {
          rt.warnLater(`gensub: third argument \`${how}' treated as 1`);
          which = 1;
        }
      }
      return gensubReplace(target, re, repl, global, which);
    }
    case 'match': {
      const s = str(0);
      const re = regexOf(rt, args[1]!, ev);
      const arr = args[2] ? arrayArg(rt, args[2], 'match', 'third', ev) : undefined;
      arr?.clear();
      const m = re.exec(s, 0, arr !== undefined);
      if (!m) {
        rt.globals[G.RSTART]!.v = 0;
        rt.globals[G.RLENGTH]!.v = -1;
        return 0;
      }
      rt.globals[G.RSTART]!.v = m.index + 1;
      rt.globals[G.RLENGTH]!.v = m[0].length;
      if (arr) {
        const sep = rt.subsep();
        let pos = m.index;
        for (let i = 0; i < m.length; i++) {
          const g = m[i];
          if (g === undefined) continue;
          const start = i === 0 ? m.index : m.starts ? m.starts[i - 1]! : s.indexOf(g, pos);
          if (i > 0 && start >= 0) pos = start;
          arr.set(String(i), rt.input(g));
          arr.set(`${i}${sep}start`, (start < 0 ? m.index : start) + 1);
          arr.set(`${i}${sep}length`, g.length);
        }
      }
      return m.index + 1;
    }
    case 'sprintf': {
      if (args.length === 0) rt.fatal('sprintf: no arguments');
      const vals = args.slice(1).map((a) => ev(a));
      try {
        return awkSprintf(str(0), vals, { convfmt: rt.convfmt(), bytes: rt.codec.bytes, mode: rt.mode });
      } catch (e) {
        if (e instanceof FormatError) rt.fatal(e.message);
        throw e;
      }
    }
    case 'sin': return Math.sin(num(0));
    case 'cos': return Math.cos(num(0));
    case 'atan2': return Math.atan2(num(0), num(1));
    case 'exp': {
      const x = num(0);
      const r = Math.exp(x);
      if (!Number.isFinite(r) && Number.isFinite(x)) rt.warnLater(`exp: argument ${rt.str(x)} is out of range`);
      return r;
    }
    case 'log': {
      const x = num(0);
      if (x < 0) {
        rt.warnLater(`log: received negative argument ${awkSprintf('%g', [x], { convfmt: '%.6g', bytes: true })}`);
        return NEG_NAN;
      }
      return Math.log(x);
    }
    case 'sqrt': {
      const x = num(0);
      if (x < 0) rt.warnLater(`sqrt: received negative argument ${awkSprintf('%g', [x], { convfmt: '%.6g', bytes: true })}`);
      return Math.sqrt(x);
    }
    case 'int': return Math.trunc(num(0));
    case 'rand':
      if (!rt.rngStarted) rt.seed(1);
      return rt.rng();
    case 'srand': {
      const prev = rt.randSeed;
      const seed = args.length ? Math.trunc(num(0)) : Math.floor(rt.ctx.sys.now() / 1000);
      rt.seed(seed);
      return prev;
    }
    case 'tolower': return asciiCase(str(0), false, rt.codec.bytes);
    case 'toupper': return asciiCase(str(0), true, rt.codec.bytes);
    case 'systime': return Math.floor(rt.ctx.sys.now() / 1000);
    case 'strftime': {
      let fmt = '%a %b %e %H:%M:%S %Z %Y';
      const pf = rt.globals[G.PROCINFO]!.a?.get('strftime');
      if (pf !== undefined) fmt = rt.str(pf);
      if (args.length > 0) fmt = str(0);
      if (fmt === '') return '';
      const t = args.length > 1 ? Math.trunc(num(1)) : Math.floor(rt.ctx.sys.now() / 1000);
      // a true third argument asks for UTC (gmtime, whose zone is called GMT)
      const zone = args.length > 2 && toBool(ev(args[2]!)) ? { ...UTC, name: 'GMT' } : rt.localZone();
      return strftime(fmt, t * 1000, undefined, zone);
    }
    case 'mktime': {
      // sscanf's "%ld %d %d %d %d %d %d": six numbers at least, then an optional DST flag
      const m = /^\s*([-+]?\d+)\s+([-+]?\d+)\s+([-+]?\d+)\s+([-+]?\d+)\s+([-+]?\d+)\s+([-+]?\d+)(?:\s+([-+]?\d+))?/.exec(str(0));
      if (!m) return -1;
      const [year, mon, mday, hour, min, sec] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
      const dst = m[7] === undefined ? -1 : Number(m[7]);
      const utc = args.length > 1 && toBool(ev(args[1]!));
      return mktime({ year, mon: mon - 1, mday, hour, min, sec }, utc ? UTC : rt.localZone(), utc || dst < 0 ? undefined : dst > 0);
    }
    case 'asort':
    case 'asorti': {
      const { src, dest } = sortArrays(rt, name, args, ev);
      const how = args[2] ? str(2) : undefined;
      return sortArray(rt, src, dest, name === 'asorti', how);
    }
    case 'and':
    case 'or':
    case 'xor': {
      if (args.length < 2) rt.fatal(`${name}: called with less than two arguments`);
      // gawk takes the arguments from the last: a negative one is named by its position
      const xs = args.map((_, i) => num(i));
      let acc = name === 'and' ? (1n << 64n) - 1n : 0n;
      for (let i = xs.length - 1; i >= 0; i--) {
        const x = xs[i]!;
        if (x < 0) rt.fatal(`${name}: argument ${i + 1} negative value ${awkSprintf('%g', [x], { convfmt: '%.6g', bytes: true })} is not allowed`);
        const v = toInt(x);
        acc = name === 'and' ? acc & v : name === 'or' ? acc | v : acc ^ v;
      }
      return fromInt(acc);
    }
    case 'lshift':
    case 'rshift': {
      const x = num(0);
      const by = num(1);
      if (x < 0 || by < 0) rt.fatal(`${name}(${fixed6(x)}, ${fixed6(by)}): negative values are not allowed`);
      // the machine's shift: the count is taken modulo 64
      const count = toInt(by) & 63n;
      return fromInt(BigInt.asUintN(64, name === 'lshift' ? toInt(x) << count : toInt(x) >> count));
    }
    // gawk 5.2: the argument's truth as 1 or 0
    case 'mkbool':
      return new BoolNum(toBool(ev(args[0]!)));
    case 'compl': {
      const x = num(0);
      if (x < 0) rt.fatal(`compl(${fixed6(x)}): negative value is not allowed`);
      return fromInt(BigInt.asUintN(64, ~toInt(x)));
    }
    case 'strtonum': {
      const v = ev(args[0]!);
      return strtonum(rt, v);
    }
    case 'isarray': {
      const a = args[0]!;
      if (a.k === 'elem') return elemArray(rt, a, ev) ? 1 : 0;
      return a.k === 'var' && rt.isArray(a.ref) ? 1 : 0;
    }
    case 'typeof': {
      const a = args[0]!;
      if (elemArray(rt, a, ev)) return 'array';
      // NF lives in the record, not in its variable's cell
      if (a.k === 'var' && !a.ref.local && a.ref.slot === G.NF) return 'number';
      if (a.k === 'var') {
        const c = rt.cell(a.ref);
        if (c.a) return 'array';
        if (c.v === UNINIT) return c.scalar ? 'unassigned' : 'untyped';
      }
      if (a.k === 'field') {
        // a field past NF has never been given a value
        const i = Math.trunc(rt.num(ev(a.index)));
        if (i > rt.rec.nf) return 'unassigned';
      }
      const v = ev(a);
      if (v === UNINIT) return 'untyped';
      if (typeof v === 'number') return 'number';
      if (typeof v === 'string') return 'string';
      if (v instanceof TypedRegex) return 'regexp';
      if (v instanceof BoolNum) return 'number|bool';
      if (v instanceof ArrayKey) {
        v.makePlain();
        return 'string';
      }
      if (v instanceof StrNum) return v.looksNumeric() ? 'strnum' : 'string';
      return 'unassigned';
    }
    case 'patsplit': {
      const s = str(0);
      const arr = arrayArg(rt, args[1], 'patsplit', 'second', ev);
      const re = args[2] ? regexOf(rt, args[2], ev) : rt.regex(rt.str(rt.globals[G.FPAT]!.v) || '[^[:space:]]+');
      const seps = args[3] ? arrayArg(rt, args[3], 'patsplit', 'fourth', ev) : undefined;
      arr.clear();
      seps?.clear();
      let n = 0;
      let from = 0;
      // seps[0] is the text before the first match, seps[i] the text after match i
      let last = 0;
      while (from <= s.length) {
        const m = re.exec(s, from);
        if (!m) break;
        if (m[0].length === 0) {
          from = m.index + 1;
          continue;
        }
        seps?.set(String(n), rt.input(s.slice(last, m.index)));
        arr.set(String(++n), rt.input(m[0]));
        from = last = m.index + m[0].length;
      }
      seps?.set(String(n), rt.input(s.slice(last)));
      return n;
    }
  }
  return rt.fatal(`function \`${name}' not defined`);
}
