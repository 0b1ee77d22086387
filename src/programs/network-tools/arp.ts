// arp (net-tools 2.10): the kernel's IPv4 neighbour table, read from /proc/net/arp as the real
// tool reads it, in its table (-n, -e, default) or BSD (-a) layout.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { strerror } from '../../shared/errno';
import { isNetError, NTF, NUD, RTN, SCOPE, TABLE, type NetReply, type RouteMsg } from '../../shared/services/net';
import { parseIPv4, samePrefix } from '../../shared/services/net-addr';
import { inetAton } from './netlib';

interface Entry { ip: string; type: number; flags: number; hw: string; mask: string; dev: string }

const ATF = { COM: 0x2, PERM: 0x4, PUBL: 0x8 };

/** The first line of arp's usage (the rest is the option summary). */
const USAGE_TEXT = 'Usage:\n  arp [-vn]  [<HW>] [-i <if>] [-a] [<hostname>]             <-Display ARP cache\n';

/** The lines of /proc/net/arp after its header (sscanf "%s 0x%x 0x%x %s %s %s"; fewer than 4 fields ends the list). */
async function entries(ctx: Ctx): Promise<Entry[] | null> {
  let text: string;
  try {
    text = new TextDecoder().decode(await ctx.sys.readFile('/proc/net/arp'));
  } catch (e) {
    await ctx.perror(e, '/proc/net/arp');
    return null;
  }
  const out: Entry[] = [];
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 4 || !/^0x[0-9a-f]+$/i.test(f[1]!) || !/^0x[0-9a-f]+$/i.test(f[2]!)) break;
    out.push({ ip: f[0]!, type: parseInt(f[1]!, 16), flags: parseInt(f[2]!, 16), hw: f[3]!, mask: f[4] ?? '-', dev: f[5] ?? '-' });
  }
  return out;
}

/** The hardware type's name (get_hwntype; an unknown one falls back to ether). */
const hwName = (type: number): string => (type === 772 ? 'loop' : 'ether');

/** The device an on-link address is reached through (ip_route_output with RTO_ONLINK): a connected route's. */
async function onlinkDevice(ctx: Ctx, ip: string): Promise<number | undefined> {
  const r = (await ctx.sys.call('net', { kind: 'getroutes', family: 4, table: TABLE.MAIN })) as NetReply;
  const target = parseIPv4(ip);
  let best: RouteMsg | undefined;
  for (const rt of 'routes' in r ? r.routes : []) {
    if (rt.type !== RTN.UNICAST || rt.gateway !== undefined || rt.scope < SCOPE.LINK || rt.oif === undefined) continue;
    const net = parseIPv4(rt.dst ?? '0.0.0.0');
    if (!target || !net || !samePrefix(net, target, rt.dstLen)) continue;
    if (!best || rt.dstLen > best.dstLen) best = rt;
  }
  return best?.oif;
}

/**
 * arp -s HOST HWADDR [temp|pub] and arp -d HOST [pub] (SIOCSARP / SIOCDARP): a permanent entry
 * unless temp (which the kernel keeps as stale), a proxy entry with pub; without -i the device
 * is the one the address is on-link through.
 */
