export default String.raw`.TH SSHD_CONFIG 5 "" "OpenSSH 9.3" "File Formats Manual"
.SH NAME
sshd_config \- configuration file of the OpenSSH server
.SH SYNOPSIS
.B /etc/ssh/sshd_config
.SH DESCRIPTION
.BR sshd (8)
reads its settings from this file (or the one given with
.BR \-f ).
Each line holds a keyword and its arguments, separated by white space or by
.BR = .
Keywords are not case-sensitive; arguments are. Empty lines and lines
starting with
.B #
are ignored. For most keywords the first value given wins.
.PP
A
.B Match
line starts a block of settings that apply only to connections matching its
criteria
.RB ( User ", " Group ", " Host ", " Address
and others, each followed by patterns); the block lasts until the next
.B Match
or the end of the file.
.PP
An unknown keyword or an invalid value makes
.B sshd
refuse to start, naming the file and line. Run
.B sshd \-t
after editing, then restart the service.
.PP
The file Photon OS installs leaves most settings at their built-in default
(shown as comments) and sets
.BR "PermitRootLogin no" ,
.BR "MaxAuthTries 4" ,
.BR "UsePAM yes" ,
.BR "AllowAgentForwarding no" ,
.BR "AllowTcpForwarding no" ,
.BR "TCPKeepAlive no" ,
.B "Compression no"
and
.BR "ClientAliveCountMax 2" .
.SH KEYWORDS
.TP
.BI Port " number"
Port to listen on (default 22). May be given several times.
.TP
.BI ListenAddress " address" \fR[\fB:\fIport\fR]
Address to listen on (default: all IPv4 and IPv6 addresses).
.TP
.BR AddressFamily " \fBany\fR|\fBinet\fR|\fBinet6\fR"
Which address families to use.
.TP
.BI HostKey " file"
A private host key file; the defaults are the rsa, ecdsa and ed25519 keys in
.BR /etc/ssh .
.TP
.BR PermitRootLogin " \fByes\fR|\fBprohibit\-password\fR|\fBforced\-commands\-only\fR|\fBno\fR"
Whether root may log in:
.B prohibit\-password
(the upstream default) allows keys but not passwords;
.B no
refuses root entirely.
.TP
.BR PasswordAuthentication " \fByes\fR|\fBno\fR"
Whether passwords are accepted (default yes).
.TP
.BR PubkeyAuthentication " \fByes\fR|\fBno\fR"
Whether public keys are accepted (default yes).
.TP
.BR KbdInteractiveAuthentication " \fByes\fR|\fBno\fR"
Challenge-response logins, as used by PAM.
.TP
.BI AuthorizedKeysFile " path"
Where a user's allowed keys are, relative to the home directory
(default
.BR .ssh/authorized_keys ).
.TP
.BR PermitEmptyPasswords " \fByes\fR|\fBno\fR"
Whether accounts with an empty password may log in (default no).
.TP
.BR UsePAM " \fByes\fR|\fBno\fR"
Use PAM for account checks and sessions.
.TP
.BI MaxAuthTries " n"
Authentication attempts allowed per connection (default 6).
.TP
.BI LoginGraceTime " time"
How long a client has to log in (default 2m).
.TP
.BR AllowUsers ", " DenyUsers ", " AllowGroups ", " DenyGroups " \fIpattern\fR..."
Only let in (or keep out) these users or members of these groups.
.TP
.BR AllowTcpForwarding ", " AllowAgentForwarding ", " X11Forwarding
Whether the corresponding forwarding is permitted.
.TP
.BI ClientAliveInterval " seconds\fR, " ClientAliveCountMax " n"
Probe idle clients every so many seconds and drop them after
.I n
unanswered probes.
.TP
.BR PrintMotd ", " PrintLastLog ", " Banner " \fIfile\fR"
What to show at login.
.TP
.BI Subsystem " name command"
A subsystem such as
.BR "sftp /usr/libexec/sftp\-server" .
.TP
.BR SyslogFacility ", " LogLevel
Where and how much to log
.RB ( AUTH ", " INFO ).
.TP
.BI Include " file"
Read further settings from
.IR file .
.SH FILES
.TP
.B /etc/ssh/sshd_config
This file, mode 0600, owned by root.
.SH EXAMPLES
.PP
Allow root with a key only, on a second port too:
.PP
.RS
.nf
Port 22
Port 2222
PermitRootLogin prohibit\-password
PasswordAuthentication yes
.fi
.RE
.SH SEE ALSO
.BR sshd (8),
.BR ssh\-keygen (1)
`;
