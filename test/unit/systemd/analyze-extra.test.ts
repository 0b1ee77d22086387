// Version ordering (systemd-analyze compare-versions) and calendar expressions that name a time
// zone with daylight saving time; the expected values were printed by the real systemd 252.
import { describe, expect, it } from 'vitest';
import { formatCalendarSpec, nextElapse, parseCalendarSpec } from '../../../src/shared/systemd/calendar';
import { UTC_ZONE } from '../../../src/shared/systemd/civil';
import { exitStatusFromString } from '../../../src/shared/systemd/exit-status';
import { formatTimestamp } from '../../../src/shared/systemd/time-format';
import { parseTimestamp } from '../../../src/shared/systemd/timestamp-parse';
import { compareVersions } from '../../../src/programs/systemd/analyze/table-verbs';

describe('compare-versions ordering', () => {
  it.each([
    ['1.2', '1.10', -1],
    ['2.0', '1.9', 1],
    ['1.0~rc1', '1.0', -1],
    ['1.0^post1', '1.0', 1],
    ['1.0-1', '1.0.1', -1],
    ['0001', '1', 0],
    ['1.2a', '1.2.a', 1],
    ['abc', 'abcd', -1],
    ['', '1', -1],
  ])('%s vs %s', (a, b, want) => {
    expect(Math.sign(compareVersions(a, b))).toBe(want);
  });
});

describe('exit status names and numbers', () => {
  it.each([
    ['TEMPFAIL', 75],
    ['EXEC', 203],
    ['0x0f', 15],
    ['010', 8],
    ['256', 'ERANGE'],
    ['exec', 'EINVAL'],
  ])('%s', (s, want) => {
    expect(exitStatusFromString(s)).toBe(want);
  });
});

describe('calendar expressions with a named zone', () => {
  const base = (s: string): number => parseTimestamp(s, 0, UTC_ZONE)!;
  const next = (expr: string, from: string): string | undefined => {
    const spec = parseCalendarSpec(expr, UTC_ZONE)!;
    const n = nextElapse(spec, base(from), UTC_ZONE);
    return typeof n === 'number' ? formatTimestamp(n, UTC_ZONE) : n;
  };
  it('keeps the zone in the normalized form', () => {
    expect(formatCalendarSpec(parseCalendarSpec('Mon 09:00 Europe/Berlin', UTC_ZONE)!, UTC_ZONE)).toBe('Mon *-*-* 09:00:00 Europe/Berlin');
  });
  it('follows daylight saving time', () => {
    expect(next('Mon 09:00 Europe/Berlin', '2024-03-30 12:00:00')).toBe('Mon 2024-04-01 07:00:00 UTC');
    expect(next('*-*-* 12:00:00 America/New_York', '2024-03-30 12:00:00')).toBe('Sat 2024-03-30 16:00:00 UTC');
    expect(next('*-*-* 09:00 Australia/Sydney', '2024-10-26 12:00:00')).toBe('Sat 2024-10-26 22:00:00 UTC');
  });
  it('skips a wall time the clock change leaves out', () => {
    expect(next('*-*-* 02:30 Europe/Berlin', '2024-03-30 12:00:00')).toBe('Mon 2024-04-01 00:30:00 UTC');
  });
  it('refuses an unknown zone', () => {
    expect(parseCalendarSpec('*-*-* 09:00 Nowhere/City', UTC_ZONE)).toBeUndefined();
  });
});
