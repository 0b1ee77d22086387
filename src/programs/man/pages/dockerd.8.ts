export default String.raw`.TH DOCKERD 8 "" "Docker 27.3.1" "Docker"
.SH NAME
dockerd \- the Docker engine daemon
.SH SYNOPSIS
.B dockerd
[\fIOPTIONS\fR]
.SH DESCRIPTION
.B dockerd
is the server side of Docker. It serves the Docker API, which the
.B docker
command uses, and manages images, containers, networks and volumes, leaving
the running of containers to
.BR containerd (8).
It creates the
.B docker0
bridge for container networking and adds the
.B iptables
rules (in the
.B nat
and
.B filter
tables, chains
.BR DOCKER " and " DOCKER\-USER )
that publish container ports, and it turns on IPv4 forwarding.
.PP
On Photon OS it runs as
.BR docker.service ,
started as
.B "dockerd \-H fd:// \-\-containerd=/run/containerd/containerd.sock"
and socket-activated through
.B docker.socket
on
.BR /var/run/docker.sock .
The service is not enabled by default; run
.B systemctl start docker
(or
.BR "enable \-\-now" )
before using
.BR docker .
Members of the
.B docker
group may use the socket without root.
.SH OPTIONS
.TP
.BR \-H ", " \-\-host " \fIADDR\fR"
Where to serve the API:
.BR unix:///var/run/docker.sock ,
.B fd://
(sockets passed by systemd), or
.BR tcp:// \fIhost\fB:\fIport\fR.
.TP
.BI \-\-containerd= SOCKET
Use this containerd instead of starting one.
.TP
.BR \-\-config\-file " \fIFILE\fR"
The configuration file (default
.BR /etc/docker/daemon.json ).
.TP
.BR \-\-data\-root " \fIDIR\fR"
Where images and containers are stored (default
.BR /var/lib/docker ).
.TP
.BR \-D ", " \-\-debug
Log debug messages.
.TP
.BR \-\-iptables =\fIbool\fR
Whether to add firewall rules (default true).
.TP
.BR \-v ", " \-\-version
Print the version.
.SH FILES
.TP
.B /etc/docker/daemon.json
Configuration, as JSON; the same settings as the options.
.TP
.B /var/lib/docker/
Images, containers, volumes.
.TP
.B /var/run/docker.sock
The API socket.
.SH EXAMPLES
.PP
.RS
.nf
# systemctl enable \-\-now docker
# journalctl \-u docker
# docker info
.fi
.RE
.SH SEE ALSO
.BR containerd (8),
.BR systemctl (1),
.BR iptables (8)
`;
