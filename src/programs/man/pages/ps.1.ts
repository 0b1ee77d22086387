export default String.raw`.TH PS 1 "2023-08" "procps-ng 4.0.4" "User Commands"
.SH NAME
ps \- report a snapshot of the current processes
.SH SYNOPSIS
.B ps
[\fIoptions\fR]
.SH DESCRIPTION
.B ps
prints information about a selection of the processes running at the
moment it is called (for a display that refreshes, use
.BR top (1)).
The data comes from
.BR /proc .
.PP
This ps accepts three kinds of options, which may be mixed:
.TP
.B "UNIX (POSIX) options"
grouped after a dash, such as
.BR "ps \-ef" ;
.TP
.B "BSD options"
grouped without a dash, such as
.BR "ps aux" ;
.TP
.B "GNU long options"
preceded by two dashes, such as
.BR "ps \-\-forest" .
.PP
Without options, ps shows the processes of the current user attached to the
same terminal as ps, with the columns
.BR PID ", " TTY ", " TIME " and " CMD .
Note that
.B "ps \-aux"
and
.B "ps aux"
are different requests; write the BSD form without a dash.
.SH "PROCESS SELECTION"
.TP
.BR \-A ", " \-e
Every process.
.TP
.B \-a
Every process attached to a terminal, except session leaders.
.TP
.B \-d
Every process except session leaders.
.TP
.BR \-N ", " \-\-deselect
Select the processes that do
.B not
meet the other criteria.
.TP
.B a
With BSD options: the processes of all users that have a terminal (not
only yours).
.TP
.B x
With BSD options: also the processes without a terminal.
.B ax
together select every process.
.TP
.B T
The processes on this terminal.
.TP
.B r
Only running processes.
.TP
.BI \-p " pidlist" "\fR, \fBp " pidlist "\fR, \fB\-\-pid " pidlist
The processes with these IDs (\fB\-q\fR and \fB\-\-quick\-pid\fR are the
same here).
.TP
.BI \-\-ppid " pidlist"
The children of these processes.
.TP
.BI \-C " cmdlist"
The processes whose command name is in the list.
.TP
.BI \-u " userlist" "\fR, \fBU " userlist "\fR, \fB\-\-user " userlist
The processes whose effective user is in the list (names or IDs).
.TP
.BI \-U " userlist" "\fR, \fB\-\-User " userlist
The processes whose real user is in the list.
.TP
.BI \-G " grplist" "\fR, \fB\-\-Group " grplist
The processes whose real group is in the list;
.B \-\-group
selects by effective group.
.TP
.BI \-s " sesslist" "\fR, \fB\-g " sesslist "\fR, \fB\-\-sid " sesslist
The processes in these sessions.
.TP
.BI \-t " ttylist" "\fR, \fBt " ttylist "\fR, \fB\-\-tty " ttylist
The processes on these terminals (such as
.B pts/0
or
.BR tty1 ).
.PP
Lists are separated by commas or blanks.
.SH "OUTPUT FORMAT"
.TP
.B \-f
Full format:
.BR UID ", " PID ", " PPID ", " C ", " STIME ", " TTY ", " TIME ", " CMD ,
where CMD is the whole command line.
.TP
.B \-F
Extra full format: adds the size, resident memory and processor.
.TP
.B \-l
Long format, with flags, state, priority, nice value, size and wait channel.
.TP
.B \-j
Jobs format: process group and session IDs.
.TP
.B u
User\-oriented format:
.BR USER ", " PID ", " %CPU ", " %MEM ", " VSZ ", " RSS ", " TTY ", " STAT ", " START ", " TIME ", " COMMAND .
.TP
.BR v ", " j ", " l ", " s ", " X
Other BSD formats: virtual memory, jobs, long, signals and registers.
.TP
.BI \-o " format" "\fR, \fBo " format "\fR, \fB\-\-format " format
A user\-defined format: a list of column names separated by commas or
blanks. A name may be followed by
.BI = header
to rename the column;
.B pid=
with an empty header, for every column, suppresses the header line.
.TP
.BI \-O " format" "\fR, \fBO " format
Like
.BR \-o ,
but add the columns to a default set.
.TP
.BR \-H ", " f ", " \-\-forest
Show the process tree, children indented below their parents.
.TP
.BR \-\-no\-headers ", " h
Do not print the header line.
.TP
.BR \-w ", " w
Wide output; given twice, unlimited width.
.TP
.BI \-\-cols " n" "\fR, \fB\-\-columns " n "\fR, \fB\-\-width " n
Set the screen width.
.TP
.B c
Show the command name instead of the whole command line.
.TP
.B n
Show user and group IDs as numbers.
.TP
.BI \-\-sort " spec" "\fR, \fBk " spec
Sort by these columns, separated by commas; a
.B \-
before a name sorts in decreasing order, for example
.BR \-\-sort=\-%mem .
.TP
.BR \-\-help " [\fIsection\fR]"
Print help, optionally for a section such as
.BR simple ", " list ", " output ", " misc " or " all .
.TP
.BR \-V ", " \-\-version ", " \-\-info
Print the version and exit.
.SH "COMMON COLUMNS"
.B pid
process ID,
.B ppid
parent,
.BR user " / " uid
effective user,
.BR ruser ", " group ,
.B comm
command name,
.BR args " (or " cmd ", " command )
command line,
.BR %cpu " and " %mem
shares of CPU and memory,
.B vsz
virtual size and
.B rss
resident memory (KiB),
.BR tty " / " tname
terminal,
.BR stat " / " s
state,
.BR ni " / " pri
nice value and priority,
.BR start " / " lstart " / " stime
start time,
.BR etime " / " etimes
elapsed time,
.B time
CPU time,
.BR pgid ", " sid ", " nlwp ", " psr ", " wchan .
.SH "PROCESS STATE CODES"
.B R
running or runnable,
.B S
sleeping,
.B D
in uninterruptible sleep (usually waiting for I/O),
.B T
stopped,
.B t
stopped by a debugger,
.B Z
zombie (ended, not yet collected by its parent),
.B I
idle kernel thread.
In BSD formats extra letters follow:
.B <
high priority,
.B N
low priority,
.B s
session leader,
.B l
multi\-threaded,
.B +
in the foreground process group.
.SH EXAMPLES
.TP
.B "ps \-ef"
Every process, full format.
.TP
.B "ps aux \-\-sort=\-%cpu | head"
The processes using the most CPU.
.TP
.B "ps \-u bob \-o pid,etime,args"
Bob's processes with their run time.
.TP
.B "ps \-eo pid,ppid,comm \-\-forest"
The process tree.
.TP
.B "ps \-C sshd \-o pid=,user="
The sshd processes, without a header.
.SH "SEE ALSO"
.BR top (1),
.BR pgrep (1),
.BR kill (1),
.BR free (1),
.BR proc (5)
`;
