// journalctl's output modes (systemd's logs-show.c): short and its variants, cat, json,
// json-pretty, verbose, export. Times are shown in the zone of TZ (UTC on Photon).
import { fieldOf, type JournalEntry } from '../../../shared/services/journal';
import { type Zone, zoneNameAt } from '../../../shared/systemd/civil';
import { strftime } from '../../lib/strftime';

export const OUTPUT_MODES = ['short', 'short-full', 'short-iso', 'short-iso-precise', 'short-precise', 'short-monotonic', 'short-delta', 'short-unix', 'with-unit', 'verbose', 'export', 'json', 'json-pretty', 'json-sse', 'json-seq', 'cat'] as const;
export type OutputMode = (typeof OUTPUT_MODES)[number];

export interface FormatOptions {
  mode: OutputMode;
  /** The zone times are shown in (TZ, or UTC with --utc). */
  zone: Zone;
  machineId: string;
  color: boolean;
  noHostname: boolean;
  all: boolean;
  /** The entry shown before (short-delta measures from it); formatEntry() keeps it. */
  previous?: { monotonic: number; realtime: number; bootId: string };
}

const ANSI_NORMAL = '\x1b[0m';

function priorityColor(p: number): string | undefined {
  if (p <= 3) return '\x1b[0;1;31m';
  if (p <= 4) return '\x1b[0;1;38;5;185m';
  if (p <= 5) return '\x1b[0;1;39m';
  if (p >= 7) return '\x1b[0;38;5;245m';
  return undefined;
}

function offsetSuffix(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  return `${sign}${String(Math.floor(a / 3600)).padStart(2, '0')}${String(Math.floor((a % 3600) / 60)).padStart(2, '0')}`;
}

/** The zone's offset (seconds) at a journal time (microseconds). */
function offsetOf(zone: Zone, usec: number): number {
  const sec = Math.floor(usec / 1_000_000);
  return zone.offsetAt ? zone.offsetAt(sec) : zone.offset;
}

function stamp(e: JournalEntry, o: FormatOptions): string {
  const off = offsetOf(o.zone, e.realtime);
  const ms = Math.floor(e.realtime / 1000) + off * 1000;
  const usec = String(e.realtime % 1_000_000).padStart(6, '0');
  switch (o.mode) {
    case 'short-iso':
      return strftime('%Y-%m-%dT%H:%M:%S', ms) + offsetSuffix(off);
    case 'short-iso-precise':
      return `${strftime('%Y-%m-%dT%H:%M:%S', ms)}.${usec}${offsetSuffix(off)}`;
    case 'short-precise':
      return `${strftime('%b %d %H:%M:%S', ms)}.${usec}`;
    case 'short-full':
      return `${strftime('%a %Y-%m-%d %H:%M:%S', ms)} ${zoneNameAt(o.zone, Math.floor(e.realtime / 1_000_000))}`;
    case 'short-monotonic':
    case 'short-delta':
      return monotonicStamp(e, o);
    case 'short-unix':
      return `${Math.floor(e.realtime / 1_000_000)}.${usec}`;
    default:
      return strftime('%b %d %H:%M:%S', ms);
  }
}

const seconds = (us: number): string => `${String(Math.floor(us / 1_000_000)).padStart(5, ' ')}.${String(us % 1_000_000).padStart(6, '0')}`;

/**
 * output_timestamp_monotonic(): the time since boot; short-delta adds the time since the entry
 * shown before, by the monotonic clock in one boot, else by the wall clock (marked "*"), and
 * blanks for the first entry.
 */
function monotonicStamp(e: JournalEntry, o: FormatOptions): string {
  let text = `[${seconds(e.monotonic)}`;
  if (o.mode === 'short-delta') {
    const p = o.previous;
    if (p && p.monotonic > 0 && p.bootId === e.bootId) text += ` <${seconds(Math.max(0, e.monotonic - p.monotonic))} >`;
    else if (p && p.realtime > 0 && e.realtime > 0) text += ` <${seconds(Math.max(0, e.realtime - p.realtime))}*>`;
    else text += ' '.repeat(16);
  }
  return `${text}]`;
}

/** Strips control characters the way journalctl does unless --all is given. */
function printable(message: string, all: boolean): string {
  if (all) return message;
  return /[\x00-\x08\x0b-\x1f\x7f]/.test(message) ? `[${new TextEncoder().encode(message).length}B blob data]` : message;
}

