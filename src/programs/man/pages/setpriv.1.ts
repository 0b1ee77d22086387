export default String.raw`.TH SETPRIV 1 "2022-03" "util-linux 2.38" "User Commands"
.SH NAME
setpriv \- run a program with different Linux privilege settings
.SH SYNOPSIS
.B setpriv
[\fIoptions\fR] \fIprogram\fR [\fIargument\fR...]
.SH DESCRIPTION
.B setpriv
changes the user and group IDs, the supplementary groups and other privilege
settings of its own process and then runs the program. Unlike
.B su
or
.B runuser
it does no authentication and opens no session.
.B \-\-dump
prints the current settings instead.
.SH OPTIONS
.TP
.BR \-d ", " \-\-dump
Print the current settings and run nothing.
.TP
.BR \-\-ruid ", " \-\-euid ", " \-\-reuid " \fIUSER\fR"
Set the real, effective, or both user IDs (a name or a number).
.TP
.BR \-\-rgid ", " \-\-egid ", " \-\-regid " \fIGROUP\fR"
Set the group IDs; one of the group options below is then required.
.TP
.BR \-\-clear\-groups ", " \-\-keep\-groups ", " \-\-init\-groups
Drop, keep, or set from the target user the supplementary groups.
.TP
.BI \-\-groups " LIST"
Set these supplementary groups.
.TP
.BR \-\-nnp ", " \-\-no\-new\-privs
Forbid gaining privileges on exec.
.TP
.BR \-\-reset\-env
Start from a clean environment for the target user.
.TP
.BR \-\-list\-caps
List the known capabilities.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.SH "EXIT STATUS"
The program's status; 1 for a bad option; 127 when an ID change is refused or the program cannot be run.
.SH "SEE ALSO"
.BR runuser (1),
.BR su (1)
`;
