// Reading an HTTP/1.x request from what the client sent so far, as nginx's parser does: the
// request line (method in capitals, URI, "HTTP/major.minor"), header lines, the body by
// Content-Length or chunked; then the URI as nginx uses it: %XX decoded, "//" merged, "." and
// ".." resolved (above the root is a bad request), the arguments after "?".

export interface HttpRequest {
  method: string;
  /** The URI exactly as sent ($request_uri). */
  rawUri: string;
  /** Decoded and normalised path ($uri). */
  uri: string;
  args: string;
  /** 9 (HTTP/0.9), 1000 (1.0), 1001 (1.1) ... as nginx numbers versions. */
  version: number;
  protocol: string;
  requestLine: string;
  headers: [string, string][];
  /** Host without port, lowercased (headers_in.server). */
  host: string | undefined;
  body: string;
  keepalive: boolean;
  /** Bytes of the request (for $request_length). */
  length: number;
}

export type ParseResult =
  | { kind: 'incomplete' }
  | { kind: 'request'; req: HttpRequest; rest: string }
  /** `info`: nginx's log text for it (logged at info level). */
  | { kind: 'error'; status: number; info: string; requestLine: string | undefined; req?: HttpRequest };

const enc = new TextEncoder();

/** Bound on a request head (large_client_header_buffers 4 8k). */
const MAX_HEAD = 32 * 1024;

export function header(req: { headers: [string, string][] }, name: string): string | undefined {
  const n = name.toLowerCase();
  return req.headers.find(([k]) => k.toLowerCase() === n)?.[1];
}

/** ngx_http_parse_complex_uri's result for a path, or undefined for an invalid one. */
export function normaliseUri(path: string, mergeSlashes = true): string | undefined {
  let decoded = '';
  const bytes: number[] = [];
  for (let i = 0; i < path.length; i++) {
    const c = path[i]!;
    if (c === '%') {
      const hex = path.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return undefined;
      bytes.push(parseInt(hex, 16));
      i += 2;
      continue;
    }
    if (bytes.length) {
      decoded += new TextDecoder().decode(new Uint8Array(bytes.splice(0)));
    }
    decoded += c;
  }
  if (bytes.length) decoded += new TextDecoder().decode(new Uint8Array(bytes));
  const out: string[] = [];
  const parts = decoded.split('/');
  for (const [i, p] of parts.entries()) {
    if (i === 0) continue;
    const last = i === parts.length - 1;
    if (p === '.') {
      if (last) out.push('');
      continue;
    }
    if (p === '..') {
      if (out.length === 0) return undefined;
      out.pop();
      if (last) out.push('');
      continue;
    }
    if (p === '' && mergeSlashes && !last) continue;
    out.push(p);
  }
  return `/${out.join('/')}`;
}

