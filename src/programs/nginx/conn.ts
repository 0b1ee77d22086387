// One client connection: requests are read as they arrive (a connection can carry several, one
// after another), each is served and answered, the access log gets its line, and the connection
// stays open for the next request until keepalive_timeout passes or the client closes it.
import { isSysError } from '../../shared/errno';
import type { Sys } from '../../shared/sys';
import { findServer, inherit, type LocConf, type ServerConf } from './conf-model';
import { INFO } from './conf-values';
import type { OpenSocket } from './cycle';
import { parseRequest, type HttpRequest } from './http-request';
import { byteLength, headerBlock, specialPage, type Response } from './http-response';
import { serveRequest } from './http-serve';
import { RequestState, type ConnInfo, type ServeEnv } from './http-state';
import { traffic } from '../network-tools/netlib';

const LOG_COMBINED = '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"';
/** client_header_timeout's default. */
const HEADER_TIMEOUT = 60_000;
const CHUNK = 256 * 1024;

export interface ConnHost {
  env: ServeEnv;
  /** Whether the master is shutting down (idle connections close). */
  stopping(): boolean;
  /** Writes an access log line to the file opened for `path`. */
  accessLog(path: string, line: string): Promise<void>;
  busy(delta: number): void;
}

type Wait = { kind: 'data'; text: string } | { kind: 'closed' } | { kind: 'timeout' } | { kind: 'intr' };

/** recv with a timeout; a handled signal interrupts it ('intr'). */
async function recv(sys: Sys, conn: number, ms: number): Promise<Wait> {
  const data = traffic(sys, { kind: 'recv', conn }).then((r): Wait => r, (e: unknown): Wait => {
    if (isSysError(e) && e.errno === 'EINTR') return { kind: 'intr' };
    throw e;
  });
  const timer = sys.sleep(ms).then((): Wait => ({ kind: 'timeout' }), (): Wait => ({ kind: 'intr' }));
  data.catch(() => undefined);
  return Promise.race([data, timer]);
}

async function send(sys: Sys, conn: number, text: string): Promise<boolean> {
  for (let i = 0; i < text.length; i += CHUNK) {
    const part = text.slice(i, i + CHUNK);
    let ok = false;
    for (let tries = 0; tries < 200 && !ok; tries++) {
      try {
        ok = (await traffic(sys, { kind: 'answer', conn, text: part })).kind === 'ok';
      } catch (e) {
        // interrupted after the kernel took it: the text was delivered
        if (isSysError(e) && e.errno === 'EINTR') ok = true;
        else throw e;
      }
      if (!ok) await sys.sleep(10).catch(() => undefined);
    }
    if (!ok) return false;
  }
  return true;
}

async function hangup(sys: Sys, conn: number): Promise<void> {
  await traffic(sys, { kind: 'hangup', conn }).catch(() => undefined);
}

