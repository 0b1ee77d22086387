// net-tools 2.10 `ifconfig`: lists interfaces, or changes one with the old ioctl
// vocabulary (up, down, mtu, an address with a classful default mask, netmask, broadcast,
// promisc, arp, allmulti, txqueuelen, hw ether, add/del for IPv6). Changes go to the kernel's
// `net` service; each failure is reported as the ioctl that failed.
import { strerror } from '../../shared/errno';
import { isNetError, type AddrMsg, type AddrSpec, type LinkChange, type LinkMsg, type NetReply, type NetRequest } from '../../shared/services/net';
import { formatAddr, maskToLen, parseAddr, parseIPv6 } from '../../shared/services/net-addr';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { classfulBroadcast, interfaces, printLong, printShort, SHORT_HEADER, type IfEntry } from './ifconfig-show';

const USAGE = `Usage:
  ifconfig [-a] [-v] [-s] <interface> [[<AF>] <address>]
  [add <address>[/<prefixlen>]]
  [del <address>[/<prefixlen>]]
  [[-]broadcast [<address>]]  [[-]pointopoint [<address>]]
  [netmask <address>]  [dstaddr <address>]  [tunnel <address>]
  [outfill <NN>] [keepalive <NN>]
  [hw <HW> <address>]  [mtu <NN>]
  [[-]trailers]  [[-]arp]  [[-]allmulti]
  [multicast]  [[-]promisc]
  [mem_start <NN>]  [io_addr <NN>]  [irq <NN>]  [media <type>]
  [txqueuelen <NN>]
  [name <newname>]
  [[-]dynamic]
  [up|down] ...

  <HW>=Hardware Type.
  List of possible hardware types:
    loop (Local Loopback) ether (Ethernet)
  <AF>=Address family. Default: inet
  List of possible address families:
    unix (UNIX Domain) inet (DARPA Internet) inet6 (IPv6)
`;

async function call(ctx: Ctx, req: NetRequest): Promise<NetReply> {
  return (await ctx.sys.call('net', req)) as NetReply;
}

async function snapshot(ctx: Ctx): Promise<{ links: LinkMsg[]; addrs: AddrMsg[] }> {
  const l = await call(ctx, { kind: 'getlinks' });
  const a = await call(ctx, { kind: 'getaddrs' });
  return { links: 'links' in l ? l.links : [], addrs: 'addrs' in a ? a.addrs : [] };
}

/** inet_abc_len: the classful prefix length SIOCSIFADDR gives an address (-1 for class D). */
function classfulLen(bytes: number[]): number {
  const b = bytes[0]!;
  if (bytes.every((x) => x === 0) || bytes.every((x) => x === 255)) return 0;
  if (b < 128) return 8;
  if (b < 192) return 16;
  if (b < 224) return 24;
  if (b < 240) return -1;
  return 32;
}

type FlagName = keyof NonNullable<LinkChange['flags']>;

class Changer {
  failed = false;
  constructor(private readonly ctx: Ctx, private readonly entry: IfEntry) {}

  private async report(ioctl: string, r: NetReply): Promise<boolean> {
    if (!isNetError(r)) return true;
    await this.ctx.err.write(`${ioctl}: ${strerror(r.errno)}\n`);
    this.failed = true;
    return false;
  }

  async link(ioctl: string, change: LinkChange): Promise<void> {
    await this.report(ioctl, await call(this.ctx, { kind: 'setlink', ifindex: this.entry.link.ifindex, change }));
  }

  /** The IPv4 address this label has now (the kernel's list may have changed since the start). */
  private async current(): Promise<AddrMsg | undefined> {
    const { addrs } = await snapshot(this.ctx);
    return addrs.find((a) => a.family === 4 && a.ifindex === this.entry.link.ifindex && a.label === this.entry.name);
  }

  async remove(ioctl: string): Promise<void> {
    const old = await this.current();
    if (old) await this.report(ioctl, await call(this.ctx, { kind: 'deladdr', addr: this.specOf(old) }));
  }

  private specOf(old: AddrMsg): AddrSpec {
    return { family: 4, ifindex: old.ifindex, local: old.local, address: old.address, prefixlen: old.prefixlen, label: old.label ?? this.entry.name };
  }

