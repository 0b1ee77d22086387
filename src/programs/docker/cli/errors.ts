// Error texts and exit statuses of the docker CLI layer (docker/cli v27.3.1).
//
// How docker exits (cmd/docker/docker.go dockerMain): a cli.StatusError prints
// its Status (if any) and exits with its StatusCode; any other error is printed
// with a newline and exits 1. Flag-parse errors are StatusErrors with code 125
// (cli/cobra.go FlagErrorFunc); argument-count errors, unknown commands and
// feature checks are plain errors (status 1).

import type { ArgsRule } from './commands-spec';

export interface CliError {
  readonly kind: 'error';
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

/** A plain Go error returned from docker's main: printed with Fprintln, status 1. */
export function plainError(message: string, prefix = ''): CliError {
  return { kind: 'error', stdout: '', stderr: `${prefix}${message}\n`, status: 1 };
}

/** A cli.StatusError: its Status printed with a newline (if not empty). */
export function statusError(status: string, code: number, prefix = ''): CliError {
  return { kind: 'error', stdout: '', stderr: prefix + (status === '' ? '' : `${status}\n`), status: code === 0 ? 1 : code };
}

/**
 * FlagErrorFunc: "<pflag error>\nSee '<path> --help'." plus, for commands with
 * subcommands, a blank line and the usage text; status 125.
 */
export function flagErrorStatus(pflagError: string, commandPath: string, usage: string | null): string {
  return `${pflagError}\nSee '${commandPath} --help'.${usage === null ? '' : '\n\n' + usage}`;
}

function pluralize(word: string, n: number): string {
  return n === 1 ? word : `${word}s`;
}

/**
 * The argument-count check of cli/required.go (and cobra.ExactArgs), or null
 * when `count` satisfies `rule`. `usageOfGroup` is the usage text used by
 * cli.NoArgs on a command that has subcommands.
 */
export function argsErrorText(
  rule: ArgsRule,
  count: number,
  info: { commandPath: string; useLine: string; short: string; usageOfGroup: string | null },
): string | null {
  const { commandPath, useLine, short } = info;
  const tail = `\nSee '${commandPath} --help'.\n\nUsage:  ${useLine}\n\n${short}`;
  const q = JSON.stringify(commandPath);
  switch (rule.kind) {
    case 'any':
      return null;
    case 'none':
      if (count === 0) return null;
      if (info.usageOfGroup !== null) return '\n' + info.usageOfGroup.replace(/\n+$/, '');
      return `${q} accepts no arguments.${tail}`;
    case 'min':
      return count >= rule.n ? null : `${q} requires at least ${rule.n} ${pluralize('argument', rule.n)}.${tail}`;
    case 'max':
      return count <= rule.n ? null : `${q} requires at most ${rule.n} ${pluralize('argument', rule.n)}.${tail}`;
    case 'range':
      return count >= rule.min && count <= rule.max
        ? null
        : `${q} requires at least ${rule.min} and at most ${rule.max} ${pluralize('argument', rule.max)}.${tail}`;
    case 'exact':
      return count === rule.n ? null : `${q} requires exactly ${rule.n} ${pluralize('argument', rule.n)}.${tail}`;
    case 'cobraExact':
      return count === rule.n ? null : `accepts ${rule.n} arg(s), received ${count}`;
  }
}

/** The root command's RunE for an unknown first word. Status 1. */
export function notADockerCommand(name: string): string {
  return `docker: '${name}' is not a docker command.\nSee 'docker --help'`;
}

/** `docker help <topic>` for a topic that is not a command. Status 1. */
export function unknownHelpTopic(args: readonly string[]): string {
  return `unknown help topic: ${args.join(' ')}`;
}

/** Printed by pflag on the global flag set for `docker -h` (to stderr). */
export const HELP_SHORTHAND_DEPRECATED = 'Flag shorthand -h has been deprecated, use --help';

// ---------------------------------------------------------------------------
// Builder selection (cmd/docker/builder.go) when the buildx plugin is absent

/** Printed (then a blank line) before `docker build` uses the legacy builder. */
export const BUILDX_MISSING_WARNING = `DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
            Install the buildx component to build images with BuildKit:
            https://docs.docker.com/go/buildx/`;

/** Printed (then a blank line) when DOCKER_BUILDKIT=0 selects the legacy builder. */
export const BUILDKIT_DISABLED_WARNING = `DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
            environment-variable.`;

/** The error (status 1) when DOCKER_BUILDKIT=1 but buildx is missing. */
export const BUILDX_MISSING_ERROR = `ERROR: BuildKit is enabled but the buildx component is missing or broken.
       Install the buildx component to build images with BuildKit:
       https://docs.docker.com/go/buildx/`;

export function buildkitEnvError(parseError: string): string {
  return `DOCKER_BUILDKIT environment variable expects boolean value: ${parseError}`;
}

// ---------------------------------------------------------------------------
// Feature checks (cmd/docker/docker.go isSupported), status 1

export function commandNeedsApi(commandPath: string, need: string, have: string): string {
  return `${commandPath} requires API version ${need}, but the Docker daemon API version is ${have}`;
}
export function commandNeedsOs(commandPath: string, need: string, have: string): string {
  return `${commandPath} is only supported on a Docker daemon running on ${need}, but the Docker daemon is running on ${have}`;
}
export function commandNeedsExperimental(commandPath: string): string {
  return `${commandPath} is only supported on a Docker daemon with experimental features enabled`;
}
export function flagNeedsApi(flag: string, need: string, have: string): string {
  return `"--${flag}" requires API version ${need}, but the Docker daemon API version is ${have}`;
}
export function flagNeedsOs(flag: string, need: string, have: string): string {
  return `"--${flag}" is only supported on a Docker daemon running on ${need}, but the Docker daemon is running on ${have}`;
}
export function flagNeedsExperimental(flag: string): string {
  return `"--${flag}" is only supported on a Docker daemon with experimental features enabled`;
}

// ---------------------------------------------------------------------------
// Messages the command implementations need

/** client.ErrorConnectionFailed for the default socket. */
export function cannotConnect(host = 'unix:///var/run/docker.sock'): string {
  return `Cannot connect to the Docker daemon at ${host}. Is the docker daemon running?`;
}

/** How the API client reports a daemon error. */
export function daemonError(message: string): string {
  return `Error response from daemon: ${message}`;
}

/**
 * container/run.go reportError: "docker: <msg>." (a final period added if
 * missing) and, with help, "See 'docker <name> --help'.". Used by run and
 * create for option and daemon errors, which then exit 125.
 */
export function reportError(name: string, message: string, withHelp: boolean): string {
  let s = message.replace(/\.$/, '') + '.';
  if (withHelp) s += `\nSee 'docker ${name} --help'.`;
  return `docker: ${s}\n`;
}

/**
 * container/run.go runStartContainerErr: 127 when the command is not found,
 * 126 when it cannot be executed, 125 for other daemon failures.
 */
export function startContainerStatus(daemonMessage: string): number {
  const m = daemonMessage.replace(/^Error response from daemon: /, '');
  if (
    m.includes('executable file not found') ||
    m.includes('no such file or directory') ||
    m.includes('system cannot find the file specified')
  ) {
    return 127;
  }
  if (m.includes('permission denied') || m.includes('is a directory')) return 126;
  return 125;
}

/** moby/term CheckTty on Linux, when -t is given but stdin is not a terminal. */
export const NOT_A_TTY = 'the input device is not a TTY';

/** container/run.go: -a together with -d. */
export const CONFLICT_ATTACH_DETACH = 'Conflicting options: -a and -d';
