export default String.raw`.TH PASSWD 1 "2022-11" "shadow 4.13" "User Commands"
.SH NAME
passwd \- change a user's password
.SH SYNOPSIS
.B passwd
[\fIoptions\fR] [\fILOGIN\fR]
.SH DESCRIPTION
.B passwd
changes the password of an account, by default your own. An ordinary user
is first asked for the current password, then twice for the new one; root
may change any account's password without knowing the old one. The change
goes through PAM
.RB ( /etc/pam.d/passwd ,
which includes
.BR system\-password ),
and the new password is stored in
.B /etc/shadow
as a SHA\-512 hash, together with the date of the change.
.SS "Password rules on Photon OS"
The password is checked by
.B pam_pwquality
with its default settings: at least 8 characters, not based on a
dictionary word, not containing the user name, not the same as the old one,
not a palindrome, and different enough from the previous password. A weak
password is reported with a line such as
.PP
.RS
.B "BAD PASSWORD: The password is shorter than 8 characters"
.RE
.PP
For an ordinary user the password is then refused and asked again, up to 3
times in all. For root the warning is only advice: the password is
accepted anyway.
.PP
Passwords also age: Photon sets
.B PASS_MAX_DAYS 90
in
.BR /etc/login.defs ,
so accounts created with
.B useradd
must change their password every 90 days (see
.BR chage (1)).
.SS "Account maintenance"
With options, root can lock and unlock an account's password, delete it,
force it to expire, and set the aging fields, without changing the password
itself.
.SH OPTIONS
.TP
.BR \-a ", " \-\-all
With
.BR \-S ,
report on every account.
.TP
.BR \-d ", " \-\-delete
Make the password empty. Depending on the PAM configuration this may let
anyone log in to the account without a password; use with care.
.TP
.BR \-e ", " \-\-expire
Expire the password at once: the user must choose a new one at the next
login.
.TP
.BI \-i " INACTIVE" "\fR, \fB\-\-inactive " INACTIVE
Disable the account
.I INACTIVE
days after its password has expired.
.TP
.BR \-k ", " \-\-keep\-tokens
Change the password only if it has expired.
.TP
.BR \-l ", " \-\-lock
Lock the password by putting a
.B !
in front of the hash, so that no password matches it. Other ways of
logging in, such as SSH keys, still work; use
.B "usermod \-e 1"
or
.B "chage \-E 0"
to disable the account completely.
.TP
.BR \-u ", " \-\-unlock
Remove the
.B !
added by
.BR \-l .
An account whose password would then be empty is left locked.
.TP
.BI \-n " MIN_DAYS" "\fR, \fB\-\-mindays " MIN_DAYS
Set the minimum number of days between password changes.
.TP
.BI \-x " MAX_DAYS" "\fR, \fB\-\-maxdays " MAX_DAYS
Set the maximum number of days a password stays valid.
.TP
.BI \-w " WARN_DAYS" "\fR, \fB\-\-warndays " WARN_DAYS
Set how many days before expiry the user is warned.
.TP
.BR \-q ", " \-\-quiet
Print fewer messages.
.TP
.BI \-r " REPOSITORY" "\fR, \fB\-\-repository " REPOSITORY
Change the password in this repository (such as
.BR files ).
.TP
.BI \-R " CHROOT_DIR" "\fR, \fB\-\-root " CHROOT_DIR
Work on the files below
.IR CHROOT_DIR .
.TP
.BR \-S ", " \-\-status
Print one status line for the account: the login name, the state of the
password
.RB ( P
usable,
.B L
locked,
.B NP
no password), the date of the last change, and the minimum age, maximum
age, warning period and inactivity period in days.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.PP
Except for
.BR \-S ,
the options are reserved to root and require a
.IR LOGIN .
.SH "EXIT STATUS"
.TP
.B 0
Success.
.TP
.B 1
Permission denied.
.TP
.B 2
Invalid combination of options.
.TP
.B 3
Unexpected failure, nothing done.
.TP
.B 5
The password file is busy (locked).
.TP
.B 6
Invalid argument to an option.
.TP
.B 10
The new password was not accepted, or authentication failed.
.SH FILES
.TP
.B /etc/shadow
The password hashes and aging fields.
.TP
.B /etc/passwd
The accounts.
.TP
.B /etc/pam.d/passwd\fR, \fB/etc/pam.d/system\-password
The PAM rules applied to the change.
.TP
.B /etc/security/pwquality.conf
Settings of the quality checks.
.TP
.B /etc/login.defs
Aging defaults.
.SH EXAMPLES
.TP
.B "passwd"
Change your own password.
.TP
.B "passwd bob"
Set bob's password (as root).
.TP
.B "passwd \-S root"
Show the state of root's password.
.TP
.B "passwd \-l bob"
Lock bob's password.
.TP
.B "passwd \-e bob"
Make bob choose a new password at his next login.
.SH "SEE ALSO"
.BR chage (1),
.BR chpasswd (8),
.BR usermod (8),
.BR shadow (5),
.BR login.defs (5),
.BR pam_pwquality (8)
`;
