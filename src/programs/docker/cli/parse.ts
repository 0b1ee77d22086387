// Command-line parsing with the behaviour of docker/cli v27.3.1, which runs
// cobra v1.8.1 and pflag v1.0.5 (cmd/docker/docker.go runDocker):
//
// 1. global options are parsed up to the first non-option word, with the
//    root's flags only (`docker -D ps`, not `docker ps -D`);
// 2. the builder check runs (`docker build` without buildx prints a notice);
// 3. cobra's Traverse walks subcommand names; options met on the way belong to
//    the parent they follow;
// 4. the command parses its own flags (interspersed unless it stops at the
//    first argument, as run/exec/create do), then --help, --version, the
//    argument count and the daemon feature checks are applied, in that order.

import {
  type CommandNode,
  commandFlags,
  commandPath,
  commandTree,
  DOCKER_CLI_GIT_COMMIT,
  DOCKER_CLI_VERSION,
  findChild,
  hasSubCommands,
} from './commands';
import {
  argsErrorText,
  BUILDKIT_DISABLED_WARNING,
  BUILDX_MISSING_ERROR,
  BUILDX_MISSING_WARNING,
  buildkitEnvError,
  type CliError,
  flagErrorStatus,
  notADockerCommand,
  plainError,
  statusError,
  unknownHelpTopic,
} from './errors';
import type { FlagValue, ValueContext } from './flag-values';
import { featureError, findForHelp, hasTags } from './command-checks';
import { FlagSet } from './flagset';
import { parseGoBool } from './go-parse';
import { type CliEnv, type DaemonInfo, daemonOf, environOf } from './cli-env';
import { helpText, usageString, useLine } from './help';

export type { FlagValue } from './flag-values';
export { flagBool, flagList, flagMap, flagNumber, flagString } from './flagset';
export type { CliEnv, DaemonInfo, PluginInfo } from './cli-env';
export { DEFAULT_DAEMON, UNREACHABLE_DAEMON } from './cli-env';

/** The root options (`docker [OPTIONS] COMMAND`). */
export interface GlobalOptions {
  readonly config: string;
  readonly debug: boolean;
  readonly logLevel: string;
  readonly tls: boolean;
  readonly tlsverify: boolean;
  readonly tlscacert: string;
  readonly tlscert: string;
  readonly tlskey: string;
  readonly host: readonly string[];
  readonly context: string;
  readonly version: boolean;
  readonly changed: ReadonlySet<string>;
}

/** A command ready to run. */
export interface ParsedCommand {
  readonly kind: 'command';
  readonly node: CommandNode;
  /** Canonical path below `docker`, e.g. ['container', 'ls']. */
  readonly path: readonly string[];
  /** The words the user typed for it, e.g. ['container', 'ps']. */
  readonly invokedAs: readonly string[];
  /** Every flag of the command by name (shared values under the main name), defaults filled in. */
  readonly flags: Readonly<Record<string, FlagValue>>;
  /** Names of the flags given on the command line (both names for --net/--network pairs). */
  readonly changed: ReadonlySet<string>;
  readonly args: readonly string[];
  /** Number of positional arguments before `--`, or -1 (pflag ArgsLenAtDash). */
  readonly argsLenAtDash: number;
  readonly globals: GlobalOptions;
  /** Text docker prints on stderr before running the command (notices). */
  readonly stderr: string;
}

/** `--help`, `docker help X`, or a management command run without a subcommand. */
export interface HelpRequest {
  readonly kind: 'help';
  readonly node: CommandNode;
  readonly path: readonly string[];
  readonly stream: 'stdout' | 'stderr';
  readonly stdout: string;
  readonly stderr: string;
  readonly status: 0;
}

export interface VersionRequest {
  readonly kind: 'version';
  readonly stdout: string;
  readonly stderr: string;
  readonly status: 0;
}

/** A CLI plugin takes over (only when one is installed). */
export interface PluginRun {
  readonly kind: 'plugin';
  readonly name: string;
  /** The arguments the plugin receives after its name. */
  readonly args: readonly string[];
  readonly globals: GlobalOptions;
  readonly stderr: string;
}

export type ParseOutcome = ParsedCommand | HelpRequest | VersionRequest | PluginRun | CliError;

// ---------------------------------------------------------------------------

interface Run {
  readonly env: CliEnv;
  readonly environ: ReadonlyMap<string, string>;
  readonly daemon: DaemonInfo;
  readonly ctx: ValueContext;
  stderr: string;
}

function isFlagArg(arg: string): boolean {
  return (arg.length >= 3 && arg.startsWith('--')) || (arg.length >= 2 && arg[0] === '-' && arg[1] !== '-');
}

function rootUsage(run: Run, node: CommandNode, hide: boolean): string {
  return usageString(node, { ...run.env, hideUnsupported: hide, terminal: false });
}

