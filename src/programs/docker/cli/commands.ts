// The docker CLI command tree (docker/cli v27.3.1): the root command with its
// global options, every subcommand in cobra's AddCommand order
// (cli/command/commands/commands.go), and helpers to walk the tree.

import { checkpointCommand, configCommand, manifestCommand, nodeCommand, pluginCommand, secretCommand,
  serviceCommand, stackCommand, swarmCommand, trustCommand } from './commands-other';
import {
  attachCommand, commitCommand, containerCommand, cpCommand, diffCommand, exportCommand, killCommand,
  logsCommand, pauseCommand, portCommand, psCommand, renameCommand, restartCommand, rmCommand, startCommand,
  statsCommand, stopCommand, topCommand, unpauseCommand, updateCommand, waitCommand,
} from './commands-container';
import { createCommand, execCommand, runCommand } from './commands-run';
import {
  buildCommand, builderCommand, historyCommand, imageCommand, imagesCommand, importCommand, loadCommand,
  pullCommand, pushCommand, rmiCommand, saveCommand, tagCommand,
} from './commands-image';
import { networkCommand } from './commands-network';
import { type CommandSpec, type FlagSpec, ANY, boolF, commandName, flag, NONE, stringF } from './commands-spec';
import {
  contextCommand, eventsCommand, infoCommand, inspectCommand, loginCommand, logoutCommand, searchCommand,
  systemCommand, versionCommand,
} from './commands-system';
import { volumeCommand } from './commands-volume';

export type { CommandSpec, FlagSpec } from './commands-spec';

/** Version facts of Photon OS 5.0's docker-cli package (27.3.1-5.ph5). */
export const DOCKER_CLI_VERSION = '27.3.1';
export const DOCKER_CLI_GIT_COMMIT = '3ab4256';
export const DOCKER_API_VERSION = '1.47';

/**
 * The persistent --help flag docker puts on the root (cli/cobra.go): hidden, and
 * its -h shorthand is deprecated ("use --help"), so help listings never show it.
 */
export const ROOT_HELP_FLAG: FlagSpec = boolF('help', 'Show usage', {
  short: 'h',
  hidden: true,
  shorthandDeprecated: 'use --help',
});

/** The explicit `--help` of run and create, which have no -h (it is --hostname). */
export const LOCAL_HELP_FLAG: FlagSpec = boolF('help', 'Show usage');

/** ClientOptions.InstallFlags (cli/flags/options.go) plus the root's --version. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  stringF('config', 'Directory holding the client configuration', { envDefault: 'configDir' }),
  boolF('debug', 'Turn on debug output', { short: 'D' }),
  stringF('log-level', 'Logging level ("debug", "info", "warn", "error", "fatal")', { short: 'l', defValue: 'info' }),
  boolF('tls', 'Connect over TLS; implied by --tlsverify', { envDefault: 'tls' }),
  boolF('tlsverify', 'Connect over TLS and verify the remote end', { envDefault: 'tlsverify' }),
  flag('quotedString', 'tlscacert', 'Only trust certificates signed by this CA', { envDefault: 'tlscacert' }),
  flag('quotedString', 'tlscert', 'TLS certificate file', { envDefault: 'tlscert' }),
  flag('quotedString', 'tlskey', 'TLS key file', { envDefault: 'tlskey' }),
  flag('list', 'host', 'Daemon socket(s) to connect to', { short: 'H' }),
  stringF(
    'context',
    'Context to use for the daemon connection (overrides the DOCKER_HOST variable and the default set with "docker context use")',
    { short: 'c' },
  ),
  boolF('version', 'Print the version and exit', { short: 'v' }),
];

/** cobra's help command as docker configures it (cli/cobra.go helpCommand). */
const helpCommand: CommandSpec = {
  use: 'help [command]',
  short: 'Show help for a command',
  args: ANY,
  hidden: true,
};

/** cobra's default completion command; docker keeps it but hides it. */
const completionCommand: CommandSpec = {
  use: 'completion',
  short: 'Print a shell completion script',
  args: NONE,
  hidden: true,
  subcommands: ['bash', 'zsh', 'fish', 'powershell'].map(
    (sh): CommandSpec => ({ use: sh, short: `Print the completion script for ${sh}`, args: NONE, outline: true }),
  ),
};

