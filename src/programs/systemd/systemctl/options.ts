// systemctl's command line (src/systemctl/systemctl.c, systemctl_parse_argv): getopt_long with
// permuted operands, the checks each option makes as it is read, and the "help" listings some
// options accept. The result is shared with the manager verbs in runtime.ts.
import type { Ctx } from '../../lib/context';
import { getopt, GetoptError, type OptionDef } from '../../lib/getopt';
import { UNIT_TYPES } from '../../../shared/systemd/unit-name';
import { UNIT_FILE_STATES, type PresetMode } from '../../../shared/systemd/install-types';
import { parseBoolean } from '../../../shared/systemd/unit-file';
import { parseTimespan } from '../../../shared/systemd/time-span';
import { UNIT_ACTIVE_STATES, UNIT_LOAD_STATES, UNIT_SUB_STATES } from '../../../shared/systemd/unit-states';
import { signalFromString, signalTable } from '../../../shared/systemd/signal-name';
import { systemctlHelp, systemctlVersion } from './help';

export interface SystemctlOptions {
  types: string[];
  states: string[];
  /** -p/--property values; undefined when none were given (an empty list: show nothing). */
  properties: string[] | undefined;
  /** -a/--all given (once or more). */
  all: boolean;
  /** --value or -P: print only property values. */
  valueOnly: boolean;
  showEmpty: boolean;
  dependency: 'forward' | 'reverse' | 'after' | 'before';
  showTypes: boolean;
  jobMode: string | undefined;
  scope: 'system' | 'user' | 'global';
  wait: boolean;
  noBlock: boolean;
  /** --legend / --no-legend / -q; undefined means the default (shown). */
  legend: boolean | undefined;
  noPager: boolean;
  noWall: boolean;
  dryRun: boolean;
  quiet: boolean;
  noWarn: boolean;
  root: string | undefined;
  force: number;
  noReload: boolean;
  killWhom: string | undefined;
  signal: string | undefined;
  askPassword: boolean;
  host: string | undefined;
  machine: string | undefined;
  runtime: boolean;
  full: boolean;
  lines: number;
  output: string;
  plain: boolean;
  recursive: boolean;
  withDependencies: boolean;
  presetMode: PresetMode;
  now: boolean;
  message: string[];
  showTransaction: boolean;
  what: string[];
  rebootArgument: string | undefined;
  timestamp: string;
  readOnly: boolean;
  mkdir: boolean;
  marked: boolean;
  dropIn: string | undefined;
  checkInhibitors: boolean | undefined;
  firmwareSetup: boolean;
  bootLoaderMenu: string | undefined;
  bootLoaderEntry: string | undefined;
}

export const OUTPUT_MODES = ['short', 'short-full', 'short-iso', 'short-iso-precise', 'short-precise', 'short-monotonic', 'short-delta', 'short-unix', 'verbose', 'export', 'json', 'json-pretty', 'json-sse', 'json-seq', 'cat', 'with-unit'];
const TIMESTAMP_STYLES = ['pretty', 'us', 'utc', 'us+utc', 'unix'];
const PRESET_MODES: PresetMode[] = ['full', 'enable-only', 'disable-only'];

