export default String.raw`.TH LOGIN 1 "2022-11" "shadow 4.13" "User Commands"
.SH NAME
login \- begin a session on the system
.SH SYNOPSIS
.B login
[\fB\-p\fR] [\fB\-h\fR \fIhost\fR] [\fIusername\fR]
.br
.B login
[\fB\-p\fR] [\fB\-h\fR \fIhost\fR] \fB\-f\fR \fIusername\fR
.SH DESCRIPTION
.B login
starts a session for a user on a terminal. It is normally run by
.BR agetty (8)
on the console, which prints the
.IB hostname " login:"
prompt; it is not meant to be typed in a shell. When no
.I username
is given it asks for one, then asks for the password (which is not
echoed), and checks it through PAM
.RB ( /etc/pam.d/login ).
.PP
After a wrong password it waits a few seconds and prints
.BR "Login incorrect" ;
after 5 failures
.RB ( LOGIN_RETRIES )
it gives up. On success it sets up the environment \(em
.BR HOME ", " USER ", " LOGNAME ", " SHELL ", " MAIL " and " PATH ,
keeping
.B TERM
\(em changes to the home directory (or to
.B /
with a message if that fails) and starts the user's login shell from
.BR /etc/passwd ,
with a dash in front of its name so that it reads the profile files.
.PP
A password that has expired (for instance on a fresh Photon OS OVA, whose
root password
.B changeme
is expired) must be changed before the session starts.
.SH OPTIONS
.TP
.B \-p
Keep the existing environment.
.TP
.BI \-h " host"
Name of the remote host, for the login records (used by network daemons).
.TP
.BI \-f " username"
Skip authentication because the caller has already done it; only root may
use it.
.SH FILES
.TP
.B /etc/passwd\fR, \fB/etc/shadow
The accounts and their passwords.
.TP
.B /etc/pam.d/login
PAM configuration of login.
.TP
.B /etc/login.defs
Settings such as
.B LOGIN_RETRIES
and
.BR LOGIN_TIMEOUT .
.TP
.B /var/run/utmp\fR, \fB/var/log/wtmp
The records of current and past sessions.
.TP
.B ~/.hushlogin
Suppresses the login messages.
.SH "SEE ALSO"
.BR su (1),
.BR passwd (1),
.BR agetty (8),
.BR login.defs (5),
.BR shadow (5)
`;
