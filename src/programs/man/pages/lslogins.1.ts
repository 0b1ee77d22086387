export default String.raw`.TH LSLOGINS 1 "2022-03" "util-linux 2.38" "User Commands"
.SH NAME
lslogins \- show what the system knows about its users
.SH SYNOPSIS
.B lslogins
[\fIoptions\fR] [\fB\-s\fR|\fB\-u\fR[=\fIUID\fR]] [\fB\-g\fR \fIgroups\fR] [\fB\-l\fR \fIlogins\fR] [\fIusername\fR]
.SH DESCRIPTION
.B lslogins
reads /etc/passwd, /etc/shadow and /etc/group, the login records of wtmp,
btmp and lastlog, and the process table, and prints a line for each user,
in the order of their user IDs: by default the UID, the name, how many
processes the user runs, whether the password is locked or login by
password is refused, the time of the last login and the GECOS field.
.PP
Given one user name, it prints every field it knows about that user, one
per line, with a description in front of each value.
.SH OPTIONS
.TP
.BR \-a ", " \-\-acc\-expiration
Add the password aging columns: the warning period, the minimum and maximum
ages, the date of the last change and the account's expiry date.
.TP
.BR \-c ", " \-\-colon\-separate
Part the fields by colons, as /etc/passwd does.
.TP
.BR \-e ", " \-\-export
Print each line as NAME="value" pairs.
.TP
.BR \-f ", " \-\-failed
Add the time and terminal of each user's last failed login.
.TP
.BR \-G ", " \-\-supp\-groups
Add the primary and supplementary groups, by name and by number.
.TP
.BR \-g ", " \-\-groups =\fIgroups\fR
Show only the members of these groups (a comma\-separated list).
.TP
.BR \-L ", " \-\-last
Add the terminal, host and time of each user's last login.
.TP
.BR \-l ", " \-\-logins =\fIlogins\fR
Show only these users, named or given by UID (a comma\-separated list).
.TP
.BR \-n ", " \-\-newline
Print every field on a line of its own.
.TP
.B \-\-noheadings
Leave out the header line.
.TP
.BR \-o ", " \-\-output =\fIlist\fR
Print these columns; a list that starts with \fB+\fR adds them to the others.
.TP
.B \-\-output\-all
Print every column.
.TP
.BR \-p ", " \-\-pwd
Add the columns about passwords and logins: empty, locked or refused
passwords, nologin shells, hushed logins and the hashing method.
.TP
.BR \-r ", " \-\-raw
Print the table in raw form.
.TP
.BR \-s ", " \-\-system\-accs
Show only system accounts (SYS_UID_MIN to SYS_UID_MAX of login.defs).
.TP
.BI \-\-time\-format= type
Write dates as \fBshort\fR (the default), \fBfull\fR or \fBiso\fR.
.TP
.BR \-u ", " \-\-user\-accs
Show only user accounts (UID_MIN to UID_MAX of login.defs, and root).
.TP
.BR \-y ", " \-\-shell
Make the column names usable as shell variable names.
.TP
.BR \-z ", " \-\-print0
Part the users by NUL characters.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH EXIT STATUS
0 on success, 1 for a bad option or column, an unknown user named alone, or
options that cannot be combined.
.SH SEE ALSO
.BR passwd (5),
.BR shadow (5),
.BR last (1),
.BR lastlog (8)
`;
