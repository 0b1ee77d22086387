// The man page formatter against groff 1.22.4 as man-db 2.11 runs it (LANG=C, --nh: we
// do not hyphenate): each expected text was captured from `man --nh -l` with MANWIDTH set,
// and with MAN_KEEP_FORMATTING=1 GROFF_SGR=1 for the SGR case.
import { describe, expect, it } from 'vitest';
import { formatMan, lineLength } from '../../../src/programs/man/roff/format';

interface Case {
  id: string;
  width: number;
  sgr: boolean;
  adjust: boolean;
  source: string;
  expected: string;
}

const CASES: Case[] = [
  {
    id: "header, NAME and a justified paragraph",
    width: 80,
    sgr: false,
    adjust: true,
    source: ".TH LS 1 \"April 2022\" \"GNU coreutils 9.1\" \"User Commands\"\n.SH NAME\nls \\- list directory contents\n.SH DESCRIPTION\nList information about the FILEs (the current directory by default).\nSort entries alphabetically if none of\n.B \\-cftuvSUX\nnor\n.B \\-\\-sort\nis specified.  A third sentence ends here.  And a fourth one follows to make the paragraph wrap over several lines.\n",
    expected: "LS(1)                            User Commands                           LS(1)\n\nNAME\n       ls - list directory contents\n\nDESCRIPTION\n       List  information  about  the FILEs (the current directory by default).\n       Sort  entries  alphabetically  if  none  of  -cftuvSUX  nor  --sort  is\n       specified.   A  third  sentence ends here.  And a fourth one follows to\n       make the paragraph wrap over several lines.\n\nGNU coreutils 9.1                 April 2022                             LS(1)\n",
  },
  {
    id: "default centre title by section, empty footer parts",
    width: 80,
    sgr: false,
    adjust: true,
    source: ".TH useradd 8\n.SH NAME\nuseradd \\- create a new user\n",
    expected: "useradd(8)                  System Manager's Manual                 useradd(8)\n\nNAME\n       useradd - create a new user\n\n                                                                    useradd(8)\n",
  },
  {
    id: "TP tags: fitting, too wide, new indent, PD 0",
    width: 80,
    sgr: false,
    adjust: true,
    source: ".TH T 1 2024-01-01 \"T 1.0\"\n.SH OPTIONS\n.TP\n.B \\-l\nshort tag shares the line\n.TP\n.BR \\-a \", \" \\-\\-all\nlong tag takes a line of its own\n.TP 4\n\\-x\na narrower indent of four\n.TP\n\\-yz\nthe indent stays four\n.PP\n.PD 0\n.TP\n.B \\-p\nno blank line\n.TP\n.B \\-q\nbefore these\n.PD\n",
    expected: "T(1)                        General Commands Manual                       T(1)\n\nOPTIONS\n       -l     short tag shares the line\n\n       -a, --all\n              long tag takes a line of its own\n\n       -x  a narrower indent of four\n\n       -yz the indent stays four\n\n       -p     no blank line\n       -q     before these\n\nT 1.0                             2024-01-01                              T(1)\n",
  },
  {
    id: "IP, HP, RS/RE nesting and indents",
    width: 80,
    sgr: false,
    adjust: true,
    source: ".TH T 1\n.SH DESCRIPTION\n.IP \\-q 4\nitem with a tag\n.IP\nitem without a tag\n.RS\nnested once\n.RS 3\nnested twice by three\n.RE\nback to once\n.RE\nback to the margin\n.HP\na hanging paragraph long enough to wrap onto a second line so that the hanging indent shows\n",
    expected: "T(1)                        General Commands Manual                       T(1)\n\nDESCRIPTION\n       -q  item with a tag\n\n           item without a tag\n           nested once\n              nested twice by three\n           back to once\n       back to the margin\n\n       a  hanging paragraph long enough to wrap onto a second line so that the\n           hanging indent shows\n\n                                                                          T(1)\n",
  },
  {
    id: "no-fill blocks, tabs and leading spaces",
    width: 80,
    sgr: false,
    adjust: true,
    source: ".TH T 1\n.SH EXAMPLES\n.nf\na\tb\tc\n  indented   spaces kept\n.fi\nfilled again\n    a line with leading spaces breaks\n.EX\nexample block\n.EE\n",
    expected: "T(1)                        General Commands Manual                       T(1)\n\nEXAMPLES\n       a    b    c\n         indented   spaces kept\n       filled again\n           a line with leading spaces breaks\n       example block\n\n                                                                          T(1)\n",
  },
  {
    id: "fonts, escapes and special characters",
    width: 80,
    sgr: false,
    adjust: true,
    source: ".TH T 1\n.SH NAME\nt \\- fonts \\fBbold\\fR \\fIitalic\\fP \\fBb\\fIi\\fPb\\fR \\f(BIboth\\fR and \\e backslash\n.SH TEXT\nQuotes \\(lqhere\\(rq, dash \\(em and \\- minus, \\(aqapostrophe\\(aq, x\\~y, \\&.dot, \\(co.\n.BI \\-\\-file= name\n.IR italic \" roman\"\n.RB [ \\-v ]\n",
    expected: "T(1)                        General Commands Manual                       T(1)\n\nNAME\n       t - fonts bold italic bib both and \\ backslash\n\nTEXT\n       Quotes  \"here\",  dash  --  and  -  minus, 'apostrophe', x y, .dot, (C).\n       --file=name italic roman [-v]\n\n                                                                          T(1)\n",
  },
  {
    id: "SS headings, .sp, blank lines squeezed, no-space after headings",
    width: 80,
    sgr: false,
    adjust: true,
    source: ".TH T 1\n.SH FIRST\n.PP\nno blank line between heading and paragraph\n.SS \"A subsection\"\n.sp\ntext\n\n.sp 3\nafter several blank lines\n.SH SECOND\nlast\n",
    expected: "T(1)                        General Commands Manual                       T(1)\n\nFIRST\n       no blank line between heading and paragraph\n\n   A subsection\n       text\n\n       after several blank lines\n\nSECOND\n       last\n\n                                                                          T(1)\n",
  },
  {
    id: "narrow terminal (40 columns)",
    width: 40,
    sgr: false,
    adjust: true,
    source: ".TH GREP 1 \"2022-09\" \"GNU grep 3.8\" \"User Commands\"\n.SH NAME\ngrep \\- print lines that match patterns\n.SH DESCRIPTION\n.B grep\nsearches for PATTERNS in each FILE and prints each line that matches a pattern.\n.TP\n.BR \\-i \", \" \\-\\-ignore\\-case\nIgnore case distinctions in patterns and input data.\n",
    expected: "GREP(1)      User Commands     GREP(1)\n\nNAME\n       grep  -  print lines that match\n       patterns\n\nDESCRIPTION\n       grep searches for  PATTERNS  in\n       each  FILE and prints each line\n       that matches a pattern.\n\n       -i, --ignore-case\n              Ignore case distinctions\n              in  patterns  and  input\n              data.\n\nGNU grep 3.8    2022-09        GREP(1)\n",
  },
  {
    id: "wide terminal (120 columns)",
    width: 120,
    sgr: false,
    adjust: true,
    source: ".TH T 1 \"\" \"\" \"Manual\"\n.SH DESCRIPTION\nA paragraph of text that is long enough to need more than one line even on a wide terminal of one hundred and twenty columns.\n",
    expected: "T(1)                                                    Manual                                                   T(1)\n\nDESCRIPTION\n       A  paragraph of text that is long enough to need more than one line even on a wide terminal of one hundred and\n       twenty columns.\n\n                                                                                                                 T(1)\n",
  },
  {
    id: "bold and underline as grotty SGR sequences",
    width: 80,
    sgr: true,
    adjust: true,
    source: ".TH LS 1 \"April 2022\" \"GNU coreutils 9.1\" \"User Commands\"\n.SH SYNOPSIS\n.B ls\n[\\fIOPTION\\fR]... [\\fIFILE\\fR]...\n.SH OPTIONS\n.TP\n.BR \\-a \", \" \\-\\-all\ndo not ignore entries starting with .\n.TP\n.BI \\-\\-block\\-size= SIZE\nscale sizes by \\fBSIZE\\fR \\fIwhen \\fBprinting\\fR them\n",
    expected: "LS(1)                            User Commands                           LS(1)\n\n\u001b[1mSYNOPSIS\u001b[0m\n       \u001b[1mls \u001b[22m[\u001b[4mOPTION\u001b[24m]... [\u001b[4mFILE\u001b[24m]...\n\n\u001b[1mOPTIONS\u001b[0m\n       \u001b[1m-a\u001b[22m, \u001b[1m--all\u001b[0m\n              do not ignore entries starting with .\n\n       \u001b[1m--block-size=\u001b[4m\u001b[22mSIZE\u001b[0m\n              scale sizes by \u001b[1mSIZE \u001b[4m\u001b[22mwhen\u001b[24m \u001b[1mprinting \u001b[22mthem\n\nGNU coreutils 9.1                 April 2022                             LS(1)\n",
  },
  {
    id: "no justification (--nj)",
    width: 80,
    sgr: false,
    adjust: false,
    source: ".TH T 1\n.SH DESCRIPTION\nA paragraph of text long enough to wrap, which with justification off keeps single spaces between words on every line.\n",
    expected: "T(1)                        General Commands Manual                       T(1)\n\nDESCRIPTION\n       A paragraph of text long enough to wrap, which with justification off\n       keeps single spaces between words on every line.\n\n                                                                          T(1)\n",
  },
  {
    id: "breaks after a hyphen between letters only",
    width: 80,
    sgr: false,
    adjust: true,
    source: ".TH T 1\n.SH D\naaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm ab-cdefgh tail\n.br\naaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm a-b-c-d-e-f tail\n.br\naaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm 19-012345 tail\n.br\naaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm x\\(emyyyyyy tail\n.br\naaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm ab\\-cdefgh tail\n",
    expected: "T(1)                        General Commands Manual                       T(1)\n\nD\n       aaaa  bbbb  cccc  dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm ab-\n       cdefgh tail\n       aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm a-b-c-\n       d-e-f tail\n       aaaa  bbbb  cccc  dddd  eeee  ffff  gggg  hhhh iiii jjjj kkkk llll mmmm\n       19-012345 tail\n       aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk  llll  mmmm  x--\n       yyyyyy tail\n       aaaa  bbbb  cccc  dddd  eeee  ffff  gggg  hhhh iiii jjjj kkkk llll mmmm\n       ab-cdefgh tail\n\n                                                                          T(1)\n",
  },
  {
    id: "trailing spaces, and a word too long to break",
    width: 60,
    sgr: false,
    adjust: true,
    source: ".TH T 1\n.SH D\n.RS\n.IB name : password : lastchg : min : max : warn : inactive : expire\n.RE\nThe text after it is adjusted from the other side, as groff alternates after every break.\n.BI \"[sudo] password for \" user \": \"\nread from the terminal.\n",
    expected: "T(1)              General Commands Manual             T(1)\n\nD\n              name:password:lastchg:min:max:warn:inactive:expire\n       The text after it is adjusted from the other  side,\n       as  groff  alternates  after  every  break.  [sudo]\n       password for user: read from the terminal.\n\n                                                      T(1)\n",
  },
];

describe('roff formatter', () => {
  it.each(CASES.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const text = formatMan(c.source, { width: lineLength(c.width), sgr: c.sgr, adjust: c.adjust }).text;
    expect(text).toBe(c.expected);
  });
});

describe('line length man-db asks for', () => {
  it.each([
    [30, 28], [40, 38], [41, 39], [60, 58], [79, 77], [80, 78], [81, 78], [100, 97], [120, 117], [200, 195],
  ])('%i columns -> %i', (cols, want) => {
    expect(lineLength(cols)).toBe(want);
  });
});
