// redis-server 7.4.1 (the redis image's CMD): logs its start in redis's format
// (`pid:role dd Mon yyyy HH:MM:SS.mmm level message`, our own wording), listens on 6379 over
// IPv4 and IPv6, answers RESP commands from redis-cli or nc (see redis-store.ts), and on
// SIGTERM/SIGINT or SHUTDOWN saves dump.rdb in its directory (/data in the image) and exits;
// the next start loads it, so a volume keeps the data.
import { isSysError } from '../../shared/errno';
import type { SocketReply } from '../../shared/services/sockets';
import { SIGNALS } from '../../shared/signals';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { traffic } from '../network-tools/netlib';
import { CONTAINER_PKG } from './pkg';
import { RedisServer } from './redis-serve';
import { REDIS_VERSION, type RedisConfig } from './redis-store';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');

/** redis's log time: `03 Oct 2024 02:20:11.101` (UTC, the containers' zone). */
export function redisTime(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}

/** `redis-server [FILE] [--name value...]`: the settings, or the fatal message. */
async function configure(ctx: Ctx, args: readonly string[]): Promise<RedisConfig | string> {
  const cfg: RedisConfig = { port: 6379, dir: '.', save: true };
  const settings: [string, string[]][] = [];
  let i = 0;
  if (args[0] !== undefined && !args[0].startsWith('--')) {
    cfg.file = args[0];
    i = 1;
    let text: string;
    try {
      text = new TextDecoder().decode(await ctx.sys.readFile(cfg.file));
    } catch (e) {
      if (!isSysError(e)) throw e;
      return `Fatal error, can't open config file '${cfg.file}': No such file or directory`;
    }
    for (const line of text.split('\n')) {
      const words = line.trim().split(/\s+/);
      if (!words[0] || words[0].startsWith('#')) continue;
      settings.push([words[0].toLowerCase(), words.slice(1).map((w) => w.replace(/^"(.*)"$/, '$1'))]);
    }
  }
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--')) return `Invalid argument '${a}': options must start with --`;
    const values: string[] = [];
    while (i + 1 < args.length && !args[i + 1]!.startsWith('--')) values.push(args[++i]!);
    settings.push([a.slice(2).toLowerCase(), values]);
  }
  for (const [name, values] of settings) {
    const v = values.join(' ');
    if (name === 'port') {
      if (!/^\d+$/.test(v) || Number(v) > 65535) return `Invalid argument '${v}' for CONFIG SET 'port'`;
      cfg.port = Number(v);
    } else if (name === 'dir') cfg.dir = v;
    else if (name === 'save') cfg.save = v !== '' && v !== '""';
    else if (name === 'requirepass') cfg.requirepass = v;
  }
  return cfg;
}

export default defineProgram({
  name: 'redis-server',
  installPath: '/usr/local/bin/redis-server',
  pkg: CONTAINER_PKG,
  async main(ctx) {
    const args = ctx.argv.slice(1);
    if (args[0] === '--version' || args[0] === '-v') {
      await ctx.print(`Redis server v=${REDIS_VERSION} sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=4e2b5a1d9c3f7e60\n`);
      return 0;
    }
    if (args[0] === '--help' || args[0] === '-h') {
      await ctx.err.write('Usage: ./redis-server [/path/to/redis.conf] [options] [-]\n       ./redis-server - (read config from stdin)\n       ./redis-server -v or --version\n       ./redis-server -h or --help\n\nExamples:\n       ./redis-server (run the server with default conf)\n       ./redis-server /etc/redis/6379.conf\n       ./redis-server --port 7777\n       ./redis-server --port 7777 --replicaof 127.0.0.1 8888\n       ./redis-server /etc/myredis.conf --loglevel verbose -\n\n');
      return 1;
    }
    const sys = ctx.sys;
    const pid = sys.pid;
    const log = async (role: string, level: string, text: string): Promise<void> => {
      await ctx.print(`${pid}:${role} ${redisTime(sys.now())} ${level} ${text}\n`);
      await ctx.out.flush();
    };
    const cfg = await configure(ctx, args);
    if (typeof cfg === 'string') {
      await ctx.err.write(`\n*** FATAL CONFIG FILE ERROR (Redis ${REDIS_VERSION}) ***\n${cfg}\n`);
      return 1;
    }
    try {
      const oc = new TextDecoder().decode(await sys.readFile('/proc/sys/vm/overcommit_memory')).trim();
      if (oc === '0') await log('C', '#', 'WARNING vm.overcommit_memory is 0: a background save or replication may fail when memory runs low. To avoid it, set vm.overcommit_memory = 1 in /etc/sysctl.conf and reboot, or run `sysctl vm.overcommit_memory=1`.');
    } catch {
      // no /proc/sys here: nothing to check
    }
    await log('C', '*', 'Redis is starting up');
    await log('C', '*', `Redis version=${REDIS_VERSION}, bits=64, commit=00000000, modified=0, pid=${pid}, just started`);
    if (cfg.file === undefined) await log('C', '#', 'Warning: started without a config file, so the defaults apply. To use one: redis-server /path/to/redis.conf');
    else await log('C', '*', 'Configuration loaded');
    await log('M', '*', 'monotonic clock: POSIX clock_gettime');
    const ids: number[] = [];
    for (const [family, address] of [[4, '0.0.0.0'], [6, '::']] as const) {
      const r = (await sys.call('sockets', { kind: 'listen', proto: 'tcp', family, address, port: cfg.port, v6only: true })) as SocketReply;
      if (r.kind === 'error') {
        const why = r.errno === 'EADDRINUSE' ? 'Address already in use' : r.errno === 'EACCES' ? 'Permission denied' : 'Invalid argument';
        await log('M', '#', `Warning: could not create the server TCP listening socket ${family === 4 ? '*' : '::*'}:${cfg.port}: bind: ${why}`);
        await log('M', '#', `Failed listening on port ${cfg.port} (tcp), aborting.`);
        return 1;
      }
      if (r.kind === 'ok' && r.id !== undefined) ids.push(r.id);
    }
    await log('M', '*', `Running mode=standalone, port=${cfg.port}.`);
    const server = new RedisServer(ctx, cfg, log);
    await log('M', '*', 'Server initialized');
    await server.loadRdb();
    await log('M', '*', 'Ready to accept connections tcp');

    let signalled = false;
    for (const sig of [SIGNALS.SIGTERM, SIGNALS.SIGINT]) {
      sys.signal(sig, (n) => {
        if (server.stopping) return;
        signalled = true;
        server.stopping = true;
        void ctx.print(`${pid}:signal-handler (${Math.floor(sys.now() / 1000)}) ${n === SIGNALS.SIGINT ? 'SIGINT' : 'SIGTERM'} received; shutting down...\n`);
      });
    }
    while (!server.stopping) {
      let c;
      try {
        c = await traffic(sys, { kind: 'accept', sockets: ids });
      } catch (e) {
        if (isSysError(e) && e.errno === 'EINTR') continue;
        throw e;
      }
      if (c.kind !== 'conn') break;
      void server.serve(c.id);
    }
    await ctx.out.flush();
    await log('M', '#', signalled ? 'Shutdown requested by a signal...' : 'Shutdown requested by a client...');
    if (cfg.save) {
      await log('M', '*', 'Saving the final RDB snapshot before exiting.');
      await server.saveRdb();
      await log('M', '*', 'DB saved on disk');
    }
    await log('M', '#', 'Redis is now ready to exit, bye bye...');
    return 0;
  },
});
