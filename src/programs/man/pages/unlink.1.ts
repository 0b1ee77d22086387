export default String.raw`.TH UNLINK 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
unlink \- call the unlink function to remove the specified file
.SH SYNOPSIS
.B unlink
.I FILE
.br
.B unlink
.I OPTION
.SH DESCRIPTION
.B unlink
removes the name
.I FILE
with the
.BR unlink (2)
system call. It takes exactly one operand and no options, and does not
remove directories.
.SH OPTIONS
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 when the name was removed, 1 otherwise.
.SH "SEE ALSO"
.BR rm (1),
.BR link (1)
`;
