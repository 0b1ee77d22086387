export default String.raw`.TH CONTAINERD 8 "" "containerd 1.6.21" "containerd"
.SH NAME
containerd \- container runtime daemon
.SH SYNOPSIS
.B containerd
[\fB\-\-config\fR \fIFILE\fR] [\fB\-\-log\-level\fR \fILEVEL\fR] [\fB\-\-address\fR \fISOCKET\fR] [\fICOMMAND\fR]
.SH DESCRIPTION
.B containerd
manages the life cycle of containers on a host: it pulls and stores images,
prepares their file systems with snapshotters (overlayfs by default), and
runs containers through a shim process and
.BR runc .
Clients talk to it over a gRPC socket. On Photon OS its main client is
.BR dockerd (8);
the Kubernetes kubelet can use it directly through its CRI plugin.
.PP
It runs as
.BR containerd.service ,
which is installed with the
.B containerd
package but not enabled by default;
.B docker.service
requires it, so starting Docker starts containerd too.
.SH OPTIONS
.TP
.BR \-c ", " \-\-config " \fIFILE\fR"
The configuration file (default
.BR /etc/containerd/config.toml ).
.TP
.BR \-l ", " \-\-log\-level " \fILEVEL\fR"
.BR trace ", " debug ", " info ", " warn ", " error .
.TP
.BR \-a ", " \-\-address " \fISOCKET\fR"
The gRPC socket (default
.BR /run/containerd/containerd.sock ).
.TP
.BR \-\-root ", " \-\-state " \fIDIR\fR"
Where persistent and runtime data live.
.TP
.BR \-v ", " \-\-version
Print the version.
.SH COMMANDS
.TP
.B config default
Print the built-in default configuration.
.TP
.B config dump
Print the configuration in effect.
.SH FILES
.TP
.B /etc/containerd/config.toml
Configuration (Photon's sets
.B version = 2
and enables SELinux support in the CRI plugin).
.TP
.B /var/lib/containerd/
Images, snapshots and metadata.
.TP
.B /run/containerd/
Sockets and runtime state.
.SH EXAMPLES
.PP
.RS
.nf
# systemctl status containerd
# containerd config dump | less
.fi
.RE
.SH SEE ALSO
.BR dockerd (8),
.BR systemctl (1)
`;
