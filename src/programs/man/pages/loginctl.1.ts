export default String.raw`.TH LOGINCTL 1 "" "systemd 253" "loginctl"
.SH NAME
loginctl \- look at the sessions and users the login manager tracks
.SH SYNOPSIS
.B loginctl
[\fIOPTIONS\fR...] [\fICOMMAND\fR]
.SH DESCRIPTION
.B loginctl
talks to
.BR systemd\-logind (8),
which keeps a record of every login session: a console login through
.BR agetty (8),
an SSH connection, and so on. Each session has a number, belongs to a user,
and may be attached to a seat and a terminal.
.PP
Without a command,
.B list\-sessions
is run.
.SH COMMANDS
.TP
.B list\-sessions
Print a table of the current sessions with the columns SESSION, UID, USER,
SEAT and TTY, followed by the number of sessions. Sessions on a virtual
console belong to
.BR seat0 .
.TP
.B list\-users
Print the users that have at least one session (UID and USER).
.PP
The real tool also has commands such as
.BR session\-status ", " show\-session ", " terminate\-session ", " kill\-user
and
.BR enable\-linger .
.SH OPTIONS
.TP
.B \-\-no\-legend
Leave out the header and the summary line.
.TP
.B \-\-no\-pager
Do not pipe the output into a pager.
.TP
.BR \-h ", " \-\-help
Print a summary of commands.
.TP
.B \-\-version
Print the systemd version.
.SH EXIT STATUS
0 on success; 1 for an unknown command or option.
.SH EXAMPLES
.PP
.RS
.nf
$ loginctl
SESSION  UID USER SEAT  TTY
      1    0 root seat0 tty1

1 sessions listed.
.fi
.RE
.SH SEE ALSO
.BR systemd\-logind (8),
.BR who (1),
.BR w (1)
`;
