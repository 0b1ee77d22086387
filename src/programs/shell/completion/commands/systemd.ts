// systemctl and journalctl, after systemd's own bash completion (shell-completion/bash/
// systemctl and journalctl): verbs, options and their values, and unit names found in the
// unit directories.
import type { Sys } from '../../../../shared/sys';
import { listDir, type NativeContext, type NativeReply, operands, optionBefore, registerCompletion, reply, valueWord } from '../native';

/** Where unit files live (systemd.unit(5)); /etc first, as systemd looks. */
export const UNIT_DIRS = ['/etc/systemd/system', '/run/systemd/system', '/usr/lib/systemd/system'];

const UNIT_TYPES = ['service', 'socket', 'target', 'device', 'mount', 'automount', 'swap', 'timer', 'path', 'slice', 'scope'];
const UNIT_SUFFIX = new RegExp(`\\.(${UNIT_TYPES.join('|')})$`);

/** Unit names in the unit directories; templates (foo@.service) only when `templates`. */
export async function unitNames(sys: Sys, templates: boolean): Promise<string[]> {
  const names = new Set<string>();
  for (const dir of UNIT_DIRS) {
    for (const n of await listDir(sys, dir)) {
      if (!UNIT_SUFFIX.test(n)) continue;
      if (!templates && /@\.[a-z]+$/.test(n)) continue;
      names.add(n);
    }
  }
  return [...names].sort();
}

const VERBS: Record<string, string> = {
  allUnits: 'cat mask',
  nonTemplate: 'is-active is-failed is-enabled status show preset help list-dependencies edit set-property revert clean freeze thaw',
  unitFiles: 'enable disable reenable',
  failed: 'reset-failed',
  start: 'start',
  stop: 'stop condstop kill try-restart condrestart',
  isolate: 'isolate',
  reload: 'reload condreload try-reload-or-restart reload-or-try-restart force-reload',
  restart: 'restart reload-or-restart',
  targetAndUnits: 'add-wants add-requires',
  masked: 'unmask',
  jobs: 'cancel',
  envs: 'set-environment unset-environment import-environment',
  standalone: 'daemon-reexec daemon-reload default emergency exit halt hibernate hybrid-sleep suspend-then-hibernate kexec list-jobs list-sockets list-timers list-units list-unit-files list-automounts poweroff reboot rescue show-environment suspend get-default is-system-running preset-all clear-jobs',
  file: 'link switch-root',
  targets: 'set-default',
  logLevel: 'log-level service-log-level',
  logTarget: 'log-target service-log-target',
  watchdogs: 'service-watchdogs',
};
const verbGroup = new Map<string, string>();
for (const [group, verbs] of Object.entries(VERBS)) for (const v of verbs.split(' ')) verbGroup.set(v, group);
export const SYSTEMCTL_VERBS = [...verbGroup.keys()].sort();

const SYSTEMCTL_FLAGS = '--all -a --reverse --after --before --force -f --full -l --global --help -h --no-ask-password --no-block --no-legend --no-pager --no-reload --no-wall --now --quiet -q --system --user --version --runtime --recursive -r --firmware-setup --show-types --plain --failed --value --fail --dry-run --wait --no-warn --with-dependencies --show-transaction -T --mkdir --marked --read-only'.split(' ');
const SYSTEMCTL_ARG_OPTS = '--host -H --kill-whom --property -p -P --signal -s --type -t --state --job-mode --root --preset-mode -n --lines -o --output -M --machine --message --timestamp --check-inhibitors --what --image --boot-loader-menu --boot-loader-entry --reboot-argument --drop-in --legend'.split(' ');

const UNIT_STATES = ['active', 'inactive', 'failed', 'activating', 'deactivating', 'reloading', 'running', 'exited', 'dead', 'waiting', 'listening', 'mounted', 'plugged', 'loaded', 'not-found', 'masked', 'enabled', 'disabled', 'static', 'generated', 'indirect', 'alias'];
const OUTPUT_MODES = ['short', 'short-full', 'short-iso', 'short-iso-precise', 'short-precise', 'short-monotonic', 'short-delta', 'short-unix', 'verbose', 'export', 'json', 'json-pretty', 'json-sse', 'json-seq', 'cat', 'with-unit'];
const SIGNAL_NAMES = ['SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGKILL', 'SIGUSR1', 'SIGUSR2', 'SIGTERM', 'SIGCONT', 'SIGSTOP'];

/** Values of the systemctl options that take one; undefined: no particular values. */
function systemctlOptionValues(opt: string): string[] | undefined {
  switch (opt) {
    case '-t':
    case '--type': return [...UNIT_TYPES, 'help'];
    case '--state': return [...UNIT_STATES, 'help'];
    case '-o':
    case '--output': return OUTPUT_MODES;
    case '--job-mode': return ['fail', 'replace', 'replace-irreversibly', 'isolate', 'ignore-dependencies', 'ignore-requirements', 'flush', 'triggering'];
    case '--kill-whom': return ['main', 'control', 'all'];
    case '-s':
    case '--signal': return SIGNAL_NAMES;
    case '--preset-mode': return ['full', 'enable-only', 'disable-only'];
    case '--legend': return ['yes', 'no'];
    case '--what': return ['configuration', 'state', 'cache', 'logs', 'runtime', 'fdstore', 'all'];
    case '--timestamp': return ['pretty', 'unix', 'us', 'utc', 'us+utc'];
    case '--check-inhibitors': return ['auto', 'yes', 'no'];
    default: return undefined;
  }
}

