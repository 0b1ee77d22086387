export default String.raw`.TH TPUT 1 "" "ncurses 6.4" "User Commands"
.SH NAME
tput \- print terminal capabilities for use in shell scripts
.SH SYNOPSIS
.B tput
[\fB\-T\fItype\fR] [\fB\-x\fR] \fIcapname\fR [\fIparameters\fR] ...
.br
.B tput
[\fB\-T\fItype\fR] \fB\-S\fR
.br
.B tput
\fB\-V\fR
.SH DESCRIPTION
.B tput
looks up capabilities of the terminal named by
.B TERM
(or by
.BR \-T )
in the terminfo database and prints them, so that scripts can move the cursor,
change colours or learn the screen size without knowing escape sequences.
A string capability is printed with its parameters filled in
.RB ( "tput setaf 1" ,
.BR "tput cup 5 10" );
a numeric one is printed as a number
.RB ( cols ,
.BR lines ,
.BR colors );
a boolean one prints nothing and answers with the exit status.
Several capabilities may be given in one call.
.SS Special names
.TP
.B clear
Clear the screen (and the scrollback, unless \fB\-x\fR).
.TP
.B init\fR, \fBreset
Send the terminal's initialisation or reset strings.
.TP
.B longname
Print the terminal's full name.
.SH OPTIONS
.TP
.BI \-T type
Use this terminal type instead of \fB$TERM\fR.
.TP
.B \-S
Read capability names (with their parameters) from standard input, one per line.
.TP
.B \-x
With \fBclear\fR, leave the scrollback alone.
.TP
.B \-V
Print the ncurses version.
.SH ENVIRONMENT
.B COLUMNS
and
.B LINES
override the terminal's size for \fBcols\fR and \fBlines\fR.
.SH EXIT STATUS
0 on success (or a true boolean); 1 for a false boolean or a capability the
terminal lacks; 2 for a usage error or no terminal type; 3 for an unknown terminal;
4 for an unknown capability name.
.SH SEE ALSO
.BR clear (1),
.BR stty (1),
.BR terminfo (5)
`;
