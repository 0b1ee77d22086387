// URLs as GNU Wget 1.21.3 reads them (src/url.c): the shorthand forms it completes
// (`host` -> http://host/, `host:21/x`, `host:path` -> ftp://host/path), url_parse() with its
// error texts, the canonical form of the `--date--  URL` lines, redirect targets merged with
// the URL they came from, and the local file name a URL saves to (url_file_name()).

export type Scheme = 'http' | 'https' | 'ftp' | 'ftps';

export interface WgetUrl {
  scheme: Scheme;
  host: string;
  port: number;
  /** the path without its leading slash, %-escaped, with dot segments removed */
  path: string;
  params?: string;
  query?: string;
  user?: string;
  /** the last path element, unescaped ('' for a directory) */
  file: string;
  /** the canonical URL (url_string with the password hidden) */
  url: string;
}

const DEFAULT_PORT: Record<Scheme, number> = { http: 80, https: 443, ftp: 21, ftps: 990 };
const SCHEMES: Scheme[] = ['http', 'https', 'ftp', 'ftps'];

function knownScheme(url: string): Scheme | undefined {
  return SCHEMES.find((s) => url.toLowerCase().startsWith(`${s}://`));
}

/** url_has_scheme(): `[-+a-zA-Z0-9]+:` at the start. */
function hasScheme(url: string): boolean {
  return /^[-+A-Za-z0-9]+:/.test(url);
}

/** rewrite_shorthand_url(): the URL wget actually parses for a command-line argument. */
export function rewriteShorthand(url: string): string {
  if (knownScheme(url)) return url;
  const i = url.search(/[:/]/);
  if (i === 0) return url;
  if (i > 0 && url.startsWith('://', i)) return url;
  if (i > 0 && url[i] === ':') {
    const digits = /^[0-9]*/.exec(url.slice(i + 1))![0].length;
    const after = url[i + 1 + digits];
    if (digits && (after === '/' || after === undefined)) return `http://${url}`;
    return `ftp://${url.slice(0, i)}/${url.slice(i + 1)}`;
  }
  return `http://${url}`;
}

const SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]/;

