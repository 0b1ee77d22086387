export default String.raw`.TH PSTREE 1 "2022-12" "psmisc 23.6" "User Commands"
.SH NAME
pstree \- draw the running processes as a tree
.SH SYNOPSIS
.B pstree
[\fB\-acglpsStTuZ\fR] [\fB\-h\fR|\fB\-H\fR \fIpid\fR] [\fB\-n\fR|\fB\-N\fR \fItype\fR] [\fB\-A\fR|\fB\-G\fR|\fB\-U\fR] [\fIpid\fR|\fIuser\fR]
.br
.B pstree \-V
.SH DESCRIPTION
.B pstree
draws the processes as a tree whose root is
.B init
(process 1), or the process
.IR pid ,
or, given a
.IR user ,
one tree for each process of that user whose parent belongs to someone else.
.PP
Children are listed in the order of their names. Several children that are
the same command with the same descendants are drawn once, with a count:
.B 3*[agetty]
stands for three
.B agetty
processes. Lines longer than the terminal (or than
.B COLUMNS
when it is set, or 132 columns when the output is not a terminal) are cut
and end in
.BR + .
.PP
With a UTF\-8 locale on a terminal the branches are drawn with box
characters; otherwise with
.BR | ,
.BR \- ,
.B +
and
.BR \(ga .
.SH OPTIONS
.TP
.BR \-a ", " \-\-arguments
Show each process on a line of its own, followed by its arguments. A process
without a command line (a kernel thread) is shown in parentheses.
.TP
.BR \-A ", " \-\-ascii
Draw with ASCII characters.
.TP
.BR \-c ", " \-\-compact\-not
Draw every process, even identical ones.
.TP
.BR \-C ", " \-\-color=age
Colour each process by its age: green for less than a minute, yellow for less
than an hour, red after that.
.TP
.BR \-g ", " \-\-show\-pgids
Show the process group of each process in parentheses.
.TP
.BR \-G ", " \-\-vt100
Draw with the VT100 line\-drawing characters.
.TP
.BR \-h ", " \-\-highlight\-all
Show pstree itself and its ancestors in bold (when the terminal can).
.TP
.BR \-H " \fIpid\fR, " \-\-highlight\-pid= \fIpid\fR
Show process \fIpid\fR and its ancestors in bold.
.TP
.BR \-l ", " \-\-long
Never cut lines.
.TP
.BR \-n ", " \-\-numeric\-sort
List children in the order of their process IDs.
.TP
.BR \-p ", " \-\-show\-pids
Show each process ID in parentheses; identical processes are then drawn
one by one.
.TP
.BR \-s ", " \-\-show\-parents
With a \fIpid\fR, show the chain of its ancestors down to it as well.
.TP
.BR \-u ", " \-\-uid\-changes
Show the user name where a process runs as another user than its parent.
.TP
.BR \-U ", " \-\-unicode
Draw with UTF\-8 box characters.
.TP
.BR \-V ", " \-\-version
Print the version.
.TP
.BR \-N ", " \-S ", " \-t ", " \-T ", " \-Z
Namespaces, thread names and security contexts: this machine's processes
have no namespaces or threads of their own to show.
.SH "EXIT STATUS"
0, or 1 for a usage error, an unknown user, a user with no processes and a
\fB\-s\fR process that does not exist.
.SH "SEE ALSO"
.BR ps (1),
.BR top (1),
.BR killall (1)
`;
