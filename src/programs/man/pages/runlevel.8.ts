export default String.raw`.TH RUNLEVEL 8 "" "systemd 253" "runlevel"
.SH NAME
runlevel \- print the previous and current SysV runlevel
.SH SYNOPSIS
.B runlevel
[\fIoptions\fR...]
.SH DESCRIPTION
.B runlevel
prints two characters: the previous runlevel (\fBN\fR when there was none) and the
current one, as recorded in the utmp file at boot. systemd maps its targets to
runlevels: \fBmulti-user.target\fR is 3, \fBgraphical.target\fR 5 and
\fBrescue.target\fR 1.
.SH OPTIONS
.TP
.B \-\-help
Print a short help text and exit.
.SH EXIT STATUS
0 on success; 1 (printing \fBunknown\fR) when no runlevel is recorded.
.SH SEE ALSO
.BR systemd (1),
.BR systemctl (1),
.BR who (1)
`;
