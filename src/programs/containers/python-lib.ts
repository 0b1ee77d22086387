// The builtins, methods and modules the simulated python3 offers (see python-eval.ts).
import { binary, num, PyError, repr, str, SystemExit, truthy, typeName, type Builtin, type PyHost, type PyModule, type Value } from './python-values';

export function subscript(v: Value, index: Value): Value {
  if (typeof v === 'string' || Array.isArray(v)) {
    if (typeof index !== 'bigint') throw new PyError('TypeError', `${typeName(v)} indices must be integers or slices, not ${typeName(index)}`);
    const i = Number(index < 0n ? BigInt(v.length) + index : index);
    if (i < 0 || i >= v.length) throw new PyError('IndexError', `${typeName(v)} index out of range`);
    return v[i]!;
  }
  if (typeof v === 'object' && v !== null && v.kind === 'module' && v.name === 'os.environ') {
    const got = v.attrs.get(str(index));
    if (typeof got !== 'string') throw new PyError('KeyError', repr(index));
    return got;
  }
  throw new PyError('TypeError', `'${typeName(v)}' object is not subscriptable`);
}

export function fn(name: string, call: Builtin['call']): Builtin {
  return { kind: 'builtin', name, call };
}

export function methodOf(v: Value, attr: string): Value | undefined {
  if (typeof v === 'string') {
    const m: Record<string, () => Value> = { upper: () => v.toUpperCase(), lower: () => v.toLowerCase(), strip: () => v.trim(), title: () => v.replace(/\b\w/g, (c) => c.toUpperCase()) };
    if (attr in m) return fn(attr, () => m[attr]!());
    if (attr === 'split') return fn('split', (a) => (a.length ? v.split(str(a[0]!)) : v.trim().split(/\s+/).filter(Boolean)));
    if (attr === 'join') return fn('join', (a) => (Array.isArray(a[0]) ? a[0].map((x) => str(x)).join(v) : ''));
    if (attr === 'replace') return fn('replace', (a) => v.split(str(a[0] ?? '')).join(str(a[1] ?? '')));
    if (attr === 'format') return fn('format', (a) => { let k = 0; return v.replace(/\{\}/g, () => str(a[k++] ?? '')); });
  }
  if (Array.isArray(v) && attr === 'append') return fn('append', (a) => { v.push(a[0] ?? null); return null; });
  return undefined;
}

