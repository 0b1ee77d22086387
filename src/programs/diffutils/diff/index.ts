// diff (GNU diffutils 3.8): compares files line by line, or directories (-r walks them).
// Exit 0 when the inputs are the same, 1 when they differ, 2 on trouble.
import { defineProgram } from '../../define';
import { runDiff } from './run';

const HELP = `Usage: diff [OPTION]... FILES
Compare FILES line by line.

  -q, --brief                   say only whether the files differ
  -s, --report-identical-files  also say when two files are the same
  -c, -C NUM, --context[=NUM]   context format, NUM (default 3) lines around changes
  -u, -U NUM, --unified[=NUM]   unified format, NUM (default 3) lines around changes
      --normal                  the classic format (the default)
  -y, --side-by-side            two columns
  -D, --ifdef=NAME              one merged file, changes inside '#ifdef NAME'
      --line-format=LFMT        print every line with LFMT
      --LTYPE-line-format=LFMT  print LTYPE (old, new, unchanged) lines with LFMT
      --GTYPE-group-format=GFMT  print GTYPE (old, new, changed, unchanged)
                                runs of lines with GFMT
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
  main: (ctx, { operands }) => runDiff(ctx, [...operands], HELP),
});