/** reencode_escapes(): unsafe characters become %XX (as UTF-8), stray %s become %25. */
function reencode(s: string): string {
  let out = '';
  const bytes = new TextEncoder().encode(s);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const c = String.fromCharCode(b);
    if (c === '%' && !/^[0-9A-Fa-f]{2}$/.test(String.fromCharCode(bytes[i + 1] ?? 0, bytes[i + 2] ?? 0))) out += '%25';
    else if (b < 0x80 && b > 0x20 && SAFE.test(c)) out += c;
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function unescape(s: string): string {
  const bytes: number[] = [];
  const raw = new TextEncoder().encode(s);
  for (let i = 0; i < raw.length; i++) {
    const hex = String.fromCharCode(raw[i + 1] ?? 0, raw[i + 2] ?? 0);
    if (raw[i] === 0x25 && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(raw[i]!);
  }
  return new TextDecoder().decode(Uint8Array.from(bytes));
}

/** path_simplify(): drops `.` and resolves `..` segments (never above the root). */
function simplify(path: string): string {
  const out: string[] = [];
  const parts = path.split('/');
  parts.forEach((p, i) => {
    const last = i === parts.length - 1;
    if (p === '.') {
      if (last) out.push('');
    } else if (p === '..') {
      out.pop();
      if (last) out.push('');
    } else out.push(p);
  });
  return out.join('/');
}

export type UrlParse = { ok: true; url: WgetUrl } | { ok: false; error: string };

/** url_parse() and url_error(): `quote` renders the scheme in Unsupported scheme ‘x’. */
export function parseUrl(text: string, quote: (s: string) => string): UrlParse {
  const scheme = knownScheme(text);
  if (!scheme) {
    if (hasScheme(text)) return { ok: false, error: `Unsupported scheme ${quote(text.slice(0, text.indexOf(':')))}` };
    return { ok: false, error: 'Scheme missing' };
  }
  const rest = reencode(text.slice(scheme.length + 3));
  const authEnd = rest.search(/[/;?#]/);
  let authority = authEnd < 0 ? rest : rest.slice(0, authEnd);
  let tail = authEnd < 0 ? '' : rest.slice(authEnd);
  let user: string | undefined;
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    user = authority.slice(0, at).split(':')[0];
    authority = authority.slice(at + 1);
  }
  let host: string;
  let portText: string | undefined;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close < 0) return { ok: false, error: 'Unterminated IPv6 numeric address' };
    host = authority.slice(1, close);
    if (!/^[0-9A-Fa-f:.]+$/.test(host) || !host.includes(':')) return { ok: false, error: 'Invalid IPv6 numeric address' };
    const after = authority.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) return { ok: false, error: 'Invalid host name' };
    portText = after === '' ? undefined : after.slice(1);
  } else {
    const colon = authority.indexOf(':');
    host = colon < 0 ? authority : authority.slice(0, colon);
    portText = colon < 0 ? undefined : authority.slice(colon + 1);
  }
  if (host === '') return { ok: false, error: 'Invalid host name' };
  let port = DEFAULT_PORT[scheme];
  if (portText !== undefined && portText !== '') {
    if (!/^[0-9]+$/.test(portText) || Number(portText) > 0xffff) return { ok: false, error: 'Bad port number' };
    port = Number(portText);
  }
  tail = tail.replace(/#.*$/s, '');
  let path = '';
  let params: string | undefined;
  let query: string | undefined;
  const q = tail.indexOf('?');
  if (q >= 0) {
    query = tail.slice(q + 1);
    tail = tail.slice(0, q);
  }
  const semi = tail.indexOf(';');
  if (semi >= 0) {
    params = tail.slice(semi + 1);
    tail = tail.slice(0, semi);
  }
  path = simplify(tail.replace(/^\//, ''));
  host = unescape(host).toLowerCase();
  const file = unescape(path.slice(path.lastIndexOf('/') + 1));
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const portPart = port === DEFAULT_PORT[scheme] ? '' : `:${port}`;
  const url = `${scheme}://${user !== undefined ? `${user}@` : ''}${shownHost}${portPart}/${path}${params !== undefined ? `;${params}` : ''}${query !== undefined ? `?${query}` : ''}`;
  return { ok: true, url: { scheme, host, port, path, ...(params !== undefined ? { params } : {}), ...(query !== undefined ? { query } : {}), ...(user !== undefined ? { user } : {}), file, url } };
}

/** The request target: `/path;params?query`. */
export function requestPath(u: WgetUrl): string {
  return `/${u.path}${u.params !== undefined ? `;${u.params}` : ''}${u.query !== undefined ? `?${u.query}` : ''}`;
}

/** uri_merge(): a Location header resolved against the URL it answered. */
export function mergeLocation(base: WgetUrl, link: string): string {
  if (hasScheme(link)) return link;
  const origin = `${base.scheme}://${base.host.includes(':') ? `[${base.host}]` : base.host}${base.port === DEFAULT_PORT[base.scheme] ? '' : `:${base.port}`}`;
  if (link.startsWith('//')) return `${base.scheme}:${link}`;
  if (link.startsWith('/')) return `${origin}${link}`;
  if (link.startsWith('?')) return `${origin}/${base.path}${link}`;
  if (link === '') return base.url;
  const dir = base.path.includes('/') ? base.path.slice(0, base.path.lastIndexOf('/') + 1) : '';
  return `${origin}/${dir}${link}`;
}

/** url_file_name(): PREFIX/FILE[?QUERY], `index.html` (or --default-page) for a directory. */
export function urlFileName(u: WgetUrl, prefix: string | undefined, defaultPage: string | undefined): string {
  let name = u.file || defaultPage || 'index.html';
  if (u.query !== undefined) name += `?${u.query}`;
  // restrict_file_names=unix: a slash cannot be part of a name, control characters are escaped
  name = name.replace(/\//g, '%2F').replace(/[\x00-\x1f\x7f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return prefix !== undefined ? `${prefix}/${name}` : name;
}

export const isDefaultPort = (u: WgetUrl): boolean => u.port === DEFAULT_PORT[u.scheme];