export const rootCommand: CommandSpec = {
  use: 'docker [OPTIONS] COMMAND [ARG...]',
  short: 'A standalone runtime for containers',
  args: ANY,
  flags: GLOBAL_FLAGS,
  subcommands: [
    // commonly used shorthands
    runCommand, execCommand, psCommand, buildCommand, pullCommand, pushCommand, imagesCommand,
    loginCommand, logoutCommand, searchCommand, versionCommand, infoCommand,
    // management commands
    builderCommand, checkpointCommand, containerCommand, contextCommand, imageCommand, manifestCommand,
    networkCommand, pluginCommand, systemCommand, trustCommand, volumeCommand,
    // swarm commands
    configCommand, nodeCommand, secretCommand, serviceCommand, stackCommand, swarmCommand,
    // legacy top-level forms
    attachCommand, commitCommand, cpCommand, createCommand, diffCommand, exportCommand, killCommand,
    logsCommand, pauseCommand, portCommand, renameCommand, restartCommand, rmCommand, startCommand,
    statsCommand, stopCommand, topCommand, unpauseCommand, updateCommand, waitCommand,
    historyCommand, importCommand, loadCommand, rmiCommand, saveCommand, tagCommand,
    eventsCommand, inspectCommand,
    // added by cobra at execution time
    helpCommand, completionCommand,
  ],
};

// ---------------------------------------------------------------------------
// The resolved tree

export interface CommandNode {
  readonly spec: CommandSpec;
  /** cobra Name(): the first word of Use. */
  readonly name: string;
  /** Canonical names below the root, e.g. ['container', 'ls']. */
  readonly path: readonly string[];
  readonly parent: CommandNode | null;
  /** Children in AddCommand order (cobra lists them sorted by name). */
  readonly children: readonly CommandNode[];
}

function buildNode(spec: CommandSpec, parent: CommandNode | null, depth: number): CommandNode {
  if (depth > 8) throw new Error('docker command tree too deep');
  const name = commandName(spec);
  const node: { spec: CommandSpec; name: string; path: string[]; parent: CommandNode | null; children: CommandNode[] } = {
    spec,
    name,
    path: parent === null ? [] : [...parent.path, name],
    parent,
    children: [],
  };
  for (const sub of spec.subcommands ?? []) node.children.push(buildNode(sub, node, depth + 1));
  return node;
}

export const commandTree: CommandNode = buildNode(rootCommand, null, 0);

/** cobra findNext: a child whose name or alias equals `name` (no prefix matching). */
export function findChild(node: CommandNode, name: string): CommandNode | undefined {
  return node.children.find((c) => c.name === name || (c.spec.aliases ?? []).includes(name));
}

/** cobra CommandPath: "docker container ls". */
export function commandPath(node: CommandNode): string {
  return ['docker', ...node.path].join(' ');
}

/** The node at a canonical path (['container', 'ls']), or undefined. */
export function lookupCommand(path: readonly string[]): CommandNode | undefined {
  let node: CommandNode | undefined = commandTree;
  for (const part of path) {
    if (node === undefined) return undefined;
    node = findChild(node, part);
  }
  return node;
}

/**
 * The flags a command parses: its own, then the inherited persistent --help
 * (cobra mergePersistentFlags) unless it defines its own. The root also has the
 * global options. The result is in definition order; pflag lists them sorted.
 */
export function commandFlags(node: CommandNode): readonly FlagSpec[] {
  const own = node.spec.flags ?? [];
  if (node.spec.localHelp === true) return [...own, LOCAL_HELP_FLAG];
  return [...own, ROOT_HELP_FLAG];
}

/** cobra Command.HasSubCommands. */
export function hasSubCommands(node: CommandNode): boolean {
  return node.children.length > 0;
}

/** cobra's NamePadding: the longest sibling name, at least 11. */
export function namePadding(node: CommandNode): number {
  const parent = node.parent;
  if (parent === null) return 11;
  let maxLen = 0;
  for (const c of parent.children) maxLen = Math.max(maxLen, c.name.length);
  return Math.max(11, maxLen);
}
