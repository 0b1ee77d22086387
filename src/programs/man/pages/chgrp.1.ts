export default String.raw`.TH CHGRP 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
chgrp \- change group ownership
.SH SYNOPSIS
.B chgrp
[\fIOPTION\fR]... \fIGROUP FILE\fR...
.br
.B chgrp
[\fIOPTION\fR]... \fB\-\-reference=\fIRFILE FILE\fR...
.SH DESCRIPTION
.B chgrp
gives each
.I FILE
the group
.IR GROUP ,
a name from
.I /etc/group
or a number.
The owner of a file may choose any group he belongs to; root may choose any.
.SH OPTIONS
.TP
.BR \-c ", " \-\-changes
Report only the files whose group really changed.
.TP
.BR \-f ", " \-\-silent ", " \-\-quiet
Leave out most error messages.
.TP
.BR \-v ", " \-\-verbose
Report every file processed.
.TP
.B \-\-dereference
Change the file a symbolic link points to (the default).
.TP
.BR \-h ", " \-\-no\-dereference
Change symbolic links themselves.
.TP
.B \-\-no\-preserve\-root
Do not treat
.B /
specially (the default).
.TP
.B \-\-preserve\-root
Refuse to work recursively on
.BR / .
.TP
.BR \-\-reference =\fIRFILE\fR
Use the group of
.I RFILE
instead of a
.IR GROUP .
.TP
.BR \-R ", " \-\-recursive
Work on directories and everything in them.
.PP
With
.BR \-R :
.B \-H
follows symbolic links named on the command line,
.B \-L
follows every symbolic link to a directory,
.B \-P
follows none (the default).
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 when a file could not be changed.
.SH EXAMPLES
.TP
.B "chgrp \-R www /srv/site"
Gives a web site's files to the group of the web server.
.SH "SEE ALSO"
.BR chown (1),
.BR chmod (1),
.BR groups (1)
`;
