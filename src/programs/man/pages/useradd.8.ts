export default String.raw`.TH USERADD 8 "2022-11" "shadow 4.13" "System Management Commands"
.SH NAME
useradd \- create a new user or update default new user information
.SH SYNOPSIS
.B useradd
[\fIoptions\fR] \fILOGIN\fR
.br
.B useradd \-D
.br
.B useradd \-D
[\fIoptions\fR]
.SH DESCRIPTION
.B useradd
creates an account: it adds entries to
.BR /etc/passwd ,
.B /etc/shadow
and, for group membership,
.B /etc/group
and
.BR /etc/gshadow ,
taking every value not given on the command line from
.B /etc/default/useradd
and
.BR /etc/login.defs .
Only root may run it. The new account has a locked password
.RB ( ! )
until one is set with
.BR passwd (1)
or
.BR chpasswd (8).
.PP
A login name must start with a lower case letter or an underscore, followed
by lower case letters, digits, underscores or dashes (a final
.B $
is allowed), at most 32 characters.
.SS "Defaults on Photon OS"
.TP
.B "No home directory unless \-m"
.B CREATE_HOME
is not set in
.BR /etc/login.defs ,
so
.B "useradd bob"
records
.B /home/bob
as the home directory but does not create it. Use
.B \-m
(which also copies
.BR /etc/skel ).
.TP
.B "Primary group users"
.B USERGROUPS_ENAB
is
.BR no ,
so no group named after the user is created: the new user's primary group
is
.B users
(GID 100, from
.B GROUP=100
in
.BR /etc/default/useradd ),
unless
.B \-g
or
.B \-U
is given.
.TP
.B "Other values"
The shell is
.BR /bin/bash ;
UIDs are taken from 1000 to 60000 (system accounts: 101 to 999); the
password must be changed every 90 days
.RB ( PASS_MAX_DAYS ),
with 7 days of warning; no mail spool is created.
.SH OPTIONS
.TP
.B \-\-badname
Accept a login name that does not follow the rules above.
.TP
.BI \-b " BASE_DIR" "\fR, \fB\-\-base\-dir " BASE_DIR
Directory in which the home directory is placed when
.B \-d
is not given
.RB ( /home
by default).
.TP
.BI \-c " COMMENT" "\fR, \fB\-\-comment " COMMENT
The GECOS field, usually the user's full name.
.TP
.BI \-d " HOME_DIR" "\fR, \fB\-\-home\-dir " HOME_DIR
The home directory (by default
.IR BASE_DIR / LOGIN ).
It is not created unless
.B \-m
is given too.
.TP
.BR \-D ", " \-\-defaults
Without other options, print the defaults of
.BR /etc/default/useradd .
With
.BR \-b ", " \-e ", " \-f ", " \-g " or " \-s ,
change those defaults instead of creating an account.
.TP
.BI \-e " EXPIRE_DATE" "\fR, \fB\-\-expiredate " EXPIRE_DATE
Date
.RB ( YYYY\-MM\-DD )
on which the account is disabled.
.TP
.BI \-f " INACTIVE" "\fR, \fB\-\-inactive " INACTIVE
Days after the password expires before the account is disabled;
.B \-1
(the default) disables this.
.TP
.BR \-F ", " \-\-add\-subids\-for\-system
Give subordinate UIDs and GIDs to a system account too.
.TP
.BI \-g " GROUP" "\fR, \fB\-\-gid " GROUP
The primary group, by name or number; it must exist.
.TP
.BI \-G " GROUP1\fR[\fB,\fIGROUP2\fR...]" "\fR, \fB\-\-groups " GROUP1\fR[\fB,\fIGROUP2\fR...]
Supplementary groups, separated by commas without spaces.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.TP
.BI \-k " SKEL_DIR" "\fR, \fB\-\-skel " SKEL_DIR
With
.BR \-m ,
copy this directory instead of
.B /etc/skel
into the new home.
.TP
.BI \-K " KEY" = VALUE "\fR, \fB\-\-key " KEY = VALUE
Override a setting of
.B /etc/login.defs
for this run, for example
.BR "\-K UID_MIN=5000" .
.TP
.BR \-l ", " \-\-no\-log\-init
Do not add the user to the lastlog and faillog databases.
.TP
.BR \-m ", " \-\-create\-home
Create the home directory, owned by the user (mode 0755 with Photon's
umask 022), and copy the files of the skeleton directory into it.
.TP
.BR \-M ", " \-\-no\-create\-home
Do not create the home directory, whatever
.B CREATE_HOME
says.
.TP
.BR \-N ", " \-\-no\-user\-group
Do not create a group named after the user; use the default group.
.TP
.BR \-o ", " \-\-non\-unique
With
.BR \-u ,
allow a UID that another account already has.
.TP
.BI \-p " PASSWORD" "\fR, \fB\-\-password " PASSWORD
Set the password to this already hashed value (as produced by
.BR "openssl passwd \-6" ).
A clear\-text password given here would not work and would be visible to
other users in the process list.
.TP
.BR \-r ", " \-\-system
Create a system account: a UID below 1000, no aging, and no home directory
unless
.B \-m
is given.
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
The login shell, for example
.B /bin/false
or
.B /usr/sbin/nologin
for an account that must not log in.
.TP
.BI \-u " UID" "\fR, \fB\-\-uid " UID
The numeric user ID.
.TP
.BR \-U ", " \-\-user\-group
Create a group with the same name as the user and make it the primary
group.
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
The given group does not exist.
.TP
.B 9
The login name is already used.
.TP
.B 10
The group file could not be updated.
.TP
.B 12
The home directory could not be created.
.SH FILES
.TP
.B /etc/passwd\fR, \fB/etc/shadow
Account information.
.TP
.B /etc/group\fR, \fB/etc/gshadow
Group information.
.TP
.B /etc/default/useradd
Defaults shown and changed by
.BR \-D .
.TP
.B /etc/login.defs
ID ranges, aging and other settings.
.TP
.B /etc/skel/
Files copied into new home directories.
.TP
.B /etc/subuid\fR, \fB/etc/subgid
Subordinate ID ranges.
.SH EXAMPLES
.TP
.B "useradd \-m \-G wheel bob && passwd bob"
Create an administrator with a home directory and set a password.
.TP
.B "useradd \-m \-U \-c 'Alice Smith' alice"
Create a user with her own primary group, as many other distributions do
by default.
.TP
.B "useradd \-r \-s /bin/false \-d /var/lib/myapp myapp"
Create a system account for a service.
.TP
.B "useradd \-D"
Show the defaults.
.SH "SEE ALSO"
.BR usermod (8),
.BR userdel (8),
.BR passwd (1),
.BR chage (1),
.BR groupadd (8),
.BR login.defs (5),
.BR passwd (5)
`;
