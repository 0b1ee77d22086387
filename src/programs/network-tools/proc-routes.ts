// The kernel routing tables as net-tools prints them (lib/inet_gr.c rprint_fib, lib/inet6_gr.c
// rprint_fib6), read from /proc/net/route and /proc/net/ipv6_route like the real route and
// netstat -r do.
import { formatAddr } from '../../shared/services/net-addr';
import type { Ctx } from '../lib/context';

const RTF = { UP: 0x1, GATEWAY: 0x2, HOST: 0x4, REINSTATE: 0x8, DYNAMIC: 0x10, MODIFIED: 0x20, MTU: 0x40, WINDOW: 0x80, IRTT: 0x100, REJECT: 0x200, DEFAULT: 0x10000, ALLONLINK: 0x20000, ADDRCONF: 0x40000, NONEXTHOP: 0x200000, EXPIRES: 0x400000, CACHE: 0x1000000, FLOW: 0x2000000, POLICY: 0x4000000, LOCAL: 0x80000000 };

/** Names for addresses when not numeric: undefined keeps the number. */
export type Resolve = (addr: string) => Promise<string | undefined>;

/** A /proc/net file's text, or null after perror (as fopen's failure is reported). */
export async function readProcNet(ctx: Ctx, path: string): Promise<string | null> {
  try {
    return new TextDecoder().decode(await ctx.sys.readFile(path));
  } catch (e) {
    await ctx.perror(e, path);
    return null;
  }
}

/** A little-endian %08X word as a dotted quad. */
function dotted(hex: string): string {
  const v = parseInt(hex, 16) >>> 0;
  return [0, 8, 16, 24].map((s) => (v >>> s) & 255).join('.');
}

const num = (v: string | undefined): number => (v !== undefined && /^-?\d+$/.test(v) ? Number(v) : 0);

/**
 * rprint_fib: ext 1 (Metric Ref Use), 2 (MSS Window irtt) or 3 (both). Lines without
 * RTF_UP are skipped; a reject route shows dashes.
 */
export async function fib4(ctx: Ctx, ext: number, numeric: boolean, resolve: Resolve): Promise<string | null> {
  const text = await readProcNet(ctx, '/proc/net/route');
  if (text === null) return null;
  let out = 'Kernel IP routing table\n';
  if (ext === 1) out += 'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n';
  else if (ext === 2) out += 'Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n';
  else if (ext >= 3) out += 'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface    MSS   Window irtt\n';
  for (const line of text.split('\n').slice(1)) {
    const f = line.split(/\s+/).filter(Boolean);
    if (f.length < 10) continue;
    const [iface, dstHex, gwHex, flagHex, ref, use, metric, maskHex, mss, win, irtt] = f as [string, string, string, string, string, string, string, string, string, string, string?];
    const flags = parseInt(flagHex, 16);
    if (!(flags & RTF.UP)) continue;
    const dst = dotted(dstHex);
    const mask = dotted(maskHex);
    const host = (flags & RTF.HOST) !== 0;
    // INET_sprintmask: 0.0.0.0/0 is "default"; a host part or a host route is looked up
    let net = dst;
    if (!numeric) {
      if (parseInt(dstHex, 16) === 0 && mask === '0.0.0.0') net = 'default';
      else if (host || ((parseInt(dstHex, 16) & ~parseInt(maskHex, 16)) >>> 0) !== 0) net = (await resolve(dst)) ?? dst;
    }
    const gwAddr = dotted(gwHex);
    const gate = numeric || gwAddr === '0.0.0.0' ? gwAddr : (await resolve(gwAddr)) ?? gwAddr;
    let fl = `${flags & RTF.UP ? 'U' : ''}${flags & RTF.GATEWAY ? 'G' : ''}`;
    if (flags & RTF.REJECT) fl = '!';
    fl += [[RTF.HOST, 'H'], [RTF.REINSTATE, 'R'], [RTF.DYNAMIC, 'D'], [RTF.MODIFIED, 'M'], [RTF.DEFAULT, 'd'], [RTF.ALLONLINK, 'a'], [RTF.ADDRCONF, 'c'], [RTF.NONEXTHOP, 'o'], [RTF.EXPIRES, 'e'], [RTF.CACHE, 'c'], [RTF.FLOW, 'f'], [RTF.POLICY, 'p'], [RTF.LOCAL, 'l'], [RTF.MTU, 'u'], [RTF.WINDOW, 'w'], [RTF.IRTT, 'i']]
      .filter(([bit]) => flags & (bit as number)).map(([, c]) => c).join('');
    const n15 = (s: string): string => s.slice(0, 15).padEnd(15);
    const reject = (flags & RTF.REJECT) !== 0;
    const m = String(num(metric));
    if (ext === 1) {
      out += reject ? `${n15(net)} -               ${n15(mask)} ${fl.padEnd(5)} ${m.padEnd(6)} -  ${String(num(use)).padStart(7)} -\n`
        : `${n15(net)} ${n15(gate)} ${n15(mask)} ${fl.padEnd(5)} ${m.padEnd(6)} ${String(num(ref)).padEnd(2)} ${String(num(use)).padStart(7)} ${iface}\n`;
    } else if (ext === 2) {
      out += reject ? `${n15(net)} -               ${n15(mask)} ${fl.padEnd(5)}     - -          - -\n`
        : `${n15(net)} ${n15(gate)} ${n15(mask)} ${fl.padEnd(5)} ${String(num(mss)).padStart(5)} ${String(num(win)).padEnd(5)} ${String(num(irtt)).padStart(6)} ${iface}\n`;
    } else if (ext >= 3) {
      out += reject ? `${n15(net)} -               ${n15(mask)} ${fl.padEnd(5)} ${m.padEnd(6)} -  ${String(num(use)).padStart(7)} -        -     -      -\n`
        : `${n15(net)} ${n15(gate)} ${n15(mask)} ${fl.padEnd(5)} ${m.padEnd(6)} ${String(num(ref)).padEnd(3)} ${String(num(use)).padStart(6)} ${iface.slice(0, 6).padEnd(6)}   ${String(num(mss)).padEnd(5)} ${String(num(win)).padEnd(6)} ${num(irtt)}\n`;
    }
  }
  return out;
}

