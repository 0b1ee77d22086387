// netstat (net-tools 2.10): the Internet sockets (-t -u -l -a -n -p), the kernel routing table
// (-r) and the interface counters (-i), in net-tools' fixed-width columns. Host and port names
// come from /etc/hosts, DNS and /etc/services unless -n; addr:port pairs are cut to 22
// characters unless -W. There is no Unix-domain socket table here, so that section is empty.
import { IFF, type NetReply } from '../../shared/services/net';
import type { SocketInfo, SocketReply } from '../../shared/services/sockets';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError, type OptionDef } from '../lib/getopt';
import { NetDb } from '../netfilter/netdb';
import { reverseName } from './netlib';
import { fib4, fib6 } from './proc-routes';
import { statistics } from './netstat-stats';
import { interfaces as ifList, printLong, printShort } from '../iproute/ifconfig-show';
import { groupsOf } from '../iproute/ip-maddr';
import { NETSTAT_FAMILIES, NETSTAT_USAGE, NETSTAT_VERSION } from './netstat-usage';

const DEFS: OptionDef[] = [
  ...[...new Set('vWeNcCFMacdghilnoprsStuUVwx46Z')].map((c) => ({ key: c, short: c })),
  { key: 'A', short: 'A', arg: 'required' },
  ...[['verbose', 'v'], ['wide', 'W'], ['extend', 'e'], ['numeric', 'n'], ['continuous', 'c'], ['all', 'a'], ['listening', 'l'], ['programs', 'p'], ['route', 'r'], ['interfaces', 'i'], ['tcp', 't'], ['udp', 'u'], ['unix', 'x'], ['statistics', 's'], ['version', 'V'], ['help', 'h'], ['timers', 'o'], ['inet', '4'], ['inet6', '6'], ['numeric-hosts', 'NH'], ['numeric-ports', 'NP'], ['numeric-users', 'NU']]
    .map(([long, key]) => ({ key: key!, long: long! })),
];

const TCP_STATE: Readonly<Record<SocketInfo['state'], string>> = {
  LISTEN: 'LISTEN', ESTAB: 'ESTABLISHED', 'TIME-WAIT': 'TIME_WAIT', 'SYN-SENT': 'SYN_SENT', 'CLOSE-WAIT': 'CLOSE_WAIT', UNCONN: 'CLOSE',
};

interface Opts {
  has(k: string): boolean;
  count(k: string): number;
  /** the last -A family */
  family: string | undefined;
  numericHost: boolean;
  numericPort: boolean;
  wide: boolean;
}

export default defineProgram({
  name: 'netstat',
  installPath: '/usr/bin/netstat',
  pkg: 'net-tools',
  async main(ctx) {
    let parsed;
    try {
      parsed = getopt(ctx.argv.slice(1), DEFS);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`netstat: ${e.message}\n${NETSTAT_USAGE}${NETSTAT_FAMILIES}`);
      return 3;
    }
    const has = (k: string): boolean => parsed.flags.has(k);
    if (has('h')) {
      await ctx.print(NETSTAT_USAGE);
      await ctx.out.flush();
      await ctx.err.write(NETSTAT_FAMILIES);
      return 0;
    }
    if (has('V')) {
      await ctx.print(NETSTAT_VERSION);
      return 0;
    }
    const o: Opts = { has, count: (k) => parsed.flags.get(k) ?? 0, family: parsed.values.get('A')?.at(-1), numericHost: has('n') || has('NH'), numericPort: has('n') || has('NP'), wide: has('W') };
    // one of -i, -r, -M, -s at a time
    if (['i', 'r', 'M', 's'].filter(has).length > 1) {
      await ctx.err.write(`${NETSTAT_USAGE}${NETSTAT_FAMILIES}`);
      return 3;
    }
    if (has('M')) {
      await ctx.err.write("netstat: no support for `ip_masquerade' on this system.\n");
      return 1;
    }
    const af = parsed.values.get('A')?.at(-1);
    if (af !== undefined && !['inet', 'inet6', 'unix', 'ipx', 'ax25', 'netrom', 'ddp', 'x25', 'rose', 'bluetooth'].includes(af)) {
      await ctx.err.write(`Unknown address family \`${af}'.\n`);
      return 1;
    }
    if (has('g')) return groups(ctx, o);
    if (has('s')) {
      // no protocol named: all of them
      const any = has('t') || has('u') || has('w');
      return statistics(ctx, { raw: !any || has('w'), tcp: !any || has('t'), udp: !any || has('u') });
    }
    if (has('r')) return routes(ctx, o);
    if (has('i')) return interfaces(ctx, o);
    return sockets(ctx, o);
  },
});