  /** Deletes and re-adds the label's address with changes, as devinet_ioctl does. */
  async rewrite(ioctl: string, make: (old: AddrMsg | undefined) => AddrSpec | null): Promise<void> {
    const old = await this.current();
    const next = make(old);
    if (!next) return;
    if (old) {
      const del = await call(this.ctx, { kind: 'deladdr', addr: this.specOf(old) });
      if (!(await this.report(ioctl, del))) return;
    }
    await this.report(ioctl, await call(this.ctx, { kind: 'newaddr', nlflags: { create: true, excl: true }, addr: next }));
  }

  spec(local: string, prefixlen: number, broadcast: string | undefined): AddrSpec {
    const s: AddrSpec = { family: 4, ifindex: this.entry.link.ifindex, local, address: local, prefixlen, scope: local.startsWith('127.') ? 254 : 0, label: this.entry.name };
    if (broadcast !== undefined) s.broadcast = broadcast;
    return s;
  }
}

async function change(ctx: Ctx, e: IfEntry, args: string[]): Promise<number> {
  const c = new Changer(ctx, e);
  const flag = (name: FlagName, on: boolean): Promise<void> => c.link('SIOCSIFFLAGS', { flags: { [name]: on } });
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const value = async (): Promise<string | null> => {
      const v = args[++i];
      if (v === undefined) {
        await ctx.err.write(USAGE);
        return null;
      }
      return v;
    };
    if (w === 'up') await c.link('SIOCSIFFLAGS', { up: true });
    else if (w === 'down') {
      // taking an alias label down removes its address; the device stays up
      if (e.alias) await c.remove('SIOCSIFFLAGS');
      else await c.link('SIOCSIFFLAGS', { up: false });
    } else if (w === 'arp' || w === '-arp') await flag('NOARP', w === '-arp');
    else if (w === 'promisc' || w === '-promisc') await flag('PROMISC', w === 'promisc');
    else if (w === 'allmulti' || w === '-allmulti') await flag('ALLMULTI', w === 'allmulti');
    else if (w === 'multicast' || w === '-multicast') await flag('MULTICAST', w === 'multicast');
    else if (w === 'trailers' || w === '-trailers') await flag('NOTRAILERS', w === '-trailers');
    else if (w === 'dynamic' || w === '-dynamic') await flag('DYNAMIC', w === 'dynamic');
    else if (w === 'mtu' || w === 'txqueuelen') {
      const v = await value();
      if (v === null) return 1;
      const n = Number.parseInt(v, 10) || 0;
      await c.link(w === 'mtu' ? 'SIOCSIFMTU' : 'SIOCSIFTXQLEN', w === 'mtu' ? { mtu: n } : { txqlen: n });
    } else if (w === 'netmask') {
      const v = await value();
      if (v === null) return 1;
      const m = parseAddr(v);
      const len = m && m.family === 4 ? maskToLen(m) : -1;
      if (!m || m.family !== 4) {
        await ctx.err.write(`ifconfig: Error resolving '${v}' for netmask\n`);
        c.failed = true;
      } else if (len < 0) {
        await ctx.err.write(`SIOCSIFNETMASK: ${strerror('EINVAL')}\n`);
        c.failed = true;
      } else {
        await c.rewrite('SIOCSIFNETMASK', (old) => {
          if (!old) return null;
          const wasDefault = old.broadcast === classfulBroadcast(old.local, old.prefixlen);
          return c.spec(old.local, len, wasDefault ? classfulBroadcast(old.local, len) : old.broadcast);
        });
      }
    } else if (w === 'broadcast' || w === '-broadcast') {
      const v = w === 'broadcast' && args[i + 1] !== undefined && parseAddr(args[i + 1]!)?.family === 4 ? args[++i]! : undefined;
      await c.rewrite('SIOCSIFBRDADDR', (old) => (old ? c.spec(old.local, old.prefixlen, v) : null));
    } else if (w === 'hw') {
      const type = await value();
      const mac = type === null ? null : await value();
      if (type === null || mac === null) return 1;
      const bytes = mac.split(':').map((x) => parseInt(x, 16));
      if (type !== 'ether' || bytes.length !== 6 || bytes.some((b) => Number.isNaN(b) || b > 255)) {
        await ctx.err.write(`${mac}: invalid ${type === 'ether' ? 'ether' : type} address.\n`);
        c.failed = true;
      } else {
        await c.link('SIOCSIFHWADDR', { address: bytes });
      }
    } else if (w === 'add' || w === 'del') {
      const v = await value();
      if (v === null) return 1;
      const [addr, plen] = v.split('/');
      const a6 = parseIPv6(addr ?? '');
      if (!a6) {
        await ctx.err.write(`ifconfig: Error resolving '${v}' for ${w}\n`);
        c.failed = true;
        continue;
      }
      const local = formatAddr(a6);
      const spec: AddrSpec = { family: 6, ifindex: e.link.ifindex, local, address: local, prefixlen: plen === undefined ? 128 : Number(plen) };
      const r = await call(ctx, w === 'add' ? { kind: 'newaddr', nlflags: { create: true, excl: true }, addr: spec } : { kind: 'deladdr', addr: spec });
      if (isNetError(r)) {
        await ctx.err.write(`${w === 'add' ? 'SIOCSIFADDR' : 'SIOCDIFADDR'}: ${strerror(r.errno)}\n`);
        c.failed = true;
      }
    } else {
      const text = w === 'inet' ? await value() : w;
      if (text === null) return 1;
      const a = parseAddr(text);
      if (!a || a.family !== 4) {
        await ctx.err.write(`${text}: Unknown host\nifconfig: \`--help' gives usage information.\n`);
        return 1;
      }
      const len = classfulLen(a.bytes);
      if (len < 0) {
        await ctx.err.write(`SIOCSIFADDR: ${strerror('EINVAL')}\n`);
        c.failed = true;
        continue;
      }
      await c.rewrite('SIOCSIFADDR', (old) => (old && old.local === text ? null : c.spec(text, len, e.link.flags & 0x2 ? classfulBroadcast(text, len) : undefined)));
      if (!(e.link.flags & 1)) await c.link('SIOCSIFFLAGS', { up: true });
    }
  }
  return c.failed ? 1 : 0;
}

