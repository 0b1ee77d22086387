export default String.raw`.TH RUNCON 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
runcon \- run a command in another SELinux security context
.SH SYNOPSIS
.B runcon
\fICONTEXT COMMAND\fR [\fIargs\fR]
.br
.B runcon
[ \fB\-c\fR ] [\fB\-u\fR \fIUSER\fR] [\fB\-r\fR \fIROLE\fR] [\fB\-t\fR \fITYPE\fR] [\fB\-l\fR \fIRANGE\fR] \fICOMMAND\fR [\fIargs\fR]
.SH DESCRIPTION
Run
.I COMMAND
in the SELinux security context
.IR CONTEXT ,
or in the current context with the parts given by the options changed. With
neither CONTEXT nor COMMAND, print the current context. Photon OS runs
without SELinux, so runcon can only report that it cannot do this.
.TP
.BR \-c ", " \-\-compute
Compute the process transition context before changing it.
.TP
.BR \-t ", " \-\-type =\fITYPE\fR
The type, in the parent's role.
.TP
.BR \-u ", " \-\-user =\fIUSER\fR
The user identity.
.TP
.BR \-r ", " \-\-role =\fIROLE\fR
The role.
.TP
.BR \-l ", " \-\-range =\fIRANGE\fR
The level range.
.TP
.B \-\-help
Show a short help and exit.
.TP
.B \-\-version
Show the version and exit.
.SH "SEE ALSO"
.BR id (1)
`;
