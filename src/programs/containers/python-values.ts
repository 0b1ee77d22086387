// Python values for the simulated python3 (see python-eval.ts): str, int (bigint), float,
// bool, None, lists, builtins and modules; their str()/repr() as CPython prints them, and the
// arithmetic and comparison operators with CPython's errors.

export type Value = string | bigint | number | boolean | null | Value[] | Builtin | PyModule;
export interface Builtin { kind: 'builtin'; name: string; call: (args: Value[], kw: Map<string, Value>) => Value }
export interface PyModule { kind: 'module'; name: string; attrs: Map<string, Value> }

export class PyError extends Error {
  constructor(readonly type: string, message: string, readonly col = 0) {
    super(message);
  }
}

export class SystemExit extends Error {
  constructor(readonly code: number, readonly text?: string) {
    super('SystemExit');
  }
}

export interface PyHost {
  argv: string[];
  cwd(): string;
  pid: number;
  env: Map<string, string>;
  now(): number;
  out: string[];
  version: string;
}

export function typeName(v: Value): string {
  if (typeof v === 'string') return 'str';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'boolean') return 'bool';
  if (v === null) return 'NoneType';
  if (Array.isArray(v)) return 'list';
  return v.kind === 'module' ? 'module' : 'builtin_function_or_method';
}

function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return `${x}.0`;
  const s = String(x);
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

export function repr(v: Value): string {
  if (typeof v === 'string') {
    const q = v.includes("'") && !v.includes('"') ? '"' : "'";
    const body = v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t').replace(/[\x00-\x1f\x7f]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
    return q + (q === "'" ? body.replace(/'/g, "\\'") : body) + q;
  }
  return str(v);
}

export function str(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return floatRepr(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (v === null) return 'None';
  if (Array.isArray(v)) return `[${v.map(repr).join(', ')}]`;
  return v.kind === 'module' ? `<module '${v.name}' (built-in)>` : `<built-in function ${v.name}>`;
}

export function truthy(v: Value): boolean {
  if (typeof v === 'string' || Array.isArray(v)) return v.length > 0;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'boolean') return v;
  return v !== null;
}

export const num = (v: Value): bigint | number | undefined => (typeof v === 'boolean' ? BigInt(v) : typeof v === 'bigint' || typeof v === 'number' ? v : undefined);

export function binary(op: string, a: Value, b: Value): Value {
  const unsupported = (): PyError => new PyError('TypeError', `unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
  if (op === '+' && typeof a === 'string') {
    if (typeof b !== 'string') throw new PyError('TypeError', `can only concatenate str (not "${typeName(b)}") to str`);
    return a + b;
  }
  if (op === '+' && Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  if (op === '*' && (typeof a === 'string' || Array.isArray(a)) && typeof b === 'bigint') return repeat(a, b);
  if (op === '*' && typeof a === 'bigint' && (typeof b === 'string' || Array.isArray(b))) return repeat(b, a);
  if (op === '%' && typeof a === 'string') return a.replace(/%[sdr]/, () => (op === '%' ? str(b) : ''));
  if (['==', '!='].includes(op)) return (op === '==') === equal(a, b);
  const x = num(a);
  const y = num(b);
  if (['<', '>', '<=', '>='].includes(op)) {
    const [p, q] = typeof a === 'string' && typeof b === 'string' ? [a, b] : x !== undefined && y !== undefined ? [Number(x), Number(y)] : [undefined, undefined];
    if (p === undefined || q === undefined) throw new PyError('TypeError', `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
    return op === '<' ? p < q : op === '>' ? p > q : op === '<=' ? p <= q : p >= q;
  }
  if (x === undefined || y === undefined) throw unsupported();
  if (typeof x === 'bigint' && typeof y === 'bigint') {
    switch (op) {
      case '+': return x + y;
      case '-': return x - y;
      case '*': return x * y;
      case '/': if (y === 0n) throw new PyError('ZeroDivisionError', 'division by zero'); return Number(x) / Number(y);
      case '//': { if (y === 0n) throw new PyError('ZeroDivisionError', 'integer division or modulo by zero'); const q = x / y; return (x % y !== 0n && (x < 0n) !== (y < 0n)) ? q - 1n : q; }
      case '%': { if (y === 0n) throw new PyError('ZeroDivisionError', 'integer modulo by zero'); const r = x % y; return r !== 0n && (r < 0n) !== (y < 0n) ? r + y : r; }
      case '**': return y < 0n ? Number(x) ** Number(y) : x ** y;
    }
  }
  const p = Number(x);
  const q = Number(y);
  switch (op) {
    case '+': return p + q;
    case '-': return p - q;
    case '*': return p * q;
    case '/': if (q === 0) throw new PyError('ZeroDivisionError', 'float division by zero'); return p / q;
    case '//': if (q === 0) throw new PyError('ZeroDivisionError', 'float floor division by zero'); return Math.floor(p / q);
    case '%': if (q === 0) throw new PyError('ZeroDivisionError', 'float modulo'); return ((p % q) + q) % q;
    case '**': return p ** q;
  }
  throw unsupported();
}

function repeat(s: string | Value[], n: bigint): Value {
  const k = Number(n < 0n ? 0n : n);
  if (k * (s.length || 1) > 1 << 24) throw new PyError('MemoryError', '');
  return typeof s === 'string' ? s.repeat(k) : Array.from({ length: k }, () => s).flat();
}

function equal(a: Value, b: Value): boolean {
  const x = num(a);
  const y = num(b);
  if (x !== undefined && y !== undefined) return Number(x) === Number(y);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => equal(v, b[i]!));
  return a === b;
}

