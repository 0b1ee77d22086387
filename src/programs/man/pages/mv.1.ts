export default String.raw`.TH MV 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
mv \- move (rename) files
.SH SYNOPSIS
.B mv
[\fIOPTION\fR]... [\fB\-T\fR] \fISOURCE DEST\fR
.br
.B mv
[\fIOPTION\fR]... \fISOURCE\fR... \fIDIRECTORY\fR
.br
.B mv
[\fIOPTION\fR]... \fB\-t\fR \fIDIRECTORY SOURCE\fR...
.SH DESCRIPTION
.B mv
renames
.I SOURCE
to
.IR DEST ,
or moves each
.I SOURCE
into
.IR DIRECTORY .
Within one file system only the name changes; across file systems the files
are copied, keeping modes, owners and times, and the originals removed.
An existing destination is replaced without a question, unless
.B \-i
or
.B \-n
is given.
.SH OPTIONS
.TP
.BR \-f ", " \-\-force
Never ask before overwriting.
.TP
.BR \-i ", " \-\-interactive
Ask before overwriting.
.TP
.BR \-n ", " \-\-no\-clobber
Never overwrite an existing file.
.PP
When several of
.BR \-f ", " \-i " and " \-n
are given, the last one counts.
.TP
.B \-\-strip\-trailing\-slashes
Remove trailing slashes from each
.IR SOURCE .
.TP
.BR \-t ", " \-\-target\-directory =\fIDIRECTORY\fR
Move every
.I SOURCE
into
.IR DIRECTORY .
.TP
.BR \-T ", " \-\-no\-target\-directory
Treat
.I DEST
as a file name even if it is a directory.
.TP
.BR \-u ", " \-\-update
Move only when
.I SOURCE
is newer than the destination, or the destination is missing.
.TP
.BR \-v ", " \-\-verbose
Print each move.
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 when everything was moved, 1 otherwise.
.SH EXAMPLES
.TP
.B "mv app.conf app.conf.old"
Renames a file.
.TP
.B "mv \-t /srv/backup *.tar.gz"
Moves all archives into a directory.
.SH "SEE ALSO"
.BR cp (1),
.BR rename (1),
.BR rm (1)
`;
