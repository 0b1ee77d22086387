// What nginx 1.26.2 sends back: its status lines (some worded its own way: "302 Moved
// Temporarily", "405 Not Allowed"), its built-in pages for errors and redirects (CRLF line ends,
// the "<hr><center>nginx/1.26.2</center>" footer), and the header block in the order the header
// filter writes it.
import { NGINX_VER } from './options';
import { httpTime } from './log';

const STATUS: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 206: 'Partial Content',
  301: 'Moved Permanently', 302: 'Moved Temporarily', 303: 'See Other', 304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Not Allowed', 406: 'Not Acceptable',
  408: 'Request Time-out', 409: 'Conflict', 410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed', 413: 'Request Entity Too Large',
  414: 'Request-URI Too Large', 415: 'Unsupported Media Type', 416: 'Requested Range Not Satisfiable', 421: 'Misdirected Request', 429: 'Too Many Requests',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out',
  505: 'HTTP Version Not Supported', 507: 'Insufficient Storage',
};

/** The status line after "HTTP/1.1 ": known codes with nginx's text, others as "NNN ". */
export function statusLine(status: number): string {
  const text = STATUS[status];
  return text !== undefined ? `${status} ${text}` : `${String(status).padStart(3, '0')} `;
}

/** The title and heading of the built-in pages (some differ from the status line). */
const PAGE_TITLE: Record<number, string> = {
  302: '302 Found', 401: '401 Authorization Required',
  494: '400 Request Header Or Cookie Too Large', 495: '400 The SSL certificate error', 496: '400 No required SSL certificate was sent', 497: '400 The plain HTTP request was sent to HTTPS port',
};

const PAGE_CODES = new Set([301, 302, 303, 307, 308, 400, 401, 402, 403, 404, 405, 406, 408, 409, 410, 411, 412, 413, 414, 415, 416, 421, 429, 494, 495, 496, 497, 500, 501, 502, 503, 504, 505, 507]);

/** The built-in page for `status`, or '' when nginx sends none (an unknown code). */
export function specialPage(status: number, tokens: 'on' | 'off' | 'build', padding: boolean): string {
  if (!PAGE_CODES.has(status)) return '';
  const title = PAGE_TITLE[status] ?? statusLine(status);
  const h1 = status >= 494 && status <= 497 ? '400 Bad Request' : title;
  const extra = status >= 494 && status <= 497 ? `<center>${title.slice(4)}</center>\r\n` : '';
  const tail = `<hr><center>${tokens === 'off' ? 'nginx' : NGINX_VER}</center>\r\n</body>\r\n</html>\r\n`;
  const pad = padding && status >= 400 ? '<!-- a padding to disable MSIE and Chrome friendly error page -->\r\n'.repeat(6) : '';
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${h1}</h1></center>\r\n${extra}${tail}${pad}`;
}

export interface Response {
  status: number;
  contentType?: string;
  contentLength?: number;
  lastModified?: number;
  /** A relative Location (made absolute in its fixed place) or an absolute one (kept in the list). */
  location?: string;
  /** Headers in the order modules added them (ETag, add_header, Accept-Ranges, proxied ones). */
  headers: [string, string][];
  body: string;
  headerOnly: boolean;
  keepalive: boolean;
  keepaliveHeader?: number;
  serverTokens: 'on' | 'off' | 'build';
  /** Close without answering (return 444). */
  close?: boolean;
  /** A file the range filter may answer parts of ("Accept-Ranges: bytes"). */
  ranges?: boolean;
}

export function emptyResponse(status: number): Response {
  return { status, headers: [], body: '', headerOnly: false, keepalive: false, serverTokens: 'on' };
}

const enc = new TextEncoder();

export function byteLength(text: string): number {
  return enc.encode(text).length;
}

/** The header block (ngx_http_header_filter) for a response to `host`:`port`. */
export function headerBlock(r: Response, now: number, redirect: { host: string; port: number; absolute: boolean }): string {
  const lines = [`HTTP/1.1 ${statusLine(r.status)}`];
  lines.push(`Server: ${r.serverTokens === 'off' ? 'nginx' : NGINX_VER}`);
  lines.push(`Date: ${httpTime(now)}`);
  if (r.contentType) lines.push(`Content-Type: ${r.contentType}`);
  if (r.contentLength !== undefined) lines.push(`Content-Length: ${r.contentLength}`);
  if (r.lastModified !== undefined && (r.status === 200 || r.status === 206 || r.status === 304)) lines.push(`Last-Modified: ${httpTime(r.lastModified)}`);
  const list = [...r.headers];
  if (r.location !== undefined) {
    if (r.location.startsWith('/') && redirect.absolute) {
      lines.push(`Location: http://${redirect.host}${redirect.port === 80 ? '' : `:${redirect.port}`}${r.location}`);
    } else list.unshift(['Location', r.location]);
  }
  lines.push(r.keepalive ? 'Connection: keep-alive' : 'Connection: close');
  if (r.keepalive && r.keepaliveHeader) lines.push(`Keep-Alive: timeout=${r.keepaliveHeader}`);
  for (const [k, v] of list) lines.push(`${k}: ${v}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}