async function edit(ctx: Ctx, mode: 's' | 'd', args: string[], iface: string | undefined): Promise<number> {
  const fail = async (msg: string): Promise<number> => {
    await ctx.err.write(`${msg}\n`);
    return 255;
  };
  const [host, ...rest] = args;
  if (host === undefined) return fail('arp: need host name');
  const ip = inetAton(host);
  if (!ip) return fail(`${host}: Unknown host`);
  const call = (req: object): Promise<NetReply> => ctx.sys.call('net', req) as Promise<NetReply>;
  const l = (await call({ kind: 'getlinks' })) as NetReply;
  const links = 'links' in l ? l.links : [];
  let hw: number[] | undefined;
  if (mode === 's') {
    const text = rest.shift();
    if (text === undefined) return fail('arp: need hardware address');
    if (!/^([0-9a-f]{1,2}:){5}[0-9a-f]{1,2}$/i.test(text)) return fail('arp: invalid hardware address');
    hw = text.split(':').map((x) => parseInt(x, 16));
  }
  let temp = false;
  let pub = false;
  for (const w of rest) {
    if (w === 'temp' && mode === 's') temp = true;
    else if (w === 'pub') pub = true;
    else if (w === 'priv' || w === 'dontpub' || w === 'auto') continue;
    else {
      await ctx.err.write(USAGE_TEXT);
      return 3;
    }
  }
  const op = mode === 's' ? 'SIOCSARP' : 'SIOCDARP(dontpub)';
  let ifindex: number | undefined;
  if (iface !== undefined) {
    ifindex = links.find((x) => x.name === iface)?.ifindex;
    if (ifindex === undefined) return fail(`${op}: No such device`);
  } else if (pub && mode === 's') {
    // a proxy entry without a device: the one that has this hardware address
    const mac = hw!.map((b) => b.toString(16).padStart(2, '0')).join(':');
    ifindex = links.find((x) => x.address === mac)?.ifindex;
    if (ifindex === undefined) return fail(`${op}: No such device`);
  } else {
    ifindex = await onlinkDevice(ctx, ip);
    if (ifindex === undefined) return fail(`${op}: Network is unreachable`);
  }
  const neigh = { family: 4, ifindex, dst: ip, state: pub ? NUD.PERMANENT : temp ? NUD.STALE : NUD.PERMANENT, flags: pub ? NTF.PROXY : 0, ...(hw && !pub ? { lladdr: hw } : {}) };
  if (mode === 's') {
    const r = await call({ kind: 'newneigh', nlflags: { create: true, replace: true }, neigh });
    if (isNetError(r)) return fail(`${op}: ${strerror(r.errno)}`);
    return 0;
  }
  const r = await call({ kind: 'delneigh', neigh });
  if (isNetError(r)) {
    if (r.errno === 'ENOENT' || r.errno === 'ENXIO') {
      await ctx.print(`No ARP entry for ${host}\n`);
      return 255;
    }
    return fail(`${op}: ${strerror(r.errno)}`);
  }
  return 0;
}

