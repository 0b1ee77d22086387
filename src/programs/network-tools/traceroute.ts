// traceroute (Dmitry Butskoy's 2.1, Photon's `tdnf install traceroute`): UDP probes to port
// 33434 and up with a growing TTL, three a hop by default. Each hop's line names who answered
// (again when a later probe of the hop is answered by someone else) and each probe's round
// trip, "*" for a probe nobody answered within the wait, and !H/!N/!P/!X... for an ICMP
// unreachable. It stops at the hop where the destination answers "port unreachable".
import { strerror } from '../../shared/errno';
import { defineProgram, ExitStatus } from '../define';
import type { Ctx } from '../lib/context';
import type { UdpReply } from '../../shared/services/traffic';
import { inetAton, preferIPv4, resolveHost, reverseName, traffic } from './netlib';

const VERSION = 'Modern traceroute for Linux, version 2.1.3\nCopyright (c) 2016  Dmitry Butskoy,   License: GPL v2 or any later\n';

const USAGE = `Usage:
  traceroute [ -46dFITnreAUDV ] [ -f first_ttl ] [ -g gate,... ] [ -i device ] [ -m max_ttl ] [ -N squeries ] [ -p port ] [ -t tos ] [ -l flow_label ] [ -w MAX,HERE,NEAR ] [ -q nqueries ] [ -s src_addr ] [ -z sendwait ] [ --fwmark=num ] host [ packetlen ]
Options:
  -4                          IPv4 only
  -6                          IPv6 only
  -f first_ttl                the TTL of the first hop probed (default 1)
  -I  --icmp                  probe with ICMP echo requests
  -T  --tcp                   probe with TCP SYNs (port 80 by default)
  -m max_ttl  --max-hops=max_ttl
                              the most hops probed (default 30)
  -n                          show addresses, not names
  -p port  --port=port        the first destination port (33434 for UDP)
  -q nqueries  --queries=nqueries
                              probes for each hop (default 3)
  -w MAX,HERE,NEAR  --wait=MAX,HERE,NEAR
                              how long to wait for an answer (default 5.0 s)
  -V  --version               print the version and exit
  --help                      print this help and exit

Arguments:
+     host          the host to trace the route to
      packetlen     the length of each probe (default: the IP header plus 40)
`;

/** Options that take a value: the next word (or the rest of this one). */
const WITH_VALUE = new Set(['f', 'g', 'i', 'm', 'N', 'p', 't', 'l', 'w', 'q', 's', 'z', 'M', 'O', 'P']);
const FLAGS = new Set(['4', '6', 'd', 'F', 'I', 'T', 'n', 'r', 'e', 'A', 'U', 'D', 'V']);
const LONG: Record<string, string> = { icmp: 'I', tcp: 'T', 'max-hops': 'm', port: 'p', queries: 'q', wait: 'w', version: 'V', first: 'f', udp: 'U', debug: 'd' };

const MARKS: Record<number, string> = { 0: '!N', 1: '!H', 2: '!P', 3: '', 4: '!F', 5: '!S', 9: '!X', 10: '!X', 13: '!X' };


export default defineProgram({
  name: 'traceroute',
  installPath: '/usr/bin/traceroute',
  pkg: 'traceroute',
  async main(ctx) {
    return run(ctx);
  },
});

