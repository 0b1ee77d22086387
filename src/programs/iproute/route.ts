// net-tools 2.10 `route`: the kernel IPv4 table as /proc/net/route shows it (main table,
// `-n` numeric, `-e`/`-ee` extra columns), the IPv6 table with -6, and `route add|del` with
// the SIOCADDRT/SIOCDELRT semantics (NLM_F_CREATE without EXCL, metric, reject routes).
import { strerror } from '../../shared/errno';
import { isNetError, RTN, RTPROT, SCOPE, TABLE, type LinkMsg, type NetReply, type NetRequest, type RouteSpec } from '../../shared/services/net';
import { formatAddr, lenToMask, maskToLen, parseIPv4, samePrefix } from '../../shared/services/net-addr';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';

const USAGE = `Usage: route [-nNvee] [-FC] [<AF>]           List kernel routing tables
       route [-v] [-FC] {add|del|flush} ...  Modify routing table for AF.

       route {-h|--help} [<AF>]              Detailed usage syntax for specified AF.
       route {-V|--version}                  Display version/author and exit.

        -v, --verbose            be verbose
        -n, --numeric            don't resolve names
        -e, --extend             display other/more information
        -F, --fib                display Forwarding Information Base (default)
        -C, --cache              display routing cache instead of FIB

  <AF>=Use -4, -6, '-A <af>' or '--<af>'; default: inet
  List of possible address families (which support routing):
    inet (DARPA Internet) inet6 (IPv6) 
`;

const INET_USAGE = `Usage: inet_route [-vF] del {-host|-net} Target[/prefix] [gw Gw] [metric M] [[dev] If]
       inet_route [-vF] add {-host|-net} Target[/prefix] [gw Gw] [metric M]
                              [netmask N] [mss Mss] [window W] [irtt I]
                              [mod] [dyn] [reinstate] [[dev] If]
       inet_route [-vF] add {-host|-net} Target[/prefix] [metric M] reject
       inet_route [-FC] flush      NOT supported
`;

/** net-tools' exit statuses (lib/net-support.h). */
const E_OPTERR = 3;
const E_USAGE = 4;
const E_LOOKUP = 6;
const E_SOCK = 7;

async function call(ctx: Ctx, req: NetRequest): Promise<NetReply> {
  return (await ctx.sys.call('net', req)) as NetReply;
}

/** Host names from /etc/hosts for addresses printed without -n. */
async function hostsTable(ctx: Ctx): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  try {
    const text = new TextDecoder().decode(await ctx.sys.readFile('/etc/hosts'));
    for (const line of text.split('\n')) {
      const [addr, name] = line.replace(/#.*/, '').trim().split(/\s+/);
      if (addr && name && !names.has(addr)) names.set(addr, name);
    }
  } catch {
    // no /etc/hosts: numbers only
  }
  return names;
}

function col(text: string, width: number): string {
  return text.slice(0, 15).padEnd(width);
}

