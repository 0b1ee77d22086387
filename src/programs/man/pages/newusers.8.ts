export default String.raw`.TH NEWUSERS 8 "2022-11" "shadow 4.13" "System Management Commands"
.SH NAME
newusers \- update and create new users in batch
.SH SYNOPSIS
.B newusers
[\fIoptions\fR] [\fIfile\fR]
.SH DESCRIPTION
.B newusers
reads lines of the form
.IP
.IR name : password : uid : gid : gecos : directory : shell
.PP
from the file (or standard input) and creates each user, or updates an
existing one. An empty
.I uid
takes the next free UID; the name of a user takes that user's UID. The
.I gid
may name a group (created when missing), give a number, or be empty (a group
named after the user is created). A
.I directory
that does not exist is created, owned by the user, but not filled from
/etc/skel. Any invalid line cancels every change. The passwords are set last,
through PAM.
.SH OPTIONS
.TP
.BR \-b ", " \-\-badname
Accept names the usual rules reject.
.TP
.BR \-r ", " \-\-system
Create system accounts (system UID and GID ranges).
.TP
.BI \-\-root " CHROOT_DIR"
Work inside this directory.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.SH "EXIT STATUS"
0 on success, 1 when anything failed.
.SH FILES
.TP
.B /etc/passwd
The accounts.
.TP
.B /etc/shadow
Their passwords.
.TP
.B /etc/group
The groups.
.SH "SEE ALSO"
.BR useradd (8),
.BR chpasswd (8)
`;
