// What the programs fuzzer knows about each program's arguments: its OptionDefs when the
// program declares them (defineProgram's `options`), and for programs that parse their own
// arguments, what their sources and man page show: OptionDef literals, option-looking string
// literals ('-n', '--now'), `case 'verb':` labels and quoted words (subcommands, keywords).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OptionDef } from '../../src/programs/lib/getopt';
import { programs } from '../../src/programs/registry';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PROGRAMS_DIR = join(ROOT, 'src', 'programs');

export interface Vocab {
  name: string;
  installPath: string;
  /** declared or found OptionDefs (arg unknown: `undefined` arity means "maybe") */
  options: (OptionDef & { guessed?: boolean })[];
  /** subcommands and keywords */
  words: string[];
  posixOrder: boolean;
}

/** Program name -> the module files its registry entry imports (relative to src/programs). */
function registryModules(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const dir = join(PROGRAMS_DIR, 'registry');
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.ts')) continue;
    const text = readFileSync(join(dir, f), 'utf8');
    // lazy({ name: 'x', ... }, () => import('../a/b')...)
    for (const m of text.matchAll(/lazy\(\s*\{\s*name:\s*'([^']+)'[\s\S]*?import\('\.\.\/([^']+)'\)/g)) add(m[1]!, m[2]!);
    // the daemons' helper: d('name', path, pkg, key) -> one shared module
    const helper = /const d = [\s\S]*?import\('\.\.\/([^']+)'\)/.exec(text);
    if (helper) for (const m of text.matchAll(/\bd\('([^']+)'/g)) add(m[1]!, helper[1]!);
  }
  add('bash', 'shell/bash');
  return out;

  function add(name: string, mod: string): void {
    const list = out.get(name) ?? [];
    list.push(mod);
    out.set(name, list);
  }
}

/** The source files of a module: the file, or every file of its directory for index/main modules. */
function moduleFiles(mod: string): string[] {
  const base = join(PROGRAMS_DIR, mod);
  if (existsSync(`${base}.ts`)) {
    const name = mod.split('/').pop()!;
    if (name === 'index' || name === 'main') return tsFiles(dirname(base));
    return [`${base}.ts`];
  }
  if (existsSync(base)) return tsFiles(base);
  return [];
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => join(dir, f));
}

function manPages(name: string): string[] {
  const dir = join(PROGRAMS_DIR, 'man', 'pages');
  return readdirSync(dir).filter((f) => f.startsWith(`${name}.`) && /^\d\w*\.ts$/.test(f.slice(name.length + 1))).map((f) => join(dir, f));
}

const OPTION_LITERAL = /(['"`])(--?[A-Za-z0-9?@#][A-Za-z0-9_-]*=?)\1/g;
const DEF_LITERAL = /\{[^{}]*\b(?:short|long)\s*:\s*'[^']*'[^{}]*\}/g;
const CASE_LABEL = /case\s+'([A-Za-z][\w.-]{0,30})'\s*:/g;
const QUOTED_WORD = /'([a-z][a-z0-9-]{2,24})'/g;

function scanSource(text: string, v: Vocab, words: Set<string>): void {
  for (const m of text.matchAll(DEF_LITERAL)) {
    const lit = m[0];
    const short = /\bshort\s*:\s*'([^']+)'/.exec(lit)?.[1];
    const long = /\blong\s*:\s*'([^']+)'/.exec(lit)?.[1];
    const arg = /\barg\s*:\s*'(none|required|optional)'/.exec(lit)?.[1] as OptionDef['arg'] | undefined;
    if (short && short.length !== 1) continue;
    v.options.push({ key: long ?? short ?? '?', ...(short ? { short } : {}), ...(long ? { long } : {}), ...(arg ? { arg } : {}) });
  }
  for (const m of text.matchAll(OPTION_LITERAL)) {
    const s = m[2]!;
    if (s === '-' || s === '--') continue;
    if (s.startsWith('--')) v.options.push({ key: s, long: s.slice(2).replace(/=$/, ''), ...(s.endsWith('=') ? { arg: 'required' as const } : {}), guessed: true });
    else if (s.length === 2) v.options.push({ key: s, short: s[1]!, guessed: true });
    else words.add(s); // "-rf", "-ef": bundles as programs compare them
  }
  for (const m of text.matchAll(CASE_LABEL)) words.add(m[1]!);
  for (const m of text.matchAll(QUOTED_WORD)) words.add(m[1]!);
}

function scanMan(text: string, v: Vocab, words: Set<string>): void {
  const plain = text.replace(/\\-/g, '-').replace(/\\f[BIRP]/g, '').replace(/\\&/g, '');
  for (const m of plain.matchAll(/(?<![\w-])(--?[A-Za-z0-9?][A-Za-z0-9_-]*)(=|\s+[A-Z][A-Z_]+\b)?/g)) {
    const s = m[1]!;
    const takes = m[2] !== undefined;
    if (s.startsWith('--')) v.options.push({ key: s, long: s.slice(2), ...(takes ? { arg: 'required' as const } : {}), guessed: true });
    else if (s.length === 2) v.options.push({ key: s, short: s[1]!, ...(takes ? { arg: 'required' as const } : {}), guessed: true });
  }
  // the SYNOPSIS's bare words (subcommands)
  const syn = /\.SH SYNOPSIS([\s\S]*?)\.SH/.exec(plain)?.[1] ?? '';
  for (const m of syn.matchAll(/\b([a-z][a-z0-9-]{1,20})\b/g)) words.add(m[1]!);
}

let cache: Map<string, Vocab> | undefined;

/** Every registered program's vocabulary (the registry iterated; modules loaded). */
export async function vocabularies(): Promise<Map<string, Vocab>> {
  if (cache) return cache;
  const mods = registryModules();
  const out = new Map<string, Vocab>();
  for (const [name, entry] of programs) {
    const p = await entry.load();
    const v: Vocab = { name, installPath: entry.installPath, options: [], words: [], posixOrder: !!p.posixOrder };
    const words = new Set<string>();
    if (p.options) v.options.push(...p.options);
    if (!p.options || p.options.length === 0) {
      for (const mod of mods.get(name) ?? []) for (const f of moduleFiles(mod)) scanSource(readFileSync(f, 'utf8'), v, words);
    }
    for (const f of manPages(name)) scanMan(readFileSync(f, 'utf8'), v, words);
    // one entry per spelling; declared defs win over guesses
    const seen = new Set<string>();
    v.options = v.options.filter((o) => {
      const k = `${o.short ?? ''}|${o.long ?? ''}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    v.words = [...words].sort().slice(0, 400);
    out.set(name, v);
  }
  cache = out;
  return out;
}
