// redis-cli 7.4.1: `redis-cli [-h host] [-p port] [-a password] [--raw|--no-raw] [cmd [arg...]]`
// sends one command (or, without one, a command per line of standard input, or an interactive
// prompt on a terminal) to a redis-server over the traffic service and prints the replies as
// redis-cli does: `(integer) 1`, `"value"`, `(nil)`, numbered arrays; plain values with --raw or
// when standard output is not a terminal.
import { SIGNALS } from '../../shared/signals';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { inetAton, preferIPv4, resolveHost, traffic } from '../network-tools/netlib';
import { CONTAINER_PKG } from './pkg';
import { REDIS_VERSION } from './redis-store';
import { encode, parse, splitArgs, type Resp } from './resp';

interface Options {
  host: string;
  port: number;
  password?: string;
  raw: boolean;
  command: string[];
}

const HELP = `redis-cli ${REDIS_VERSION}

Usage: redis-cli [OPTIONS] [cmd [arg [arg ...]]]
  -h <hostname>      Server hostname (default: 127.0.0.1).
  -p <port>          Server port (default: 6379).
  -a <password>      Password to use when connecting to the server.
  -n <db>            Database number.
  --raw              Use raw formatting for replies (default when STDOUT is
                     not a tty).
  --no-raw           Force formatted output even when STDOUT is not a tty.
  --help             Output this help and exit.
  --version          Output version and exit.

Examples:
  redis-cli ping
  redis-cli -h 172.17.0.2 set greeting hello
  redis-cli --raw get greeting
  echo "incr counter" | redis-cli

When no command is given, redis-cli starts in interactive mode.
Type "help" in interactive mode for information on available commands
and settings.

`;

async function parseOptions(ctx: Ctx): Promise<Options | number> {
  const args = ctx.argv.slice(1);
  const o: Options = { host: '127.0.0.1', port: 6379, raw: !ctx.sys.isatty(1), command: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = async (): Promise<string | undefined> => {
      if (i + 1 < args.length) return args[++i];
      await ctx.err.write(`Unrecognized option or bad number of args for: '${a}'\n`);
      return undefined;
    };
    if (a === '-h') {
      const v = await value();
      if (v === undefined) return 1;
      o.host = v;
    } else if (a === '-p') {
      const v = await value();
      if (v === undefined) return 1;
      o.port = Number(v);
    } else if (a === '-a') {
      const v = await value();
      if (v === undefined) return 1;
      o.password = v;
    } else if (a === '-n') {
      if ((await value()) === undefined) return 1;
    } else if (a === '--raw') o.raw = true;
    else if (a === '--no-raw') o.raw = false;
    else if (a === '-v' || a === '--version') {
      await ctx.print(`redis-cli ${REDIS_VERSION}\n`);
      return 0;
    } else if (a === '--help') {
      await ctx.err.write(HELP);
      return 0;
    } else if (a.startsWith('-') && o.command.length === 0 && a !== '-') {
      await ctx.err.write(`Unrecognized option or bad number of args for: '${a}'\n`);
      return 1;
    } else {
      o.command = args.slice(i);
      break;
    }
  }
  return o;
}

