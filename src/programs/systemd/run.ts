// systemd-run (systemd 252): its options are checked as systemd-run does (a command line unless
// --shell, the combinations --scope, --wait, --pty and the triggers do not allow), then it needs the service manager's bus, which
// this machine does not offer: the messages and status 1 of a host without one.
import { GetoptError, getopt, type OptionDef } from '../lib/getopt';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { parseCalendarSpec } from '../../shared/systemd/calendar';
import { UTC_ZONE } from '../../shared/systemd/civil';
import { SYSTEMD_FEATURES, SYSTEMD_VERSION_LINE } from './systemctl/help';

const HELP = `systemd-run [OPTIONS...] COMMAND [ARGUMENTS...]

Run a command as a transient service or scope unit.

  -h --help                       Show this help
     --version                    Show the version
     --no-ask-password            Do not ask for a password
     --user                       Talk to the user's service manager
  -H --host=[USER@]HOST           Work on a remote host
  -M --machine=CONTAINER          Work on a container
     --scope                      Run in a scope, not a service
  -u --unit=UNIT                  The unit's name
  -p --property=NAME=VALUE        Set a property of the unit
     --description=TEXT           The unit's description
     --slice=SLICE                Put the unit in this slice
  -r --remain-after-exit          Keep the service after the command ended
     --service-type=TYPE          The service's Type=
     --uid=USER                   Run as this user
     --gid=GROUP                  Run as this group
     --nice=NICE                  Run at this nice level
     --working-directory=PATH     Run in this directory
  -d --same-dir                   Run in the current directory
  -E --setenv=NAME[=VALUE]        Set an environment variable
  -t --pty                        Attach the terminal to the service
  -P --pipe                       Pass standard input, output and error through
  -S --shell                      Run an interactive shell
  -q --quiet                      Say less
     --wait                       Wait until the service ended
  -G --collect                    Unload the unit even when it failed
     --on-active=SEC              Start after this long
     --on-boot=SEC                Start this long after boot
     --on-calendar=SPEC           Start at these calendar times
     --timer-property=NAME=VALUE  Set a property of the timer

See the systemd-run(1) man page for details.
`;

const R = 'required' as const;
const OPTIONS: OptionDef[] = [
  { key: 'help', short: 'h', long: 'help' }, { key: 'version', long: 'version' }, { key: 'user', long: 'user' }, { key: 'system', long: 'system' },
  { key: 'scope', long: 'scope' }, { key: 'unit', short: 'u', long: 'unit', arg: R }, { key: 'description', long: 'description', arg: R },
  { key: 'slice', long: 'slice', arg: R }, { key: 'slice-inherit', long: 'slice-inherit' }, { key: 'remain-after-exit', short: 'r', long: 'remain-after-exit' },
  { key: 'send-sighup', long: 'send-sighup' }, { key: 'host', short: 'H', long: 'host', arg: R }, { key: 'machine', short: 'M', long: 'machine', arg: R },
  { key: 'service-type', long: 'service-type', arg: R }, { key: 'wait', long: 'wait' }, { key: 'uid', long: 'uid', arg: R }, { key: 'gid', long: 'gid', arg: R },
  { key: 'nice', long: 'nice', arg: R }, { key: 'setenv', short: 'E', long: 'setenv', arg: R }, { key: 'property', short: 'p', long: 'property', arg: R },
  { key: 'tty', short: 't', long: 'tty' }, { key: 'pty', long: 'pty' }, { key: 'pipe', short: 'P', long: 'pipe' }, { key: 'quiet', short: 'q', long: 'quiet' },
  { key: 'on-active', long: 'on-active', arg: R }, { key: 'on-boot', long: 'on-boot', arg: R }, { key: 'on-startup', long: 'on-startup', arg: R },
  { key: 'on-unit-active', long: 'on-unit-active', arg: R }, { key: 'on-unit-inactive', long: 'on-unit-inactive', arg: R },
  { key: 'on-calendar', long: 'on-calendar', arg: R }, { key: 'on-timezone-change', long: 'on-timezone-change' }, { key: 'on-clock-change', long: 'on-clock-change' },
  { key: 'timer-property', long: 'timer-property', arg: R }, { key: 'path-property', long: 'path-property', arg: R },
  { key: 'socket-property', long: 'socket-property', arg: R }, { key: 'no-block', long: 'no-block' }, { key: 'no-ask-password', long: 'no-ask-password' },
  { key: 'collect', short: 'G', long: 'collect' }, { key: 'working-directory', long: 'working-directory', arg: R }, { key: 'same-dir', short: 'd', long: 'same-dir' },
  { key: 'shell', short: 'S', long: 'shell' },
];

