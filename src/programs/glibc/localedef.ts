// localedef (glibc 2.36): compiles locale sources. Photon's minimal install has no sources (they
// ship in glibc-i18n) and no locale archive, so here it lists an empty archive and reports the
// errors the real tool gives for missing input; its options are parsed as the real one does.
import { defineProgram } from '../define';
import { argpRun, argpStandard, BUG_REPORTS, glibcVersion, tryHelp } from './argp';

const LOCALEDEF_USAGE = `Usage: localedef [-cv?V] [-f FILE] [-i FILE] [-u FILE] [-A FILE]
            [--charmap=FILE] [--inputfile=FILE] [--repertoire-map=FILE]
            [--force] [--no-hard-links] [--no-warnings=<warnings>] [--posix]
            [--prefix=PATH] [--quiet] [--verbose] [--warnings=<warnings>]
            [--add-to-archive] [--alias-file=FILE] [--big-endian]
            [--delete-from-archive] [--list-archive] [--little-endian]
            [--no-archive] [--replace] [--help] [--usage] [--version] NAME
  or:  localedef [OPTION...] [--add-to-archive|--delete-from-archive] FILE...
  or:  localedef [OPTION...] --list-archive [FILE]
`;

const LOCALEDEF_HELP = `Usage: localedef [OPTION...] NAME
  or:  localedef [OPTION...] [--add-to-archive|--delete-from-archive] FILE...
  or:  localedef [OPTION...] --list-archive [FILE]
Compile a locale definition into the binary form programs load.

 Input files:
  -f, --charmap=FILE         character map to use
  -i, --inputfile=FILE       locale definition to compile
  -u, --repertoire-map=FILE  map of symbolic names to UCS4 values

 Output control:
  -c, --force                write output even after warnings
      --no-hard-links        do not link identical files together
      --posix                follow POSIX strictly
      --prefix=PATH          directory to put before the output path
      --quiet                say nothing about warnings and notes
  -v, --verbose              say more
      --no-warnings=<warnings>   turn these warnings off
      --warnings=<warnings>  turn these warnings on

 Archive control:
  -A, --alias-file=FILE      locale alias file to read
      --add-to-archive       add the named locales to the archive
      --big-endian           write big-endian output
      --delete-from-archive  remove the named locales from the archive
      --list-archive         list the locales in the archive
      --little-endian        write little-endian output
      --no-archive           write a directory, not the archive
      --replace              replace locales already in the archive

  -?, --help                 show this help
      --usage                show a short usage message
  -V, --version              show the version

${BUG_REPORTS}`;

export default defineProgram({
  name: 'localedef',
  installPath: '/usr/bin/localedef',
  pkg: 'glibc',
  async main(ctx) {
    const r = await argpRun(ctx, 'localedef', [
      { key: 'f', short: 'f', long: 'charmap', arg: true },
      { key: 'i', short: 'i', long: 'inputfile', arg: true },
      { key: 'u', short: 'u', long: 'repertoire-map', arg: true },
      { key: 'A', short: 'A', long: 'alias-file', arg: true },
      { key: 'c', short: 'c', long: 'force' },
      { key: 'v', short: 'v', long: 'verbose' },
      { key: 'no-hard-links', long: 'no-hard-links' },
      { key: 'no-warnings', long: 'no-warnings', arg: true },
      { key: 'warnings', long: 'warnings', arg: true },
      { key: 'posix', long: 'posix' },
      { key: 'prefix', long: 'prefix', arg: true },
      { key: 'quiet', long: 'quiet' },
      { key: 'add-to-archive', long: 'add-to-archive' },
      { key: 'delete-from-archive', long: 'delete-from-archive' },
      { key: 'list-archive', long: 'list-archive' },
      { key: 'big-endian', long: 'big-endian' },
      { key: 'little-endian', long: 'little-endian' },
      { key: 'no-archive', long: 'no-archive' },
      { key: 'replace', long: 'replace' },
    ], 4);
    if (typeof r === 'number') return r;
    if (await argpStandard(ctx, r, LOCALEDEF_HELP, LOCALEDEF_USAGE, glibcVersion('localedef', 'Ulrich Drepper'))) return 0;
    const has = (k: string): boolean => r.opts.some((o) => o.key === k);
    if (has('list-archive')) {
      const file = r.operands[0];
      if (file === undefined) return 0; // no archive on this machine: nothing to list
      try {
        await ctx.sys.stat(file);
      } catch {
        await ctx.err.write(`cannot open locale archive "${file}": No such file or directory\n`);
        return 1;
      }
      return 0;
    }
    if (has('add-to-archive')) {
      for (const path of r.operands) {
        await ctx.print(`Adding ${path}\n`);
        try {
          await ctx.sys.stat(path);
        } catch {
          await ctx.out.flush();
          await ctx.err.write(`stat of "${path}" failed: No such file or directory: ignored\n`);
        }
      }
      return 0;
    }
    if (has('delete-from-archive')) {
      // the archive holds no locales here
      for (const name of r.operands) await ctx.err.write(`locale "${name}" not in archive\n`);
      return 0;
    }
    if (r.operands.length !== 1) {
      await ctx.print(tryHelp('localedef'));
      return 4;
    }
    // the character maps and locale sources are in glibc-i18n, which the minimal install lacks
    const charmap = r.opts.filter((o) => o.key === 'f').pop()?.value;
    if (charmap === undefined) {
      await ctx.err.write("[error] default character map file `ANSI_X3.4-1968' not found: No such file or directory\n");
      return 4;
    }
    await ctx.err.write(`[error] character map file \`${charmap}' not found: No such file or directory\n[error] cannot read character map directory \`/usr/share/i18n/charmaps': No such file or directory\n`);
    return 1;
  },
});