/** A bulk string as redis-cli quotes it (sdscatrepr). */
function repr(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function formatted(r: Resp, indent = 0): string {
  switch (r.t) {
    case 'simple': return r.v;
    case 'error': return `(error) ${r.v}`;
    case 'int': return `(integer) ${r.v}`;
    case 'bulk': return r.v === null ? '(nil)' : repr(r.v);
    case 'array': {
      if (r.v === null) return '(nil)';
      if (r.v.length === 0) return '(empty array)';
      const width = String(r.v.length).length;
      return r.v.map((item, i) => {
        const prefix = `${String(i + 1).padStart(width)}) `;
        return `${i === 0 ? '' : ' '.repeat(indent)}${prefix}${formatted(item, indent + prefix.length)}`;
      }).join('\n');
    }
  }
}

function rawText(r: Resp): string {
  switch (r.t) {
    case 'simple': case 'error': return r.v;
    case 'int': return String(r.v);
    case 'bulk': return r.v ?? '';
    case 'array': return (r.v ?? []).map(rawText).join('\n');
  }
}

class Connection {
  private buf = '';

  constructor(
    private readonly ctx: Ctx,
    private readonly conn: number,
  ) {}

  /** Sends a command and waits for its reply; undefined when the server closed the connection. */
  async call(args: string[]): Promise<Resp | undefined> {
    await traffic(this.ctx.sys, { kind: 'send', conn: this.conn, text: encode({ t: 'array', v: args.map((a) => ({ t: 'bulk', v: a })) }) });
    for (;;) {
      const r = parse(this.buf);
      if (r !== 'incomplete') {
        if ('error' in r) return undefined;
        this.buf = this.buf.slice(r.end);
        return r.value;
      }
      const d = await traffic(this.ctx.sys, { kind: 'read', conn: this.conn });
      if (d.kind === 'closed') return undefined;
      this.buf += d.text;
    }
  }

  async close(): Promise<void> {
    await traffic(this.ctx.sys, { kind: 'close', conn: this.conn }).catch(() => undefined);
  }
}

async function connect(ctx: Ctx, o: Options): Promise<Connection | string> {
  const where = `Could not connect to Redis at ${o.host}:${o.port}`;
  let address = o.host === 'localhost' ? '127.0.0.1' : inetAton(o.host);
  if (address === undefined) {
    const r = await resolveHost(ctx.sys, o.host, 0);
    if (!r.ok) return `${where}: ${r.message}`;
    address = preferIPv4(r.addresses)[0]!.address;
  }
  const r = await traffic(ctx.sys, { kind: 'connect', dst: address, port: o.port });
  if (r.kind === 'error') return `${where}: ${r.errno === 'ENETUNREACH' ? 'Network is unreachable' : 'No route to host'}`;
  if (r.kind === 'timeout') {
    await ctx.sys.sleep(127_000);
    return `${where}: Connection timed out`;
  }
  if (r.kind === 'refused') {
    await ctx.sys.sleep(r.afterUs / 1000);
    return `${where}: Connection refused`;
  }
  if (r.kind === 'unreachable') {
    await ctx.sys.sleep(r.afterUs / 1000);
    return `${where}: ${r.errno === 'ENETUNREACH' ? 'Network is unreachable' : 'No route to host'}`;
  }
  await ctx.sys.sleep(r.rttUs / 1000);
  // a host of the simulated world: no redis answers there
  if (r.conn === undefined) return `${where}: Connection reset by peer`;
  return new Connection(ctx, r.conn);
}

export default defineProgram({
  name: 'redis-cli',
  installPath: '/usr/local/bin/redis-cli',
  pkg: CONTAINER_PKG,
  async main(ctx) {
    const o = await parseOptions(ctx);
    if (typeof o === 'number') return o;
    const show = async (r: Resp): Promise<void> => {
      await ctx.print(`${o.raw ? rawText(r) : formatted(r)}\n`);
    };
    if (o.password !== undefined) await ctx.err.write("Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.\n");
    const interactive = o.command.length === 0 && ctx.sys.isatty(0);
    const c = await connect(ctx, o);
    if (typeof c === 'string' && !interactive) {
      await ctx.err.write(`${c}\n`);
      return 1;
    }
    if (typeof c !== 'string' && o.password !== undefined) {
      const r = await c.call(['AUTH', o.password]);
      if (r?.t === 'error') await ctx.err.write(`AUTH failed: ${r.v}\n`);
    }
    if (o.command.length > 0) return runOne(ctx, c as Connection, o.command, show);
    if (!interactive) {
      const lines = (await ctx.readAll(0)).split('\n').filter((l) => l.trim() !== '');
      let status = 0;
      for (const line of lines) {
        await ctx.tick();
        const args = splitArgs(line);
        if (!args) {
          await ctx.err.write('Invalid argument(s)\n');
          continue;
        }
        status = await runOne(ctx, c as Connection, args, show);
      }
      return status;
    }
    return repl(ctx, o, typeof c === 'string' ? undefined : c, show, c);
  },
});

async function runOne(ctx: Ctx, c: Connection, args: string[], show: (r: Resp) => Promise<void>): Promise<number> {
  const r = await c.call(args);
  if (!r) {
    if (args[0]?.toLowerCase() === 'shutdown') return 0;
    await ctx.err.write('Error: Server closed the connection\n');
    return 1;
  }
  await show(r);
  return r.t === 'error' ? 1 : 0;
}

async function repl(ctx: Ctx, o: Options, conn: Connection | undefined, show: (r: Resp) => Promise<void>, first: Connection | string): Promise<number> {
  if (typeof first === 'string') await ctx.print(`${first}\n`);
  let c = conn;
  let interrupted = false;
  ctx.sys.signal(SIGNALS.SIGINT, () => (interrupted = true));
  const decoder = new TextDecoder();
  let pending = '';
  for (;;) {
    await ctx.print(c ? `${o.host}:${o.port}> ` : 'not connected> ');
    await ctx.out.flush();
    let line: string | undefined;
    while (line === undefined) {
      const nl = pending.indexOf('\n');
      if (nl >= 0) {
        line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        break;
      }
      let chunk: Uint8Array | null;
      try {
        chunk = await ctx.sys.read(0);
      } catch {
        if (interrupted) {
          await c?.close();
          return 0;
        }
        throw new Error('read failed');
      }
      if (chunk === null || chunk.length === 0) {
        await c?.close();
        return 0;
      }
      pending += decoder.decode(chunk, { stream: true });
    }
    const args = splitArgs(line);
    if (!args) {
      await ctx.print('Invalid argument(s)\n');
      continue;
    }
    if (args.length === 0) continue;
    const name = args[0]!.toLowerCase();
    if (name === 'quit' || name === 'exit') {
      await c?.close();
      return 0;
    }
    if (!c) {
      const again = await connect(ctx, o);
      if (typeof again === 'string') {
        await ctx.print(`${again}\n`);
        continue;
      }
      c = again;
    }
    const r = await c.call(args);
    if (!r) {
      if (name !== 'shutdown') await ctx.print('Error: Server closed the connection\n');
      c = undefined;
      continue;
    }
    await show(r);
  }
}
