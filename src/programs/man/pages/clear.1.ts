export default String.raw`.TH CLEAR 1 "2022-10-08" "ncurses 6.4" "User commands"
.SH NAME
clear \- clear the terminal screen
.SH SYNOPSIS
.B clear
[\fB\-T\fR\fItype\fR] [\fB\-V\fR] [\fB\-x\fR]
.SH DESCRIPTION
.B clear
empties the screen and puts the cursor in the top left corner.
It looks up the terminal type (from
.B TERM
or
.BR \-T )
in the terminfo database and writes that terminal's clear sequence.
When the terminal can also drop its scrollback, that is cleared too.
Ctrl-L does the same in the shell.
.SH OPTIONS
.TP
.BI \-T " type"
Use the terminal type
.I type
instead of the value of
.BR TERM .
.TP
.B \-V
Print the ncurses version and exit.
.TP
.B \-x
Leave the scrollback alone; only the visible screen is cleared.
.SH "EXIT STATUS"
0 on success, 1 when the terminal type is unknown, 2 for a bad option.
.SH EXAMPLES
.TP
.B "clear \-x"
Clears the screen but keeps what scrolled away.
.SH "SEE ALSO"
.BR tty (1),
.BR stty (1)
`;
