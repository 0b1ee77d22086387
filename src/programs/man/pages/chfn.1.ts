export default String.raw`.TH CHFN 1 "2022-11" "shadow 4.13" "User Commands"
.SH NAME
chfn \- change real user name and information
.SH SYNOPSIS
.B chfn
[\fIoptions\fR] [\fILOGIN\fR]
.SH DESCRIPTION
.B chfn
changes the comment (GECOS) field of an account in
.IR /etc/passwd ,
which holds the full name, room number, work phone, home phone and any
other information, separated by commas. Fields that are not given keep
their old values. Without options it asks for each field on standard
input; an empty answer keeps a field, a blank one clears it.
.PP
Root may change every field of any account. Other users may change only
their own account, and only the fields that
.B CHFN_RESTRICT
in
.I /etc/login.defs
lists (on Photon OS: room number, work phone and home phone).
.PP
No field may contain a colon or a newline; the first four may not contain
a comma or an equals sign either.
.SH OPTIONS
.TP
.BI \-f " FULL_NAME" "\fR, \fB\-\-full\-name " FULL_NAME
The full name.
.TP
.BI \-h " HOME_PHONE" "\fR, \fB\-\-home\-phone " HOME_PHONE
The home phone number.
.TP
.BI \-o " OTHER" "\fR, \fB\-\-other " OTHER
Other information (root only).
.TP
.BI \-r " ROOM" "\fR, \fB\-\-room " ROOM
The room number.
.TP
.BI \-R " CHROOT_DIR" "\fR, \fB\-\-root " CHROOT_DIR
Make the change inside
.IR CHROOT_DIR .
.TP
.BR \-u ", " \-\-help
Show a short help text and exit.
.TP
.BI \-w " WORK_PHONE" "\fR, \fB\-\-work\-phone " WORK_PHONE
The work phone number.
.SH FILES
.TP
.I /etc/passwd
User account information.
.TP
.I /etc/login.defs
Shadow password suite configuration.
.SH SEE ALSO
.BR chsh (1),
.BR login.defs (5),
.BR passwd (5).
`;
