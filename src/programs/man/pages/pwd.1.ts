export default String.raw`.TH PWD 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
pwd \- print name of current/working directory
.SH SYNOPSIS
.B pwd
[\fIOPTION\fR]...
.SH DESCRIPTION
.B pwd
prints the absolute name of the current working directory.
The shell's builtin
.B pwd
runs instead of this program unless you type its path,
.BR /usr/bin/pwd .
.SH OPTIONS
.TP
.BR \-L ", " \-\-logical
Print
.B $PWD
when it names the current directory, keeping the symbolic links used to get
there.
.TP
.BR \-P ", " \-\-physical
Print the name with every symbolic link resolved (the default).
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 when the directory cannot be named.
.SH EXAMPLES
.TP
.B "cd /var/run && /usr/bin/pwd"
Prints
.BR /run ,
because
.I /var/run
is a symbolic link to it.
.SH "SEE ALSO"
.BR cd (1),
.BR realpath (1)
`;
