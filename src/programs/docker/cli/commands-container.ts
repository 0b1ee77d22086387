// `docker container ...` and its top-level shortcuts (docker/cli v27.3.1
// cli/command/container). Flag names, shorthands, types, defaults, hidden state
// and annotations follow the source; descriptions are our own wording.

import { createCommand, execCommand, runCommand } from './commands-run';
import {
  type CommandSpec,
  detachKeysF,
  type FlagSpec,
  boolF,
  exact,
  filterF,
  flag,
  forceNoPromptF,
  formatF,
  inspectFormatF,
  listF,
  min,
  NONE,
  range,
  stringF,
} from './commands-spec';

const signalF = (): FlagSpec => stringF('signal', 'Signal to deliver to the container', { short: 's' });
const timeF = (): FlagSpec => flag('int', 'time', 'Seconds to wait before the container is killed', { short: 't' });

const psFlags = (): FlagSpec[] => [
  boolF('quiet', 'Print only container IDs', { short: 'q' }),
  boolF('size', 'Show total file sizes', { short: 's' }),
  boolF('all', 'List every container (by default only running ones)', { short: 'a' }),
  boolF('no-trunc', 'Print full values without truncating'),
  boolF('latest', 'Show the most recently created container (any state)', { short: 'l' }),
  flag('int', 'last', 'Show the n most recently created containers (any state)', { short: 'n', defValue: '-1' }),
  formatF(),
  filterF('Only show items matching these conditions', 'f'),
];

const PS_ALIASES = 'docker container ls, docker container list, docker container ps, docker ps';

export const psCommand: CommandSpec = {
  use: 'ps [OPTIONS]',
  short: 'List containers',
  args: NONE,
  categoryTop: '3',
  aliasesText: PS_ALIASES,
  flags: psFlags(),
};

/** newListCommand copies the ps command, annotations included. */
const containerLsCommand: CommandSpec = {
  ...psCommand,
  use: 'ls [OPTIONS]',
  aliases: ['ps', 'list'],
};

export const attachCommand: CommandSpec = {
  use: 'attach [OPTIONS] CONTAINER',
  short: "Connect the terminal's standard input, output and error to a running container",
  args: exact(1),
  aliasesText: 'docker container attach, docker attach',
  flags: [
    boolF('no-stdin', 'Leave STDIN unattached'),
    boolF('sig-proxy', 'Forward every signal received to the process', { defValue: 'true' }),
    detachKeysF(),
  ],
};

export const commitCommand: CommandSpec = {
  use: 'commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]',
  short: "Make a new image from a container's changes",
  args: range(1, 2),
  aliasesText: 'docker container commit, docker commit',
  interspersed: false,
  flags: [
    boolF('pause', 'Pause the container while committing', { short: 'p', defValue: 'true' }),
    stringF('message', 'Message to record with the commit', { short: 'm' }),
    stringF('author', 'Author of the image (e.g., "Jane Doe <jane@example.com>")', { short: 'a' }),
    listF('change', 'Apply a Dockerfile instruction to the new image', { short: 'c' }),
  ],
};

export const cpCommand: CommandSpec = {
  use: 'cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH',
  short: 'Copy files or folders between a container and the local filesystem',
  long: [
    'Copy files or folders between a container and the local filesystem\n',
    "\nGive '-' as the source to read a tar archive from stdin\n",
    'and unpack it into a directory in the container.\n',
    "Give '-' as the destination to write a tar archive of\n",
    'the container path to stdout.',
  ].join(''),
  args: exact(2),
  aliasesText: 'docker container cp, docker cp',
  flags: [
    boolF('follow-link', 'Follow symbolic links in SRC_PATH', { short: 'L' }),
    boolF('archive', 'Archive mode: keep all uid/gid information', { short: 'a' }),
    boolF('quiet', 'Hide progress output while copying; it is hidden anyway when no terminal is attached', {
      short: 'q',
    }),
  ],
};

export const diffCommand: CommandSpec = {
  use: 'diff CONTAINER',
  short: "Show the files and directories changed in a container's filesystem",
  args: exact(1),
  aliasesText: 'docker container diff, docker diff',
};

