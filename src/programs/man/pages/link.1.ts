export default String.raw`.TH LINK 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
link \- call the link function to create a link to a file
.SH SYNOPSIS
.B link
.I FILE1 FILE2
.br
.B link
.I OPTION
.SH DESCRIPTION
.B link
makes
.I FILE2
a hard link to the existing
.I FILE1
with the
.BR link (2)
system call, and nothing else: no options, no target directories, no
overwriting.
.SH OPTIONS
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 when the link was made, 1 otherwise.
.SH "SEE ALSO"
.BR ln (1),
.BR unlink (1)
`;
