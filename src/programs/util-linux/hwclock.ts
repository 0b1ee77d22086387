// hwclock (util-linux 2.38). The machine has no real-time clock (no /dev/rtc0, /dev/rtc or
// /dev/misc/rtc), so every function that reads or sets it fails as hwclock does on such a VM;
// --systz, which only hands the time scale to the kernel, works for root. With -f a file that
// is no RTC fails on its first ioctl. Option checks and --verbose's lines are util-linux's.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError } from '../lib/getopt';
import { utilLinuxVersion } from './common';

const HELP = `
Usage:
 hwclock [function] [option...]

Reads or sets the hardware (real-time) clock.

Functions:
 -r, --show                      print the RTC time
     --get                       print the RTC time corrected for drift
     --set                       set the RTC to --date
 -s, --hctosys                   set the system time from the RTC
 -w, --systohc                   set the RTC from the system time
     --systz                     tell the kernel the RTC's time scale
 -a, --adjust                    correct the RTC for its drift
     --param-get <param>         print an RTC parameter
     --param-set <param>=<value> set an RTC parameter
     --predict                   what the drifting RTC will read at --date

Options:
 -u, --utc                       the RTC keeps UTC
 -l, --localtime                 the RTC keeps local time
 -f, --rtc <file>                another device than /dev/rtc0
     --directisa                 ISA bus access instead of /dev/rtc0
     --date <time>               the time for --set and --predict
     --delay <sec>               the delay to allow when setting the RTC
     --update-drift              recompute the drift factor
     --noadjfile                 leave /etc/adjtime alone
     --adjfile <file>            another file than /etc/adjtime
     --test                      change nothing (implies --verbose)
 -v, --verbose                   say what is done

 -h, --help                      display this help
 -V, --version                   display version

Arguments:
 <param> is a number or one of these names:
   - features: supported features (0x0)
   - correction: time correction (0x1)
   - bsm: backup switch mode (0x2)
   The kernel's include/uapi/linux/rtc.h lists them.

For more details see hwclock(8).
`;

const FUNCTIONS = ['adjust', 'show', 'hctosys', 'systohc', 'get', 'predict', 'set', 'systz'];
const RTC_PATHS = ['/dev/rtc0', '/dev/rtc', '/dev/misc/rtc'];

async function fail(ctx: Ctx, msg: string): Promise<number> {
  await ctx.err.write(`hwclock: ${msg}\n`);
  return 1;
}

export default defineProgram({
  name: 'hwclock',
  installPath: '/usr/sbin/hwclock',
  pkg: 'util-linux',
  async main(ctx) {
    const sys = ctx.sys;
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: 'adjust', short: 'a', long: 'adjust' }, { key: 'show', short: 'r', long: 'show' }, { key: 'get', long: 'get' },
        { key: 'set', long: 'set' }, { key: 'hctosys', short: 's', long: 'hctosys' }, { key: 'systohc', short: 'w', long: 'systohc' },
        { key: 'systz', long: 'systz' }, { key: 'predict', long: 'predict' }, { key: 'param-get', long: 'param-get', arg: 'required' },
        { key: 'param-set', long: 'param-set', arg: 'required' }, { key: 'utc', short: 'u', long: 'utc' },
        { key: 'localtime', short: 'l', long: 'localtime' }, { key: 'rtc', short: 'f', long: 'rtc', arg: 'required' },
        { key: 'directisa', long: 'directisa' }, { key: 'date', long: 'date', arg: 'required' }, { key: 'delay', long: 'delay', arg: 'required' },
        { key: 'update-drift', long: 'update-drift' }, { key: 'noadjfile', long: 'noadjfile' }, { key: 'adjfile', long: 'adjfile', arg: 'required' },
        { key: 'test', long: 'test' }, { key: 'verbose', short: 'v', long: 'verbose' }, { key: 'h', short: 'h', long: 'help' },
        { key: 'V', short: 'V', long: 'version' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`hwclock: ${e.message}\nTry 'hwclock --help' for more information.\n`);
      return 1;
    }
    // err_exclusive_options: the functions form one group, --localtime/--utc another
    let fn: string | undefined;
    let scale: string | undefined;
    for (const { key } of p.order) {
      if (FUNCTIONS.includes(key)) {
        if (fn !== undefined && fn !== key) return fail(ctx, `mutually exclusive arguments: ${FUNCTIONS.map((f) => `--${f}`).join(' ')}`);
        fn = key;
      }
      if (key === 'utc' || key === 'localtime') {
        if (scale !== undefined && scale !== key) return fail(ctx, 'mutually exclusive arguments: --localtime --utc');
        scale = key;
      }
      if (key === 'h') return ctx.print(HELP).then(() => 0);
      if (key === 'V') return ctx.print(`${utilLinuxVersion('hwclock')}\n`).then(() => 0);
    }
    if (p.operands.length) {
      await ctx.err.write(`hwclock: ${p.operands.length} too many arguments given\nTry 'hwclock --help' for more information.\n`);
      return 1;
    }
    const verbose = p.flags.has('verbose') || p.flags.has('test');
    const param = p.values.get('param-get')?.at(-1) ?? p.values.get('param-set')?.at(-1);
    if (param !== undefined) {
      const dev = p.values.get('rtc')?.at(-1) ?? '/dev/rtc0';
      await fail(ctx, `cannot open ${dev}: No such file or directory`);
      return fail(ctx, p.values.has('param-get') ? `unable to read the RTC parameter ${param}` : `unable to set the RTC parameter ${param.replace(/=.*$/, '')}`);
    }
    if ((fn === 'set' || fn === 'predict') && !p.values.has('date')) return fail(ctx, '--date is required for --set or --predict');
    if (verbose) {
      const now = sys.now();
      await ctx.print(`${utilLinuxVersion('hwclock')}\nSystem Time: ${Math.floor(now / 1000)}.${String((now % 1000) * 1000).padStart(6, '0')}\n`);
    }
    if (fn === 'systz') {
      if (verbose) await ctx.print(`Assuming hardware clock is kept in ${scale === 'localtime' ? 'local' : 'UTC'} time.\nCalling settimeofday(NULL, 0) to lock the warp_clock function.\n`);
      if (sys.geteuid() !== 0) return fail(ctx, 'settimeofday() failed: Operation not permitted');
      return 0;
    }
    const rtc = p.values.get('rtc')?.at(-1);
    for (const path of rtc !== undefined ? [rtc] : RTC_PATHS) {
      if (verbose) await ctx.print(`Trying to open: ${path}\n`);
      try {
        sys.close(await sys.open(path, { read: true }));
      } catch {
        continue;
      }
      // it opened, but it is no RTC: the first RTC ioctl is refused
      return fail(ctx, `ioctl(RTC_RD_TIME) to ${path} to read the time failed: Inappropriate ioctl for device`);
    }
    if (verbose) await ctx.print('No usable clock interface found.\n');
    await fail(ctx, 'Cannot access the Hardware Clock via any known method.');
    if (!verbose) await fail(ctx, 'Use the --verbose option to see the details of our search for an access method.');
    return 1;
  },
});
