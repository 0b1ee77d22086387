// Time spans, calendar expressions and timestamps; the expected values were printed by the
// real systemd-analyze (systemd 252) with TZ=UTC and --base-time='2024-05-14 10:02:11 UTC'.
import { describe, expect, it } from 'vitest';
import { formatCalendarSpec, nextElapse, parseCalendarSpec } from '../../../src/shared/systemd/calendar';
import { UTC_ZONE } from '../../../src/shared/systemd/civil';
import { formatTimestamp, formatTimestampRelative } from '../../../src/shared/systemd/time-format';
import { formatTimespan, parseTimespan } from '../../../src/shared/systemd/time-span';
import { parseTimestamp } from '../../../src/shared/systemd/timestamp-parse';

describe('time spans', () => {
  it.each([
    ['1h', '3600000000', '1h'],
    ['90s', '90000000', '1min 30s'],
    ['0', '0', '0'],
    ['infinity', '18446744073709551615', 'infinity'],
    ['1.5', '1500000', '1.500000s'],
    ['1.123456789s', '1123456', '1.123456s'],
    ['2 days 3 hours', '183600000000', '2d 3h'],
    ['1y 2M 3w', '38631600000000', '1y 2month 3w'],
    ['5msec 3us', '5003', '5.003ms'],
    ['1min1s', '61000000', '1min 1s'],
    [' 5 min ', '300000000', '5min'],
    ['.5s', '500000', '500ms'],
    ['1w2d3h4min5s6ms7us', '788645006007', '1w 2d 3h 4min 5.006007s'],
    ['59.9s', '59900000', '59.900000s'],
    ['100years', '3155760000000000', '100y'],
    ['2hr 30m', '9000000000', '2h 30min'],
    ['1μs', '1', '1us'],
  ])('%j = %s us = %s', (input, usec, human) => {
    const r = parseTimespan(input);
    expect(String(r)).toBe(usec);
    expect(formatTimespan(r as bigint)).toBe(human);
  });

  it.each([
    ['12.34.56', 'EINVAL'],
    ['-5', 'ERANGE'],
    ['3.s', 'EINVAL'],
    ['18446744073709551615', 'ERANGE'],
    ['5 x', 'EINVAL'],
    ['now', 'EINVAL'],
    ['', 'EINVAL'],
  ])('%j fails with %s', (input, err) => {
    expect(parseTimespan(input)).toBe(err);
  });
});

const BASE = Date.UTC(2024, 4, 14, 10, 2, 11) * 1000;

