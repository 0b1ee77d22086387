// locale (glibc 2.36): the locale settings of the environment (no operands), the locales and
// charmaps the machine has (-a, -m), and the values of categories or keywords (operands, with
// -c and -k adding names). Photon's glibc package ships C.utf8 compiled under /usr/lib/locale
// next to the built-in C and POSIX; other locales need glibc-i18n and localedef, so any other
// name fails to load, with the warnings setlocale's failures cause.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { argpParse, BUG_REPORTS, glibcVersion, tryHelp } from './argp';
import { CATEGORIES, C_LOCALE, C_UTF8_OVERRIDES, type Category } from './locale-data';

const USAGE = `Usage: locale [-ckv?V] [--category-name] [--keyword-name] [--verbose] [--help]
            [--usage] [--version] NAME
  or:  locale [OPTION...] [-a|-m]
`;

const HELP = `Usage: locale [OPTION...] NAME
  or:  locale [OPTION...] [-a|-m]
Show the current locale settings, or what a locale defines.

 System information:
  -a, --all-locales          List the locales this machine has
  -m, --charmaps             List the character maps this machine has

 Modify output format:
  -c, --category-name        Name the category of each value shown
  -k, --keyword-name         Name the keyword of each value shown
  -v, --verbose              Show more details

  -?, --help                 Show this help
      --usage                Show a short usage line
  -V, --version              Show the program version

${BUG_REPORTS}`;

const LOCALE_DIR = '/usr/lib/locale';
const CHARMAP_DIR = '/usr/share/i18n/charmaps';

/** glibc's codeset normalisation: letters lowered, digits kept, the rest dropped. */
function normalizeCodeset(cs: string): string {
  const kept = cs.toLowerCase().replace(/[^a-z0-9]/g, '');
  return /^[0-9]+$/.test(kept) ? `iso${kept}` : kept;
}

type Loaded = 'C' | 'C.utf8';

/** The locale a name loads, or null when setlocale would fail for it. */
export function loadLocale(name: string): Loaded | null {
  if (name === 'C' || name === 'POSIX') return 'C';
  const m = /^C\.([^@/]*)(@[^/]*)?$/.exec(name);
  if (m && normalizeCodeset(m[1]!) === 'utf8') return 'C.utf8';
  return null;
}

/** Why setlocale fails for a name: relative paths are refused outright, others are not found. */
const failure = (name: string): string => (name.includes('/') && !name.startsWith('/') ? 'Invalid argument' : 'No such file or directory');

/** The name setlocale(cat, "") would use: LC_ALL, then the category's variable, then LANG. */
function wanted(env: Map<string, string>, cat: string): string {
  for (const v of [env.get('LC_ALL'), env.get(cat), env.get('LANG')]) if (v) return v;
  return 'C';
}

/** A value in shell syntax, as locale prints assignments. */
function shellValue(value: string, quoted: boolean): string {
  if (quoted) return `"${value.replace(/["$\\`]/g, '\\$&')}"`;
  return value.replace(/[ \t\n'"$\\`;&|<>()~]/g, '\\$&');
}

function valueOf(loc: Loaded, keyword: string, raw: string): string {
  return loc === 'C.utf8' ? (C_UTF8_OVERRIDES[keyword] ?? raw) : raw;
}

/** What a keyword's value looks like without -k: quotes dropped, list items joined by ";". */
const plain = (v: string): string => (v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1).split('";"').join(';') : v);

async function listLocales(ctx: Ctx, verbose: boolean): Promise<void> {
  const names = new Set(['C', 'POSIX', 'C.utf8']);
  if (!verbose) {
    for (const n of [...names].sort()) await ctx.print(`${n}\n`);
    return;
  }
  // verbose: only the compiled locales have a directory and identification to show
  await ctx.print(`locale: C.utf8          directory: ${LOCALE_DIR}/C.utf8
-------------------------------------------------------------------------------
    title | C locale
    email | bug-glibc-locales@gnu.org
 revision | 2.1
     date | 2022-01-30
  codeset | UTF-8
`);
}

async function listCharmaps(ctx: Ctx): Promise<number> {
  let names: string[];
  try {
    names = await ctx.sys.readdir(CHARMAP_DIR);
  } catch {
    await ctx.err.write(`locale: [error] cannot read character map directory \`${CHARMAP_DIR}': No such file or directory\n`);
    return 1;
  }
  const maps = names.map((n) => n.replace(/\.gz$/, '')).filter((n) => n !== '' && !n.startsWith('.'));
  for (const n of [...new Set(maps)].sort()) await ctx.print(`${n}\n`);
  return 0;
}

