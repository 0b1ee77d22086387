// sort --help, in our own words (option names are the real ones).
import { coreutilsHelpFooter, HELP_LINES } from '../lib/gnu';

export const SORT_HELP = `Write all lines of all FILEs, sorted, to standard output.

With no FILE, or when FILE is -, read standard input.

Long options take the same arguments as their short forms.
How to compare:

  -b, --ignore-leading-blanks  skip blanks at the start of keys
  -d, --dictionary-order      look only at blanks, letters and digits
  -f, --ignore-case           compare lower case letters as upper case
  -g, --general-numeric-sort  compare as floating point numbers
  -i, --ignore-nonprinting    look only at printable characters
  -M, --month-sort            compare (unknown) < 'JAN' < ... < 'DEC'
  -h, --human-numeric-sort    compare numbers with size suffixes (2K 1G)
  -n, --numeric-sort          compare as decimal numbers
  -R, --random-sort           shuffle, keeping equal keys together
      --random-source=FILE    take random bytes from FILE
  -r, --reverse               reverse the order
      --sort=WORD             compare as WORD says: general-numeric -g,
                                human-numeric -h, month -M, numeric -n,
                                random -R, version -V
  -V, --version-sort          compare numbers inside text as numbers

Other options:

      --batch-size=NMERGE   merge at most NMERGE inputs at once
  -c, --check, --check=diagnose-first  only check whether the input is sorted,
                              reporting the first line out of order
  -C, --check=quiet, --check=silent  like -c, without the report
      --compress-program=PROG  compress temporary files with PROG
      --debug               show which part of each line is compared
      --files0-from=F       take the input file names, each ended by a NUL
                            byte, from F (- for standard input)
  -k, --key=KEYDEF          sort on a key (see KEYDEF below)
  -m, --merge               merge files that are already sorted
  -o, --output=FILE         write the result to FILE (it may be an input)
  -s, --stable              keep equal lines in input order (no last-resort
                              comparison)
  -S, --buffer-size=SIZE    memory to use for the main buffer
  -t, --field-separator=SEP  fields are separated by SEP, not by blanks
  -T, --temporary-directory=DIR  put temporary files in DIR
      --parallel=N          run up to N sorts at once
  -u, --unique              print only the first line of each run of equal
                              lines; with -c, check that no two are equal
  -z, --zero-terminated     lines end with a NUL byte, not a newline
${HELP_LINES}

KEYDEF is F[.C][OPTS][,F[.C][OPTS]]: a start and an end position, where F is a
field number and C a character in that field, both counted from 1. The end
defaults to the end of the line. Without -t and -b, a field includes the blanks
before it. OPTS are ordering letters [bdfgiMhnRrV] for this key only.
Without any key, the whole line is the key.

SIZE may end with % (of memory), b, K (the default), M, G, T, P, E, Z or Y.

The locale decides the order; LC_ALL=C compares plain byte values.
${coreutilsHelpFooter('sort')}`;
