// The state of a running awk program: variables (global cells and function frames), the
// record, I/O, and gawk-style messages with the source line and (FILENAME=x FNR=n).
import { ERRNO, strerror, type Errno } from '../../shared/errno';
import type { Ctx } from '../lib/context';
import { G, type CallExpr, type Program, type VarRef } from './ast';
import type { Inplace } from './inplace';
import type { Profile } from './profile';
import { makeRandom } from './random';
import { AwkFatal, MAX_FIELDS, OutOfMemory } from './errors';
import { splitBy, splitFpat, splitWidths, widthsError } from './fields';
import { IoTable } from './io';
import type { Source } from './lexer';
import { RecordState } from './record';
import { makeCodec, type Codec, type Rec } from './records';
import { compileRegex, RegexError, type AwkRegex } from './regex';
import { AwkArray } from './array';
import { StrNum, toNum, toStr, UNINIT, type NumMode, type Value } from './values';
import { parseTz, UTC, type TimeZone } from '../lib/tz';

/** A variable: scalar value, array, or untyped (which becomes either on first use). */
export interface Cell {
  v: Value;
  a: AwkArray | undefined;
  scalar: boolean;
  /** An untyped parameter: the caller's untyped variable, which becomes an array with it. */
  ref: Cell | undefined;
  /** An untyped parameter given an array element: the element becomes the array it becomes. */
  owner?: { arr: AwkArray; key: string };
}

export function newCell(v: Value = UNINIT, scalar = false): Cell {
  return { v, a: undefined, scalar, ref: undefined };
}

/** A cell is used as a scalar: so is the caller's untyped variable an untyped parameter stands for. */
export function markScalar(c: Cell): void {
  for (let x: Cell | undefined = c; x; ) {
    const next: Cell | undefined = x.ref;
    if (!x.a) x.scalar = true;
    x.ref = undefined;
    x = next;
  }
}

export function arrayCell(a: AwkArray): Cell {
  return { v: UNINIT, a, scalar: false, ref: undefined };
}

/** gawk -L: off, warnings, or (-L fatal) the first one fatal. */
export type LintMode = boolean | 'fatal';

export class Runtime {
  readonly globals: Cell[];
  readonly frames: Cell[][] = [];
  readonly funcNames: string[][] = [];
  lint: LintMode = false;
  /** -c or --posix. */
  traditional = false;
  /** Every command-line assignment by name, those the program never names included. */
  readonly cmdVars = new Map<string, Value>();
  /** gawk -i inplace. */
  inplace: Inplace | undefined;
  /** Whether $0 has had a value (lint warns of reading it before). */
  recordSeen = false;
  /** gawk -p: the counts being kept. */
  profile: Profile | undefined;
  /** Where the statement being run is, for messages. */
  line = 0;
  src = 0;
  readonly codec: Codec;
  readonly io: IoTable;
  readonly rec: RecordState;
  /** Hook set by the executor: calls a user-defined function. */
  call: (c: CallExpr) => Promise<Value> = () => Promise.resolve(UNINIT);
  /** Hook set by the executor: cmp(i1, v1, i2, v2) of a program's function, for sorting. */
  compare: (fn: string, a: [string, Value], b: [string, Value]) => Promise<Value> = () => Promise.resolve(UNINIT);
  /** Hook set by the executor: the next record of the main input (plain getline). */
  mainNext: () => Promise<Rec | null | 'error'> = () => Promise.resolve(null);
  /** Warnings raised in synchronous code, written at the next statement. */
  readonly pending: string[] = [];
  randSeed = 1;
  /** --sandbox: no system(), no redirections. */
  sandbox = false;
  /** /etc/localtime's zone, read at the start: local time when ENVIRON has no TZ. */
  systemZone: TimeZone = UTC;
  rngStarted = false;
  rng: () => number = () => 0;

  constructor(
    readonly ctx: Ctx,
    readonly prog: Program,
    readonly sources: Source[],
    /** How text reads as a number (-n, --posix). */
    readonly mode: NumMode = 'gawk',
  ) {
    this.globals = prog.globals.map(() => newCell());
    this.codec = makeCodec(ctx.env);
    this.io = new IoTable(ctx.sys, this.codec, () => this.environ());
    this.rec = new RecordState(
      () => this.str(this.globals[G.OFS]!.v),
      () => this.convfmt(),
      (text) => this.input(text),
    );
  }

  /** The name messages start with: gawk uses the basename of argv[0]. */
  get name(): string {
    return this.ctx.name.slice(this.ctx.name.lastIndexOf('/') + 1);
  }

