export default String.raw`.TH CHMOD 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
chmod \- change file mode bits
.SH SYNOPSIS
.B chmod
[\fIOPTION\fR]... \fIMODE\fR[\fI,MODE\fR]... \fIFILE\fR...
.br
.B chmod
[\fIOPTION\fR]... \fIOCTAL\-MODE FILE\fR...
.br
.B chmod
[\fIOPTION\fR]... \fB\-\-reference=\fIRFILE FILE\fR...
.SH DESCRIPTION
.B chmod
changes the permission bits of each
.IR FILE .
Only the owner and root may do so.
Symbolic links are never changed; what they point to is.
.PP
A symbolic
.I MODE
is
.RB [ ugoa ]...[ \-+= ][ rwxXst ]...,
several separated by commas:
.B u
is the owner,
.B g
the group,
.B o
the others and
.B a
all of them (the default, limited by the umask).
.B +
adds bits,
.B \-
removes them and
.B =
sets exactly these.
.B r
is read,
.B w
write,
.B x
execute (or search, for a directory),
.B X
execute only for directories and files already executable by someone,
.B s
set-user-ID or set-group-ID, and
.B t
the sticky bit.
.PP
An octal
.I MODE
has up to four digits: 4 read, 2 write and 1 execute, added up for the owner,
the group and the others, after an optional digit for set-user-ID (4),
set-group-ID (2) and sticky (1).
.SH OPTIONS
.TP
.BR \-c ", " \-\-changes
Report only the files whose mode really changed.
.TP
.BR \-f ", " \-\-silent ", " \-\-quiet
Leave out most error messages.
.TP
.BR \-v ", " \-\-verbose
Report every file processed.
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
Copy the mode of
.IR RFILE .
.TP
.BR \-R ", " \-\-recursive
Change directories and everything in them.
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
.B "chmod 600 ~/.ssh/authorized_keys"
Lets only the owner read and write the file, as sshd requires.
.TP
.B "chmod +x deploy.sh"
Makes a script executable.
.TP
.B "chmod \-R g+rwX,o\-rwx /srv/shared"
Opens a tree to its group and closes it to everyone else.
.SH "SEE ALSO"
.BR chown (1),
.BR chgrp (1),
.BR ls (1),
.BR stat (1)
`;
