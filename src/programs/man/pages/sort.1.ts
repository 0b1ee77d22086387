export default String.raw`.TH SORT 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
sort \- sort lines of text files
.SH SYNOPSIS
.B sort
[\fIOPTION\fR]... [\fIFILE\fR]...
.br
.B sort
[\fIOPTION\fR]... \fB\-\-files0\-from=\fIF\fR
.SH DESCRIPTION
.B sort
writes the lines of all the
.I FILEs
(or of standard input) to standard output in sorted order. Without options
whole lines are compared as text in the collating order of the current
locale; when two lines compare equal by all keys, the whole line decides
as a last resort (unless
.BR \-s ).
Set
.B LC_ALL=C
to compare plain byte values.
.SH OPTIONS
.SS "Ordering"
.TP
.BR \-b ", " \-\-ignore\-leading\-blanks
Ignore blanks at the start of each key.
.TP
.BR \-d ", " \-\-dictionary\-order
Consider only blanks, letters and digits.
.TP
.BR \-f ", " \-\-ignore\-case
Fold lower case to upper case when comparing.
.TP
.BR \-g ", " \-\-general\-numeric\-sort
Compare as floating point numbers (accepts forms such as
.BR 1e3 ).
.TP
.BR \-i ", " \-\-ignore\-nonprinting
Consider only printable characters.
.TP
.BR \-M ", " \-\-month\-sort
Compare month names:
.BR JAN " < ... < " DEC ,
with unknown strings first.
.TP
.BR \-h ", " \-\-human\-numeric\-sort
Compare numbers with size suffixes, such as
.BR 2K " and " 1G
(as printed by
.B "du \-h"
or
.BR "df \-h" ).
.TP
.BR \-n ", " \-\-numeric\-sort
Compare by numeric value.
.TP
.BR \-R ", " \-\-random\-sort
Shuffle, but keep lines with equal keys together.
.TP
.BI \-\-random\-source= FILE
Get random bytes from
.IR FILE .
.TP
.BR \-r ", " \-\-reverse
Reverse the result of comparisons.
.TP
.BI \-\-sort= WORD
Sort as
.I WORD
says:
.BR general\-numeric ", " human\-numeric ", " month ", " numeric ", " random " or " version .
.TP
.BR \-V ", " \-\-version\-sort
Compare the numbers inside text as numbers, so that
.B file2
comes before
.BR file10 .
.SS "Other options"
.TP
.BI \-\-batch\-size= NMERGE
Merge at most
.I NMERGE
inputs at once.
.TP
.BR \-c ", " \-\-check ", " \-\-check=diagnose\-first
Do not sort; only check whether the input is sorted, reporting the first
line out of order.
.TP
.BR \-C ", " \-\-check=quiet ", " \-\-check=silent
Like
.BR \-c ,
without any message.
.TP
.BI \-\-compress\-program= PROG
Compress temporary files with
.IR PROG .
.TP
.B \-\-debug
Underline the part of each line used for sorting and warn about
questionable usage.
.TP
.BI \-\-files0\-from= F
Read the input file names from
.IR F ,
each ended by a NUL byte.
.TP
.BI \-k " KEYDEF" "\fR, \fB\-\-key=" KEYDEF
Sort on a key (see below); several keys are tried in order.
.TP
.BR \-m ", " \-\-merge
Merge files that are already sorted, without sorting them.
.TP
.BI \-o " FILE" "\fR, \fB\-\-output=" FILE
Write the result to
.IR FILE ;
it may be one of the inputs.
.TP
.BR \-s ", " \-\-stable
Keep lines with equal keys in input order (no last\-resort comparison).
.TP
.BI \-S " SIZE" "\fR, \fB\-\-buffer\-size=" SIZE
Use
.I SIZE
of memory for the main buffer.
.TP
.BI \-t " SEP" "\fR, \fB\-\-field\-separator=" SEP
Fields are separated by the character
.I SEP
instead of by the change from non\-blank to blank.
.TP
.BI \-T " DIR" "\fR, \fB\-\-temporary\-directory=" DIR
Put temporary files in
.IR DIR .
.TP
.BI \-\-parallel= N
Run up to
.I N
sorts at once.
.TP
.BR \-u ", " \-\-unique
Print only the first of each run of lines with equal keys; with
.BR \-c ,
also check that no two lines are equal.
.TP
.BR \-z ", " \-\-zero\-terminated
Lines end with a NUL byte, not a newline.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SS "Keys"
.I KEYDEF
is
.IR F [. C ][ OPTS ][, F [. C ][ OPTS ]],
a start and an end position. F is a field number and C a character within
the field, both counted from 1; the end defaults to the end of the line.
Without
.B \-t
and
.BR \-b ,
a field includes the blanks in front of it.
.I OPTS
are ordering letters
.RB ( bdfgiMhnRrV )
that apply to this key only, overriding the global ones.
.PP
.I SIZE
may end with
.B %
(of memory) or a unit
.BR b ", " K " (the default), " M ", " G ", " T ", ..."
.SH "EXIT STATUS"
0 on success; 1 when
.B \-c
or
.B \-C
finds unsorted input; 2 on an error.
.SH EXAMPLES
.TP
.B "sort \-t: \-k3,3n /etc/passwd"
List the accounts by numeric UID.
.TP
.B "du \-sh /var/* | sort \-h"
Show the directories of /var from smallest to largest.
.TP
.B "sort \-u \-o users.txt users.txt"
Sort a file in place and drop duplicate lines.
.TP
.B "ps \-eo comm= | sort | uniq \-c | sort \-rn | head"
Show the commands with the most processes.
.SH "SEE ALSO"
.BR uniq (1),
.BR comm (1),
.BR join (1),
.BR shuf (1)
`;
