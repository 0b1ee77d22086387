// curl's command line (curl 8.x tool_getparam): long options taking their value from the next
// argument, short options clustered (-sSL) or glued to their value (-ofile), everything else a
// URL. Errors are curl's ("option -o: requires parameter", exit 2).

export interface CurlConfig {
  urls: string[];
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  head: boolean;
  include: boolean;
  location: boolean;
  fail: boolean;
  failWithBody: boolean;
  /** -o values, matched to URLs in order */
  outputs: string[];
  /** -O given (for every URL with --remote-name-all, else one per use) */
  remoteNames: number;
  writeOut?: string;
  maxTimeMs?: number;
  connectTimeoutMs?: number;
  headers: string[];
  userAgent?: string;
  request?: string;
  data?: string;
  maxRedirs: number;
  noProgress: boolean;
  ipv6Only: boolean;
  help: boolean;
  version: boolean;
}

type Kind = 'bool' | 'string' | 'seconds' | 'number';
interface Opt { long: string; short?: string; kind: Kind; set(c: CurlConfig, v: string | boolean): void }

const b = (long: string, short: string | undefined, set: (c: CurlConfig, v: boolean) => void): Opt => ({ long, ...(short ? { short } : {}), kind: 'bool', set: (c, v) => set(c, v === true) });
const s = (long: string, short: string | undefined, set: (c: CurlConfig, v: string) => void, kind: Kind = 'string'): Opt => ({ long, ...(short ? { short } : {}), kind, set: (c, v) => set(c, String(v)) });
const ignore = (): void => undefined;

const OPTIONS: Opt[] = [
  b('silent', 's', (c, v) => { c.silent = v; }),
  b('show-error', 'S', (c, v) => { c.showError = v; }),
  b('verbose', 'v', (c, v) => { c.verbose = v; }),
  b('head', 'I', (c, v) => { c.head = v; }),
  b('include', 'i', (c, v) => { c.include = v; }),
  b('show-headers', undefined, (c, v) => { c.include = v; }),
  b('location', 'L', (c, v) => { c.location = v; }),
  b('fail', 'f', (c, v) => { c.fail = v; }),
  b('fail-with-body', undefined, (c, v) => { c.failWithBody = v; }),
  b('insecure', 'k', ignore),
  b('remote-name', 'O', (c, v) => { if (v) c.remoteNames++; }),
  b('ipv4', '4', (c, v) => { if (v) c.ipv6Only = false; }),
  b('ipv6', '6', (c, v) => { c.ipv6Only = v; }),
  b('progress-meter', undefined, (c, v) => { c.noProgress = !v; }),
  b('no-progress-meter', undefined, (c, v) => { c.noProgress = v; }),
  b('progress-bar', '#', ignore),
  b('compressed', undefined, ignore),
  b('http1.1', undefined, ignore),
  b('http1.0', '0', ignore),
  b('parallel', 'Z', ignore),
  b('disable', 'q', ignore),
  b('help', 'h', (c, v) => { c.help = v; }),
  b('version', 'V', (c, v) => { c.version = v; }),
  s('output', 'o', (c, v) => { c.outputs.push(v); }),
  s('write-out', 'w', (c, v) => { c.writeOut = v; }),
  s('max-time', 'm', (c, v) => { c.maxTimeMs = Number(v) * 1000; }, 'seconds'),
  s('connect-timeout', undefined, (c, v) => { c.connectTimeoutMs = Number(v) * 1000; }, 'seconds'),
  s('header', 'H', (c, v) => { c.headers.push(v); }),
  s('user-agent', 'A', (c, v) => { c.userAgent = v; }),
  s('request', 'X', (c, v) => { c.request = v; }),
  s('data', 'd', (c, v) => { c.data = c.data === undefined ? v : `${c.data}&${v}`; }),
  s('max-redirs', undefined, (c, v) => { c.maxRedirs = Number(v); }, 'number'),
  s('retry', undefined, ignore, 'number'),
  s('referer', 'e', ignore),
  s('user', 'u', ignore),
  s('cacert', undefined, ignore),
];

export type ParseResult = { ok: true; config: CurlConfig } | { ok: false; message: string };

function newConfig(): CurlConfig {
  return { urls: [], silent: false, showError: false, verbose: false, head: false, include: false, location: false, fail: false, failWithBody: false, outputs: [], remoteNames: 0, headers: [], maxRedirs: 50, noProgress: false, ipv6Only: false, help: false, version: false };
}

function apply(c: CurlConfig, o: Opt, shown: string, value: string | boolean): string | undefined {
  if (o.kind === 'seconds' || o.kind === 'number') {
    const text = String(value);
    const ok = o.kind === 'seconds' ? /^[0-9]+(\.[0-9]*)?$|^\.[0-9]+$/.test(text) : /^-?[0-9]+$/.test(text);
    if (!ok) return `option ${shown}: expected a proper numerical parameter`;
  }
  o.set(c, value);
  return undefined;
}

export function parseCurlArgs(args: readonly string[]): ParseResult {
  const c = newConfig();
  let i = 0;
  let endOfOptions = false;
  while (i < args.length) {
    const a = args[i++]!;
    if (endOfOptions || !a.startsWith('-') || a === '-') {
      c.urls.push(a);
      continue;
    }
    if (a === '--') {
      endOfOptions = true;
      continue;
    }
    if (a.startsWith('--')) {
      let name = a.slice(2);
      let negate = false;
      let o = OPTIONS.find((x) => x.long === name);
      if (!o && name.startsWith('no-')) {
        o = OPTIONS.find((x) => x.long === name.slice(3) && x.kind === 'bool');
        negate = o !== undefined;
        if (negate) name = name.slice(3);
      }
      if (!o) return { ok: false, message: `option ${a}: is unknown` };
      if (o.kind === 'bool') {
        o.set(c, !negate);
        continue;
      }
      if (i >= args.length) return { ok: false, message: `option ${a}: requires parameter` };
      const err = apply(c, o, a, args[i++]!);
      if (err) return { ok: false, message: err };
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const ch = a[j]!;
      const o = OPTIONS.find((x) => x.short === ch);
      if (!o) return { ok: false, message: `option ${a}: is unknown` };
      if (o.kind === 'bool') {
        o.set(c, true);
        continue;
      }
      const rest = a.slice(j + 1);
      let value: string;
      if (rest !== '') value = rest;
      else if (i < args.length) value = args[i++]!;
      else return { ok: false, message: `option -${ch}: requires parameter` };
      const err = apply(c, o, `-${ch}`, value);
      if (err) return { ok: false, message: err };
      break;
    }
  }
  return { ok: true, config: c };
}
