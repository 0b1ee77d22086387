export default String.raw`.TH YES 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
yes \- print a string over and over
.SH SYNOPSIS
.B yes
[\fISTRING\fR]...
.br
.B yes
\fIOPTION\fR
.SH DESCRIPTION
.B yes
prints a line made of its arguments separated by spaces, or
.B y
when there are none, again and again until it is killed or the program
reading its output exits. It is used to answer every question of an
interactive command automatically.
.SH OPTIONS
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SH EXAMPLES
.TP
.B "yes | rm \-i *.tmp"
Confirm every deletion.
.TP
.B "yes n | cp \-i src/* dest/"
Refuse to overwrite any existing file.
.PP
Most Photon OS tools have their own option to skip questions, such as
.BR "tdnf \-y" ;
prefer it when it exists.
.SH "SEE ALSO"
.BR echo (1),
.BR printf (1)
`;