/** addr:port as net-tools prints it, cut to 22 characters (the port kept) unless -W. */
function addrPort(addr: string, port: string, wide: boolean): string {
  if (wide || addr.length + port.length <= 22) return `${addr}:${port}`;
  const portLen = Math.min(port.length, 22 - 4);
  return `${addr.slice(0, 22 - portLen)}:${port.slice(0, portLen)}`;
}

async function sockets(ctx: Ctx, o: Opts): Promise<number> {
  const reply = (await ctx.sys.call('sockets', { kind: 'list' })) as SocketReply;
  const all = reply.kind === 'list' ? reply.sockets : [];
  const db = await NetDb.load(ctx.sys);
  const flagArg = o.has('t') || o.has('u') || o.has('x') || o.has('w');
  const listening = o.has('l');
  const everything = o.has('a');
  const euid = ctx.sys.geteuid();
  if (o.has('p') && euid !== 0) {
    const own = all.some((s) => s.uid === euid);
    await ctx.err.write(own
      ? '(Not all processes could be identified, non-owned process info\n will not be shown, you would have to be root to see it all.)\n'
      : `(No info could be read for "-p": geteuid()=${euid} but you should be root.)\n`);
  }
  const names = new Map<string, string>();
  const host = async (s: SocketInfo, a: string): Promise<string> => {
    if (s.family === 6) {
      if (o.numericHost) return a;
      if (a === '::') return '[::]';
    } else if (o.numericHost || a === '0.0.0.0') return a;
    if (!names.has(a)) names.set(a, (await reverseName(ctx.sys, a)) ?? a);
    return names.get(a)!;
  };
  const port = (p: number, proto: string): string => (p === 0 ? '*' : o.numericPort ? String(p) : db.serviceByPort(p, proto) ?? String(p));
  const which = everything ? '(servers and established)' : listening ? '(only servers)' : '(w/o servers)';
  let out = '';
  if (!flagArg || o.has('t') || o.has('u')) {
    out += `Active Internet connections ${which}\nProto Recv-Q Send-Q Local Address           Foreign Address         State      ${o.has('p') ? ' PID/Program name    ' : ''}\n`;
    const sel = (proto: 'tcp' | 'udp'): SocketInfo[] => {
      if (flagArg && !o.has(proto === 'tcp' ? 't' : 'u')) return [];
      return all.filter((s) => s.proto === proto && (!o.has('4') || o.has('6') || s.family === 4) && (!o.has('6') || o.has('4') || s.family === 6))
        .filter((s) => {
          const server = s.state === 'LISTEN' || s.state === 'UNCONN';
          return everything || (listening ? server : !server);
        })
        .sort((a, b) => a.family - b.family || a.id - b.id);
    };
    for (const s of [...sel('tcp'), ...sel('udp')]) {
      const prot = s.family === 6 ? `${s.proto}6` : s.proto;
      const local = addrPort(await host(s, s.localAddress), port(s.localPort, s.proto), o.wide);
      const remote = addrPort(await host(s, s.peerAddress), port(s.peerPort, s.proto), o.wide);
      const state = s.proto === 'tcp' ? TCP_STATE[s.state] : s.state === 'ESTAB' ? 'ESTABLISHED' : '';
      const recvQ = s.proto === 'tcp' && s.state === 'LISTEN' ? 0 : s.recvQ;
      const sendQ = s.proto === 'tcp' && s.state === 'LISTEN' ? 0 : s.sendQ;
      const head = s.proto === 'tcp'
        ? `${prot.padEnd(4)}  ${String(recvQ).padStart(6)} ${String(sendQ).padStart(6)} ${local.padEnd(23)} ${remote.padEnd(23)} ${state.padEnd(11)}`
        : `${prot.padEnd(5)} ${String(recvQ).padStart(6)} ${String(sendQ).padStart(6)} ${local.padEnd(23)} ${remote.padEnd(23)} ${state.padEnd(11)}`;
      const prog = o.has('p') ? ` ${(euid === 0 || s.uid === euid ? `${s.pid}/${s.comm}` : '-').slice(0, 19).padEnd(20)}` : '';
      out += `${head}${prog}\n`;
    }
  }
  if (!flagArg || o.has('x')) {
    out += `Active UNIX domain sockets ${which}\nProto RefCnt Flags       Type       State         I-Node   ${o.has('p') ? 'PID/Program name    ' : ''}Path\n`;
  }
  await ctx.print(out);
  return 0;
}

