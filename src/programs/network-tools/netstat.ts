// netstat (net-tools 2.10): the Internet sockets (-t -u -l -a -n -p), the kernel routing table
// (-r) and the interface counters (-i), in net-tools' fixed-width columns. Host and port names
// come from /etc/hosts, DNS and /etc/services unless -n; addr:port pairs are cut to 22
// characters unless -W. There is no Unix-domain socket table here, so that section is empty.
import { IFF, RTN, type LinkMsg, type NetReply, type RouteMsg } from '../../shared/services/net';
import { lenToMask, formatAddr } from '../../shared/services/net-addr';
import type { SocketInfo, SocketReply } from '../../shared/services/sockets';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError, type OptionDef } from '../lib/getopt';
import { NetDb } from '../netfilter/netdb';
import { reverseName } from './netlib';
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
    const o: Opts = { has, numericHost: has('n') || has('NH'), numericPort: has('n') || has('NP'), wide: has('W') };
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

async function routes(ctx: Ctx, o: Opts): Promise<number> {
  const r = (await ctx.sys.call('net', { kind: 'getroutes', family: 4, table: 254 })) as NetReply;
  const list: RouteMsg[] = 'routes' in r ? r.routes.filter((x) => x.type === RTN.UNICAST) : [];
  const links = (await ctx.sys.call('net', { kind: 'getlinks' })) as NetReply;
  const ifname = (i: number | undefined): string => ('links' in links ? links.links.find((l) => l.ifindex === i)?.name : undefined) ?? '*';
  let out = 'Kernel IP routing table\nDestination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n';
  for (const rt of list) {
    const dst = rt.dst ?? '0.0.0.0';
    let dest = dst;
    if (rt.dstLen === 0) dest = o.numericHost ? '0.0.0.0' : 'default';
    else if (rt.dstLen === 32 && !o.numericHost) dest = (await reverseName(ctx.sys, dst)) ?? dst;
    const gw = rt.gateway === undefined ? '0.0.0.0' : o.numericHost ? rt.gateway : ((await reverseName(ctx.sys, rt.gateway)) ?? rt.gateway);
    const mask = formatAddr(lenToMask(4, rt.dstLen));
    const flags = `U${rt.gateway !== undefined ? 'G' : ''}${rt.dstLen === 32 ? 'H' : ''}`;
    out += `${dest.slice(0, 15).padEnd(15)} ${gw.slice(0, 15).padEnd(15)} ${mask.padEnd(15)} ${flags.padEnd(5)} ${'0'.padStart(5)} ${'0'.padEnd(5)} ${'0'.padStart(6)} ${ifname(rt.oif)}\n`;
  }
  await ctx.print(out);
  return 0;
}

function flagLetters(l: LinkMsg): string {
  const f = l.flags;
  if (f === 0) return '[NO FLAGS]';
  const pairs: [number, string][] = [[IFF.ALLMULTI, 'A'], [IFF.BROADCAST, 'B'], [IFF.DEBUG, 'D'], [IFF.LOOPBACK, 'L'], [IFF.MULTICAST, 'M'], [IFF.DYNAMIC, 'd'], [IFF.PROMISC, 'P'], [IFF.NOTRAILERS, 'N'], [IFF.NOARP, 'O'], [IFF.POINTOPOINT, 'P'], [IFF.SLAVE, 's'], [IFF.MASTER, 'm'], [IFF.RUNNING, 'R'], [IFF.UP, 'U']];
  return pairs.filter(([bit]) => f & bit).map(([, c]) => c).join('');
}

async function interfaces(ctx: Ctx, o: Opts): Promise<number> {
  const r = (await ctx.sys.call('net', { kind: 'getlinks' })) as NetReply;
  const links = 'links' in r ? r.links : [];
  let out = 'Kernel Interface table\nIface             MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n';
  for (const l of links) {
    if (!(l.flags & IFF.UP) && !o.has('a')) continue;
    const s = l.stats;
    out += `${l.name.slice(0, 15).padEnd(15)} ${String(l.mtu).padStart(5)} ${String(s.rxPackets).padStart(8)} ${String(s.rxErrors).padStart(6)} ${String(s.rxDropped).padStart(6)} ${String(s.rxFifoErrors).padEnd(6)} `
      + `${String(s.txPackets).padStart(8)} ${String(s.txErrors).padStart(6)} ${String(s.txDropped).padStart(6)} ${String(s.txFifoErrors).padStart(6)} ${flagLetters(l)}\n`;
  }
  await ctx.print(out);
  return 0;
}
