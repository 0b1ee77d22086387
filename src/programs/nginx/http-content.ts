// The content nginx serves from files: try_files, the index module (a directory's index file
// by internal redirect), autoindex (a directory listing) and the static module (a file with
// its ETag and Last-Modified; a directory without "/" is a 301; POST to a file a 405), with the
// status codes and error log lines their failures give.
import { isSysError, ERRNO, type Errno } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import { flag, inherit, namedLocation } from './conf-model';
import { ALERT, CRIT, ERR } from './conf-values';
import { httpTime } from './log';
import type { Outcome, RequestState } from './http-state';
import { offsetAt } from '../lib/tz';
import { byteLength, type Response } from './http-response';

const errText = (e: Errno): string => ` (${ERRNO[e][0]}: ${ERRNO[e][1]})`;
const errnoOf = (e: unknown): Errno => {
  if (!isSysError(e)) throw e;
  return e.errno;
};

async function logErr(s: RequestState, level: typeof ERR | typeof CRIT | typeof ALERT, message: string): Promise<void> {
  await s.env.log(s.loc, level, `${message}${requestSuffix(s)}`, s.conn.id);
}

/** ", client: ..., server: ..., request: "...", host: "..."" (ngx_http_log_error_handler). */
export function requestSuffix(s: RequestState): string {
  const host = s.req.headers.find(([k]) => k.toLowerCase() === 'host')?.[1];
  const referer = s.req.headers.find(([k]) => k.toLowerCase() === 'referer')?.[1];
  return `, client: ${s.conn.from}, server: ${s.server.primaryName}, request: "${s.req.requestLine}"${host !== undefined ? `, host: "${host}"` : ''}${referer !== undefined ? `, referrer: "${referer}"` : ''}`;
}

const decoder = new TextDecoder();

export function etagOf(st: Stat): string {
  return `"${Math.floor(st.mtime / 1000).toString(16)}-${st.size.toString(16)}"`;
}

/** try_files: the first existing file (or "dir/"), else the last argument. */
export async function tryFiles(s: RequestState, list: string[]): Promise<Outcome | undefined> {
  for (const raw of list.slice(0, -1)) {
    const name = s.expand(raw);
    const dir = name.endsWith('/');
    const path = s.mapUriToPath(name);
    try {
      const st = await s.env.files.stat(dir ? path.replace(/\/+$/, '') || '/' : path);
      if (dir ? st.kind !== 'dir' : st.kind === 'dir') continue;
      s.uri = name;
      return undefined;
    } catch (e) {
      const errno = errnoOf(e);
      if (errno !== 'ENOENT' && errno !== 'ENOTDIR' && errno !== 'ENAMETOOLONG') await logErr(s, CRIT, `stat() "${path}" failed${errText(errno)}`);
    }
  }
  const last = s.expand(list[list.length - 1]!);
  if (last.startsWith('=')) return { kind: 'status', status: Number(last.slice(1)) };
  if (last.startsWith('@')) {
    const named = namedLocation(s.server, last);
    if (!named) {
      await logErr(s, CRIT, `could not find named location "${last}"`);
      return { kind: 'status', status: 500 };
    }
    return { kind: 'named', loc: named };
  }
  const q = last.indexOf('?');
  return { kind: 'internal', uri: q < 0 ? last : last.slice(0, q), args: q < 0 ? s.args : last.slice(q + 1) };
}

/** The content phase for a request without proxy_pass or return. */
export async function serveFiles(s: RequestState): Promise<Outcome> {
  const m = s.method;
  if (s.uri.endsWith('/')) {
    if (m === 'GET' || m === 'HEAD' || m === 'POST') {
      const idx = await index(s);
      if (idx) return idx;
    }
    if (flag(s.loc, 'autoindex') && (m === 'GET' || m === 'HEAD')) return autoindex(s);
    if (m !== 'GET' && m !== 'HEAD' && m !== 'POST') return { kind: 'status', status: 405 };
    await logErr(s, ERR, `directory index of "${s.mapUriToPath()}" is forbidden`);
    return { kind: 'status', status: 403 };
  }
  return staticFile(s);
}

/** ngx_http_index_handler: undefined when no index file exists (the listing may follow). */
async function index(s: RequestState): Promise<Outcome | undefined> {
  const names = inherit(s.loc, 'index') ?? ['index.html'];
  let dirTested = false;
  const dirPath = s.mapUriToPath();
  for (const raw of names) {
    const name = s.expand(raw);
    if (name.startsWith('/')) return { kind: 'internal', uri: name, args: s.args };
    const path = dirPath + name;
    try {
      // the index module only tests that the file is there (stat), the static module opens it
      await s.env.files.stat(path);
      return { kind: 'internal', uri: s.uri + name, args: s.args };
    } catch (e) {
      const errno = errnoOf(e);
      if (errno === 'EACCES') {
        await logErr(s, ERR, `"${path}" is forbidden${errText(errno)}`);
        return { kind: 'status', status: 403 };
      }
      if (errno === 'ENOTDIR' || errno === 'ENAMETOOLONG') return notFound(s, path, errno);
      if (!dirTested) {
        dirTested = true;
        try {
          const st = await s.env.files.stat(dirPath.replace(/\/$/, '') || '/');
          if (st.kind !== 'dir') {
            await logErr(s, ALERT, `"${dirPath.replace(/\/$/, '')}" is not a directory`);
            return { kind: 'status', status: 500 };
          }
        } catch (e2) {
          const e2no = errnoOf(e2);
          if (e2no === 'ENOENT') return notFound(s, path, 'ENOENT');
          if (e2no !== 'EACCES') return { kind: 'status', status: 500 };
        }
      }
    }
  }
  return undefined;
}

