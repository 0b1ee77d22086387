// Wget's command line (GNU Wget 1.21.3 src/main.c, init.c). main() runs getopt_long twice: the
// first pass only looks for --config and lets glibc print its complaint about every bad option;
// the second applies the options in order and stops at the first bad one with the usage line.
// Values go through the wgetrc setters, whose messages name the long option ("wget: --tries:
// Invalid number ‘x’.", exit 2). Options the simulator has no use for are accepted and ignored.
import { WGET_OPTION_TABLE } from './wget-options';
import { DOT_STYLES, type DotStyle } from './wget-progress';

type Kind = 'v' | 'b' | 'f' | 'a' | 'e' | 'n' | 'o' | 'd';

interface Entry {
  long: string;
  short?: string;
  kind: Kind;
  command?: string;
}

interface LongOpt {
  name: string;
  arg: 'none' | 'required' | 'optional';
  entry: Entry;
  neg: boolean;
}

const ENTRIES: Entry[] = WGET_OPTION_TABLE.trim().split('\n').map((line) => {
  const [long, short, kind, command] = line.split(' ') as [string, string, Kind, string];
  return { long, ...(short !== '-' ? { short } : {}), kind, ...(command !== '-' ? { command } : {}) };
});

const LONGS: LongOpt[] = ENTRIES.flatMap((entry): LongOpt[] => {
  switch (entry.kind) {
    case 'v': case 'a': case 'e': case 'n': return [{ name: entry.long, arg: 'required', entry, neg: false }];
    case 'b': return [{ name: entry.long, arg: 'optional', entry, neg: false }, { name: `no-${entry.long}`, arg: 'none', entry, neg: true }];
    case 'o': return [{ name: entry.long, arg: 'optional', entry, neg: false }];
    default: return [{ name: entry.long, arg: 'none', entry, neg: false }];
  }
});

const SHORTS = new Map(ENTRIES.filter((e) => e.short !== undefined).map((e) => [e.short!, e] as const));

export interface WgetConfig {
  urls: string[];
  help: boolean;
  version: boolean;
  /** -1: not given (then: not -q) */
  verbose: number;
  quiet: boolean;
  /** -1: not given */
  showProgress: number;
  progress?: string;
  dot: DotStyle;
  output?: string;
  logFile?: string;
  appendLog: boolean;
  /** -i: a local file of URLs, one a line ('-': standard input) */
  inputFile?: string;
  serverResponse: boolean;
  spider: boolean;
  tries: number;
  readTimeout: number;
  connectTimeout: number;
  dnsTimeout: number;
  waitretry: number;
  wait: number;
  cont: boolean;
  noClobber: boolean;
  dirPrefix?: string;
  maxRedirect: number;
  userAgent?: string;
  defaultPage?: string;
  retryConnrefused: boolean;
  contentOnError: boolean;
  family: 0 | 4 | 6;
  dnsCache: boolean;
  keepAlive: boolean;
  headers: string[];
}

export function defaultConfig(): WgetConfig {
  return {
    urls: [], help: false, version: false, verbose: -1, quiet: false, showProgress: -1, dot: DOT_STYLES.default!, appendLog: false,
    serverResponse: false, spider: false, tries: 20, readTimeout: 900, connectTimeout: 0, dnsTimeout: 0, waitretry: 10, wait: 0,
    cont: false, noClobber: false, maxRedirect: 20, retryConnrefused: false, contentOnError: false, family: 0, dnsCache: true,
    keepAlive: true, headers: [],
  };
}

/** One step of getopt_long: an option (with its value), an operand, or an error ('?'). */
type Step = { kind: 'opt'; entry: Entry; neg: boolean; value?: string } | { kind: 'error'; message: string };

/** glibc getopt_long in permuting order; `prog` is argv[0] as glibc prints it. */
function scan(args: readonly string[], prog: string): { steps: Step[]; operands: string[] } {
  const steps: Step[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const body = a.slice(2);
      const eq = body.indexOf('=');
      const name = eq < 0 ? body : body.slice(0, eq);
      const exact = LONGS.find((l) => l.name === name);
      const matches = exact ? [exact] : LONGS.filter((l) => l.name.startsWith(name));
      if (matches.length === 0) {
        steps.push({ kind: 'error', message: `${prog}: unrecognized option '${a}'\n` });
        continue;
      }
      if (matches.length > 1) {
        steps.push({ kind: 'error', message: `${prog}: option '${a}' is ambiguous; possibilities:${matches.map((m) => ` '--${m.name}'`).join('')}\n` });
        continue;
      }
      const m = matches[0]!;
      if (eq >= 0) {
        if (m.arg === 'none') steps.push({ kind: 'error', message: `${prog}: option '--${m.name}' doesn't allow an argument\n` });
        else steps.push({ kind: 'opt', entry: m.entry, neg: m.neg, value: body.slice(eq + 1) });
      } else if (m.arg === 'required') {
        if (i + 1 < args.length) steps.push({ kind: 'opt', entry: m.entry, neg: m.neg, value: args[++i]! });
        else steps.push({ kind: 'error', message: `${prog}: option '--${m.name}' requires an argument\n` });
      } else steps.push({ kind: 'opt', entry: m.entry, neg: m.neg });
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        const e = SHORTS.get(c);
        if (!e) {
          steps.push({ kind: 'error', message: `${prog}: invalid option -- '${c}'\n` });
          continue;
        }
        const takes = e.kind === 'v' || e.kind === 'a' || e.kind === 'e' || e.kind === 'n';
        if (!takes) {
          steps.push({ kind: 'opt', entry: e, neg: false });
          continue;
        }
        const rest = a.slice(j + 1);
        if (rest !== '') steps.push({ kind: 'opt', entry: e, neg: false, value: rest });
        else if (i + 1 < args.length) steps.push({ kind: 'opt', entry: e, neg: false, value: args[++i]! });
        else steps.push({ kind: 'error', message: `${prog}: option requires an argument -- '${c}'\n` });
        break;
      }
      continue;
    }
    operands.push(a);
  }
  return { steps, operands };
}

