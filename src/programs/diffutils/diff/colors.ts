// --color and --palette: SGR sequences for the header lines (hd), added (ad) and deleted
// (de) lines, line-number headers (ln), and the reset (rs). The palette is read as
// LS_COLORS is: KEY=VALUE items split by ':', values with backslash and caret escapes.

export type ColorWhen = 'never' | 'always' | 'auto';

export interface Palette {
  hd: string;
  ad: string;
  de: string;
  ln: string;
  rs: string;
}

const DEFAULTS: Palette = { hd: '1', ad: '32', de: '31', ln: '36', rs: '0' };

/** A --color argument, or undefined when it is not one of diff's words. */
export function colorWhen(arg: string | undefined): ColorWhen | undefined {
  if (arg === undefined) return 'auto';
  return arg === 'always' || arg === 'never' || arg === 'auto' ? arg : undefined;
}

/** One value's escapes; the rest of `s` from `i` up to an unescaped ':'. */
function value(s: string, i: number): { text: string; end: number } | undefined {
  let text = '';
  while (i < s.length && s[i] !== ':') {
    const c = s[i++]!;
    if (c === '^') {
      const d = s[i++];
      if (d === undefined) return undefined;
      if (d === '?') text += '\x7f';
      else if (d >= '@' && d <= '~') text += String.fromCharCode(d.charCodeAt(0) & 0x1f);
      else return undefined;
    } else if (c === '\\') {
      const d = s[i++];
      if (d === undefined) return undefined;
      const named: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '?': '\x7f', _: ' ' };
      if (named[d] !== undefined) text += named[d];
      else if (/[0-7]/.test(d)) {
        const m = /^[0-7]{1,3}/.exec(s.slice(i - 1))![0];
        i += m.length - 1;
        text += String.fromCharCode(parseInt(m, 8) & 0xff);
      } else if (d === 'x' || d === 'X') {
        const m = /^[0-9a-fA-F]{0,2}/.exec(s.slice(i))![0];
        i += m.length;
        text += String.fromCharCode(parseInt(m || '0', 16));
      } else text += d;
    } else text += c;
  }
  return { text, end: i };
}

/** Parses --palette over the defaults; messages for what diff rejects (then colors are off). */
export function parsePalette(spec: string | undefined): { palette: Palette | undefined; errors: string[] } {
  const p = { ...DEFAULTS };
  if (spec === undefined) return { palette: p, errors: [] };
  const errors: string[] = [];
  for (let i = 0; i < spec.length; ) {
    if (spec[i] === ':') {
      i++;
      continue;
    }
    const key = spec.slice(i, i + 2);
    if (key.length < 2 || spec[i + 2] !== '=') return { palette: undefined, errors: [...errors, 'unparsable value for --palette'] };
    const v = value(spec, i + 3);
    if (!v) return { palette: undefined, errors: [...errors, 'unparsable value for --palette'] };
    if (key in p) p[key as keyof Palette] = v.text;
    else return { palette: undefined, errors: [`unrecognized prefix: ${key}`, 'unparsable value for --palette'] };
    i = v.end;
  }
  return { palette: p, errors };
}

/** The escape sequences to print: start of each context and the reset. */
export type Paint = Palette;

export function paint(p: Palette): Paint {
  const sgr = (v: string): string => `\x1b[${v}m`;
  return { hd: sgr(p.hd), ad: sgr(p.ad), de: sgr(p.de), ln: sgr(p.ln), rs: sgr(p.rs) };
}
