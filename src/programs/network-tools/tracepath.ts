// tracepath (iputils 20221126): UDP probes with a growing TTL; each router on the way answers
// "time exceeded", the destination "port unreachable" (reached). The first probe is as large
// as the path allows, so the outgoing device's MTU shows first as [LOCALHOST] pmtu. Three
// unanswered probes, a second each, make a "no reply" line.
import { strerror } from '../../shared/errno';
import { defineProgram, ExitStatus } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError, type OptionDef } from '../lib/getopt';
import { inetAton, preferIPv4, resolveHost, reverseName, strtolWhole, traffic } from './netlib';
import { PING_VERSION } from './ping-usage';

const USAGE = '\nUsage\n  tracepath [options] <destination>\n\nOptions:\n  -4             use IPv4\n  -6             use IPv6\n  -b             print both name and ip\n  -l <length>    use packet <length>\n  -m <hops>      use maximum <hops>\n  -n             no dns name resolution\n  -p <port>      use destination <port>\n  -V             print version and exit\n  <destination>  dns name or ip address\n\nFor more details see tracepath(8).\n';
const DEFS: OptionDef[] = [
  ...'46nbhV'.split('').map((c) => ({ key: c, short: c })),
  ...'lmp'.split('').map((c) => ({ key: c, short: c, arg: 'required' as const })),
];
const HOST_COLUMN = 52;
const DEFAULT_MTU = 65535;
const OVERHEAD = 28;
const WAIT_US = 1_000_000;


async function num(ctx: Ctx, text: string, min: number, max: number): Promise<number> {
  const n = strtolWhole(text);
  if (n === undefined) {
    await ctx.error(`invalid argument: '${text}'`);
    throw new ExitStatus(1);
  }
  if (n < min || n > max) {
    await ctx.error(`invalid argument: '${text}': out of range: ${min} <= value <= ${max}`);
    throw new ExitStatus(1);
  }
  return n;
}

export default defineProgram({
  name: 'tracepath',
  installPath: '/usr/bin/tracepath',
  pkg: 'iputils',
  async main(ctx) {
    return run(ctx);
  },
});

function fmtMs(us: number): string {
  return `${String(Math.floor(us / 1000)).padStart(3)}.${String(us % 1000).padStart(3, '0')}ms `;
}

