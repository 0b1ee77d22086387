// systemd-analyze (systemd 253): the time-syntax verbs are here; everything that needs the
// manager goes through runtime.ts.
import { defineProgram } from '../../define';
import type { Ctx } from '../../lib/context';
import { SYSTEMD_FEATURES, SYSTEMD_VERSION_LINE } from '../systemctl/help';
import { parseAnalyzeArgs } from './options';
import { runAnalyzeVerb } from './runtime';
import { verbCalendar, verbTimespan, verbTimestamp } from './time-verbs';
import { verbVerify } from './verify';
import { verbCatConfig } from './cat-config';
import { verbCondition } from './condition';
import { userUnitPaths, verbCapability, verbCompareVersions, verbExitStatus, verbUnitPaths } from './table-verbs';

const ANY = Infinity;
/** [min, max] argument counts, the verb included (src/analyze/analyze.c verbs[]). */
const VERBS = new Map<string, [number, number]>([
  ['help', [0, ANY]], ['time', [0, 1]], ['blame', [0, 1]], ['critical-chain', [0, ANY]], ['plot', [0, 1]],
  ['dot', [0, ANY]], ['log-level', [0, 2]], ['log-target', [0, 2]], ['set-log-level', [2, 2]], ['get-log-level', [0, 1]],
  ['set-log-target', [2, 2]], ['get-log-target', [0, 1]], ['service-watchdogs', [0, 2]], ['dump', [0, ANY]],
  ['cat-config', [2, ANY]], ['unit-files', [0, ANY]], ['unit-paths', [1, 1]], ['exit-status', [0, ANY]],
  ['syscall-filter', [0, ANY]], ['capability', [0, ANY]], ['filesystems', [0, ANY]], ['condition', [0, ANY]],
  ['compare-versions', [3, 4]], ['verify', [2, ANY]], ['calendar', [2, ANY]], ['timestamp', [2, ANY]],
  ['timespan', [2, ANY]], ['security', [0, ANY]], ['inspect-elf', [2, ANY]],
]);

function help(name: string): string {
  return `${name} [OPTIONS...] COMMAND ...

Look at how the system booted, at units and their settings, and at time syntax.

Commands:
  [time]                     Show how long the boot took
  blame                      List units by the time they took to start
  critical-chain [UNIT...]   Show the chain of units that held up the boot
  dump [PATTERN...]          Show the manager's state
  unit-paths                 List the directories units are loaded from
  cat-config NAME|PATH...    Print a configuration file with its drop-ins
  verify FILE...             Check unit files for mistakes
  calendar SPEC...           Check calendar expressions and show when they elapse
  timestamp TIMESTAMP...     Check timestamps and show them normalized
  timespan SPAN...           Check time spans and show them in microseconds
  security [UNIT...]         Rate the sandboxing of services
  compare-versions V1 [OP] V2 Compare two version strings
  exit-status [STATUS...]    List exit status names and numbers
  capability [CAP...]        List capability names and numbers

Options:
  -h --help                  Show this help
     --version               Show the version
     --system                Look at the system manager (the default)
     --user                  Look at the manager of this user
     --iterations=N          Show this many elapses of a calendar expression
     --base-time=TIMESTAMP   Compute calendar elapses from this time
     --no-pager              Do not page output
  -q --quiet                 Print less

See the systemd-analyze(1) man page for details.
`;
}

export async function analyzeMain(ctx: Ctx): Promise<number> {
  const parsed = await parseAnalyzeArgs(ctx, ctx.argv.slice(1));
  if (parsed.kind === 'help') {
    await ctx.print(help(ctx.name));
    return 0;
  }
  if (parsed.kind === 'version') {
    await ctx.print(`${SYSTEMD_VERSION_LINE}\n${SYSTEMD_FEATURES}\n`);
    return 0;
  }
  if (parsed.kind === 'exit') return parsed.status;
  const [name, ...rest] = parsed.args;
  const verb = name ?? 'time';
  const spec = VERBS.get(verb);
  if (!spec) {
    await ctx.err.write(`Unknown command verb ${verb}.\n`);
    return 1;
  }
  const left = name === undefined ? 1 : rest.length + 1;
  if (left < spec[0] || left > spec[1]) {
    await ctx.err.write(left < spec[0] ? 'Too few arguments.\n' : 'Too many arguments.\n');
    return 1;
  }
  switch (verb) {
    case 'help':
      await ctx.print(help(ctx.name));
      return 0;
    case 'timespan':
      return verbTimespan(ctx, rest);
    case 'timestamp':
      return verbTimestamp(ctx, rest);
    case 'calendar':
      return verbCalendar(ctx, rest, parsed.opts);
    case 'compare-versions':
      return verbCompareVersions(ctx, rest);
    case 'exit-status':
      return verbExitStatus(ctx, rest);
    case 'capability':
      return verbCapability(ctx, rest);
    case 'syscall-filter':
      return (await import('./syscall-filter')).verbSyscallFilter(ctx, rest, parsed.opts.quiet);
    case 'condition':
      // (a root only changes where --unit= looks; the conditions test this machine)
      if (parsed.opts.unit === undefined) return verbCondition(ctx, rest);
      return (await import('./condition-unit')).verbConditionUnit(ctx, parsed.opts.unit);
    case 'verify':
      return verbVerify(ctx, rest, parsed.opts);
    case 'unit-paths':
      return verbUnitPaths(ctx, parsed.opts.scope);
    case 'cat-config':
      return verbCatConfig(ctx, rest, parsed.opts.root);
    case 'unit-files': {
      const m = await import('./unit-files');
      return m.verbUnitFiles(ctx, rest, m.unitFileDirs(parsed.opts.scope, () => userUnitPaths(ctx.env)));
    }
    case 'security': {
      const r = await (await import('./security')).verbSecurity(ctx, rest, parsed.opts);
      if (r !== undefined) return r;
      break;
    }
    case 'inspect-elf':
      return (await import('./inspect-elf')).verbInspectElf(ctx, rest, parsed.opts.raw.get('json')?.at(-1));
    case 'filesystems':
      // Photon builds systemd without the BPF framework
      await ctx.err.write('Not compiled with libbpf support, sorry.\n');
      return 1;
  }
  const r = await runAnalyzeVerb(ctx, verb, rest, parsed.opts);
  if (r !== undefined) return r;
  await ctx.err.write('System has not been booted with systemd as init system (PID 1). Can\'t operate.\nFailed to connect to bus: Host is down\n');
  return 1;
}

export default defineProgram({
  name: 'systemd-analyze',
  installPath: '/usr/bin/systemd-analyze',
  pkg: 'systemd',
  main: (ctx) => analyzeMain(ctx),
});
