// What a parsed nginx.conf means: the core settings, the http servers with their listen
// addresses and names, and the location tree. Location settings left unset inherit from the
// enclosing location, server and http level (nginx's merge), except where nginx does not
// inherit (rewrite module scripts, try_files) or inherits a list only when the level has none
// of its own (add_header, error_page, access_log, index, allow/deny).
import type { LogLevel } from './conf-values';

export interface ErrorLogSpec {
  /** Absolute path, or '' for stderr. */
  path: string;
  level: LogLevel;
}

export interface AccessLogSpec {
  path: string;
  format: string;
}

export interface ListenAddr {
  family: 4 | 6;
  address: string;
  port: number;
  /** "0.0.0.0:80", "[::]:80" (addr_text in messages). */
  text: string;
  wildcard: boolean;
  ipv6only: boolean;
  defaultServer: boolean;
  /** Parameters that only one listen of an address may set (bind, backlog, ...). */
  set: boolean;
  bind: boolean;
}

export interface ServerName {
  name: string;
  kind: 'exact' | 'wild-start' | 'wild-end' | 'regex';
  regex?: RegExp;
}

export interface ErrorPage {
  codes: number[];
  /** undefined: keep the code; 'response': "=" (the redirect's own answer); a number: "=NNN". */
  overwrite: number | 'response' | undefined;
  uri: string;
}

export type IfCond =
  | { kind: 'var'; value: string }
  | { kind: 'cmp'; value: string; op: '=' | '!='; other: string }
  | { kind: 'regex'; value: string; re: RegExp; negate: boolean }
  | { kind: 'file'; op: 'f' | 'd' | 'e' | 'x'; negate: boolean; value: string };

export type ScriptOp =
  | { kind: 'return'; status: number; text: string | undefined }
  | { kind: 'rewrite'; re: RegExp; replacement: string; flag: 'last' | 'break' | 'redirect' | 'permanent' | undefined }
  | { kind: 'set'; name: string; value: string }
  | { kind: 'break' }
  | { kind: 'if'; cond: IfCond; ops: ScriptOp[]; loc: LocConf };

export interface AccessRule {
  allow: boolean;
  /** undefined: all */
  family?: 4 | 6;
  net?: bigint;
  mask?: bigint;
}

export interface HeaderSpec {
  name: string;
  value: string;
  always: boolean;
}

export interface LocConf {
  parent: LocConf | undefined;
  file: string | undefined;
  line: number;
  /** A location's match (undefined for the http and server levels). */
  match?: 'exact' | 'prefix' | 'noregex' | 'regex' | 'named';
  name: string;
  regex?: RegExp;
  locations: LocConf[];
  /** Owned here, not inherited. */
  script: ScriptOp[];
  tryFiles?: string[];
  internal: boolean;
  proxyPass?: string;
  limitExcept?: { methods: Set<string>; rules: AccessRule[] };
  // inherited when unset
  root?: { path: string; alias: boolean; file: string | undefined; line: number };
  index?: string[];
  defaultType?: string;
  types?: Map<string, string>;
  errorPages?: ErrorPage[];
  accessLogs?: AccessLogSpec[] | 'off';
  errorLogs?: ErrorLogSpec[];
  addHeaders?: HeaderSpec[];
  keepaliveTimeout?: number;
  keepaliveHeader?: number;
  keepaliveRequests?: number;
  serverTokens?: 'on' | 'off' | 'build';
  charset?: string;
  clientMaxBodySize?: number;
  rules?: AccessRule[];
  autoindexFormat?: string;
  proxySetHeaders?: [string, string][];
  /** Flag directives (ngx_conf_set_flag_slot), by name. */
  flags: Map<string, boolean>;
  /** Other single-valued directives already set here (for "is duplicate"). */
  seen: Set<string>;
}

export interface ServerConf {
  file: string | undefined;
  line: number;
  names: ServerName[];
  /** The first name (what $server_name and error log lines show). */
  primaryName: string;
  listens: ListenAddr[];
  loc: LocConf;
}

export interface HttpConf {
  loc: LocConf;
  servers: ServerConf[];
  logFormats: Map<string, string>;
  /** upstream blocks: their servers ("host:port"). */
  upstreams: Map<string, string[]>;
}

export interface CoreConf {
  /** undefined when nginx does not change users (not root, or `user` ignored). */
  user?: { name: string; uid: number; gid: number; group: string };
  userSet: boolean;
  workerProcesses?: number;
  pid?: string;
  errorLogs: ErrorLogSpec[];
  daemon?: boolean;
  master?: boolean;
  workerConnections?: number;
  events: boolean;
  http?: HttpConf;
  seen: Set<string>;
}

