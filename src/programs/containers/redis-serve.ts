// One redis-server's connections: each client's commands are parsed (RESP arrays or inline
// lines), run against the keyspace, and answered in order; QUIT and SHUTDOWN end them.
import { isSysError } from '../../shared/errno';
import { SIGNALS } from '../../shared/signals';
import type { Ctx } from '../lib/context';
import { traffic } from '../network-tools/netlib';
import { RedisStoreFile } from './redis-rdb';
import { arr, bulk, encode, err, int, ok, parseCommand, type Resp } from './resp';
import { REDIS_VERSION, Store, type RedisConfig } from './redis-store';

type Log = (role: string, level: string, text: string) => Promise<void>;

export class RedisServer {
  stopping = false;
  readonly store: Store;
  private readonly startedAt: number;
  private readonly rdb: RedisStoreFile;

  constructor(
    private readonly ctx: Ctx,
    private readonly cfg: RedisConfig,
    private readonly log: Log,
  ) {
    this.store = new Store(() => ctx.sys.now());
    this.startedAt = ctx.sys.now();
    this.rdb = new RedisStoreFile(ctx, cfg.dir);
  }

  async loadRdb(): Promise<void> {
    const started = this.ctx.sys.now();
    const text = await this.rdb.read();
    if (text === undefined) return;
    if (!this.store.load(text)) {
      await this.log('M', '#', 'Wrong signature trying to load DB from file');
      return;
    }
    await this.log('M', '*', `DB loaded from disk: ${((this.ctx.sys.now() - started) / 1000).toFixed(3)} seconds`);
  }

  async saveRdb(): Promise<boolean> {
    return this.rdb.write(this.store.dump());
  }

  /** Serves one connection until the client leaves, QUITs or the server stops. */
  async serve(conn: number): Promise<void> {
    let buf = '';
    let authed = this.cfg.requirepass === undefined;
    try {
      for (;;) {
        const parsed = parseCommand(buf);
        if (parsed === 'incomplete') {
          let d;
          try {
            d = await traffic(this.ctx.sys, { kind: 'recv', conn });
          } catch (e) {
            if (isSysError(e) && e.errno === 'EINTR' && !this.stopping) continue;
            throw e;
          }
          if (d.kind === 'closed') return;
          buf += d.text;
          continue;
        }
        if ('error' in parsed) {
          await this.answer(conn, err(`ERR ${parsed.error}`));
          await traffic(this.ctx.sys, { kind: 'hangup', conn });
          return;
        }
        buf = buf.slice(parsed.end);
        const args = parsed.value;
        if (args.length === 0) continue;
        const name = args[0]!.toLowerCase();
        if (name === 'quit') {
          await this.answer(conn, ok);
          await traffic(this.ctx.sys, { kind: 'hangup', conn });
          return;
        }
        if (name === 'auth') {
          if (this.cfg.requirepass === undefined) await this.answer(conn, err('ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?'));
          else if (args[args.length - 1] === this.cfg.requirepass) {
            authed = true;
            await this.answer(conn, ok);
          } else await this.answer(conn, err('WRONGPASS invalid username-password pair or user is disabled.'));
          continue;
        }
        if (!authed) {
          await this.answer(conn, err('NOAUTH Authentication required.'));
          continue;
        }
        if (name === 'shutdown') {
          const save = this.cfg.save ? args[1]?.toLowerCase() !== 'nosave' : args[1]?.toLowerCase() === 'save';
          if (!save) this.cfg.save = false;
          this.stopping = true;
          // wake the accept loop, which then saves and says goodbye
          this.ctx.sys.kill(this.ctx.sys.pid, SIGNALS.SIGTERM);
          return;
        }
        await this.answer(conn, await this.command(name, args.slice(1)));
      }
    } catch (e) {
      // the server is ending (a signal, or the kernel closed the stream)
      if (!isSysError(e)) throw e;
    }
  }

  private async answer(conn: number, r: Resp): Promise<void> {
    await traffic(this.ctx.sys, { kind: 'answer', conn, text: encode(r) });
  }

  private async command(name: string, a: string[]): Promise<Resp> {
    const r = this.store.run(name, a);
    if (r) return r;
    switch (name) {
      case 'info': return bulk(this.info());
      case 'save': return (await this.saveRdb()) ? ok : err('ERR');
      case 'bgsave': {
        void this.saveRdb().then(async (saved) => {
          if (saved) await this.log('M', '*', 'Background saving terminated with success');
        });
        return { t: 'simple', v: 'Background saving started' };
      }
      case 'lastsave': return int(Math.floor(this.startedAt / 1000));
      case 'time': {
        const ms = this.ctx.sys.now();
        return arr([bulk(String(Math.floor(ms / 1000))), bulk(String((ms % 1000) * 1000))]);
      }
      case 'command': return arr([]);
      case 'client': return a[0]?.toLowerCase() === 'getname' ? bulk(null) : ok;
      case 'config': {
        if (a[0]?.toLowerCase() !== 'get' || a.length !== 2) return ok;
        const values: Record<string, string> = { port: String(this.cfg.port), dir: this.cfg.dir === '.' ? this.ctx.sys.getcwd() : this.cfg.dir, save: this.cfg.save ? '3600 1 300 100 60 10000' : '', appendonly: 'no', databases: '16' };
        const p = a[1]!.toLowerCase();
        return arr(p in values ? [bulk(p), bulk(values[p]!)] : []);
      }
    }
    const shown = a.slice(0, 3).map((x) => `'${x}' `).join('');
    return err(`ERR unknown command '${name}', with args beginning with: ${shown}`);
  }

  private info(): string {
    const uptime = Math.floor((this.ctx.sys.now() - this.startedAt) / 1000);
    const uname = this.ctx.sys.uname();
    return [
      '# Server', `redis_version:${REDIS_VERSION}`, 'redis_git_sha1:00000000', 'redis_git_dirty:0', 'redis_mode:standalone',
      `os:Linux ${uname.release} ${uname.machine}`, 'arch_bits:64', 'multiplexing_api:epoll', `process_id:${this.ctx.sys.pid}`,
      `tcp_port:${this.cfg.port}`, `uptime_in_seconds:${uptime}`, `uptime_in_days:${Math.floor(uptime / 86400)}`, 'executable:/data/redis-server',
      `config_file:${this.cfg.file ?? ''}`, '', '# Keyspace',
      ...(this.store.size ? [`db0:keys=${this.store.size},expires=${this.store.expiring},avg_ttl=0`] : []), '',
    ].join('\r\n');
  }
}