function escapeLog(v: string): string {
  return v.replace(/["\\\x00-\x1f\x7f-\uffff]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code > 0xff) return [...new TextEncoder().encode(c)].map((b) => `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
    return `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  });
}

async function accessLog(host: ConnHost, s: RequestState): Promise<void> {
  const logs = inherit(s.loc, 'accessLogs');
  const list = logs === 'off' ? [] : logs ?? [{ path: '/var/log/nginx/access.log', format: 'combined' }];
  for (const a of list) {
    const fmt = a.format === 'combined' ? LOG_COMBINED : s.env.cycle.core.http?.logFormats.get(a.format) ?? LOG_COMBINED;
    const line = fmt.replace(/\$(?:\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g, (_m, x: string | undefined, y: string | undefined) => {
      const v = s.variable((x ?? y)!);
      return v === undefined || v === '' ? (v === '' ? '' : '-') : escapeLog(v);
    });
    await host.accessLog(s.expand(a.path), `${line}\n`);
  }
}

/** Picks the address configuration and local address for a connection to `sock`. */
export function addressOf(sock: OpenSocket, from: string): { servers: ServerConf[]; local: string } {
  const loopback = /^127\./.test(from) || from === '::1';
  const wildcard = sock.plan.address === '0.0.0.0' || sock.plan.address === '::';
  const local = !wildcard ? sock.plan.address : loopback ? from : sock.plan.family === 6 ? '::' : '0.0.0.0';
  const cfg = sock.plan.addrs.find((a) => a.address === local) ?? sock.plan.addrs.find((a) => a.address === sock.plan.address) ?? sock.plan.addrs[0]!;
  return { servers: cfg.servers, local };
}

export async function handleConnection(host: ConnHost, sock: OpenSocket, c: { id: number; from: string; port: number }, number: number): Promise<void> {
  const { sys } = host.env;
  const { servers, local } = addressOf(sock, c.from);
  const info: ConnInfo = { id: number, from: c.from, fromPort: c.port, localAddr: local, localPort: sock.plan.port, requests: 0, started: sys.now() };
  let buf = '';
  let idleLoc: LocConf | undefined;
  let deadline = sys.now() + HEADER_TIMEOUT;
  for (let guard = 0; guard < 100_000; guard++) {
    const parsed = parseRequest(buf);
    if (parsed.kind === 'incomplete') {
      if (host.stopping() && buf.trim() === '') break;
      const left = deadline - sys.now();
      if (left <= 0) {
        if (buf.trim() !== '') await host.env.log(idleLoc, INFO, `client timed out (110: Connection timed out) while reading client request headers, client: ${c.from}, server: ${sock.text}`, number);
        break;
      }
      const w = await recv(sys, c.id, left);
      if (w.kind === 'data') buf += w.text;
      else if (w.kind === 'closed') break;
      else if (w.kind === 'timeout') deadline = sys.now();
      continue;
    }
    const server = findServer(servers, parsed.kind === 'request' ? parsed.req.host : parsed.req?.host);
    if (parsed.kind === 'error') {
      const req: HttpRequest = parsed.req ?? { method: '', rawUri: '', uri: '', args: '', version: 1000, protocol: '', requestLine: parsed.requestLine ?? '', headers: [], host: undefined, body: '', keepalive: false, length: 0 };
      const s = new RequestState(host.env, info, req, server);
      await host.env.log(server.loc, INFO, `${parsed.info}${parsed.requestLine !== undefined ? ` while reading client request line` : ''}, client: ${c.from}, server: ${server.primaryName}${parsed.requestLine ? `, request: "${parsed.requestLine}"` : ''}`, number);
      const status = parsed.status;
      const tokens = inherit(server.loc, 'serverTokens') ?? 'on';
      const body = specialPage(status === 494 ? 494 : status, tokens, false);
      const r: Response = { status: status === 494 ? 400 : status, contentType: 'text/html', contentLength: byteLength(body), headers: [], body, headerOnly: false, keepalive: false, serverTokens: tokens };
      s.status = r.status;
      s.bodyBytes = byteLength(body);
      host.busy(1);
      try {
        await send(sys, c.id, headerBlock(r, sys.now(), { host: local, port: sock.plan.port, absolute: true }) + body);
        await accessLog(host, s);
      } finally {
        host.busy(-1);
      }
      break;
    }
    buf = parsed.rest;
    const req = parsed.req;
    const s = new RequestState(host.env, info, req, server);
    host.busy(1);
    let r: Response;
    try {
      r = await serveRequest(s);
      s.sentHeaders = [...(r.contentType ? [['Content-Type', r.contentType] as [string, string]] : []), ...r.headers];
      if (r.close) {
        await accessLog(host, s);
        break;
      }
      const body = r.headerOnly ? '' : r.body;
      s.bodyBytes = byteLength(body);
      const head = req.version === 9 ? '' : headerBlock(r, sys.now(), { host: req.host || local, port: sock.plan.port, absolute: true });
      const ok = await send(sys, c.id, head + body);
      await accessLog(host, s);
      if (!ok) break;
    } finally {
      host.busy(-1);
    }
    info.requests++;
    idleLoc = s.loc;
    if (!r.keepalive || req.version === 9 || host.stopping()) break;
    deadline = sys.now() + (inherit(s.loc, 'keepaliveTimeout') ?? 75_000);
  }
  await hangup(sys, c.id);
}
