// ping (iputils 20221126): ICMP echo requests on the virtual clock, one per interval, answers
// printed as they arrive, and the statistics at the end, after Ctrl-C, or at the -w deadline.
// Photon installs it with cap_net_raw, so any user may ping. Option errors and exit statuses
// follow iputils: usage problems exit 2 (strtol_or_err's range errors exit 1), no answer exits 1.
import { isSysError, strerror } from '../../shared/errno';
import type { EchoReply } from '../../shared/services/traffic';
import { defineProgram, ExitStatus } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError, type OptionDef } from '../lib/getopt';
import { GAI_ERRORS } from '../../shared/services/resolve';
import type { NetReply } from '../../shared/services/net';
import { inetAton, preferIPv4, resolveHost, reverseName, strtolWhole, traffic } from './netlib';
import { formatRtt, icmp6Text, icmpText, statistics } from './ping-stats';
import { formatAddr, parseIPv6 } from '../../shared/services/net-addr';
import { PING_USAGE, PING_VERSION } from './ping-usage';

const ARG = 'required' as const;
const DEFS: OptionDef[] = [
  ...'4bR6aABCdDfLnOqrUvVh'.split('').map((c) => ({ key: c, short: c })),
  ...'TFNceiIlmMpQsStwW'.split('').map((c) => ({ key: c, short: c, arg: ARG })),
];

const INT_MAX = 2147483647;
const LONG_MAX = '9223372036854775807';


/** strtol_or_err: a whole decimal number in range, or iputils' message and exit status 1. */
async function intArg(ctx: Ctx, text: string, min: number, max: number, maxText = String(max)): Promise<number> {
  const n = strtolWhole(text);
  if (n === undefined) {
    await ctx.error(`invalid argument: '${text}'`);
    throw new ExitStatus(1);
  }
  if (n < min || n > max) {
    await ctx.error(`invalid argument: '${text}': out of range: ${min} <= value <= ${maxText}`);
    throw new ExitStatus(1);
  }
  return n;
}

