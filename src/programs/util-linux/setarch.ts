// setarch (util-linux 2.38): runs a program (a shell by default) under another personality:
// an execution domain named by architecture (linux32/i686 make uname say i686) and flags
// such as --uname-2.6. Called as linux32, linux64, i386, x86_64 or uname26 it takes the
// architecture from its own name.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { execvp } from '../lib/execvp';
import { getopt, GetoptError, type OptionDef } from '../lib/getopt';
import { shortName, tryHelp, utilLinuxVersion, warnx } from '../util-linux-more/common';

const PER_LINUX = 0;
const PER_LINUX32 = 8;
const UNAME26 = 0x0020000;

/** The domains of an x86_64 build: name and personality. */
const DOMAINS: [string, number][] = [
  ['uname26', UNAME26], ['linux32', PER_LINUX32], ['linux64', PER_LINUX],
  ['i386', PER_LINUX32], ['i486', PER_LINUX32], ['i586', PER_LINUX32], ['i686', PER_LINUX32], ['athlon', PER_LINUX32],
  ['x86_64', PER_LINUX],
];

// the flag options: their letter, long name, bit and the name -v reports
const FLAGS: [string, string, number, string][] = [
  ['R', 'addr-no-randomize', 0x0040000, 'ADDR_NO_RANDOMIZE'],
  ['F', 'fdpic-funcptrs', 0x0080000, 'FDPIC_FUNCPTRS'],
  ['Z', 'mmap-page-zero', 0x0100000, 'MMAP_PAGE_ZERO'],
  ['L', 'addr-compat-layout', 0x0200000, 'ADDR_COMPAT_LAYOUT'],
  ['X', 'read-implies-exec', 0x0400000, 'READ_IMPLIES_EXEC'],
  ['B', '32bit', 0x0800000, 'ADDR_LIMIT_32BIT'],
  ['I', 'short-inode', 0x1000000, 'SHORT_INODE'],
  ['S', 'whole-seconds', 0x2000000, 'WHOLE_SECONDS'],
  ['T', 'sticky-timeouts', 0x4000000, 'STICKY_TIMEOUTS'],
  ['3', '3gb', 0x8000000, 'ADDR_LIMIT_3GB'],
];

function help(wrapper: boolean, name: string): string {
  return `
Usage:
 ${name} ${wrapper ? '' : '[<arch>] '}[options] [<program> [<argument>...]]

Change the reported architecture and set personality flags.

Options:
 -B, --32bit              ADDR_LIMIT_32BIT on
 -F, --fdpic-funcptrs     function pointers point to descriptors
 -I, --short-inode        SHORT_INODE on
 -L, --addr-compat-layout the old layout of virtual memory
 -R, --addr-no-randomize  no randomized virtual address space
 -S, --whole-seconds      WHOLE_SECONDS on
 -T, --sticky-timeouts    STICKY_TIMEOUTS on
 -X, --read-implies-exec  READ_IMPLIES_EXEC on
 -Z, --mmap-page-zero     MMAP_PAGE_ZERO on
 -3, --3gb                at most 3 GB of address space
     --4gb                ignored (kept for old scripts)
     --uname-2.6          UNAME26 on
 -v, --verbose            say which options are switched on
${wrapper ? '' : '     --list               list the architectures it can set, and exit\n'}
 -h, --help               display this help
 -V, --version            display version

For more details see setarch(8).
`;
}

const OPTIONS: OptionDef[] = [
  { key: 'h', short: 'h', long: 'help' },
  { key: 'V', short: 'V', long: 'version' },
  { key: 'v', short: 'v', long: 'verbose' },
  ...FLAGS.map(([short, long]) => ({ key: short, short, long })),
  { key: '4gb', long: '4gb' },
  { key: 'uname26', long: 'uname-2.6' },
  { key: 'list', long: 'list' },
];

export default defineProgram({
  name: 'setarch',
  installPath: '/usr/bin/setarch',
  aliases: ['/usr/bin/linux32', '/usr/bin/linux64', '/usr/bin/i386', '/usr/bin/x86_64', '/usr/bin/uname26'],
  pkg: 'util-linux',
  async main(ctx) {
    const name = shortName(ctx);
    const wrapper = name !== 'setarch';
    let arch: string | undefined = wrapper ? name : undefined;
    let argv = ctx.argv.slice(1);
    // setarch ARCH [options]: a first argument that is no option names the architecture
    if (!wrapper && argv[0] !== undefined && !argv[0].startsWith('-')) arch = argv.shift();
    let args;
    try {
      args = getopt(argv, OPTIONS, { posixOrder: true });
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await warnx(ctx, e.message);
      return tryHelp(ctx);
    }
    let verbose = false;
    let flags = 0;
    for (const { key } of args.order) {
      if (key === 'h') return ctx.print(help(wrapper, name)).then(() => 0);
      if (key === 'V') return ctx.print(`${utilLinuxVersion(name)}\n`).then(() => 0);
      if (key === 'v') verbose = true;
      else if (key === 'list') {
        if (!wrapper) return ctx.print(DOMAINS.map(([d]) => `${d}\n`).join('')).then(() => 0);
        await warnx(ctx, "unrecognized option '--list'");
        return tryHelp(ctx);
      } else if (key !== '4gb') {
        const [, , bit, label] = key === 'uname26' ? ['', '', UNAME26, 'UNAME26'] : FLAGS.find(([s]) => s === key)!;
        flags |= bit;
        if (verbose) await ctx.print(`Switching on ${label}.\n`);
      }
    }
    if (arch === undefined && !flags) {
      await warnx(ctx, 'no architecture argument or personality flags specified');
      return 1;
    }
    let pers = 0;
    if (arch !== undefined) {
      const dom = DOMAINS.find(([d]) => d === arch);
      if (!dom) {
        await warnx(ctx, `${arch}: Unrecognized architecture`);
        return 1;
      }
      pers = dom[1];
    }
    ctx.sys.personality(pers | flags);
    const command = args.operands;
    if (verbose) await ctx.print(`Execute command \`${command[0] ?? '/bin/sh'}'.\n`);
    await ctx.flush();
    if (command.length) {
      return execvp(ctx, command, ctx.env, async (e) => {
        await warnx(ctx, `failed to execute ${command[0]!}: ${strerror(e.errno)}`);
      });
    }
    // no program: /bin/sh as a login shell ("-sh")
    try {
      return await ctx.sys.exec('/bin/sh', ['-sh'], ctx.env);
    } catch (e) {
      if (!isSysError(e)) throw e;
      await warnx(ctx, `failed to execute /bin/sh: ${strerror(e.errno)}`);
      return e.errno === 'ENOENT' ? 127 : 126;
    }
  },
});