function help(run: Run, node: CommandNode, stream: 'stdout' | 'stderr'): HelpRequest {
  const terminal = stream === 'stdout' ? run.env.stdoutIsTerminal === true : run.env.stderrIsTerminal === true;
  const text = helpText(node, { ...run.env, hideUnsupported: true, terminal });
  return {
    kind: 'help',
    node,
    path: node.path,
    stream,
    stdout: stream === 'stdout' ? text : '',
    stderr: run.stderr + (stream === 'stderr' ? text : ''),
    status: 0,
  };
}

function flagError(run: Run, node: CommandNode, err: string): CliError {
  const usage = hasSubCommands(node) ? rootUsage(run, node, true) : null;
  return statusError(flagErrorStatus(err, commandPath(node), usage), 125, run.stderr);
}

function globalsFrom(fs: FlagSet): GlobalOptions {
  const str = (k: string): string => {
    const v = fs.get(k);
    return typeof v === 'string' ? v : '';
  };
  const bool = (k: string): boolean => fs.get(k) === true;
  const hosts = fs.get('host');
  return {
    config: str('config'),
    debug: bool('debug'),
    logLevel: str('log-level'),
    tls: bool('tls'),
    tlsverify: bool('tlsverify'),
    tlscacert: str('tlscacert'),
    tlscert: str('tlscert'),
    tlskey: str('tlskey'),
    host: Array.isArray(hosts) ? [...(hosts as readonly string[])] : [],
    context: str('context'),
    version: bool('version'),
    changed: new Set(fs.changed),
  };
}

/** processBuilder: the legacy builder notice, or forwarding to an installed buildx. */
function builderCheck(run: Run, args: readonly string[]): CliError | { forward: string[] } | null {
  const raw = run.environ.get('DOCKER_BUILDKIT') ?? '';
  let useBuilder = false;
  let disabled = false;
  if (raw !== '') {
    const b = parseGoBool(raw);
    if (!b.ok) return plainError(buildkitEnvError(b.error), run.stderr);
    if (b.value) useBuilder = true;
    else disabled = true;
  }
  let forwarded: string[] | null = null;
  if (args[0] === 'builder') forwarded = ['buildx', ...args.slice(1)];
  else if (args[0] === 'build') forwarded = ['buildx', 'build', ...args.slice(1)];
  else if (args[0] === 'image' && args[1] === 'build') forwarded = ['buildx', 'build', ...args.slice(2)];
  if (forwarded === null) return null;
  if (!useBuilder && run.daemon.osType === 'windows') return null;
  if (disabled) {
    if (run.daemon.osType !== 'windows') run.stderr += `${BUILDKIT_DISABLED_WARNING}\n\n`;
    return null;
  }
  const installed = (run.env.plugins ?? []).some((p) => p.name === 'buildx');
  if (installed) return { forward: forwarded };
  if (useBuilder) return plainError(BUILDX_MISSING_ERROR, run.stderr);
  run.stderr += `${BUILDX_MISSING_WARNING}\n\n`;
  return null;
}

/**
 * Parse `docker` arguments (without the program name) the way docker 27.3.1
 * does. Help, version and error outcomes carry the exact text to print and the
 * exit status; a ParsedCommand is ready for the command implementation.
 */
