import { describe, expect, it } from 'vitest';
import { strftime } from '../../../src/programs/lib/strftime';
import { msToTimespec, timespecToMs } from '../../../src/programs/lib/timespec';

describe('timespec', () => {
  it('gives back the exact nanoseconds a millisecond double cannot hold', () => {
    const ms = timespecToMs(1577934245, 123456789);
    expect(msToTimespec(ms)).toEqual({ sec: 1577934245, ns: 123456789 });
    // the same double copied on (cp -p, touch -r) still reads back exactly
    expect(msToTimespec(Number(String(ms)))).toEqual({ sec: 1577934245, ns: 123456789 });
  });
  it('keeps a nanosecond just below the next second in its own second', () => {
    const ms = timespecToMs(1577934245, 999999999);
    expect(msToTimespec(ms)).toEqual({ sec: 1577934245, ns: 999999999 });
    expect(strftime('%S.%N', ms)).toBe('05.999999999');
  });
  it('splits plain doubles as before', () => {
    expect(msToTimespec(1500)).toEqual({ sec: 1, ns: 500000000 });
    expect(msToTimespec(-1250)).toEqual({ sec: -2, ns: 750000000 });
    expect(timespecToMs(1, 500000000)).toBe(1500);
  });
});