  environ(): Map<string, string> {
    const env = new Map<string, string>();
    const a = this.globals[G.ENVIRON]!.a;
    if (a) for (const [k, v] of a) env.set(k, this.str(v));
    return env;
  }

  convfmt(): string {
    return this.str(this.globals[G.CONVFMT]!.v);
  }

  /** The zone strftime and mktime use: TZ as ENVIRON has it now (gawk passes changes on). */
  localZone(): TimeZone {
    const v = this.globals[G.ENVIRON]!.a?.get('TZ');
    if (v === undefined) return this.systemZone;
    // kept while TZ stays: mktime remembers its last offset in the zone, as glibc's does
    const tz = this.str(v);
    if (this.zoneFor?.tz !== tz) this.zoneFor = { tz, zone: parseTz(tz) };
    return this.zoneFor.zone;
  }

  private zoneFor?: { tz: string; zone: TimeZone };

  ofmt(): string {
    return this.str(this.globals[G.OFMT]!.v);
  }

  str(v: Value): string {
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return toStr(v, this.convfmt());
    return toStr(v, '%.6g');
  }

  /** Output text of a value: numbers with OFMT. */
  outStr(v: Value): string {
    return typeof v === 'number' ? toStr(v, this.ofmt()) : this.str(v);
  }

  ignoreCase(): boolean {
    const v = this.globals[G.IGNORECASE]!.v;
    return v !== UNINIT && this.num(v) !== 0;
  }

  cell(ref: VarRef): Cell {
    return ref.local ? this.frames[this.frames.length - 1]![ref.slot]! : this.globals[ref.slot]!;
  }

  /** A variable's value (rvalue). */
  /** ERRNO and PROCINFO["errno"] after an I/O call: undefined when it went well. */
  setErrno(code: Errno | undefined): void {
    this.globals[G.ERRNO]!.v = code ? strerror(code) : '';
    const procinfo = this.globals[G.PROCINFO]!.a;
    if (procinfo && !(procinfo.get('errno') instanceof AwkArray)) procinfo.set('errno', code ? ERRNO[code][0] : 0);
  }

  /** A lint warning: written before the next statement, or fatal with -L fatal. */
  lintWarn(message: string): void {
    if (this.lint === 'fatal') this.fatal(message);
    this.warnLater(message);
  }

  get(ref: VarRef): Value {
    if (!ref.local && ref.slot === G.NF) return this.rec.nf;
    const c = this.cell(ref);
    if (c.a) this.fatal(`attempt to use array \`${ref.name}' in a scalar context`);
    if (this.lint && c.v === UNINIT) this.lintWarn(`reference to uninitialized ${ref.local ? 'argument' : 'variable'} \`${ref.name}'`);
    if (!c.scalar) markScalar(c);
    return c.v;
  }

  set(ref: VarRef, v: Value): void {
    if (!ref.local && ref.slot === G.NF) {
      const n = Math.trunc(this.num(v));
      if (n < 0) this.fatal(`NF set to negative value`);
      if (n > MAX_FIELDS) throw new OutOfMemory();
      this.rec.setNF(n);
      return;
    }
    const c = this.cell(ref);
    if (c.a) this.fatal(`attempt to use array \`${ref.name}' in a scalar context`);
    // a copy of input text, as gawk copies a field's value: reading one as a number is not reading the other (gawk -d tells)
    c.v = v instanceof StrNum && v.constructor === StrNum ? new StrNum(v.s, v.mode) : v;
    markScalar(c);
    // -c and --posix: FIELDWIDTHS and FPAT are plain variables
    if (!ref.local && (ref.slot === G.FS || (!this.traditional && (ref.slot === G.FPAT || ref.slot === G.FIELDWIDTHS)))) {
      if (ref.slot === G.FIELDWIDTHS) {
        const bad = widthsError(this.str(c.v));
        if (bad) this.fatal(bad);
      }
      this.fieldMode = ref.slot === G.FS ? 'FS' : ref.slot === G.FPAT ? 'FPAT' : 'FIELDWIDTHS';
      this.globals[G.PROCINFO]!.a?.set('FS', this.fieldMode);
    }
  }

  /** A variable as an array (an untyped one becomes an array). */
  array(ref: VarRef): AwkArray {
    const c = this.cell(ref);
    if (c.a) return c.a;
    if (c.scalar || (!ref.local && ref.slot === G.NF)) this.fatal(`attempt to use scalar ${ref.local ? 'parameter ' : ''}\`${ref.name}' as an array`);
    const a = new AwkArray();
    for (let x: Cell | undefined = c; x; ) {
      const next: Cell | undefined = x.ref;
      x.a = a;
      x.ref = undefined;
      if (x.owner) x.owner.arr.set(x.owner.key, a as unknown as Value);
      x.owner = undefined;
      x = next;
    }
    return a;
  }

