// Values in nginx.conf as nginx's parsers read them: times (ngx_parse_time: "65", "30s", "1h 30m",
// a bare number is seconds), sizes (ngx_parse_offset: "1m", "512k", "1g"), flags, log levels.
import { ConfError } from './conf-lexer';

const TIME_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, M: 2_592_000_000, y: 31_536_000_000 };

/** Milliseconds, or undefined for a value nginx rejects. */
export function parseTime(text: string): number | undefined {
  const parts = text.trim().split(/\s+/);
  let total = 0;
  for (const p of parts) {
    const re = /(\d+)(ms|s|m|h|d|w|M|y)?/y;
    let i = 0;
    while (i < p.length) {
      re.lastIndex = i;
      const m = re.exec(p);
      if (!m) return undefined;
      total += Number(m[1]) * TIME_UNITS[m[2] ?? 's']!;
      i = re.lastIndex;
    }
  }
  return text.trim() === '' ? undefined : total;
}

/** Bytes, or undefined for a value nginx rejects. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+)([kKmMgG]?)$/.exec(text);
  if (!m) return undefined;
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase()] ?? 1;
  return Number(m[1]) * mult;
}

/** ngx_conf_set_flag_slot: "on" or "off" in any case. */
export function parseFlag(name: string, value: string): boolean {
  const v = value.toLowerCase();
  if (v === 'on') return true;
  if (v === 'off') return false;
  throw new ConfError(`invalid value "${value}" in "${name}" directive, it must be "on" or "off"`);
}

export const LOG_LEVELS = ['', 'emerg', 'alert', 'crit', 'error', 'warn', 'notice', 'info', 'debug'] as const;
export type LogLevel = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
export const EMERG: LogLevel = 1;
export const ALERT: LogLevel = 2;
export const CRIT: LogLevel = 3;
export const ERR: LogLevel = 4;
export const WARN: LogLevel = 5;
export const NOTICE: LogLevel = 6;
export const INFO: LogLevel = 7;

export function parseLogLevel(text: string): LogLevel {
  const i = LOG_LEVELS.indexOf(text as (typeof LOG_LEVELS)[number]);
  if (i > 0) return i as LogLevel;
  if (/^debug_(core|alloc|mutex|event|http|mail|stream)$/.test(text)) return 8;
  throw new ConfError(`invalid log level "${text}"`);
}

/** ngx_atoi: digits only. */
export function atoi(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/** "is duplicate" and friends come back from nginx's slot setters as `"name" directive <text>`. */
export function slotError(name: string, text: string): ConfError {
  return new ConfError(`"${name}" directive ${text}`);
}
