// The `listen` directive (ngx_http_core_listen and ngx_parse_url): "80", "*:80", "8080",
// "127.0.0.1:8080", "localhost:8080" (resolved; `host not found` otherwise), "[::]:80",
// "[::1]:8080", with parameters default_server, ssl, http2, bind, ipv6only=, reuseport,
// backlog= ...; and the per-address checks ngx_http_add_listen makes as each one is read.
import { ConfError } from './conf-lexer';
import type { ListenAddr, ServerConf } from './conf-model';
import type { BuildEnv } from './conf-build';

export interface ParsedListen {
  addrs: ListenAddr[];
  ssl: boolean;
  http2: boolean;
}

function portOf(text: string): number | undefined {
  return /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 65535 ? Number(text) : undefined;
}

function v4(text: string): boolean {
  const p = text.split('.');
  return p.length === 4 && p.every((x) => /^\d{1,3}$/.test(x) && Number(x) <= 255);
}

/** Ports of "N" or "N-M" (bounded). */
function ports(text: string, url: string): number[] {
  const dash = text.indexOf('-');
  if (dash < 0) {
    const p = portOf(text);
    if (p === undefined) throw new ConfError(`invalid port in "${url}" of the "listen" directive`);
    return [p];
  }
  const a = portOf(text.slice(0, dash));
  const b = portOf(text.slice(dash + 1));
  if (a === undefined || b === undefined) throw new ConfError(`invalid port in "${url}" of the "listen" directive`);
  if (a > b) throw new ConfError(`invalid port range in "${url}" of the "listen" directive`);
  const out: number[] = [];
  for (let p = a; p <= b && out.length < 64; p++) out.push(p);
  return out;
}

const text = (family: 4 | 6, address: string, port: number): string => (family === 6 ? `[${address}]:${port}` : `${address}:${port}`);

export async function parseListen(env: BuildEnv, args: string[]): Promise<ParsedListen> {
  const url = args[0]!;
  let hosts: { family: 4 | 6; address: string }[];
  let portList: number[];
  if (url.toLowerCase().startsWith('unix:')) throw new ConfError(`unix domain sockets are not supported in "${url}" of the "listen" directive`);
  if (url.startsWith('[')) {
    const end = url.indexOf(']');
    if (end < 0) throw new ConfError(`invalid host in "${url}" of the "listen" directive`);
    const host = url.slice(1, end);
    const rest = url.slice(end + 1);
    if (rest !== '' && !rest.startsWith(':')) throw new ConfError(`invalid host in "${url}" of the "listen" directive`);
    if (!/^[0-9a-fA-F:.]+$/.test(host) || !host.includes(':')) throw new ConfError(`invalid IPv6 address in "${url}" of the "listen" directive`);
    hosts = [{ family: 6, address: host.toLowerCase() }];
    portList = rest ? ports(rest.slice(1), url) : [80];
  } else {
    if (/[/?]/.test(url)) throw new ConfError(`invalid host in "${url}" of the "listen" directive`);
    const colon = url.indexOf(':');
    let host: string;
    if (colon >= 0) {
      host = url.slice(0, colon);
      portList = ports(url.slice(colon + 1), url);
    } else if (/^[\d-]+$/.test(url)) {
      host = '*';
      portList = ports(url, url);
    } else {
      host = url;
      portList = [80];
    }
    if (host === '') throw new ConfError(`no host in "${url}" of the "listen" directive`);
    if (host === '*' || host === '0.0.0.0') hosts = [{ family: 4, address: '0.0.0.0' }];
    else if (v4(host)) hosts = [{ family: 4, address: host }];
    else {
      const r = await env.resolve(host);
      if (!r || r.length === 0) throw new ConfError(`host not found in "${url}" of the "listen" directive`);
      hosts = r;
    }
  }
  const opt = { defaultServer: false, set: false, bind: false, ipv6only: true, ssl: false, http2: false };
  for (const p of args.slice(1)) {
    if (p === 'default_server' || p === 'default') opt.defaultServer = true;
    else if (p === 'bind') opt.set = opt.bind = true;
    else if (p === 'ssl') opt.ssl = true;
    else if (p === 'http2') opt.http2 = true;
    else if (p === 'reuseport' || p === 'deferred') opt.set = opt.bind = true;
    else if (p === 'proxy_protocol') continue;
    else if (/^(backlog|rcvbuf|sndbuf|fastopen|setfib|accept_filter)=/.test(p)) {
      const [k, v] = p.split('=') as [string, string];
      if (k !== 'accept_filter' && !/^-?\d+[kKmM]?$/.test(v)) throw new ConfError(`invalid ${k} "${v}"`);
      opt.set = opt.bind = true;
    } else if (p.startsWith('ipv6only=')) {
      const v = p.slice(9);
      if (v !== 'on' && v !== 'off') throw new ConfError(`invalid ipv6only flags "${v}"`);
      opt.ipv6only = v === 'on';
      opt.set = opt.bind = true;
    } else if (p.startsWith('so_keepalive=')) opt.set = opt.bind = true;
    else if (p === 'quic') throw new ConfError('the "quic" parameter requires ngx_http_v3_module');
    else throw new ConfError(`invalid parameter "${p}"`);
  }
  const addrs: ListenAddr[] = [];
  for (const h of hosts) {
    for (const port of portList) {
      const wildcard = h.address === '0.0.0.0' || h.address === '::';
      addrs.push({ family: h.family, address: h.address, port, text: text(h.family, h.address, port), wildcard, ipv6only: opt.ipv6only, defaultServer: opt.defaultServer, set: opt.set, bind: opt.bind });
    }
  }
  return { addrs, ssl: opt.ssl, http2: opt.http2 };
}

/** ngx_http_add_addresses' checks against the servers read so far, then records the address. */
export function addListen(servers: ServerConf[], server: ServerConf, addr: ListenAddr): void {
  const same = (l: ListenAddr): boolean => l.family === addr.family && l.address === addr.address && l.port === addr.port;
  const others = servers.flatMap((s) => s.listens.filter(same).map((l) => ({ s, l })));
  if (others.length > 0) {
    if (addr.set && others.some((o) => o.l.set)) throw new ConfError(`duplicate listen options for ${addr.text}`);
    if (addr.defaultServer && others.some((o) => o.l.defaultServer)) throw new ConfError(`a duplicate default server for ${addr.text}`);
    if (others.some((o) => o.s === server)) throw new ConfError(`a duplicate listen ${addr.text}`);
  }
  server.listens.push(addr);
}

export function defaultListen(euid: number): ListenAddr {
  const port = euid === 0 ? 80 : 8000;
  return { family: 4, address: '0.0.0.0', port, text: `0.0.0.0:${port}`, wildcard: true, ipv6only: true, defaultServer: false, set: false, bind: false };
}
