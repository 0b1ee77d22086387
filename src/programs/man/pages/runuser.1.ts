export default String.raw`.TH RUNUSER 1 "2022-03" "util-linux 2.38" "User Commands"
.SH NAME
runuser \- run a command with substitute user and group ID
.SH SYNOPSIS
.B runuser
[\fIoptions\fR] \fB\-u\fR \fIuser\fR [[\-\-] \fIcommand\fR [\fIargument\fR...]]
.br
.B runuser
[\fIoptions\fR] [\fB\-\fR] [\fIuser\fR [\fIargument\fR...]]
.SH DESCRIPTION
.B runuser
lets root run a command as another user without a password. With
.B \-u
the command is run directly (HOME, USER and LOGNAME describe the user);
without it
.B runuser
behaves like
.BR su :
the user's shell is started, with
.B \-c
to run a command and
.BR \- " or " \-l
for a login environment. Other users are refused.
.SH OPTIONS
.TP
.BI \-u " USER" "\fR, \fB\-\-user " USER
The user to run the command as.
.TP
.BR \-m ", " \-p ", " \-\-preserve\-environment
Keep the environment.
.TP
.BI \-w " LIST" "\fR, \fB\-\-whitelist\-environment " LIST
Variables a login environment keeps.
.TP
.BI \-g " GROUP" "\fR, \fB\-\-group " GROUP
The primary group.
.TP
.BI \-G " GROUP" "\fR, \fB\-\-supp\-group " GROUP
A supplementary group (may be repeated).
.TP
.BR \- ", " \-l ", " \-\-login
Start a login shell.
.TP
.BI \-c " COMMAND" "\fR, \fB\-\-command " COMMAND
Pass COMMAND to the shell.
.TP
.BI \-s " SHELL" "\fR, \fB\-\-shell " SHELL
Use this shell.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "EXIT STATUS"
The command's status; 1 when runuser itself fails; 126 or 127 when the shell cannot be run.
.SH "SEE ALSO"
.BR su (1),
.BR setpriv (1)
`;
