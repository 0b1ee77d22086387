export default String.raw`.TH CHPASSWD 8 "2022-11" "shadow 4.13" "System Management Commands"
.SH NAME
chpasswd \- update passwords in batch mode
.SH SYNOPSIS
.B chpasswd
[\fIoptions\fR]
.SH DESCRIPTION
.B chpasswd
reads lines of the form
.IB user : password
from standard input and sets the password of each user, which makes it
suitable for scripts and for creating many accounts at once. By default
the passwords are given in clear text; they are hashed (through PAM, with
SHA\-512 on Photon OS) and the date of the last change is updated.
.PP
Only root may use it. As with
.BR passwd ,
weak passwords produce a
.B BAD PASSWORD
warning, but root's choice is not refused.
Remember that clear\-text passwords in files or in the shell history can be
read by others; feed them from a protected file or a here\-document.
.SH OPTIONS
.TP
.BI \-c " METHOD" "\fR, \fB\-\-crypt\-method " METHOD
Hash the passwords with
.IR METHOD :
.BR NONE ", " DES ", " MD5 ", " SHA256 ", " SHA512 " or " YESCRYPT .
.TP
.BR \-e ", " \-\-encrypted
The passwords given are already hashed; store them as they are.
.TP
.BR \-m ", " \-\-md5
Hash clear\-text passwords with MD5 (obsolete).
.TP
.BI \-s " ROUNDS" "\fR, \fB\-\-sha\-rounds " ROUNDS
Number of rounds for the SHA, BCRYPT or YESCRYPT methods.
.TP
.BI \-R " CHROOT_DIR" "\fR, \fB\-\-root " CHROOT_DIR
Work on the files below
.IR CHROOT_DIR .
.TP
.BI \-P " PREFIX_DIR" "\fR, \fB\-\-prefix " PREFIX_DIR
Use the account files found below
.IR PREFIX_DIR .
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.PP
The options
.BR \-c ", " \-e " and " \-m
exclude one another.
.SH "EXIT STATUS"
0 when every password was changed; 1 when a line was invalid, a user did
not exist or a file could not be updated.
.SH FILES
.TP
.B /etc/passwd
The accounts.
.TP
.B /etc/shadow
Where the hashes are written.
.TP
.B /etc/pam.d/chpasswd
PAM configuration.
.SH EXAMPLES
.TP
.B "echo 'bob:S3cure.Passw0rd' | chpasswd"
Set bob's password.
.TP
.B "chpasswd < /root/new\-users.txt"
Set many passwords from a file readable only by root.
.TP
.B "echo 'bob:$6$salt$hash...' | chpasswd \-e"
Install an already hashed password.
.SH "SEE ALSO"
.BR passwd (1),
.BR useradd (8),
.BR shadow (5)
`;
