// makedb (glibc 2.36): builds databases for nss's db source, which Photon does not configure.
// Here: its options, argument checks and errors.
import { defineProgram } from '../define';
import { argpRun, argpStandard, BUG_REPORTS, glibcVersion, tryHelp } from './argp';

const MAKEDB_USAGE = `Usage: makedb [-?V] [-f FILE] [-g CHAR] [-o NAME] [-S KEY] [--fold-case]
            [--generated=CHAR] [--output=NAME] [--quiet] [--undo] [--help] [--usage]
            [--version] NAME
  or:  makedb [OPTION...] -o OUTPUT-FILE INPUT-FILE
  or:  makedb [OPTION...] -u INPUT-FILE
`;

const MAKEDB_HELP = `Usage: makedb [OPTION...] NAME
  or:  makedb [OPTION...] -o OUTPUT-FILE INPUT-FILE
  or:  makedb [OPTION...] -u INPUT-FILE
Build a simple database for nss's db source from text input.

  -f, --fold-case            make keys case-insensitive
  -g, --generated=CHAR       generate the database for key CHAR
  -o, --output=NAME          write the database to NAME
      --quiet                print no messages while building
  -S, --sort-key=KEY         sort the output by KEY
  -u, --undo                 print the contents of a database
  -?, --help                 show this help
      --usage                show a short usage message
  -V, --version              show the version

${BUG_REPORTS}`;

export default defineProgram({
  name: 'makedb',
  installPath: '/usr/bin/makedb',
  pkg: 'glibc',
  async main(ctx) {
    const r = await argpRun(ctx, 'makedb', [
      { key: 'f', short: 'f', long: 'fold-case' },
      { key: 'g', short: 'g', long: 'generated', arg: true },
      { key: 'o', short: 'o', long: 'output', arg: true },
      { key: 'quiet', long: 'quiet' },
      { key: 'S', short: 'S', long: 'sort-key', arg: true },
      { key: 'u', short: 'u', long: 'undo' },
    ], 64);
    if (typeof r === 'number') return r;
    if (await argpStandard(ctx, r, MAKEDB_HELP, MAKEDB_USAGE, glibcVersion('makedb', 'Ulrich Drepper'))) return 0;
    const undo = r.opts.some((o) => o.key === 'u');
    const out = r.opts.some((o) => o.key === 'o');
    const want = undo ? 1 : out ? 1 : 2;
    if (r.operands.length !== want) {
      await ctx.err.write(`makedb: wrong number of arguments\n${tryHelp('makedb')}`);
      return 64;
    }
    const input = r.operands[0]!;
    if (input !== '-') {
      try {
        await ctx.sys.stat(input);
      } catch {
        await ctx.err.write(`makedb: cannot open database file \`${input}': No such file or directory\n`);
        return 1;
      }
    }
    await ctx.err.write('makedb: writing nss databases is not supported on this machine\n');
    return 1;
  },
});
