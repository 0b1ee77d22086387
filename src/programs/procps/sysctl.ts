// sysctl (procps-ng 4.0.4): reads and writes kernel parameters, which are the files under
// /proc/sys (the kernel's table, see kernel/sysctl-table.ts), by dotted name or slashed path.
// Options take effect in the order given: --system loads and applies at once.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError } from '../lib/getopt';
import { gnuRegexSource } from '../lib/gnu-regex';
import { SafeRegExp } from '../lib/safe-regex';
import { displayAll, parseLine, preload, preloadSystem, PROC_SYS, readSetting, writeList, writeSetting, type Setting, type SysctlState, warn } from './sysctl-settings';

const HELP = `
Usage:
 sysctl [options] [variable[=value] ...]

Options:
  -a, --all            display all variables
  -A                   alias of -a
  -X                   alias of -a
      --deprecated     include deprecated parameters to listing
      --dry-run        Print the key and values but do not write
  -b, --binary         print value without new line
  -e, --ignore         ignore unknown variables errors
  -N, --names          print variable names without values
  -n, --values         print only values of the given variable(s)
  -p, --load[=<file>]  read values from file
  -f                   alias of -p
      --system         read values from all system directories
  -r, --pattern <expression>
                       select setting that match expression
  -q, --quiet          do not echo variable set
  -w, --write          enable writing a value to variable
  -o                   does nothing
  -x                   does nothing
  -d                   alias of -h

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see sysctl(8).
`;

const OPTIONS = [
  { key: 'a', short: 'a', long: 'all' }, { key: 'a', short: 'A' }, { key: 'a', short: 'X' },
  { key: 'deprecated', long: 'deprecated' }, { key: 'dry', long: 'dry-run' }, { key: 'b', short: 'b', long: 'binary' },
  { key: 'e', short: 'e', long: 'ignore' }, { key: 'N', short: 'N', long: 'names' }, { key: 'n', short: 'n', long: 'values' },
  { key: 'p', short: 'p', long: 'load', arg: 'optional' as const }, { key: 'p', short: 'f', arg: 'optional' as const },
  { key: 'system', long: 'system' }, { key: 'r', short: 'r', long: 'pattern', arg: 'required' as const },
  { key: 'q', short: 'q', long: 'quiet' }, { key: 'w', short: 'w', long: 'write' }, { key: 'o', short: 'o' }, { key: 'o', short: 'x' },
  { key: 'h', short: 'h', long: 'help' }, { key: 'h', short: 'd' }, { key: 'V', short: 'V', long: 'version' },
];

/** xerrx with procps's "Try" line (backquoted, as sysctl prints it). */
async function fatal(ctx: Ctx, message: string): Promise<number> {
  await warn(ctx, `${message}\nTry \`sysctl --help' for more information.`);
  return 1;
}

export default defineProgram({
  name: 'sysctl',
  installPath: '/usr/sbin/sysctl',
  pkg: 'procps-ng',
  async main(ctx) {
    const argv = ctx.argv.slice(1);
    if (argv.length === 0) {
      await ctx.err.write(HELP);
      return 1;
    }
    let parsed;
    try {
      parsed = getopt(argv, OPTIONS);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await warn(ctx, e.message);
      // getopt's '?' shares the case of -h in sysctl.c: the usage goes to stdout, status 0
      await ctx.print(HELP);
      return 0;
    }
    const st: SysctlState = {
      nameOnly: false, printName: true, printNewline: true, ignoreError: false, quiet: false, dryRun: false,
      ignoreDeprecated: true, pattern: undefined,
    };
    let write = false;
    let all = false;
    let load = false;
    let loadFile: string | undefined;
    const list: Setting[] = [];
    for (const { key, value } of parsed.order) {
      switch (key) {
        case 'b': st.printNewline = false; st.printName = false; break;
        case 'n': st.printName = false; break;
        case 'e': st.ignoreError = true; break;
        case 'N': st.nameOnly = true; break;
        case 'w': write = true; break;
        case 'p': load = true; if (value) loadFile = value; break;
        case 'q': st.quiet = true; break;
        case 'a': all = true; break;
        case 'deprecated': st.ignoreDeprecated = false; break;
        case 'dry': st.dryRun = true; break;
        case 'r':
          try {
            st.pattern = new SafeRegExp(gnuRegexSource(value ?? '', 'extended'));
          } catch {
            // a pattern that does not compile matches nothing (regcomp failed)
            st.pattern = new SafeRegExp('(?!)');
          }
          break;
        case 'V': await ctx.print('sysctl from procps-ng 4.0.4\n'); return 0;
        case 'h': await ctx.print(HELP); return 0;
        case 'system': {
          // applied at once, with unknown keys ignored: later options have no effect
          st.ignoreError = true;
          const rc = await preloadSystem(ctx, st, list);
          return rc | (await writeList(ctx, st, list));
        }
        default: break;
      }
    }
    const operands = parsed.operands;
    if (all) return displayAll(ctx, st, PROC_SYS);
    if (load) {
      let rc = 0;
      if (loadFile !== undefined) rc |= await preload(ctx, st, list, loadFile);
      else if (operands.length === 0) rc |= await preload(ctx, st, list, '/etc/sysctl.conf');
      for (const f of operands) rc |= await preload(ctx, st, list, f);
      return rc | (await writeList(ctx, st, list));
    }
    if (operands.length === 0) return fatal(ctx, 'no variables specified');
    if (st.nameOnly && st.quiet) return fatal(ctx, 'options -N and -q cannot coexist');
    let rc = 0;
    for (const arg of operands) {
      await ctx.tick();
      if (write || arg.includes('=')) {
        const s = await parseLine(ctx, st, 'command line', 0, arg);
        rc |= s ? await writeSetting(ctx, st, s, s.path) : 1;
      } else rc += await readSetting(ctx, st, arg);
    }
    return rc & 0xff;
  },
});
