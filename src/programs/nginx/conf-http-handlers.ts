// The http directives with more to check than a value: root/alias, server_name, location, if,
// error_page, return and proxy_pass, with the messages their nginx handlers give.
import type { ConfBuilder, NgxCtx } from './conf-build';
import { ConfError, type Directive } from './conf-parse';
import { newLoc, type IfCond, type LocConf, type ServerConf } from './conf-model';
import { atoi, slotError } from './conf-values';
import { compileRegex } from './conf-regex';
import { variablesIn } from './vars';

export function uses(b: ConfBuilder, value: string): void {
  for (const v of variablesIn(value)) b.usedVariables.add(v);
}

export function root(d: Directive, loc: LocConf): undefined {
  const alias = d.name === 'alias';
  if (loc.root) {
    if (loc.root.alias === alias) throw slotError(d.name, 'is duplicate');
    throw new ConfError(`"${d.name}" directive is duplicate, "${loc.root.alias ? 'alias' : 'root'}" directive was specified earlier`);
  }
  if (alias && loc.match === 'named') throw new ConfError('the "alias" directive cannot be used inside the named location');
  let path = d.args[0]!;
  if (!alias && path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  loc.root = { path, alias, file: d.file, line: d.line };
  return undefined;
}

export function serverNames(b: ConfBuilder, d: Directive, server: ServerConf): void {
  for (const raw of d.args) {
    if ((raw.startsWith('*') && (raw.length < 3 || raw[1] !== '.')) || (raw.startsWith('.') && raw.length < 2)) throw new ConfError(`server name "${raw}" is invalid`);
    if (raw.includes('/')) b.warnAt(d, `server name "${raw}" has suspicious symbols`);
    if (raw.startsWith('~')) {
      if (raw.length === 1) throw new ConfError(`empty regex in server name "${raw}"`);
      const pattern = raw.slice(1);
      server.names.push({ name: raw, kind: 'regex', regex: compileRegex(pattern, /[A-Z]/.test(pattern)) });
      continue;
    }
    const name = raw.toLowerCase() === '$hostname' ? b.env.hostname : raw.toLowerCase();
    const kind = name.startsWith('*.') || name.startsWith('.') ? 'wild-start' : name.endsWith('.*') ? 'wild-end' : 'exact';
    server.names.push({ name, kind });
  }
}

export function location(d: Directive, ctx: NgxCtx): NgxCtx {
  const parent = ctx.loc!;
  const loc = newLoc(parent, d.file, d.line);
  const a = d.args;
  let name: string;
  if (a.length === 2) {
    const mod = a[0]!;
    name = a[1]!;
    if (mod === '=') loc.match = 'exact';
    else if (mod === '^~') loc.match = 'noregex';
    else if (mod === '~' || mod === '~*') {
      loc.match = 'regex';
      loc.regex = compileRegex(name, mod === '~*');
    } else throw new ConfError(`invalid location modifier "${mod}"`);
  } else {
    name = a[0]!;
    if (name.startsWith('=')) {
      loc.match = 'exact';
      name = name.slice(1);
    } else if (name.startsWith('^~')) {
      loc.match = 'noregex';
      name = name.slice(2);
    } else if (name.startsWith('~')) {
      const caseless = name[1] === '*';
      name = name.slice(caseless ? 2 : 1);
      loc.match = 'regex';
      loc.regex = compileRegex(name, caseless);
    } else loc.match = name.startsWith('@') ? 'named' : 'prefix';
  }
  loc.name = name;
  if (ctx.letter === 'l') {
    if (parent.match === 'exact') throw new ConfError(`location "${name}" cannot be inside the exact location "${parent.name}"`);
    if (parent.match === 'named') throw new ConfError(`location "${name}" cannot be inside the named location "${parent.name}"`);
    if (loc.match === 'named') throw new ConfError(`named location "${name}" can be on the server level only`);
    if (loc.match !== 'regex' && !name.startsWith(parent.name)) throw new ConfError(`location "${name}" is outside location "${parent.name}"`);
  }
  parent.locations.push(loc);
  return { letter: 'l', loc, script: loc.script };
}

export function ifBlock(b: ConfBuilder, d: Directive, ctx: NgxCtx): NgxCtx {
  const words = [...d.args];
  const first = words[0]!;
  const last = words[words.length - 1]!;
  if (!first.startsWith('(')) throw new ConfError(`invalid condition "${first}"`);
  words[0] = first.slice(1);
  if (words[0] === '') words.shift();
  if (!last.endsWith(')')) throw new ConfError(`invalid condition "${last}"`);
  words[words.length - 1] = words[words.length - 1]!.replace(/\)$/, '');
  if (words[words.length - 1] === '') words.pop();
  let cond: IfCond;
  const [w0 = '', w1, w2] = words;
  if (w0.startsWith('$')) {
    uses(b, w0);
    if (words.length === 1) cond = { kind: 'var', value: w0 };
    else if (words.length === 3 && (w1 === '=' || w1 === '!=')) {
      uses(b, w2!);
      cond = { kind: 'cmp', value: w0, op: w1, other: w2! };
    } else if (words.length === 3 && /^!?~\*?$/.test(w1!)) cond = { kind: 'regex', value: w0, re: compileRegex(w2!, w1!.endsWith('*')), negate: w1!.startsWith('!') };
    else throw new ConfError(`unexpected "${w1 ?? ''}" in condition`);
  } else if (/^!?-[fdex]$/.test(w0) && words.length === 2) {
    uses(b, w1!);
    cond = { kind: 'file', op: w0.slice(-1) as 'f', negate: w0.startsWith('!'), value: w1! };
  } else throw new ConfError(`invalid condition "${w0}"`);
  const ifLoc = newLoc(ctx.loc, d.file, d.line, ctx.loc!.name);
  ifLoc.match = ctx.loc!.match;
  const op = { kind: 'if' as const, cond, ops: [], loc: ifLoc };
  ctx.script!.push(op);
  return { letter: ctx.letter === 's' ? 'f' : 'i', loc: ifLoc, script: op.ops };
}