export const exportCommand: CommandSpec = {
  use: 'export [OPTIONS] CONTAINER',
  short: "Write a container's filesystem out as a tar archive",
  args: exact(1),
  aliasesText: 'docker container export, docker export',
  flags: [stringF('output', 'Write to this file instead of STDOUT', { short: 'o' })],
};

const containerInspectCommand: CommandSpec = {
  use: 'inspect [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Show detailed information about one or more containers',
  args: min(1),
  flags: [inspectFormatF(), boolF('size', 'Show total file sizes', { short: 's' })],
};

export const killCommand: CommandSpec = {
  use: 'kill [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Kill one or more running containers',
  args: min(1),
  aliasesText: 'docker container kill, docker kill',
  flags: [signalF()],
};

export const logsCommand: CommandSpec = {
  use: 'logs [OPTIONS] CONTAINER',
  short: 'Show the logs of a container',
  args: exact(1),
  aliasesText: 'docker container logs, docker logs',
  flags: [
    boolF('follow', 'Keep streaming new log output', { short: 'f' }),
    stringF(
      'since',
      'Show logs after a timestamp (e.g. "2013-01-02T13:23:37Z") or a relative time (e.g. "42m" for 42 minutes)',
    ),
    stringF(
      'until',
      'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or a relative time (e.g. "42m" for 42 minutes)',
      { annotations: { version: '1.35' } },
    ),
    boolF('timestamps', 'Prefix lines with timestamps', { short: 't' }),
    boolF('details', 'Include extra attributes given to the log driver'),
    stringF('tail', 'How many lines to show from the end of the logs', { short: 'n', defValue: 'all' }),
  ],
};

export const pauseCommand: CommandSpec = {
  use: 'pause CONTAINER [CONTAINER...]',
  short: 'Suspend all processes in one or more containers',
  args: min(1),
  aliasesText: 'docker container pause, docker pause',
};

export const portCommand: CommandSpec = {
  use: 'port CONTAINER [PRIVATE_PORT[/PROTO]]',
  short: 'Show the port mappings of a container, or one of them',
  args: range(1, 2),
  aliasesText: 'docker container port, docker port',
};

const containerPruneCommand: CommandSpec = {
  use: 'prune [OPTIONS]',
  short: 'Delete every stopped container',
  args: NONE,
  annotations: { version: '1.25' },
  flags: [forceNoPromptF(), filterF('Filter values to apply (e.g. "until=<timestamp>")')],
};

export const renameCommand: CommandSpec = {
  use: 'rename CONTAINER NEW_NAME',
  short: 'Give a container a new name',
  args: exact(2),
  aliasesText: 'docker container rename, docker rename',
};

export const restartCommand: CommandSpec = {
  use: 'restart [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Restart one or more containers',
  args: min(1),
  aliasesText: 'docker container restart, docker restart',
  flags: [signalF(), timeF()],
};

export const rmCommand: CommandSpec = {
  use: 'rm [OPTIONS] CONTAINER [CONTAINER...]',
  aliases: ['remove'],
  short: 'Delete one or more containers',
  args: min(1),
  aliasesText: 'docker container rm, docker container remove, docker rm',
  flags: [
    boolF('volumes', "Also remove the container's anonymous volumes", { short: 'v' }),
    boolF('link', 'Remove the given link', { short: 'l' }),
    boolF('force', 'Remove even a running container (sends SIGKILL)', { short: 'f' }),
  ],
};

export const startCommand: CommandSpec = {
  use: 'start [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Start one or more stopped containers',
  args: min(1),
  aliasesText: 'docker container start, docker start',
  flags: [
    boolF('attach', 'Attach to STDOUT/STDERR and forward signals', { short: 'a' }),
    boolF('interactive', "Attach the container's STDIN", { short: 'i' }),
    detachKeysF(),
    stringF('checkpoint', 'Restore the container from this checkpoint', {
      annotations: { experimental: true, ostype: 'linux' },
    }),
    stringF('checkpoint-dir', 'Custom directory where checkpoints are stored', {
      annotations: { experimental: true, ostype: 'linux' },
    }),
  ],
};

