export default String.raw`.TH NPROC 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
nproc \- print the number of processing units available
.SH SYNOPSIS
.B nproc
[\fIOPTION\fR]...
.SH DESCRIPTION
.B nproc
prints how many processing units the current process may use, which can be
fewer than the machine has.
The
.B OMP_NUM_THREADS
and
.B OMP_THREAD_LIMIT
variables lower the number.
.SH OPTIONS
.TP
.B \-\-all
Print the number of installed processors.
.TP
.BR \-\-ignore =\fIN\fR
Leave out
.I N
units, but never print less than 1.
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH EXAMPLES
.TP
.B "make \-j$(nproc)"
Builds with as many jobs as there are processors.
.SH "SEE ALSO"
.BR lscpu (1)
`;
