// Helpers of the file and system programs, where a fixed "now" or exact arithmetic matters:
// date -d's relative items (GNU parse_datetime), strftime flags, time zones, dd's sizes.
import { describe, expect, it } from 'vitest';
import { compileBre } from '../../../src/programs/lib/bre';
import { relpath } from '../../../src/programs/lib/canonicalize';
import { humanGnu } from '../../../src/programs/lib/human-gnu';
import { formatTime } from '../../../src/programs/lib/nstrftime';
import { parseDate } from '../../../src/programs/lib/parse-date';
import { localtime, mktime, parseTz, UTC } from '../../../src/programs/lib/tz';

// Thursday 2026-01-15 09:30:00 UTC
const NOW = { sec: Date.UTC(2026, 0, 15, 9, 30) / 1000, ns: 250_000_000 };
const iso = (s: string, tz = UTC): string => {
  const r = parseDate(s, NOW, tz);
  return r === undefined ? 'invalid' : `${formatTime('%F %T.%N', r.sec, r.ns, UTC)}`;
};

describe('parseDate relative to a fixed now', () => {
  it.each([
    ['now', '2026-01-15 09:30:00.250000000'],
    ['', '2026-01-15 00:00:00.000000000'],
    ['yesterday', '2026-01-14 09:30:00.250000000'],
    ['tomorrow', '2026-01-16 09:30:00.250000000'],
    ['last monday', '2026-01-12 00:00:00.000000000'],
    ['monday', '2026-01-19 00:00:00.000000000'],
    ['next monday', '2026-01-19 00:00:00.000000000'],
    ['thursday', '2026-01-15 00:00:00.000000000'],
    ['next thursday', '2026-01-22 00:00:00.000000000'],
    ['1 hour ago', '2026-01-15 08:30:00.250000000'],
    ['next week', '2026-01-22 09:30:00.250000000'],
    ['+2 days', '2026-01-17 09:30:00.250000000'],
    ['3 weeks ago', '2025-12-25 09:30:00.250000000'],
    ['last year', '2025-01-15 09:30:00.250000000'],
    ['10 +05', '2026-01-15 05:00:00.000000000'],
    ['x', '2026-01-15 11:00:00.000000000'],
    ['yesterday 10:00', '2026-01-14 10:00:00.000000000'],
    ['second monday', '2026-01-19 00:00:01.000000000'],
    ['fortnight ago', '2026-01-01 09:30:00.250000000'],
    ['1230', '2026-01-15 12:30:00.000000000'],
    ['6/7', '2026-06-07 00:00:00.000000000'],
    ['2 mondays', 'invalid'],
    ['noon', 'invalid'],
  ])('%s', (input, want) => {
    expect(iso(input)).toBe(want);
  });

  it('uses the time zone of TZ', () => {
    expect(iso('2024-01-01 10:00', parseTz('EST5'))).toBe('2024-01-01 15:00:00.000000000');
    expect(iso('TZ="UTC0" 2024-01-01 10:00', parseTz('EST5'))).toBe('2024-01-01 10:00:00.000000000');
  });
});

describe('strftime and time zones', () => {
  it('formats with GNU flags', () => {
    expect(formatTime('%10Y|%-d|%_5d|%^a|%#Z|%:z|%3N|%5%', 1700000000, 123456789, UTC)).toBe('0000002023|14|   14|TUE|utc|+00:00|123|   %5%');
    expect(formatTime('%z %:::z %Z', 0, 0, parseTz('<+0530>-5:30'))).toBe('+0530 +05:30 +0530');
  });

  it('converts between broken-down and epoch time', () => {
    const t = mktime({ year: 2024, mon: 1, mday: 30, hour: 0, min: 0, sec: 0 });
    expect(localtime(t)).toMatchObject({ year: 2024, mon: 2, mday: 1, wday: 5 });
    expect(parseTz('Nowhere/Foo')).toEqual({ name: 'Nowhere', offset: 0 });
  });
});

describe('helpers', () => {
  it('human_readable as dd uses it', () => {
    const o = { autoscale: true, round: 'nearest' as const, space: true, si: true, B: true };
    expect(humanGnu(1048576, o, 1, 1)).toBe('1.0 MB');
    expect(humanGnu(1048576, { ...o, base1024: true }, 1, 1)).toBe('1.0 MiB');
    expect(humanGnu(512, o, 1, 1)).toBe('512 B');
    expect(humanGnu(2000, o, 1, 1)).toBe('2.0 kB');
  });

  it('relpath', () => {
    expect(relpath('/usr/bin/ls', '/usr/local')).toBe('../bin/ls');
    expect(relpath('/a/b', '/a/b')).toBe('.');
    expect(relpath('/a', '/')).toBe('a');
  });

  it('basic regular expressions', () => {
    const c = compileBre('\\(ab\\)*c');
    expect('re' in c && c.re.exec('ababc')?.[1]).toBe('ab');
    expect(compileBre('a\\{1')).toEqual({ error: 'Unmatched \\{' });
    expect(compileBre('[a')).toEqual({ error: 'Unmatched [, [^, [:, [., or [=' });
  });
});
