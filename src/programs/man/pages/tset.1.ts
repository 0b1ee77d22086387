export default String.raw`.TH TSET 1 "2022-12" "ncurses 6.4" "User commands"
.SH NAME
tset, reset \- initialize or reset the terminal
.SH SYNOPSIS
.B tset
[\fB\-IQVcqrsw\fR] [\fB\-e\fR \fIch\fR] [\fB\-i\fR \fIch\fR] [\fB\-k\fR \fIch\fR] [\fB\-m\fR \fImapping\fR] [\fIterminal\fR]
.br
.B reset
[\fB\-IQVcqrsw\fR] [\fB\-e\fR \fIch\fR] [\fB\-i\fR \fIch\fR] [\fB\-k\fR \fIch\fR] [\fB\-m\fR \fImapping\fR] [\fIterminal\fR]
.SH DESCRIPTION
.B tset
finds the terminal on standard error, output or input (or
.BR /dev/tty ),
looks up its type (the operand, or \fBTERM\fR) in the terminfo database, and
sends the terminal's initialization strings, which it writes to standard error.
.PP
.B reset
does the same with the terminal's reset strings, after first putting the
terminal's modes and special characters back to sane values. Use it when a
program has left the screen or the keyboard in a strange state; type it blind
if need be. The terminal is given a second to settle afterwards.
.PP
When the erase, kill or interrupt character ends up different from its
default, the new setting is reported.
.SH OPTIONS
.TP
.B \-c
Set the special characters (with \fB\-w\fR, the default).
.TP
.BI \-e " ch" "\fR, \fP\-i " ch "\fR, \fP\-k " ch
Set the erase, interrupt or kill character; \fB^\fIX\fR stands for control-\fIX\fR.
.TP
.B \-I
Send no initialization strings.
.TP
.B \-Q
Do not report the special characters.
.TP
.B \-q
Only print the terminal type; change nothing.
.TP
.B \-r
Print the terminal type on standard error.
.TP
.B \-s
Print a shell command that sets \fBTERM\fR.
.TP
.B \-V
Print the ncurses version.
.TP
.B \-w
Set the window size (with \fB\-c\fR, the default).
.SH EXIT STATUS
0 on success, 1 for a usage error; without a terminal, 4 plus the error number.
.SH SEE ALSO
.BR stty (1),
.BR tput (1),
.BR clear (1)
`;
