import { describe, expect, it } from 'vitest';
import { numericAbbr, zoneAt, zoneKnown, zoneNames } from '../../../src/shared/time-zones';

const at = (iso: string): number => Date.parse(iso) / 1000;

describe('time zones', () => {
  it('knows tzdata names and refuses others', () => {
    expect(zoneKnown('America/New_York')).toBe(true);
    expect(zoneKnown('UTC')).toBe(true);
    expect(zoneKnown('Nowhere/Foo')).toBe(false);
    expect(zoneKnown('EST5EDT,M3.2.0,M11.1.0')).toBe(false);
    expect(zoneAt('Nowhere/Foo', 0)).toBeUndefined();
  });

  it('follows daylight saving time with tzdata abbreviations', () => {
    expect(zoneAt('America/New_York', at('2026-01-15T12:00:00Z'))).toEqual({ offset: -5 * 3600, abbr: 'EST', isdst: false });
    expect(zoneAt('America/New_York', at('2026-07-15T12:00:00Z'))).toEqual({ offset: -4 * 3600, abbr: 'EDT', isdst: true });
    // the switch: 2026-03-08 02:00 EST is 07:00 UTC
    expect(zoneAt('America/New_York', at('2026-03-08T06:59:59Z'))?.abbr).toBe('EST');
    expect(zoneAt('America/New_York', at('2026-03-08T07:00:00Z'))?.abbr).toBe('EDT');
    expect(zoneAt('Europe/London', at('2026-07-01T00:00:00Z'))).toEqual({ offset: 3600, abbr: 'BST', isdst: true });
    // the southern hemisphere's summer is in January
    expect(zoneAt('Australia/Sydney', at('2026-01-15T00:00:00Z'))).toEqual({ offset: 11 * 3600, abbr: 'AEDT', isdst: true });
    expect(zoneAt('Australia/Sydney', at('2026-07-15T00:00:00Z'))).toEqual({ offset: 10 * 3600, abbr: 'AEST', isdst: false });
  });

  it('writes numeric abbreviations where tzdata has no letters', () => {
    expect(zoneAt('Asia/Kolkata', at('2026-01-15T00:00:00Z'))).toEqual({ offset: 19800, abbr: 'IST', isdst: false });
    expect(zoneAt('Asia/Dubai', 0)?.abbr).toBe('+04');
    expect(zoneAt('Asia/Kathmandu', at('2026-01-15T00:00:00Z'))?.abbr).toBe('+0545');
    expect(zoneAt('Etc/GMT+5', 0)).toEqual({ offset: -5 * 3600, abbr: '-05', isdst: false });
    expect(numericAbbr(-3 * 3600)).toBe('-03');
    expect(numericAbbr(0)).toBe('+00');
  });

  it('lists zones sorted, UTC among them', () => {
    const names = zoneNames();
    expect(names).toContain('Europe/Paris');
    expect(names).toContain('UTC');
    expect([...names].sort()).toEqual(names);
  });
});
