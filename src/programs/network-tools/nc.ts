// ncat (nmap-ncat 7.93, installed as ncat with the nc link): `nc -l PORT` holds a listening
// socket (IPv6 then IPv4, as ncat binds them) and prints what connecting clients send; -k keeps
// it open for more. As a client it connects (-z: only that), prints a service's greeting or a web
// server's answer to the request read from stdin. Ncat's own messages go to stderr.
import type { SocketReply } from '../../shared/services/sockets';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError, type OptionDef } from '../lib/getopt';
import { parseUrl, responseHeaderLines, serverReply } from './curl-http';
import { inetAton, preferIPv4, resolveHost, traffic } from './netlib';
import { NCAT_HELP } from './nc-usage';

const VERSION = 'Ncat: Version 7.93 ( https://nmap.org/ncat )';
const ARG = 'required' as const;
const DEFS: OptionDef[] = [
  ...'46UCklntuvzh'.split('').map((c) => ({ key: c, short: c })),
  ...'ceGgmdoxipsw'.split('').map((c) => ({ key: c, short: c, arg: ARG })),
  ...[['listen', 'l'], ['keep-open', 'k'], ['nodns', 'n'], ['udp', 'u'], ['verbose', 'v'], ['help', 'h'], ['version', 'V'], ['crlf', 'C'], ['telnet', 't'], ['send-only', 'SO'], ['recv-only', 'RO']].map(([long, key]) => ({ key: key!, long: long! })),
  ...[['wait', 'w'], ['source-port', 'p'], ['source', 's'], ['exec', 'e'], ['sh-exec', 'c'], ['output', 'o'], ['idle-timeout', 'i'], ['max-conns', 'm'], ['delay', 'd']].map(([long, key]) => ({ key: key!, long: long!, arg: ARG })),
];
/** Linux gives up on unanswered SYNs after about this long (tcp_syn_retries=6). */
const SYN_TIMEOUT_MS = 127_000;

class Quit extends Error {
  constructor(readonly status: number) {
    super('quit');
  }
}

async function fatal(ctx: Ctx, message: string): Promise<never> {
  await ctx.err.write(`Ncat: ${message} QUITTING.\n`);
  throw new Quit(2);
}

/** ncat's time arguments: seconds, or a number with ms, s, m or h. */
function parseTime(text: string): number | undefined {
  const m = /^([0-9]+(?:\.[0-9]*)?)(ms|s|m|h)?$/.exec(text);
  if (!m) return undefined;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] ?? 's'] ?? 1000;
  return Number(m[1]) * unit;
}

async function parsePort(ctx: Ctx, text: string): Promise<number> {
  if (!/^[0-9]+$/.test(text) || Number(text) > 65535) return fatal(ctx, `Invalid port number "${text}".`);
  return Number(text);
}

export default defineProgram({
  name: 'ncat',
  installPath: '/usr/bin/ncat',
  aliases: ['/usr/bin/nc'],
  pkg: 'nmap-ncat',
  async main(ctx) {
    try {
      return await run(ctx);
    } catch (e) {
      if (e instanceof Quit) return e.status;
      throw e;
    }
  },
});

