// The manual pages the machine has: every page index merged, each page "name.section"
// shown only while the program it documents is installed, so removing a package takes its
// pages away as it does on Photon.
import type { Sys } from '../../shared/sys';
import { programs } from '../registry';
import { corePages } from './pages/index-core';
import { toolPages } from './pages/index-tools';
import { systemPages } from './pages/index-system';
import { extraPages } from './pages/index-extra';

export type PageLoader = () => Promise<{ default: string }>;

/** Every index of pages; a later family adds its own index here. */
const INDEXES: Record<string, PageLoader>[] = [corePages, toolPages, systemPages, extraPages];

export const pageIndex = new Map<string, PageLoader>(INDEXES.flatMap((index) => Object.entries(index)));

/** man-db's default search order (man_db.conf SECTION). */
export const SECTION_ORDER = ['1', 'n', 'l', '8', '3', '0', '2', '5', '4', '9', '6', '7'];

export interface PageRef {
  name: string;
  section: string;
  load: PageLoader;
}

function sectionRank(section: string): number {
  const i = SECTION_ORDER.indexOf(section.charAt(0));
  return i < 0 ? SECTION_ORDER.length : i;
}

/** Paths that must exist for a page about `name`: the program's file and its links. */
function programPaths(name: string): string[] | undefined {
  const byName = programs.get(name);
  if (byName) return [byName.installPath];
  for (const p of programs.values()) {
    const alias = p.aliases?.find((a) => a.slice(a.lastIndexOf('/') + 1) === name);
    if (alias) return [alias];
  }
  return undefined;
}

/** Whether the page's program is installed; pages that document no program always are. */
export async function installed(sys: Sys, name: string): Promise<boolean> {
  const paths = programPaths(name);
  if (!paths) return true;
  for (const path of paths) {
    try {
      await sys.lstat(path);
      return true;
    } catch {
      // not there: try the next path
    }
  }
  return false;
}

/** All installed pages, in man-db's order: by name, then by section order. */
export async function allPages(sys: Sys): Promise<PageRef[]> {
  const out: PageRef[] = [];
  for (const [key, load] of pageIndex) {
    const dot = key.lastIndexOf('.');
    const ref = { name: key.slice(0, dot), section: key.slice(dot + 1), load };
    if (await installed(sys, ref.name)) out.push(ref);
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : sectionRank(a.section) - sectionRank(b.section)));
}

/** The installed pages called `name` (in `sections` when given), best first. */
export async function findPages(sys: Sys, name: string, sections?: string[]): Promise<PageRef[]> {
  const found: PageRef[] = [];
  for (const [key, load] of pageIndex) {
    const dot = key.lastIndexOf('.');
    const section = key.slice(dot + 1);
    if (key.slice(0, dot) !== name) continue;
    if (sections && !sections.some((s) => s === section || s === section.charAt(0))) continue;
    found.push({ name, section, load });
  }
  if (found.length && !(await installed(sys, name))) return [];
  return found.sort((a, b) => sectionRank(a.section) - sectionRank(b.section));
}

/** The one-line description from a page's NAME section: `ls \- list directory contents`. */
export function nameLine(source: string): { names: string[]; description: string } | undefined {
  const m = /^\.SH\s+"?NAME"?\s*\n((?:(?!\.SH)[^\n]*\n?)*)/m.exec(source);
  if (!m) return undefined;
  const text = m[1]!
    .split('\n')
    .filter((l) => !/^[.']/.test(l))
    .join(' ')
    .replace(/\\f[BIRP]|\\&/g, '')
    .trim();
  const dash = text.indexOf('\\-');
  if (dash < 0) return undefined;
  const names = text.slice(0, dash).split(',').map((n) => n.trim().replace(/\\-/g, '-')).filter(Boolean);
  const description = text.slice(dash + 2).trim().replace(/\\-/g, '-').replace(/\\\(em/g, '--').replace(/\\e/g, '\\').replace(/\s+/g, ' ');
  return { names, description };
}

/** The path man -w prints for a page. */
export function pagePath(ref: Pick<PageRef, 'name' | 'section'>): string {
  return `/usr/share/man/man${ref.section.charAt(0)}/${ref.name}.${ref.section}.gz`;
}
