export default String.raw`.TH INSTALL 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
install \- copy files and set attributes
.SH SYNOPSIS
.B install
[\fIOPTION\fR]... [\fB\-T\fR] \fISOURCE DEST\fR
.br
.B install
[\fIOPTION\fR]... \fISOURCE\fR... \fIDIRECTORY\fR
.br
.B install
[\fIOPTION\fR]... \fB\-t\fR \fIDIRECTORY SOURCE\fR...
.br
.B install
[\fIOPTION\fR]... \fB\-d\fR \fIDIRECTORY\fR...
.SH DESCRIPTION
.B install
copies each
.I SOURCE
to
.I DEST
or into
.I DIRECTORY
and gives the copy a mode (755 unless
.B \-m
says otherwise), an owner and a group in one step.
With
.BR \-d ,
it creates each
.I DIRECTORY
and its missing parents instead.
It is the usual way for build scripts to put programs and configuration files
in place.
.SH OPTIONS
.TP
.BR \-\-backup [=\fICONTROL\fR]
Back up each destination that exists (see
.BR ln (1)
for
.IR CONTROL ).
.TP
.B \-b
Like
.B \-\-backup
without an argument.
.TP
.B \-c
Ignored.
.TP
.BR \-C ", " \-\-compare
Do not copy when the source and the destination are already the same.
.TP
.BR \-d ", " \-\-directory
Treat every argument as a directory to create.
.TP
.B \-D
Create the leading directories of
.I DEST
first.
.TP
.BR \-g ", " \-\-group =\fIGROUP\fR
Set the group instead of the caller's.
.TP
.BR \-m ", " \-\-mode =\fIMODE\fR
Set the mode, written as for
.BR chmod (1).
.TP
.BR \-o ", " \-\-owner =\fIOWNER\fR
Set the owner (root only).
.TP
.BR \-p ", " \-\-preserve\-timestamps
Keep the access and modification times of the source.
.TP
.BR \-s ", " \-\-strip
Strip symbol tables from binaries.
.TP
.BR \-\-strip\-program =\fIPROGRAM\fR
Use
.I PROGRAM
to strip.
.TP
.BR \-S ", " \-\-suffix =\fISUFFIX\fR
Use
.I SUFFIX
for backups instead of
.BR ~ .
.TP
.BR \-t ", " \-\-target\-directory =\fIDIRECTORY\fR
Copy every
.I SOURCE
into
.IR DIRECTORY .
.TP
.BR \-T ", " \-\-no\-target\-directory
Treat
.I DEST
as a file name.
.TP
.BR \-v ", " \-\-verbose
Print each file or directory made.
.TP
.BR \-Z ", " \-\-context [=\fICTX\fR]
Accepted; there are no SELinux contexts here.
.TP
.B \-\-preserve\-context
Accepted and ignored.
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 on failure.
.SH EXAMPLES
.TP
.B "install \-m 644 app.service /etc/systemd/system/"
Puts a unit file in place with the usual mode.
.TP
.B "install \-d \-o nginx \-g nginx \-m 750 /var/cache/nginx"
Creates a directory owned by a service account.
.SH "SEE ALSO"
.BR cp (1),
.BR chmod (1),
.BR chown (1),
.BR mkdir (1)
`;
