export default String.raw`.TH ID 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
id \- print real and effective user and group IDs
.SH SYNOPSIS
.B id
[\fIOPTION\fR]... [\fIUSER\fR]...
.SH DESCRIPTION
.B id
prints the user ID, the primary group ID and the supplementary groups of each
.IR USER ,
or of the current process when no
.I USER
is named, with names in parentheses:
.PP
.RS
.nf
uid=0(root) gid=0(root) groups=0(root)
.fi
.RE
.PP
The options below print one part only.
.SH OPTIONS
.TP
.B \-a
Ignored; accepted for compatibility.
.TP
.BR \-Z ", " \-\-context
Print only the security context (this system has no SELinux, so it fails).
.TP
.BR \-g ", " \-\-group
Print only the effective group ID.
.TP
.BR \-G ", " \-\-groups
Print every group ID.
.TP
.BR \-n ", " \-\-name
With
.BR \-u ", " \-g " or " \-G ,
print names instead of numbers.
.TP
.BR \-r ", " \-\-real
With
.BR \-u ", " \-g " or " \-G ,
print the real IDs instead of the effective ones.
.TP
.BR \-u ", " \-\-user
Print only the effective user ID.
.TP
.BR \-z ", " \-\-zero
End each entry with a NUL byte instead of a space or newline.
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 when a
.I USER
does not exist or another error happened.
.SH EXAMPLES
.TP
.B "id \-un"
Prints the current user's name, like
.BR whoami .
.TP
.B "id \-Gn alice"
Lists the groups of alice, for example after
.BR "usermod \-aG wheel alice" .
.SH "SEE ALSO"
.BR whoami (1),
.BR groups (1),
.BR who (1)
`;