function shortLine(e: JournalEntry, o: FormatOptions): string {
  let head = stamp(e, o);
  if (!o.noHostname) head += ` ${e.hostname}`;
  const ident = e.identifier || e.comm || 'unknown';
  head += e.transport === 'kernel' ? ' kernel' : ` ${ident}${e.pid !== undefined ? `[${e.pid}]` : ''}`;
  if (o.mode === 'with-unit' && e.unit) head = head.replace(/ (\S+)$/, ` ${e.unit}`);
  head += ': ';
  const msg = printable(e.message, o.all);
  const lines = msg.split('\n');
  const color = o.color ? priorityColor(e.priority) : undefined;
  const paint = (s: string): string => (color ? `${color}${s}${ANSI_NORMAL}` : s);
  const indent = ' '.repeat(head.length);
  return head + lines.map(paint).join(`\n${indent}`);
}

/** Every field of an entry as journalctl names them, in its order. */
export function entryFields(e: JournalEntry, machineId: string): [string, string][] {
  const out: [string, string][] = [];
  const add = (k: string, v: string | number | undefined): void => {
    if (v !== undefined && v !== '') out.push([k, String(v)]);
  };
  add('_TRANSPORT', e.transport);
  add('PRIORITY', e.priority);
  add('SYSLOG_FACILITY', e.facility);
  add('SYSLOG_IDENTIFIER', e.identifier);
  add('MESSAGE_ID', e.messageId);
  add('UNIT', e.aboutUnit);
  for (const [k, v] of Object.entries(e.fields ?? {})) add(k, v);
  add('_PID', e.pid);
  add('_UID', e.uid);
  add('_GID', e.gid);
  add('_COMM', e.comm);
  add('_EXE', e.exe);
  add('_CMDLINE', e.cmdline);
  add('_SYSTEMD_UNIT', e.unit);
  add('_BOOT_ID', e.bootId);
  add('_MACHINE_ID', machineId);
  add('_HOSTNAME', e.hostname);
  add('MESSAGE', e.message);
  return out;
}

function cursorOf(e: JournalEntry): string {
  return `s=0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f;i=${e.seq.toString(16)};b=${e.bootId};m=${e.monotonic.toString(16)};t=${e.realtime.toString(16)};x=${(e.seq * 2654435761 % 2 ** 32).toString(16)}`;
}

export function formatEntry(e: JournalEntry, o: FormatOptions): string {
  const text = formatOne(e, o);
  o.previous = { monotonic: e.monotonic, realtime: e.realtime, bootId: e.bootId };
  return text;
}

function formatOne(e: JournalEntry, o: FormatOptions): string {
  switch (o.mode) {
    case 'cat': {
      const color = o.color ? priorityColor(e.priority) : undefined;
      const msg = printable(e.message, o.all);
      return color ? `${color}${msg}${ANSI_NORMAL}` : msg;
    }
    case 'json':
    case 'json-pretty':
    case 'json-sse':
    case 'json-seq': {
      const obj: Record<string, string> = {
        __CURSOR: cursorOf(e),
        __REALTIME_TIMESTAMP: String(e.realtime),
        __MONOTONIC_TIMESTAMP: String(e.monotonic),
      };
      for (const [k, v] of entryFields(e, o.machineId)) obj[k] = v;
      if (o.mode === 'json-pretty') return JSON.stringify(obj, null, '\t');
      const line = JSON.stringify(obj);
      if (o.mode === 'json-sse') return `data: ${line}\n`;
      if (o.mode === 'json-seq') return `\x1e${line}`;
      return line;
    }
    case 'export': {
      const lines = [`__CURSOR=${cursorOf(e)}`, `__REALTIME_TIMESTAMP=${e.realtime}`, `__MONOTONIC_TIMESTAMP=${e.monotonic}`, `_BOOT_ID=${e.bootId}`];
      for (const [k, v] of entryFields(e, o.machineId)) if (k !== '_BOOT_ID') lines.push(`${k}=${v}`);
      return `${lines.join('\n')}\n`;
    }
    case 'verbose': {
      const ms = Math.floor(e.realtime / 1000) + offsetOf(o.zone, e.realtime) * 1000;
      const head = `${strftime('%a %Y-%m-%d %H:%M:%S', ms)}.${String(e.realtime % 1_000_000).padStart(6, '0')} ${zoneNameAt(o.zone, Math.floor(e.realtime / 1_000_000))} [${cursorOf(e)}]`;
      return [head, ...entryFields(e, o.machineId).map(([k, v]) => `    ${k}=${v}`)].join('\n');
    }
    default:
      return shortLine(e, o);
  }
}

export { fieldOf };
