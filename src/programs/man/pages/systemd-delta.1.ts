export default String.raw`.TH SYSTEMD\-DELTA 1 "" "systemd 253" "systemd-delta"
.SH NAME
systemd-delta \- list configuration files that override others
.SH SYNOPSIS
.B systemd\-delta
[\fIOPTIONS\fR...] [\fIPREFIX\fR[/\fISUFFIX\fR]|\fISUFFIX\fR...]
.SH DESCRIPTION
Configuration of systemd and related tools may live in several directories
of different priority:
.IR /etc ,
.IR /run ,
.IR /usr/local/lib ,
.IR /usr/local/share ,
.I /usr/lib
and
.IR /usr/share ,
each with subdirectories such as
.IR systemd/system ,
.IR sysctl.d " or " tmpfiles.d .
A file in a higher-priority directory hides a file of the same name in a
lower one.
.B systemd\-delta
walks these directories and reports such files, each tagged by how it
overrides the other:
.TP
.B [MASKED]
the higher file is empty or a link to
.IR /dev/null ;
.TP
.B [EQUIVALENT]
it is a symbolic link that resolves to the lower file;
.TP
.B [REDIRECTED]
it is a symbolic link to some other file;
.TP
.B [OVERRIDDEN]
it is a file of its own (by default a unified diff against the lower file
follows);
.TP
.B [EXTENDED]
a unit file has drop-in
.I .conf
files in a
.IB unit .d
directory;
.TP
.B [UNCHANGED]
nothing overrides the file (shown only when asked for).
.PP
A count of the reported files ends the output. Arguments limit the walk:
a relative one names a subdirectory kind such as
.IR systemd/system ;
an absolute one, such as
.IR /etc/systemd/system ,
shows only overrides whose hidden file, or drop-in, lies below it.
.SH OPTIONS
.TP
.BI \-t " LIST" "\fR, \fP" \-\-type= LIST
Report only the given kinds, a comma-separated list of
.BR masked ,
.BR equivalent ,
.BR redirected ,
.BR overridden ,
.B extended
and
.BR unchanged .
The default is all but
.BR unchanged .
.TP
.BR \-\-diff [=\fIBOOL\fR]
Whether to show a diff for overridden files; on by default when
overridden files are reported.
.TP
.B \-\-no\-pager
Do not send the output through a pager.
.TP
.BR \-h ", " \-\-help
Print a short summary of the options and exit.
.TP
.B \-\-version
Print the systemd version and exit.
.SH EXIT STATUS
0 on success, 1 on a bad option or argument.
.SH SEE ALSO
.BR systemd (1),
.BR systemd.unit (5)
`;
