// Wget's small formatters (GNU Wget 1.21.3 src/utils.c, retr.c, progress.c, main.c): sizes as
// `Length:` and the progress gauges show them, rates, short durations, the timestamp of its
// `--date--` lines, and gnulib's quote(), which uses ‘curly’ quotes only in a UTF-8 locale.
import { isUtf8Locale } from '../lib/quotearg';
import { localtime, type TimeZone } from '../lib/tz';

/** C's %.*f (JavaScript's toFixed is close enough for the values shown here). */
export const fixed = (n: number, digits: number): string => n.toFixed(digits);

/** utils.c human_readable(): below 1024 the plain number, else `1.2K`, `15M` (decimals under `acc`). */
export function humanReadable(n: number, acc: number, decimals: number): string {
  if (n < 1024) return String(Math.trunc(n));
  const powers = 'KMGTPE';
  let q = Math.trunc(n);
  for (let i = 0; i < powers.length; i++) {
    if (Math.trunc(q / 1024) < 1024 || i === powers.length - 1) {
      const val = q / 1024;
      return `${fixed(val, val < acc ? decimals : 0)}${powers[i]}`;
    }
    q = Math.trunc(q / 1024);
  }
  return String(n);
}

/** utils.c print_decimal(): `0`, `0.01`, `2.5`, `12`. */
export function printDecimal(x: number): string {
  const n = Math.abs(x);
  if (n >= 9.95) return fixed(x, 0);
  if (n >= 0.95) return fixed(x, 1);
  if (n >= 0.001) return x.toPrecision(1);
  if (n >= 0.0005) return fixed(x, 3);
  return '0';
}

/** The clock's resolution (ptimer.c: clock_getres of CLOCK_MONOTONIC is 1ns on Linux). */
const TIMER_RESOLUTION = 1e-9;

/** retr.c calc_rate(): bytes per second scaled to B, K, M, G (units 0-3). */
export function calcRate(bytes: number, secs: number): { rate: number; units: number } {
  const s = secs === 0 ? TIMER_RESOLUTION / 2 : secs;
  let rate = s ? bytes / s : 0;
  const k = 1024;
  let units = 0;
  if (rate < k) units = 0;
  else if (rate < k * k) (units = 1), (rate /= k);
  else if (rate < k * k * k) (units = 2), (rate /= k * k);
  else if (rate < k * k * k * k) (units = 3), (rate /= k * k * k);
  else (units = 4), (rate = Math.min(99.99, rate / (k * k * k * k)));
  return { rate, units };
}

const rateDigits = (r: number): number => (r >= 99.95 ? 0 : r >= 9.995 ? 1 : 2);

/** retr.c retr_rate(): `5.21 MB/s`, the rate of the `saved` line. */
export function retrRate(bytes: number, secs: number): string {
  const { rate, units } = calcRate(bytes, secs);
  return `${fixed(rate, rateDigits(rate))} ${['B/s', 'KB/s', 'MB/s', 'GB/s', 'TB/s'][units]}`;
}

/** The rate of a dot-progress row: ` 5.21M`. */
export function dotRate(bytes: number, secs: number): string {
  const { rate, units } = calcRate(bytes, secs);
  return ` ${fixed(rate, rateDigits(rate)).padStart(4)}${' KMGT'[units]}`;
}

/** The bar's current-speed column: `  5.21MB/s`. */
export function barRate(bytes: number, secs: number): string {
  const { rate, units } = calcRate(bytes, secs);
  return `  ${fixed(rate, rateDigits(rate)).padStart(4)}${[' B/s', 'KB/s', 'MB/s', 'GB/s', 'TB/s'][units]}`;
}

/** progress.c eta_to_human_short(): `45s`, `2m5s` (condensed) or `2m 5s`, `1h 3m`, `2d 4h`. */
export function etaShort(secs: number, condensed: boolean): string {
  const sp = condensed ? '' : ' ';
  if (secs < 100) return `${secs}s`;
  if (secs < 100 * 60) return `${Math.trunc(secs / 60)}m${sp}${secs % 60}s`;
  if (secs < 48 * 3600) return `${Math.trunc(secs / 3600)}h${sp}${Math.trunc(secs / 60) % 60}m`;
  if (secs < 100 * 86400) return `${Math.trunc(secs / 86400)}d${sp}${Math.trunc(secs / 3600) % 24}h`;
  return `${Math.trunc(secs / 86400)}d`;
}

/** main.c secs_to_human_time(), for the FINISHED summary. */
export function secsToHumanTime(interval: number): string {
  let secs = Math.trunc(interval + 0.5);
  const days = Math.trunc(secs / 86400);
  secs %= 86400;
  const hours = Math.trunc(secs / 3600);
  secs %= 3600;
  const mins = Math.trunc(secs / 60);
  secs %= 60;
  if (days) return `${days}d ${hours}h ${mins}m ${secs}s`;
  if (hours) return `${hours}h ${mins}m ${secs}s`;
  if (mins) return `${mins}m ${secs}s`;
  return `${printDecimal(interval)}s`;
}

/** utils.c datetime_str(): local time as `2026-11-26 20:30:01`. */
export function datetimeStr(ms: number, tz: TimeZone): string {
  const t = localtime(Math.floor(ms / 1000), tz);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${t.year}-${p(t.mon + 1)}-${p(t.mday)} ${p(t.hour)}:${p(t.min)}:${p(t.sec)}`;
}

/** gnulib quote() in the locale's style: ‘x’ under UTF-8, 'x' otherwise. */
export function makeQuote(env: Map<string, string>): (s: string) => string {
  return isUtf8Locale(env) ? (s) => `\u2018${s}\u2019` : (s) => `'${s}'`;
}
