// redis-server's keyspace: strings and lists with expiry on the virtual clock, the commands
// that work on them (a useful subset of redis 7.4's), and the RDB file it saves on shutdown
// (our own encoding after the real magic, so `head -c 9 dump.rdb` says REDIS0011).
import { compileFnmatch } from '../lib/fnmatch';
import { arr, bulk, err, int, nil, ok, type Resp } from './resp';

export const REDIS_VERSION = '7.4.1';

/** What redis-server was started with (its config file and --options). */
export interface RedisConfig {
  port: number;
  dir: string;
  save: boolean;
  requirepass?: string;
  file?: string;
}

type Value = { kind: 'string'; v: string } | { kind: 'list'; v: string[] };

export const RDB_MAGIC = 'REDIS0011';
const WRONGTYPE = err('WRONGTYPE Operation against a key holding the wrong kind of value');
const NOT_INT = err('ERR value is not an integer or out of range');
const SYNTAX = err('ERR syntax error');

/** [min args, max args] after the command name (-1: any number). */
const ARITY: Readonly<Record<string, [number, number]>> = {
  ping: [0, 1], echo: [1, 1], set: [2, -1], get: [1, 1], getdel: [1, 1], del: [1, -1], unlink: [1, -1], exists: [1, -1], incr: [1, 1], decr: [1, 1],
  incrby: [2, 2], decrby: [2, 2], append: [2, 2], strlen: [1, 1], mset: [2, -1], mget: [1, -1], keys: [1, 1], dbsize: [0, 0],
  flushall: [0, 1], flushdb: [0, 1], expire: [2, 3], pexpire: [2, 3], ttl: [1, 1], pttl: [1, 1], persist: [1, 1], type: [1, 1],
  lpush: [2, -1], rpush: [2, -1], lpop: [1, 2], rpop: [1, 2], lrange: [3, 3], llen: [1, 1], select: [1, 1], randomkey: [0, 0],
};

export class Store {
  private readonly data = new Map<string, Value>();
  private readonly expires = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  get size(): number {
    this.purge();
    return this.data.size;
  }

  get expiring(): number {
    this.purge();
    return this.expires.size;
  }

  private purge(): void {
    const t = this.now();
    for (const [k, at] of this.expires) if (at <= t) this.drop(k);
  }

  private drop(k: string): void {
    this.data.delete(k);
    this.expires.delete(k);
  }

  private lookup(k: string): Value | undefined {
    const at = this.expires.get(k);
    if (at !== undefined && at <= this.now()) this.drop(k);
    return this.data.get(k);
  }

  private str(k: string): string | null | Resp {
    const v = this.lookup(k);
    if (!v) return null;
    return v.kind === 'string' ? v.v : WRONGTYPE;
  }

