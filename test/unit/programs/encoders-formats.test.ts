// The codecs of base32/basenc, hexdump's format parser and the C conversions behind it,
// checked against what the real tools print (coreutils 9.1, util-linux 2.38, LANG=C).
import { describe, expect, it } from 'vitest';
import { CODECS } from '../../../src/programs/lib/basenc-codecs';
import { formatInt, formatStr } from '../../../src/programs/lib/c-conversion';
import { finishFs, FormatError, fsSize, parseFs } from '../../../src/programs/util-linux/hexdump-format';

describe('basenc codecs', () => {
  it.each([
    ['base64', 'aGk/Pg=='],
    ['base64url', 'aGk_Pg=='],
    ['base32', 'NBUT6PQ='],
    ['base32hex', 'D1KJUFG='],
    ['base16', '68693F3E'],
    ['base2msbf', '01101000011010010011111100111110'],
    ['base2lsbf', '00010110100101101111110001111100'],
    ['z85', 'xLxW{'],
  ])('%s encodes "hi?>" and decodes it back', (name, enc) => {
    const codec = CODECS[name]!;
    expect(codec.encode('hi?>')).toBe(enc);
    expect(codec.decode(enc)).toEqual({ data: 'hi?>', ok: true });
  });

  it('decodes base32 groups as far as they are valid', () => {
    const b32 = CODECS.base32!;
    expect(b32.decode('NBSWY3DPNBSWY3D!')).toEqual({ data: 'hellohell', ok: false });
    expect(b32.decode('NB=SWY3D')).toEqual({ data: 'h', ok: false });
    expect(b32.decode('NBSWY3D')).toEqual({ data: '', ok: false });
    expect(b32.decode('NBSWY3DPBI======NBSWY3DP')).toEqual({ data: 'hello\nhello', ok: true });
  });

  it('refuses z85 input that is not a multiple of 4 bytes', () => {
    expect(CODECS.z85!.encode('abc')).toEqual({ error: 'invalid input (length must be multiple of 4 characters)' });
  });
});

describe('hexdump formats', () => {
  it('sizes the canonical layout at 16 bytes and repeats nothing', () => {
    const fs = parseFs('"%08.8_ax  " 8/1 "%02x " "  " 8/1 "%02x " ');
    expect(fsSize(fs)).toBe(16);
    finishFs(fs, 16);
    expect(fs.map((fu) => fu.reps)).toEqual([1, 8, 1, 8]);
    expect(fs[1]!.prs.at(-1)!.nospace).toBe(true);
  });

  it('repeats a last unit without a count to fill the block', () => {
    const fs = parseFs('"%x"');
    finishFs(fs, 16);
    expect(fs[0]!.reps).toBe(4);
  });

  it.each([
    ['"%z"', 'bad conversion character %z'],
    ['3/2 "%c"', 'bad byte count for conversion character c'],
    ['x', 'bad format {x}'],
    ['"%s"', '%s requires a precision or a byte count'],
    ['"%%x"', 'bad conversion character %%'],
  ])('rejects %s', (fmt, message) => {
    expect(() => parseFs(fmt)).toThrow(new FormatError(message));
  });
});

describe('C conversions', () => {
  it('prints integers as printf does', () => {
    expect(formatInt(10n, { flags: '0', width: 7, prec: 7, conv: 'x' })).toBe('000000a');
    expect(formatInt(255n, { flags: '#', width: undefined, prec: undefined, conv: 'o' })).toBe('0377');
    expect(formatInt(-5n, { flags: '0', width: 5, prec: undefined, conv: 'd' })).toBe('-0005');
    expect(formatInt(0n, { flags: '', width: undefined, prec: 0, conv: 'd' })).toBe('');
    expect(formatStr('abc', { flags: '', width: 5, prec: 2, conv: 's' })).toBe('   ab');
  });
});
