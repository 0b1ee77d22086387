// timedatectl (systemd 253): status, show, set-timezone (the /etc/localtime link),
// list-timezones, set-ntp (starts or stops systemd-timesyncd), set-time (refused while NTP
// runs), set-local-rtc.
import type { SystemdReply } from '../../../shared/services/systemd';
import { defineProgram } from '../../define';
import type { Ctx } from '../../lib/context';
import { strftime } from '../../lib/strftime';
import { denied, fields, parseArgs, unknownVerb, helpOrVersion } from './common';
import { zoneKnown, zoneNames } from '../../../shared/time-zones';
import { currentZone, offsetText, zoneState } from './zones';
import { localZone } from '../../lib/tz';
import { parseTimestamp } from '../../../shared/systemd/timestamp-parse';

async function ntpActive(ctx: Ctx): Promise<boolean> {
  const r = (await ctx.sys.call('systemd', { kind: 'load', names: ['systemd-timesyncd.service'] })) as SystemdReply;
  return r.kind === 'units' && r.units[0]?.activeState === 'active';
}

export default defineProgram({
  name: 'timedatectl',
  installPath: '/usr/bin/timedatectl',
  pkg: 'systemd',
  async main(ctx) {
    const p = await parseArgs(ctx, [
      { key: 'help', short: 'h', long: 'help' }, { key: 'version', long: 'version' }, { key: 'adjust', long: 'adjust-system-clock' },
      { key: 'noask', long: 'no-ask-password' }, { key: 'all', short: 'a', long: 'all' }, { key: 'value', long: 'value' },
      { key: 'p', short: 'p', long: 'property', arg: 'required' }, { key: 'noPager', long: 'no-pager' },
    ]);
    if (!p) return 1;
    const answered = await helpOrVersion(ctx, p, 'timedatectl [OPTIONS...] COMMAND ...\n\nQuery or change system time and date settings.\n\nCommands:\n  status                   Show current time settings\n  show                     Show properties of systemd-timedated\n  set-time TIME            Set system time\n  set-timezone ZONE        Set system time zone\n  list-timezones           Show known time zones\n  set-local-rtc BOOL       Control whether RTC is in local time\n  set-ntp BOOL             Enable or disable network time synchronization\n');
    if (answered !== undefined) return answered;
    const [verb = 'status', ...args] = p.operands;
    const now = ctx.sys.now();
    const zone = await currentZone(ctx);
    const here = zoneState(zone, Math.floor(now / 1000));
    switch (verb) {
      case 'status': {
        const ntp = await ntpActive(ctx);
        const local = now + here.offset * 1000;
        const abbr = here.abbr;
        await ctx.out.write(fields([
          ['Local time', `${strftime('%a %Y-%m-%d %H:%M:%S', local)} ${abbr}`],
          ['Universal time', `${strftime('%a %Y-%m-%d %H:%M:%S', now)} UTC`],
          ['RTC time', strftime('%a %Y-%m-%d %H:%M:%S', now)],
          ['Time zone', `${zone ?? 'n/a'} (${abbr}, ${offsetText(here.offset)})`],
          ['System clock synchronized', ntp ? 'yes' : 'no'],
          ['NTP service', ntp ? 'active' : 'inactive'],
          ['RTC in local TZ', 'no'],
        ], 25));
        return 0;
      }
      case 'show': {
        const ntp = await ntpActive(ctx);
        await ctx.print(`Timezone=${zone ?? ''}\nLocalRTC=no\nCanNTP=yes\nNTP=${ntp ? 'yes' : 'no'}\nNTPSynchronized=${ntp ? 'yes' : 'no'}\nTimeUSec=${strftime('%a %Y-%m-%d %H:%M:%S', now)} UTC\nRTCTimeUSec=${strftime('%a %Y-%m-%d %H:%M:%S', now)} UTC\n`);
        return 0;
      }
      case 'list-timezones':
        await ctx.print(`${zoneNames().join('\n')}\n`);
        return 0;
      case 'set-timezone': {
        if (args.length !== 1) {
          await ctx.err.write(args.length ? 'Too many arguments.\n' : 'Too few arguments.\n');
          return 1;
        }
        const z = args[0]!;
        if (ctx.sys.geteuid() !== 0) return denied(ctx, 'set time zone');
        if (!zoneKnown(z)) {
          await ctx.err.write(`Failed to set time zone: Invalid or not installed time zone '${z}'\n`);
          return 1;
        }
        try {
          await ctx.sys.unlink('/etc/localtime');
        } catch {
          // there was none
        }
        await ctx.sys.symlink(`../usr/share/zoneinfo/${z}`, '/etc/localtime');
        return 0;
      }
      case 'set-ntp': {
        const v = args[0];
        const on = v !== undefined && ['1', 'yes', 'true', 'on'].includes(v);
        const off = v !== undefined && ['0', 'no', 'false', 'off'].includes(v);
        if (!on && !off) {
          await ctx.err.write(`Failed to parse NTP setting '${v ?? ''}'.\n`);
          return 1;
        }
        if (ctx.sys.geteuid() !== 0) return denied(ctx, 'set NTP');
        await ctx.sys.call('systemd', { kind: 'job', verb: on ? 'start' : 'stop', units: ['systemd-timesyncd.service'] });
        return 0;
      }
      case 'set-time': {
        if (args.length !== 1) {
          await ctx.err.write(args.length ? 'Too many arguments.\n' : 'Too few arguments.\n');
          return 1;
        }
        // parse_timestamp() first, then timedated's SetTime
        const spec = args[0]!;
        const usec = parseTimestamp(spec, ctx.sys.now() * 1000, await localZone(ctx.sys));
        if (usec === undefined) {
          await ctx.err.write(`Failed to parse time specification '${spec}': Invalid argument\n`);
          return 1;
        }
        if (ctx.sys.geteuid() !== 0) return denied(ctx, 'set time');
        if (await ntpActive(ctx)) {
          await ctx.err.write('Failed to set time: Automatic time synchronization is enabled\n');
          return 1;
        }
        ctx.sys.settime(Math.floor(usec / 1000));
        return 0;
      }
      case 'set-local-rtc':
        if (ctx.sys.geteuid() !== 0) return denied(ctx, 'set local RTC');
        return 0;
      default:
        return unknownVerb(ctx, verb);
    }
  },
});
