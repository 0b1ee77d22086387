// net-tools 2.10 `route`: the kernel IPv4 table as /proc/net/route shows it (main table,
// `-n` numeric, `-e`/`-ee` extra columns), the IPv6 table with -6, and `route add|del` with
// the SIOCADDRT/SIOCDELRT semantics (NLM_F_CREATE without EXCL, metric, reject routes).
import { strerror } from '../../shared/errno';
import { isNetError, RTN, RTPROT, SCOPE, TABLE, type NetReply, type NetRequest, type RouteSpec } from '../../shared/services/net';
import { formatAddr, maskToLen, parseIPv4, samePrefix } from '../../shared/services/net-addr';
import { defineProgram } from '../define';
import { fib4, fib6 } from '../network-tools/proc-routes';
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
`;

/** print_aflist(1): the routable families, always on stderr. */
const FAMILIES = `    inet (DARPA Internet) inet6 (IPv6) ax25 (AMPR AX.25) 
    netrom (AMPR NET/ROM) rose (AMPR ROSE) ipx (Novell IPX) 
    ddp (Appletalk DDP) x25 (CCITT X.25) 
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
/** E_USAGE is EXIT_SUCCESS in net-tools 2.10: asking for help is not an error. */
const E_USAGE = 0;
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
  const hosts = numeric ? new Map<string, string>() : await hostsTable(ctx);
  const out = await fib4(ctx, ext, numeric, async (a) => hosts.get(a));
  if (out === null) {
    await ctx.print('INET (IPv4) not configured in this system.\n');
    return 1;
  }
  await ctx.print(out);
  return 0;
}

async function show6(ctx: Ctx, numeric: boolean): Promise<number> {
  const hosts = numeric ? new Map<string, string>() : await hostsTable(ctx);
  const out = await fib6(ctx, numeric, async (a) => hosts.get(a));
  if (out === null) {
    await ctx.print('INET6 (IPv6) not configured in this system.\n');
    return 1;
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

/** usage(rc): the text to stdout for help, to stderr for a mistake; the families always to stderr. */
async function usage(ctx: Ctx, rc: number): Promise<number> {
  // (stdout is buffered and stderr is not: into one pipe the families come first)
  if (rc) await ctx.err.write(USAGE);
  else await ctx.print(USAGE);
  await ctx.err.write(FAMILIES);
  return rc;
}

async function main(ctx: Ctx): Promise<number> {
  const args = ctx.argv.slice(1);
  let numeric = false;
  let ext = 1;
  let family: 4 | 6 = 4;
  let help = false;
  let cache = false;
  const rest: string[] = [];
  const setFamily = async (af: string): Promise<boolean> => {
    if (af === 'inet6') family = 6;
    else if (af === 'inet') family = 4;
    else {
      await ctx.err.write(`Unknown address family \`${af}'.\n`);
      return false;
    }
    return true;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-net' || a === '-host' || !a.startsWith('-') || a === '-') {
      rest.push(a);
      continue;
    }
    if (a === '--') {
      rest.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, value] = a.split('=', 2) as [string, string?];
      const longs = ['--numeric', '--extend', '--help', '--inet6', '--inet', '--protocol', '--version', '--verbose', '--symbolic', '--cache', '--fib'];
      const hits = longs.filter((l) => l.startsWith(name));
      const long = hits.includes(name) ? name : hits.length === 1 ? hits[0]! : undefined;
      if (!long) {
        await ctx.err.write(hits.length > 1 ? `route: option '${name}' is ambiguous\n` : `route: unrecognized option '${name}'\n`);
        help = true;
        continue;
      }
      if (long === '--numeric') numeric = true;
      else if (long === '--extend') ext++;
      else if (long === '--help') help = true;
      else if (long === '--cache') cache = true;
      else if (long === '--inet6' || long === '--inet') family = long === '--inet6' ? 6 : 4;
      else if (long === '--version') {
        await ctx.print('net-tools 2.10\n');
        return 0;
      } else if (long === '--protocol') {
        const af = value ?? args[++i];
        if (af === undefined) {
          await ctx.err.write("route: option '--protocol' requires an argument\n");
          help = true;
        } else if (!(await setFamily(af))) return 1;
      }
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === 'n') numeric = true;
      else if (c === 'e') ext++;
      else if (c === '6') family = 6;
      else if (c === '4') family = 4;
      else if (c === 'C') cache = true;
      else if (c === 'h' || c === '?') help = true;
      else if (c === 'V') {
        await ctx.print('net-tools 2.10\n');
        return 0;
      } else if (c === 'A') {
        const af = a.slice(j + 1) || args[++i];
        if (af === undefined) {
          await ctx.err.write("route: option requires an argument -- 'A'\n");
          help = true;
        } else if (!(await setFamily(af))) return 1;
        break;
      } else if (!'NvF'.includes(c)) {
        await ctx.err.write(`route: invalid option -- '${c}'\n`);
        help = true;
      }
    }
  }
  if (help) return usage(ctx, E_USAGE);
  if (cache && rest.length === 0 && family === 4) {
    await ctx.print('Kernel IP routing cache\nSource          Destination     Gateway         Flags Metric Ref    Use Iface\n');
    return 0;
  }
  const [cmd, ...edits] = rest;
  if (cmd === undefined) return family === 6 ? show6(ctx, numeric) : show4(ctx, numeric, ext & 3);
  if ((cmd === 'add' || cmd === 'del' || cmd === 'delete') && family === 6 && edits.length === 0) {
    await ctx.err.write('Usage: inet6_route [-vF] del Target\n       inet6_route [-vF] add Target [gw Gw] [metric M] [[dev] If]\n       inet6_route [-FC] flush      NOT supported\n');
    return E_OPTERR;
  }
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
  return usage(ctx, E_OPTERR);
}

export default defineProgram({
  name: 'route',
  installPath: '/usr/bin/route',
  pkg: 'net-tools',
  main: (ctx) => main(ctx),
});
