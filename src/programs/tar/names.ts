// Names: what tar strips from member names unless -P (leading slashes, everything up to the
// last `..`), --exclude patterns (unanchored, wildcards, a pattern also excluding what lies
// under a matching directory), and the names given to -t/-x, which select members.
import { fnmatchSource } from '../lib/fnmatch';
import type { TarOptions } from './options';
import { qc, type Tar } from './state';

/** How long the prefix is that tar removes from `name` (0: none). */
export function unsafePrefixLength(name: string): number {
  let i = 0;
  while (name[i] === '/') i++;
  let cut = i;
  while (i < name.length) {
    let end = name.indexOf('/', i);
    if (end < 0) end = name.length;
    if (end - i === 2 && name[i] === '.' && name[i + 1] === '.') cut = end;
    i = end + 1;
  }
  while (name[cut] === '/') cut++;
  return cut;
}

export type NameKind = 'member names' | 'hard link targets';

/** The name tar stores or extracts; reports the first removal of each prefix. */
export async function safeName(tar: Tar, name: string, kind: NameKind): Promise<string> {
  if (tar.o.absoluteNames) return name;
  const cut = unsafePrefixLength(name);
  if (cut === 0) return name;
  const prefix = name.slice(0, cut);
  const key = `${kind}\0${prefix}`;
  if (!tar.warned.has(key)) {
    tar.warned.add(key);
    await tar.warn(`Removing leading \`${prefix}' from ${kind}`);
  }
  const rest = name.slice(cut);
  return rest === '' ? '.' : rest;
}

/** Whether `name` has a `..` component. */
export function hasDotDot(name: string): boolean {
  return name.split('/').includes('..');
}

/** Removes trailing slashes (keeping a lone "/"). */
export function trimSlashes(name: string): string {
  const t = name.replace(/\/+$/, '');
  return t === '' && name.startsWith('/') ? '/' : t;
}

function literalSource(p: string): string {
  return `^${p.replace(/[\\^$.|?*+()[\]{}/-]/g, (c) => `\\${c}`)}$`;
}

/** A test for one pattern: the whole name, or (`leading`) a leading run of its components. */
function compile(pattern: string, wildcards: boolean, ignoreCase: boolean, leading = true): RegExp {
  const src = (wildcards ? fnmatchSource(pattern) : undefined) ?? literalSource(pattern);
  return new RegExp(`^(?:${src.slice(1, -1)})${leading ? '(?:/[^]*)?' : ''}$`, ignoreCase ? 'i' : '');
}

export class Excluder {
  private readonly res: RegExp[];

  constructor(patterns: readonly string[], private readonly o: Pick<TarOptions, 'anchored' | 'wildcards' | 'ignoreCase'>) {
    this.res = patterns.map((p) => compile(p, o.wildcards !== false, o.ignoreCase));
  }

  get empty(): boolean {
    return this.res.length === 0;
  }

  /** Whether `name` is excluded: a pattern matching it, or any tail starting after a slash. */
  excluded(name: string): boolean {
    if (this.res.length === 0) return false;
    const anchored = this.o.anchored === true;
    for (const re of this.res) {
      if (re.test(name)) return true;
      if (anchored) continue;
      for (let i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
        if (name[i + 1] !== '/' && re.test(name.slice(i + 1))) return true;
      }
    }
    return false;
  }
}

const WILD = /[*?[\\]/;

/** The names given to -t and -x: each selects the member of that name and what lies under it. */
export class Selector {
  private readonly items: { name: string; dir: string; re: RegExp; found: boolean }[];

  /**
   * `names` with the directory (-C) each was given in and whether it takes what lies under
   * it (not after --no-recursion); `dir` serves when there are none.
   */
  constructor(names: readonly { name: string; dir: string; recursive: boolean }[], private readonly dir: string, private readonly o: TarOptions) {
    this.items = names.map(({ name, dir: d, recursive }) => {
      const re = compile(trimSlashes(name), o.wildcards === true, o.ignoreCase, recursive);
      return { name, dir: d, re, found: false };
    });
  }

  /** The directory to extract member `name` in, or undefined when no name selects it; marks the first name that does. */
  select(name: string): string | undefined {
    if (this.items.length === 0) return this.dir;
    const m = trimSlashes(name);
    // --no-anchored: a name may match from any component on
    const tails = [m];
    if (this.o.anchored === false) for (let i = m.indexOf('/'); i >= 0; i = m.indexOf('/', i + 1)) tails.push(m.slice(i + 1));
    for (const it of this.items) {
      if (tails.some((t) => it.re.test(t))) {
        it.found = true;
        return it.dir;
      }
    }
    return undefined;
  }

  /** "NAME: Not found in archive" for each name that selected nothing. */
  async reportMissing(tar: Tar): Promise<void> {
    const missing = this.items.filter((i) => !i.found);
    if (missing.length === 0) return;
    if (this.o.wildcards === undefined && missing.some((i) => WILD.test(i.name))) {
      await tar.warn('Pattern matching characters used in file names');
      await tar.warn('Use --wildcards to enable pattern matching, or --no-wildcards to suppress this warning');
    }
    for (const i of missing) await tar.error(`${qc(i.name)}: Not found in archive`);
  }
}
