// --color: GREP_COLORS (and the deprecated GREP_COLOR) as grep 3.8 reads them, and the SGR
// sequences it wraps around each colored part ("\33[...m\33[K", or without \33[K for ne).

export interface Colors {
  ms: string;
  mc: string;
  sl: string;
  cx: string;
  fn: string;
  ln: string;
  bn: string;
  se: string;
  rv: boolean;
  ne: boolean;
}

const STRING_KEYS = ['ms', 'mc', 'sl', 'cx', 'fn', 'ln', 'bn', 'se'] as const;

/** The colors to use; `warn` receives the GREP_COLOR deprecation warning. */
export function readColors(env: Map<string, string>, warn: (message: string) => void): Colors {
  const c: Colors = { ms: '01;31', mc: '01;31', sl: '', cx: '', fn: '35', ln: '32', bn: '32', se: '36', rv: false, ne: false };
  const legacy = env.get('GREP_COLOR');
  let legacyUsed = false;
  if (legacy && /^[0-9;]+$/.test(legacy)) {
    c.ms = c.mc = legacy;
    legacyUsed = true;
  }
  const spec = env.get('GREP_COLORS');
  if (spec) {
    for (const item of spec.split(':')) {
      const eq = item.indexOf('=');
      const name = eq < 0 ? item : item.slice(0, eq);
      const val = eq < 0 ? undefined : item.slice(eq + 1);
      if (val !== undefined && !/^[0-9;]*$/.test(val)) break;
      if (name === 'mt' && val !== undefined) {
        c.ms = c.mc = val;
        legacyUsed = false;
      } else if ((STRING_KEYS as readonly string[]).includes(name) && val !== undefined) {
        c[name as (typeof STRING_KEYS)[number]] = val;
        if (name === 'ms' || name === 'mc') legacyUsed = legacyUsed && c.ms === legacy && c.mc === legacy;
      } else if (name === 'rv' && val === undefined) c.rv = true;
      else if (name === 'ne' && val === undefined) c.ne = true;
      else if (['mt', 'rv', 'ne', ...STRING_KEYS].includes(name)) break;
    }
  }
  if (legacyUsed && legacy) warn(`warning: GREP_COLOR='${legacy}' is deprecated; use GREP_COLORS='mt=${legacy}'`);
  return c;
}

export function sgrStart(c: Colors, code: string): string {
  return code ? (c.ne ? `\x1b[${code}m` : `\x1b[${code}m\x1b[K`) : '';
}

export function sgrEnd(c: Colors, code: string): string {
  return code ? (c.ne ? '\x1b[m' : '\x1b[m\x1b[K') : '';
}