/** ping_strtod: seconds with a fraction; garbage after the number only warns. */
async function secondsArg(ctx: Ctx, text: string, what: string): Promise<number> {
  const m = /^\s*([+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)(.*)$/s.exec(text);
  if (!m || text === '') {
    await ctx.error(`${what}: ${text}`);
    throw new ExitStatus(2);
  }
  if (m[2] !== '') {
    await ctx.error(`option argument contains garbage: ${m[2]}`);
    await ctx.error('this will become fatal error in the future');
  }
  return Number(m[1]);
}

interface Options {
  count: number;
  intervalMs: number;
  lingerMs: number;
  deadlineS: number;
  quiet: boolean;
  numeric: boolean;
  size: number;
  ttl?: number;
  timestamps: boolean;
  /** -4, -6, or the name it was run by (ping4, ping6); 0 lets the address decide */
  family: 0 | 4 | 6;
  /** -I: an interface name or a source address */
  iface?: string;
  /** -F: the IPv6 flow label (0: none asked for) */
  flow: number;
}

async function parse(ctx: Ctx): Promise<{ opts: Options; target: string }> {
  let parsed;
  try {
    parsed = getopt(ctx.argv.slice(1), DEFS);
  } catch (e) {
    if (!(e instanceof GetoptError)) throw e;
    await ctx.error(e.message);
    await ctx.err.write(PING_USAGE);
    throw new ExitStatus(2);
  }
  // run as ping4 or ping6 (Photon links ping6 to ping), it keeps to that family
  const last = (ctx.argv[0] ?? '').at(-1);
  const opts: Options = { count: 0, intervalMs: 1000, lingerMs: 10000, deadlineS: 0, quiet: false, numeric: false, size: 56, timestamps: false, flow: 0, family: last === '6' ? 6 : last === '4' ? 4 : 0 };
  const uid = ctx.sys.getuid();
  for (const { key, value = '' } of parsed.order) {
    switch (key) {
      case 'h': await ctx.err.write(PING_USAGE); throw new ExitStatus(2);
      case 'V': await ctx.print(PING_VERSION); throw new ExitStatus(0);
      case '4':
      case '6': {
        const family = key === '4' ? 4 : 6;
        if (opts.family && opts.family !== family) { await ctx.error('only one -4 or -6 option may be specified'); throw new ExitStatus(2); }
        opts.family = family;
        break;
      }
      case 'I': opts.iface = value; break;
      case 'c': opts.count = await intArg(ctx, value, 1, Number.MAX_SAFE_INTEGER, LONG_MAX); break;
      case 'i': {
        const s = await secondsArg(ctx, value, 'bad timing interval');
        if (!Number.isFinite(s) || s > INT_MAX / 1000) { await ctx.error(`bad timing interval: ${value}`); throw new ExitStatus(2); }
        opts.intervalMs = Math.trunc(s * 1000);
        break;
      }
      case 'W': {
        const s = await secondsArg(ctx, value, 'bad linger time');
        if (!(s >= 0) || s > INT_MAX / 1000) { await ctx.error(`bad linger time: ${value}`); throw new ExitStatus(2); }
        opts.lingerMs = Math.trunc(s * 1000);
        break;
      }
      case 'w': opts.deadlineS = await intArg(ctx, value, 0, INT_MAX); break;
      case 's': opts.size = await intArg(ctx, value, 0, INT_MAX); break;
      case 't': opts.ttl = await intArg(ctx, value, 0, 255); break;
      case 'q': opts.quiet = true; break;
      case 'n': opts.numeric = true; break;
      case 'D': opts.timestamps = true; break;
      case 'f': opts.numeric = true; opts.intervalMs = 0; break;
      case 'F': {
        // (a decimal number, or a hex one with 0x, then taken as an unsigned 32-bit value)
        const m = /^\s*([+-]?)(?:0x([0-9a-f]+)|(\d+))$/i.exec(value);
        const n = m ? (m[1] === '-' ? -1 : 1) * (m[2] !== undefined ? Number.parseInt(m[2], 16) : Number(m[3])) : NaN;
        if (Number.isNaN(n)) { await ctx.error(`bad value for flowinfo: ${value}`); throw new ExitStatus(2); }
        const flow = ((Math.trunc(n) % 2 ** 32) + 2 ** 32) % 2 ** 32;
        if (flow > 0xfffff) { await ctx.error(`flow value is greater than 20 bits: ${value}`); throw new ExitStatus(2); }
        opts.flow = flow;
        break;
      }
      default: break;
    }
  }
  const target = parsed.operands.at(-1);
  if (target === undefined) {
    await ctx.error(`usage error: ${strerror('EDESTADDRREQ')}`);
    throw new ExitStatus(1);
  }
  if (uid !== 0 && opts.intervalMs < 2) {
    await ctx.error('cannot flood; minimal interval allowed for user is 2ms');
    throw new ExitStatus(2);
  }
  return { opts, target };
}

export default defineProgram({
  name: 'ping',
  installPath: '/usr/bin/ping',
  aliases: ['/usr/bin/ping6'],
  pkg: 'iputils',
  async main(ctx) {
    const { opts, target } = await parse(ctx);
    return run(ctx, opts, target);
  },
});

async function run(ctx: Ctx, opts: Options, target: string): Promise<number> {
  const sys = ctx.sys;
  const literal = inetAton(target);
  const literal6 = literal === undefined ? ipv6Literal(target) : undefined;
  if ((literal !== undefined && opts.family === 6) || (literal6 !== undefined && opts.family === 4)) {
    await ctx.error(`${target}: ${GAI_ERRORS.EAI_ADDRFAMILY}`);
    return 2;
  }
  if (literal6 !== undefined) return run6(ctx, opts, target, literal6.address, literal6.scope);
  let address: string;
  let hostname = target;
  if (literal !== undefined) {
    address = literal;
    opts.numeric = true;
  } else {
    const r = await resolveHost(sys, target, opts.family);
    if (!r.ok) {
      await ctx.error(`${target}: ${r.message}`);
      return 2;
    }
    const first = preferIPv4(r.addresses)[0]!;
    if (first.family === 6) return run6(ctx, opts, target, first.address, undefined, false);
    address = first.address;
    hostname = r.canonical;
  }
  if (opts.iface !== undefined && inetAton(opts.iface) === undefined && !(await hasLink(ctx, opts.iface))) {
    await ctx.error(`SO_BINDTODEVICE ${opts.iface}: ${strerror('ENODEV')}`);
    return 2;
  }
  // ping connects a datagram socket first, to learn the source address: routing errors show here
  const route = await traffic(sys, { kind: 'route', dst: address });
  if (route.kind === 'error') {
    if (route.errno === 'EACCES') await ctx.error('Do you want to ping broadcast? Then -b. If not, check your local firewall rules');
    else await ctx.error(`connect: ${strerror(route.errno)}`);
    return 2;
  }
  if (opts.ttl === 0) {
    await ctx.error(`cannot set unicast time-to-live: ${strerror('EINVAL')}`);
    return 2;
  }
  const from = opts.iface === undefined ? '' : `from ${route.src} ${inetAton(opts.iface) === undefined ? opts.iface : ''}: `;
  await ctx.print(`PING ${hostname} (${address}) ${from}${opts.size}(${opts.size + 28}) bytes of data.\n`);
  await ctx.out.flush();
  return loop(ctx, opts, hostname, address);
}

/** An IPv6 address as typed, with an optional %scope (an interface name). */
function ipv6Literal(text: string): { address: string; scope?: string } | undefined {
  const at = text.indexOf('%');
  const a = parseIPv6(at < 0 ? text : text.slice(0, at));
  if (!a) return undefined;
  return { address: formatAddr(a), ...(at >= 0 ? { scope: text.slice(at + 1) } : {}) };
}

async function hasLink(ctx: Ctx, name: string): Promise<boolean> {
  const r = (await ctx.sys.call('net', { kind: 'getlinks' })) as NetReply;
  return 'links' in r && r.links.some((l) => l.name === name);
}

/** ping -6 (ping6): an ICMPv6 echo, printed as iputils' ping6_common does. */
/**
 * The interface a %scope names as glibc's getaddrinfo reads it: a number is an interface index for
 * any address; a name only for a link-local address (fe80::/10, or multicast ff02::/16), and
 * elsewhere it is no address at all (undefined).
 */
async function scopeLink(ctx: Ctx, address: string, scope: string): Promise<string | undefined> {
  if (/^\d+$/.test(scope)) {
    const r = (await ctx.sys.call('net', { kind: 'getlinks' })) as NetReply;
    return ('links' in r ? r.links.find((l) => l.ifindex === Number(scope))?.name : undefined) ?? scope;
  }
  const a = parseIPv6(address)!.bytes;
  const linkLocal = (a[0] === 0xfe && (a[1]! & 0xc0) === 0x80) || (a[0] === 0xff && (a[1]! & 0x0f) === 0x02);
  return linkLocal ? scope : undefined;
}

async function run6(ctx: Ctx, opts: Options, target: string, address: string, scope: string | undefined, numeric = true): Promise<number> {
  if (numeric) opts.numeric = true;
  if (scope !== undefined) {
    const link = await scopeLink(ctx, address, scope);
    if (link === undefined) {
      await ctx.error(`${target}: ${GAI_ERRORS.EAI_NONAME}`);
      return 2;
    }
    const shownScope = scope;
    return run6Link(ctx, opts, target, address, link, shownScope);
  }
  return run6Link(ctx, opts, target, address, undefined, undefined);
}

async function run6Link(ctx: Ctx, opts: Options, target: string, address: string, scopeIf: string | undefined, shownScope: string | undefined): Promise<number> {
  const scope = scopeIf;
  const ifname = scope ?? (opts.iface !== undefined && ipv6Literal(opts.iface) === undefined ? opts.iface : undefined);
  if (ifname !== undefined && !(await hasLink(ctx, ifname))) {
    await ctx.error(scope !== undefined ? `${target}: ${GAI_ERRORS.EAI_NONAME}` : `unknown iface: ${ifname}`);
    return 2;
  }
  const route = await traffic(ctx.sys, { kind: 'route', dst: address, ...(ifname !== undefined ? { ifname } : {}) });
  if (route.kind === 'error') {
    await ctx.error(`connect: ${strerror(route.errno)}`);
    return 2;
  }
  const shown = shownScope !== undefined ? `${address}%${shownScope}` : address;
  const name = opts.numeric ? undefined : await reverseName(ctx.sys, address);
  const from = opts.iface === undefined ? '' : `from ${route.src} ${ifname ?? ''}: `;
  const flow = opts.flow ? `, flow 0x${opts.flow.toString(16).padStart(5, '0')}, ` : '';
  await ctx.print(`PING ${target}(${name ? `${name} (${shown})` : shown}) ${flow}${from}${opts.size} data bytes\n`);
  await ctx.out.flush();
  return loop(ctx, opts, target, address, ifname);
}

interface Answer {
  at: number;
  seq: number;
  reply: EchoReply;
}

async function loop(ctx: Ctx, opts: Options, hostname: string, address: string, ifname?: string): Promise<number> {
  const v6 = address.includes(':');
  const sys = ctx.sys;
  let exiting = false;
  sys.signal(2, () => { exiting = true; });
  sys.signal(14, () => { exiting = true; });
  const timing = opts.size >= 16;
  const c = { transmitted: 0, received: 0, errors: 0, rtts: [] as number[], pipe: 0, elapsedMs: 0, timing };
  const pending: Answer[] = [];
  let t = 0;
  let nextSend = 0;
  let exitAt = Infinity;
  const deadlineAt = opts.deadlineS ? opts.deadlineS * 1000 : Infinity;
  let lastName: { address: string; text: string } | undefined;
  const pr = async (addr: string): Promise<string> => {
    if (lastName?.address === addr) return lastName.text;
    const name = opts.numeric ? undefined : await reverseName(sys, addr.replace(/%.*/, ''));
    lastName = { address: addr, text: name ? `${name} (${addr})` : addr };
    return lastName.text;
  };
  const startEpoch = sys.now();
  const canSend = (): boolean => !opts.count || c.transmitted < opts.count || opts.deadlineS > 0;
  for (let guard = 0; guard < 10_000_000; guard++) {
    if (exiting) break;
    if (opts.count && c.received + c.errors >= opts.count) break;
    if (opts.deadlineS && c.errors) break;
    const next = Math.min(canSend() ? nextSend : Infinity, pending[0]?.at ?? Infinity, exitAt, deadlineAt);
    if (next === Infinity) break;
    if (next > t) {
      try {
        await sys.sleep(next - t);
      } catch (e) {
        if (isSysError(e) && e.errno === 'EINTR') break;
        throw e;
      }
      t = next;
    }
    if (t >= deadlineAt) break;
    while (pending.length && pending[0]!.at <= t) {
      const a = pending.shift()!;
      c.pipe = Math.max(c.pipe, c.transmitted - a.seq + 1);
      await show(ctx, opts, c, a, pr, v6);
    }
    if (canSend() && t >= nextSend) {
      const seq = ++c.transmitted;
      c.elapsedMs = t;
      // a datagram longer than IP allows: the kernel refuses it (an ICMP message over 64 KiB is
      // dropped without a word; IPv4's header past 65535 bytes and IPv6's payload past it are a
      // local error on the socket, counted as an error, with the route's MTU)
      if (opts.size + 8 > 65535 || (!v6 && opts.size + 28 > 65535)) {
        // (under -q iputils leaves the error out of the count as well as unsaid)
        if ((v6 || opts.size + 8 <= 65535) && !opts.quiet) {
          c.errors++;
          const route = v6 ? await traffic(sys, { kind: 'route', dst: address, ...(ifname !== undefined ? { ifname } : {}) }) : undefined;
          const mtu = route?.kind === 'route' ? route.mtu : 65535;
          await ctx.error(`local error: message too long, mtu${v6 ? `: ${mtu}` : `=${mtu}`}`);
        }
        nextSend = t + opts.intervalMs + (opts.intervalMs >= 10 ? 1 + sys.random(2) : 0);
        if (opts.count && c.transmitted >= opts.count && !opts.deadlineS) exitAt = t + (c.received ? opts.intervalMs : opts.lingerMs);
        continue;
      }
      const reply = await traffic(sys, { kind: 'echo', dst: address, size: opts.size, ...(opts.ttl !== undefined ? { ttl: opts.ttl } : {}), ...(ifname !== undefined ? { ifname } : {}) });
      // a reply is due one round trip after its send; an error when the kernel reports it, and
      // errors reported together (a failed ARP resolution) share that moment and keep send order
      if (reply.kind === 'reply') pending.push({ at: t + Math.max(1, Math.round(reply.rttUs / 1000)), seq, reply });
      if (reply.kind === 'icmp-error' && reply.sendErrno) {
        // rejected on its way out: the error is already in the socket's queue when the send fails
        await show(ctx, opts, c, { at: t, seq, reply }, pr, v6);
        await ctx.out.flush();
        if (!opts.quiet) await ctx.err.write(`${ctx.name}: sendmsg: ${strerror(reply.sendErrno)}\n`);
      } else if (reply.kind === 'icmp-error') pending.push({ at: Math.max(t + 1, reply.at - startEpoch), seq, reply });
      // a send the firewall refused with no error queued on the socket: iputils (since 20210202)
      // finds its error queue empty, counts the packet as sent and says nothing
      pending.sort((x, y) => x.at - y.at || x.seq - y.seq);
      // sends drift by a millisecond or two, as a real scheduler's wakeups do
      nextSend = t + opts.intervalMs + (opts.intervalMs >= 10 ? 1 + sys.random(2) : 0);
      if (opts.count && c.transmitted >= opts.count && !opts.deadlineS) {
        const tmax = c.rtts.length ? Math.max(...c.rtts) / 1000 : 0;
        exitAt = t + (c.received ? Math.max(2 * tmax, opts.intervalMs) : opts.lingerMs);
      }
    }
    if (t >= exitAt) break;
    await ctx.tick();
  }
  await ctx.print(statistics(hostname, c));
  return !c.received || (opts.deadlineS && c.received < opts.count) ? 1 : 0;
}

async function show(ctx: Ctx, opts: Options, c: { received: number; errors: number; rtts: number[] }, a: Answer, pr: (addr: string) => Promise<string>, v6: boolean): Promise<void> {
  const r = a.reply;
  const stamp = opts.timestamps ? `[${((ctx.sys.now() + 0) / 1000).toFixed(6)}] ` : '';
  if (r.kind === 'reply') {
    c.received++;
    c.rtts.push(r.rttUs);
    if (opts.quiet) return;
    const time = opts.size >= 16 ? ` time=${formatRtt(r.rttUs)} ms` : '';
    await ctx.print(`${stamp}${opts.size + 8} bytes from ${await pr(r.from)}: icmp_seq=${a.seq} ttl=${r.ttl}${time}\n`);
  } else if (r.kind === 'icmp-error') {
    c.errors++;
    if (opts.quiet) return;
    await ctx.print(`${stamp}From ${await pr(r.from)} icmp_seq=${a.seq} ${v6 ? icmp6Text(r.type, r.code) : icmpText(r.type, r.code)}\n`);
  }
}
