// One HTTP request as wget makes it (GNU Wget 1.21.3 src/http.c gethttp()): connect or reuse
// the persistent connection, send the request, read the status (`HTTP request sent, awaiting
// response... 200 OK`, or every header with -S), then `Location: ... [following]`, `Length:`,
// `Saving to:` and the body with its progress gauge. The retry/redirect logic is the caller's.
import { isSysError, strerror } from '../../shared/errno';
import { responseHeaderLines, serverReply, type Response, type Url } from './curl-http';
import { traffic } from './netlib';
import type { WgetConn, WgetSession } from './wget-net';
import { humanReadable } from './wget-format';
import { createGauge, type Gauge } from './wget-progress';
import { requestPath, type WgetUrl } from './wget-url';

/** The outcomes of gethttp() that http_loop() tells apart (uerr_t). */
export type HErr =
  | 'RETRFINISHED' | 'NEWLOCATION' | 'RETRUNNEEDED' | 'HOSTERR' | 'CONERROR' | 'CONIMPOSSIBLE'
  | 'HERR' | 'FOPENERR' | 'FWRITEERR';

/** struct http_stat: what one request learned. */
export interface HStat {
  localFile: string;
  restval: number;
  len: number;
  contlen: number;
  rdSize: number;
  dltime: number;
  statcode: number;
  message: string;
  error: string;
  newloc?: string;
  /** a 2xx answer (RETROKF) */
  ok: boolean;
  textHtml: boolean;
  /** errno text of a failed open or write */
  ioError?: string;
}

export function newHStat(localFile: string): HStat {
  return { localFile, restval: 0, len: 0, contlen: -1, rdSize: 0, dltime: 0, statcode: 0, message: '', error: '', ok: false, textHtml: false };
}

/** Where the body goes: -O's stream (stdout or a file opened by main), or a file of its own. */
export type Output = { kind: 'stdout' } | { kind: 'fd'; fd: number };

const header = (r: Response, name: string): string | undefined => r.headers.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];

