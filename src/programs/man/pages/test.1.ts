export default String.raw`.TH TEST 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
test, [ \- check file types and compare values
.SH SYNOPSIS
.B test
.I EXPRESSION
.br
.B [
.I EXPRESSION
.B ]
.br
.B test
.I OPTION
.SH DESCRIPTION
.B test
evaluates
.I EXPRESSION
and exits with status 0 when it is true, 1 when it is false.
The name
.B [
is the same program; it needs a final
.B ]
argument.
Spaces around every operand and operator are required.
The shell has builtins
.B test
and
.B [
that run instead of this program, and a richer
.B [[
keyword.
.SH EXPRESSIONS
.TP 16
.BI ( " EXPRESSION " )
grouping
.PD 0
.TP
.BI ! " EXPRESSION"
true when
.I EXPRESSION
is false
.TP
.IB EXPR1 " \-a " EXPR2
both are true
.TP
.IB EXPR1 " \-o " EXPR2
either is true
.PD
.SS Strings
.TP 16
.BI \-n " STRING"
the length of
.I STRING
is not zero (a lone
.I STRING
means the same)
.PD 0
.TP
.BI \-z " STRING"
the length of
.I STRING
is zero
.TP
.IB S1 " = " S2
the strings are equal
.TP
.IB S1 " != " S2
the strings differ
.PD
.SS Integers
.TP 16
.IB N1 " \-eq " N2
equal; also
.BR \-ne ", " \-lt ", " \-le ", " \-gt " and " \-ge
.SS Files
.TP 16
.IB F1 " \-ef " F2
the same device and inode
.PD 0
.TP
.IB F1 " \-nt " F2
.I F1
is newer (modification time)
.TP
.IB F1 " \-ot " F2
.I F1
is older
.TP
.BI \-e " FILE"
exists
.TP
.BI \-f " FILE"
is a regular file
.TP
.BI \-d " FILE"
is a directory
.TP
.BI \-h " FILE"
is a symbolic link (also
.BR \-L )
.TP
.BI \-b " FILE"
is a block device
.TP
.BI \-c " FILE"
is a character device
.TP
.BI \-p " FILE"
is a named pipe
.TP
.BI \-S " FILE"
is a socket
.TP
.BI \-s " FILE"
is not empty
.TP
.BI \-r " FILE"
may be read by you
.TP
.BI \-w " FILE"
may be written by you
.TP
.BI \-x " FILE"
may be executed (or searched) by you
.TP
.BI \-O " FILE"
is owned by your effective user
.TP
.BI \-G " FILE"
belongs to your effective group
.TP
.BI \-u " FILE"
has the set-user-ID bit
.TP
.BI \-g " FILE"
has the set-group-ID bit
.TP
.BI \-k " FILE"
has the sticky bit
.TP
.BI \-N " FILE"
was modified since it was last read
.TP
.BI \-t " FD"
descriptor
.I FD
is a terminal
.PD
.PP
Symbolic links are followed, except by
.B \-h
and
.BR \-L .
.SH OPTIONS
.TP
.B \-\-help
Print a help text and exit. Only
.B [
knows it, and only as its sole argument;
.B "test \-\-help"
is simply true.
.TP
.B \-\-version
Print the version and exit, on the same terms.
.SH "EXIT STATUS"
0 when
.I EXPRESSION
is true, 1 when it is false, 2 when it is invalid.
.SH EXAMPLES
.TP
.B "[ \-f /etc/ssh/sshd_config ] && echo present"
Checks that a file exists.
.TP
.B "test \(dq$(id \-u)\(dq \-eq 0 || echo 'run me as root'"
Refuses to go on without root.
.SH "SEE ALSO"
.BR expr (1),
.BR bash (1),
.BR stat (1)
`;