export function errorPage(b: ConfBuilder, d: Directive, loc: LocConf): void {
  const a = d.args;
  const eq = a[a.length - 2]!;
  let overwrite: number | 'response' | undefined;
  let n = 1;
  if (eq.startsWith('=')) {
    if (a.length - 2 === 0) throw new ConfError(`invalid value "${eq}"`);
    if (eq.length > 1) {
      const v = atoi(eq.slice(1));
      if (v === undefined) throw new ConfError(`invalid value "${eq}"`);
      overwrite = v;
    } else overwrite = 'response';
    n = 2;
  }
  const uri = a[a.length - 1]!;
  uses(b, uri);
  const codes: number[] = [];
  for (const v of a.slice(0, a.length - n)) {
    const code = atoi(v);
    if (code === undefined || code === 499) throw new ConfError(`invalid value "${v}"`);
    if (code < 300 || code > 599) throw new ConfError(`value "${v}" must be between 300 and 599`);
    codes.push(code);
  }
  (loc.errorPages ??= []).push({ codes, overwrite, uri });
}

export function returnOp(b: ConfBuilder, a: string[]): { kind: 'return'; status: number; text: string | undefined } {
  const v = a[0]!;
  const code = atoi(v);
  if (code === undefined) {
    if (a.length === 1 && /^(https?:\/\/|\$scheme)/.test(v)) {
      uses(b, v);
      return { kind: 'return', status: 302, text: v };
    }
    throw new ConfError(`invalid return code "${v}"`);
  }
  if (code > 999) throw new ConfError(`invalid return code "${v}"`);
  if (a[1] !== undefined) uses(b, a[1]);
  return { kind: 'return', status: code, text: a[1] };
}

export async function proxyPass(b: ConfBuilder, d: Directive, loc: LocConf): Promise<undefined> {
  if (loc.proxyPass !== undefined) throw slotError(d.name, 'is duplicate');
  const url = d.args[0]!;
  const m = /^(https?):\/\/([^/:]+|\[[^\]]+\])(?::(\d+))?(\/.*)?$/i.exec(url);
  if (!m) {
    if (!/^https?:\/\//i.test(url)) throw new ConfError(`invalid URL prefix in "${url}"`);
    throw new ConfError(`no host in "${url}"`);
  }
  uses(b, url);
  const host = m[2]!;
  if (!host.includes('$') && !b.upstreams.has(host) && !/^[\d.]+$/.test(host) && !host.startsWith('[')) {
    const r = await b.env.resolve(host);
    if (!r || r.length === 0) throw new ConfError(`host not found in upstream "${host}${m[3] ? `:${m[3]}` : ''}"`);
  }
  loc.proxyPass = url;
  return undefined;
}

