export default String.raw`.TH PWCK 8 "2022-11" "shadow 4.13" "System Management Commands"
.SH NAME
pwck \- check the integrity of the password files
.SH SYNOPSIS
.B pwck
[\fIoptions\fR] [\fIpasswd\fR [\fIshadow\fR]]
.SH DESCRIPTION
.B pwck
reads /etc/passwd and /etc/shadow (or the two files named) and reports every
entry that looks wrong: lines that cannot be parsed, names used twice, invalid
user names or IDs, primary groups that do not exist, missing home directories
(for users outside the system UID range) and login shells, users without a
shadow entry, shadow entries without a user, and password changes dated in the
future.
.PP
For a bad line it asks whether to delete it (or to add the missing shadow
entry); an answer starting with
.B y
read from standard input does it, and the files are then rewritten with a
.B \-
backup. With
.B \-r
every question is answered "No" and nothing is changed.
.SH OPTIONS
.TP
.BR \-b ", " \-\-badname
Accept user names the usual rules reject.
.TP
.BR \-q ", " \-\-quiet
Report only errors, leaving out the warnings about groups, homes and shells.
.TP
.BR \-r ", " \-\-read\-only
Report, but change nothing.
.TP
.BR \-s ", " \-\-sort
Instead of checking, sort the entries by UID (the shadow file follows the order of the passwd file).
.TP
.BI \-R " CHROOT_DIR" "\fR, \fB\-\-root " CHROOT_DIR
Work inside this directory.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.SH "EXIT STATUS"
0 when all is well, 1 for a usage error, 2 when bad entries were found, 3 when a file cannot be opened, 4 when it cannot be locked, 5 when it cannot be updated, 6 when it cannot be sorted.
.SH FILES
.TP
.B /etc/passwd
The accounts.
.TP
.B /etc/shadow
Their passwords and aging.
.SH "SEE ALSO"
.BR grpck (8),
.BR passwd (5)
`;
