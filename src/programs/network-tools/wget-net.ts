// What one wget process keeps between requests, and its way onto the network (GNU Wget 1.21.3
// src/host.c, connect.c): name lookups with their `Resolving host... addr, addr` line and a
// cache (so a redirect to the same host resolves nothing), one persistent HTTP connection, and
// connecting address by address with `Connecting to host|addr|:port... connected.` or
// `failed: Connection refused.`. Time passes on the virtual clock.
import { strerror, type Errno } from '../../shared/errno';
import type { Peer } from '../../shared/services/traffic';
import type { Ctx } from '../lib/context';
import { type TimeZone, UTC } from '../lib/tz';
import type { WgetConfig } from './wget-args';
import type { WgetLog } from './wget-log';
import { inetAton, preferIPv4, resolveHost, traffic } from './netlib';

/** Linux gives up a connection whose SYNs go unanswered after six retries (tcp_syn_retries). */
const SYN_TIMEOUT_US = 127_000_000;

export interface WgetConn {
  host: string;
  port: number;
  ssl: boolean;
  address: string;
  sport: number;
  peer: Peer;
  rttUs: number;
  /** the stream to a listener of this machine */
  stream?: number;
}

export type ConnectResult = { kind: 'ok'; conn: WgetConn } | { kind: 'host-error' } | { kind: 'failed'; errno: Errno };

export class WgetSession {
  private readonly dns = new Map<string, { family: 4 | 6; address: string }[]>();
  /** the persistent connection (pconn in http.c): one at a time */
  pconn?: WgetConn;
  firstRetrieval = true;
  numUrls = 0;
  totalBytes = 0;
  totalTime = 0;

  constructor(
    readonly ctx: Ctx,
    readonly cfg: WgetConfig,
    readonly log: WgetLog,
    readonly quote: (s: string) => string,
    readonly exec: string,
  ) {}

  /** The zone log lines show times in (TZ or /etc/localtime). */
  tz: TimeZone = UTC;

  /** Waits `us` microseconds of virtual time (interruptible). */
  async wait(us: number): Promise<void> {
    if (us > 0) await this.ctx.sys.sleep(us / 1000);
    await this.ctx.tick();
  }

  now(): number {
    return this.ctx.sys.now();
  }

  /** lookup_host(): cached, numeric, or resolved with the `Resolving` line. */
  private async lookup(host: string): Promise<{ family: 4 | 6; address: string }[] | undefined> {
    if (host.includes(':')) return [{ family: 6, address: host }];
    if (/^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/.test(host) && inetAton(host) === host) return [{ family: 4, address: host }];
    const cached = this.cfg.dnsCache ? this.dns.get(host) : undefined;
    if (cached) return cached;
    await this.log.v(`Resolving ${host}... `);
    const r = await resolveHost(this.ctx.sys, host, this.cfg.family);
    if (!r.ok) {
      await this.log.v(`failed: ${r.message}.\n`);
      return undefined;
    }
    // glibc's order for a host without global IPv6: IPv4 first (wget itself keeps it, prefer_none)
    const list = preferIPv4(r.addresses);
    const shown = list.slice(0, 3).map((a) => a.address);
    await this.log.v(`${shown.join(', ')}${list.length > 3 ? ', ...' : ''}\n`);
    if (this.cfg.dnsCache) this.dns.set(host, list);
    return list;
  }

  /** connect_to_host(): the first address that takes the connection. */
  async connect(host: string, port: number, ssl: boolean): Promise<ConnectResult> {
    const list = await this.lookup(host);
    if (!list) {
      await this.log.nq(`${this.exec}: unable to resolve host address ${this.quote(host)}\n`);
      return { kind: 'host-error' };
    }
    let errno: Errno = 'ECONNREFUSED';
    for (const { family, address } of list) {
      if (host !== address) await this.log.v(`Connecting to ${host}|${address}|:${port}... `);
      else await this.log.v(family === 6 ? `Connecting to [${address}]:${port}... ` : `Connecting to ${address}:${port}... `);
      const r = await traffic(this.ctx.sys, { kind: 'connect', dst: address, port });
      if (r.kind === 'connected') {
        await this.wait(r.rttUs);
        await this.log.v('connected.\n');
        return { kind: 'ok', conn: { host, port, ssl, address, sport: r.sport, peer: r.peer, rttUs: r.rttUs, ...(r.conn !== undefined ? { stream: r.conn } : {}) } };
      }
      if (r.kind === 'error') errno = r.errno;
      else if (r.kind === 'refused') {
        await this.wait(r.afterUs);
        errno = 'ECONNREFUSED';
      } else if (r.kind === 'unreachable') {
        await this.wait(r.afterUs);
        errno = r.errno;
      } else {
        const limit = this.cfg.connectTimeout > 0 ? Math.min(this.cfg.connectTimeout * 1e6, SYN_TIMEOUT_US) : SYN_TIMEOUT_US;
        await this.wait(limit);
        errno = 'ETIMEDOUT';
      }
      await this.log.nq(`failed: ${strerror(errno)}.\n`);
    }
    return { kind: 'failed', errno };
  }

  /** retryable_socket_connect_error(): refused and unreachable end the download unless --retry-connrefused. */
  retryable(errno: Errno): boolean {
    if (errno === 'EINVAL') return false;
    if (!this.cfg.retryConnrefused && (errno === 'ECONNREFUSED' || errno === 'ENETUNREACH' || errno === 'EHOSTUNREACH')) return false;
    return true;
  }

  /** sleep_between_retrievals(): nothing before the first; then --waitretry or --wait. */
  async pause(count: number): Promise<void> {
    if (this.firstRetrieval) {
      this.firstRetrieval = false;
      return;
    }
    if (this.cfg.waitretry && count > 1) await this.wait(Math.min(count - 1, this.cfg.waitretry) * 1e6);
    else if (this.cfg.wait) await this.wait(this.cfg.wait * 1e6);
  }
}
