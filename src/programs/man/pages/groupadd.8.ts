export default String.raw`.TH GROUPADD 8 "2022-11" "shadow 4.13" "System Management Commands"
.SH NAME
groupadd \- create a new group
.SH SYNOPSIS
.B groupadd
[\fIoptions\fR] \fIgroup\fR
.SH DESCRIPTION
.B groupadd
adds a group to
.B /etc/group
and
.BR /etc/gshadow ,
choosing a free group ID unless one is given. Ordinary groups get the next
free ID between
.B GID_MIN
(1000) and
.B GID_MAX
(60000); system groups, created with
.BR \-r ,
get one between
.B SYS_GID_MIN
(101) and
.B SYS_GID_MAX
(999), taken from the top down. These limits come from
.BR /etc/login.defs .
Only root may run it.
.PP
A group name must start with a lower case letter or an underscore and
contain only lower case letters, digits, underscores and dashes (a final
.B $
is allowed); it may be at most 32 characters long.
.SH OPTIONS
.TP
.BR \-f ", " \-\-force
Exit successfully if the group already exists. If the requested GID is
already used, pick another one instead.
.TP
.BI \-g " GID" "\fR, \fB\-\-gid " GID
Use this numeric group ID.
.TP
.BI \-K " KEY" = VALUE "\fR, \fB\-\-key " KEY = VALUE
Override a setting of
.B /etc/login.defs
(such as
.BR GID_MIN )
for this run.
.TP
.BR \-o ", " \-\-non\-unique
With
.BR \-g ,
allow a GID that another group already has.
.TP
.BI \-p " PASSWORD" "\fR, \fB\-\-password " PASSWORD
Set the group password to this already hashed value.
.TP
.BR \-r ", " \-\-system
Create a system group.
.TP
.BI \-U " user,..." "\fR, \fB\-\-users " user,...
Make these users members of the new group.
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
.SH "EXIT STATUS"
.TP
.B 0
Success.
.TP
.B 2
Invalid command syntax.
.TP
.B 3
Invalid argument to an option.
.TP
.B 4
The GID is already used (and
.B \-o
was not given).
.TP
.B 9
The group name is already used.
.TP
.B 10
The group file could not be updated.
.SH FILES
.TP
.B /etc/group
Group account information.
.TP
.B /etc/gshadow
Secure group account information.
.TP
.B /etc/login.defs
GID ranges and other defaults.
.SH EXAMPLES
.TP
.B "groupadd devs"
Create a group with the next free GID (1000 or more).
.TP
.B "groupadd \-r \-g 500 appsvc"
Create a system group with a chosen GID.
.TP
.B "groupadd \-U alice,bob devs"
Create a group with two members.
.SH "SEE ALSO"
.BR groupdel (8),
.BR groupmod (8),
.BR gpasswd (1),
.BR useradd (8),
.BR group (5),
.BR login.defs (5)
`;
