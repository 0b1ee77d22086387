export default String.raw`.TH LASTLOG 8 "2022-11" "shadow 4.13" "System Management Commands"
.SH NAME
lastlog \- report the most recent login of all users or of a given user
.SH SYNOPSIS
.B lastlog
[\fIoptions\fR]
.SH DESCRIPTION
.B lastlog
prints, for each user of /etc/passwd in file order, the terminal, the host and
the time of the last login recorded in /var/log/lastlog, or
.B **Never logged in**.
The file holds one record per UID, so it is large but mostly empty.
.SH OPTIONS
.TP
.BI \-u " LOGIN" "\fR, \fB\-\-user " LOGIN
Only this user, a UID, or a range of UIDs (N, N\-, \-N, N\-M).
.TP
.BI \-t " DAYS" "\fR, \fB\-\-time " DAYS
Only records more recent than DAYS days.
.TP
.BI \-b " DAYS" "\fR, \fB\-\-before " DAYS
Only records older than DAYS days.
.TP
.BR \-S ", " \-\-set
With \fB\-u\fR: set the record to now (root only).
.TP
.BR \-C ", " \-\-clear
With \fB\-u\fR: clear the record (root only).
.TP
.BI \-R " CHROOT_DIR" "\fR, \fB\-\-root " CHROOT_DIR
Work inside this directory.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.SH "EXIT STATUS"
0 on success, 1 on an error.
.SH FILES
.TP
.B /var/log/lastlog
The last login of each user.
.SH "SEE ALSO"
.BR last (1)
`;
