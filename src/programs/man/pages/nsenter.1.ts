export default String.raw`.TH NSENTER 1 "2022-08" "util-linux 2.38" "System Administration"
.SH NAME
nsenter \- run program in different namespaces
.SH SYNOPSIS
.B nsenter
[options] [\fIprogram\fR [\fIargument\fR...]]
.SH DESCRIPTION
.B nsenter
runs a program (by default \fB$SHELL\fR) in the namespaces of the process given
with \fB\-\-target\fR, found through its files in \fB/proc/\fIpid\fB/ns\fR, or in
namespaces named by such files.
.PP
The simulated kernel has no namespace files: asking for a namespace fails with
"cannot open", as on a kernel built without namespaces, and \fB\-\-all\fR finds
none to enter. The root and working directory options, and \fB\-S\fR and
\fB\-G\fR, work.
.SH OPTIONS
.TP
.B \-t, \-\-target \fIpid\fR
The process whose namespaces, root and working directory to use.
.TP
.B \-a, \-\-all
Enter every namespace of the target.
.TP
.B \-m, \-u, \-i, \-n, \-p, \-C, \-U, \-T
The mount, UTS, IPC, network, PID, cgroup, user and time namespaces; the long forms (\fB\-\-net\fR[=\fIfile\fR] ...) may name a file.
.TP
.B \-r, \-\-root[=\fIdirectory\fR]
The root directory (default: the target's).
.TP
.B \-w, \-\-wd[=\fIdirectory\fR]
The working directory (default: the target's).
.TP
.B \-W, \-\-wdns \fIdirectory\fR
The working directory, as a path seen inside the namespaces.
.TP
.B \-S, \-\-setuid \fIuid\fR; \-G, \-\-setgid \fIgid\fR
Run as this user or group id.
.TP
.B \-F, \-\-no\-fork
Do not fork before running the program.
.TP
.BR \-h ", " \-\-help
Print a short usage text and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "SEE ALSO"
.BR unshare (1),
.BR setns (2)
`;