function requestText(s: WgetSession, u: WgetUrl, method: string, restval: number): string {
  const host = u.host.includes(':') ? `[${u.host}]` : u.host;
  const defaultPort = u.port === (u.scheme === 'https' ? 443 : 80);
  const lines = [`${method} ${requestPath(u)} HTTP/1.1`, `Host: ${host}${defaultPort ? '' : `:${u.port}`}`];
  if (restval) lines.push(`Range: bytes=${restval}-`);
  if (s.cfg.userAgent !== '') lines.push(`User-Agent: ${s.cfg.userAgent ?? 'Wget/1.21.3'}`);
  lines.push('Accept: */*', 'Accept-Encoding: identity', `Connection: ${s.cfg.keepAlive ? 'Keep-Alive' : 'Close'}`, ...s.cfg.headers);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** When each byte of a body has arrived: the first flight at once, then a window per round trip. */
function arrivalSecs(bytes: number, rttUs: number): number {
  const FIRST_FLIGHT = 14_480;
  const extraRtts = bytes > FIRST_FLIGHT ? Math.ceil((bytes - FIRST_FLIGHT) / 65_536) : 0;
  return 15e-6 + bytes * 1e-8 + (extraRtts * rttUs) / 1e6;
}

async function mkalldirs(s: WgetSession, file: string): Promise<void> {
  const parts = file.split('/').slice(0, -1);
  let dir = file.startsWith('/') ? '' : '.';
  for (const p of parts) {
    if (p === '') continue;
    dir = dir === '' ? `/${p}` : `${dir}/${p}`;
    try {
      await s.ctx.sys.mkdir(dir, 0o777);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }
}

/** determine_screen_width(): the terminal's columns, or 0 (then 80) when stderr is no terminal. */
function screenWidth(s: WgetSession): number {
  try {
    return s.ctx.sys.winsize(2).cols;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return 0;
  }
}

/** Reads the body into the output, with the gauge; returns FWRITEERR when a write fails. */
async function readBody(s: WgetSession, conn: WgetConn, hs: HStat, body: Uint8Array, out: Output): Promise<HErr> {
  const skip = hs.restval;
  const start = skip ? 0 : hs.restval;
  // the server ignored the Range request (no Content-Range), so the whole body comes back and the
  // first RESTVAL bytes are skipped; the gauge counts it all (fd_read_body's rb_skip_startpos)
  const toread = hs.contlen !== -1 ? hs.contlen : 0;
  let gauge: Gauge | undefined;
  if (s.log.showProgress) {
    const prefix = s.cfg.dirPrefix;
    const name = prefix !== undefined && hs.localFile.startsWith(`${prefix}/`) ? hs.localFile.slice(prefix.length + 1) : hs.localFile;
    const bar = s.cfg.progress === 'bar:force' || (s.cfg.progress !== 'dot' && s.ctx.sys.isatty(2) && (s.cfg.logFile === undefined || s.cfg.showProgress === 1));
    gauge = await createGauge(s.log, { kind: bar ? 'bar' : 'dot', dot: s.cfg.dot }, name, start, start + toread, bar ? screenWidth(s) : 0);
  }
  let done = 0;
  let written = 0;
  let elapsed = 0;
  while (done < body.length) {
    const chunk = body.subarray(done, Math.min(body.length, done + 8192));
    const at = arrivalSecs(done + chunk.length, conn.rttUs);
    await s.wait((at - elapsed) * 1e6);
    elapsed = at;
    const fresh = chunk.subarray(Math.max(0, Math.min(chunk.length, skip - done)));
    try {
      if (fresh.length) {
        if (out.kind === 'stdout') await s.ctx.out.write(new TextDecoder().decode(fresh));
        else await s.ctx.sys.write(out.fd, fresh);
      }
    } catch (e) {
      if (!isSysError(e)) throw e;
      hs.ioError = strerror(e.errno);
      hs.len += written;
      return 'FWRITEERR';
    }
    written += fresh.length;
    done += chunk.length;
    if (gauge) await gauge.update(chunk.length, elapsed);
  }
  if (gauge) await gauge.finish(elapsed);
  hs.len = hs.restval + written;
  hs.rdSize = body.length;
  hs.dltime = elapsed;
  return 'RETRFINISHED';
}

/** gethttp(): one request for `u`; `head` sends HEAD (--spider). */
export async function gethttp(s: WgetSession, u: WgetUrl, hs: HStat, head: boolean, output: Output | undefined): Promise<HErr> {
  const ssl = u.scheme === 'https';
  let conn: WgetConn;
  const p = s.pconn;
  if (s.cfg.keepAlive && p && p.host === u.host && p.port === u.port && p.ssl === ssl) {
    await s.log.v(`Reusing existing connection to ${u.host.includes(':') ? `[${u.host}]` : u.host}:${u.port}.\n`);
    conn = p;
  } else {
    const r = await s.connect(u.host, u.port, ssl);
    if (r.kind === 'host-error') return 'HOSTERR';
    if (r.kind === 'failed') return s.retryable(r.errno) ? 'CONERROR' : 'CONIMPOSSIBLE';
    conn = r.conn;
    // the TLS handshake: one more round trip (the certificate is never in doubt here)
    if (ssl) await s.wait(conn.rttUs);
  }
  const method = head ? 'HEAD' : 'GET';
  const request = requestText(s, u, method, hs.restval);
  if (conn.stream !== undefined) await traffic(s.ctx.sys, { kind: 'send', conn: conn.stream, text: request });
  await s.log.v('HTTP request sent, awaiting response... ');
  const curlUrl: Url = { scheme: ssl ? 'https' : 'http', host: u.host, port: u.port, path: requestPath(u), text: u.url };
  const reply = serverReply(conn.peer, curlUrl, method, s.now());
  if (reply.kind === 'silent') {
    // nothing comes back: wait out --read-timeout (900s by default; 0 waits for ever)
    if (s.cfg.readTimeout <= 0) for (;;) await s.wait(3600e6);
    await s.wait(s.cfg.readTimeout * 1e6);
    await s.log.nq(`Read error (${strerror('ETIMEDOUT')}) in headers.\n`);
    if (conn.stream !== undefined) await traffic(s.ctx.sys, { kind: 'close', conn: conn.stream });
    if (s.pconn === conn) s.pconn = undefined;
    return 'HERR';
  }
  await s.wait(conn.rttUs);
  // HTTP/0.9: no status line, so no headers; the whole answer is the body
  const r: Response | undefined = reply.kind === 'http' ? reply.response : undefined;
  const body = new TextEncoder().encode(r ? r.body : reply.kind === 'not-http' ? reply.text : '');
  const headerBytes = r ? responseHeaderLines(r).join('\r\n').length + 4 : 0;
  await traffic(s.ctx.sys, { kind: 'data', dst: conn.address, port: conn.port, sport: conn.sport, sent: request.length, received: headerBytes + body.length });
  const statcode = r ? r.status : 200;
  const message = r ? r.reason : 'No headers, assuming HTTP/0.9';
  if (!s.cfg.serverResponse) await s.log.v(`${String(statcode).padStart(2)} ${message}\n`);
  else {
    await s.log.v('\n');
    if (r) for (const line of responseHeaderLines(r)) await s.log.always(`  ${line}\n`);
  }
  const lengthText = r ? header(r, 'Content-Length') : undefined;
  const contlen = lengthText !== undefined && /^\s*[0-9]+/.test(lengthText) ? parseInt(lengthText, 10) : -1;
  const keepAlive = s.cfg.keepAlive && r !== undefined && r.version === '1.1' && header(r, 'Connection')?.toLowerCase() !== 'close';
  if (keepAlive) s.pconn = conn;
  else if (s.pconn === conn) s.pconn = undefined;
  // check_file_output(): a name that exists under -nc means there is nothing to do
  if (s.cfg.noClobber && !s.cfg.output && !s.cfg.spider && (await exists(s, hs.localFile))) return 'RETRUNNEEDED';
  hs.statcode = statcode;
  hs.error = message === '' ? '(no description)' : message;
  hs.message = message;
  const type = r ? header(r, 'Content-Type')?.replace(/\s*;.*$/s, '') : undefined;
  hs.newloc = r ? header(r, 'Location') : undefined;
  hs.ok = statcode >= 200 && statcode < 300;
  if (statcode === 204) {
    hs.len = 0;
    hs.restval = 0;
    return 'RETRFINISHED';
  }
  if ([301, 302, 303, 307, 308].includes(statcode) || (statcode === 300 && hs.newloc !== undefined)) {
    await s.log.v(`Location: ${hs.newloc ?? 'unspecified'}${hs.newloc !== undefined ? ' [following]' : ''}\n`);
    hs.len = 0;
    hs.restval = 0;
    return 'NEWLOCATION';
  }
  if (statcode === 300) hs.ok = true;
  hs.textHtml = type === undefined || ['text/html', 'application/xhtml+xml'].includes(type.toLowerCase());
  if (statcode === 416 || (hs.restval > 0 && statcode === 200 && contlen >= 0 && hs.restval >= contlen)) {
    await s.log.v('\n    The file is already fully retrieved; nothing to do.\n\n');
    hs.len = contlen;
    hs.ok = true;
    return 'RETRUNNEEDED';
  }
  hs.contlen = contlen;
  if (s.log.verbose && hs.ok) {
    let text = 'Length: ';
    if (contlen !== -1) text += `${contlen}${contlen >= 1024 ? ` (${humanReadable(contlen, 10, 1)})` : ''}`;
    else text += 'unspecified';
    await s.log.v(`${text}${type !== undefined ? ` [${type}]` : ''}\n`);
  }
  if ((!hs.ok && !s.cfg.contentOnError) || head || s.cfg.spider) {
    hs.len = 0;
    hs.restval = 0;
    return 'RETRFINISHED';
  }
  // open_output_stream()
  let out = output;
  let opened: number | undefined;
  if (!out) {
    await mkalldirs(s, hs.localFile);
    try {
      opened = await s.ctx.sys.open(hs.localFile, { write: true, create: true, ...(hs.restval ? { append: true } : { truncate: true }) }, 0o666);
      out = { kind: 'fd', fd: opened };
    } catch (e) {
      if (!isSysError(e)) throw e;
      hs.ioError = strerror(e.errno);
      await s.log.nq(`${hs.localFile}: ${hs.ioError}\n`);
      return 'FOPENERR';
    }
  }
  await s.log.v(`Saving to: ${s.quote(hs.localFile === '-' ? 'STDOUT' : hs.localFile)}\n`);
  try {
    return await readBody(s, conn, hs, body, out);
  } finally {
    if (opened !== undefined) s.ctx.sys.close(opened);
  }
}

export async function exists(s: WgetSession, path: string): Promise<boolean> {
  try {
    await s.ctx.sys.stat(path);
    return true;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return false;
  }
}