describe('calendar expressions', () => {
  it.each([
    ['daily', '*-*-* 00:00:00', 'Wed 2024-05-15 00:00:00 UTC'],
    ['weekly', 'Mon *-*-* 00:00:00', 'Mon 2024-05-20 00:00:00 UTC'],
    ['monthly', '*-*-01 00:00:00', 'Sat 2024-06-01 00:00:00 UTC'],
    ['yearly', '*-01-01 00:00:00', 'Wed 2025-01-01 00:00:00 UTC'],
    ['quarterly', '*-01,04,07,10-01 00:00:00', 'Mon 2024-07-01 00:00:00 UTC'],
    ['semiannually', '*-01,07-01 00:00:00', 'Mon 2024-07-01 00:00:00 UTC'],
    ['hourly', '*-*-* *:00:00', 'Tue 2024-05-14 11:00:00 UTC'],
    ['minutely', '*-*-* *:*:00', 'Tue 2024-05-14 10:03:00 UTC'],
    ['Mon..Fri *-*-* 10:00', 'Mon..Fri *-*-* 10:00:00', 'Wed 2024-05-15 10:00:00 UTC'],
    ['Sat,Sun 08:30', 'Sat,Sun *-*-* 08:30:00', 'Sat 2024-05-18 08:30:00 UTC'],
    ['*:0/15', '*-*-* *:00/15:00', 'Tue 2024-05-14 10:15:00 UTC'],
    ['Mon *-*-1..7 12:00', 'Mon *-*-01..07 12:00:00', 'Mon 2024-06-03 12:00:00 UTC'],
    ['*-02-29', '*-02-29 00:00:00', 'Tue 2028-02-29 00:00:00 UTC'],
    ['*-*~01', '*-*~01 00:00:00', 'Fri 2024-05-31 00:00:00 UTC'],
    ['*-*~03/2', '*-*~03/2 00:00:00', 'Wed 2024-05-29 00:00:00 UTC'],
    ['12:00', '*-*-* 12:00:00', 'Tue 2024-05-14 12:00:00 UTC'],
    ['Wed..Fri,Mon 9:00', 'Mon,Wed..Fri *-*-* 09:00:00', 'Wed 2024-05-15 09:00:00 UTC'],
    ['*-*-* 00:00:00 UTC', '*-*-* 00:00:00 UTC', 'Wed 2024-05-15 00:00:00 UTC'],
    ['@1700000000', '2023-11-14 22:13:20 UTC', 'never'],
    ['*:*:0/10.5', '*-*-* *:*:00/10.500000', 'Tue 2024-05-14 10:02:21 UTC'],
    ['1..3:00', '*-*-* 01..03:00:00', 'Wed 2024-05-15 01:00:00 UTC'],
    ['*-1,3,5-1', '*-01,03,05-01 00:00:00', 'Wed 2025-01-01 00:00:00 UTC'],
    ['Tue,Thu 2000-01-01', 'Tue,Thu 2000-01-01 00:00:00', 'never'],
    ['00:00:00.123456', '*-*-* 00:00:00.123456', 'Wed 2024-05-15 00:00:00 UTC'],
    ['Mon-Wed 1:2:3', 'Mon..Wed *-*-* 01:02:03', 'Wed 2024-05-15 01:02:03 UTC'],
    ['weekly UTC', 'Mon *-*-* 00:00:00 UTC', 'Mon 2024-05-20 00:00:00 UTC'],
  ])('%s', (input, normalized, next) => {
    const spec = parseCalendarSpec(input, UTC_ZONE)!;
    expect(formatCalendarSpec(spec, UTC_ZONE)).toBe(normalized);
    const n = nextElapse(spec, BASE, UTC_ZONE);
    expect(n === 'ENOENT' ? 'never' : formatTimestamp(n as number, UTC_ZONE)).toBe(next);
  });

  it.each(['Fri 2023-13-01', 'bogus', '', 'Mon..', '*-*-* 25:00', '2024-01-01 10:00:60.5/0'])('refuses %j', (input) => {
    expect(parseCalendarSpec(input, UTC_ZONE)).toBeUndefined();
  });

  it('knows a local zone by its name', () => {
    const est = { name: 'EST', offset: -5 * 3600 };
    const spec = parseCalendarSpec('daily EST', est)!;
    expect(formatCalendarSpec(spec, est)).toBe('*-*-* 00:00:00 EST');
    expect(formatTimestamp(nextElapse(spec, BASE, est) as number, est)).toBe('Wed 2024-05-15 00:00:00 EST');
  });
});

describe('timestamps', () => {
  it.each([
    ['2024-05-14 10:02:11', 'Tue 2024-05-14 10:02:11 UTC'],
    ['2024-05-14', 'Tue 2024-05-14 00:00:00 UTC'],
    ['24-05-14 10:02:11.5', 'Tue 2024-05-14 10:02:11 UTC'],
    ['@1700000000', 'Tue 2023-11-14 22:13:20 UTC'],
    ['Tue 2024-05-14 10:02:11 UTC', 'Tue 2024-05-14 10:02:11 UTC'],
    ['May 14 10:02:11', 'Tue 2024-05-14 10:02:11 UTC'],
    ['yesterday', 'Mon 2024-05-13 00:00:00 UTC'],
    ['+1h', 'Tue 2024-05-14 11:02:11 UTC'],
    ['2h ago', 'Tue 2024-05-14 08:02:11 UTC'],
  ])('%s', (input, out) => {
    expect(formatTimestamp(parseTimestamp(input, BASE, UTC_ZONE)!, UTC_ZONE)).toBe(out);
  });

  it.each(['Mon 2024-05-14 10:02:11 UTC', 'bogus', 'daily'])('refuses %j', (input) => {
    expect(parseTimestamp(input, BASE, UTC_ZONE)).toBeUndefined();
  });

  it.each([
    [BASE - 3_000_000, '3s ago'],
    [BASE + 90 * 60_000_000, '1h 30min left'],
    [BASE - 26 * 3_600_000_000, '1 day 2h ago'],
    [BASE + 400 * 86_400_000_000, '1 year 1 month left'],
    [BASE, 'now'],
  ])('relative %d', (t, out) => {
    expect(formatTimestampRelative(t, BASE)).toBe(out);
  });
});
