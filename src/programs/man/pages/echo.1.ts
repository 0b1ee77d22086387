export default String.raw`.TH ECHO 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
echo \- display a line of text
.SH SYNOPSIS
.B echo
[\fISHORT\-OPTION\fR]... [\fISTRING\fR]...
.br
.B echo
.I LONG\-OPTION
.SH DESCRIPTION
.B echo
writes its
.I STRING
arguments to standard output, separated by single spaces and followed by a
newline.
.PP
The shell has its own
.B echo
builtin, which runs instead of this program unless the path
.B /usr/bin/echo
is given; they behave alike for the options below.
.SH OPTIONS
.TP
.B \-n
Do not print the final newline.
.TP
.B \-e
Replace the backslash sequences listed below.
.TP
.B \-E
Print backslashes as they are (the default).
.TP
.B \-\-help
Print a help text and exit (only as the sole argument).
.TP
.B \-\-version
Print the version and exit (only as the sole argument).
.PP
With
.BR \-e ,
these sequences are replaced:
.RS
.TP 8
.B \e\e
a backslash
.PD 0
.TP
.B \ea
the bell
.TP
.B \eb
a backspace
.TP
.B \ec
stop: nothing more is printed, not even the newline
.TP
.B \ee
an escape character
.TP
.B \ef
a form feed
.TP
.B \en
a newline
.TP
.B \er
a carriage return
.TP
.B \et
a TAB
.TP
.B \ev
a vertical tab
.TP
.BI \e0 NNN
the byte with octal value
.I NNN
(up to three digits)
.TP
.BI \ex HH
the byte with hexadecimal value
.I HH
(one or two digits)
.PD
.RE
.SH EXAMPLES
.TP
.B "echo 'nameserver 1.1.1.1' >> /etc/resolv.conf"
Appends a line to a file.
.TP
.B "echo \-e 'a\etb'"
Prints
.B a
and
.B b
separated by a TAB.
.SH "SEE ALSO"
.BR printf (1),
.BR cat (1)
`;
