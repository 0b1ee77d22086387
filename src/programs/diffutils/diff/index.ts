// diff (GNU diffutils 3.8): compares files line by line, or directories (-r walks them).
// Exit 0 when the inputs are the same, 1 when they differ, 2 on trouble.
import { SafeRegExp } from '../../lib/safe-regex';
import { defineProgram } from '../../define';
import { compileFnmatch } from '../../lib/fnmatch';
import { gnuRegexSource } from '../../lib/gnu-regex';
import { DiffUsage, parseDiffArgs, type DiffConfig } from './options';
import { Differ } from './compare';
import { DIFFUTILS_VERSION } from '../version';

const HELP = `Usage: diff [OPTION]... FILES
Compare FILES line by line.

  -q, --brief                   say only whether the files differ
  -s, --report-identical-files  also say when two files are the same
  -c, -C NUM, --context[=NUM]   context format, NUM (default 3) lines around changes
  -u, -U NUM, --unified[=NUM]   unified format, NUM (default 3) lines around changes
      --normal                  the classic format (the default)
  -y, --side-by-side            two columns
  -W, --width=NUM               at most NUM (default 130) columns with -y
  -L, --label LABEL             show LABEL instead of a file name and time
  -t, --expand-tabs             turn tabs into spaces in the output
  -T, --initial-tab             start each line with a tab, not a space
  -r, --recursive               compare subdirectories too
  -N, --new-file                treat a missing file as empty
  -x, --exclude=PAT             skip files whose names match PAT
  -i, --ignore-case             ignore differences in letter case
  -E, --ignore-tab-expansion    ignore differences caused by tab expansion
  -Z, --ignore-trailing-space   ignore white space at line end
  -b, --ignore-space-change     ignore changes in the amount of white space
  -w, --ignore-all-space        ignore all white space
  -B, --ignore-blank-lines      ignore changes whose lines are all blank
  -I, --ignore-matching-lines=RE  ignore changes whose lines all match RE
  -a, --text                    treat all files as text
  -d, --minimal                 try hard to find a smaller set of changes
      --help                    show this help and exit
  -v, --version                 show the version and exit

FILES are 'FILE1 FILE2', 'DIR1 DIR2', 'DIR FILE' or 'FILE DIR'.
A FILE of '-' means standard input.
Exit status is 0 if the inputs are the same, 1 if different, 2 if trouble.

Full documentation: <https://www.gnu.org/software/diffutils/>
or available locally via: info diff
`;

export default defineProgram({
  name: 'diff',
  installPath: '/usr/bin/diff',
  pkg: 'diffutils',
  async main(ctx, { operands }) {
    const tryHelp = async (msg: string): Promise<number> => {
      if (msg) await ctx.error(msg);
      await ctx.error(`Try '${ctx.name} --help' for more information.`);
      return 2;
    };
    let cfg: DiffConfig;
    let files: string[];
    try {
      ({ cfg, operands: files } = parseDiffArgs([...operands]));
    } catch (e) {
      if (e instanceof DiffUsage) return tryHelp(e.message);
      throw e;
    }
    if (cfg.help) {
      await ctx.print(HELP);
      return 0;
    }
    if (cfg.version) {
      await ctx.print(`${DIFFUTILS_VERSION('diff', 'Paul Eggert, Mike Haertel, David Hayes,\nRichard Stallman, and Len Tower.')}\n`);
      return 0;
    }
    const excluded = cfg.excludes.map((p) => compileFnmatch(p));
    for (const f of cfg.excludeFiles) {
      try {
        const text = new TextDecoder().decode(await ctx.sys.readFile(f));
        for (const line of text.split('\n')) if (line) excluded.push(compileFnmatch(line));
      } catch (e) {
        await ctx.perror(e, f);
        return 2;
      }
    }
    let ignoreRegex: SafeRegExp | undefined;
    if (cfg.ignoreRegex.length) {
      try {
        ignoreRegex = new SafeRegExp(cfg.ignoreRegex.map((r) => `(?:${gnuRegexSource(r, 'basic')})`).join('|'));
      } catch (e) {
        await ctx.error(`${cfg.ignoreRegex.join('\\|')}: ${(e as Error).message}`);
        return 2;
      }
    }
    let functionRegex: SafeRegExp | undefined;
    if (cfg.functionRegex.length) {
      try {
        functionRegex = new SafeRegExp(cfg.functionRegex.map((r) => `(?:${gnuRegexSource(r, 'basic')})`).join('|'));
      } catch (e) {
        await ctx.error(`${cfg.functionRegex.join('\\|')}: ${(e as Error).message}`);
        return 2;
      }
    }
    const d = new Differ(ctx, cfg, excluded, ignoreRegex, functionRegex);
    let status = 0;
    try {
      if (cfg.fromFile !== undefined || cfg.toFile !== undefined) {
        if (cfg.fromFile !== undefined && cfg.toFile !== undefined) {
          await ctx.error('--from-file and --to-file both specified');
          return 2;
        }
        for (const f of files) status = Math.max(status, await d.compare(undefined, cfg.fromFile ?? f, cfg.toFile ?? f, []));
      } else {
        if (files.length !== 2) return tryHelp(files.length < 2 ? `missing operand after '${operands[operands.length - 1] ?? ctx.name}'` : `extra operand '${files[2]}'`);
        status = await d.compare(undefined, files[0], files[1], []);
      }
    } catch (e) {
      if (e instanceof DiffUsage) {
        await d.flush();
        return 2;
      }
      throw e;
    }
    await d.flush();
    return status;
  },
});
