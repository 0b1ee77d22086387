export default String.raw`.TH VIPW 8 "2022-11" "shadow 4.13" "System Management Commands"
.SH NAME
vipw, vigr \- edit the password, group, shadow\-password or shadow\-group file
.SH SYNOPSIS
.B vipw
[\fIoptions\fR]
.br
.B vigr
[\fIoptions\fR]
.SH DESCRIPTION
.B vipw
and
.B vigr
lock /etc/passwd or /etc/group (with
.BR \-s ,
/etc/shadow or /etc/gshadow), copy it to a temporary file and open the copy
with the editor named by
.BR VISUAL " or " EDITOR
(else
.BR vi ).
When the editor succeeds and the copy was modified, it replaces the file (the
old one is kept with a
.B \-
suffix) and a reminder to edit the matching file follows.
.SH OPTIONS
.TP
.BR \-g ", " \-\-group
Edit the group files.
.TP
.BR \-p ", " \-\-passwd
Edit the passwd files.
.TP
.BR \-s ", " \-\-shadow
Edit the shadow file of the chosen pair.
.TP
.BR \-q ", " \-\-quiet
Say nothing when the file is left unchanged.
.TP
.BI \-R " CHROOT_DIR" "\fR, \fB\-\-root " CHROOT_DIR
Work inside this directory.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.SH "EXIT STATUS"
0 on success; the editor's status when it fails; 5 when the file cannot be locked.
.SH "SEE ALSO"
.BR pwck (8),
.BR grpck (8)
`;