async function showVars(ctx: Ctx): Promise<void> {
  const env = ctx.env;
  const all = env.get('LC_ALL') ?? '';
  const lang = env.get('LANG') ?? '';
  let out = `LANG=${shellValue(lang, false)}\n`;
  out += `LANGUAGE=${shellValue(env.get('LANGUAGE') ?? '', false)}\n`;
  for (const cat of CATEGORIES) {
    const own = env.get(cat);
    if (all !== '' || own === undefined) out += `${cat}=${shellValue(all || lang || 'POSIX', true)}\n`;
    else out += `${cat}=${shellValue(own, false)}\n`;
  }
  out += `LC_ALL=${shellValue(all, false)}\n`;
  await ctx.print(out);
}

export default defineProgram({
  name: 'locale',
  installPath: '/usr/bin/locale',
  pkg: 'glibc',
  async main(ctx) {
    const env = ctx.env;
    const loaded = new Map<Category, Loaded>();
    for (const cat of CATEGORIES) loaded.set(cat, 'C');
    const warn = (cat: string, name: string): Promise<void> => ctx.err.write(`locale: Cannot set ${cat} to default locale: ${failure(name)}\n`);
    for (const cat of ['LC_CTYPE', 'LC_MESSAGES'] as const) {
      const l = loadLocale(wanted(env, cat));
      if (l) loaded.set(cat, l);
      else await warn(cat, wanted(env, cat));
    }

    const parsed = argpParse(ctx.argv.slice(1), [
      { key: 'a', short: 'a', long: 'all-locales' },
      { key: 'm', short: 'm', long: 'charmaps' },
      { key: 'c', short: 'c', long: 'category-name' },
      { key: 'k', short: 'k', long: 'keyword-name' },
      { key: 'v', short: 'v', long: 'verbose' },
    ]);
    if (parsed.error) {
      await ctx.err.write(`locale: ${parsed.error}\n${tryHelp('locale')}`);
      return 64;
    }
    const flags = new Set<string>();
    for (const o of parsed.opts) {
      const text = o.key === '?' ? HELP : o.key === 'usage' ? USAGE : o.key === 'V' ? glibcVersion('locale', 'Ulrich Drepper') : null;
      if (text !== null) {
        await ctx.print(text);
        return 0;
      }
      flags.add(o.key);
    }

    if (flags.has('a')) {
      if (!loadLocale(wanted(env, 'LC_COLLATE'))) await warn('LC_COLLATE', wanted(env, 'LC_COLLATE'));
      await listLocales(ctx, flags.has('v'));
      return 0;
    }
    if (flags.has('m')) {
      return listCharmaps(ctx);
    }

    const each = CATEGORIES.map((cat) => loadLocale(wanted(env, cat)));
    // setlocale(LC_ALL) loads the categories from the last to the first and stops at a failure
    let bad = -1;
    for (let i = each.length - 1; i >= 0 && bad < 0; i--) if (each[i] === null) bad = i;
    if (bad < 0) CATEGORIES.forEach((cat, i) => loaded.set(cat, each[i]!));
    else await warn('LC_ALL', wanted(env, CATEGORIES[bad]!));

    const withCat = flags.has('c');
    const withKey = flags.has('k');
    if (parsed.operands.length === 0) {
      // -c and -k only shape the values of operands: without any, nothing is shown
      if (!withCat && !withKey) await showVars(ctx);
      return 0;
    }
    for (const name of parsed.operands) {
      const line = (loc: Loaded, kw: string, raw: string): string => {
        const v = valueOf(loc, kw, raw);
        return withKey ? `${kw}=${v}\n` : `${plain(v)}\n`;
      };
      if ((CATEGORIES as readonly string[]).includes(name)) {
        const cat = name as Category;
        const loc = loaded.get(cat)!;
        let out = withCat ? `${cat}\n` : '';
        for (const [kw, raw] of C_LOCALE[cat]) out += line(loc, kw, raw);
        await ctx.print(out);
        continue;
      }
      const found = CATEGORIES.map((cat) => [cat, C_LOCALE[cat].find(([kw]) => kw === name)] as const).find(([, hit]) => hit);
      if (!found) {
        await ctx.out.flush();
        await ctx.err.write(`locale: unknown name "${name}"\n`);
        return 1;
      }
      const [cat, hit] = found;
      await ctx.print((withCat ? `${cat}\n` : '') + line(loaded.get(cat)!, hit![0], hit![1]));
    }
    return 0;
  },
});
