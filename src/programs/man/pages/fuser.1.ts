export default String.raw`.TH FUSER 1 "2022-12" "psmisc 23.6" "User Commands"
.SH NAME
fuser \- find the processes using files, filesystems or sockets
.SH SYNOPSIS
.B fuser
[\fB\-fIMuvw\fR] [\fB\-a\fR|\fB\-s\fR] [\fB\-4\fR|\fB\-6\fR] [\fB\-c\fR|\fB\-m\fR|\fB\-n\fR \fIspace\fR] [\fB\-k\fR [\fB\-i\fR] [\fB\-\fIsignal\fR]] \fIname\fR...
.br
.B fuser \-l
.br
.B fuser \-V
.SH DESCRIPTION
.B fuser
looks through every process for the files, directories, filesystems and
network ports named on its command line and says which processes use them.
.PP
Each name is shown on standard error, made absolute, followed by the IDs of
the processes on standard output. After each ID a letter on standard error
tells how the file is used:
.B c
it is the working directory,
.B e
it is the program being run,
.B r
it is the root directory,
.B m
it is a mapped file or library. With
.B \-v
the table also shows
.B f
for an open file and
.B F
for a file open for writing.
.PP
A name of the form
.IR port / tcp
or
.IR port / udp
(or with
.BR "\-n tcp" ,
.BR "\-n udp" )
stands for the sockets bound to that local port; a remote host and port may
follow, separated by commas:
.RI [ lport ][, rhost ][, rport ].
Ports may be numbers or names from
.IR /etc/services .
.SH OPTIONS
.TP
.BR \-a ", " \-\-all
List the names nobody uses too.
.TP
.BR \-i ", " \-\-interactive
With \fB\-k\fR, ask for each process before killing it.
.TP
.BR \-I ", " \-\-inode
Compare files by inode always (accepted for compatibility).
.TP
.BR \-k ", " \-\-kill
Send the processes found a signal, SIGKILL unless another is given as
\fB\-\fIsignal\fR (a name such as \fB\-TERM\fR or a number).
.TP
.BR \-l ", " \-\-list\-signals
Print the signal names and exit.
.TP
.BR \-m ", " \-\-mount " (also " \-c )
Take each name as a filesystem: list every process using a file on the
filesystem it is on (or, for a block device, mounted from it).
.TP
.BR \-M ", " \-\-ismountpoint
Drop (with a message) every name that is not a mount point.
.TP
.BR \-n ", " \-\-namespace " \fIspace"
Read the following names in this space:
.BR file " (the default), " tcp " or " udp .
.TP
.BR \-s ", " \-\-silent
Print nothing; only the exit status tells.
.TP
.BR \-u ", " \-\-user
Add the owner's user name after each process ID.
.TP
.BR \-v ", " \-\-verbose
Print a table of user, PID, access and command. Mount points in use
show as \fBkernel\fR.
.TP
.BR \-w ", " \-\-writeonly
With \fB\-k\fR, signal only the processes that have the file open for writing.
.TP
.BR \-4 ", " \-\-ipv4 " / " \-6 ", " \-\-ipv6
Look at IPv4 or IPv6 sockets only.
.TP
.BR \-V ", " \-\-version
Print the version on standard error.
.SH "EXIT STATUS"
0 when some name is in use (with \fB\-k\fR: when some process was signalled),
1 when none is, or on a usage error.
.SH FILES
.I /proc
.SH "SEE ALSO"
.BR kill (1),
.BR killall (1),
.BR lsof (8),
.BR ps (1),
.BR pstree (1)
`;