/** 32 hex digits as an IPv6 address in inet_ntop's form. */
function v6(hex: string): string {
  return formatAddr({ family: 6, bytes: (hex.match(/.{2}/g) ?? []).map((b) => parseInt(b, 16)) });
}

/** rprint_fib6: every line of /proc/net/ipv6_route; unspecified addresses are [::] unless numeric. */
export async function fib6(ctx: Ctx, numeric: boolean, resolve: Resolve): Promise<string | null> {
  const text = await readProcNet(ctx, '/proc/net/ipv6_route');
  if (text === null) return null;
  let out = 'Kernel IPv6 routing table\nDestination                    Next Hop                   Flag Met Ref  Use If\n';
  const name = async (hex: string): Promise<string> => {
    const a = v6(hex);
    if (numeric) return a;
    if (a === '::') return '[::]';
    return (await resolve(a)) ?? a;
  };
  for (const line of text.split('\n')) {
    const f = line.split(/\s+/).filter(Boolean);
    if (f.length < 10) continue;
    const flags = parseInt(f[8]!, 16);
    if (flags & RTF.CACHE) continue;
    let fl = '';
    for (const [bit, c] of [[RTF.UP, 'U'], [RTF.REJECT, '!'], [RTF.GATEWAY, 'G'], [RTF.HOST, 'H'], [RTF.DEFAULT, 'D'], [RTF.ADDRCONF, 'A'], [RTF.CACHE, 'C'], [RTF.ALLONLINK, 'a'], [RTF.EXPIRES, 'e'], [RTF.MODIFIED, 'm'], [RTF.NONEXTHOP, 'n'], [RTF.FLOW, 'f']] as const) {
      if (flags & bit) fl += c;
    }
    const dst = `${await name(f[0]!)}/${parseInt(f[1]!, 16)}`;
    const metric = parseInt(f[5]!, 16) | 0;
    out += `${dst.padEnd(30)} ${(await name(f[4]!)).padEnd(26)} ${fl.padEnd(4)} ${String(metric).padEnd(3)} ${String(parseInt(f[6]!, 16) | 0).padEnd(1)} ${String(parseInt(f[7]!, 16) | 0).padStart(6)} ${f[9] ?? ''}\n`;
  }
  return out;
}