export function parse(argv: readonly string[], env: CliEnv = {}): ParseOutcome {
  const environ = environOf(env);
  const run: Run = { env, environ, daemon: daemonOf(env), ctx: { environ }, stderr: '' };
  const root = commandTree;

  // 1. HandleGlobalFlags: root flags, stop at the first command word
  const global = new FlagSet(commandFlags(root), run.ctx, environ);
  const gerr = global.parse(argv, false);
  run.stderr += global.notices; // this flag set writes to stderr
  if (gerr !== null) return flagError(run, root, gerr);
  const globals = globalsFrom(global);
  const helpSet = global.get('help') === true;
  let args = [...global.args];

  // 2. processAliases / processBuilder
  const b = builderCheck(run, args);
  if (b !== null && 'kind' in b) return b;
  if (b !== null) return { kind: 'plugin', name: 'buildx', args: b.forward.slice(1), globals, stderr: run.stderr };

  // installed plugins take over unknown top-level words (tryPluginRun)
  const first = args[0];
  if (first !== undefined && findChild(root, first) === undefined) {
    const plugin = (env.plugins ?? []).find((p) => p.name === first);
    if (plugin !== undefined) return { kind: 'plugin', name: first, args: args.slice(1), globals, stderr: run.stderr };
  }

  // 3. Traverse
  let node = root;
  const invokedAs: string[] = [];
  let inheritedHelp = helpSet;
  for (let depth = 0; depth < 16; depth++) {
    const local = new FlagSet(commandFlags(node), run.ctx, environ);
    const pending: string[] = [];
    let inFlag = false;
    let next: CommandNode | undefined;
    let at = -1;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] as string;
      if (arg.startsWith('--') && !arg.includes('=')) {
        inFlag = !local.hasNoOptDefVal(arg.slice(2));
        pending.push(arg);
        continue;
      }
      if (arg.startsWith('-') && !arg.includes('=') && arg.length === 2 && !local.shortHasNoOptDefVal(arg.slice(1))) {
        inFlag = true;
        pending.push(arg);
        continue;
      }
      if (inFlag) {
        inFlag = false;
        pending.push(arg);
        continue;
      }
      if (isFlagArg(arg)) {
        pending.push(arg);
        continue;
      }
      next = findChild(node, arg);
      at = i;
      break;
    }
    if (next === undefined) break;
    // the parent parses the options given before the subcommand name
    const perr = local.parse(pending, true);
    if (perr !== null) return plainError(perr, run.stderr);
    if (local.get('help') === true) inheritedHelp = true;
    invokedAs.push(args[at] as string);
    args = args.slice(at + 1);
    node = next;
  }

  // 4. execute
  if (node.spec.outline === true) return outlineCommand(run, node, invokedAs, args, globals, inheritedHelp);
  const fs = new FlagSet(commandFlags(node), run.ctx, environ);
  if (node === root) {
    // the root's flag set is the one the global options were parsed into
    for (const [k, v] of global.values) fs.values.set(k, v);
  }
  const perr = fs.parse(args, node.spec.interspersed !== false);
  if (perr !== null) return flagError(run, node, perr);
  // the root's persistent --help is shared by every command that does not define its own
  if ((inheritedHelp && node.spec.localHelp !== true) || fs.get('help') === true) return help(run, node, 'stdout');
  if (node === root && fs.get('version') === true) {
    return {
      kind: 'version',
      stdout: `Docker version ${DOCKER_CLI_VERSION}, build ${DOCKER_CLI_GIT_COMMIT}\n`,
      stderr: run.stderr,
      status: 0,
    };
  }

  // the help command
  if (node.name === 'help' && node.parent === root) {
    const found = findForHelp(fs.args);
    if (found.rest.length > 0) return plainError(unknownHelpTopic(found.rest), run.stderr);
    return help(run, found.node, 'stdout');
  }

  // setValidateArgs: for commands with annotations (on them or a parent) the
  // feature check runs inside the argument check, so it comes first
  const featFirst = node.spec.args.kind !== 'any' && hasTags(node);
  const feat = featureError(node, fs, run.daemon);
  if (featFirst && feat !== null) return plainError(feat, run.stderr);
  const argErr = argsErrorText(node.spec.args, fs.args.length, {
    commandPath: commandPath(node),
    useLine: useLine(node),
    short: node.spec.short,
    usageOfGroup: hasSubCommands(node) ? rootUsage(run, node, false) : null,
  });
  if (argErr !== null) return plainError(argErr, run.stderr);
  if (feat !== null) return plainError(feat, run.stderr);

  if (node === root) {
    if (fs.args.length === 0) return help(run, root, 'stderr');
    return plainError(notADockerCommand(fs.args[0] as string), run.stderr);
  }
  // management commands show their help on stderr (command.ShowHelp)
  if (hasSubCommands(node)) return help(run, node, 'stderr');

  return {
    kind: 'command',
    node,
    path: node.path,
    invokedAs,
    flags: fs.record(),
    changed: new Set(fs.changed),
    args: fs.args,
    argsLenAtDash: fs.argsLenAtDash,
    globals,
    stderr: run.stderr,
  };
}

/** Commands whose options are not modelled: only --help is recognised. */
function outlineCommand(
  run: Run,
  node: CommandNode,
  invokedAs: string[],
  args: readonly string[],
  globals: GlobalOptions,
  helpSet: boolean,
): ParseOutcome {
  const dash = args.indexOf('--');
  const before = dash < 0 ? args : args.slice(0, dash);
  if (helpSet || before.includes('--help') || before.includes('-h')) return help(run, node, 'stdout');
  const feat = featureError(node, new FlagSet([], run.ctx, run.environ), run.daemon);
  if (feat !== null) return plainError(feat, run.stderr);
  // without a model of the options, the argument count is only known when none are given
  if (!before.some((a) => a.startsWith('-') && a !== '-')) {
    const argErr = argsErrorText(node.spec.args, args.length - (dash >= 0 ? 1 : 0), {
      commandPath: commandPath(node),
      useLine: useLine(node),
      short: node.spec.short,
      usageOfGroup: null,
    });
    if (argErr !== null) return plainError(argErr, run.stderr);
  }
  return {
    kind: 'command',
    node,
    path: node.path,
    invokedAs,
    flags: Object.create(null) as Record<string, FlagValue>,
    changed: new Set(),
    args: [...args],
    argsLenAtDash: dash,
    globals,
    stderr: run.stderr,
  };
}