export type ParseResult =
  | { kind: 'ok'; config: WgetConfig; stderr: string }
  /** stop now: `stderr` holds everything printed; status is the exit status */
  | { kind: 'exit'; stderr: string; status: number; help?: boolean; version?: boolean };

const USAGE_LINE = (exec: string): string => `Usage: ${exec} [OPTION]... [URL]...\n`;
export const TRY_LINE = (exec: string): string => `Try \`${exec} --help' for more options.\n`;

/** cmd_boolean(): on/yes/1, off/no/0 (any case). */
function boolean(v: string): boolean | undefined {
  const l = v.toLowerCase();
  if (l === 'on' || l === 'yes' || l === '1') return true;
  if (l === 'off' || l === 'no' || l === '0') return false;
  return undefined;
}

/** cmd_time(): seconds with an optional s/m/h/d/w suffix. */
function time(v: string): number | 'invalid' | 'negative' {
  let s = v.trimEnd();
  if (s === '') return 'invalid';
  const mult: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
  const m = mult[s.slice(-1).toLowerCase()];
  if (m !== undefined) s = s.slice(0, -1);
  s = s.trim();
  if (!/^[+-]?[0-9]*\.?[0-9]*$/.test(s) || !/[0-9]/.test(s)) return 'invalid';
  const n = Number(s.replace(/\.$/, ''));
  if (n < 0) return 'negative';
  return n * (m ?? 1);
}

/** cmd_number(): strtol, so garbage reads as 0; negatives and overflow are refused. */
function number(v: string): number | undefined {
  const m = /^\s*([+-]?[0-9]+)/.exec(v);
  const n = m ? Number(m[1]) : 0;
  return n < 0 || n > 2 ** 31 - 1 ? undefined : n;
}