const takesValue = (opt: string): boolean => SYSTEMCTL_ARG_OPTS.includes(opt);

async function systemctl(ctx: NativeContext): Promise<NativeReply> {
  const opt = optionBefore(ctx);
  if (opt !== undefined && takesValue(opt)) {
    const values = systemctlOptionValues(opt);
    return values ? reply(valueWord(ctx), values) : { words: [] };
  }
  if (ctx.cur.startsWith('-')) return reply(ctx.cur, [...SYSTEMCTL_FLAGS, ...SYSTEMCTL_ARG_OPTS.filter((o) => o.startsWith('--')).map((o) => `${o}=`)].sort());
  const args = operands(ctx, takesValue);
  const verb = args[0];
  if (verb === undefined) return reply(ctx.cur, SYSTEMCTL_VERBS);
  switch (verbGroup.get(verb)) {
    case 'unitFiles':
    case 'allUnits':
    case 'masked':
      return reply(ctx.cur, await unitNames(ctx.sys, true));
    case 'nonTemplate':
    case 'failed':
    case 'start':
    case 'stop':
    case 'reload':
    case 'restart':
      return reply(ctx.cur, await unitNames(ctx.sys, false));
    case 'isolate':
    case 'targets':
      return reply(ctx.cur, (await unitNames(ctx.sys, false)).filter((u) => u.endsWith('.target')));
    case 'targetAndUnits':
      return reply(ctx.cur, args.length === 1 ? (await unitNames(ctx.sys, false)).filter((u) => u.endsWith('.target')) : await unitNames(ctx.sys, false));
    case 'file':
      return { words: [], files: true };
    case 'logLevel':
      return reply(ctx.cur, ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug']);
    case 'logTarget':
      return reply(ctx.cur, ['console', 'journal', 'kmsg', 'journal-or-kmsg', 'null']);
    case 'watchdogs':
      return reply(ctx.cur, ['on', 'off']);
    default:
      return { words: [] };
  }
}

const JOURNALCTL_FLAGS = '-a --all -b --boot --case-sensitive --catalog --disk-usage -e --pager-end -f --follow --flush --header -h --help -k --dmesg --list-boots --merge -m --no-full --no-hostname --no-pager --no-tail -q --quiet -r --reverse --relinquish-var --rotate --smart-relinquish-var --sync --system --user --utc --verify --version -x -N --fields'.split(' ');
const JOURNALCTL_ARG_OPTS = '-u --unit --user-unit -t --identifier -p --priority --facility -g --grep -o --output --output-fields -n --lines -S --since -U --until -c --cursor --after-cursor --cursor-file -D --directory --file --root --image --namespace -M --machine -F --field --vacuum-size --vacuum-time --vacuum-files --interval --verify-key'.split(' ');
const PRIORITIES = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'];

async function journalctl(ctx: NativeContext): Promise<NativeReply> {
  const opt = optionBefore(ctx);
  if (opt !== undefined && JOURNALCTL_ARG_OPTS.includes(opt)) {
    const v = valueWord(ctx);
    switch (opt) {
      case '-u':
      case '--unit':
      case '--user-unit':
        return reply(v, await unitNames(ctx.sys, false));
      case '-p':
      case '--priority':
        return reply(v, PRIORITIES);
      case '-o':
      case '--output':
        return reply(v, OUTPUT_MODES);
      case '-S':
      case '--since':
      case '-U':
      case '--until':
        return reply(v, ['today', 'yesterday', 'tomorrow', 'now']);
      case '-D':
      case '--directory':
      case '--file':
      case '--root':
      case '--image':
      case '--cursor-file':
        return { words: [], files: true };
      case '-F':
      case '--field':
        return reply(v, ['_SYSTEMD_UNIT', '_PID', '_UID', '_GID', '_COMM', '_EXE', '_HOSTNAME', '_TRANSPORT', 'PRIORITY', 'SYSLOG_IDENTIFIER', 'SYSLOG_FACILITY', 'MESSAGE']);
      default:
        return { words: [] };
    }
  }
  if (ctx.cur.startsWith('-')) return reply(ctx.cur, [...JOURNALCTL_FLAGS, ...JOURNALCTL_ARG_OPTS].sort());
  // journalctl FIELD=VALUE matches and paths: offer the common fields
  return reply(ctx.cur, ['_SYSTEMD_UNIT=', '_PID=', '_UID=', '_COMM=', '_EXE=', 'PRIORITY=', 'SYSLOG_IDENTIFIER=']);
}

registerCompletion('systemctl', systemctl);
registerCompletion('journalctl', journalctl);
