// Turns accepted directives into the configuration model, with the checks nginx's directive
// handlers make (ngx_core_module, ngx_events_module and the http modules in conf-http.ts):
// "is duplicate", invalid values, users that do not exist, modules that cannot be loaded.
import type { Accounts } from '../lib/accounts';
import { ConfError, type ConfCtx, type Directive } from './conf-parse';
import { newLoc, type AccessRule, type CoreConf, type ErrorLogSpec, type LocConf, type ScriptOp, type ServerConf } from './conf-model';
import { atoi, ERR, parseFlag, parseLogLevel, slotError } from './conf-values';
import { finishHttp, httpDirective, type ListenPlan } from './conf-http';

export interface BuildEnv {
  /** The prefix relative paths start from ("/etc/nginx/"). */
  prefix: string;
  euid: number;
  accounts: Accounts;
  hostname: string;
  /** getaddrinfo for `listen host:port`: the addresses, or undefined when the host is unknown. */
  resolve(host: string): Promise<{ family: 4 | 6; address: string }[] | undefined>;
  exists(path: string): Promise<boolean>;
  /** A message at WARN level (already located). */
  warn(message: string): void;
}

export interface NgxCtx extends ConfCtx {
  loc?: LocConf;
  server?: ServerConf;
  /** Where rewrite module directives (return, rewrite, set, if, break) go. */
  script?: ScriptOp[];
  /** limit_except collects its access rules here. */
  rules?: AccessRule[];
  /** The upstream block being read. */
  upstream?: string;
}

export class ConfBuilder {
  readonly core: CoreConf = { errorLogs: [], events: false, userSet: false, seen: new Set() };
  plan: ListenPlan[] = [];
  readonly usedVariables = new Set<string>();
  readonly definedVariables = new Set<string>();
  readonly upstreams = new Set<string>();

  constructor(readonly env: BuildEnv) {}

  /** Absolute path against the prefix (ngx_conf_full_name). */
  full(path: string): string {
    return path.startsWith('/') ? path : `${this.env.prefix}${path}`;
  }

  warnAt(d: Directive, message: string): void {
    this.env.warn(`${message}${d.file === undefined ? ' in command line' : ` in ${d.file}:${d.line}`}`);
  }

  async handle(d: Directive, ctx: NgxCtx, block: boolean): Promise<NgxCtx | undefined> {
    if (ctx.letter === 'm') return this.main(d);
    if (ctx.letter === 'e') {
      this.events(d);
      return undefined;
    }
    return httpDirective(this, d, ctx, block);
  }

  private once(d: Directive, seen: Set<string>): void {
    if (seen.has(d.name)) throw slotError(d.name, 'is duplicate');
    seen.add(d.name);
  }

  private async main(d: Directive): Promise<NgxCtx | undefined> {
    const c = this.core;
    const a = d.args;
    switch (d.name) {
      case 'daemon':
      case 'master_process': {
        this.once(d, c.seen);
        const v = parseFlag(d.name, a[0]!);
        if (d.name === 'daemon') c.daemon = v;
        else c.master = v;
        return undefined;
      }
      case 'worker_processes': {
        this.once(d, c.seen);
        if (a[0] === 'auto') c.workerProcesses = 2;
        else {
          const n = atoi(a[0]!);
          if (n === undefined) throw slotError(d.name, 'invalid value');
          c.workerProcesses = n;
        }
        return undefined;
      }
      case 'user':
        return this.user(d);
      case 'pid':
      case 'lock_file':
      case 'working_directory':
        this.once(d, c.seen);
        if (d.name === 'pid') c.pid = a[0];
        return undefined;
      case 'error_log':
        c.errorLogs.push(this.errorLog(d));
        return undefined;
      case 'load_module': {
        const path = this.full(a[0]!);
        if (!(await this.env.exists(path))) throw new ConfError(`dlopen() "${path}" failed (${path}: cannot open shared object file: No such file or directory)`);
        return undefined;
      }
      case 'events':
        if (c.events) throw slotError(d.name, 'is duplicate');
        c.events = true;
        return { letter: 'e' };
      case 'http': {
        if (c.http) throw slotError(d.name, 'is duplicate');
        const loc = newLoc(undefined, d.file, d.line);
        c.http = { loc, servers: [], logFormats: new Map(), upstreams: new Map() };
        return { letter: 'h', loc, done: () => finishHttp(this) };
      }
      case 'worker_rlimit_nofile':
      case 'worker_rlimit_core':
      case 'worker_priority':
      case 'timer_resolution':
      case 'worker_shutdown_timeout':
      case 'pcre_jit':
      case 'ssl_engine':
      case 'debug_points':
        this.once(d, c.seen);
        return undefined;
      default:
        return undefined;
    }
  }

  private user(d: Directive): undefined {
    const c = this.core;
    if (c.userSet) throw slotError(d.name, 'is duplicate');
    if (this.env.euid !== 0) {
      this.warnAt(d, 'the "user" directive makes sense only if the master process runs with super-user privileges, ignored');
      return undefined;
    }
    c.userSet = true;
    const name = d.args[0]!;
    const pw = this.env.accounts.userByName(name);
    if (!pw) throw new ConfError(`getpwnam("${name}") failed`);
    const group = d.args[1] ?? name;
    const gr = this.env.accounts.groupByName(group);
    if (!gr) throw new ConfError(`getgrnam("${group}") failed`);
    c.user = { name, uid: pw.uid, gid: gr.gid, group };
    return undefined;
  }

  /** ngx_log_set_log: a file (or "stderr") and an optional level, "error" by default. */
  errorLog(d: Directive): ErrorLogSpec {
    const [file, ...levels] = d.args;
    const level = levels.length ? Math.min(...levels.map(parseLogLevel)) : ERR;
    if (file === 'stderr') return { path: '', level: level as ErrorLogSpec['level'] };
    if (file!.startsWith('syslog:') || file!.startsWith('memory:')) return { path: '-', level: level as ErrorLogSpec['level'] };
    return { path: this.full(file!), level: level as ErrorLogSpec['level'] };
  }

  private events(d: Directive): void {
    const c = this.core;
    switch (d.name) {
      case 'worker_connections': {
        this.once(d, c.seen);
        const n = atoi(d.args[0]!);
        if (n === undefined) throw new ConfError(`invalid number "${d.args[0]}"`);
        c.workerConnections = n;
        return;
      }
      case 'use':
        this.once(d, c.seen);
        if (!['epoll', 'select', 'poll'].includes(d.args[0]!)) throw new ConfError(`invalid event type "${d.args[0]}"`);
        return;
      case 'multi_accept':
      case 'accept_mutex':
        this.once(d, c.seen);
        parseFlag(d.name, d.args[0]!);
        return;
      default:
        this.once(d, c.seen);
    }
  }

  /** ngx_core_module_init_conf and ngx_event_init_conf, after the whole file. */
  finish(): void {
    const c = this.core;
    if (!c.userSet && this.env.euid === 0) {
      const pw = this.env.accounts.userByName('nginx');
      if (!pw) throw new ConfError('getpwnam("nginx") failed', true);
      const gr = this.env.accounts.groupByName('nginx');
      if (!gr) throw new ConfError('getgrnam("nginx") failed', true);
      c.user = { name: 'nginx', uid: pw.uid, gid: gr.gid, group: 'nginx' };
    }
    if (!c.events) throw new ConfError('no "events" section in configuration', true);
  }
}
