export default String.raw`.TH SYSTEMD\-TMPFILES 8 "" "systemd 253" "systemd-tmpfiles"
.SH NAME
systemd-tmpfiles \- create, clean up and remove volatile files and directories
.SH SYNOPSIS
.B systemd\-tmpfiles
[\fIOPTIONS\fR...] [\fICONFIGFILE\fR...]
.SH DESCRIPTION
.B systemd\-tmpfiles
acts on the files and directories described in
.B tmpfiles.d
configuration: it creates them with the given mode and owner, cleans old
files out of them, or removes them. It is how directories under
.B /run
and
.BR /var ,
which may start out empty, get created at every boot.
.PP
Without
.I CONFIGFILE
arguments, every
.B *.conf
file of the configuration directories is read, a file in an earlier directory
hiding one of the same name in a later one, in name order. Each line reads
.PP
.RS
.I "Type  Path  Mode  User  Group  Age  Argument"
.RE
.PP
where
.B \-
stands for the default of a field. Common types:
.B d
(create a directory),
.B D
(the same, emptied by
.BR \-\-remove ),
.B f
(create a file, with
.I Argument
as its content),
.B L
(create a symbolic link to
.IR Argument ),
.B z
(set mode and owner of an existing path). A type followed by
.B !
applies only at boot.
.PP
At boot,
.B systemd\-tmpfiles\-setup.service
runs
.BR "systemd\-tmpfiles \-\-create \-\-remove \-\-boot \-\-exclude\-prefix=/dev" ;
.B systemd\-tmpfiles\-clean.timer
runs
.B \-\-clean
daily.
.SH OPTIONS
At least one of
.BR \-\-create ,
.B \-\-clean
and
.B \-\-remove
is required.
.TP
.B \-\-create
Create the files and directories that do not exist, and adjust modes and
owners.
.TP
.B \-\-clean
Delete files older than the Age field.
.TP
.B \-\-remove
Remove the contents of
.B D
and
.B R
entries.
.TP
.B \-\-boot
Also act on the lines marked with
.BR ! .
.TP
.BI \-\-prefix= path "\fR, " \-\-exclude\-prefix= path
Only act on paths under
.IR path ,
or skip those.
.TP
.BI \-\-root= dir
Work on a directory tree other than
.BR / .
.SH EXIT STATUS
0 on success; 73 when something could not be created (the message names the
file and path); 1 for usage errors, such as missing all three actions.
.SH FILES
.TP
.BR /etc/tmpfiles.d/ ", " /run/tmpfiles.d/ ", " /usr/lib/tmpfiles.d/
Configuration, the local directory first.
.SH EXAMPLES
.PP
Have
.B /run/myapp
created at every boot, in
.BR /etc/tmpfiles.d/myapp.conf :
.PP
.RS
.nf
d /run/myapp 0750 root root \-
.fi
.RE
.PP
and apply it now with
.BR "systemd\-tmpfiles \-\-create /etc/tmpfiles.d/myapp.conf" .
.SH SEE ALSO
.BR systemd.unit (5),
.BR systemd\-sysctl (8)
`;