async function run(ctx: Ctx): Promise<number> {
  let parsed;
  try {
    parsed = getopt(ctx.argv.slice(1), DEFS);
  } catch (e) {
    if (!(e instanceof GetoptError)) throw e;
    await ctx.err.write(`${ctx.name}: ${e.message}\nNcat: Try \`--help' or man(1) ncat for more information, usage options and help. QUITTING.\n`);
    return 2;
  }
  const has = (k: string): boolean => parsed.flags.has(k);
  const value = (k: string): string | undefined => parsed.values.get(k)?.at(-1);
  if (has('V')) {
    await ctx.err.write(`${VERSION}\n`);
    return 0;
  }
  if (has('h')) {
    await ctx.print(NCAT_HELP);
    return 0;
  }
  const verbose = has('v');
  const waitMs = value('w') !== undefined ? parseTime(value('w')!) : undefined;
  if (value('w') !== undefined && !waitMs) return fatal(ctx, 'Invalid -w timeout (must be greater than 0).');
  if (verbose) await ctx.err.write(`${VERSION}\n`);
  if (has('l')) return listen(ctx, parsed.operands, value('p'), { verbose, keep: has('k'), udp: has('u'), v4: has('4'), v6: has('6') });
  if (parsed.operands.length === 0) return fatal(ctx, 'You must specify a host to connect to.');
  const [hostArg, portArg] = parsed.operands;
  const port = portArg === undefined ? 31337 : await parsePort(ctx, portArg);
  let address = /^[0-9.]+$/.test(hostArg!) ? inetAton(hostArg!) : undefined;
  if (address === undefined) {
    if (has('n')) return fatal(ctx, `Could not resolve hostname "${hostArg}": Name or service not known.`);
    const r = await resolveHost(ctx.sys, hostArg!, has('4') ? 4 : 0);
    if (!r.ok) return fatal(ctx, `Could not resolve hostname "${hostArg}": ${r.message}.`);
    address = preferIPv4(r.addresses)[0]!.address;
  }
  return connect(ctx, hostArg!, address, port, { verbose, zero: has('z'), waitMs });
}

async function listen(ctx: Ctx, operands: string[], portOpt: string | undefined, o: { verbose: boolean; keep: boolean; udp: boolean; v4: boolean; v6: boolean }): Promise<number> {
  const addrArg = operands.length >= 2 ? operands[0] : undefined;
  const portText = portOpt ?? (operands.length >= 2 ? operands[1] : operands[0]);
  const port = portText === undefined ? 31337 : await parsePort(ctx, portText);
  const binds: { family: 4 | 6; address: string }[] = addrArg !== undefined
    ? [{ family: addrArg.includes(':') ? 6 : 4, address: addrArg }]
    : [...(o.v4 ? [] : [{ family: 6 as const, address: '::' }]), ...(o.v6 ? [] : [{ family: 4 as const, address: '0.0.0.0' }])];
  const ids: number[] = [];
  for (const b of binds) {
    const shown = b.family === 6 ? `${b.address}:${port}` : `${b.address}:${port}`;
    const r = (await ctx.sys.call('sockets', { kind: 'listen', proto: o.udp ? 'udp' : 'tcp', family: b.family, address: b.address, port, v6only: true })) as SocketReply;
    if (r.kind === 'error') return fatal(ctx, `bind to ${shown}: ${r.errno === 'EADDRINUSE' ? 'Address already in use' : r.errno === 'EACCES' ? 'Permission denied' : 'Invalid argument'}.`);
    if (r.kind === 'ok' && r.id !== undefined) ids.push(r.id);
    if (o.verbose) await ctx.err.write(`Ncat: Listening on ${shown}\n`);
  }
  await ctx.flush();
  if (o.udp) {
    // datagrams are not delivered to programs here: hold the sockets until interrupted
    for (;;) await ctx.sys.sleep(3_600_000);
  }
  let stdinTaken = false;
  for (;;) {
    const c = await traffic(ctx.sys, { kind: 'accept', sockets: ids });
    if (c.kind !== 'conn') return 1;
    if (o.verbose) await ctx.err.write(`Ncat: Connection from ${c.from}.\nNcat: Connection from ${c.from}:${c.port}.\n`);
    await ctx.flush();
    // what arrives on stdin goes to the client; its end half-closes the connection
    if (!stdinTaken) {
      stdinTaken = true;
      void sendInput(ctx, c.id);
    }
    for (;;) {
      const d = await traffic(ctx.sys, { kind: 'recv', conn: c.id });
      if (d.kind === 'closed') break;
      await ctx.print(d.text);
      await ctx.out.flush();
    }
    if (!o.keep) return 0;
  }
}

