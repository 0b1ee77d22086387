// What the registry holds for each program: the facts the base image needs (name, where it
// is installed, links, mode) and a loader. Most programs load on first use, so the worker
// starts with little code; `lazy` entries repeat the module's metadata, which a test checks.
import type { Program } from './define';

export interface ProgramEntry {
  name: string;
  installPath: string;
  aliases?: string[];
  mode?: number;
  pkg?: string;
  /** its code is in the worker from the start (the shell) */
  preloaded?: boolean;
  load(): Promise<Program>;
}

/** A program whose code is already loaded. */
export function eager(p: Program): ProgramEntry {
  return {
    name: p.name,
    installPath: p.installPath,
    ...(p.aliases ? { aliases: p.aliases } : {}),
    ...(p.mode !== undefined ? { mode: p.mode } : {}),
    ...(p.pkg ? { pkg: p.pkg } : {}),
    preloaded: true,
    load: () => Promise.resolve(p),
  };
}

/** A program loaded when it first runs: `lazy({ name, installPath }, () => import('./x'))`. */
export function lazy(meta: Omit<ProgramEntry, 'load'>, load: () => Promise<{ default: Program }>): ProgramEntry {
  let loaded: Promise<Program> | undefined;
  // (the literal given becomes the entry: a copy by spread of each of the registry's hundreds of
  // entries cost milliseconds of the worker's start, in code run once)
  const entry = meta as ProgramEntry;
  entry.load = () => (loaded ??= load().then((m) => m.default));
  return entry;
}
