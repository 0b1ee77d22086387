export default String.raw`.TH SYSTEMD\-USER\-SESSIONS.SERVICE 8 "" "systemd 253" "systemd-user-sessions.service"
.SH NAME
systemd-user-sessions.service, systemd-user-sessions \- allow or refuse user logins
.SH SYNOPSIS
.B systemd\-user\-sessions.service
.br
.B /usr/lib/systemd/systemd\-user\-sessions
.BR start | stop
.SH DESCRIPTION
While the file
.B /run/nologin
exists,
.B pam_nologin
refuses logins by anyone but root and prints the file's content.
.B systemd\-user\-sessions start
removes it, and
.B stop
creates it.
.PP
.B systemd\-user\-sessions.service
runs
.B start
late in boot, and login prompts such as
.B getty@tty1.service
and
.B sshd.service
are ordered after it, so users can log in only once the system is up; at
shutdown the service is stopped, which blocks new logins again.
.BR shutdown (8)
creates the file in the last minutes before a scheduled shutdown as well.
.SH EXIT STATUS
0 on success.
.SH FILES
.TP
.BR /run/nologin ", " /etc/nologin
While either exists, only root may log in.
.SH SEE ALSO
.BR systemd\-logind (8),
.BR login (1),
.BR shutdown (8)
`;