async function connect(ctx: Ctx, host: string, address: string, port: number, o: { verbose: boolean; zero: boolean; waitMs: number | undefined }): Promise<number> {
  const r = await traffic(ctx.sys, { kind: 'connect', dst: address, port });
  const started = ctx.sys.now();
  if (r.kind === 'error') {
    await ctx.err.write(`Ncat: ${r.errno === 'ENETUNREACH' ? 'Network is unreachable' : 'No route to host'}.\n`);
    return 1;
  }
  if (r.kind === 'timeout') {
    const limit = o.waitMs ?? SYN_TIMEOUT_MS;
    await ctx.sys.sleep(limit);
    await ctx.err.write(o.waitMs !== undefined ? 'Ncat: TIMEOUT.\n' : 'Ncat: Connection timed out.\n');
    return 1;
  }
  if (r.kind !== 'connected') {
    await ctx.sys.sleep(r.afterUs / 1000);
    await ctx.err.write(r.kind === 'refused' ? 'Ncat: Connection refused.\n' : `Ncat: ${r.errno === 'ENETUNREACH' ? 'Network is unreachable' : 'No route to host'}.\n`);
    return 1;
  }
  await ctx.sys.sleep(r.rttUs / 1000);
  if (o.verbose) await ctx.err.write(`Ncat: Connected to ${address}:${port}.\n`);
  let sent = 0;
  let received = 0;
  if (!o.zero) {
    if (r.peer.kind === 'remote' && r.peer.banner !== undefined) {
      const banner = `${r.peer.banner}\r\n`;
      received += banner.length;
      await ctx.print(banner);
    }
    const input = await ctx.readAll(0);
    sent = new TextEncoder().encode(input).length;
    if (r.conn !== undefined) {
      // a server of this machine answers for itself: print what it sends until it hangs up
      if (input) await traffic(ctx.sys, { kind: 'send', conn: r.conn, text: input });
      for (;;) {
        const d = await traffic(ctx.sys, { kind: 'read', conn: r.conn });
        if (d.kind === 'closed') break;
        received += new TextEncoder().encode(d.text).length;
        await ctx.print(d.text);
        await ctx.out.flush();
      }
    }
    const request = /^([A-Z]+) (\S+) HTTP\/1\.[01]\r?\n/.exec(input);
    const url = parseUrl(`http://${host}:${port}${request?.[2] ?? '/'}`);
    if (request && url.ok && r.conn === undefined) {
      const reply = serverReply(r.peer, url.url, request[1]!, ctx.sys.now());
      if (reply.kind === 'http') {
        const text = `${responseHeaderLines(reply.response).join('\r\n')}\r\n\r\n${reply.response.body}`;
        received += new TextEncoder().encode(text).length;
        await ctx.sys.sleep(r.rttUs / 1000);
        await ctx.print(text);
      }
    }
  }
  if (r.conn !== undefined) await traffic(ctx.sys, { kind: 'close', conn: r.conn });
  if (o.verbose) await ctx.err.write(`Ncat: ${sent} bytes sent, ${received} bytes received in ${((ctx.sys.now() - started) / 1000 + 0.01).toFixed(2)} seconds.\n`);
  return 0;
}

/** Copies stdin to the client of connection `conn` until its end, then hangs up (SHUT_WR). */
async function sendInput(ctx: Ctx, conn: number): Promise<void> {
  try {
    for (;;) {
      const chunk = await ctx.sys.read(0, 65536);
      if (!chunk || chunk.length === 0) break;
      const r = await traffic(ctx.sys, { kind: 'answer', conn, text: new TextDecoder().decode(chunk) });
      if (r.kind !== 'ok') return;
    }
    await traffic(ctx.sys, { kind: 'hangup', conn });
  } catch {
    // the process is ending (a signal): the kernel hangs up for it
  }
}
