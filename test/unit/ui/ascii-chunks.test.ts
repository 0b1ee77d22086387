// The build writes its JavaScript in ASCII (scripts/vite-ascii-only.ts): the escaped code must
// mean exactly what the original meant.
import { describe, expect, it } from 'vitest';
import { asciiOnly } from '../../../scripts/vite-ascii-only';

/** Evaluates an expression's source. */
const run = (src: string): unknown => new Function(`return (${src});`)();

describe('chunks written in ASCII', () => {
  it.each([
    ['"the machine “x” µs"', 'string'],
    ['`tab\t“${1 + 1}” \ufeff`', 'template literal'],
    ['/[µμ]s$/.test("3μs")', 'regular expression'],
    ['/\\é/.test("é")', 'identity escape in a regular expression'],
    ['"\\é"', 'identity escape in a string'],
    ['"\\\\é"', 'an escaped backslash before the character'],
    ['"😀".length', 'a character outside the BMP'],
    ['/😀/u.test("😀")', 'a surrogate pair in a u-flag expression'],
    ['(() => { const ñ = 2; return ñ * 3; })()', 'identifier'],
  ])('%s (%s)', (src) => {
    const out = asciiOnly(src);
    expect(out).toMatch(/^[\x00-\x7f]*$/);
    expect(run(out)).toEqual(run(src));
  });

  it('leaves ASCII as it is', () => {
    const src = 'const a = "x\\u00e9y"; // plain';
    expect(asciiOnly(src)).toBe(src);
  });
});
