export default String.raw`.TH CHGPASSWD 8 "2022-11" "shadow 4.13" "System Management Commands"
.SH NAME
chgpasswd \- update group passwords in batch mode
.SH SYNOPSIS
.B chgpasswd
[\fIoptions\fR]
.SH DESCRIPTION
.B chgpasswd
reads lines of the form
.IB group : password
from standard input and sets each group's password, in /etc/gshadow when the
group has an entry there, else in /etc/group. Clear\-text passwords are hashed
with the method of
.B ENCRYPT_METHOD
in /etc/login.defs unless an option says otherwise. A bad line cancels every
change.
.SH OPTIONS
.TP
.BI \-c " METHOD" "\fR, \fB\-\-crypt\-method " METHOD
Hash with NONE, DES, MD5, SHA256, SHA512 or YESCRYPT.
.TP
.BR \-e ", " \-\-encrypted
The passwords are already hashed.
.TP
.BR \-m ", " \-\-md5
Hash with MD5.
.TP
.BI \-s " ROUNDS" "\fR, \fB\-\-sha\-rounds " ROUNDS
Rounds for the SHA methods.
.TP
.BI \-R " CHROOT_DIR" "\fR, \fB\-\-root " CHROOT_DIR
Work inside this directory.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.SH "EXIT STATUS"
0 on success, 1 when a line was bad or a file could not be updated, 2 for a usage error.
.SH "SEE ALSO"
.BR chpasswd (8),
.BR gpasswd (1)
`;
