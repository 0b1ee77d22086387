import { defineProgram, usageError } from '../define';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { quote } from '../lib/quote';

const spec = {
  name: 'uname',
  installPath: '/usr/bin/uname',
  pkg: 'coreutils',
  usage: 'uname [OPTION]...',
  help: `Print facts about this machine and its kernel. With no OPTION, same as -s.

  -a, --all                print everything below, in this order, leaving out
                             -p and -i when they are unknown
  -s, --kernel-name        the kernel's name
  -n, --nodename           the host name on the network
  -r, --kernel-release     the kernel release
  -v, --kernel-version     the kernel build version
  -m, --machine            the hardware name of the machine
  -p, --processor          the processor type (not portable)
  -i, --hardware-platform  the hardware platform (not portable)
  -o, --operating-system   the operating system
${HELP_LINES}
${coreutilsHelpFooter('uname')}`,
  version: coreutilsVersion('uname', ['David MacKenzie']),
  options: [
    { key: 'a', short: 'a', long: 'all' },
    { key: 's', short: 's', long: 'kernel-name' },
    { key: 'n', short: 'n', long: 'nodename' },
    { key: 'r', short: 'r', long: 'kernel-release' },
    { key: 'v', short: 'v', long: 'kernel-version' },
    { key: 'm', short: 'm', long: 'machine' },
    { key: 'p', short: 'p', long: 'processor' },
    { key: 'i', short: 'i', long: 'hardware-platform' },
    { key: 'o', short: 'o', long: 'operating-system' },
    // GNU spells -s as --sysname too, and -r as --release (hidden aliases)
    { key: 's', long: 'sysname' },
    { key: 'r', long: 'release' },
  ],
};

const ORDER = ['s', 'n', 'r', 'v', 'm', 'p', 'i', 'o'] as const;

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    if (args.operands.length) return usageError(ctx, spec, `extra operand ${quote(args.operands[0]!)}`);
    const all = args.flags.has('a');
    const want = new Set<string>(all ? ORDER : ORDER.filter((k) => args.flags.has(k)));
    if (want.size === 0) want.add('s');
    const u = ctx.sys.uname();
    const values: Record<(typeof ORDER)[number], string> = {
      s: u.sysname, n: u.nodename, r: u.release, v: u.version, m: u.machine,
      // upstream coreutils on Linux cannot tell, and -a leaves these out
      p: 'unknown', i: 'unknown', o: 'GNU/Linux',
    };
    const out: string[] = [];
    for (const k of ORDER) {
      if (!want.has(k)) continue;
      if (all && values[k] === 'unknown') continue;
      out.push(values[k]);
    }
    await ctx.print(`${out.join(' ')}\n`);
    return 0;
  },
});