async function run(ctx: Ctx): Promise<number> {
  let parsed;
  try {
    parsed = getopt(ctx.argv.slice(1), DEFS);
  } catch (e) {
    if (!(e instanceof GetoptError)) throw e;
    await ctx.error(e.message);
    await ctx.err.write(USAGE);
    return 255;
  }
  let maxHops = 30;
  let mtu = 0;
  let basePort = 0;
  for (const { key, value = '' } of parsed.order) {
    if (key === 'V') {
      await ctx.print(PING_VERSION.replace('ping from', 'tracepath from'));
      return 0;
    }
    if (key === 'h') {
      await ctx.err.write(USAGE);
      return 255;
    }
    if (key === 'm') maxHops = await num(ctx, value, 0, 255);
    if (key === 'l') mtu = await num(ctx, value, OVERHEAD, 2147483647);
    if (key === 'p') basePort = await num(ctx, value, 0, 65535);
  }
  if (parsed.operands.length !== 1) {
    await ctx.err.write(USAGE);
    return 255;
  }
  let target = parsed.operands[0]!;
  if (!basePort) {
    const slash = target.indexOf('/');
    if (slash >= 0) {
      basePort = await num(ctx, target.slice(slash + 1), 0, 65535);
      target = target.slice(0, slash);
    } else basePort = 44444;
  }
  const numeric = parsed.flags.has('n');
  const both = parsed.flags.has('b');
  let address = inetAton(target);
  if (address === undefined || !/^[0-9.]+$/.test(target)) {
    const r = await resolveHost(ctx.sys, target, parsed.flags.has('6') ? 6 : 0);
    if (!r.ok) {
      await ctx.error(`${target}: ${r.message}`);
      return 1;
    }
    const first = preferIPv4(r.addresses)[0]!;
    if (first.family === 6) {
      await ctx.error(`socket/connect: ${strerror('ENETUNREACH')}`);
      return 1;
    }
    address = first.address;
  }
  if (!mtu) mtu = DEFAULT_MTU;
  const host = async (addr: string): Promise<string> => {
    const name = numeric && !both ? undefined : ((await reverseName(ctx.sys, addr)) ?? addr);
    const text = numeric ? addr : both ? `${name} (${addr})` : name!;
    return text.length >= HOST_COLUMN ? `${text} ` : text.padEnd(HOST_COLUMN);
  };
  const route = await traffic(ctx.sys, { kind: 'route', dst: address });
  let out = '';
  const flush = async (): Promise<void> => {
    await ctx.print(out);
    await ctx.out.flush();
    out = '';
  };
  let hopsTo = -1;
  let hopsFrom = -1;
  let port = basePort;
  let pmtuFound = false;
  let done = false;
  for (let ttl = 1; ttl <= maxHops && !done; ttl++) {
    if (route.kind === 'error') {
      out += `${String(ttl).padStart(2)}:  send failed\n`;
      done = true;
      break;
    }
    if (mtu > route.mtu) {
      out += `${String(ttl).padStart(2)}?: ${'[LOCALHOST]'.padEnd(32)} pmtu ${route.mtu}\n`;
      mtu = route.mtu;
      pmtuFound = true;
    }
    let answered = false;
    // after the path MTU is learned the first hop is probed (and printed) once more
    const rounds = pmtuFound && ttl === 1 ? 2 : 1;
    for (let probe = 0; probe < 3 && !answered; probe++) {
      const r = await traffic(ctx.sys, { kind: 'udp', dst: address, port: port++, ttl, size: mtu - OVERHEAD });
      if (r.kind === 'error' || r.kind === 'silent') {
        await ctx.sys.sleep(WAIT_US / 1000);
        continue;
      }
      const lead = `${String(ttl).padStart(2)}:  `;
      if (r.kind === 'time-exceeded') {
        await ctx.sys.sleep(r.rttUs / 1000);
        out += `${lead}${await host(r.from)}${fmtMs(r.rttUs)}\n`;
        for (let again = 1; again < rounds; again++) {
          const r2 = await traffic(ctx.sys, { kind: 'udp', dst: address, port: port++, ttl, size: mtu - OVERHEAD });
          if (r2.kind === 'time-exceeded') out += `${lead}${await host(r2.from)}${fmtMs(r2.rttUs)}\n`;
        }
        answered = true;
      } else if (r.kind === 'port-unreachable') {
        await ctx.sys.sleep(r.rttUs / 1000);
        const back = r.ttl <= 64 ? 65 - r.ttl : r.ttl <= 128 ? 129 - r.ttl : 256 - r.ttl;
        out += `${lead}${await host(r.from)}${fmtMs(r.rttUs)}reached\n`;
        hopsTo = ttl;
        hopsFrom = back;
        answered = true;
        done = true;
      } else {
        await ctx.sys.sleep(r.afterUs / 1000);
        const mark = r.type === 3 && (r.code === 0 || r.code === 6 || r.code === 9) ? '!N' : '!H';
        out += `${lead}${await host(r.from)}${fmtMs(r.afterUs)}${mark}\n`;
        answered = true;
        done = true;
      }
      await ctx.tick();
    }
    if (!answered) out += `${String(ttl).padStart(2)}:  no reply\n`;
    await flush();
  }
  if (!done) out += `     Too many hops: pmtu ${mtu}\n`;
  out += `     Resume: pmtu ${mtu} ${hopsTo >= 0 ? `hops ${hopsTo} ` : ''}${hopsFrom >= 0 ? `back ${hopsFrom} ` : ''}\n`;
  await flush();
  return 0;
}
