// C number parsing as xtables uses it: xtables_strtoul() is strtoumax(s, &end, 0) (so "0x10"
// is 16 and "010" is 8, leading blanks and '+' are fine, '-' is refused) plus a range check.

export interface StrtoulResult {
  value: number;
  /** index just past the digits */
  end: number;
}

const SPACE = /[ \t\n\v\f\r]/;

/** strtoumax(s, &end, base) without the range check; null when no digits were read. */
export function strtoul(s: string, base = 0): StrtoulResult | null {
  let i = 0;
  while (i < s.length && SPACE.test(s[i]!)) i++;
  if (s[i] === '-') return null;
  if (s[i] === '+') i++;
  let b = base;
  if ((b === 0 || b === 16) && s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && /[0-9a-fA-F]/.test(s[i + 2] ?? '')) {
    i += 2;
    b = 16;
  } else if (b === 0) b = s[i] === '0' ? 8 : 10;
  const start = i;
  let v = 0;
  for (; i < s.length; i++) {
    const d = parseInt(s[i]!, 36);
    if (Number.isNaN(d) || d >= b) break;
    v = v * b + d;
  }
  if (i === start) return null;
  return { value: v, end: i };
}

/** xtables_strtoui(s, NULL, &v, min, max): the whole string must be a number in range. */
export function strtouiWhole(s: string, min: number, max: number): number | null {
  const r = strtoul(s);
  if (!r || r.end !== s.length || r.value < min || r.value > max) return null;
  return r.value;
}

/** xtables_strtoui(s, &end, &v, min, max): a number in range at the start; returns it and where it ends. */
export function strtouiPrefix(s: string, min: number, max: number): StrtoulResult | null {
  const r = strtoul(s);
  if (!r || r.value < min || r.value > max) return null;
  return r;
}
