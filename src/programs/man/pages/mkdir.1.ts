export default String.raw`.TH MKDIR 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
mkdir \- make directories
.SH SYNOPSIS
.B mkdir
[\fIOPTION\fR]... \fIDIRECTORY\fR...
.SH DESCRIPTION
.B mkdir
creates each
.I DIRECTORY
that does not exist yet, with mode
.B a=rwx
less the umask (usually 755).
.SH OPTIONS
.TP
.BR \-m ", " \-\-mode =\fIMODE\fR
Give the new directories
.IR MODE ,
written as for
.BR chmod (1).
.TP
.BR \-p ", " \-\-parents
Create missing parent directories as well, and say nothing when a directory
already exists. Parents get the default mode plus
.BR u+wx ,
whatever
.B \-m
says.
.TP
.BR \-v ", " \-\-verbose
Print a message for each directory created.
.TP
.B \-Z
Accepted; there are no SELinux contexts to set here.
.TP
.BR \-\-context [=\fICTX\fR]
Accepted and ignored, like
.BR \-Z .
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 when every directory was made, 1 otherwise.
.SH EXAMPLES
.TP
.B "mkdir \-p /etc/systemd/system/nginx.service.d"
Makes a drop-in directory and any missing parents.
.TP
.B "mkdir \-m 700 ~/.ssh"
Makes a directory only its owner can use.
.SH "SEE ALSO"
.BR rmdir (1),
.BR chmod (1),
.BR install (1)
`;
