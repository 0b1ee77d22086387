export default String.raw`.TH STTY 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
stty \- change and print terminal line settings
.SH SYNOPSIS
.B stty
[\fB\-F\fR \fIDEVICE\fR | \fB\-\-file=\fIDEVICE\fR] [\fISETTING\fR]...
.br
.B stty
[\fB\-F\fR \fIDEVICE\fR | \fB\-\-file=\fIDEVICE\fR] [\fB\-a\fR|\fB\-\-all\fR]
.br
.B stty
[\fB\-F\fR \fIDEVICE\fR | \fB\-\-file=\fIDEVICE\fR] [\fB\-g\fR|\fB\-\-save\fR]
.SH DESCRIPTION
Without a
.IR SETTING ,
.B stty
prints the settings of the terminal on standard input that differ from
sensible defaults.
Each
.I SETTING
changes one of them; a leading
.B \-
turns a flag off.
.SH OPTIONS
.TP
.BR \-a ", " \-\-all
Print every setting in a readable form.
.TP
.BR \-g ", " \-\-save
Print every setting in a form that
.B stty
can read back.
.TP
.BR \-F ", " \-\-file =\fIDEVICE\fR
Use
.I DEVICE
instead of standard input.
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH SETTINGS
.TP
.RB [ \- ] echo
Show the characters typed.
.TP
.RB [ \- ] icanon
Edit input a line at a time, with erase and kill characters.
.TP
.RB [ \- ] isig
Turn the interrupt, quit and suspend characters into signals.
.TP
.RB [ \- ] iexten
Enable the extra characters such as werase and lnext.
.TP
.RB [ \- ] echoe ", [" \- ] echok ", [" \- ] echoctl
Echo erasing, the kill character, and control characters as ^X.
.TP
.RB [ \- ] icrnl ", [" \- ] opost ", [" \- ] onlcr
Translate carriage return to newline on input; process output; turn newline
into carriage return and newline on output.
.TP
.BR intr ", " quit ", " erase ", " kill ", " eof ", " werase ", " susp ", " lnext " \fICHAR\fR"
Set a special character, written as
.BR ^X ,
a plain character, or
.B undef
to disable it.
.TP
.BI min " N" "\fR, \fBtime" " N"
How many characters a read waits for, and for how long, without
.BR icanon .
.TP
.BI rows " N" "\fR, \fBcols" " N"
Tell the kernel the size of the terminal.
.TP
.B size
Print the number of rows and columns.
.TP
.B speed
Print the line speed.
.TP
.B sane
Restore reasonable values for everything.
.TP
.BR raw ", " \-raw " or " cooked
Raw input, or line editing again.
.TP
.BR cbreak ", " nl ", " ek
Shorthands for common combinations.
.SH "EXIT STATUS"
0 on success, 1 for an invalid setting or when the device is not a terminal.
.SH EXAMPLES
.TP
.B "stty size"
Prints the rows and columns of the terminal, such as
.BR "24 80" .
.TP
.B "stty \-echo; read pw; stty echo"
Reads a secret without showing it.
.TP
.B "stty sane"
Repairs a terminal left in a strange state.
.SH "SEE ALSO"
.BR tty (1),
.BR clear (1)
`;