async function notFound(s: RequestState, path: string, errno: Errno): Promise<Outcome> {
  if (flag(s.loc, 'log_not_found')) await logErr(s, ERR, `"${path}" is not found${errText(errno)}`);
  return { kind: 'status', status: 404 };
}

/** ngx_http_static_handler. */
async function staticFile(s: RequestState): Promise<Outcome> {
  const m = s.method;
  if (m !== 'GET' && m !== 'HEAD' && m !== 'POST') return { kind: 'status', status: 405 };
  const path = s.mapUriToPath();
  let file: { data: Uint8Array; st: Stat };
  try {
    file = await s.env.files.read(path);
  } catch (e) {
    const errno = errnoOf(e);
    const status = errno === 'ENOENT' || errno === 'ENOTDIR' || errno === 'ENAMETOOLONG' ? 404 : errno === 'EACCES' ? 403 : 500;
    if (status !== 404 || flag(s.loc, 'log_not_found')) await logErr(s, status === 500 ? CRIT : ERR, `open() "${path}" failed${errText(errno)}`);
    return { kind: 'status', status };
  }
  const st = file.st;
  if (st.kind === 'dir') {
    const loc = `${s.uri.replace(/[\x00-\x20"#%?\x7f-\uffff]/g, (c) => encodeURIComponent(c))}/${s.args ? `?${s.args}` : ''}`;
    return { kind: 'status', status: 301, location: loc };
  }
  if (st.kind !== 'file') {
    await logErr(s, CRIT, `"${path}" is not a regular file`);
    return { kind: 'status', status: 404 };
  }
  if (m === 'POST') return { kind: 'status', status: 405 };
  const r: Response = {
    status: 200,
    contentType: s.contentType(),
    contentLength: st.size,
    lastModified: st.mtime,
    headers: flag(s.loc, 'etag') ? [['ETag', etagOf(st)]] : [],
    body: decoder.decode(file.data),
    headerOnly: false,
    keepalive: true,
    serverTokens: 'on',
    ranges: true,
  };
  return { kind: 'response', r };
}

function escapeHtml(t: string): string {
  return t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ngx_http_autoindex_html: directories first, then names in byte order; 50-column names. */
async function autoindex(s: RequestState): Promise<Outcome> {
  const path = s.mapUriToPath();
  let entries: { name: string; st: Stat }[];
  try {
    entries = await s.env.files.list(path);
  } catch (e) {
    const errno = errnoOf(e);
    const status = errno === 'ENOENT' || errno === 'ENOTDIR' ? 404 : errno === 'EACCES' ? 403 : 500;
    await logErr(s, status === 500 ? CRIT : ERR, `opendir() "${path}" failed${errText(errno)}`);
    return { kind: 'status', status };
  }
  entries.sort((a, b) => (a.st.kind === 'dir') !== (b.st.kind === 'dir') ? (a.st.kind === 'dir' ? -1 : 1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const exact = flag(s.loc, 'autoindex_exact_size');
  const local = flag(s.loc, 'autoindex_localtime');
  const uri = escapeHtml(s.uri);
  let body = `<html>\r\n<head><title>Index of ${uri}</title></head>\r\n<body>\r\n<h1>Index of ${uri}</h1><hr><pre><a href="../">../</a>\r\n`;
  for (const { name, st } of entries) {
    const dir = st.kind === 'dir';
    const chars = [...name];
    let shown = escapeHtml(chars.length > 50 ? chars.slice(0, 47).join('') : name);
    let len = chars.length;
    let line = `<a href="${encodeURIComponent(name)}${dir ? '/' : ''}">`;
    if (len > 50) line += `${shown}..&gt;</a>`;
    else {
      if (dir) {
        shown += '/';
        len++;
      }
      line += `${shown}</a>${' '.repeat(Math.max(0, 50 - len))}`;
    }
    const t = new Date(st.mtime + (local ? offsetAt(s.env.tz, Math.floor(st.mtime / 1000)) * 1000 : 0));
    const p2 = (n: number): string => String(n).padStart(2, '0');
    line += ` ${p2(t.getUTCDate())}-${MONTHS[t.getUTCMonth()]}-${t.getUTCFullYear()} ${p2(t.getUTCHours())}:${p2(t.getUTCMinutes())} `;
    if (exact) line += dir ? '                  -' : String(st.size).padStart(19);
    else line += dir ? '      -' : humanSize(st.size);
    body += `${line}\r\n`;
  }
  body += '</pre><hr></body>\r\n</html>\r\n';
  // nginx streams the listing chunked; the length is given instead, which this machine's clients read
  return { kind: 'response', r: { status: 200, contentType: 'text/html', contentLength: byteLength(body), headers: [], body, headerOnly: false, keepalive: true, serverTokens: 'on' } };
}

function humanSize(n: number): string {
  const G = 1024 ** 3;
  const M = 1024 ** 2;
  if (n > G - 1) return `${String(Math.floor(n / G) + (n % G > G / 2 - 1 ? 1 : 0)).padStart(6)}G`;
  if (n > M - 1) return `${String(Math.floor(n / M) + (n % M > M / 2 - 1 ? 1 : 0)).padStart(6)}M`;
  if (n > 9999) return `${String(Math.floor(n / 1024) + (n % 1024 > 511 ? 1 : 0)).padStart(6)}K`;
  return ` ${String(n).padStart(6)}`;
}

export { httpTime };
