export default String.raw`.TH LESS 1 "Version 608: 22 Jun 2022"
.SH NAME
less \- opposite of more
.SH SYNOPSIS
.B less
[\fIoptions\fR] [\fB+\fIcommand\fR] [\fIfile\fR]...
.br
.B less
.BR \-? " | " \-\-help
.br
.B less
.BR \-V " | " \-\-version
.SH DESCRIPTION
.B less
shows a text one screen at a time and lets you move back as well as forward,
search, and jump to a line.
It reads only as much input as the screen needs, so it starts at once even on
a long file or an endless pipe.
With no
.IR file ,
or a
.I file
of
.BR \- ,
it reads standard input.
When standard output is not a terminal,
.B less
simply copies its input, like
.BR cat (1).
.PP
On a terminal it uses the alternate screen and shows a prompt on the last
line: the file name at first, then a colon, and
.B (END)
at the end of the file.
Options are read from the
.B LESS
environment variable first, then from the command line.
.SH COMMANDS
Many commands accept a number
.I N
typed before them.
.TP
.BR SPACE ", " f ", " ^F ", " ^V ", " PgDn
Forward one screen (or
.I N
lines).
.TP
.BR b ", " ^B ", " ESC\-v ", " PgUp
Backward one screen (or
.I N
lines).
.TP
.BR j ", " e ", " ^N ", " ^E ", " RETURN ", " Down
Forward one line (or
.IR N ).
.TP
.BR k ", " y ", " ^P ", " ^Y ", " ^K ", " Up
Backward one line (or
.IR N ).
.TP
.BR d ", " ^D
Forward half a screen;
.I N
becomes the new half.
.TP
.BR u ", " ^U
Backward half a screen;
.I N
becomes the new half.
.TP
.BR Right ", " ESC\-)
Shift the view right by half the screen width, for long lines cut by
.BR \-S .
.TP
.BR Left ", " ESC\-(
Shift the view back to the left.
.TP
.BR g ", " < ", " ESC\-<
Go to the first line, or line
.IR N .
.TP
.BR G ", " > ", " ESC\->
Go to the last line, or line
.IR N .
.TP
.BR p ", " %
Go to
.I N
percent of the way into the file.
.TP
.BI / pattern
Search forward for the
.IR N -th
line matching
.IR pattern ,
an extended regular expression, starting after the top line.
Matches are highlighted.
.TP
.BI ? pattern
Search backward.
.TP
.B n
Repeat the last search.
.TP
.B N
Repeat the last search in the other direction.
.TP
.B ESC\-u
Turn the highlighting of matches off or on.
.TP
.BR r ", " R ", " ^R ", " ^L
Draw the screen again.
.TP
.BR = ", " ^G ", " :f
Show the file name, the lines on the screen and how far into the file they
are.
.TP
.B :n
Show the next file named on the command line.
.TP
.B :p
Show the previous file.
.TP
.B :x
Show the first file again.
.TP
.BI \- x
Switch option
.I x
(one of
.BR N ", " S " or " i )
while
.B less
runs.
.TP
.BR h ", " H
Show a summary of the commands.
.TP
.BR q ", " Q ", " :q ", " :Q ", " ZZ
Leave
.BR less .
.PP
Ctrl-C stops a long search or a jump to the end of a pipe; it does not end
.BR less .
A change of the window size redraws the screen for the new size.
.SH OPTIONS
.TP
.BR \-? ", " \-\-help
Show the summary of commands and exit.
.TP
.BR \-e ", " \-\-quit\-at\-eof
Leave the second time the end of the file is reached.
.TP
.BR \-E ", " \-\-QUIT\-AT\-EOF
Leave the first time the end of the file is reached.
.TP
.BR \-F ", " \-\-quit\-if\-one\-screen
When the text fits on one screen, print it and leave at once.
.TP
.BR \-g ", " \-\-hilite\-search
Highlight matches of the last search (the default).
.TP
.BR \-G ", " \-\-HILITE\-SEARCH
Do not highlight matches.
.TP
.BR \-i ", " \-\-ignore\-case
Searches ignore case, unless the pattern has a capital letter.
.TP
.BR \-I ", " \-\-IGNORE\-CASE
Searches always ignore case.
.TP
.BR \-K ", " \-\-quit\-on\-intr
Let Ctrl-C end
.BR less .
.TP
.BR \-m ", " \-\-long\-prompt
A longer prompt that shows how far into the file you are.
.TP
.BR \-M ", " \-\-LONG\-PROMPT
A still longer prompt, with line numbers.
.TP
.BR \-n ", " \-\-line\-numbers
Do not number lines (the default).
.TP
.BR \-N ", " \-\-LINE\-NUMBERS
Show a line number before each line.
.TP
.BI \-P prompt "\fR, \fB\-\-prompt=" prompt
Use your own prompt;
.BR \-Pm ,
.B \-PM
and
.B \-Ph
set the medium, long and help prompts.
The prompt ends at a
.BR $ .
.TP
.BR \-r ", " \-\-raw\-control\-chars
Send every control character to the terminal as it is.
.TP
.BR \-R ", " \-\-RAW\-CONTROL\-CHARS
Send only colour (SGR) escape sequences as they are, so coloured output
shows in colour; other control characters are shown as
.BR ^X .
.TP
.BR \-s ", " \-\-squeeze\-blank\-lines
Show a run of blank lines as one.
.TP
.BR \-S ", " \-\-chop\-long\-lines
Cut lines longer than the screen instead of wrapping them.
.TP
.BI \-x n "\fR, \fB\-\-tabs=" n
Set tab stops every
.I n
columns (default 8).
.TP
.BR \-X ", " \-\-no\-init
Do not switch to the alternate screen, so the text stays visible after
.B less
ends.
.TP
.BR \-~ ", " \-\-tilde
Show lines past the end of the file as blank lines instead of
.BR ~ .
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.TP
.BI + command
Run
.I command
when a file is opened:
.B +G
starts at the end,
.BI +/ pattern
at the first match,
.BI + N
at line
.IR N .
.PP
An unknown option is reported and ignored.
.SH "EXIT STATUS"
0, or 1 when no file could be opened on a terminal or a file name is missing.
.SH ENVIRONMENT
.TP
.B LESS
Options read before those of the command line;
.BR man (1)
uses it to set its prompt.
.SH EXAMPLES
.TP
.B "less +G /var/log/messages"
Opens a log at its end.
.TP
.B "journalctl \-u sshd | less \-S"
Reads long log lines without wrapping them.
.TP
.B "ls \-l \-\-color=always /etc | less \-R"
Keeps the colours of
.BR ls .
.SH "SEE ALSO"
.BR more (1),
.BR man (1),
.BR cat (1),
.BR tail (1)
`;
