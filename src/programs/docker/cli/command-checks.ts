// The checks docker runs before a command: the daemon feature checks of the
// root PersistentPreRunE (cmd/docker/docker.go isSupported) and cobra's Find
// as `docker help TOPIC` uses it.

import { type CommandNode, commandFlags, commandPath, commandTree, findChild } from './commands';
import {
  commandNeedsApi,
  commandNeedsExperimental,
  commandNeedsOs,
  flagNeedsApi,
  flagNeedsExperimental,
  flagNeedsOs,
} from './errors';
import { FlagSet } from './flagset';
import { type DaemonInfo, versionLess } from './cli-env';

/** isSupported: the daemon checks of the root PersistentPreRunE. */
export function featureError(node: CommandNode, fs: FlagSet, daemon: DaemonInfo): string | null {
  const path = commandPath(node);
  for (let cur: CommandNode | null = node; cur !== null; cur = cur.parent) {
    const a = cur.spec.annotations;
    if (a === undefined) continue;
    if (a.version !== undefined && versionLess(daemon.apiVersion, a.version)) {
      return commandNeedsApi(path, a.version, daemon.apiVersion);
    }
    if (a.ostype !== undefined && daemon.osType !== '' && a.ostype !== daemon.osType) {
      return commandNeedsOs(path, a.ostype, daemon.osType);
    }
    if (a.experimental === true && !daemon.experimental) return commandNeedsExperimental(path);
  }
  const errs: string[] = [];
  const sorted = [...fs.specs].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  for (const f of sorted) {
    const a = f.annotations;
    if (!fs.changed.has(f.name) || a === undefined) continue;
    if (a.version !== undefined && versionLess(daemon.apiVersion, a.version)) {
      errs.push(flagNeedsApi(f.name, a.version, daemon.apiVersion));
      continue;
    }
    if (a.ostype !== undefined && daemon.osType !== '' && a.ostype !== daemon.osType) {
      errs.push(flagNeedsOs(f.name, a.ostype, daemon.osType));
      continue;
    }
    if (a.experimental === true && !daemon.experimental) errs.push(flagNeedsExperimental(f.name));
  }
  return errs.length > 0 ? errs.join('\n') : null;
}

/** docker's hasTags: the command or a parent carries any annotation. */
export function hasTags(node: CommandNode): boolean {
  for (let cur: CommandNode | null = node; cur !== null; cur = cur.parent) {
    const sp = cur.spec;
    if (sp.annotations !== undefined || sp.aliasesText !== undefined || sp.categoryTop !== undefined) return true;
  }
  return false;
}

/** cobra Find as `docker help` uses it: follow command names, skipping flags. */
export function findForHelp(args: readonly string[]): { node: CommandNode; rest: string[] } {
  let node = commandTree;
  let rest = [...args];
  for (let depth = 0; depth < 16; depth++) {
    const flags = new FlagSet(commandFlags(node), { environ: new Map() }, new Map());
    const words: string[] = [];
    for (let i = 0; i < rest.length; i++) {
      const s = rest[i] as string;
      if (s === '--') break;
      if ((s.startsWith('--') && !s.includes('=') && !flags.hasNoOptDefVal(s.slice(2))) ||
        (s.startsWith('-') && !s.includes('=') && s.length === 2 && !flags.shortHasNoOptDefVal(s.slice(1)))) {
        i++;
        continue;
      }
      if (s !== '' && !s.startsWith('-')) words.push(s);
    }
    const next = words[0] === undefined ? undefined : findChild(node, words[0]);
    if (next === undefined || words[0] === undefined) break;
    const at = rest.indexOf(words[0]);
    rest = [...rest.slice(0, at), ...rest.slice(at + 1)];
    node = next;
  }
  return { node, rest };
}
