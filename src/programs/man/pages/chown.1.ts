export default String.raw`.TH CHOWN 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
chown \- change file owner and group
.SH SYNOPSIS
.B chown
[\fIOPTION\fR]... [\fIOWNER\fR][\fI:\fR[\fIGROUP\fR]] \fIFILE\fR...
.br
.B chown
[\fIOPTION\fR]... \fB\-\-reference=\fIRFILE FILE\fR...
.SH DESCRIPTION
.B chown
changes the owner and/or the group of each
.IR FILE .
Only root may give a file away.
.I OWNER
and
.I GROUP
are names or numbers:
.TP 14
.I OWNER
changes the owner only;
.PD 0
.TP
.IB OWNER : GROUP
changes both;
.TP
.IB OWNER :
changes the owner, and the group to the owner's login group;
.TP
.BI : GROUP
changes the group only, like
.BR chgrp (1).
.PD
.SH OPTIONS
.TP
.BR \-c ", " \-\-changes
Report only the files that really changed.
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
.BR \-\-from =\fICURRENT_OWNER\fR:\fICURRENT_GROUP\fR
Change only the files that now have this owner and/or group.
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
Use the owner and group of
.IR RFILE .
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
.B "chown alice: /home/alice/notes.txt"
Gives a file to alice and her login group.
.TP
.B "chown \-R nginx:nginx /var/www"
Gives a web root to the nginx user and group.
.SH "SEE ALSO"
.BR chgrp (1),
.BR chmod (1),
.BR id (1)
`;
