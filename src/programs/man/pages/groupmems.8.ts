export default String.raw`.TH GROUPMEMS 8 "2022-11" "shadow 4.13" "System Management Commands"
.SH NAME
groupmems \- list and change the members of a group
.SH SYNOPSIS
.B groupmems
[\fB\-a\fR \fIuser\fR | \fB\-d\fR \fIuser\fR | \fB\-p\fR | \fB\-l\fR]
[\fB\-g\fR \fIgroup\fR] [\fB\-R\fR \fIdir\fR]
.SH DESCRIPTION
.B groupmems
shows or edits the list of secondary members of one group, in /etc/group
and, when it exists, in /etc/gshadow. At most one action is allowed per call.
.PP
Without \fB\-g\fR the group is the caller's own: the primary group of the
caller, which must have the same name as the caller's account. Only root may
pick another group with \fB\-g\fR. Listing is open to everyone; any change
goes through PAM first, which on this system lets root through and refuses
everybody else.
.PP
When a group that is changed has no line in /etc/gshadow, one is made for it
and its password moves there.
.SH OPTIONS
.TP
.BI \-a " USER" "\fR, \fB\-\-add " USER
Make the user (who must have an account) a member of the group.
.TP
.BI \-d " USER" "\fR, \fB\-\-delete " USER
Take the user off the group's member list (and off its administrators in
/etc/gshadow).
.TP
.BR \-p ", " \-\-purge
Empty the member list (and the administrator list) of the group.
.TP
.BR \-l ", " \-\-list
Print the group's members on one line.
.TP
.BI \-g " GROUP" "\fR, \fB\-\-group " GROUP
Act on this group rather than the caller's own (root only, except with
\fB\-l\fR).
.TP
.BI \-R " CHROOT_DIR" "\fR, \fB\-\-root " CHROOT_DIR
Change root to this directory first and use the group files found there.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.SH "EXIT STATUS"
.TP
.B 0
Success.
.TP
.B 1
Bad usage (an unknown option, two actions, or a stray argument), or
refused by PAM.
.TP
.B 2
The group files could not be locked, read or written.
.TP
.B 3
\fB\-g\fR was used for a change by someone other than root, or the
\fB\-R\fR directory could not be entered.
.TP
.B 5
The caller's group name is not the same as the caller's user name.
.TP
.B 6
The user to remove is not a member.
.TP
.B 7
The user to add is a member already.
.TP
.B 8
The user to add has no account.
.TP
.B 9
The group does not exist.
.SH FILES
.TP
.B /etc/group
Group account information.
.TP
.B /etc/gshadow
Secure group account information.
.SH "SEE ALSO"
.BR chfn (1),
.BR chsh (1),
.BR gpasswd (1),
.BR groupadd (8),
.BR groupdel (8),
.BR groupmod (8),
.BR group (5),
.BR gshadow (5)
`;