export function newLoc(parent: LocConf | undefined, file: string | undefined, line: number, name = ''): LocConf {
  return { parent, file, line, name, locations: [], script: [], internal: false, flags: new Map(), seen: new Set() };
}

type Inherited = 'root' | 'index' | 'defaultType' | 'types' | 'errorPages' | 'accessLogs' | 'errorLogs' | 'addHeaders' | 'keepaliveTimeout' | 'keepaliveHeader' | 'keepaliveRequests' | 'serverTokens' | 'charset' | 'clientMaxBodySize' | 'rules' | 'autoindexFormat' | 'proxySetHeaders';

/** The value in force at `loc`: its own, or the nearest enclosing level's. */
export function inherit<K extends Inherited>(loc: LocConf, key: K): LocConf[K] {
  for (let l: LocConf | undefined = loc; l; l = l.parent) if (l[key] !== undefined) return l[key];
  return undefined;
}

/** Flag defaults where nginx's is "on". */
const FLAG_ON = new Set(['log_not_found', 'absolute_redirect', 'port_in_redirect', 'msie_padding', 'etag', 'merge_slashes', 'autoindex_exact_size', 'chunked_transfer_encoding', 'server_name_in_redirect_off']);

export function flag(loc: LocConf, name: string): boolean {
  for (let l: LocConf | undefined = loc; l; l = l.parent) {
    const v = l.flags.get(name);
    if (v !== undefined) return v;
  }
  return FLAG_ON.has(name);
}

/**
 * ngx_http_core_find_location: an exact match, else the longest prefix (then its nested
 * locations), then the regular expressions in order unless the prefix was "^~".
 */
export function findLocation(level: LocConf, uri: string, depth = 0): { loc: LocConf; captures: string[] } | undefined {
  return find(level, uri, depth).found;
}

interface Found {
  /** ok: an exact or regex match (final); declined: only a prefix, or nothing. */
  rc: 'ok' | 'declined';
  found: { loc: LocConf; captures: string[] } | undefined;
}

function find(level: LocConf, uri: string, depth: number): Found {
  let best: LocConf | undefined;
  for (const l of level.locations) {
    if (l.match === 'exact' && l.name === uri) return { rc: 'ok', found: { loc: l, captures: [] } };
    if ((l.match === 'prefix' || l.match === 'noregex') && uri.startsWith(l.name) && (!best || l.name.length > best.name.length)) best = l;
  }
  let found: Found['found'];
  let noregex = false;
  if (best && depth < 32) {
    noregex = best.match === 'noregex';
    const nested = find(best, uri, depth + 1);
    if (nested.rc === 'ok') return nested;
    found = nested.found ?? { loc: best, captures: [] };
  }
  if (!noregex) {
    for (const l of level.locations) {
      if (l.match !== 'regex' || !l.regex) continue;
      l.regex.lastIndex = 0;
      const m = l.regex.exec(uri);
      if (!m) continue;
      const nested = depth < 32 ? find(l, uri, depth + 1) : undefined;
      return { rc: 'ok', found: nested?.found ?? { loc: l, captures: [...m].map((s) => s ?? '') } };
    }
  }
  return { rc: 'declined', found };
}

export function namedLocation(server: ServerConf, name: string): LocConf | undefined {
  return server.loc.locations.find((l) => l.match === 'named' && l.name === name);
}

/** The virtual server for a Host on a listening address: exact, *.wild, wild.*, regex, default. */
export function findServer(servers: ServerConf[], host: string | undefined): ServerConf {
  const fallback = servers.find((s) => s.listens.some((l) => l.defaultServer)) ?? servers[0]!;
  if (host === undefined) return fallback;
  for (const s of servers) if (s.names.some((n) => n.kind === 'exact' && n.name === host)) return s;
  let best: { s: ServerConf; len: number } | undefined;
  for (const s of servers) {
    for (const n of s.names) {
      if (n.kind !== 'wild-start') continue;
      const suffix = n.name.startsWith('*.') ? n.name.slice(1) : n.name;
      const match = n.name.startsWith('.') ? host === n.name.slice(1) || host.endsWith(n.name) : host.endsWith(suffix);
      if (match && (!best || suffix.length > best.len)) best = { s, len: suffix.length };
    }
  }
  if (best) return best.s;
  for (const s of servers) {
    for (const n of s.names) {
      if (n.kind === 'wild-end' && host.startsWith(n.name.slice(0, -1))) return s;
    }
  }
  for (const s of servers) for (const n of s.names) if (n.kind === 'regex' && n.regex?.test(host)) return s;
  return fallback;
}
