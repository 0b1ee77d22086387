export default String.raw`.TH PRINTF 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
printf \- format and print data
.SH SYNOPSIS
.B printf
\fIFORMAT\fR [\fIARGUMENT\fR]...
.br
.B printf
\fIOPTION\fR
.SH DESCRIPTION
.B printf
prints its
.IR ARGUMENT s
under the control of
.IR FORMAT ,
as the C function of the same name does. Ordinary characters of
.I FORMAT
are copied, backslash escapes are translated, and each conversion
specification (starting with
.BR % )
takes the next
.IR ARGUMENT .
If arguments remain when the format is used up, the format is applied again;
missing arguments count as empty strings or zero. Unlike
.BR echo ,
no newline is added unless the format contains one.
.PP
Bash has a built\-in
.B printf
that normally runs instead of this program; it behaves the same for the
common cases. Run
.B /usr/bin/printf
to get this one.
.SH OPTIONS
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SH ESCAPES
\fB\e"\fR double quote,
\fB\e\e\fR backslash,
\fB\ea\fR alert (bell),
\fB\eb\fR backspace,
\fB\ec\fR stop printing,
\fB\ee\fR escape,
\fB\ef\fR form feed,
\fB\en\fR newline,
\fB\er\fR carriage return,
\fB\et\fR tab,
\fB\ev\fR vertical tab,
\fB\e\fINNN\fR (the byte with octal value \fINNN\fR, 1 to 3 digits),
\fB\ex\fIHH\fR (the byte with hexadecimal value \fIHH\fR),
\fB\eu\fIHHHH\fR and \fB\eU\fIHHHHHHHH\fR (Unicode characters).
.SH CONVERSIONS
.TP
.B %%
A single
.BR % .
.TP
.B "%d %i %o %u %x %X"
An integer in decimal, octal or hexadecimal. An argument starting with a
quote is converted to the code of the following character.
.TP
.B "%f %e %E %g %G %a %A"
A floating point number.
.TP
.B "%c %s"
The first character of the argument, or the whole string.
.TP
.B %b
The argument as a string, with backslash escapes in it interpreted (octal
escapes written
.B \e0
or
.BR \e0NNN ).
.TP
.B %q
The argument quoted so that a shell reads it back unchanged.
.PP
Between the
.B %
and the conversion letter, flags
.RB ( \- " left align, " 0 " zero pad, " + " always sign, space, " # ),
a field width and a precision (such as
.BR %\-10s " or " %08.3f )
may be given;
.B *
takes the width or precision from the next argument.
.SH "EXIT STATUS"
0 on success, 1 when an argument could not be fully converted (a warning is
printed) or on another error.
.SH EXAMPLES
.TP
.B "printf '%s\et%s\en' user shell"
Print two words separated by a tab.
.TP
.B "printf '%\-12s %5d\en' root 0 nobody 65534"
Print an aligned table; the format is reused for the second pair.
.PP
.B "printf '%05.1f\en' 3.14159"
prints
.BR 003.1 .
.SH "SEE ALSO"
.BR echo (1),
.BR bash (1),
.BR printf (3)
`;
