// ping (iputils 20221126): ICMP echo requests on the virtual clock, one per interval, answers
// printed as they arrive, and the statistics at the end, after Ctrl-C, or at the -w deadline.
// Photon installs it with cap_net_raw, so any user may ping. Option errors and exit statuses
// follow iputils: usage problems exit 2 (strtol_or_err's range errors exit 1), no answer exits 1.
import { isSysError, strerror } from '../../shared/errno';
import type { EchoReply } from '../../shared/services/traffic';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError, type OptionDef } from '../lib/getopt';
import { inetAton, preferIPv4, resolveHost, reverseName, strtolWhole, traffic } from './netlib';
import { formatRtt, icmpText, statistics } from './ping-stats';
import { PING_USAGE, PING_VERSION } from './ping-usage';

const ARG = 'required' as const;
const DEFS: OptionDef[] = [
  ...'4bR6aABCdDfLnOqrUvVh'.split('').map((c) => ({ key: c, short: c })),
  ...'TFNceiIlmMpQsStwW'.split('').map((c) => ({ key: c, short: c, arg: ARG })),
];

const INT_MAX = 2147483647;
const LONG_MAX = '9223372036854775807';

class Exit extends Error {
  constructor(readonly status: number) {
    super('exit');
  }
}

/** strtol_or_err: a whole decimal number in range, or iputils' message and exit status 1. */
async function intArg(ctx: Ctx, text: string, min: number, max: number, maxText = String(max)): Promise<number> {
  const n = strtolWhole(text);
  if (n === undefined) {
    await ctx.error(`invalid argument: '${text}'`);
    throw new Exit(1);
  }
  if (n < min || n > max) {
    await ctx.error(`invalid argument: '${text}': out of range: ${min} <= value <= ${maxText}`);
    throw new Exit(1);
  }
  return n;
}

/** ping_strtod: seconds with a fraction; garbage after the number only warns. */
async function secondsArg(ctx: Ctx, text: string, what: string): Promise<number> {
  const m = /^\s*([+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)(.*)$/s.exec(text);
  if (!m || text === '') {
    await ctx.error(`${what}: ${text}`);
    throw new Exit(2);
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
}

async function parse(ctx: Ctx): Promise<{ opts: Options; target: string }> {
  let parsed;
  try {
    parsed = getopt(ctx.argv.slice(1), DEFS);
  } catch (e) {
    if (!(e instanceof GetoptError)) throw e;
    await ctx.error(e.message);
    await ctx.err.write(PING_USAGE);
    throw new Exit(2);
  }
  const opts: Options = { count: 0, intervalMs: 1000, lingerMs: 10000, deadlineS: 0, quiet: false, numeric: false, size: 56, timestamps: false };
  const uid = ctx.sys.getuid();
  for (const { key, value = '' } of parsed.order) {
    switch (key) {
      case 'h': await ctx.err.write(PING_USAGE); throw new Exit(2);
      case 'V': await ctx.print(PING_VERSION); throw new Exit(0);
      case '6': await ctx.error('connect: Network is unreachable'); throw new Exit(2);
      case 'c': opts.count = await intArg(ctx, value, 1, Number.MAX_SAFE_INTEGER, LONG_MAX); break;
      case 'i': {
        const s = await secondsArg(ctx, value, 'bad timing interval');
        if (!Number.isFinite(s) || s > INT_MAX / 1000) { await ctx.error(`bad timing interval: ${value}`); throw new Exit(2); }
        opts.intervalMs = Math.trunc(s * 1000);
        break;
      }
      case 'W': {
        const s = await secondsArg(ctx, value, 'bad linger time');
        if (!(s >= 0) || s > INT_MAX / 1000) { await ctx.error(`bad linger time: ${value}`); throw new Exit(2); }
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
      default: break;
    }
  }
  const target = parsed.operands.at(-1);
  if (target === undefined) {
    await ctx.error(`usage error: ${strerror('EDESTADDRREQ')}`);
    throw new Exit(1);
  }
  if (uid !== 0 && opts.intervalMs < 2) {
    await ctx.error('cannot flood; minimal interval allowed for user is 2ms');
    throw new Exit(2);
  }
  return { opts, target };
}

export default defineProgram({
  name: 'ping',
  installPath: '/usr/bin/ping',
  pkg: 'iputils',
  async main(ctx) {
    try {
      const { opts, target } = await parse(ctx);
      return await run(ctx, opts, target);
    } catch (e) {
      if (e instanceof Exit) return e.status;
      throw e;
    }
  },
});

async function run(ctx: Ctx, opts: Options, target: string): Promise<number> {
  const sys = ctx.sys;
  const literal = inetAton(target);
  let address: string;
  let hostname = target;
  if (literal !== undefined) {
    address = literal;
    opts.numeric = true;
  } else {
    const r = await resolveHost(sys, target, 0);
    if (!r.ok) {
      await ctx.error(`${target}: ${r.message}`);
      return 2;
    }
    const first = preferIPv4(r.addresses)[0]!;
    if (first.family === 6) {
      await ctx.error('connect: Network is unreachable');
      return 2;
    }
    address = first.address;
    hostname = r.canonical;
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
  await ctx.print(`PING ${hostname} (${address}) ${opts.size}(${opts.size + 28}) bytes of data.\n`);
  await ctx.out.flush();
  return loop(ctx, opts, hostname, address);
}

interface Answer {
  at: number;
  seq: number;
  reply: EchoReply;
}

async function loop(ctx: Ctx, opts: Options, hostname: string, address: string): Promise<number> {
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
    const name = opts.numeric ? undefined : await reverseName(sys, addr);
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
      await show(ctx, opts, c, a, pr);
    }
    if (canSend() && t >= nextSend) {
      const seq = ++c.transmitted;
      c.elapsedMs = t;
      const reply = await traffic(sys, { kind: 'echo', dst: address, size: opts.size, ...(opts.ttl !== undefined ? { ttl: opts.ttl } : {}) });
      // a reply is due one round trip after its send; an error when the kernel reports it, and
      // errors reported together (a failed ARP resolution) share that moment and keep send order
      if (reply.kind === 'reply') pending.push({ at: t + Math.max(1, Math.round(reply.rttUs / 1000)), seq, reply });
      if (reply.kind === 'icmp-error') pending.push({ at: Math.max(t + 1, reply.at - startEpoch), seq, reply });
      // a send the firewall refused: iputils reports it and counts the packet as sent
      if (reply.kind === 'error' && !opts.quiet) await ctx.err.write(`ping: sendmsg: ${strerror(reply.errno)}\n`);
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

async function show(ctx: Ctx, opts: Options, c: { received: number; errors: number; rtts: number[] }, a: Answer, pr: (addr: string) => Promise<string>): Promise<void> {
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
    await ctx.print(`${stamp}From ${await pr(r.from)} icmp_seq=${a.seq} ${icmpText(r.type, r.code)}\n`);
  }
}
