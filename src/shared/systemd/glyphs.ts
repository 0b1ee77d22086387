// systemd prints a few symbols as Unicode only in a UTF-8 locale (src/basic/glyph-util.c,
// is_locale_utf8 in src/basic/locale-util.c): with no locale variables set it assumes UTF-8,
// with LANG=C (or any other non-UTF-8 locale) it falls back to ASCII.

export interface Glyphs {
  arrowRight: string;
  bullet: string;
  mu: string;
  ellipsis: string;
  treeBranch: string;
  treeRight: string;
  treeVertical: string;
  blackCircle: string;
  whiteCircle: string;
  crossMark: string;
}

const UTF8: Glyphs = { arrowRight: '→', bullet: '•', mu: 'μ', ellipsis: '…', treeBranch: '├─', treeRight: '└─', treeVertical: '│ ', blackCircle: '●', whiteCircle: '○', crossMark: '×' };
const ASCII: Glyphs = { arrowRight: '->', bullet: '*', mu: 'u', ellipsis: '...', treeBranch: '|-', treeRight: '`-', treeVertical: '| ', blackCircle: '*', whiteCircle: '*', crossMark: 'x' };

/** Reads the environment a program runs with (a Map or a plain lookup). */
export function localeIsUtf8(env: { get(key: string): string | undefined }): boolean {
  const forced = env.get('SYSTEMD_UTF8');
  if (forced !== undefined) {
    const v = forced.toLowerCase();
    if (['1', 'yes', 'y', 'true', 't', 'on'].includes(v)) return true;
    if (['0', 'no', 'n', 'false', 'f', 'off'].includes(v)) return false;
  }
  const locale = env.get('LC_ALL') || env.get('LC_CTYPE') || env.get('LANG');
  if (!locale) return true;
  return /utf-?8/i.test(locale);
}

export function glyphs(env: { get(key: string): string | undefined }): Glyphs {
  return localeIsUtf8(env) ? UTF8 : ASCII;
}
