export default String.raw`.TH DBUS\-DAEMON 1 "" "D-Bus 1.15.4" "User Commands"
.SH NAME
dbus-daemon \- the D-Bus message bus daemon
.SH SYNOPSIS
.B dbus\-daemon
[\fB\-\-system\fR|\fB\-\-session\fR|\fB\-\-config\-file=\fIFILE\fR] [\fB\-\-nofork\fR] [\fB\-\-nopidfile\fR] [\fB\-\-systemd\-activation\fR] [\fB\-\-address=\fIADDR\fR]
.SH DESCRIPTION
.B dbus\-daemon
is a message bus: programs connect to it and exchange method calls, replies
and signals with each other through it, addressing one another by
well-known names such as
.BR org.freedesktop.systemd1 " or " org.freedesktop.login1 .
It also starts services on demand when a message is sent to a name nobody
owns yet (bus activation; with systemd, by starting the matching unit).
.PP
The
.I system bus
is a single instance for the whole machine, run by
.B dbus.service
(socket-activated from
.BR /run/dbus/system_bus_socket )
as the
.B dbus
user. Its policy files say who may own which names and send which messages.
systemd's own tools, such as
.BR hostnamectl (1),
.BR timedatectl (1)
and
.BR loginctl (1),
reach their daemons through it. A
.I session bus
may also run per user login.
.SH OPTIONS
.TP
.B \-\-system
Use the system bus configuration
.RB ( /usr/share/dbus\-1/system.conf ).
.TP
.B \-\-session
Use the session bus configuration.
.TP
.BI \-\-config\-file= FILE
Read this configuration file.
.TP
.B \-\-nofork
Stay in the foreground.
.TP
.B \-\-nopidfile
Do not write a PID file.
.TP
.B \-\-systemd\-activation
Let systemd start activatable services.
.TP
.BI \-\-address= ADDR
Listen on this address instead of the configured one.
.TP
.B \-\-print\-address\fR, \fB\-\-print\-pid
Print the bus address or the PID once started.
.TP
.B \-\-version
Print the version.
.SH FILES
.TP
.BR /usr/share/dbus\-1/system.conf ", " /etc/dbus\-1/system.d/*.conf
System bus configuration and policies.
.TP
.B /usr/share/dbus\-1/system\-services/
Descriptions of activatable system services.
.TP
.B /run/dbus/system_bus_socket
The system bus socket.
.SH EXAMPLES
.PP
.RS
.nf
$ systemctl status dbus
.fi
.RE
.SH SEE ALSO
.BR systemctl (1),
.BR systemd\-logind (8)
`;
