export default String.raw`.TH GRPCK 8 "2022-11" "shadow 4.13" "System Management Commands"
.SH NAME
grpck \- check the integrity of the group files
.SH SYNOPSIS
.B grpck
[\fIoptions\fR] [\fIgroup\fR [\fIgshadow\fR]]
.SH DESCRIPTION
.B grpck
reads /etc/group and /etc/gshadow (or the files named) and reports lines that
cannot be parsed, groups listed twice, invalid group names or IDs, members
that are not users, groups without a gshadow entry and gshadow entries without
a group, and group passwords kept in /etc/group. Members listed in one file and
not in the other are warned about; those warnings do not count as errors.
.PP
As with
.BR pwck ,
each problem comes with a question answered from standard input, and
.B \-r
answers them all "No".
.SH OPTIONS
.TP
.BR \-r ", " \-\-read\-only
Report, but change nothing.
.TP
.BR \-s ", " \-\-sort
Sort the entries by GID instead of checking.
.TP
.BR \-S ", " \-\-silence\-warnings
Leave out the warnings about member lists that differ.
.TP
.BI \-R " CHROOT_DIR" "\fR, \fB\-\-root " CHROOT_DIR
Work inside this directory.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.SH "EXIT STATUS"
0 when all is well, 1 for a usage error, 2 when bad entries were found, 3 when a file cannot be opened, 4 when it cannot be locked, 5 when it cannot be updated.
.SH FILES
.TP
.B /etc/group
The groups.
.TP
.B /etc/gshadow
Their passwords and administrators.
.SH "SEE ALSO"
.BR pwck (8)
`;
