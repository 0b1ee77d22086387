// bash's network redirections: a redirection to /dev/tcp/HOST/PORT or /dev/udp/HOST/PORT opens a
// connection instead of a file (netopen.c). The host and the service are looked up as
// getaddrinfo(3) does (the service first, from /etc/services; then the name), each address is
// tried in turn, and only the last failure is told: `connect: Connection refused` (with no line
// number: bash reports it with sys_error), then the redirection's own `PATH: Connection refused`.
// The connection crosses this machine's firewall like any other (the 'traffic' service).
import { SysError, strerror, type Errno } from '../../shared/errno';
import { GAI_ERRORS, type ResolveReply } from '../../shared/services/resolve';
import type { ConnectReply, RouteReply } from '../../shared/services/traffic';
import { servicePort } from '../lib/getserv';
import type { Interpreter } from './interpreter';

const NET_PATH = /^\/dev\/(tcp|udp)\/([^/]*)\/(.*)$/s;

/** Whether a redirection's target is one bash opens as a connection. */
export function isNetPath(path: string): boolean {
  return NET_PATH.test(path);
}

async function readText(sh: Interpreter, path: string): Promise<string> {
  try {
    return new TextDecoder().decode(await sh.sys.readFile(path));
  } catch {
    return '';
  }
}

/**
 * An IPv4 address in any form inet_aton(3) reads, as getaddrinfo takes it before any lookup:
 * 1 to 4 parts, each decimal, octal (0...) or hex (0x...), the last filling the bytes left
 * (127.1 is 127.0.0.1, 0 is 0.0.0.0).
 */
function inetAton(host: string): string | undefined {
  const parts = host.split('.');
  if (parts.length > 4) return undefined;
  const nums: number[] = [];
  for (const p of parts) {
    if (!/^(0x[0-9a-f]*|0[0-7]*|[1-9][0-9]*)$/i.test(p)) return undefined;
    nums.push(/^0x/i.test(p) ? (p.length > 2 ? Number.parseInt(p.slice(2), 16) : 0) : p.length > 1 && p.startsWith('0') ? Number.parseInt(p, 8) : Number(p));
  }
  const last = nums.pop()!;
  if (nums.some((n) => n > 255) || last >= 2 ** (8 * (4 - nums.length))) return undefined;
  let value = last;
  nums.forEach((n, i) => {
    value += n * 2 ** (8 * (3 - i));
  });
  return [24, 16, 8, 0].map((sh) => Math.floor(value / 2 ** sh) % 256).join('.');
}

/** getaddrinfo's addresses for `host`, IPv4 first (as this machine, without global IPv6, sorts them). */
async function addresses(sh: Interpreter, host: string): Promise<string[] | keyof typeof GAI_ERRORS> {
  if (host === '') return 'EAI_NONAME';
  const numeric = inetAton(host);
  if (numeric !== undefined) return [numeric];
  const r = (await sh.sys.call('resolve', { kind: 'gai', name: host, family: 0 })) as ResolveReply;
  if (r.kind === 'gai-error') return r.error;
  if (r.kind !== 'answer') return 'EAI_AGAIN';
  if (r.addresses.length === 0) return 'EAI_NODATA';
  return [...r.addresses.filter((a) => a.family === 4), ...r.addresses.filter((a) => a.family === 6)].map((a) => a.address);
}

/** The wait before a failure shows: the SYN's retries (tcp_syn_retries), or the answer's time. */
async function wait(sh: Interpreter, ms: number): Promise<void> {
  if (ms > 0) await sh.sys.sleep(ms);
}

async function synRetriesMs(sh: Interpreter): Promise<number> {
  const text = (await readText(sh, '/proc/sys/net/ipv4/tcp_syn_retries')).trim();
  const n = /^\d+$/.test(text) ? Math.min(Number(text), 30) : 6;
  // the retransmissions back off from 1 s, doubling: 1 + 2 + ... + 2^n seconds in all
  return (2 ** (n + 1) - 1) * 1000;
}

async function connectOne(sh: Interpreter, proto: 'tcp' | 'udp', address: string, port: number): Promise<number | Errno> {
  // (Linux takes a connection to the unspecified address as one to this host)
  const dst = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '::1' : address;
  if (proto === 'udp') {
    // a datagram socket connects at once: only a missing route fails it; each write is a datagram
    const r = (await sh.sys.call('traffic', { kind: 'route', dst: address })) as RouteReply;
    if (r.kind === 'error') return r.errno;
    return sh.sys.socket({ proto: 'udp', dst, port });
  }
  const r = (await sh.sys.call('traffic', { kind: 'connect', dst, port })) as ConnectReply;
  switch (r.kind) {
    case 'connected':
      return sh.sys.socket({ proto: 'tcp', ...(r.conn !== undefined ? { conn: r.conn } : {}), ...(r.peer.kind === 'remote' && r.peer.banner ? { greeting: r.peer.banner } : {}) });
    case 'refused':
      await wait(sh, r.afterUs / 1000);
      return 'ECONNREFUSED';
    case 'unreachable':
      await wait(sh, r.afterUs / 1000);
      return r.errno;
    case 'timeout':
      await wait(sh, await synRetriesMs(sh));
      return 'ETIMEDOUT';
    default:
      return r.errno;
  }
}

/**
 * Opens `path` (a /dev/tcp or /dev/udp path) as a connected socket and returns its descriptor;
 * throws a SysError with the errno the redirection reports, after bash's own messages.
 */
export async function openNetPath(sh: Interpreter, path: string): Promise<number> {
  const m = NET_PATH.exec(path)!;
  const proto = m[1] as 'tcp' | 'udp';
  const host = m[2]!;
  const serv = m[3]!;
  // (an empty service is port 0, which nothing listens on)
  const port = serv === '' ? 0 : servicePort(await readText(sh, '/etc/services'), serv, proto);
  if (port === undefined) {
    await sh.error(`${serv}: Servname not supported for ai_socktype`);
    throw new SysError('EINVAL', 'open', path);
  }
  const list = await addresses(sh, host);
  if (typeof list === 'string') {
    await sh.error(`${host}: ${GAI_ERRORS[list]}`);
    throw new SysError('EINVAL', 'open', path);
  }
  let errno: Errno = 'ECONNREFUSED';
  for (const address of list) {
    const r = await connectOne(sh, proto, address, port);
    if (typeof r === 'number') return r;
    errno = r;
  }
  await sh.write(2, `${sh.state.interactive || sh.state.errorContext === 'interactive' ? sh.state.arg0 : sh.state.sourceName()}: connect: ${strerror(errno)}\n`);
  throw new SysError(errno, 'connect', path);
}
