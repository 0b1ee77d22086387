export default String.raw`.TH AGETTY 8 "2022-08" "util-linux 2.38" "System Administration"
.SH NAME
agetty \- open a terminal and wait for a user to log in
.SH SYNOPSIS
.B agetty
[\fIoptions\fR] \fIport\fR [\fIbaud_rate\fR,...] [\fIterm\fR]
.SH DESCRIPTION
.B agetty
opens a terminal line, sets up its modes, prints the contents of
.B /etc/issue
and a
.B login:
prompt, reads the user name, and then runs
.BR login (1)
with it, which asks for the password. When the session ends,
.B agetty
exits and systemd starts a new one.
.PP
On Photon OS it is run for the first virtual console by
.BR getty@tty1.service ,
and for serial consoles by
.BR serial\-getty@ \fIport\fB.service ,
as
.B "agetty \-o '\-p \-\- \eu' \-\-noclear \- $TERM"
(the port
.B \-
means the standard input, which systemd attaches to the terminal).
.PP
In
.BR /etc/issue ,
escapes such as
.B \en
(host name),
.B \er
(kernel release),
.B \el
(terminal name) and
.B \ed
(date) are replaced.
.SH OPTIONS
.TP
.BR \-o ", " \-\-login\-options " \fIstring\fR"
Arguments for
.BR login ;
.B \eu
is replaced by the user name.
.TP
.BR \-J ", " \-\-noclear
Do not clear the screen before the prompt.
.TP
.BR \-a ", " \-\-autologin " \fIuser\fR"
Log this user in without asking.
.TP
.BR \-s ", " \-\-keep\-baud
Try the given baud rates on a serial line.
.TP
.BR \-L ", " \-\-local\-line
Ignore the modem control lines.
.TP
.BR \-8 ", " \-\-8bits
Assume an 8-bit clean line.
.TP
.BR \-i ", " \-\-noissue
Do not print
.BR /etc/issue .
.TP
.BR \-l ", " \-\-login\-program " \fIprogram\fR"
Run this instead of
.BR /bin/login .
.SH FILES
.TP
.B /etc/issue
Text printed before the prompt.
.TP
.BR /run/utmp ", " /var/log/wtmp
Login records.
.SH EXAMPLES
.PP
Log root in automatically on tty1 (a drop-in for
.BR getty@tty1.service ):
.PP
.RS
.nf
[Service]
ExecStart=
ExecStart=\-/sbin/agetty \-a root \-\-noclear %I $TERM
.fi
.RE
.SH SEE ALSO
.BR login (1),
.BR systemd\-logind (8),
.BR systemd.service (5)
`;