export const statsCommand: CommandSpec = {
  use: 'stats [OPTIONS] [CONTAINER...]',
  short: 'Stream live resource usage statistics of containers',
  args: min(0),
  aliasesText: 'docker container stats, docker stats',
  flags: [
    boolF('all', 'List every container (by default only running ones)', { short: 'a' }),
    boolF('no-stream', 'Print one snapshot of stats instead of streaming'),
    boolF('no-trunc', 'Print full values without truncating'),
    formatF(),
  ],
};

export const stopCommand: CommandSpec = {
  use: 'stop [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Stop one or more running containers',
  args: min(1),
  aliasesText: 'docker container stop, docker stop',
  flags: [signalF(), timeF()],
};

export const topCommand: CommandSpec = {
  use: 'top CONTAINER [ps OPTIONS]',
  short: 'Show the processes running in a container',
  args: min(1),
  aliasesText: 'docker container top, docker top',
  interspersed: false,
};

export const unpauseCommand: CommandSpec = {
  use: 'unpause CONTAINER [CONTAINER...]',
  short: 'Resume all processes in one or more paused containers',
  args: min(1),
  aliasesText: 'docker container unpause, docker unpause',
};

export const updateCommand: CommandSpec = {
  use: 'update [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Change the configuration of one or more containers',
  args: min(1),
  aliasesText: 'docker container update, docker update',
  flags: [
    flag('uint16', 'blkio-weight', 'Relative block IO weight, 10 to 1000, or 0 to disable (default 0)'),
    flag('int64', 'cpu-period', 'CPU CFS (Completely Fair Scheduler) period limit'),
    flag('int64', 'cpu-quota', 'CPU CFS (Completely Fair Scheduler) quota limit'),
    flag('int64', 'cpu-rt-period', 'CPU real-time period limit, in microseconds', { annotations: { version: '1.25' } }),
    flag('int64', 'cpu-rt-runtime', 'CPU real-time runtime limit, in microseconds', { annotations: { version: '1.25' } }),
    stringF('cpuset-cpus', 'CPUs the container may run on (0-3, 0,1)'),
    stringF('cpuset-mems', 'Memory nodes the container may use (0-3, 0,1)'),
    flag('int64', 'cpu-shares', 'Relative CPU weight (shares)', { short: 'c' }),
    flag('bytes', 'memory', 'Limit on memory use', { short: 'm' }),
    flag('bytes', 'memory-reservation', 'Soft limit on memory use'),
    flag('swapBytes', 'memory-swap', 'Limit on memory plus swap; -1 allows unlimited swap'),
    flag('bytes', 'kernel-memory', 'Limit on kernel memory (deprecated)', { hidden: true }),
    stringF('restart', 'Policy for restarting the container after it exits'),
    flag('int64', 'pids-limit', 'Maximum number of processes (-1 for no limit)', { annotations: { version: '1.40' } }),
    flag('decimal', 'cpus', 'How many CPUs the container may use', { annotations: { version: '1.29' } }),
  ],
};

export const waitCommand: CommandSpec = {
  use: 'wait CONTAINER [CONTAINER...]',
  short: 'Wait for one or more containers to stop, then print their exit codes',
  args: min(1),
  aliasesText: 'docker container wait, docker wait',
};

/** NewContainerCommand, children in their AddCommand order. */
export const containerCommand: CommandSpec = {
  use: 'container',
  short: 'Manage containers',
  args: NONE,
  subcommands: [
    attachCommand,
    commitCommand,
    cpCommand,
    createCommand,
    diffCommand,
    execCommand,
    exportCommand,
    killCommand,
    logsCommand,
    pauseCommand,
    portCommand,
    renameCommand,
    restartCommand,
    rmCommand,
    runCommand,
    startCommand,
    statsCommand,
    stopCommand,
    topCommand,
    unpauseCommand,
    updateCommand,
    waitCommand,
    containerLsCommand,
    containerInspectCommand,
    containerPruneCommand,
  ],
};