export function builtins(host: PyHost): Builtin[] {
  const one = (name: string, a: Value[]): Value => {
    if (a.length !== 1) throw new PyError('TypeError', `${name}() takes exactly one argument (${a.length} given)`);
    return a[0]!;
  };
  const exit = (a: Value[]): Value => {
    const v = a[0] ?? null;
    if (v === null) throw new SystemExit(0);
    if (typeof v === 'bigint' || typeof v === 'boolean') throw new SystemExit(Number(v));
    throw new SystemExit(1, str(v));
  };
  return [
    fn('print', (a, kw) => {
      const sep = kw.has('sep') ? str(kw.get('sep')!) : ' ';
      const end = kw.has('end') ? str(kw.get('end')!) : '\n';
      host.out.push(a.map(str).join(sep) + end);
      return null;
    }),
    fn('len', (a) => { const v = one('len', a); if (typeof v === 'string' || Array.isArray(v)) return BigInt(v.length); throw new PyError('TypeError', `object of type '${typeName(v)}' has no len()`); }),
    fn('str', (a) => (a.length ? str(a[0]!) : '')),
    fn('repr', (a) => repr(one('repr', a))),
    fn('int', (a) => {
      const v = a[0] ?? 0n;
      if (typeof v === 'string') { if (!/^\s*[+-]?\d+\s*$/.test(v)) throw new PyError('ValueError', `invalid literal for int() with base 10: ${repr(v)}`); return BigInt(v.trim()); }
      const n = num(v);
      if (n === undefined) throw new PyError('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${typeName(v)}'`);
      return typeof n === 'bigint' ? n : BigInt(Math.trunc(n));
    }),
    fn('float', (a) => {
      const v = a[0] ?? 0;
      if (typeof v === 'string') { const x = Number(v.trim()); if (v.trim() === '' || Number.isNaN(x)) throw new PyError('ValueError', `could not convert string to float: ${repr(v)}`); return x; }
      const n = num(v);
      if (n === undefined) throw new PyError('TypeError', `float() argument must be a string or a real number, not '${typeName(v)}'`);
      return Number(n);
    }),
    fn('abs', (a) => { const n = num(one('abs', a)); if (n === undefined) throw new PyError('TypeError', 'bad operand type for abs()'); return typeof n === 'bigint' ? (n < 0n ? -n : n) : Math.abs(n); }),
    fn('round', (a) => { const n = num(a[0] ?? 0n); if (n === undefined) throw new PyError('TypeError', 'type must define __round__'); if (a.length > 1) { const d = Number(num(a[1]!) ?? 0); return Math.round(Number(n) * 10 ** d) / 10 ** d; } return typeof n === 'bigint' ? n : BigInt(Math.round(n)); }),
    fn('min', (a) => pick(a, (x, y) => truthy(binary('<', x, y)), 'min')),
    fn('max', (a) => pick(a, (x, y) => truthy(binary('>', x, y)), 'max')),
    fn('sum', (a) => (Array.isArray(a[0]) ? a[0].reduce<Value>((s, x) => binary('+', s, x), 0n) : 0n)),
    fn('exit', exit),
    fn('quit', exit),
    fn('help', () => { host.out.push('This simulated Python has no help system; see https://docs.python.org/3.12/ for the real one.\n'); return null; }),
  ];
}

function pick(a: Value[], better: (x: Value, y: Value) => boolean, name: string): Value {
  const items = a.length === 1 && Array.isArray(a[0]) ? a[0] : a;
  if (items.length === 0) throw new PyError('ValueError', `${name}() iterable argument is empty`);
  return items.reduce((m, x) => (better(x, m) ? x : m));
}

export function modules(host: PyHost): Map<string, PyModule> {
  const mod = (name: string, attrs: [string, Value][]): PyModule => ({ kind: 'module', name, attrs: new Map(attrs) });
  const environ = mod('os.environ', [...host.env]);
  environ.attrs.set('get', fn('get', (a) => host.env.get(str(a[0] ?? '')) ?? a[1] ?? null));
  const exit = fn('exit', (a) => {
    const v = a[0] ?? null;
    if (v === null) throw new SystemExit(0);
    if (typeof v === 'bigint' || typeof v === 'boolean') throw new SystemExit(Number(v));
    throw new SystemExit(1, str(v));
  });
  return new Map([
    ['sys', mod('sys', [['version', host.version], ['platform', 'linux'], ['argv', host.argv], ['exit', exit], ['executable', '/usr/local/bin/python3'], ['maxsize', 9223372036854775807n]])],
    ['os', mod('os', [['name', 'posix'], ['getcwd', fn('getcwd', () => host.cwd())], ['getpid', fn('getpid', () => BigInt(host.pid))], ['environ', environ], ['sep', '/'], ['linesep', '\n']])],
    ['platform', mod('platform', [['python_version', fn('python_version', () => host.version.split(' ')[0]!)], ['system', fn('system', () => 'Linux')], ['machine', fn('machine', () => 'x86_64')]])],
    ['math', mod('math', [['pi', Math.PI], ['e', Math.E], ['sqrt', fn('sqrt', (a) => { const x = Number(num(a[0] ?? 0n) ?? NaN); if (x < 0) throw new PyError('ValueError', 'math domain error'); return Math.sqrt(x); })], ['floor', fn('floor', (a) => BigInt(Math.floor(Number(num(a[0] ?? 0n) ?? 0))))], ['ceil', fn('ceil', (a) => BigInt(Math.ceil(Number(num(a[0] ?? 0n) ?? 0))))]])],
    ['time', mod('time', [['time', fn('time', () => host.now() / 1000)]])],
    ...['json', 'random', 're', 'socket', 'subprocess', 'datetime', 'collections', 'itertools', 'functools', 'pathlib', 'string', 'shutil', 'http', 'urllib'].map((n) => [n, mod(n, [])] as [string, PyModule]),
  ]);
}
