// `docker system ...`, `docker context ...`, the registry commands (login,
// logout, search), version and inspect (docker/cli v27.3.1 cli/command/system,
// cli/command/context, cli/command/registry).

import { tabwrite } from '../../../shared/tabwriter';
import {
  type CommandSpec,
  ANY,
  boolF,
  exact,
  filterF,
  flag,
  forceNoPromptF,
  formatF,
  inspectFormatF,
  max,
  min,
  NONE,
  range,
  stringF,
} from './commands-spec';

export const eventsCommand: CommandSpec = {
  use: 'events [OPTIONS]',
  short: 'Stream real-time events from the server',
  args: NONE,
  aliasesText: 'docker system events, docker events',
  flags: [
    stringF('since', 'Show events created since this timestamp'),
    stringF('until', 'Stop streaming at this timestamp'),
    filterF('Only show items matching these conditions', 'f'),
    // events reuses the inspect description, without the -f shorthand
    stringF('format', inspectFormatF().description),
  ],
};

export const infoCommand: CommandSpec = {
  use: 'info [OPTIONS]',
  short: 'Show system-wide information',
  args: NONE,
  categoryTop: '12',
  aliasesText: 'docker system info, docker info',
  flags: [inspectFormatF()],
};

const dfCommand: CommandSpec = {
  use: 'df [OPTIONS]',
  short: 'Show how much disk space docker uses',
  args: NONE,
  annotations: { version: '1.25' },
  flags: [boolF('verbose', 'Break down the space usage in detail', { short: 'v' }), formatF()],
};

const systemPruneCommand: CommandSpec = {
  use: 'prune [OPTIONS]',
  short: 'Delete unused data',
  args: NONE,
  annotations: { version: '1.25' },
  flags: [
    forceNoPromptF(),
    boolF('all', 'Delete every unused image, not only dangling ones', { short: 'a' }),
    boolF('volumes', 'Also delete anonymous volumes'),
    flag('filter', 'filter', 'Filter values to apply (e.g. "label=<key>=<value>")', {
      annotations: { version: '1.28' },
    }),
  ],
};

const dialStdioCommand: CommandSpec = {
  use: 'dial-stdio',
  short: 'Relay stdio to the daemon connection (internal; not for manual use).',
  args: NONE,
  hidden: true,
};

export const systemCommand: CommandSpec = {
  use: 'system',
  short: 'Manage Docker',
  args: NONE,
  subcommands: [eventsCommand, infoCommand, dfCommand, systemPruneCommand, dialStdioCommand],
};

export const inspectCommand: CommandSpec = {
  use: 'inspect [OPTIONS] NAME|ID [NAME|ID...]',
  short: 'Show low-level information about Docker objects',
  args: min(1),
  flags: [
    inspectFormatF(),
    stringF('type', 'Only look at objects of this type'),
    boolF('size', 'Show total file sizes (containers only)', { short: 's' }),
  ],
};

export const versionCommand: CommandSpec = {
  use: 'version [OPTIONS]',
  short: 'Print Docker version details',
  args: NONE,
  categoryTop: '10',
  flags: [inspectFormatF()],
};

export const loginCommand: CommandSpec = {
  use: 'login [OPTIONS] [SERVER]',
  short: 'Log in to a registry',
  long: 'Log in to a registry.\nWithout a server argument, Docker Hub is used.',
  args: max(1),
  categoryTop: '8',
  flags: [
    stringF('username', 'User name', { short: 'u' }),
    stringF('password', 'Password to log in with', { short: 'p' }),
    boolF('password-stdin', 'Read the password from stdin'),
  ],
};

export const logoutCommand: CommandSpec = {
  use: 'logout [SERVER]',
  short: 'Log out of a registry',
  long: "Log out of a registry.\nWithout a server argument, the daemon's default registry is used.",
  args: max(1),
  categoryTop: '9',
};

export const searchCommand: CommandSpec = {
  use: 'search [OPTIONS] TERM',
  short: 'Look for images on Docker Hub',
  args: exact(1),
  categoryTop: '10',
  flags: [
    boolF('no-trunc', 'Print full values without truncating'),
    filterF('Only show items matching these conditions', 'f'),
    flag('int', 'limit', 'Largest number of results to show'),
    stringF('format', 'Format the results with a Go template'),
  ],
};

