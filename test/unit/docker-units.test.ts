// go-units v0.5.0 as vendored by docker/cli 27.3.1, and Go's float formatting.
import { describe, expect, it } from 'vitest';
import {
  bytesSize,
  fromHumanSize,
  goFormatFloat,
  goQuote,
  humanDuration,
  humanSize,
  humanSizeWithPrecision,
  parseGoFloat,
  parseUlimit,
  ramInBytes,
} from '../../src/shared/docker-units';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('HumanDuration', () => {
  it.each([
    [0, 'Less than a second'],
    [999, 'Less than a second'],
    [-5 * S, 'Less than a second'],
    [1 * S, '1 second'],
    [1999, '1 second'],
    [2 * S, '2 seconds'],
    [59 * S, '59 seconds'],
    [60 * S, 'About a minute'],
    [119 * S, 'About a minute'],
    [2 * M, '2 minutes'],
    [59 * M + 59 * S, '59 minutes'],
    [60 * M, 'About an hour'],
    [89 * M, 'About an hour'],
    [90 * M, '2 hours'],
    [47 * H, '47 hours'],
    [47 * H + 31 * M, '2 days'],
    [48 * H, '2 days'],
    [13 * D, '13 days'],
    [14 * D, '2 weeks'],
    [59 * D, '8 weeks'],
    [60 * D, '2 months'],
    [729 * D, '24 months'],
    [730 * D, '2 years'],
    [3650 * D, '10 years'],
  ])('%d ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});

describe('sizes', () => {
  it.each([
    [0, '0B'],
    [999, '999B'],
    [1000, '1kB'],
    [13_256, '13.3kB'],
    [187_000_000, '187MB'],
    [1_048_576_000, '1.05GB'],
    [999_999, '1e+03kB'], // %.3g rounds up to 1000 and switches to exponent form
    [1e21, '1ZB'],
    [1e27, '1e+03YB'],
  ])('HumanSizeWithPrecision(%d, 3) = %s', (n, want) => {
    expect(humanSizeWithPrecision(n, 3)).toBe(want);
  });

  it.each([
    [2746, '2.746kB'],
    [1_234_567, '1.235MB'],
    [5_000_000_000, '5GB'],
  ])('HumanSize(%d) = %s', (n, want) => {
    expect(humanSize(n)).toBe(want);
  });

  it.each([
    [0, '0B'],
    [1024, '1KiB'],
    [1536, '1.5KiB'],
    [2_055_208_960, '1.914GiB'],
    [1024 * 1024 * 1024 * 1024, '1TiB'],
  ])('BytesSize(%d) = %s', (n, want) => {
    expect(bytesSize(n)).toBe(want);
  });
});

describe('Go %g/%f/%e formatting', () => {
  it.each([
    [1.125, 'g', 3, '1.12'], // exact tie: Go rounds half to even
    [1.375, 'g', 3, '1.38'],
    [2.5, 'f', 0, '2'],
    [3.5, 'f', 0, '4'],
    [0.125, 'f', 2, '0.12'],
    [0.1, 'f', 20, '0.10000000000000000555'],
    [123456, 'g', 3, '1.23e+05'],
    [0.0001234, 'g', 3, '0.000123'],
    [0.00001234, 'g', 3, '1.23e-05'],
    [100, 'g', 3, '100'],
    [1000, 'g', 3, '1e+03'],
    [-1.5, 'g', 4, '-1.5'],
    [0, 'g', 3, '0'],
    [0, 'e', 2, '0.00e+00'],
    [1e100, 'e', 1, '1.0e+100'],
  ] as const)('%s %s.%d → %s', (x, verb, prec, want) => {
    expect(goFormatFloat(x, verb, prec)).toBe(want);
  });
});

describe('RAMInBytes / FromHumanSize', () => {
  it.each([
    ['32', 32],
    ['32b', 32],
    ['32B', 32],
    ['32k', 32 * 1024],
    ['32kb', 32 * 1024],
    ['32Kib', 32 * 1024],
    ['32KiB', 32 * 1024],
    ['1.5m', 1.5 * 1024 * 1024],
    ['1 MiB', 1024 * 1024],
    ['1g', 1024 ** 3],
    ['2T', 2 * 1024 ** 4],
    ['1e3', 1000],
    ['.5k', 512],
  ])('RAMInBytes(%s) = %d', (s, want) => {
    expect(ramInBytes(s)).toEqual({ ok: true, value: want });
  });

  it.each([
    ['', "invalid size: ''"],
    ['abc', "invalid size: 'abc'"],
    ['-1', "invalid size: '-1'"],
    ['1x', "invalid suffix: 'x'"],
    ['1kbb', "invalid suffix: 'kbb'"],
    ['1KB2', 'strconv.ParseFloat: parsing "1KB2": invalid syntax'],
    ['1mibx', "invalid suffix: 'mibx'"],
    ['1bk', "invalid suffix: 'bk'"],
    ['1.2.3m', 'strconv.ParseFloat: parsing "1.2.3": invalid syntax'],
    ['1e400', 'strconv.ParseFloat: parsing "1e400": value out of range'],
  ])('RAMInBytes(%j) fails: %s', (s, err) => {
    expect(ramInBytes(s)).toEqual({ ok: false, error: err });
  });

  it('FromHumanSize uses decimal multiples', () => {
    expect(fromHumanSize('32kb')).toEqual({ ok: true, value: 32000 });
    expect(fromHumanSize('1.5GB')).toEqual({ ok: true, value: 1_500_000_000 });
  });
});

describe('ParseUlimit', () => {
  it('parses soft and hard limits', () => {
    expect(parseUlimit('nofile=1024:2048')).toEqual({ ok: true, value: { name: 'nofile', soft: 1024, hard: 2048 } });
    expect(parseUlimit('nproc=512')).toEqual({ ok: true, value: { name: 'nproc', soft: 512, hard: 512 } });
    expect(parseUlimit('core=-1')).toEqual({ ok: true, value: { name: 'core', soft: -1, hard: -1 } });
  });
  it.each([
    ['nofile', 'invalid ulimit argument: nofile'],
    ['foo=1', 'invalid ulimit type: foo'],
    ['nofile=1:2:3', 'too many limit value arguments - 1:2:3, can only have up to two, `soft[:hard]`'],
    ['nofile=x', 'strconv.ParseInt: parsing "x": invalid syntax'],
    ['nofile=10:5', 'ulimit soft limit must be less than or equal to hard limit: 10 > 5'],
    ['nofile=-1:5', 'ulimit soft limit must be less than or equal to hard limit: soft: -1 (unlimited), hard: 5'],
  ])('%s fails', (s, err) => {
    expect(parseUlimit(s)).toEqual({ ok: false, error: err });
  });
});

describe('strconv helpers', () => {
  it('goQuote escapes like strconv.Quote', () => {
    expect(goQuote('a"b\\c\n\t\x01é')).toBe('"a\\"b\\\\c\\n\\t\\x01é"');
  });
  it('parseGoFloat', () => {
    expect(parseGoFloat('1.5e2')).toEqual({ ok: true, value: 150 });
    expect(parseGoFloat('0x1p4')).toEqual({ ok: true, value: 16 });
    expect(parseGoFloat('Inf')).toEqual({ ok: true, value: Infinity });
    expect(parseGoFloat('1_000')).toEqual({ ok: false, error: 'strconv.ParseFloat: parsing "1_000": invalid syntax' });
  });
});
