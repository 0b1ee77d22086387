export default String.raw`.TH USERMOD 8 "2022-11" "shadow 4.13" "System Management Commands"
.SH NAME
usermod \- modify a user account
.SH SYNOPSIS
.B usermod
[\fIoptions\fR] \fILOGIN\fR
.SH DESCRIPTION
.B usermod
changes an existing account in
.BR /etc/passwd ,
.BR /etc/shadow ,
.B /etc/group
and
.B /etc/gshadow
according to the options given. Only root may run it.
Changing the name, UID or home directory of a user who is running
processes is refused, since those processes would be left with stale
information; have the user log out first.
.PP
The most frequent mistake is
.B "usermod \-G wheel bob"
without
.BR \-a :
it makes
.B wheel
bob's
.B only
supplementary group, removing him from all the others. To add a group,
use
.BR "usermod \-aG wheel bob" .
Group changes apply to the user's next login.
.SH OPTIONS
.TP
.BR \-a ", " \-\-append
With
.BR \-G ,
add the user to the listed groups and keep the current ones.
.TP
.BR \-b ", " \-\-badname
Accept a new login name that does not follow the usual rules.
.TP
.BI \-c " COMMENT" "\fR, \fB\-\-comment " COMMENT
Set the GECOS field (full name and so on).
.TP
.BI \-d " HOME_DIR" "\fR, \fB\-\-home " HOME_DIR
Set a new home directory. Nothing is moved unless
.B \-m
is given too.
.TP
.BI \-e " EXPIRE_DATE" "\fR, \fB\-\-expiredate " EXPIRE_DATE
Set the date
.RB ( YYYY\-MM\-DD )
on which the account is disabled; an empty value removes it.
.TP
.BI \-f " INACTIVE" "\fR, \fB\-\-inactive " INACTIVE
Days after password expiry before the account is disabled;
.B \-1
turns this off.
.TP
.BI \-g " GROUP" "\fR, \fB\-\-gid " GROUP
Set the primary group (name or number; it must exist). Files in the home
directory owned by the old group are given the new one.
.TP
.BI \-G " GROUP1\fR[\fB,\fIGROUP2\fR...]" "\fR, \fB\-\-groups " GROUP1\fR[\fB,\fIGROUP2\fR...]
Set the list of supplementary groups. Without
.B \-a
(or
.BR \-r ),
the user is removed from every group not listed.
.TP
.BI \-l " NEW_LOGIN" "\fR, \fB\-\-login " NEW_LOGIN
Rename the account. The home directory and mail spool keep their names;
combine with
.B "\-d \-m"
to rename the home directory too.
.TP
.BR \-L ", " \-\-lock
Lock the password by putting a
.B !
in front of the hash.
.TP
.BR \-U ", " \-\-unlock
Remove that
.BR ! .
.TP
.BR \-m ", " \-\-move\-home
With
.BR \-d ,
move the contents of the old home directory to the new one.
.TP
.BR \-o ", " \-\-non\-unique
With
.BR \-u ,
allow a UID that another account already has.
.TP
.BI \-p " PASSWORD" "\fR, \fB\-\-password " PASSWORD
Set the password to this already hashed value.
.TP
.BR \-r ", " \-\-remove
With
.BR \-G ,
remove the user from the listed groups only.
.TP
.BI \-R " CHROOT_DIR" "\fR, \fB\-\-root " CHROOT_DIR
Work on the files below
.IR CHROOT_DIR .
.TP
.BI \-P " PREFIX_DIR" "\fR, \fB\-\-prefix " PREFIX_DIR
Use the account files found below
.IR PREFIX_DIR .
.TP
.BI \-s " SHELL" "\fR, \fB\-\-shell " SHELL
Set the login shell.
.TP
.BI \-u " UID" "\fR, \fB\-\-uid " UID
Set the numeric user ID. Files in the home directory are given the new
UID; files elsewhere must be changed by hand.
.TP
.BI \-v " FIRST\-LAST" "\fR, \fB\-\-add\-subuids " FIRST\-LAST
Add a range of subordinate UIDs.
.TP
.BI \-V " FIRST\-LAST" "\fR, \fB\-\-del\-subuids " FIRST\-LAST
Remove a range of subordinate UIDs.
.TP
.BI \-w " FIRST\-LAST" "\fR, \fB\-\-add\-subgids " FIRST\-LAST
Add a range of subordinate GIDs.
.TP
.BI \-W " FIRST\-LAST" "\fR, \fB\-\-del\-subgids " FIRST\-LAST
Remove a range of subordinate GIDs.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.SH "EXIT STATUS"
.TP
.B 0
Success.
.TP
.B 1
The password file could not be updated.
.TP
.B 2
Invalid command syntax.
.TP
.B 3
Invalid argument to an option.
.TP
.B 4
The UID is already used.
.TP
.B 6
The user or a given group does not exist.
.TP
.B 8
The user is logged in (has running processes).
.TP
.B 9
The new login name is already used.
.TP
.B 10
The group file could not be updated.
.TP
.B 12
The home directory could not be moved.
.SH FILES
.TP
.B /etc/passwd\fR, \fB/etc/shadow
Account information.
.TP
.B /etc/group\fR, \fB/etc/gshadow
Group information.
.TP
.B /etc/subuid\fR, \fB/etc/subgid
Subordinate ID ranges.
.SH EXAMPLES
.TP
.B "usermod \-aG wheel bob"
Let bob use sudo.
.TP
.B "usermod \-aG docker bob"
Let bob use docker without sudo.
.TP
.B "usermod \-s /bin/false olduser"
Prevent interactive logins.
.TP
.B "usermod \-l robert \-d /home/robert \-m bob"
Rename bob to robert, with his home directory.
.TP
.B "usermod \-e 1 bob"
Disable bob's account (an expiry date in 1970).
.SH "SEE ALSO"
.BR useradd (8),
.BR userdel (8),
.BR gpasswd (1),
.BR chage (1),
.BR passwd (1),
.BR group (5)
`;
