export default String.raw`.TH SU 1 "2022-11" "shadow 4.13" "User Commands"
.SH NAME
su \- run a shell as another user
.SH SYNOPSIS
.B su
[\fIoptions\fR] [\fB\-\fR] [\fIusername\fR [\fIargs\fR]]
.SH DESCRIPTION
.B su
starts a shell (or, with
.BR \-c ,
a command) with the user and group IDs of
.IR username ,
by default
.BR root .
Unless the caller is root, the
.B target
user's password is asked for and checked through PAM
.RB ( /etc/pam.d/su ).
On Photon OS, any user who knows that password may use su; there is no
wheel\-group restriction. To give users administrative rights without
sharing root's password, use
.BR sudo (8)
instead. su must be run from a terminal, except by root.
.PP
The shell is the one in the target's
.B /etc/passwd
entry. Any
.I args
are passed to it, so that
.B "su bob \-c 'id'"
runs
.B id
as bob.
.SS "su and su \-"
The two forms differ in the environment the new shell gets.
.TP
.BI "su " user
keeps the caller's environment and working directory. Only
.BR HOME ", " SHELL ", " USER " and " LOGNAME
are set for the target, and
.B PATH
is reset from
.BR /etc/login.defs .
The shell is not a login shell, so the target's profile files are not read.
.TP
.BI "su \- " user "\fR, \fBsu \-l " user
simulates a real login: the environment is cleared except for
.B TERM
(and
.BR COLORTERM ", " DISPLAY ", " XAUTHORITY ),
the variables above are set, the shell starts as a login shell (reading
.B /etc/profile
and the user's
.BR ~/.bash_profile )
in the target's home directory. This is usually what you want when becoming
root.
.PP
In both cases
.B PATH
is taken from
.B ENV_SUPATH
for root (on Photon,
.BR /sbin:/bin:/usr/sbin:/usr/bin )
and from
.B ENV_PATH
for other users
.RB ( /bin:/usr/bin ).
.SH OPTIONS
.TP
.BR \- ", " \-l ", " \-\-login
Start a login shell, as described above. A lone
.B \-
must be the last option.
.TP
.BI \-c " command" "\fR, \fB\-\-command " command
Run
.I command
with the target's shell
.RB ( "shell \-c" " " \fIcommand\fR )
instead of an interactive shell.
.TP
.BR \-m ", " \-p ", " \-\-preserve\-environment
Keep the whole environment, including
.BR HOME " and " SHELL ,
and run the caller's
.B $SHELL
rather than the target's. Ignored (for non\-root callers) when the target's
shell is not listed in
.BR /etc/shells .
.TP
.BI \-s " shell" "\fR, \fB\-\-shell " shell
Run
.I shell
instead of the target's shell. Also refused for non\-root callers when the
target has a shell not listed in
.BR /etc/shells .
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.SH "EXIT STATUS"
The exit status of the shell or command; 1 when authentication fails or the
user does not exist; 126 when the shell could not be executed; 127 when it
was not found.
.SH FILES
.TP
.B /etc/pam.d/su
PAM configuration.
.TP
.B /etc/login.defs
.BR ENV_PATH ", " ENV_SUPATH ", " SU_NAME ", " SYSLOG_SU_ENAB .
.TP
.B /etc/shells
The shells considered unrestricted.
.SH EXAMPLES
.TP
.B "su \-"
Become root with root's own login environment.
.TP
.B "su \- bob"
Log in as bob from the current session.
.TP
.B "su \-c 'tdnf \-y update' \-"
Run one command as root.
.SH "SEE ALSO"
.BR sudo (8),
.BR login (1),
.BR login.defs (5),
.BR shells (5)
`;
