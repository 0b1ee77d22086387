// reboot, poweroff, halt and shutdown: all ask the service manager to stop every unit and then
// reboot or power off (systemctl's compatibility verbs). shutdown also schedules for later.
import type { SystemdReply } from '../../shared/services/systemd';
import { defineProgram, type Program } from '../define';
import type { Ctx } from '../lib/context';

const U64_MAX = (1n << 64n) - 1n;
/** USEC_TIMESTAMP_FORMATTABLE_MAX: the end of the year 9999, in milliseconds. */
const FORMATTABLE_MAX_MS = 253402300799999;
import { strftime } from '../lib/strftime';

type Action = 'reboot' | 'poweroff' | 'halt';

async function act(ctx: Ctx, action: Action): Promise<number> {
  if (ctx.sys.geteuid() !== 0) {
    const verb = action === 'poweroff' ? 'power off' : action;
    await ctx.err.write(`Failed to set wall message, ignoring: Interactive authentication required.\nFailed to ${verb} system via logind: Interactive authentication required.\nFailed to start ${action}.target: Interactive authentication required.\nSee system logs and 'systemctl status ${action}.target' for details.\n`);
    return 1;
  }
  const r = (await ctx.sys.call('systemd', { kind: 'power', action })) as SystemdReply;
  if (r.kind !== 'ok') return 1;
  // the shutdown ends every process, this one included
  for (;;) await ctx.sys.sleep(3_600_000);
}

function simple(name: Action, fallback: Action): Program {
  return defineProgram({
    name,
    installPath: `/usr/sbin/${name}`,
    pkg: 'systemd',
    tryHelp: false,
    options: [
      { key: 'help', long: 'help' }, { key: 'halt', long: 'halt' }, { key: 'poweroff', short: 'p', long: 'poweroff' },
      { key: 'reboot', long: 'reboot' }, { key: 'force', short: 'f', long: 'force' }, { key: 'wtmp', short: 'w', long: 'wtmp-only' },
      { key: 'nowall', long: 'no-wall' }, { key: 'd', short: 'd', long: 'no-wtmp' }, { key: 'n', short: 'n', long: 'no-sync' },
    ],
    async main(ctx, { flags }) {
      if (flags.has('help')) {
        await ctx.print(`${name} [OPTIONS...]\n\n${name === 'reboot' ? 'Reboot' : name === 'halt' ? 'Halt' : 'Power off'} the system.\n\nOptions:\n     --help      Show this help\n     --halt      Halt the machine\n  -p --poweroff  Switch off the machine\n     --reboot    Reboot the machine\n  -f --force     Force immediate action\n  -w --wtmp-only Only write the wtmp record\n     --no-wall   Do not send a wall message\n`);
        return 0;
      }
      if (flags.has('wtmp')) return 0;
      const action: Action = flags.has('reboot') ? 'reboot' : flags.has('poweroff') ? 'poweroff' : flags.has('halt') ? 'halt' : fallback;
      return act(ctx, action);
    },
  });
}

export const reboot = simple('reboot', 'reboot');
export const poweroff = simple('poweroff', 'poweroff');
export const halt = simple('halt', 'halt');

export const shutdown = defineProgram({
  name: 'shutdown',
  installPath: '/usr/sbin/shutdown',
  pkg: 'systemd',
  tryHelp: false,
  options: [
    { key: 'help', long: 'help' }, { key: 'H', short: 'H', long: 'halt' }, { key: 'P', short: 'P', long: 'poweroff' },
    { key: 'r', short: 'r', long: 'reboot' }, { key: 'h', short: 'h' }, { key: 'k', short: 'k' }, { key: 'nowall', long: 'no-wall' },
    { key: 'c', short: 'c' }, { key: 'show', long: 'show' },
  ],
  async main(ctx, { flags, operands }) {
    const sys = ctx.sys;
    if (flags.has('help')) {
      await ctx.print('shutdown [OPTIONS...] [TIME] [WALL...]\n\nShut down the system.\n\nOptions:\n     --help      Show this help\n  -H --halt      Halt the machine\n  -P --poweroff  Power off the machine\n  -r --reboot    Reboot the machine\n  -h             Equivalent to --poweroff, overridden by --halt\n  -k             Don\'t halt/power off/reboot, just send warnings\n     --no-wall   Don\'t send wall message before halt/power off/reboot\n  -c             Cancel a pending shutdown\n     --show      Show pending shutdown\n');
      return 0;
    }
    const pending = sys.processes().filter((p) => p.pid !== sys.pid && p.argv[0]?.endsWith('shutdown') && p.ppid === 1);
    if (flags.has('c')) {
      for (const p of pending) sys.kill(p.pid, 15);
      return 0;
    }
    if (flags.has('show')) {
      if (pending.length === 0) {
        await ctx.err.write('No scheduled shutdown.\n');
        return 1;
      }
      return 0;
    }
    const action: Action = flags.has('r') ? 'reboot' : flags.has('H') ? 'halt' : 'poweroff';
    const when = operands[0] ?? '+1';
    const now = sys.now();
    let at: number | undefined;
    if (when === 'now') at = now;
    else if (/^\+?\d+$/.test(when)) {
      // parse_shutdown_time_spec(): minutes as a uint64 (more is "Failed to parse"), added to
      // now in microseconds with uint64 arithmetic (a huge count wraps around)
      const minutes = BigInt(when.replace('+', ''));
      if (minutes <= U64_MAX) at = Number(((BigInt(Math.floor(now)) * 1000n + minutes * 60_000_000n) & U64_MAX) / 1000n);
    } else {
      const m = /^(\d{1,2}):(\d{2})$/.exec(when);
      if (m && Number(m[1]) < 24 && Number(m[2]) < 60) {
        const day = now - (now % 86_400_000);
        at = day + Number(m[1]) * 3_600_000 + Number(m[2]) * 60_000;
        if (at < now) at += 86_400_000;
      }
    }
    if (at === undefined) {
      await ctx.err.write(`Failed to parse time specification: ${when}\n`);
      return 1;
    }
    if (sys.geteuid() !== 0) return act(ctx, action);
    if (flags.has('k')) return 0;
    if (at <= now) return act(ctx, action);
    const label = action === 'reboot' ? 'Reboot' : action === 'halt' ? 'Halt' : 'Shutdown';
    // format_timestamp() gives NULL past the year 9999, which printf shows as "(null)"
    const shown = at > FORMATTABLE_MAX_MS ? '(null)' : `${strftime('%a %Y-%m-%d %H:%M:%S', at)} UTC`;
    await ctx.print(`${label} scheduled for ${shown}, use 'shutdown -c' to cancel.\n`);
    const delay = at - now;
    await sys.fork(async (child) => {
      for (const fd of [0, 1, 2]) if (child.isOpen(fd)) child.close(fd);
      await child.sleep(delay);
      await child.call('systemd', { kind: 'power', action });
      return 0;
    });
    return 0;
  },
});