async function show4(ctx: Ctx, numeric: boolean, ext: number): Promise<number> {
  const r = await call(ctx, { kind: 'getroutes', family: 4, table: TABLE.MAIN });
  const links = await call(ctx, { kind: 'getlinks' });
  const devs: LinkMsg[] = 'links' in links ? links.links : [];
  const hosts = numeric ? new Map<string, string>() : await hostsTable(ctx);
  let out = 'Kernel IP routing table\n';
  if (ext === 1) out += 'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n';
  else if (ext === 2) out += 'Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n';
  else out += 'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface    MSS   Window irtt\n';
  for (const rt of 'routes' in r ? r.routes : []) {
    if (rt.type !== RTN.UNICAST && rt.type !== RTN.UNREACHABLE && rt.type !== RTN.PROHIBIT && rt.type !== RTN.BLACKHOLE) continue;
    const dst = rt.dst ?? '0.0.0.0';
    const mask = formatAddr(lenToMask(4, rt.dstLen));
    const host = rt.dstLen === 32;
    const net = numeric ? dst : rt.dstLen === 0 ? 'default' : (host ? hosts.get(dst) : undefined) ?? dst;
    const gw = rt.gateway ?? '0.0.0.0';
    const gate = numeric || !rt.gateway ? gw : hosts.get(gw) ?? gw;
    const reject = rt.type === RTN.UNREACHABLE || rt.type === RTN.PROHIBIT;
    const flags = reject ? `!${host ? 'H' : ''}` : `U${rt.gateway ? 'G' : ''}${host ? 'H' : ''}`;
    const metric = rt.priority ?? 0;
    const iface = rt.oif !== undefined ? devs.find((l) => l.ifindex === rt.oif)?.name ?? '*' : '*';
    const mtu = rt.metrics?.[2] ?? 0;
    const win = rt.metrics?.[3] ?? 0;
    if (ext === 1) {
      out += reject ? `${col(net, 15)} -               ${col(mask, 15)} ${flags.padEnd(5)} ${String(metric).padEnd(6)} -  ${String(0).padStart(7)} -\n`
        : `${col(net, 15)} ${col(gate, 15)} ${col(mask, 15)} ${flags.padEnd(5)} ${String(metric).padEnd(6)} ${'0'.padEnd(2)} ${String(0).padStart(7)} ${iface}\n`;
    } else if (ext === 2) {
      out += reject ? `${col(net, 15)} -               ${col(mask, 15)} ${flags.padEnd(5)}     - -          - -\n`
        : `${col(net, 15)} ${col(gate, 15)} ${col(mask, 15)} ${flags.padEnd(5)} ${String(mtu).padStart(5)} ${String(win).padEnd(5)} ${String(0).padStart(6)} ${iface}\n`;
    } else {
      out += reject ? `${col(net, 15)} -               ${col(mask, 15)} ${flags.padEnd(5)} ${String(metric).padEnd(6)} -  ${String(0).padStart(7)} -        -     -      -\n`
        : `${col(net, 15)} ${col(gate, 15)} ${col(mask, 15)} ${flags.padEnd(5)} ${String(metric).padEnd(6)} ${'0'.padEnd(3)} ${String(0).padStart(6)} ${iface.slice(0, 6).padEnd(6)}   ${String(mtu).padEnd(5)} ${String(win).padEnd(6)} 0\n`;
    }
  }
  await ctx.print(out);
  return 0;
}

async function show6(ctx: Ctx): Promise<number> {
  const r = await call(ctx, { kind: 'getroutes', family: 6 });
  const links = await call(ctx, { kind: 'getlinks' });
  const devs: LinkMsg[] = 'links' in links ? links.links : [];
  let out = 'Kernel IPv6 routing table\nDestination                    Next Hop                   Flag Met Ref  Use If\n';
  for (const rt of 'routes' in r ? r.routes : []) {
    const flags = `${rt.type === RTN.UNREACHABLE || rt.type === RTN.PROHIBIT ? '!' : 'U'}${rt.gateway ? 'G' : ''}${rt.type === RTN.LOCAL ? 'n' : ''}`;
    const iface = devs.find((l) => l.ifindex === rt.oif)?.name ?? 'lo';
    out += `${`${rt.dst ?? '::'}/${rt.dstLen}`.padEnd(30)} ${(rt.gateway ?? '::').padEnd(26)} ${flags.padEnd(4)} ${String(rt.priority ?? 0).padEnd(3)} 1 ${String(0).padStart(6)} ${iface}\n`;
  }
  await ctx.print(out);
  return 0;
}

