export default String.raw`.TH SYSTEMD\-LOGIND.SERVICE 8 "" "systemd 253" "systemd-logind.service"
.SH NAME
systemd-logind.service, systemd-logind \- login manager
.SH SYNOPSIS
.B systemd\-logind.service
.br
.B /usr/lib/systemd/systemd\-logind
.SH DESCRIPTION
.B systemd\-logind
keeps track of users and their login sessions. The PAM module
.B pam_systemd
registers every login with it: console logins through
.BR agetty (8)
and
.BR login (1),
SSH logins, and so on. For each session it records the user, the seat and
terminal, and puts the session's processes in a scope unit under the user's
slice
.RB ( user\- \fIUID\fB.slice ),
starting the user's own service manager
.RB ( user@ \fIUID\fB.service )
with the first session and stopping it after the last one ends, unless
lingering is enabled for the user.
.PP
It also handles the power and sleep keys, idle actions, and the inhibitor
locks programs take to delay a shutdown, and it decides whether an
unprivileged user may reboot or power off the machine.
.PP
It is reached over D-Bus; its command-line client is
.BR loginctl (1).
.SH FILES
.TP
.BR /etc/systemd/logind.conf ", " /etc/systemd/logind.conf.d/*.conf
Settings such as
.BR NAutoVTs= ,
.BR KillUserProcesses= ,
.B HandlePowerKey=
and
.BR IdleAction= .
.TP
.BR /run/systemd/sessions/ ", " /run/systemd/users/ ", " /run/systemd/seats/
Runtime state of sessions, users and seats.
.TP
.B /var/lib/systemd/linger/
One file per user whose manager keeps running without a session.
.SH EXAMPLES
.PP
.RS
.nf
$ loginctl list\-sessions
$ loginctl list\-users
.fi
.RE
.SH SEE ALSO
.BR loginctl (1),
.BR agetty (8),
.BR systemd\-user\-sessions (8)
`;
