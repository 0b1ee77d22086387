import { describe, expect, it } from 'vitest';
import { localtime, mktime, parseTz } from '../../../src/programs/lib/tz';

describe('lib/tz named zones', () => {
  it('takes zone names with or without a colon, and keeps POSIX strings and unknown names', () => {
    const ny = parseTz(':America/New_York');
    expect(localtime(1700000000, ny)).toMatchObject({ hour: 17, zone: 'EST', gmtoff: -18000 });
    expect(localtime(1690000000, parseTz('America/New_York'))).toMatchObject({ hour: 0, zone: 'EDT', gmtoff: -14400 });
    expect(parseTz('EST5')).toEqual({ name: 'EST', offset: -18000 });
    expect(parseTz('Nowhere/Foo')).toEqual({ name: 'Nowhere', offset: 0 });
    expect(parseTz('america/new_york')).toEqual({ name: 'america', offset: 0 });
  });

  it('reads wall times at DST changes as glibc mktime does', () => {
    const ny = parseTz('America/New_York');
    const f = (mon: number, mday: number, hour: number, min: number) => ({ year: 2023, mon, mday, hour, min, sec: 0 });
    expect(mktime(f(10, 5, 1, 30), ny)).toBe(1699162200);
    expect(mktime(f(10, 5, 1, 30), ny, false)).toBe(1699165800);
    // the skipped 02:30 moves on to 03:30 EDT
    expect(localtime(mktime(f(2, 12, 2, 30), ny), ny)).toMatchObject({ hour: 3, min: 30, zone: 'EDT' });
    expect(mktime(f(9, 29, 1, 30), parseTz('Europe/London'))).toBe(1698543000);
  });
});
