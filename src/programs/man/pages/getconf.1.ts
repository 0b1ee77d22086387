export default String.raw`.TH GETCONF 1 "2022-12" "glibc 2.36" "User Commands"
.SH NAME
getconf \- print system configuration values
.SH SYNOPSIS
.B getconf
[\fB\-v\fR \fIspec\fR] \fIvariable\fR [\fIpath\fR]
.br
.B getconf \-a
[\fIpath\fR]
.SH DESCRIPTION
.B getconf
prints the value of one configuration variable: a system limit or option
(what
.BR sysconf (3)
answers, such as
.BR PAGESIZE ,
.BR LONG_BIT ,
.BR ARG_MAX ,
.BR OPEN_MAX
or
.BR _NPROCESSORS_ONLN ),
a string (what
.BR confstr (3)
answers, such as
.BR PATH
or
.BR GNU_LIBC_VERSION ),
or a limit of the file system holding \fIpath\fR (what
.BR pathconf (3)
answers, such as
.BR NAME_MAX
and
.BR PATH_MAX ),
which needs the \fIpath\fR operand.
.PP
Values that the system leaves undefined print as
.BR undefined .
Limits such as
.BR OPEN_MAX
and
.BR CHILD_MAX
follow the calling process's resource limits (see
.BR ulimit
in
.BR bash (1)).
.SH OPTIONS
.TP
.B \-a
Print every variable with its value, in two columns. File system values are
those of \fIpath\fR, or of / when it is not given.
.TP
.B \-v \fIspec\fR
Give the values for compilation environment \fIspec\fR (such as
POSIX_V7_LP64_OFF64). This machine has one environment, so the values do not
change.
.SH EXIT STATUS
0 on success; 2 for an unknown variable or a usage error; 3 when
.BR pathconf (3)
fails for \fIpath\fR.
.SH EXAMPLES
.nf
getconf PAGESIZE
getconf _NPROCESSORS_ONLN
getconf NAME_MAX /
getconf \-a | grep CACHE
.fi
.SH SEE ALSO
.BR nproc (1),
.BR ulimit (1),
.BR sysconf (3)
`;
