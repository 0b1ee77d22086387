// The three coreutils message quotings, checked against what coreutils 9.1 prints in LANG=C.
import { describe, expect, it } from 'vitest';
import { quote, quoteaf, quotef } from '../../../src/programs/lib/quote';

describe('coreutils message quoting', () => {
  it('quote() is the locale style: C escapes inside single quotes', () => {
    expect(quote("a'b")).toBe("'a\\'b'");
    expect(quote('a\\b')).toBe("'a\\\\b'");
    expect(quote('a\nb')).toBe("'a\\nb'");
    expect(quote('abc')).toBe("'abc'");
    expect(quote('')).toBe("''");
    expect(quote('é')).toBe("'\\303\\251'");
  });

  it('quoteaf() always quotes, shell style', () => {
    expect(quoteaf("a'b")).toBe('"a\'b"');
    expect(quoteaf('a\nb')).toBe("'a'$'\\n''b'");
    expect(quoteaf('a b')).toBe("'a b'");
    expect(quoteaf('x~')).toBe("'x~'");
    expect(quoteaf("'")).toBe('"\'"');
  });

  it('quotef() leaves safe names bare and quotes ":" and shell specials', () => {
    expect(quotef('abc')).toBe('abc');
    expect(quotef('a:b')).toBe("'a:b'");
    expect(quotef('a=b')).toBe("'a=b'");
    expect(quotef('x~')).toBe('x~');
    expect(quotef('~x')).toBe("'~x'");
    expect(quotef('a{')).toBe('a{');
    expect(quotef('{')).toBe("'{'");
    expect(quotef('#a')).toBe("'#a'");
    expect(quotef('a#')).toBe('a#');
    expect(quotef('^a')).toBe("'^a'");
    expect(quotef('a\tb')).toBe("'a'$'\\t''b'");
    expect(quotef('')).toBe("''");
  });
});
