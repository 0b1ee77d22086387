// The state of one request as nginx's phases pass it along, the outcomes a phase can have,
// and the variables a request answers ($uri, $host, $remote_addr, ...).
import type { Sys } from '../../shared/sys';
import type { TimeZone } from '../lib/tz';
import { inherit, type LocConf, type ServerConf } from './conf-model';
import type { Cycle } from './cycle';
import type { WorkerFiles } from './http-files';
import { header, type HttpRequest } from './http-request';
import type { Response } from './http-response';
import { accessTime, isoTime } from './log';
import { NGINX_VER } from './options';
import type { LogLevel } from './conf-values';

export interface ConnInfo {
  /** The connection number error log lines show as "*N". */
  id: number;
  from: string;
  fromPort: number;
  localAddr: string;
  localPort: number;
  /** Requests served on it so far. */
  requests: number;
  started: number;
}

export interface ServeEnv {
  sys: Sys;
  cycle: Cycle;
  files: WorkerFiles;
  tz: TimeZone;
  hostname: string;
  /** Error log for a request's location (its own error_log, or the main one). */
  log(loc: LocConf | undefined, level: LogLevel, message: string, conn: number): Promise<void>;
}

export type Outcome =
  | { kind: 'response'; r: Response }
  | { kind: 'status'; status: number; location?: string }
  | { kind: 'internal'; uri: string; args: string }
  | { kind: 'named'; loc: LocConf }
  | { kind: 'close' };

export class RequestState {
  method: string;
  uri: string;
  args: string;
  loc: LocConf;
  captures: string[] = [];
  readonly vars = new Map<string, string>();
  uriChanges = 11;
  /** An error_page redirect happened (recursive_error_pages off: no second one). */
  errorPage = false;
  internal = false;
  /** The status an error_page keeps for the page it serves (0: the page's own). */
  errStatus = 0;
  status = 0;
  bodyBytes = 0;
  sentHeaders: [string, string][] = [];
  readonly started: number;

  constructor(
    readonly env: ServeEnv,
    readonly conn: ConnInfo,
    readonly req: HttpRequest,
    readonly server: ServerConf,
  ) {
    this.method = req.method;
    this.uri = req.uri;
    this.args = req.args;
    this.loc = server.loc;
    this.started = env.sys.now();
  }

  /** The extension of the URI's last segment, lowercased (r->exten). */
  exten(): string {
    const last = this.uri.slice(this.uri.lastIndexOf('/') + 1);
    const dot = last.lastIndexOf('.');
    return dot < 0 ? '' : last.slice(dot + 1).toLowerCase();
  }

  /** ngx_http_set_content_type: by extension, else default_type. */
  contentType(): string {
    const types = inherit(this.loc, 'types') ?? DEFAULT_TYPES;
    const ext = this.exten();
    return (ext && types.get(ext)) || (inherit(this.loc, 'defaultType') ?? 'text/plain');
  }

  /** The document root for the location ($document_root), without a trailing slash. */
  documentRoot(): string {
    const r = inherit(this.loc, 'root');
    const raw = r ? this.expand(r.path) : 'html';
    return raw.startsWith('/') ? raw : `${this.env.cycle.params.prefix}${raw}`;
  }

  /** ngx_http_map_uri_to_path. */
  mapUriToPath(uri = this.uri): string {
    let l: LocConf | undefined = this.loc;
    let root: LocConf['root'];
    for (; l; l = l.parent) if (l.root) {
      root = l.root;
      break;
    }
    if (root?.alias && l) {
      const alias = this.expand(root.path);
      const full = alias.startsWith('/') ? alias : `${this.env.cycle.params.prefix}${alias}`;
      if (l.match === 'regex') return full;
      return full + uri.slice(Math.min(l.name.length, uri.length));
    }
    return this.documentRoot() + uri;
  }

  expand(value: string): string {
    if (!value.includes('$')) return value;
    return value.replace(/\$(?:\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g, (_all, a: string | undefined, b: string | undefined) => {
      const name = (a ?? b)!;
      const digits = /^(\d)(.*)$/.exec(name);
      if (digits) return (this.captures[Number(digits[1])] ?? '') + digits[2]!;
      return this.variable(name) ?? '';
    });
  }

  /** A variable's value, or undefined when it has none (logged as "-"). */
  variable(name: string): string | undefined {
    const set = this.vars.get(name);
    if (set !== undefined) return set;
    const r = this.req;
    const now = this.env.sys.now();
    if (name.startsWith('http_')) return header(r, name.slice(5).replace(/_/g, '-'));
    if (name.startsWith('sent_http_')) return this.sentHeaders.find(([k]) => k.toLowerCase() === name.slice(10).replace(/_/g, '-'))?.[1];
    if (name.startsWith('arg_')) return new URLSearchParams(this.args).get(name.slice(4)) ?? undefined;
    if (name.startsWith('cookie_')) {
      const c = header(r, 'cookie');
      return c?.split(/;\s*/).find((p) => p.startsWith(`${name.slice(7)}=`))?.slice(name.length - 6);
    }
    switch (name) {
      case 'uri':
      case 'document_uri':
        return this.uri;
      case 'request_uri':
        return r.rawUri;
      case 'args':
      case 'query_string':
        return this.args || undefined;
      case 'is_args':
        return this.args ? '?' : '';
      case 'host':
        return r.host || this.server.primaryName || this.conn.localAddr;
      case 'hostname':
        return this.env.hostname;
      case 'scheme':
        return 'http';
      case 'https':
        return '';
      case 'remote_addr':
        return this.conn.from;
      case 'remote_port':
        return String(this.conn.fromPort);
      case 'binary_remote_addr':
        return this.conn.from;
      case 'remote_user':
        return undefined;
      case 'server_addr':
        return this.conn.localAddr;
      case 'server_port':
        return String(this.conn.localPort);
      case 'server_name':
        return this.server.primaryName;
      case 'server_protocol':
        return r.protocol;
      case 'request_method':
        return this.method;
      case 'request':
        return r.requestLine;
      case 'request_length':
        return String(r.length);
      case 'request_time':
        return ((now - this.started) / 1000).toFixed(3);
      case 'request_body':
        return r.body || undefined;
      case 'request_filename':
        return this.mapUriToPath();
      case 'document_root':
      case 'realpath_root':
        return this.documentRoot();
      case 'content_length':
        return header(r, 'content-length');
      case 'content_type':
        return header(r, 'content-type');
      case 'status':
        return String(this.status).padStart(3, '0');
      case 'body_bytes_sent':
        return String(this.bodyBytes);
      case 'bytes_sent':
        return String(this.bodyBytes);
      case 'connection':
        return String(this.conn.id);
      case 'connection_requests':
        return String(this.conn.requests);
      case 'msec':
        return (now / 1000).toFixed(3);
      case 'time_local':
        return accessTime(now, this.env.tz);
      case 'time_iso8601':
        return isoTime(now, this.env.tz);
      case 'nginx_version':
        return NGINX_VER.slice(6);
      case 'pid':
        return String(this.env.sys.pid);
      case 'request_id':
        return [...this.env.sys.randomBytes(16)].map((b) => b.toString(16).padStart(2, '0')).join('');
      default:
        return undefined;
    }
  }
}

/** What nginx uses when no `types` block exists anywhere. */
export const DEFAULT_TYPES = new Map([['html', 'text/html'], ['gif', 'image/gif'], ['jpg', 'image/jpeg']]);