const TRIGGER = ['on-active', 'on-boot', 'on-startup', 'on-unit-active', 'on-unit-inactive', 'on-calendar', 'on-timezone-change', 'on-clock-change', 'timer-property', 'path-property', 'socket-property'];

async function main(ctx: Ctx): Promise<number> {
  let p;
  try {
    p = getopt(ctx.argv.slice(1), OPTIONS, { posixOrder: true });
  } catch (e) {
    if (!(e instanceof GetoptError)) throw e;
    await ctx.err.write(`${ctx.name}: ${e.message}\n`);
    return 1;
  }
  let user = false;
  let machine: string | undefined;
  const fail = async (msg: string): Promise<number> => {
    await ctx.err.write(`${msg}\n`);
    return 1;
  };
  for (const { key, value } of p.order) {
    if (key === 'help') {
      await ctx.print(HELP);
      return 0;
    }
    if (key === 'version') {
      await ctx.print(`${SYSTEMD_VERSION_LINE}\n${SYSTEMD_FEATURES}\n`);
      return 0;
    }
    if (key === 'user') user = true;
    if (key === 'system') user = false;
    if (key === 'machine' || key === 'host') machine = value;
    if (key === 'nice' && !(/^[+-]?\d+$/.test(value!) && Math.abs(Number(value) + 0.5) <= 19.5)) return fail(`Failed to parse nice value: ${value}`);
    if (key === 'on-calendar' && !parseCalendarSpec(value!, UTC_ZONE)) return fail('Failed to parse calendar event specification: Invalid argument');
    if (key === 'setenv' && !/^[A-Za-z_][A-Za-z0-9_]*(=|$)/.test(value!)) return fail(`Cannot assign environment variable ${value}: Invalid argument`);
  }
  const has = (k: string): boolean => p.order.some((o) => o.key === k);
  const trigger = p.order.some((o) => TRIGGER.includes(o.key));
  const scope = has('scope');
  const shell = has('shell');
  const stdio = has('tty') || has('pty') || has('pipe') || shell;
  if (shell && p.operands.length > 0) return fail('If --shell is used, no command line is expected.');
  if (p.operands.length === 0 && !shell) return fail('Command line to execute required.');
  if (scope && trigger) return fail('Path, socket or timer options are not supported in --scope mode.');
  if (stdio && (trigger || scope)) return fail('--pty/--pipe is not compatible in timer or --scope mode.');
  if (stdio && has('no-block')) return fail('--pty/--pipe is not compatible with --no-block.');
  if (scope && (has('remain-after-exit') || has('service-type'))) return fail('--remain-after-exit and --service-type= are not supported in --scope mode.');
  if (has('wait')) {
    if (has('no-block')) return fail('--wait may not be combined with --no-block.');
    if (trigger) return fail('--wait may not be combined with path, socket or timer operations.');
    if (scope) return fail('--wait may not be combined with --scope.');
  }
  if (user && machine === undefined) return fail(`Failed to connect to bus: ${ctx.env.get('XDG_RUNTIME_DIR') ? 'No such file or directory' : 'No medium found'}`);
  if (machine === undefined) await ctx.err.write("System has not been booted with systemd as init system (PID 1). Can't operate.\n");
  return fail('Failed to connect to bus: Host is down');
}

export default defineProgram({ name: 'systemd-run', installPath: '/usr/bin/systemd-run', pkg: 'systemd', main });