export function parseRequest(buf: string): ParseResult {
  const start = buf.search(/[^\r\n]/);
  if (start < 0) return { kind: 'incomplete' };
  const text = buf.slice(start);
  const lineEnd = text.indexOf('\n');
  if (lineEnd < 0) return text.length > MAX_HEAD ? { kind: 'error', status: 414, info: 'client sent too long URI', requestLine: undefined } : { kind: 'incomplete' };
  const requestLine = text.slice(0, lineEnd).replace(/\r$/, '');
  const m = /^([^ ]+) +([^ ]+)(?: +HTTP\/(\d+)\.(\d+))? *$/.exec(requestLine);
  if (!m || !/^[A-Z_-]+$/.test(m[1]!)) return { kind: 'error', status: 400, info: m ? 'client sent invalid method' : 'client sent invalid request', requestLine };
  const method = m[1]!;
  const rawUri = m[2]!;
  const version = m[3] === undefined ? 9 : Number(m[3]) * 1000 + Number(m[4]);
  if (m[3] !== undefined && Number(m[3]) > 1) return { kind: 'error', status: 505, info: 'client sent unsupported HTTP version', requestLine };
  let headEnd: number;
  let headLines: string[] = [];
  if (version === 9) {
    headEnd = lineEnd + 1;
  } else {
    const crlf = text.indexOf('\r\n\r\n', lineEnd - 1);
    const lf = text.indexOf('\n\n', lineEnd);
    const ends = [crlf >= 0 ? crlf + 4 : -1, lf >= 0 ? lf + 2 : -1].filter((n) => n >= 0);
    if (!ends.length) return text.length > MAX_HEAD ? { kind: 'error', status: 494, info: 'client sent too large request', requestLine } : { kind: 'incomplete' };
    headEnd = Math.min(...ends);
    headLines = text.slice(lineEnd + 1, headEnd).split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l !== '');
  }
  const headers: [string, string][] = [];
  for (const l of headLines) {
    const colon = l.indexOf(':');
    if (colon <= 0) return { kind: 'error', status: 400, info: `client sent invalid header line: "${l}"`, requestLine };
    headers.push([l.slice(0, colon).trim(), l.slice(colon + 1).trim()]);
  }
  const protocol = version === 9 ? '' : `HTTP/${m[3]}.${m[4]}`;
  const base = { method, rawUri, version, protocol, requestLine, headers, body: '', keepalive: false, length: 0 };
  const hosts = headers.filter(([k]) => k.toLowerCase() === 'host');
  let host: string | undefined;
  let pathPart = rawUri;
  const absolute = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/([^/?]*)(.*)$/.exec(rawUri);
  if (absolute) {
    host = absolute[1]!.replace(/:\d+$/, '').toLowerCase();
    pathPart = absolute[2] || '/';
  }
  const bad = (info: string, status = 400): ParseResult => ({ kind: 'error', status, info, requestLine, req: { ...base, uri: '', args: '', host } });
  if (hosts.length > 1) return bad('client sent duplicate host header: "Host: ' + hosts[1]![1] + '", previous value: "Host: ' + hosts[0]![1] + '"');
  if (hosts.length === 1 && host === undefined) {
    const h = hosts[0]![1].toLowerCase().replace(/\.$/, '');
    if (!/^(\[[0-9a-f:.]+\]|[a-z0-9._-]*)(:\d*)?$/.test(h)) return bad('client sent invalid host header');
    host = h.replace(/:\d*$/, '');
  }
  if (version === 1001 && hosts.length === 0 && !absolute) return bad('client sent HTTP/1.1 request without "Host" header');
  if (!pathPart.startsWith('/')) return bad('client sent invalid request');
  const q = pathPart.indexOf('?');
  const path = (q < 0 ? pathPart : pathPart.slice(0, q)).replace(/#.*$/, '');
  const args = q < 0 ? '' : pathPart.slice(q + 1).replace(/#.*$/, '');
  const uri = normaliseUri(path);
  if (uri === undefined) return bad('client sent invalid request');
  const te = header({ headers }, 'transfer-encoding');
  const cl = header({ headers }, 'content-length');
  let bodyEnd = headEnd;
  let body = '';
  const rest = text.slice(headEnd);
  if (te !== undefined) {
    if (cl !== undefined) return bad('client sent "Content-Length" and "Transfer-Encoding" headers at the same time');
    if (te.toLowerCase() !== 'chunked') return bad(`client sent unknown "Transfer-Encoding": "${te}"`, 501);
    const chunked = readChunked(rest);
    if (chunked === undefined) return { kind: 'incomplete' };
    if (chunked === 'bad') return bad('client sent invalid chunked body');
    body = chunked.body;
    bodyEnd = headEnd + chunked.used;
  } else if (cl !== undefined) {
    if (!/^\d+$/.test(cl)) return bad('client sent invalid "Content-Length" header');
    const n = Number(cl);
    const bytes = enc.encode(rest);
    if (bytes.length < n) return { kind: 'incomplete' };
    body = new TextDecoder().decode(bytes.slice(0, n));
    bodyEnd = headEnd + body.length;
  }
  const conn = (header({ headers }, 'connection') ?? '').toLowerCase();
  const keepalive = version === 1001 ? !/\bclose\b/.test(conn) : version === 1000 && /\bkeep-alive\b/.test(conn);
  const req: HttpRequest = { ...base, uri, args, host, body, keepalive, length: enc.encode(text.slice(0, bodyEnd)).length };
  return { kind: 'request', req, rest: text.slice(bodyEnd) };
}

function readChunked(text: string): { body: string; used: number } | 'bad' | undefined {
  let pos = 0;
  let body = '';
  for (let i = 0; i < 10_000; i++) {
    const eol = text.indexOf('\r\n', pos);
    if (eol < 0) return undefined;
    const size = parseInt(text.slice(pos, eol).split(';')[0]!.trim(), 16);
    if (Number.isNaN(size)) return 'bad';
    pos = eol + 2;
    if (size === 0) {
      const end = text.indexOf('\r\n', pos);
      if (end < 0) return undefined;
      return { body, used: end + 2 };
    }
    if (text.length < pos + size + 2) return undefined;
    body += text.slice(pos, pos + size);
    pos += size + 2;
  }
  return 'bad';
}
