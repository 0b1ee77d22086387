export default String.raw`.TH CHAGE 1 "2022-11" "shadow 4.13" "User Commands"
.SH NAME
chage \- change user password expiry information
.SH SYNOPSIS
.B chage
[\fIoptions\fR] \fILOGIN\fR
.SH DESCRIPTION
.B chage
shows or changes the password aging fields of an account in
.BR /etc/shadow :
when the password was last changed, how long it stays valid, how many
days of warning the user gets, how long after expiry the account is
disabled, and when the account itself expires.
Only root may change them; an ordinary user may list his or her own with
.BR \-l .
.PP
On Photon OS
.B /etc/login.defs
sets
.B PASS_MAX_DAYS 90
and
.BR "PASS_WARN_AGE 7" ,
so new accounts (and root after an interactive installation) must change
their password every 90 days. The OVA images go further: root's password
.B changeme
is marked as expired, so it must be changed at the first login.
.PP
Dates are written as
.B YYYY\-MM\-DD
or as a number of days since January 1, 1970. The value
.B \-1
removes a field (no limit).
.SH OPTIONS
.TP
.BI \-d " LAST_DAY" "\fR, \fB\-\-lastday " LAST_DAY
Set the date of the last password change. The value
.B 0
forces the user to change the password at the next login.
.TP
.BI \-E " EXPIRE_DATE" "\fR, \fB\-\-expiredate " EXPIRE_DATE
Set the date on which the account is locked, whatever its password.
.B \-1
removes the expiry date.
.TP
.BI \-I " INACTIVE" "\fR, \fB\-\-inactive " INACTIVE
Set how many days after the password has expired the account is disabled
if the password has still not been changed.
.B \-1
removes this limit.
.TP
.BI \-m " MIN_DAYS" "\fR, \fB\-\-mindays " MIN_DAYS
Set the minimum number of days between password changes; 0 allows a change
at any time.
.TP
.BI \-M " MAX_DAYS" "\fR, \fB\-\-maxdays " MAX_DAYS
Set the maximum number of days a password stays valid.
.B 99999
or
.B \-1
means it never expires.
.TP
.BI \-W " WARN_DAYS" "\fR, \fB\-\-warndays " WARN_DAYS
Set how many days before expiry the user starts being warned.
.TP
.BR \-l ", " \-\-list
Show the aging information of the account.
.TP
.BR \-i ", " \-\-iso8601
With
.BR \-l ,
print dates as
.B YYYY\-MM\-DD
instead of the "Mon DD, YYYY" form.
.TP
.BI \-R " CHROOT_DIR" "\fR, \fB\-\-root " CHROOT_DIR
Work on the files below
.I CHROOT_DIR
instead of /etc.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.SH "EXIT STATUS"
.TP
.B 0
Success.
.TP
.B 1
Permission denied, or the user does not exist.
.TP
.B 2
Invalid command syntax or argument.
.TP
.B 15
The shadow password file could not be found.
.SH FILES
.TP
.B /etc/shadow
The aging information itself.
.TP
.B /etc/passwd
The accounts.
.TP
.B /etc/login.defs
Defaults given to new accounts.
.SH EXAMPLES
.TP
.B "chage \-l root"
Show when root's password expires (90 days after the last change on a
default installation).
.TP
.B "chage \-M 99999 root"
Let root's password never expire.
.TP
.B "chage \-d 0 bob"
Force bob to choose a new password at his next login.
.TP
.B "chage \-E 2025\-12\-31 contractor"
Lock an account at the end of a contract.
.SH "SEE ALSO"
.BR passwd (1),
.BR usermod (8),
.BR shadow (5),
.BR login.defs (5)
`;
