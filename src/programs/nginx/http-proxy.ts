// proxy_pass: the request goes on to the upstream (a server of this machine over the traffic
// service's streams, or one of the simulated world's web servers) as HTTP/1.0 with
// "Connection: close", and its answer comes back with nginx's own Server and Date. A refused
// connection is a 502, one that never answers a 504 after proxy_connect_timeout (60s), with
// the error log lines nginx writes for them.
import { inherit } from './conf-model';
import { ERR } from './conf-values';
import { sleepThrough } from './cycle';
import type { Outcome, RequestState } from './http-state';
import { byteLength, type Response } from './http-response';
import { parseUrl, serverReply } from '../network-tools/curl-http';
import { streamExchange } from '../network-tools/http-stream';
import { resolveHost, traffic } from '../network-tools/netlib';

const HIDDEN = new Set(['date', 'server', 'x-pad', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-type', 'last-modified']);
const HOP = new Set(['host', 'connection', 'keep-alive', 'te', 'upgrade', 'proxy-connection', 'transfer-encoding']);

let rotation = 0;

async function fail(s: RequestState, upstream: string, message: string, status: number): Promise<Outcome> {
  const host = s.req.headers.find(([k]) => k.toLowerCase() === 'host')?.[1];
  await s.env.log(s.loc, ERR, `${message} while connecting to upstream, client: ${s.conn.from}, server: ${s.server.primaryName}, request: "${s.req.requestLine}", upstream: "${upstream}"${host !== undefined ? `, host: "${host}"` : ''}`, s.conn.id);
  return { kind: 'status', status };
}

export async function proxy(s: RequestState, pass: string): Promise<Outcome> {
  const url = s.expand(pass);
  const m = /^(https?):\/\/([^/]+?)(\/.*)?$/i.exec(url);
  if (!m) return { kind: 'status', status: 500 };
  const scheme = m[1]!.toLowerCase();
  let authority = m[2]!;
  const servers = s.env.cycle.core.http?.upstreams.get(authority.replace(/:\d+$/, ''));
  if (servers && servers.length) authority = servers[rotation++ % servers.length]!;
  const parsed = parseUrl(`${scheme}://${authority}/`);
  if (!parsed.ok) return { kind: 'status', status: 500 };
  const { host, port } = parsed.url;
  // with a URI part, it replaces the part of the request URI the location matched
  let path: string;
  if (m[3] !== undefined && (s.loc.match === 'prefix' || s.loc.match === 'noregex' || s.loc.match === 'exact')) {
    path = m[3] + s.uri.slice(s.loc.name.length) + (s.args ? `?${s.args}` : '');
  } else if (m[3] !== undefined) path = m[3];
  else path = s.uri === s.req.uri && s.args === s.req.args ? s.req.rawUri.replace(/^[a-z]+:\/\/[^/]*/i, '') : s.uri + (s.args ? `?${s.args}` : '');
  const upstream = `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}${path}`;
  let address = host;
  if (!/^[\d.]+$/.test(host) && !host.includes(':')) {
    const r = await resolveHost(s.env.sys, host, 0);
    if (!r.ok) return fail(s, upstream, `${host} could not be resolved (3: Host not found)`, 502);
    address = r.addresses.find((a) => a.family === 4)?.address ?? r.addresses[0]!.address;
  }
  const c = await traffic(s.env.sys, { kind: 'connect', dst: address, port });
  const shown = `${scheme}://${address.includes(':') ? `[${address}]` : address}:${port}${path}`;
  if (c.kind === 'refused') return fail(s, shown, 'connect() failed (111: Connection refused)', 502);
  if (c.kind === 'unreachable' || c.kind === 'error') return fail(s, shown, `connect() failed (${c.kind === 'error' && c.errno === 'ENETUNREACH' ? '101: Network is unreachable' : '113: No route to host'})`, 502);
  if (c.kind === 'timeout') {
    await sleepThrough(s.env.sys, 60_000);
    return fail(s, shown, 'upstream timed out (110: Connection timed out)', 504);
  }
  const hostHeader = `${host.includes(':') ? `[${host}]` : host}${port === 80 ? '' : `:${port}`}`;
  const set = inherit(s.loc, 'proxySetHeaders') ?? [];
  const lines = [`${s.method} ${path} HTTP/1.0`];
  const hostSet = set.find(([k]) => k.toLowerCase() === 'host');
  lines.push(`Host: ${hostSet ? s.expand(hostSet[1]) : hostHeader}`);
  for (const [k, v] of set) if (k.toLowerCase() !== 'host' && s.expand(v) !== '') lines.push(`${k}: ${s.expand(v)}`);
  lines.push('Connection: close');
  for (const [k, v] of s.req.headers) {
    const lk = k.toLowerCase();
    if (HOP.has(lk) || set.some(([sk]) => sk.toLowerCase() === lk)) continue;
    lines.push(`${k}: ${v}`);
  }
  const request = `${lines.join('\r\n')}\r\n\r\n${s.req.body}`;
  let reply;
  if (c.conn !== undefined) reply = await streamExchange(s.env.sys, c.conn, request, s.method === 'HEAD');
  else {
    const u = parseUrl(`${scheme}://${hostHeader}${path}`);
    reply = u.ok ? serverReply(c.peer, u.url, s.method, s.env.sys.now()) : { kind: 'silent' as const };
  }
  if (c.conn !== undefined) await traffic(s.env.sys, { kind: 'close', conn: c.conn }).catch(() => undefined);
  if (reply.kind !== 'http') {
    const host2 = s.req.headers.find(([k]) => k.toLowerCase() === 'host')?.[1];
    await s.env.log(s.loc, ERR, `upstream prematurely closed connection while reading response header from upstream, client: ${s.conn.from}, server: ${s.server.primaryName}, request: "${s.req.requestLine}", upstream: "${shown}"${host2 !== undefined ? `, host: "${host2}"` : ''}`, s.conn.id);
    return { kind: 'status', status: 502 };
  }
  const up = reply.response;
  const get = (name: string): string | undefined => up.headers.find(([k]) => k.toLowerCase() === name)?.[1];
  const r: Response = {
    status: up.status,
    headers: up.headers.filter(([k]) => !HIDDEN.has(k.toLowerCase()) && !k.toLowerCase().startsWith('x-accel-')),
    body: up.body,
    contentLength: byteLength(up.body),
    headerOnly: false,
    keepalive: true,
    serverTokens: 'on',
  };
  const ct = get('content-type');
  if (ct !== undefined) r.contentType = ct;
  const lm = get('last-modified');
  if (lm !== undefined) r.headers.unshift(['Last-Modified', lm]);
  return { kind: 'response', r };
}