// ---------------------------------------------------------------------------
// docker context

/** The endpoint keys accepted by --docker (context/options.go), reworded. */
const DOCKER_ENDPOINT_KEYS: ReadonlyArray<readonly [string, string]> = [
  ['from', "Take the Docker endpoint settings of the named context"],
  ['host', 'Docker endpoint to connect to'],
  ['ca', 'Only trust certificates signed by this CA'],
  ['cert', 'TLS certificate file'],
  ['key', 'TLS key file'],
  ['skip-tls-verify', 'Do not verify the TLS certificate'],
];

/** longCreateDescription / longUpdateDescription: a tabwriter table (minwidth 20). */
function endpointLong(title: string, verb: string): string {
  const rows = ['NAME\tDESCRIPTION\n', ...DOCKER_ENDPOINT_KEYS.map(([k, d]) => `${k}\t${d}\n`)].join('');
  return (
    `${title}\n\nDocker endpoint config:\n\n` +
    tabwrite(rows, { minwidth: 20, tabwidth: 1, padding: 3 }) +
    `\nExample:\n\n$ docker context ${verb} my-context --description "some description" ` +
    '--docker "host=tcp://myserver:2376,ca=~/ca-file,cert=~/cert-file,key=~/key-file"\n'
  );
}

const contextCreateCommand: CommandSpec = {
  use: 'create [OPTIONS] CONTEXT',
  short: 'Make a new context',
  long: endpointLong('Make a new context', 'create'),
  args: exact(1),
  flags: [
    stringF('description', 'Text describing the context'),
    flag('stringToString', 'docker', 'Docker endpoint settings'),
    stringF('from', 'Base the new context on this existing one'),
  ],
};

const contextLsCommand: CommandSpec = {
  use: 'ls [OPTIONS]',
  aliases: ['list'],
  short: 'List contexts',
  args: NONE,
  flags: [formatF(), boolF('quiet', 'Print only context names', { short: 'q' })],
};

const contextUseCommand: CommandSpec = {
  use: 'use CONTEXT',
  short: 'Switch the current docker context',
  args: { kind: 'cobraExact', n: 1 },
};

const contextExportCommand: CommandSpec = {
  use: 'export [OPTIONS] CONTEXT [FILE|-]',
  short: 'Write a context to a tar archive FILE, or as a tar stream to STDOUT.',
  args: range(1, 2),
};

const contextImportCommand: CommandSpec = {
  use: 'import CONTEXT FILE|-',
  short: 'Load a context from a tar or zip file',
  args: exact(2),
};

const contextRmCommand: CommandSpec = {
  use: 'rm CONTEXT [CONTEXT...]',
  aliases: ['remove'],
  short: 'Delete one or more contexts',
  args: min(1),
  flags: [boolF('force', 'Remove the context even if it is in use', { short: 'f' })],
};

const contextUpdateCommand: CommandSpec = {
  use: 'update [OPTIONS] CONTEXT',
  short: 'Change a context',
  long: endpointLong('Change a context', 'update'),
  args: exact(1),
  flags: [stringF('description', 'Text describing the context'), flag('stringToString', 'docker', 'Docker endpoint settings')],
};

const contextInspectCommand: CommandSpec = {
  use: 'inspect [OPTIONS] [CONTEXT] [CONTEXT...]',
  short: 'Show detailed information about one or more contexts',
  args: ANY,
  flags: [inspectFormatF()],
};

const contextShowCommand: CommandSpec = {
  use: 'show',
  short: "Print the current context's name",
  args: NONE,
};

export const contextCommand: CommandSpec = {
  use: 'context',
  short: 'Manage contexts',
  args: NONE,
  subcommands: [
    contextCreateCommand,
    contextLsCommand,
    contextUseCommand,
    contextExportCommand,
    contextImportCommand,
    contextRmCommand,
    contextUpdateCommand,
    contextInspectCommand,
    contextShowCommand,
  ],
};
