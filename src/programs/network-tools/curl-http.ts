// The HTTP side of curl: URLs as curl parses them, the request it sends, and what the server on
// the other end answers: the world's web servers (lan/world.ts), sshd's greeting, or nothing
// (servers of this machine answer for themselves over the connection, see http-stream.ts).
import type { HttpAnswer, Peer } from '../../shared/services/traffic';

export interface Url {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  /** path and query, as sent in the request line */
  path: string;
  /** the URL as curl shows it (url_effective) */
  text: string;
}

export type UrlResult = { ok: true; url: Url } | { ok: false; code: number; message: string };

/** curl's URL parser (urlapi) for what the simulator serves: http and https. */
export function parseUrl(raw: string): UrlResult {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(.*)$/s.exec(raw);
  const scheme = m ? m[1]!.toLowerCase() : 'http';
  const rest = m ? m[2]! : raw;
  if (scheme !== 'http' && scheme !== 'https') return { ok: false, code: 1, message: `Protocol "${m![1]}" not supported` };
  const cut = rest.search(/[/?#]/);
  let authority = cut < 0 ? rest : rest.slice(0, cut);
  let path = cut < 0 ? '/' : rest.slice(cut);
  path = path.replace(/#.*$/s, '');
  if (path.startsWith('?')) path = `/${path}`;
  if (path === '') path = '/';
  authority = authority.replace(/^.*@/, '');
  let host = authority;
  let portText: string | undefined;
  const v6 = /^\[([^\]]*)\](?::(.*))?$/.exec(authority);
  if (v6) {
    host = v6[1]!;
    portText = v6[2];
  } else if (authority.includes(':')) {
    host = authority.slice(0, authority.lastIndexOf(':'));
    portText = authority.slice(authority.lastIndexOf(':') + 1);
  }
  if (host === '') return { ok: false, code: 3, message: 'URL rejected: No host part in the URL' };
  let port = scheme === 'https' ? 443 : 80;
  if (portText !== undefined && portText !== '') {
    if (!/^[0-9]+$/.test(portText) || Number(portText) > 65535) return { ok: false, code: 3, message: 'URL rejected: Port number was not a decimal number between 0 and 65535' };
    port = Number(portText);
  }
  host = host.toLowerCase();
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const defaultPort = port === (scheme === 'https' ? 443 : 80);
  const text = `${scheme}://${shownHost}${defaultPort ? '' : `:${port}`}${path}`;
  return { ok: true, url: { scheme, host, port, path, text } };
}

/** A redirect's target, resolved against the URL it came from. */
export function resolveLocation(base: Url, location: string): string {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(location)) return location;
  const origin = `${base.scheme}://${base.host.includes(':') ? `[${base.host}]` : base.host}${base.port === (base.scheme === 'https' ? 443 : 80) ? '' : `:${base.port}`}`;
  if (location.startsWith('/')) return `${origin}${location}`;
  return `${origin}${base.path.replace(/[^/]*$/, '')}${location}`;
}

export interface Response {
  version: '1.0' | '1.1';
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
}

/** What the peer sends back for a request: an HTTP response, a non-HTTP greeting, or nothing. */
export type ServerReply = { kind: 'http'; response: Response } | { kind: 'not-http'; text: string } | { kind: 'silent' };

function isHome(path: string): boolean {
  const p = path.replace(/\?.*$/s, '');
  return p === '/' || p === '/index.html';
}

function notFound(server: string): HttpAnswer {
  return { status: 404, reason: 'Not Found', server, body: '<html>\n<head><title>404 Not Found</title></head>\n<body>\n<h1>404 Not Found</h1>\n</body>\n</html>\n' };
}

/** RFC 7231 IMF-fixdate of a virtual epoch time. */
export function httpDate(ms: number): string {
  const d = new Date(ms);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()]!;
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()]!;
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${day}, ${p(d.getUTCDate())} ${mon} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} GMT`;
}

function response(version: '1.0' | '1.1', a: HttpAnswer, url: Url, date: string, head: boolean): Response {
  const headers: [string, string][] = [['Server', a.server], ['Date', date], ['Content-Type', 'text/html; charset=UTF-8'], ['Content-Length', String(new TextEncoder().encode(a.body).length)]];
  if (a.location !== undefined) {
    // the world's web servers send plain-HTTP visitors to the same place over https
    const target = a.location === 'https://' ? `https://${url.host}${url.path}` : a.location;
    headers.push(['Location', target]);
  }
  if (version === '1.1') headers.push(['Connection', 'keep-alive']);
  return { version, status: a.status, reason: a.reason, headers, body: head ? '' : a.body };
}

/** The peer's answer to `method url` (a HEAD gets the headers alone). */
export function serverReply(peer: Peer, url: Url, method: string, now: number): ServerReply {
  const head = method === 'HEAD';
  const date = httpDate(now);
  if (peer.kind === 'remote') {
    if (peer.http) {
      // the world's sites have their home page only; redirects apply to every path
      const a = peer.http.status === 200 && !isHome(url.path) ? notFound(peer.http.server) : peer.http;
      return { kind: 'http', response: response('1.1', a, url, date, head) };
    }
    if (peer.banner !== undefined) return { kind: 'not-http', text: `${peer.banner}\r\n` };
    return { kind: 'silent' };
  }
  if (peer.comm === 'sshd') return { kind: 'not-http', text: 'SSH-2.0-OpenSSH_9.3\r\n' };
  return { kind: 'silent' };
}

/** The request curl sends, header lines without CRLF. */
export function requestLines(method: string, url: Url, userAgent: string, extra: readonly string[], body: string | undefined): string[] {
  const hostHeader = `${url.host.includes(':') ? `[${url.host}]` : url.host}${url.port === (url.scheme === 'https' ? 443 : 80) ? '' : `:${url.port}`}`;
  const lines = [`${method} ${url.path} HTTP/1.1`];
  const custom = new Map(extra.map((h) => [h.slice(0, h.indexOf(':')).trim().toLowerCase(), h] as const).filter(([k]) => k !== ''));
  const std: [string, string][] = [['host', `Host: ${hostHeader}`], ['user-agent', `User-Agent: ${userAgent}`], ['accept', 'Accept: */*']];
  for (const [k, line] of std) {
    const c = custom.get(k);
    if (c === undefined) lines.push(line);
    else if (!/^[^:]*:\s*$/.test(c)) lines.push(c);
    custom.delete(k);
  }
  for (const line of custom.values()) if (!/^[^:]*:\s*$/.test(line)) lines.push(line);
  if (body !== undefined) {
    lines.push(`Content-Length: ${new TextEncoder().encode(body).length}`, 'Content-Type: application/x-www-form-urlencoded');
  }
  return lines;
}

/** The status line and headers as they arrive (without the blank line). */
export function responseHeaderLines(r: Response): string[] {
  return [`HTTP/${r.version} ${r.status} ${r.reason}`, ...r.headers.map(([k, v]) => `${k}: ${v}`)];
}