  isArray(ref: VarRef): boolean {
    return this.cell(ref).a !== undefined;
  }

  subsep(): string {
    return this.str(this.globals[G.SUBSEP]!.v);
  }

  field(i: number): Value {
    if (i < 0 || !Number.isFinite(i)) this.fatal(`attempt to access field ${Math.trunc(i)}`);
    if (this.lint && (i >= 1 ? Math.trunc(i) > this.rec.nf : !this.recordSeen)) this.lintWarn(`reference to uninitialized field \`$${Math.trunc(i)}'`);
    return this.rec.get(Math.trunc(i));
  }

  setField(i: number, v: Value): void {
    const n = Math.trunc(i);
    if (n < 0 || !Number.isFinite(i)) this.fatal(`attempt to access field ${n}`);
    if (n === 0) this.setRecordValue(v);
    else if (n > MAX_FIELDS) throw new OutOfMemory();
    else this.rec.assign(n, v);
  }

  /** $0 from input (a record read by the main loop or getline). */
  setRecord(text: string): void {
    this.recordSeen = true;
    this.rec.set(text, this.splitter());
  }

  setRecordValue(v: Value): void {
    this.recordSeen = true;
    this.rec.assignWhole(v, this.splitter());
  }

  /** Which of FS, FPAT and FIELDWIDTHS was assigned last. */
  private fieldMode: 'FS' | 'FPAT' | 'FIELDWIDTHS' = 'FS';
  private splitterKey = '';
  private splitterFn: (s: string) => string[] = () => [];

  private splitter(): (s: string) => string[] {
    const mode = this.fieldMode;
    const spec = this.str(this.globals[G[mode]]!.v);
    const para = mode === 'FS' && this.paragraphMode();
    const ic = this.ignoreCase();
    const key = `${mode}\0${spec}\0${para}\0${ic}`;
    if (key !== this.splitterKey) {
      this.splitterKey = key;
      if (mode === 'FPAT') {
        const re = this.regex(spec);
        this.splitterFn = (s) => splitFpat(s, re);
      } else if (mode === 'FIELDWIDTHS') this.splitterFn = (s) => splitWidths(s, spec);
      else this.splitterFn = (s) => splitBy(s, spec, ic, false, para).fields;
    }
    return this.splitterFn;
  }

  paragraphMode(): boolean {
    return this.str(this.globals[G.RS]!.v) === '';
  }

  /** Compiles a dynamic regex (a string or number used as one). */
  regex(src: string): AwkRegex {
    try {
      return compileRegex(src, this.ignoreCase(), (w) => this.warnLater(w));
    } catch (e) {
      if (!(e instanceof RegexError)) throw e;
      this.fatal(`invalid regexp: ${e.message}: /${src}/`);
    }
  }

  seed(n: number): void {
    this.randSeed = n;
    this.rng = makeRandom(n);
    this.rngStarted = true;
  }

  location(): string {
    if (this.line <= 0) return '';
    return `${this.sources[this.src]?.name ?? 'cmd. line'}:${this.line}: `;
  }

  context(): string {
    const fnr = this.num(this.globals[G.FNR]!.v);
    if (!(fnr > 0)) return '';
    return `(FILENAME=${this.str(this.globals[G.FILENAME]!.v)} FNR=${fnr}) `;
  }

  fatal(message: string): never {
    throw new AwkFatal(message);
  }

  /** The full text of a fatal error. */
  fatalText(e: AwkFatal): string {
    return `${this.name}: ${e.located ? this.location() : ''}${this.context()}fatal: ${e.message}\n`;
  }

  async warn(message: string): Promise<void> {
    await this.io.stdout.flush();
    await this.io.stderr.write(`${this.name}: ${this.location()}${this.context()}warning: ${message}\n`);
  }

  /** A warning from synchronous code: written before the next statement runs. */
  warnLater(message: string): void {
    this.pending.push(`${this.name}: ${this.location()}${this.context()}warning: ${message}\n`);
  }

  async drainWarnings(): Promise<void> {
    if (this.pending.length === 0) return;
    await this.io.stdout.flush();
    for (const w of this.pending.splice(0)) await this.io.stderr.write(w);
  }

  /** An input value: text that may look numeric. */
  input(s: string): Value {
    return new StrNum(s, this.mode);
  }

  /** A value as a number, text read as this program reads numbers. */
  num(v: Value): number {
    return toNum(v, this.mode);
  }
}
