export default String.raw`.TH SSHD 8 "" "OpenSSH 9.3" "System Manager's Manual"
.SH NAME
sshd \- OpenSSH server daemon
.SH SYNOPSIS
.B sshd
[\fB\-DdeqTt\fR] [\fB\-f\fR \fIconfig_file\fR] [\fB\-h\fR \fIhost_key_file\fR] [\fB\-o\fR \fIoption\fR] [\fB\-p\fR \fIport\fR]
.SH DESCRIPTION
.B sshd
accepts SSH connections, authenticates the users (by public key or password,
through PAM) and gives them a shell or runs their command over an encrypted
channel. It reads its settings from
.BR /etc/ssh/sshd_config ;
see
.BR sshd_config (5).
.PP
On Photon OS it runs as
.BR sshd.service ,
started as
.B sshd \-D
(in the foreground, logging to the journal). Before it,
.B sshd\-keygen.service
creates the host keys with
.B ssh\-keygen \-A
if any is missing. After changing the configuration, check it with
.B sshd \-t
and then
.BR "systemctl reload sshd" " (or " restart ).
.PP
The daemon listens on every address, IPv4 and IPv6, on port 22 unless
.B Port
or
.B ListenAddress
say otherwise. It needs at least one readable host key; without any it
exits. On SIGHUP it rereads its configuration; SIGTERM ends it.
.PP
Photon OS changes a few defaults: root may not log in over SSH
.RB ( "PermitRootLogin no" ),
at most 4 authentication attempts are allowed, and agent and TCP forwarding
are off.
.SH OPTIONS
.TP
.B \-D
Stay in the foreground instead of detaching.
.TP
.B \-d
Debug mode: stay in the foreground and serve a single connection.
.TP
.B \-e
Write log messages to standard error instead of the system log.
.TP
.BI \-f " config_file"
Read this file instead of
.BR /etc/ssh/sshd_config .
.TP
.BI \-h " host_key_file"
Use this host key (may be repeated).
.TP
.BI \-o " option"
Give a setting in configuration file syntax.
.TP
.BI \-p " port"
Listen on this port instead of the configured ones.
.TP
.B \-q
Log nothing.
.TP
.B \-t
Test mode: check the configuration file and the host keys, then exit.
.TP
.B \-T
Extended test: check the configuration, then print the settings in effect,
one
.I keyword value
a line, in lower case.
.SH EXIT STATUS
0 when a test passes or the daemon ends normally; 1 when the configuration
file is missing or no host key is available; 255 for a bad setting in the
configuration (the message gives the file and line) or when a port cannot be
bound.
.SH FILES
.TP
.B /etc/ssh/sshd_config
The server configuration (mode 0600).
.TP
.BR /etc/ssh/ssh_host_rsa_key ", " ssh_host_ecdsa_key ", " ssh_host_ed25519_key
The private host keys, readable by root only; the
.B .pub
files beside them are public.
.TP
.B ~/.ssh/authorized_keys
Public keys allowed to log in as that user, one a line.
.TP
.B /etc/pam.d/sshd
The PAM configuration for SSH logins.
.TP
.B /usr/share/empty.sshd
Empty directory used by the unprivileged child process.
.SH EXAMPLES
.PP
Allow root logins, check, and apply:
.PP
.RS
.nf
# sed \-i 's/^PermitRootLogin no/PermitRootLogin yes/' /etc/ssh/sshd_config
# sshd \-t && systemctl restart sshd
.fi
.RE
.PP
Show the port and root-login setting in effect:
.PP
.RS
.nf
# sshd \-T | grep \-E '^(port|permitrootlogin) '
.fi
.RE
.SH SEE ALSO
.BR sshd_config (5),
.BR ssh\-keygen (1),
.BR ssh (1),
.BR systemctl (1)
`;
