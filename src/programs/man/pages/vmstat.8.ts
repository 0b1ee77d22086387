export default String.raw`.TH VMSTAT 8 "2023-08" "procps-ng 4.0.4" "System Administration"
.SH NAME
vmstat \- report virtual memory statistics
.SH SYNOPSIS
.B vmstat
[\fIoptions\fR] [\fIdelay\fR [\fIcount\fR]]
.SH DESCRIPTION
.B vmstat
prints one line of figures about processes, memory, swapping, block I/O,
interrupts and CPU activity. The first line gives averages since the
system booted. With a
.IR delay ,
another line follows every
.I delay
seconds, describing that interval, until
.I count
lines have been printed (forever without a count).
.SS "Fields"
.TP
.B procs
.B r
processes runnable (running or waiting for a CPU),
.B b
processes in uninterruptible sleep.
.TP
.B memory
.B swpd
swap in use,
.B free
idle memory,
.B buff
buffers,
.B cache
page cache (KiB unless
.BR \-S );
with
.BR \-a ,
.B inact
and
.B active
memory instead of buff and cache.
.TP
.B swap
.B si
and
.B so
memory swapped in from and out to disk per second.
.TP
.B io
.B bi
and
.B bo
blocks read from and written to block devices per second.
.TP
.B system
.B in
interrupts and
.B cs
context switches per second.
.TP
.B cpu
Percentages of CPU time:
.B us
user,
.B sy
kernel,
.B id
idle,
.B wa
waiting for I/O,
.B st
stolen by the hypervisor.
.SH OPTIONS
.TP
.BR \-a ", " \-\-active
Show active and inactive memory.
.TP
.BR \-f ", " \-\-forks
Print the number of forks since boot and exit.
.TP
.BR \-m ", " \-\-slabs
Show kernel slab cache statistics.
.TP
.BR \-n ", " \-\-one\-header
Print the header only once, not every screenful.
.TP
.BR \-s ", " \-\-stats
Print a table of memory and event counters and exit.
.TP
.BR \-d ", " \-\-disk
Show per\-disk statistics.
.TP
.BR \-D ", " \-\-disk\-sum
Show a summary of disk activity.
.TP
.BI \-p " device" "\fR, \fB\-\-partition " device
Show statistics for one partition.
.TP
.BI \-S " unit" "\fR, \fB\-\-unit " unit
Show memory in units of 1000
.RB ( k ),
1024
.RB ( K ,
the default), 1000000
.RB ( m )
or 1048576
.RB ( M )
bytes.
.TP
.BR \-w ", " \-\-wide
Use wider columns.
.TP
.BR \-t ", " \-\-timestamp
Add the time to each line.
.TP
.BR \-y ", " \-\-no\-first
Leave out the first line (the averages since boot).
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH FILES
.TP
.B /proc/meminfo\fR, \fB/proc/stat\fR, \fB/proc/vmstat
Where the figures come from.
.SH EXAMPLES
.TP
.B "vmstat 2 5"
Five reports, two seconds apart.
.TP
.B "vmstat \-s \-S M"
Memory counters in mebibytes.
.SH "SEE ALSO"
.BR free (1),
.BR top (1),
.BR ps (1),
.BR iostat (1)
`;