async function run(ctx: Ctx): Promise<number> {
  const args = ctx.argv.slice(1);
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--help') {
      await ctx.err.write(USAGE);
      return 0;
    }
    if (a.startsWith('--')) {
      const [name = '', inline] = a.slice(2).split(/=(.*)/s);
      const key = LONG[name];
      if (!key) {
        await ctx.err.write(`Bad option \`${a}' (argc ${i + 1})\n`);
        return 2;
      }
      if (WITH_VALUE.has(key)) {
        const v = inline ?? args[++i];
        if (v === undefined) {
          await ctx.err.write(`Option \`${a}' (argc ${i}) requires an argument: \`${a}=${key === 'm' ? 'max_ttl' : 'num'}'\n`);
          return 2;
        }
        values.set(key, v);
      } else flags.add(key);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (FLAGS.has(c)) flags.add(c);
        else if (WITH_VALUE.has(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) {
            await ctx.err.write(`Option \`-${c}' (argc ${i}) requires an argument: \`-${c} ${c === 'm' ? 'max_ttl' : c === 'q' ? 'nqueries' : c === 'f' ? 'first_ttl' : c === 'p' ? 'port' : 'arg'}'\n`);
            return 2;
          }
          values.set(c, v);
          break;
        } else {
          await ctx.err.write(`Bad option \`-${c}' (argc ${i + 1})\n`);
          return 2;
        }
      }
      continue;
    }
    operands.push(a);
  }
  // (the version and the usage go to standard error)
  if (flags.has('V')) {
    await ctx.err.write(VERSION);
    return 0;
  }
  if (operands.length === 0) {
    await ctx.err.write(USAGE);
    return 0;
  }
  const number = async (key: string, def: number, min: number, max: number, what: string): Promise<number> => {
    const text = values.get(key);
    if (text === undefined) return def;
    const n = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!(n >= min && n <= max)) {
      await ctx.err.write(`${what}\n`);
      throw new ExitStatus(2);
    }
    return n;
  };
  const maxHops = await number('m', 30, 1, 255, 'max hops cannot be more than 255');
  const first = await number('f', 1, 1, maxHops, "first hop out of range");
  const queries = await number('q', 3, 1, 10, 'no more than 10 probes per hop');
  let port = await number('p', 33434, 0, 65535, 'Invalid port');
  const target = operands[0]!;
  const v6Only = flags.has('6');
  let address = v6Only ? undefined : inetAton(target);
  if (address === undefined || !/^[0-9.]+$/.test(target)) {
    const r = await resolveHost(ctx.sys, target, v6Only ? 6 : flags.has('4') ? 4 : 0);
    if (!r.ok) {
      await ctx.err.write(`${target}: ${r.message}\nCannot handle "host" cmdline arg \`${target}' on position 1 (argc ${args.indexOf(target) + 1})\n`);
      return 2;
    }
    const pick = preferIPv4(r.addresses)[0]!;
    if (pick.family === 6) {
      await ctx.err.write('connect: Network is unreachable\n');
      return 1;
    }
    address = pick.address;
  }
  const length = operands[1] !== undefined ? (/^\d+$/.test(operands[1]) ? Number(operands[1]) : NaN) : 60;
  if (Number.isNaN(length)) {
    await ctx.err.write(`Cannot handle "packetlen" cmdline arg \`${operands[1]}' on position 2 (argc ${args.indexOf(operands[1]!) + 1})\n`);
    return 2;
  }
  if (length > 65000) {
    await ctx.err.write(`too big packetlen ${length} specified\n`);
    return 2;
  }
  const size = Math.max(length, 28);
  await ctx.print(`traceroute to ${target} (${address}), ${maxHops} hops max, ${size} byte packets\n`);
  const route = await traffic(ctx.sys, { kind: 'route', dst: address });
  if (route.kind === 'error') {
    await ctx.out.flush();
    await ctx.err.write(`connect: ${strerror(route.errno)}\n`);
    return 1;
  }
  const numeric = flags.has('n');
  const names = new Map<string, string>();
  const who = async (addr: string): Promise<string> => {
    if (numeric) return addr;
    if (!names.has(addr)) names.set(addr, (await reverseName(ctx.sys, addr)) ?? addr);
    return `${names.get(addr)!} (${addr})`;
  };
  for (let ttl = first; ttl <= maxHops; ttl++) {
    let line = `${String(ttl).padStart(2)} `;
    let last: string | undefined;
    let reached = false;
    let stopped = 0;
    let waited = false;
    for (let q = 0; q < queries; q++) {
      const dst: string = address;
      const r: UdpReply = await traffic(ctx.sys, { kind: 'udp', dst, port: port++, ttl, size: size - 28 });
      if (r.kind === 'error' || r.kind === 'silent') {
        // (the probes of a hop go out together: one wait covers them all)
        if (!waited) await ctx.sys.sleep(5000);
        waited = true;
        line += ' *';
        continue;
      }
      const from: string = r.from;
      const us = r.kind === 'icmp-error' ? r.afterUs : r.rttUs;
      await ctx.sys.sleep(us / 1000);
      if (from !== last) line += ` ${await who(from)}`;
      last = from;
      line += `  ${(us / 1000).toFixed(3)} ms`;
      if (r.kind === 'port-unreachable') {
        if (from === address) reached = true;
      } else if (r.kind === 'icmp-error' && r.type === 3) {
        const mark = MARKS[r.code] ?? `!<${r.code}>`;
        if (mark) line += ` ${mark}`;
        stopped++;
      }
      await ctx.tick();
    }
    await ctx.print(`${line}\n`);
    await ctx.out.flush();
    if (reached || stopped > 0) break;
  }
  return 0;
}
