export default String.raw`.TH PGREP 1 "2023-08" "procps-ng 4.0.4" "User Commands"
.SH NAME
pgrep, pkill, pidwait \- look up, signal or wait for processes by name and other attributes
.SH SYNOPSIS
.B pgrep
[\fIoptions\fR] \fIpattern\fR
.br
.B pkill
[\fIoptions\fR] \fIpattern\fR
.SH DESCRIPTION
.B pgrep
looks through the running processes and prints the process IDs of those
that match all the given criteria, one per line.
.B pkill
sends a signal (by default
.BR TERM )
to the same processes instead of printing them.
.PP
.I pattern
is an extended regular expression matched against the process name \(em the
command name the kernel records, at most 15 characters \(em or with
.B \-f
against the whole command line. The pattern matches anywhere in the name
unless anchored or
.B \-x
is given. The process running pgrep or pkill itself is never reported.
At least one criterion (a pattern or an option such as
.BR \-u )
is needed.
.SH OPTIONS
.TP
.BI \- signal "\fR, \fB\-\-signal " signal
.RB ( pkill
only.) The signal to send, by number or name, such as
.B \-HUP
or
.BR "\-\-signal 9" .
.TP
.BR \-e ", " \-\-echo
.RB ( pkill
only.) Print the name and PID of each process signaled.
.TP
.BI \-q " value" "\fR, \fB\-\-queue " value
.RB ( pkill
only.) Send the signal with
.BR sigqueue (3)
and this integer value.
.TP
.BR \-c ", " \-\-count
Print the number of matching processes (for
.BR pkill ,
the number signaled) instead of the PIDs.
.TP
.BI \-d " delimiter" "\fR, \fB\-\-delimiter " delimiter
.RB ( pgrep
only.) Separate the PIDs with
.I delimiter
instead of newlines.
.TP
.BR \-f ", " \-\-full
Match the pattern against the full command line, not only the name.
.TP
.BI \-g " pgrp,..." "\fR, \fB\-\-pgroup " pgrp,...
Only processes in these process groups (0 is the caller's own).
.TP
.BI \-G " gid,..." "\fR, \fB\-\-group " gid,...
Only processes whose real group ID is one of these (names or numbers).
.TP
.BR \-i ", " \-\-ignore\-case
Match without regard to case.
.TP
.BR \-l ", " \-\-list\-name
.RB ( pgrep
only.) Print the process name next to each PID.
.TP
.BR \-a ", " \-\-list\-full
.RB ( pgrep
only.) Print the full command line next to each PID.
.TP
.BR \-n ", " \-\-newest
Select only the most recently started of the matching processes.
.TP
.BR \-o ", " \-\-oldest
Select only the oldest of the matching processes.
.TP
.BI \-O " secs" "\fR, \fB\-\-older " secs
Only processes that have been running for at least
.I secs
seconds.
.TP
.BI \-P " ppid,..." "\fR, \fB\-\-parent " ppid,...
Only children of these processes.
.TP
.BI \-s " sid,..." "\fR, \fB\-\-session " sid,...
Only processes in these sessions (0 is the caller's).
.TP
.BI \-t " term,..." "\fR, \fB\-\-terminal " term,...
Only processes whose controlling terminal is one of these (given without
.BR /dev/ ,
such as
.BR pts/0 ).
.TP
.BI \-u " euid,..." "\fR, \fB\-\-euid " euid,...
Only processes whose effective user is one of these (names or numbers).
.TP
.BI \-U " uid,..." "\fR, \fB\-\-uid " uid,...
Only processes whose real user is one of these.
.TP
.BR \-v ", " \-\-inverse
.RB ( pgrep
only.) Select the processes that do
.B not
match.
.TP
.BR \-w ", " \-\-lightweight
.RB ( pgrep
only.) List thread IDs instead of process IDs.
.TP
.BR \-x ", " \-\-exact
The pattern must match the whole name (or command line).
.TP
.BI \-F " file" "\fR, \fB\-\-pidfile " file
Read the PIDs to consider from
.IR file .
.TP
.BR \-L ", " \-\-logpidfile
With
.BR \-F ,
fail if the PID file is not locked.
.TP
.BI \-r " state,..." "\fR, \fB\-\-runstates " state,...
Only processes in these states, such as
.BR R ", " S ", " D ", " Z .
.TP
.BR \-A ", " \-\-ignore\-ancestors
Leave out the ancestors of the pgrep or pkill process (such as the shell
that runs it).
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "EXIT STATUS"
.TP
.B 0
At least one process matched (and, for pkill, was signaled).
.TP
.B 1
No process matched.
.TP
.B 2
Syntax error in the command line.
.TP
.B 3
Fatal error, for instance when no matching process could be signaled.
.SH NOTES
Because the name is cut to 15 characters, a longer pattern never matches
without
.BR \-f ;
pgrep warns about it. With
.BR "pkill \-f" ,
make the pattern precise: it can match more command lines than you expect,
including those of shells and editors that mention it.
.SH EXAMPLES
.TP
.B "pgrep \-a sshd"
Show the SSH daemon and its sessions with their command lines.
.TP
.B "pgrep \-u root \-c"
Count root's processes.
.TP
.B "pkill \-HUP \-x nginx"
Ask nginx to reload its configuration and reopen its logs.
.TP
.B "pkill \-KILL \-u bob"
Kill all of bob's processes (as root), for example before
.BR "userdel \-r bob" .
.SH "SEE ALSO"
.BR ps (1),
.BR pidof (1),
.BR kill (1),
.BR killall (1),
.BR signal (7)
`;
