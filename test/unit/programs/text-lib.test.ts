// Helpers of the text filters: digests against known vectors, C float formatting, and
// coreutils' number parsing.
import { describe, expect, it } from 'vitest';
import { formatFloat, fromNumber, strtold } from '../../../src/programs/lib/cfloat';
import { hex, Md5 } from '../../../src/programs/lib/md5';
import { Sha256 } from '../../../src/programs/lib/sha256';
import { numericValue } from '../../../src/programs/lib/sort-compare';
import { filevercmp, strnumcmp } from '../../../src/programs/lib/sort-keys';
import { xdectoint, xstrtol } from '../../../src/programs/lib/xstrtol';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('digests', () => {
  it.each([
    ['', 'd41d8cd98f00b204e9800998ecf8427e', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', '900150983cd24fb0d6963f7d28e17f72', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['a'.repeat(1000), 'cabe45dcc9ae5b66ba86600cca6b8ba8', '41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3'],
  ])('%#', (text, md5, sha) => {
    expect(hex(new Md5().update(bytes(text)).digest())).toBe(md5);
    const s = new Sha256();
    // in uneven pieces, across block boundaries
    for (let i = 0; i < text.length; i += 7) s.update(bytes(text.slice(i, i + 7)));
    expect(hex(s.digest())).toBe(sha);
  });
});

describe('C floating point', () => {
  const f = (x: string, conv: string, prec?: number, flags = '', width = 0): string => formatFloat(strtold(x).value, { flags, width, prec, conv });
  it.each([
    [f('0.5', 'f', 0), '0'],
    [f('2.5', 'f', 0), '2'],
    [f('1.5', 'f', 0), '2'],
    [f('0.1', 'f', 20), '0.10000000000000000000'],
    [f('1234.5', 'e'), '1.234500e+03'],
    [f('0.0001', 'g'), '0.0001'],
    [f('1e-5', 'g'), '1e-05'],
    [f('123456789', 'g'), '1.23457e+08'],
    [f('1', 'g', undefined, '#'), '1.00000'],
    [f('1', 'a'), '0x8p-3'],
    [f('255', 'A'), '0XF.FP+4'],
    [f('-0', 'f'), '-0.000000'],
    [f('inf', 'f', undefined, '', 5), '  inf'],
    [f('-2', 'f', 1, '0', 6), '-002.0'],
    [formatFloat(fromNumber(6.4406752e-10), { flags: '', width: 0, prec: 7, conv: 'g' }), '6.440675e-10'],
  ])('%s', (got, want) => expect(got).toBe(want));
});

describe('numbers', () => {
  it('parses counts with multiplier suffixes as xstrtoumax does', () => {
    expect(xstrtol('2k', 'bkKmMGTPEZY0')).toEqual({ value: 2048n, status: 'ok' });
    expect(xstrtol('5kB', 'bkKmMGTPEZY0')).toEqual({ value: 5000n, status: 'ok' });
    expect(xstrtol('3MiB', 'bkKmMGTPEZY0')).toEqual({ value: 3n * 1024n * 1024n, status: 'ok' });
    expect(xstrtol('1x', 'bkKmMGTPEZY0').status).toBe('suffix');
    expect(xstrtol('-1', '').status).toBe('invalid');
    expect(xdectoint('99999999999999999999999', 0n, (1n << 64n) - 1n, '', 'invalid number of lines').error)
      .toBe("invalid number of lines: '99999999999999999999999': Value too large for defined data type");
  });

  it('compares numbers as sort -n does', () => {
    const sorted = ['-10', '-2.5', '-0', '0', '.5', '0.50', '1', '1.0001', '9e9', '10'];
    for (let i = 0; i + 1 < sorted.length; i++) {
      const d = strnumcmp(sorted[i]!, sorted[i + 1]!);
      expect(d, `${sorted[i]} vs ${sorted[i + 1]}`).toBeLessThanOrEqual(0);
      const a = numericValue(sorted[i]!);
      const b = numericValue(sorted[i + 1]!);
      expect(a.n < b.n || (a.n === b.n && strnumcmp(a.c, b.c) === d)).toBe(true);
    }
    expect(strnumcmp('-0', '0')).toBe(0);
    expect(strnumcmp('0.50', '.5')).toBe(0);
  });

  it('orders versions as gnulib filevercmp', () => {
    const list = ['a1.2', 'a1.9b', 'a1.10', 'b', '.hidden'];
    expect([...list].sort(filevercmp)).toEqual(['.hidden', 'a1.2', 'a1.9b', 'a1.10', 'b']);
  });
});
