// nginx's logs: the error log lines ("2026/11/26 20:30:01 [notice] 1234#1234: message"), each
// sink with its own level, and the copy on stderr ("nginx: [emerg] ...") that messages of WARN
// or worse get while nginx still has a terminal (ngx_log_error_core); the access log line's
// times; and the dates of HTTP headers.
import { isSysError, ERRNO } from '../../shared/errno';
import type { Sys } from '../../shared/sys';
import { localtime, offsetText, type TimeZone } from '../lib/tz';
import { LOG_LEVELS, WARN, type LogLevel } from './conf-values';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n: number): string => String(n).padStart(2, '0');

/** "2026/11/26 20:30:01" (ngx_cached_err_log_time, local time). */
export function errLogTime(ms: number, tz: TimeZone): string {
  const t = localtime(Math.floor(ms / 1000), tz);
  return `${t.year}/${p2(t.mon + 1)}/${p2(t.mday)} ${p2(t.hour)}:${p2(t.min)}:${p2(t.sec)}`;
}

/** "Tue, 26 Nov 2024 20:30:01 GMT" (ngx_http_time). */
export function httpTime(ms: number): string {
  const t = localtime(Math.floor(ms / 1000));
  return `${DAYS[t.wday]}, ${p2(t.mday)} ${MONTHS[t.mon]} ${t.year} ${p2(t.hour)}:${p2(t.min)}:${p2(t.sec)} GMT`;
}

/** $time_local: "26/Nov/2026:20:30:01 +0000". */
export function accessTime(ms: number, tz: TimeZone): string {
  const t = localtime(Math.floor(ms / 1000), tz);
  return `${p2(t.mday)}/${MONTHS[t.mon]}/${t.year}:${p2(t.hour)}:${p2(t.min)}:${p2(t.sec)} ${offsetText(t.gmtoff)}`;
}

/** $time_iso8601: "2026-11-26T20:30:01+00:00". */
export function isoTime(ms: number, tz: TimeZone): string {
  const t = localtime(Math.floor(ms / 1000), tz);
  const off = offsetText(t.gmtoff);
  return `${t.year}-${p2(t.mon + 1)}-${p2(t.mday)}T${p2(t.hour)}:${p2(t.min)}:${p2(t.sec)}${off.slice(0, 3)}:${off.slice(3)}`;
}

/** " (13: Permission denied)" for a failed call, as ngx_log_errno appends it. */
export function errnoSuffix(e: unknown): string | undefined {
  if (!isSysError(e)) return undefined;
  const [n, text] = ERRNO[e.errno];
  return ` (${n}: ${text})`;
}

export interface LogSink {
  /** An open descriptor, or 'stderr'. */
  fd: number | 'stderr';
  level: LogLevel;
  path: string;
}

const encoder = new TextEncoder();

export class ErrorLog {
  /** While nginx has its terminal: messages of WARN or worse are also shown there. */
  useStderr = true;

  constructor(
    private readonly sys: Sys,
    public sinks: LogSink[],
    readonly tz: TimeZone,
  ) {}

  /** Logs `message` at `level`; `conn` is the connection number ("*1 ") for request errors. */
  async log(level: LogLevel, message: string, conn?: number): Promise<void> {
    const line = `${errLogTime(this.sys.now(), this.tz)} [${LOG_LEVELS[level]}] ${this.sys.pid}#${this.sys.pid}: ${conn !== undefined ? `*${conn} ` : ''}${message}\n`;
    let wroteStderr = false;
    for (const s of this.sinks) {
      if (s.level < level) continue;
      if (s.fd === 'stderr') wroteStderr = true;
      await this.write(s.fd === 'stderr' ? 2 : s.fd, line);
    }
    if (!this.useStderr || level > WARN || wroteStderr) return;
    await this.write(2, `nginx: [${LOG_LEVELS[level]}] ${message}\n`);
  }

  private async write(fd: number, text: string): Promise<void> {
    try {
      if (this.sys.isOpen(fd)) await this.sys.write(fd, encoder.encode(text));
    } catch {
      // a full disk or a closed terminal loses the line, as write(2) would
    }
  }
}

/** Opens a log file for appending (ngx_open_file with NGX_FILE_APPEND, 0644). */
export async function openAppend(sys: Sys, path: string): Promise<number> {
  return sys.open(path, { write: true, append: true, create: true }, 0o644);
}

/** ngx_log_stderr: "nginx: message". */
export async function stderrLine(sys: Sys, message: string): Promise<void> {
  try {
    if (sys.isOpen(2)) await sys.write(2, encoder.encode(`nginx: ${message}\n`));
  } catch {
    // nothing to tell it to
  }
}