async function edit(ctx: Ctx, del: boolean, args: string[]): Promise<number> {
  const usage = async (): Promise<number> => {
    await ctx.err.write(INET_USAGE);
    return E_OPTERR;
  };
  let kind: 'net' | 'host' | undefined;
  if (args[0] === '-net' || args[0] === '-host') kind = args.shift() === '-net' ? 'net' : 'host';
  const target = args.shift();
  if (target === undefined) return usage();
  const [addrText, prefix] = target.split('/');
  const addr = addrText === 'default' ? parseIPv4('0.0.0.0') : parseIPv4(addrText ?? '');
  if (!addr) {
    await ctx.err.write(`${addrText}: Unknown host\n`);
    return E_LOOKUP;
  }
  let isNet = kind ? kind === 'net' : addrText === 'default' || prefix !== undefined;
  let len: number | undefined = addrText === 'default' ? 0 : prefix !== undefined ? Number(prefix) : undefined;
  let gateway: string | undefined;
  let dev: string | undefined;
  let metric: number | undefined;
  let reject = false;
  while (args.length > 0) {
    const w = args.shift()!;
    if (w === 'metric') {
      const v = args.shift();
      if (!v || !/^\d/.test(v)) return usage();
      metric = Number.parseInt(v, 10);
    } else if (w === 'netmask') {
      const v = parseIPv4(args.shift() ?? '');
      if (!v) return usage();
      const l = maskToLen(v);
      if (l < 0) {
        await ctx.err.write(`route: bogus netmask ${formatAddr(v)}\n`);
        return usage();
      }
      len = l;
    } else if (w === 'gw' || w === 'gateway') {
      const v = args.shift();
      if (!v || gateway !== undefined) return usage();
      if (!parseIPv4(v)) {
        await ctx.err.write(`${v}: Unknown host\n`);
        return E_LOOKUP;
      }
      gateway = formatAddr(parseIPv4(v)!);
    } else if (w === 'mss' || w === 'mtu' || w === 'window' || w === 'irtt') {
      if (args.shift() === undefined) return usage();
    } else if (w === 'reject') reject = true;
    else if (w === 'mod' || w === 'dyn' || w === 'reinstate') continue;
    else if (w === 'dev' || w === 'device') {
      const v = args.shift();
      if (!v || dev !== undefined) return usage();
      dev = v;
    } else {
      if (dev !== undefined || args.length > 0) return usage();
      dev = w;
    }
  }
  if (!isNet) len = 32;
  if (len !== undefined && len < 32 && !samePrefix(addr, addr, len)) return usage();
  if (isNet && len === undefined) len = 0;
  isNet = len !== 32;
  const spec: RouteSpec = {
    family: 4, table: TABLE.MAIN, type: reject ? RTN.UNREACHABLE : RTN.UNICAST, protocol: del ? 0 : RTPROT.BOOT,
    scope: reject ? SCOPE.HOST : del ? SCOPE.NOWHERE : gateway ? SCOPE.UNIVERSE : SCOPE.LINK, tos: 0, flags: 0,
    dst: formatAddr(addr), dstLen: len ?? 32,
  };
  if (metric !== undefined) spec.priority = metric;
  if (gateway !== undefined) spec.gateway = gateway;
  if (dev !== undefined && !reject) {
    const links = await call(ctx, { kind: 'getlinks' });
    const l = ('links' in links ? links.links : []).find((x) => x.name === dev);
    if (!l) {
      await ctx.err.write(`${del ? 'SIOCDELRT' : 'SIOCADDRT'}: ${strerror('ENODEV')}\n`);
      return E_SOCK;
    }
    spec.oif = l.ifindex;
  }
  const r = await call(ctx, del ? { kind: 'delroute', route: spec } : { kind: 'newroute', nlflags: { create: true }, route: spec });
  if (isNetError(r)) {
    await ctx.err.write(`${del ? 'SIOCDELRT' : 'SIOCADDRT'}: ${strerror(r.errno)}\n`);
    return E_SOCK;
  }
  return 0;
}

async function main(ctx: Ctx): Promise<number> {
  const args = ctx.argv.slice(1);
  let numeric = false;
  let ext = 1;
  let family: 4 | 6 = 4;
  let help = false;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-net' || a === '-host' || !a.startsWith('-') || a === '-') {
      rest.push(a);
      continue;
    }
    if (a === '--numeric') numeric = true;
    else if (a === '--extend') ext++;
    else if (a === '--help') help = true;
    else if (a === '--inet6') family = 6;
    else if (a === '--inet') family = 4;
    else if (a === '-A' || a === '--protocol') {
      const af = args[++i];
      if (af === 'inet6') family = 6;
      else if (af !== 'inet') {
        await ctx.err.write(`route: Unsupported address family \`${af ?? ''}'!\n`);
        return E_OPTERR;
      }
    } else if (a === '-V' || a === '--version') {
      await ctx.print('net-tools 2.10\n');
      return 0;
    } else {
      for (const c of a.slice(1)) {
        if (c === 'n') numeric = true;
        else if (c === 'e') ext++;
        else if (c === '6') family = 6;
        else if (c === '4') family = 4;
        else if (c === 'h' || c === '?') help = true;
        else if (!'NvFC'.includes(c)) {
          await ctx.err.write(`route: invalid option -- '${c}'\n${USAGE}`);
          return E_OPTERR;
        }
      }
    }
  }
  if (help) {
    await ctx.print(USAGE);
    return E_USAGE;
  }
  const [cmd, ...edits] = rest;
  if (cmd === undefined) return family === 6 ? show6(ctx) : show4(ctx, numeric, ext);
  if (cmd === 'add' || cmd === 'del' || cmd === 'delete') {
    if (edits.length === 0) {
      await ctx.print(INET_USAGE);
      return E_USAGE;
    }
    return edit(ctx, cmd !== 'add', edits);
  }
  if (cmd === 'flush') {
    await ctx.err.write("Flushing `inet' routing table not supported\n" + INET_USAGE);
    return E_OPTERR;
  }
  await ctx.err.write(USAGE);
  return E_OPTERR;
}

export default defineProgram({
  name: 'route',
  installPath: '/usr/bin/route',
  pkg: 'net-tools',
  main: (ctx) => main(ctx),
});
