export default String.raw`.TH LSCPU 1 "2022-03" "util-linux 2.38" "User Commands"
.SH NAME
lscpu \- display information about the CPU architecture
.SH SYNOPSIS
.B lscpu
[\fIoptions\fR]
.SH DESCRIPTION
.B lscpu
gathers what the kernel knows about the processors, from
.B /proc/cpuinfo
and
.BR /sys ,
and prints it as readable
.IB name ": " value
lines: the architecture, the number of CPUs and which are online, the
vendor and model name, threads per core, cores per socket and sockets, the
CPU flags, the hypervisor (VMware, on a Photon OS virtual machine), the
cache sizes, the NUMA layout and the status of known hardware
vulnerabilities.
.SH OPTIONS
.TP
.BR \-e ", " \-\-extended
Print a table with one line per CPU: its number, NUMA node, socket, core,
cache ids and whether it is online.
.TP
.BR \-p ", " \-\-parse
Print the same per\-CPU data in a compact, comma\-separated form for
scripts.
.TP
.BR \-a ", " \-\-all
With
.B \-e
or
.BR \-p ,
include the offline CPUs too.
.TP
.BR \-b ", " \-\-online
With
.B \-e
or
.BR \-p ,
only the online CPUs (the default).
.TP
.BR \-B ", " \-\-bytes
Print cache sizes in bytes.
.TP
.BR \-C ", " \-\-caches
Print a table of the caches.
.TP
.BR \-J ", " \-\-json
Print JSON.
.TP
.BR \-x ", " \-\-hex
Print CPU masks in hexadecimal.
.TP
.BR \-y ", " \-\-physical
Print physical instead of logical ids.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH EXAMPLES
.TP
.B "lscpu | grep \-E '^CPU\e(s\e)|Model name'"
Show how many CPUs there are and what they are.
.TP
.B "lscpu \-e"
One line per CPU.
.SH "SEE ALSO"
.BR nproc (1),
.BR lsblk (8),
.BR free (1),
.BR proc (5)
`;