/**
 * netstat -r: route_info with net-tools' swapped extension level (none: the MSS/Window/irtt
 * columns; -e: Metric/Ref/Use; -ee: both), for inet or, with -6 / -A inet6, inet6.
 */
async function routes(ctx: Ctx, o: Opts): Promise<number> {
  const exp = 1 + o.count('e');
  const ext = (exp === 1 ? 2 : exp === 2 ? 1 : exp) & 3;
  const resolve = async (a: string): Promise<string | undefined> => reverseName(ctx.sys, a);
  const v6 = o.has('6') || o.family === 'inet6';
  const out = v6 ? await fib6(ctx, o.numericHost, resolve) : await fib4(ctx, ext, o.numericHost, resolve);
  if (out === null) return 1;
  await ctx.print(out);
  return 0;
}

/**
 * netstat -g: the multicast groups of /proc/net/igmp (IPv4, by device) and then
 * /proc/net/igmp6 (IPv6), which list each device's groups newest first.
 */
async function groups(ctx: Ctx, o: Opts): Promise<number> {
  const [l, a] = await Promise.all([ctx.sys.call('net', { kind: 'getlinks' }), ctx.sys.call('net', { kind: 'getaddrs' })]) as [NetReply, NetReply];
  const links = 'links' in l ? l.links : [];
  const addrs = 'addrs' in a ? a.addrs : [];
  const name = async (addr: string): Promise<string> => (o.numericHost ? addr : (await reverseName(ctx.sys, addr)) ?? addr);
  let out = 'IPv6/IPv4 Group Memberships\nInterface       RefCnt Group\n--------------- ------ ---------------------\n';
  const all = links.map((x) => ({ l: x, g: groupsOf(x, addrs) }));
  for (const fam of ['inet', 'inet6'] as const) {
    for (const { l: dev, g } of all) {
      for (const group of g[fam]) out += `${dev.name.padEnd(15)} ${'1'.padEnd(6)} ${await name(group)}\n`;
    }
  }
  await ctx.print(out);
  return 0;
}

/**
 * netstat -i: the interface list ifconfig builds (sorted by name, alias labels included), one
 * short line each after netstat's own header, or with -e ifconfig's long blocks; -a adds the
 * interfaces that are down.
 */
async function interfaces(ctx: Ctx, o: Opts): Promise<number> {
  const [l, a] = await Promise.all([ctx.sys.call('net', { kind: 'getlinks' }), ctx.sys.call('net', { kind: 'getaddrs' })]) as [NetReply, NetReply];
  const links = 'links' in l ? l.links : [];
  const addrs = 'addrs' in a ? a.addrs : [];
  const long = o.count('e') >= 1;
  let out = 'Kernel Interface table\n';
  if (!long) out += 'Iface             MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n';
  for (const e of ifList(links, addrs)) {
    if (!(e.link.flags & IFF.UP) && !o.has('a')) continue;
    out += long ? printLong(e, addrs) : printShort(e);
  }
  await ctx.print(out);
  return 0;
}
