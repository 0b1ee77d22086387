export default String.raw`.TH SYSTEMD\-SYSUSERS 8 "" "systemd 253" "systemd-sysusers"
.SH NAME
systemd-sysusers \- make the system users and groups that sysusers.d declares
.SH SYNOPSIS
.B systemd\-sysusers
[\fIOPTIONS\fR...] [\fICONFIGFILE\fR...]
.SH DESCRIPTION
.B systemd\-sysusers
reads
.B sysusers.d
configuration and adds to
.BR /etc/passwd ,
.BR /etc/group ,
.B /etc/shadow
and
.B /etc/gshadow
the system users and groups it declares that do not exist yet. Existing
entries are left as they are. Packages ship such files so that their accounts
exist before their files are installed; at boot
.B systemd\-sysusers.service
runs it once more.
.PP
Without
.I CONFIGFILE
arguments it reads every
.B *.conf
file of
.BR /etc/sysusers.d ,
.B /run/sysusers.d
and
.BR /usr/lib/sysusers.d ,
a file in an earlier directory hiding one of the same name in a later one.
Each line reads
.PP
.RS
.I "Type  Name  ID  GECOS  Home  Shell"
.RE
.PP
with the types
.B u
(a user, and a group of the same name unless the ID names another),
.B g
(a group),
.B m
(add a user to a group) and
.B r
(a range that IDs are taken from). An ID of
.B \-
lets the tool choose one: the highest free system ID, counting down from 999.
.SH OPTIONS
.TP
.B \-\-root=\fIROOT\fR
Act on the files below
.I ROOT
instead of the running system's.
.TP
.B \-\-cat\-config
Print the configuration files that would be read, each after its name.
.TP
.B \-\-dry\-run
Say what would be added without writing anything.
.TP
.B \-\-inline
Take the arguments as configuration lines rather than file names.
.TP
.B \-\-replace=\fIPATH\fR
Read the given lines (or standard input) in place of the file
.IR PATH .
.SH "EXIT STATUS"
0 on success; non\-zero when a line is wrong (reported as
.IR FILE : LINE )
or a file cannot be written.
.SH "SEE ALSO"
.BR systemd\-tmpfiles (8),
.BR useradd (8),
.BR groupadd (8)
`;
