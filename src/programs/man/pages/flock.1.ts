export default String.raw`.TH FLOCK 1 "2022-08" "util-linux 2.38" "User Commands"
.SH NAME
flock \- manage locks from shell scripts
.SH SYNOPSIS
.B flock
[options] \fIfile\fR|\fIdirectory\fR \fIcommand\fR [\fIarguments\fR]
.br
.B flock
[options] \fIfile\fR|\fIdirectory\fR \fB\-c\fR \fIcommand\fR
.br
.B flock
[options] \fInumber\fR
.SH DESCRIPTION
.B flock
takes an advisory lock on a file (created if missing) or directory, runs the
command and lets the lock go when the command ends. In the third form it locks
a file descriptor the shell already holds, for example one opened with
\fB9>/var/lock/job\fR, and the lock lasts until the descriptor's holder exits
or \fBflock \-u\fR releases it.
.PP
In this simulator the locks are shared by all the machine's processes, but a
lock on a descriptor is not released when the shell merely closes it.
.SH OPTIONS
.TP
.B \-x, \-e, \-\-exclusive
An exclusive lock (the default).
.TP
.B \-s, \-\-shared
A shared lock: others may hold shared locks at the same time.
.TP
.B \-u, \-\-unlock
Release the lock.
.TP
.B \-n, \-\-nb, \-\-nonblock
Fail at once instead of waiting for a lock that is held.
.TP
.B \-w, \-\-wait, \-\-timeout \fIseconds\fR
Give up after waiting that long (fractions allowed).
.TP
.B \-E, \-\-conflict\-exit\-code \fInumber\fR
The exit status when the lock could not be had (default 1).
.TP
.B \-o, \-\-close
Close the lock file in the command.
.TP
.B \-c, \-\-command \fIstring\fR
Run the string with the shell.
.TP
.B \-F, \-\-no\-fork
Run the command in place of flock.
.TP
.B \-\-verbose
Report the time spent waiting and the command run.
.TP
.BR \-h ", " \-\-help
Print a short usage text and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "EXIT STATUS"
The command's status; the conflict status when the lock was busy; 64 for a
usage error, 65 for a bad descriptor, 66 when the file cannot be opened,
69 when the command cannot be run.
.SH EXAMPLES
.TP
.B "flock \-n /tmp/job.lock ./job.sh || echo already running"
.SH "SEE ALSO"
.BR flock (2)
`;