const R = 'required' as const;
const DEFS: OptionDef[] = [
  { key: 'help', short: 'h', long: 'help' }, { key: 'version', long: 'version' },
  { key: 'type', short: 't', long: 'type', arg: R }, { key: 'property', short: 'p', long: 'property', arg: R },
  { key: 'P', short: 'P', arg: R }, { key: 'all', short: 'a', long: 'all' },
  { key: 'reverse', long: 'reverse' }, { key: 'after', long: 'after' }, { key: 'before', long: 'before' },
  { key: 'show-types', long: 'show-types' }, { key: 'failed', long: 'failed' }, { key: 'full', short: 'l', long: 'full' },
  { key: 'job-mode', long: 'job-mode', arg: R }, { key: 'fail', long: 'fail' }, { key: 'irreversible', long: 'irreversible' },
  { key: 'ignore-dependencies', long: 'ignore-dependencies' }, { key: 'ignore-inhibitors', short: 'i', long: 'ignore-inhibitors' },
  { key: 'check-inhibitors', long: 'check-inhibitors', arg: R }, { key: 'value', long: 'value' },
  { key: 'user', long: 'user' }, { key: 'system', long: 'system' }, { key: 'global', long: 'global' },
  { key: 'wait', long: 'wait' }, { key: 'no-block', long: 'no-block' }, { key: 'legend', long: 'legend', arg: R },
  { key: 'no-legend', long: 'no-legend' }, { key: 'no-pager', long: 'no-pager' }, { key: 'no-wall', long: 'no-wall' },
  { key: 'dry-run', long: 'dry-run' }, { key: 'quiet', short: 'q', long: 'quiet' }, { key: 'no-warn', long: 'no-warn' },
  { key: 'root', long: 'root', arg: R }, { key: 'image', long: 'image', arg: R }, { key: 'force', short: 'f', long: 'force' },
  { key: 'no-reload', long: 'no-reload' }, { key: 'kill-whom', long: 'kill-whom', arg: R }, { key: 'signal', short: 's', long: 'signal', arg: R },
  { key: 'no-ask-password', long: 'no-ask-password' }, { key: 'host', short: 'H', long: 'host', arg: R },
  { key: 'machine', short: 'M', long: 'machine', arg: R }, { key: 'runtime', long: 'runtime' },
  { key: 'lines', short: 'n', long: 'lines', arg: R }, { key: 'output', short: 'o', long: 'output', arg: R },
  { key: 'plain', long: 'plain' }, { key: 'state', long: 'state', arg: R }, { key: 'recursive', short: 'r', long: 'recursive' },
  { key: 'with-dependencies', long: 'with-dependencies' }, { key: 'preset-mode', long: 'preset-mode', arg: R },
  { key: 'firmware-setup', long: 'firmware-setup' }, { key: 'boot-loader-menu', long: 'boot-loader-menu', arg: R },
  { key: 'boot-loader-entry', long: 'boot-loader-entry', arg: R }, { key: 'now', long: 'now' },
  { key: 'message', long: 'message', arg: R }, { key: 'show-transaction', short: 'T', long: 'show-transaction' },
  { key: 'what', long: 'what', arg: R }, { key: 'reboot-argument', long: 'reboot-argument', arg: R },
  { key: 'timestamp', long: 'timestamp', arg: R }, { key: 'read-only', long: 'read-only' }, { key: 'mkdir', long: 'mkdir' },
  { key: 'marked', long: 'marked' }, { key: 'drop-in', long: 'drop-in', arg: R }, { key: 'dot', short: '.', arg: 'optional' },
];

export function defaultOptions(): SystemctlOptions {
  return {
    types: [], states: [], properties: undefined, all: false, valueOnly: false, showEmpty: false, dependency: 'forward',
    showTypes: false, jobMode: undefined, scope: 'system', wait: false, noBlock: false, legend: undefined, noPager: false,
    noWall: false, dryRun: false, quiet: false, noWarn: false, root: undefined, force: 0, noReload: false, killWhom: undefined,
    signal: undefined, askPassword: true, host: undefined, machine: undefined, runtime: false, full: false, lines: 10,
    output: 'short', plain: false, recursive: false, withDependencies: false, presetMode: 'full', now: false, message: [],
    showTransaction: false, what: [], rebootArgument: undefined, timestamp: 'pretty', readOnly: false, mkdir: false,
    marked: false, dropIn: undefined, checkInhibitors: undefined, firmwareSetup: false, bootLoaderMenu: undefined, bootLoaderEntry: undefined,
  };
}

/** Splits "a,b,c" as extract_first_word with ',' separators does. */
function commaList(v: string): string[] {
  return v.split(',').filter((x) => x !== '');
}

export type ParseOutcome = { kind: 'run'; opts: SystemctlOptions; args: string[] } | { kind: 'exit'; status: number };

