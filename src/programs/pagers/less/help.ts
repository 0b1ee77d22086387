// The help screen of our less (the h command and less --help), in the project's own words.
// Key names and option letters are those of less 608.

export const LESS_VERSION = `less 608 (POSIX regular expressions)
Copyright (C) 1984-2022  Mark Nudelman

less comes with NO WARRANTY, to the extent permitted by law.
For information about the terms of redistribution,
see the file named README in the less distribution.
Home page: https://greenwoodsoftware.com/less
`;

export const LESS_HELP = `
                   SUMMARY OF LESS COMMANDS

      A number N typed before a command changes what it does (shown
      in parentheses). Commands marked * take such a number.

  h  H                 Show this help.
  q  :q  Q  :Q  ZZ     Leave less.
 ---------------------------------------------------------------------------

                           MOVING

  e  ^E  j  ^N  CR  *  Down one line (or N lines).
  y  ^Y  k  ^K  ^P  *  Up one line (or N lines).
  f  ^F  ^V  SPACE  *  Down one screen (or N lines).
  b  ^B  ESC-v      *  Up one screen (or N lines).
  d  ^D             *  Down half a screen (N becomes the new half).
  u  ^U             *  Up half a screen (N becomes the new half).
  ESC-)  RightArrow *  Shift the view right by half a screen width.
  ESC-(  LeftArrow  *  Shift the view left by half a screen width.
  r  ^R  ^L  R         Draw the screen again.
 ---------------------------------------------------------------------------

                          SEARCHING

  /pattern          *  Find the next line matching the pattern.
  ?pattern          *  Find an earlier line matching the pattern.
  n                 *  Repeat the last search.
  N                 *  Repeat the last search the other way.
  ESC-u                Turn the highlighting of matches off and on.

  Patterns are extended regular expressions. An empty pattern
  repeats the previous one. Ctrl-C stops a search that takes long.
 ---------------------------------------------------------------------------

                           JUMPING

  g  <  ESC-<       *  To the first line (or line N).
  G  >  ESC->       *  To the last line (or line N).
  p  %              *  To N percent of the way through the file.
 ---------------------------------------------------------------------------

                        CHANGING FILES

  :n                   Show the next file named on the command line.
  :p                   Show the previous file.
  :x                   Show the first file again.
  =  ^G  :f            Tell which file, which lines and how far in.
 ---------------------------------------------------------------------------

                    OPTIONS (also in $LESS)

  -F  --quit-if-one-screen   Leave at once when the text fits the screen.
  -i  --ignore-case          Searches ignore case unless the pattern has
                             capitals; -I ignores case always.
  -N  --LINE-NUMBERS         Number the lines.
  -R  --RAW-CONTROL-CHARS    Show colour sequences as colours.
  -S  --chop-long-lines      Cut long lines instead of wrapping them.
  -X  --no-init              Keep the normal screen (no alternate screen).
  -E  -e                     Leave at the (second) end of the file.
  -s  --squeeze-blank-lines  Show runs of blank lines as one.
  -x N  --tabs=N             Tab stops every N columns.
  -m  -M  -Pprompt           Longer prompts, or a prompt of your own.
  +cmd                       Run cmd first: +G ends at the bottom,
                             +/word starts at the first match.

  While less runs, -N, -S and -i followed by the letter switch that
  option on or off.
`;
