export default String.raw`.TH GREP 1 "2022-09" "GNU grep 3.8" "User Commands"
.SH NAME
grep, egrep, fgrep \- print lines that match patterns
.SH SYNOPSIS
.B grep
[\fIOPTION\fR...] \fIPATTERNS\fR [\fIFILE\fR...]
.br
.B grep
[\fIOPTION\fR...] \fB\-e\fR \fIPATTERNS\fR ... [\fIFILE\fR...]
.br
.B grep
[\fIOPTION\fR...] \fB\-f\fR \fIPATTERN_FILE\fR ... [\fIFILE\fR...]
.SH DESCRIPTION
.B grep
reads each
.I FILE
and writes out the lines that contain a match for any of the
.IR PATTERNS .
PATTERNS is one or more patterns separated by newlines; a line is selected
when at least one of them matches somewhere in it.
A
.I FILE
of
.B \-
stands for standard input.
With no FILE, grep reads standard input, except that a recursive search
(\fB\-r\fR) with no FILE searches the working directory.
When more than one file is searched, each output line starts with the name
of the file it came from.
.PP
.B egrep
and
.B fgrep
are kept only for old scripts: they are small shell scripts that run
.B "grep \-E"
and
.B "grep \-F"
respectively. Write those forms instead.
.SH OPTIONS
.SS "Choosing the pattern syntax"
.TP
.BR \-G ", " \-\-basic\-regexp
Read PATTERNS as basic regular expressions (BRE). This is the default.
.TP
.BR \-E ", " \-\-extended\-regexp
Read PATTERNS as extended regular expressions (ERE), where
.BR + ", " ? ", " | ", " ( ", " ) " and " { }
are special without a backslash.
.TP
.BR \-F ", " \-\-fixed\-strings
Treat PATTERNS as literal strings; no character is special.
.TP
.BR \-P ", " \-\-perl\-regexp
Read PATTERNS as Perl\-compatible regular expressions.
.SS "Matching control"
.TP
.BI \-e " PATTERNS" "\fR, \fB\-\-regexp=" PATTERNS
Use
.I PATTERNS
as the patterns. May be given several times; a pattern that starts with
.B \-
can be protected this way.
.TP
.BI \-f " FILE" "\fR, \fB\-\-file=" FILE
Read patterns from
.IR FILE ,
one per line. An empty file supplies no patterns and so matches nothing.
.TP
.BR \-i ", " \-\-ignore\-case
Let letters match regardless of case, in both the patterns and the input.
.B \-y
is an old spelling of the same option.
.TP
.B \-\-no\-ignore\-case
Letters match only their own case (the default); cancels an earlier
.BR \-i .
.TP
.BR \-v ", " \-\-invert\-match
Select the lines that do
.B not
match.
.TP
.BR \-w ", " \-\-word\-regexp
A match counts only when it forms a whole word: the characters just before
and after it must not be letters, digits or underscores.
.TP
.BR \-x ", " \-\-line\-regexp
A match counts only when it covers the entire line.
.SS "General output control"
.TP
.BR \-c ", " \-\-count
Instead of the lines, print how many lines were selected in each file.
.TP
.BR \-\-color "[=\fIWHEN\fR], " \-\-colour "[=\fIWHEN\fR]"
Highlight the matched text, file names and line numbers with terminal color
sequences.
.I WHEN
is
.BR never ", " always " or " auto
(color only when writing to a terminal).
.TP
.BR \-L ", " \-\-files\-without\-match
Print only the names of files in which no line was selected.
.TP
.BR \-l ", " \-\-files\-with\-matches
Print only the names of files that have at least one selected line; each
file stops being read at its first match.
.TP
.BI \-m " NUM" "\fR, \fB\-\-max\-count=" NUM
Stop reading a file after
.I NUM
selected lines.
.TP
.BR \-o ", " \-\-only\-matching
Print only the matched parts of each line, each on a line of its own.
.TP
.BR \-q ", " \-\-quiet ", " \-\-silent
Print nothing at all; exit with status 0 as soon as a match is found, even
if an error was seen.
.TP
.BR \-s ", " \-\-no\-messages
Do not report files that are missing or unreadable.
.SS "Output line prefix control"
.TP
.BR \-b ", " \-\-byte\-offset
Print the 0\-based byte offset of each output line (or, with
.BR \-o ,
of the match) before it.
.TP
.BR \-H ", " \-\-with\-filename
Print the file name for each match; the default when there are several files.
.TP
.BR \-h ", " \-\-no\-filename
Never print file names in front of output lines.
.TP
.BI \-\-label= LABEL
Show
.I LABEL
as the file name for input read from standard input.
.TP
.BR \-n ", " \-\-line\-number
Print the 1\-based line number of each output line before it.
.TP
.BR \-T ", " \-\-initial\-tab
Put a tab before the line content so that it lines up after the prefixes.
.TP
.BR \-Z ", " \-\-null
End each printed file name with a NUL byte instead of the usual
character, so that names with odd characters can be handled by
.B "xargs \-0"
and similar tools.
.SS "Context line control"
.TP
.BI \-A " NUM" "\fR, \fB\-\-after\-context=" NUM
Also print
.I NUM
lines that follow each selected line.
.TP
.BI \-B " NUM" "\fR, \fB\-\-before\-context=" NUM
Also print
.I NUM
lines that come before each selected line.
.TP
.BI \-C " NUM" "\fR, \fB\-" NUM "\fR, \fB\-\-context=" NUM
Print
.I NUM
lines of context on both sides.
.TP
.BI \-\-group\-separator= SEP
Put
.I SEP
between groups of context lines instead of
.BR \-\- .
.TP
.B \-\-no\-group\-separator
Print nothing between groups of context lines.
.SS "File and directory selection"
.TP
.BR \-a ", " \-\-text
Process a binary file as if it were text; same as
.BR \-\-binary\-files=text .
.TP
.BI \-\-binary\-files= TYPE
How to treat files that look binary (they contain NUL bytes or invalid
encoding).
.B binary
(the default) prints a one\-line notice instead of the matching lines;
.B text
prints them anyway;
.B without\-match
treats such files as not matching.
.TP
.B \-I
Same as
.BR \-\-binary\-files=without\-match .
.TP
.BI \-D " ACTION" "\fR, \fB\-\-devices=" ACTION
For devices, FIFOs and sockets:
.B read
them (the default) or
.B skip
them.
.TP
.BI \-d " ACTION" "\fR, \fB\-\-directories=" ACTION
For a directory given as input:
.B read
it (which reports an error),
.B skip
it silently, or
.B recurse
into it like
.BR \-r .
.TP
.BI \-\-exclude= GLOB
Skip files whose base name (or name as given on the command line) matches
the wildcard
.IR GLOB .
.TP
.BI \-\-exclude\-from= FILE
Skip files matching any of the wildcards listed in
.IR FILE .
.TP
.BI \-\-exclude\-dir= GLOB
During a recursive search, do not descend into directories whose name
matches
.IR GLOB .
.TP
.BI \-\-include= GLOB
Search only the files whose base name matches
.IR GLOB .
.TP
.BR \-r ", " \-\-recursive
Read every file under each directory operand. Symbolic links met inside
the tree are not followed; those named on the command line are.
.TP
.BR \-R ", " \-\-dereference\-recursive
Like
.BR \-r ,
but follow every symbolic link.
.SS "Other options"
.TP
.B \-\-line\-buffered
Flush the output after every line.
.TP
.BR \-U ", " \-\-binary
Accepted for compatibility; it changes nothing on GNU/Linux.
.TP
.BR \-z ", " \-\-null\-data
Treat input and output lines as ending in a NUL byte rather than a newline.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "REGULAR EXPRESSIONS"
In both syntaxes,
.B .
matches any character,
.B [...]
a bracket expression (with classes such as
.BR [:digit:] ", " [:alpha:] " and " [:space:] ),
.B ^
and
.B $
the start and end of the line, and
.B *
any number of the preceding item.
Extended syntax adds
.B +
(one or more),
.B ?
(optional),
.B {n,m}
(a repeat count),
.B |
(alternation) and
.B ( )
(grouping); in basic syntax the same operators are written with a backslash
in front, as
.BR "\e+ \e? \e{n,m\e} \e| \e( \e)" .
.B \e<
and
.B \e>
match at the start and end of a word,
.B \ew
matches a word character and
.B \e1
to
.B \e9
refer back to the text a group matched.
.SH "EXIT STATUS"
0 if a line was selected, 1 if no line was selected, and 2 if an error
occurred. With
.B \-q
and a selected line, the status is 0 even after an error.
.SH ENVIRONMENT
.TP
.B GREP_COLORS
Which colors
.B \-\-color
uses for each part of the output.
.TP
.B LC_ALL\fR, \fBLC_CTYPE\fR, \fBLANG
The locale decides which bytes form characters and letters.
.SH EXAMPLES
.TP
.B "grep \-n root /etc/passwd /etc/group"
Show every line that mentions root in the two account files, with its file
name and line number.
.TP
.B "grep \-v '^#' /etc/ssh/sshd_config | grep \-v '^$'"
Print only the active settings of the SSH daemon configuration.
.TP
.B "grep \-rl PermitRootLogin /etc/ssh"
List the files under /etc/ssh that contain PermitRootLogin.
.TP
.B "journalctl \-b | grep \-Eic 'error|fail'"
Count the log lines of this boot that mention errors or failures, in any
case.
.SH "SEE ALSO"
.BR sed (1),
.BR gawk (1),
.BR find (1),
.BR xargs (1),
.BR regex (7)
`;
