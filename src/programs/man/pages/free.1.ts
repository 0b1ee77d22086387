export default String.raw`.TH FREE 1 "2023-08" "procps-ng 4.0.4" "User Commands"
.SH NAME
free \- show the amount of free and used memory
.SH SYNOPSIS
.B free
[\fIoptions\fR]
.SH DESCRIPTION
.B free
reports the physical memory and the swap space of the system, taken from
.BR /proc/meminfo ,
in kibibytes unless told otherwise. The columns are:
.TP
.B total
Installed memory (MemTotal) or swap (SwapTotal).
.TP
.B used
Memory in use: total minus free minus buffers and cache.
.TP
.B free
Memory not used for anything.
.TP
.B shared
Memory used mostly by tmpfs file systems (Shmem).
.TP
.BR buff/cache " (or " buffers " and " cache " with " \-w )
Memory used by kernel buffers and the page cache; the kernel gives it back
when programs need it.
.TP
.B available
An estimate of how much memory new programs could use without swapping
(MemAvailable). This, rather than
.BR free ,
tells whether the system is short of memory.
.SH OPTIONS
.TP
.BR \-b ", " \-\-bytes
Show sizes in bytes.
.TP
.BR \-k ", " \-\-kibi
Show sizes in kibibytes (the default).
.TP
.BR \-m ", " \-\-mebi
Show sizes in mebibytes.
.TP
.BR \-g ", " \-\-gibi
Show sizes in gibibytes.
.TP
.BR \-\-tebi ", " \-\-pebi
Show sizes in tebibytes or pebibytes.
.TP
.BR \-\-kilo ", " \-\-mega ", " \-\-giga ", " \-\-tera ", " \-\-peta
Show sizes in powers of 1000 instead.
.TP
.BR \-h ", " \-\-human
Choose a readable unit for each number and print it with the unit
.RB ( B ", " Ki ", " Mi ", " Gi ", ...)."
.TP
.B \-\-si
Use powers of 1000 instead of 1024.
.TP
.BR \-l ", " \-\-lohi
Also show low and high memory statistics.
.TP
.BR \-L ", " \-\-line
Print everything on one line.
.TP
.BR \-t ", " \-\-total
Add a line with the totals of memory and swap.
.TP
.BR \-v ", " \-\-committed
Add a line with the committed memory and the commit limit.
.TP
.BI \-s " seconds" "\fR, \fB\-\-seconds " seconds
Repeat the report every
.I seconds
seconds until interrupted.
.TP
.BI \-c " count" "\fR, \fB\-\-count " count
Print the report
.I count
times (one second apart unless
.BR \-s ),
then exit.
.TP
.BR \-w ", " \-\-wide
Show buffers and cache in two separate columns.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH FILES
.TP
.B /proc/meminfo
Where the figures come from.
.SH EXAMPLES
.TP
.B "free \-h"
The usual quick look.
.TP
.B "free \-m \-s 5 \-c 3"
Three reports in mebibytes, five seconds apart.
.SH "SEE ALSO"
.BR vmstat (8),
.BR top (1),
.BR ps (1),
.BR proc (5)
`;
