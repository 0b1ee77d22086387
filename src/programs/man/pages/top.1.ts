export default String.raw`.TH TOP 1 "2023-08" "procps-ng 4.0.4" "User Commands"
.SH NAME
top \- display Linux processes in real time
.SH SYNOPSIS
.B top
[\fB\-bcHiSs\fR] [\fB\-d\fR \fIsecs\fR] [\fB\-n\fR \fImax\fR] [\fB\-u\fR|\fB\-U\fR \fIuser\fR] [\fB\-p\fR \fIpid\fR[\fB,\fIpid\fR...]] [\fB\-o\fR \fIfield\fR] [\fB\-w\fR [\fIcols\fR]]
.SH DESCRIPTION
.B top
shows a summary of the state of the system followed by a table of the
processes, sorted by CPU usage, and refreshes it every few seconds until
you press
.B q
(or Ctrl\-C).
.SS "Summary area"
.TP
\fBtop \- \fItime\fB up \fIduration\fB, \fIN\fB users, load average: \fIa, b, c\fR
The same line as
.BR uptime (1).
.TP
.B Tasks
How many processes there are, and how many are running, sleeping, stopped
and zombies.
.TP
.B %Cpu(s)
The share of CPU time spent in user code
.RB ( us ),
the kernel
.RB ( sy ),
niced processes
.RB ( ni ),
idle
.RB ( id ),
waiting for I/O
.RB ( wa ),
interrupts
.RB ( hi ", " si )
and stolen by the hypervisor
.RB ( st ).
.TP
.BR "MiB Mem" " and " "MiB Swap"
Memory and swap, as
.BR free (1)
reports them; "avail Mem" estimates what new programs can still use.
.SS "Task area"
.B PID
process ID,
.B USER
effective user,
.B PR
and
.B NI
priority and nice value,
.B VIRT
virtual size,
.B RES
resident memory and
.B SHR
shared memory (KiB),
.B S
state (R, S, D, T, Z, I),
.B %CPU
and
.B %MEM
shares of CPU and memory,
.B TIME+
CPU time used, and
.B COMMAND
the command name (or line, with
.BR \-c ).
.SH OPTIONS
.TP
.BR \-b ", " \-\-batch\-mode
Print plain frames one after another, without clearing the screen or reading
keys, for logging or for other programs. Implied when the output is not a
terminal.
.TP
.BR \-c ", " \-\-cmdline\-toggle
Show full command lines instead of command names.
.TP
.BI \-d " secs" "\fR, \fB\-\-delay=" secs
Refresh every
.I secs
seconds (3 by default; fractions are allowed).
.TP
.BR \-H ", " \-\-threads\-show
Show individual threads.
.TP
.BR \-i ", " \-\-idle\-toggle
Hide processes that are idle.
.TP
.BI \-n " max" "\fR, \fB\-\-iterations=" max
Stop after
.I max
frames; mostly used with
.BR \-b .
.TP
.BI \-o " field" "\fR, \fB\-\-sort\-override=" field
Sort by this column, such as
.BR %MEM ", " RES ", " TIME+ ", " PID " or " USER .
.TP
.BI \-p " pid,..." "\fR, \fB\-\-pid=" pid,...
Show only these processes.
.TP
.BR \-s ", " \-\-secure\-mode
Run in secure mode, with dangerous interactive commands disabled.
.TP
.BR \-S ", " \-\-accum\-time\-toggle
Count the CPU time of dead children in their parents.
.TP
.BI \-u " user" "\fR, \fB\-\-filter\-only\-euser=" user
Show only processes whose effective user is
.IR user .
.TP
.BI \-U " user" "\fR, \fB\-\-filter\-any\-user=" user
Show only processes with
.I user
as any of their users (real, effective, saved or file system).
.TP
.BR \-w ", " \-\-width [=\fIcols\fR]
In batch mode, set the output width (up to 512 columns).
.TP
.BI \-E " unit" "\fR, \fB\-\-scale\-summary\-mem=" unit
Scale the memory figures of the summary:
.BR k ", " m ", " g ", " t ", " p " or " e .
.TP
.BI \-e " unit" "\fR, \fB\-\-scale\-task\-mem=" unit
Scale the memory columns of the task table.
.TP
.BR \-h ", " \-v ", " \-\-help ", " \-\-version
Print the version and a usage line, then exit.
.SH "EXIT STATUS"
0 on success, 1 on an invalid option or argument.
.SH EXAMPLES
.TP
.B "top"
Watch the system; press q to leave.
.TP
.B "top \-b \-n 1 | head \-15"
A single snapshot, suitable for a script or a support ticket.
.TP
.B "top \-u bob \-o %MEM"
Bob's processes, largest memory users first.
.SH "SEE ALSO"
.BR ps (1),
.BR free (1),
.BR uptime (1),
.BR vmstat (8),
.BR kill (1)
`;