export default defineProgram({
  name: 'arp',
  installPath: '/usr/sbin/arp',
  pkg: 'net-tools',
  async main(ctx) {
    const args = ctx.argv.slice(1);
    let bsd = false;
    let iface: string | undefined;
    let verbose = false;
    let hwType: string | undefined;
    let mode: 's' | 'd' | undefined;
    const hosts: string[] = [];
    const usage = async (msg: string): Promise<number> => {
      await ctx.err.write(`arp: ${msg}\n${USAGE_TEXT}`);
      return 3;
    };
    // getopt_long with "A:H:adfp:nsei:t:vh?DNV": short options may be bundled
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '-V' || a === '--version') return ctx.print('net-tools 2.10\n+NEW_ADDRT +RTF_IRTT +RTF_REJECT +FW_MASQUERADE +I18N +SELINUX\nAF: (inet) +UNIX +INET +INET6 +IPX +AX25 +NETROM +X25 +ATALK +ECONET +ROSE +BLUETOOTH \nHW:  +ETHER +ARC +SLIP +PLIP +TR +AX25 +NETROM +X25 +FR +ROSE +ASH +SIT +FDDI +HIPPI +HDLC/LAPB +EUI64 \n').then(() => 0);
      const long: Record<string, string> = { '--device': 'i', '--all': 'a', '--numeric': 'n', '--verbose': 'v', '--hw-type': 'H', '--protocol': 'A', '--set': 's', '--delete': 'd' };
      const opts = long[a] ? [long[a]!] : /^-[^-]/.test(a) ? [...a.slice(1)] : a.startsWith('--') && a !== '--' ? null : [];
      if (opts === null) return usage(`unrecognized option '${a}'`);
      if (!opts.length) {
        hosts.push(a);
        continue;
      }
      for (let j = 0; j < opts.length; j++) {
        const o = opts[j]!;
        if ('iHtAp'.includes(o)) {
          const rest = long[a] ? '' : a.slice(j + 2);
          const v = rest || args[++i];
          if (v === undefined) return usage(`option requires an argument -- '${o}'`);
          if (o === 'i') iface = v;
          else if (o === 'H' || o === 't') {
            const arpTypes = ['ash', 'ether', 'ax25', 'netrom', 'rose', 'arcnet', 'dlci', 'fddi', 'hippi', 'irda', 'x25', 'eui64'];
            const others = ['loop', 'slip', 'cslip', 'slip6', 'cslip6', 'adaptive', 'tr', 'tunnel', 'ppp', 'hdlc', 'lapb', 'sit', 'unspec', 'frad', 'ec', 'infiniband'];
            if (!arpTypes.includes(v)) {
              await ctx.err.write(`arp: ${v}: ${others.includes(v) ? 'hardware type without ARP support' : 'unknown hardware type'}.\n`);
              return 255;
            }
            hwType = v;
          } else if ((o === 'A' || o === 'p') && v !== 'inet') {
            const families = ['unix', 'inet6', 'ax25', 'netrom', 'rose', 'ipx', 'ddp', 'econet', 'x25', 'ash', 'bluetooth'];
            await ctx.err.write(`arp: ${v}: ${families.includes(v) ? "kernel only supports 'inet'" : 'unknown address family'}.\n`);
            return 255;
          }
          break;
        }
        if (o === 'a') bsd = true;
        else if (o === 'e') bsd = false;
        else if (o === 'v') verbose = true;
        else if (o === 's' || o === 'd') mode = o;
        else if (o !== 'n' && o !== 'D' && o !== 'N') return usage(`invalid option -- '${o}'`);
      }
    }
    if (mode) return edit(ctx, mode, hosts, iface);
    const all = await entries(ctx);
    if (!all) return 1;
    const list = all.filter((e) => (!hwType || hwName(e.type) === hwType) && (!iface || e.dev === iface) && (!hosts.length || hosts.includes(e.ip)));
    let out = '';
    for (const e of list) {
      if (bsd) {
        // arp_disp: what is known, then the flags' words
        out += `? (${e.ip}) at ${e.flags & ATF.COM ? `${e.hw} [${hwName(e.type)}] ` : e.flags & ATF.PUBL ? '<from_interface> ' : '<incomplete> '}`;
        out += `${e.flags & ATF.PERM ? 'PERM ' : ''}${e.flags & ATF.PUBL ? 'PUB ' : ''}on ${e.dev}\n`;
        continue;
      }
      // arp_disp_2: the title once, then "%-23.23s  " address, type and address, flags, iface
      if (!out) out = `${'Address'.padEnd(25)}${'HWtype'.padEnd(8)}${'HWaddress'.padEnd(20)}${'Flags Mask'.padEnd(22)}Iface\n`;
      const fl = `${e.flags & ATF.COM ? 'C' : ''}${e.flags & ATF.PERM ? 'M' : ''}${e.flags & ATF.PUBL ? 'P' : ''}`;
      const hw = e.flags & ATF.COM ? [hwName(e.type), e.hw] : e.flags & ATF.PUBL ? ['*', '<from_interface>'] : ['', '(incomplete)'];
      out += `${e.ip.slice(0, 23).padEnd(25)}${hw[0]!.padEnd(8)}${hw[1]!.slice(0, 20).padEnd(20)}${fl.padEnd(6)}${''.padEnd(16)}${e.dev}\n`;
    }
    if (verbose) out += `Entries: ${all.length}\tSkipped: ${all.length - list.length}\tFound: ${list.length}\n`;
    if (!list.length) {
      if (hosts.length && !bsd) out += `${hosts[0]} (${hosts[0]}) -- no entry\n`;
      else if (hosts.length || iface || hwType) out += `arp: in ${all.length} entries no match found.\n`;
    }
    await ctx.print(out);
    return 0;
  },
});