/** Applies one option the way setoptval() does; returns the text to stop with (exit 2). */
function apply(cfg: WgetConfig, step: Extract<Step, { kind: 'opt' }>, exec: string, quote: (s: string) => string): string | { text: string; status: number } | undefined {
  const { entry, neg } = step;
  const com = `--${entry.long}`;
  const raw = step.value;
  if (entry.kind === 'n') {
    for (const c of raw ?? '') {
      if (c === 'v') cfg.verbose = 0;
      else if (c === 'c') cfg.noClobber = true;
      else if (c === 'H' || c === 'd' || c === 'p') continue;
      // main()'s own complaint, with status 1
      else return { text: `${exec}: illegal option -- \`-n${c}'\n${USAGE_LINE(exec)}\n${TRY_LINE(exec)}`, status: 1 };
    }
    return undefined;
  }
  if (entry.kind === 'f') {
    if (entry.long === 'help') cfg.help = true;
    else cfg.version = true;
    return undefined;
  }
  if (entry.kind === 'a' || entry.kind === 'e' || entry.kind === 'o' || entry.kind === 'd') {
    if (entry.kind === 'a') {
      cfg.logFile = raw;
      cfg.appendLog = true;
    }
    if (entry.long === 'clobber') cfg.noClobber = !(raw === undefined || /^(1|y|on)/i.test(raw));
    return undefined;
  }
  let flag = true;
  if (entry.kind === 'b') {
    if (neg) flag = false;
    else if (raw !== undefined) {
      const b = boolean(raw);
      if (b === undefined) return `${exec}: ${com}: Invalid boolean ${quote(raw)}; use \`on' or \`off'.\n`;
      flag = b;
    }
  }
  const value = raw ?? '';
  const timeOf = (set: (n: number) => void): string | undefined => {
    const t = time(value);
    if (t === 'invalid') return `${exec}: ${com}: Invalid time period ${quote(value)}\n`;
    if (t === 'negative') return `${exec}: ${com}: Negative time period ${quote(value)}\n`;
    set(t);
    return undefined;
  };
  const numberOf = (set: (n: number) => void, inf = false): string | undefined => {
    if (inf && value.toLowerCase() === 'inf') {
      set(0);
      return undefined;
    }
    const n = number(value);
    if (n === undefined) return `${exec}: ${com}: Invalid number ${quote(value)}.\n`;
    set(n);
    return undefined;
  };
  switch (entry.command) {
    case 'verbose': cfg.verbose = flag ? 1 : 0; cfg.showProgress = -1; return undefined;
    case 'quiet': cfg.quiet = flag; return undefined;
    case 'showprogress': cfg.showProgress = flag ? 1 : 0; return undefined;
    case 'serverresponse': cfg.serverResponse = flag; return undefined;
    case 'spider': cfg.spider = flag; return undefined;
    case 'continue': cfg.cont = flag; return undefined;
    case 'noclobber': cfg.noClobber = flag; return undefined;
    case 'retryconnrefused': cfg.retryConnrefused = flag; return undefined;
    case 'contentonerror': cfg.contentOnError = flag; return undefined;
    case 'dnscache': cfg.dnsCache = flag; return undefined;
    case 'httpkeepalive': cfg.keepAlive = flag; return undefined;
    case 'inet4only': cfg.family = flag ? 4 : 0; return undefined;
    case 'inet6only': cfg.family = flag ? 6 : 0; return undefined;
    case 'outputdocument': cfg.output = value; return undefined;
    case 'logfile': cfg.logFile = value; cfg.appendLog = false; return undefined;
    case 'dirprefix': cfg.dirPrefix = value.replace(/(.)\/+$/, '$1'); return undefined;
    case 'defaultpage': cfg.defaultPage = value; return undefined;
    case 'input': cfg.inputFile = value; return undefined;
    case 'header': if (value === '') cfg.headers = []; else cfg.headers.push(value); return undefined;
    case 'useragent':
      if (value.includes('\n')) return `${exec}: ${com}: Invalid value ${quote(value)}.\n`;
      cfg.userAgent = value;
      return undefined;
    case 'progress': {
      // valid_progress_implementation_p(): any prefix of a gauge's name, even an empty one
      const [type = '', style] = value.split(':');
      if (!'dot'.startsWith(type) && !'bar'.startsWith(type)) return `${exec}: ${com}: Invalid progress type ${quote(value)}.\n`;
      cfg.progress = 'dot'.startsWith(type) ? 'dot' : value.includes(':force') ? 'bar:force' : 'bar';
      if (cfg.progress === 'dot' && style !== undefined && style !== '') {
        const s = DOT_STYLES[style.toLowerCase()];
        if (s) cfg.dot = s;
      }
      return undefined;
    }
    case 'timeout': return timeOf((n) => { cfg.readTimeout = n; cfg.connectTimeout = n; cfg.dnsTimeout = n; });
    case 'readtimeout': return timeOf((n) => { cfg.readTimeout = n; });
    case 'connecttimeout': return timeOf((n) => { cfg.connectTimeout = n; });
    case 'dnstimeout': return timeOf((n) => { cfg.dnsTimeout = n; });
    case 'waitretry': return timeOf((n) => { cfg.waitretry = n; });
    case 'wait': return timeOf((n) => { cfg.wait = n; });
    case 'tries': return numberOf((n) => { cfg.tries = n; }, true);
    case 'maxredirect': return numberOf((n) => { cfg.maxRedirect = n; });
    default: return undefined;
  }
}

/** Both getopt passes and the checks main() makes before any download. */
export function parseWgetArgs(args: readonly string[], prog: string, exec: string, quote: (s: string) => string): ParseResult {
  const { steps, operands } = scan(args, prog);
  let stderr = '';
  // pass one: glibc prints every complaint, up to a --config or --no-config
  for (const s of steps) {
    if (s.kind === 'opt' && (s.entry.long === 'config' || s.entry.long === 'no-config')) break;
    if (s.kind === 'error') stderr += s.message;
  }
  const cfg = defaultConfig();
  for (const s of steps) {
    if (s.kind === 'error') return { kind: 'exit', stderr: `${stderr}${USAGE_LINE(exec)}\n${TRY_LINE(exec)}`, status: 2 };
    const err = apply(cfg, s, exec, quote);
    if (typeof err === 'string') return { kind: 'exit', stderr: stderr + err, status: 2 };
    if (err) return { kind: 'exit', stderr: stderr + err.text, status: err.status };
    if (cfg.help) return { kind: 'exit', stderr, status: 0, help: true };
    if (cfg.version) return { kind: 'exit', stderr, status: 0, version: true };
  }
  cfg.urls = operands;
  if (cfg.verbose === -1) cfg.verbose = cfg.quiet ? 0 : 1;
  if (!cfg.verbose && cfg.showProgress === -1) cfg.showProgress = 0;
  if (cfg.quiet && cfg.showProgress === -1) cfg.showProgress = 0;
  if (cfg.verbose && cfg.quiet) return { kind: 'exit', stderr: `${stderr}Can't be verbose and quiet at the same time.\n${USAGE_LINE(exec)}`, status: 1 };
  if (cfg.urls.length === 0 && cfg.inputFile === undefined) return { kind: 'exit', stderr: `${stderr}${exec}: missing URL\n${USAGE_LINE(exec)}\n${TRY_LINE(exec)}`, status: 1 };
  return { kind: 'ok', config: cfg, stderr };
}

export { USAGE_LINE };