/** Parses argv (without argv[0]); prints errors and listings itself. */
export async function parseSystemctlArgs(ctx: Ctx, argv: readonly string[]): Promise<ParseOutcome> {
  const o = defaultOptions();
  const err = async (msg: string): Promise<ParseOutcome> => {
    await ctx.err.write(`${msg}\n`);
    return { kind: 'exit', status: 1 };
  };
  // getopt_long hands the options over one at a time: those before a bad one take effect
  // (--help, -t help, a bad value...) before the bad one is reported
  let parsed;
  let bad: GetoptError | undefined;
  try {
    parsed = getopt(argv, DEFS);
  } catch (e) {
    if (!(e instanceof GetoptError) || !e.partial) throw e;
    parsed = e.partial;
    bad = e;
  }
  const legendOn = (): boolean => o.legend !== false;
  const list = async (title: string | undefined, items: readonly string[]): Promise<void> => {
    if (title !== undefined && legendOn()) await ctx.print(`${title}\n`);
    for (const i of items) await ctx.print(`${i}\n`);
  };
  for (const { key, value } of parsed.order) {
    const v = value ?? '';
    switch (key) {
      case 'help':
        await ctx.print(systemctlHelp(ctx.name));
        return { kind: 'exit', status: 0 };
      case 'version':
        await ctx.print(systemctlVersion());
        return { kind: 'exit', status: 0 };
      case 'type':
        if (v === '') return err('--type= requires arguments.');
        for (const t of commaList(v)) {
          if (t === 'help') {
            await list('Available unit types:', UNIT_TYPES);
            return { kind: 'exit', status: 0 };
          }
          if ((UNIT_TYPES as readonly string[]).includes(t)) o.types.push(t);
          else if ((UNIT_LOAD_STATES as readonly string[]).includes(t)) o.states.push(t);
          else return err(`Unknown unit type or load state '${t}'.\nUse -t help to see a list of allowed values.`);
        }
        break;
      case 'P':
      case 'property':
        if (key === 'P') o.valueOnly = true;
        if (v === '' && o.properties === undefined) o.properties = [];
        else o.properties = [...(o.properties ?? []), ...commaList(v)];
        o.showEmpty = true;
        break;
      case 'all':
        o.showEmpty = true;
        o.all = true;
        break;
      case 'reverse':
      case 'after':
      case 'before':
        o.dependency = key;
        break;
      case 'show-types': o.showTypes = true; break;
      case 'value': o.valueOnly = true; break;
      case 'job-mode': o.jobMode = v; break;
      case 'fail': o.jobMode = 'fail'; break;
      case 'irreversible': o.jobMode = 'replace-irreversibly'; break;
      case 'ignore-dependencies': o.jobMode = 'ignore-dependencies'; break;
      case 'user': o.scope = 'user'; break;
      case 'system': o.scope = 'system'; break;
      case 'global': o.scope = 'global'; break;
      case 'wait': o.wait = true; break;
      case 'no-block': o.noBlock = true; break;
      case 'no-legend': o.legend = false; break;
      case 'legend': {
        const b = parseBoolean(v);
        if (b === undefined) return err(`Failed to parse boolean argument to --legend: ${v}.`);
        o.legend = b;
        break;
      }
      case 'no-pager': o.noPager = true; break;
      case 'no-wall': o.noWall = true; break;
      case 'root':
      case 'image':
        if (key === 'root') o.root = v;
        else return err('--image= is not supported here.');
        break;
      case 'full': o.full = true; break;
      case 'failed': o.states.push('failed'); break;
      case 'dry-run': o.dryRun = true; break;
      case 'quiet':
        o.quiet = true;
        if (o.legend === undefined) o.legend = false;
        break;
      case 'force': o.force++; break;
      case 'no-reload': o.noReload = true; break;
      case 'kill-whom': o.killWhom = v; break;
      case 'signal':
        if (v === 'help') {
          await list(undefined, signalTable());
          return { kind: 'exit', status: 0 };
        }
        if (signalFromString(v) === undefined) return err(`Failed to parse signal string "${v}".`);
        o.signal = v;
        break;
      case 'no-ask-password': o.askPassword = false; break;
      case 'host': o.host = v; break;
      case 'machine': o.machine = v; break;
      case 'runtime': o.runtime = true; break;
      case 'lines':
        if (!/^\+?\d+$/.test(v.trim()) || Number(v) > 4294967295) return err(`Failed to parse lines '${v}'`);
        o.lines = Number(v);
        break;
      case 'output':
        if (v === 'help') {
          await list(undefined, OUTPUT_MODES);
          return { kind: 'exit', status: 0 };
        }
        if (!OUTPUT_MODES.includes(v)) return err(`Unknown output '${v}'.`);
        o.output = v;
        if (v.startsWith('json')) {
          o.legend = false;
          o.plain = true;
        }
        break;
      case 'ignore-inhibitors': o.checkInhibitors = false; break;
      case 'check-inhibitors':
        if (v === 'auto') o.checkInhibitors = undefined;
        else {
          const b = parseBoolean(v);
          if (b === undefined) return err(`Failed to parse --check-inhibitors= argument: ${v}`);
          o.checkInhibitors = b;
        }
        break;
      case 'plain': o.plain = true; break;
      case 'firmware-setup': o.firmwareSetup = true; break;
      case 'boot-loader-menu': {
        // parse_sec(): a time span
        const t = parseTimespan(v);
        if (typeof t === 'string') return err(`Failed to parse --boot-loader-menu= argument '${v}': ${t === 'ERANGE' ? 'Numerical result out of range' : 'Invalid argument'}`);
        o.bootLoaderMenu = v;
        break;
      }
      case 'boot-loader-entry': o.bootLoaderEntry = v; break;
      case 'state':
        if (v === '') return err('--state= requires arguments.');
        for (const s of commaList(v)) {
          if (s === 'help') {
            await list('Available unit load states:', UNIT_LOAD_STATES);
            await list('\nAvailable unit active states:', UNIT_ACTIVE_STATES);
            await list('\nAvailable unit file states:', UNIT_FILE_STATES);
            for (const [type, subs] of UNIT_SUB_STATES) await list(`\nAvailable ${type} unit substates:`, subs);
            return { kind: 'exit', status: 0 };
          }
          o.states.push(s);
        }
        break;
      case 'recursive':
        if (ctx.sys.geteuid() !== 0) return err('--recursive requires root privileges.');
        o.recursive = true;
        break;
      case 'preset-mode':
        if (v === 'help') {
          await list(undefined, PRESET_MODES);
          return { kind: 'exit', status: 0 };
        }
        if (!(PRESET_MODES as string[]).includes(v)) return err(`Failed to parse preset mode: ${v}.`);
        o.presetMode = v as PresetMode;
        break;
      case 'now': o.now = true; break;
      case 'message': o.message.push(v); break;
      case 'show-transaction': o.showTransaction = true; break;
      case 'with-dependencies': o.withDependencies = true; break;
      case 'what':
        if (v === '') return err('--what= requires arguments.');
        for (const w of commaList(v)) {
          // "help" lists the kinds of directories and ends the run
          if (w === 'help') {
            await ctx.print('runtime\nstate\ncache\nlogs\nconfiguration\n');
            return { kind: 'exit', status: 0 };
          }
          o.what.push(w);
        }
        break;
      case 'reboot-argument': o.rebootArgument = v; break;
      case 'timestamp':
        if (v === 'help') {
          await list(undefined, TIMESTAMP_STYLES);
          return { kind: 'exit', status: 0 };
        }
        if (!TIMESTAMP_STYLES.includes(v) && !['µs', 'μs', 'µs+utc', 'μs+utc'].includes(v)) return err(`Invalid value: ${v}.`);
        o.timestamp = v.replace(/^[µμ]s/, 'us');
        break;
      case 'read-only': o.readOnly = true; break;
      case 'mkdir': o.mkdir = true; break;
      case 'marked': o.marked = true; break;
      case 'no-warn': o.noWarn = true; break;
      case 'drop-in': o.dropIn = v; break;
      case 'dot':
        await ctx.err.write(`${ctx.name}: invalid option -- '.'\nHint: to specify units starting with a dash, use "--":\n      ${ctx.name} [OPTIONS...] COMMAND -- -.${value ?? 'mount'} ...\n`);
        return { kind: 'exit', status: 1 };
    }
  }
  if (bad) {
    await ctx.err.write(`${ctx.name}: ${bad.message}\n`);
    return { kind: 'exit', status: 1 };
  }
  if (o.scope !== 'system') o.askPassword = false;
  if (o.wait && o.noBlock) return err('--wait may not be combined with --no-block.');
  const verb = parsed.operands[0];
  if (o.marked) {
    if (verb !== 'reload-or-restart') return err("--marked may only be used with 'reload-or-restart'.");
    if (parsed.operands.length > 1) return err("No additional arguments allowed with 'reload-or-restart --marked'.");
    if (o.wait) return err('--marked --wait is not supported.');
    if (o.showTransaction) return err('--marked --show-transaction is not supported.');
  } else if (verb === 'reload-or-restart' && parsed.operands.length < 2) return err('List of units to restart/reload is required.');
  return { kind: 'run', opts: o, args: parsed.operands };
}
