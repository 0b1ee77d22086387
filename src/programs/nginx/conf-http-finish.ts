// What ngx_http_block does once http{} is read: servers without `listen` get *:80 (8000 when
// not root), a "listen ... ssl" needs a certificate, duplicate locations and unknown variables
// fail, and the listening sockets are planned (an address on a port with a wildcard socket is
// served through it unless it has `bind`), with a warning for names two servers of an address share.
import type { ConfBuilder } from './conf-build';
import { ConfError } from './conf-parse';
import type { ListenAddr, LocConf, ServerConf } from './conf-model';
import { addListen, defaultListen } from './conf-listen';
import { knownVariable } from './vars';

/** A listening socket to open and the address configurations reached through it. */
export interface ListenPlan {
  family: 4 | 6;
  address: string;
  port: number;
  text: string;
  ipv6only: boolean;
  addrs: { address: string; text: string; servers: ServerConf[] }[];
}

/** "listen ... ssl" of each server (where it was written). */
export const sslListens = new WeakMap<ServerConf, { file: string | undefined; line: number }>();

export function finishServer(b: ConfBuilder, server: ServerConf): void {
  if (server.listens.length === 0) addListen(b.core.http!.servers, server, defaultListen(b.env.euid));
  if (server.names.length === 0) server.names.push({ name: '', kind: 'exact' });
  server.primaryName = server.names[0]!.kind === 'regex' ? server.names[0]!.name : server.names[0]!.name;
}

function hasCert(loc: LocConf | undefined): boolean {
  for (let l = loc; l; l = l.parent) if (l.seen.has('ssl_certificate')) return true;
  return false;
}

function duplicateLocations(level: LocConf): void {
  const seen: LocConf[] = [];
  for (const l of level.locations) {
    if (l.match === 'regex' || l.match === 'named') {
      duplicateLocations(l);
      continue;
    }
    const twin = seen.find((s) => s.name === l.name && ((s.match === 'exact') === (l.match === 'exact')));
    if (twin) throw new ConfError(`duplicate location "${l.name}" in ${l.file}:${l.line}`, true);
    seen.push(l);
    duplicateLocations(l);
  }
}

/** ngx_http_block after the "}": merge, locations, variables, then the listening sockets. */
export function finishHttp(b: ConfBuilder): void {
  const http = b.core.http!;
  for (const s of http.servers) {
    const ssl = sslListens.get(s);
    if (ssl && !hasCert(s.loc)) throw new ConfError(`no "ssl_certificate" is defined for the "listen ... ssl" directive in ${ssl.file}:${ssl.line}`, true);
  }
  for (const s of http.servers) duplicateLocations(s.loc);
  for (const v of b.usedVariables) {
    if (!knownVariable(v) && !b.definedVariables.has(v)) throw new ConfError(`unknown "${v}" variable`, true);
  }
  b.plan = plan(b, http.servers);
}

function plan(b: ConfBuilder, servers: ServerConf[]): ListenPlan[] {
  const byAddr = new Map<string, { addr: ListenAddr; servers: ServerConf[] }>();
  for (const s of servers) {
    for (const l of s.listens) {
      const e = byAddr.get(l.text) ?? { addr: l, servers: [] };
      e.servers.push(s);
      if (l.bind) e.addr = { ...e.addr, bind: true };
      byAddr.set(l.text, e);
    }
  }
  const out: ListenPlan[] = [];
  for (const { addr, servers: list } of byAddr.values()) {
    const names = new Set<string>();
    for (const s of list) {
      for (const n of s.names) {
        if (n.kind === 'regex') continue;
        if (names.has(n.name)) b.env.warn(`conflicting server name "${n.name}" on ${addr.text}, ignored`);
        names.add(n.name);
      }
    }
    const wildcard = [...byAddr.values()].find((e) => e.addr.wildcard && e.addr.family === addr.family && e.addr.port === addr.port);
    const entry = { address: addr.address, text: addr.text, servers: list };
    if (!addr.wildcard && wildcard && !addr.bind) {
      // served through the wildcard socket of its port
      let p = out.find((o) => o.text === wildcard.addr.text);
      if (!p) {
        p = { family: wildcard.addr.family, address: wildcard.addr.address, port: wildcard.addr.port, text: wildcard.addr.text, ipv6only: wildcard.addr.ipv6only, addrs: [] };
        out.push(p);
      }
      p.addrs.push(entry);
      continue;
    }
    let p = out.find((o) => o.text === addr.text);
    if (!p) {
      p = { family: addr.family, address: addr.address, port: addr.port, text: addr.text, ipv6only: addr.ipv6only, addrs: [] };
      out.push(p);
    }
    p.addrs.unshift(entry);
  }
  return out;
}