async function main(ctx: Ctx): Promise<number> {
  const args = ctx.argv.slice(1);
  let all = false;
  let short = false;
  while (args[0]?.startsWith('-')) {
    const o = args.shift()!;
    if (o === '-a') all = true;
    else if (o === '-s') short = true;
    else if (o === '-v') continue;
    else if (o === '-?' || o === '-h' || o === '--help') {
      await ctx.err.write(USAGE);
      return 1;
    } else if (o === '-V' || o === '--version') {
      await ctx.print('net-tools 2.10\n');
      return 0;
    } else {
      await ctx.err.write(`ifconfig: option \`${o}' not recognised.\nifconfig: \`--help' gives usage information.\n`);
      return 1;
    }
  }
  const { links, addrs } = await snapshot(ctx);
  const list = interfaces(links, addrs);
  if (short) await ctx.print(SHORT_HEADER);
  const show = async (e: IfEntry): Promise<void> => ctx.print(short ? printShort(e) : printLong(e, addrs));
  const [name, ...rest] = args;
  if (name === undefined) {
    for (const e of list) if (all || e.link.flags & 1) await show(e);
    return 0;
  }
  const entry = list.find((e) => e.name === name) ?? aliasEntry(name, links);
  if (!entry) {
    await ctx.err.write(`${name}: error fetching interface information: Device not found\n`);
    return 1;
  }
  if (rest.length === 0) {
    if (entry.alias && !entry.inet) {
      await ctx.err.write(`${name}: error fetching interface information: Device not found\n`);
      return 1;
    }
    await show(entry);
    return 0;
  }
  return change(ctx, entry, rest);
}

/** An alias label that has no address yet (`ifconfig eth0:1 10.0.0.1` creates it). */
function aliasEntry(name: string, links: LinkMsg[]): IfEntry | undefined {
  const colon = name.indexOf(':');
  if (colon < 0) return undefined;
  const link = links.find((l) => l.name === name.slice(0, colon));
  return link ? { name, link, alias: true } : undefined;
}

export default defineProgram({
  name: 'ifconfig',
  installPath: '/usr/bin/ifconfig',
  pkg: 'net-tools',
  main: (ctx) => main(ctx),
});