  /** Runs one command (name lowercased by the caller); undefined for a command it does not know. */
  run(name: string, a: string[]): Resp | undefined {
    const arity = ARITY[name];
    if (!arity) return undefined;
    if (a.length < arity[0] || (arity[1] >= 0 && a.length > arity[1])) return err(`ERR wrong number of arguments for '${name}' command`);
    switch (name) {
      case 'ping': return a.length ? bulk(a[0]!) : { t: 'simple', v: 'PONG' };
      case 'echo': return bulk(a[0]!);
      case 'set': return this.set(a);
      case 'get': case 'getdel': {
        const v = this.str(a[0]!);
        if (typeof v === 'object' && v !== null) return v;
        if (name === 'getdel' && v !== null) this.drop(a[0]!);
        return bulk(v);
      }
      case 'del': case 'unlink': return int(a.filter((k) => this.lookup(k) !== undefined && (this.drop(k), true)).length);
      case 'exists': return int(a.filter((k) => this.lookup(k) !== undefined).length);
      case 'incr': case 'decr': case 'incrby': case 'decrby': {
        const by = name === 'incr' ? 1 : name === 'decr' ? -1 : Number(a[1]) * (name === 'decrby' ? -1 : 1);
        if (!Number.isSafeInteger(by)) return NOT_INT;
        const cur = this.str(a[0]!);
        if (typeof cur === 'object' && cur !== null) return cur;
        const n = cur === null ? 0 : /^-?\d+$/.test(cur) ? Number(cur) : NaN;
        if (!Number.isSafeInteger(n) || !Number.isSafeInteger(n + by)) return NOT_INT;
        this.data.set(a[0]!, { kind: 'string', v: String(n + by) });
        return int(n + by);
      }
      case 'append': {
        const cur = this.str(a[0]!);
        if (typeof cur === 'object' && cur !== null) return cur;
        const v = (cur ?? '') + a[1]!;
        this.data.set(a[0]!, { kind: 'string', v });
        return int(new TextEncoder().encode(v).length);
      }
      case 'strlen': {
        const cur = this.str(a[0]!);
        if (typeof cur === 'object' && cur !== null) return cur;
        return int(new TextEncoder().encode(cur ?? '').length);
      }
      case 'mset': {
        if (a.length % 2) return err("ERR wrong number of arguments for 'mset' command");
        for (let i = 0; i < a.length; i += 2) this.put(a[i]!, a[i + 1]!);
        return ok;
      }
      case 'mget': return arr(a.map((k) => { const v = this.lookup(k); return bulk(v?.kind === 'string' ? v.v : null); }));
      case 'keys': {
        this.purge();
        const match = compileFnmatch(a[0]!);
        return arr([...this.data.keys()].filter((k) => match(k)).map((k) => bulk(k)));
      }
      case 'randomkey': { this.purge(); const k = [...this.data.keys()][0]; return k === undefined ? nil : bulk(k); }
      case 'dbsize': return int(this.size);
      case 'flushall': case 'flushdb': this.data.clear(); this.expires.clear(); return ok;
      case 'expire': case 'pexpire': {
        const n = Number(a[1]);
        if (!Number.isSafeInteger(n)) return NOT_INT;
        if (!this.lookup(a[0]!)) return int(0);
        this.expires.set(a[0]!, this.now() + n * (name === 'expire' ? 1000 : 1));
        return int(1);
      }
      case 'ttl': case 'pttl': {
        if (!this.lookup(a[0]!)) return int(-2);
        const at = this.expires.get(a[0]!);
        if (at === undefined) return int(-1);
        const ms = at - this.now();
        return int(name === 'ttl' ? Math.round(ms / 1000) : ms);
      }
      case 'persist': return int(this.lookup(a[0]!) && this.expires.delete(a[0]!) ? 1 : 0);
      case 'type': return { t: 'simple', v: this.lookup(a[0]!)?.kind ?? 'none' };
      case 'lpush': case 'rpush': {
        const v = this.lookup(a[0]!);
        if (v && v.kind !== 'list') return WRONGTYPE;
        const list = v?.v ?? [];
        for (const x of a.slice(1)) if (name === 'lpush') list.unshift(x); else list.push(x);
        this.data.set(a[0]!, { kind: 'list', v: list });
        return int(list.length);
      }
      case 'lpop': case 'rpop': {
        const v = this.lookup(a[0]!);
        if (!v) return a.length > 1 ? { t: 'array', v: null } : nil;
        if (v.kind !== 'list') return WRONGTYPE;
        const count = a.length > 1 ? Number(a[1]) : 1;
        if (!Number.isSafeInteger(count) || count < 0) return err('ERR value is out of range, must be positive');
        const out = name === 'lpop' ? v.v.splice(0, count) : v.v.splice(Math.max(0, v.v.length - count)).reverse();
        if (v.v.length === 0) this.drop(a[0]!);
        return a.length > 1 ? arr(out.map((x) => bulk(x))) : bulk(out[0] ?? null);
      }
      case 'lrange': {
        const v = this.lookup(a[0]!);
        let start = Number(a[1]);
        let stop = Number(a[2]);
        if (!Number.isSafeInteger(start) || !Number.isSafeInteger(stop)) return NOT_INT;
        if (!v) return arr([]);
        if (v.kind !== 'list') return WRONGTYPE;
        const n = v.v.length;
        if (start < 0) start = Math.max(0, n + start);
        if (stop < 0) stop = n + stop;
        return arr(v.v.slice(start, Math.min(stop, n - 1) + 1).map((x) => bulk(x)));
      }
      case 'llen': {
        const v = this.lookup(a[0]!);
        if (v && v.kind !== 'list') return WRONGTYPE;
        return int(v?.v.length ?? 0);
      }
      case 'select': return /^\d+$/.test(a[0]!) && Number(a[0]) < 16 ? ok : err('ERR DB index is out of range');
    }
    return undefined;
  }

  private put(k: string, v: string): void {
    this.data.set(k, { kind: 'string', v });
    this.expires.delete(k);
  }

  private set(a: string[]): Resp {
    const [k, v] = [a[0]!, a[1]!];
    let ttl: number | undefined;
    let nx = false;
    let xx = false;
    let keep = false;
    for (let i = 2; i < a.length; i++) {
      const o = a[i]!.toLowerCase();
      if (o === 'nx') nx = true;
      else if (o === 'xx') xx = true;
      else if (o === 'keepttl') keep = true;
      else if ((o === 'ex' || o === 'px') && i + 1 < a.length) {
        const n = Number(a[++i]);
        if (!Number.isSafeInteger(n)) return NOT_INT;
        if (n <= 0) return err("ERR invalid expire time in 'set' command");
        ttl = o === 'ex' ? n * 1000 : n;
      } else return SYNTAX;
    }
    if (nx && xx) return SYNTAX;
    const exists = this.lookup(k) !== undefined;
    if ((nx && exists) || (xx && !exists)) return nil;
    const at = keep ? this.expires.get(k) : undefined;
    this.put(k, v);
    if (ttl !== undefined) this.expires.set(k, this.now() + ttl);
    else if (at !== undefined) this.expires.set(k, at);
    return ok;
  }

  /** The RDB file's bytes: the magic, then our own JSON rendering of the keyspace. */
  dump(): string {
    this.purge();
    const keys = [...this.data].map(([k, v]) => [k, v.kind, v.v, this.expires.get(k) ?? null]);
    return `${RDB_MAGIC}${JSON.stringify({ keys })}`;
  }

  /** Loads what dump() wrote; false when the file is not ours. */
  load(text: string): boolean {
    if (!text.startsWith(RDB_MAGIC)) return false;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.slice(RDB_MAGIC.length));
    } catch {
      return false;
    }
    const keys = (parsed as { keys?: unknown }).keys;
    if (!Array.isArray(keys)) return false;
    for (const item of keys) {
      if (!Array.isArray(item) || typeof item[0] !== 'string') continue;
      const [k, kind, v, at] = item as [string, unknown, unknown, unknown];
      if (kind === 'string' && typeof v === 'string') this.data.set(k, { kind, v });
      else if (kind === 'list' && Array.isArray(v) && v.every((x) => typeof x === 'string')) this.data.set(k, { kind, v: v as string[] });
      else continue;
      if (typeof at === 'number') this.expires.set(k, at);
    }
    return true;
  }
}
