export default String.raw`.TH UNSHARE 1 "2022-08" "util-linux 2.38" "System Administration"
.SH NAME
unshare \- run program in new namespaces
.SH SYNOPSIS
.B unshare
[options] [\fIprogram\fR [\fIargument\fR...]]
.SH DESCRIPTION
.B unshare
runs a program (by default \fB$SHELL\fR) with the namespaces given unshared from
its parent: a new network namespace has only its own loopback device, a new UTS
namespace its own host name, and so on.
.PP
The simulated kernel cannot create namespaces: any namespace option fails with
"unshare failed: Invalid argument", as on a kernel built without them (or
"Operation not permitted" for an ordinary user). Without one the program runs,
with \fB\-\-fork\fR, \fB\-\-root\fR, \fB\-\-wd\fR, \fB\-S\fR and \fB\-G\fR applied.
.SH OPTIONS
.TP
.B \-m, \-u, \-i, \-n, \-p, \-U, \-C, \-T
New mount, UTS, IPC, network, PID, user, cgroup or time namespaces.
.TP
.B \-f, \-\-fork
Run the program in a child process and wait for it.
.TP
.B \-r, \-\-map\-root\-user
Map the current user to root in a new user namespace.
.TP
.B \-\-mount\-proc[=\fIdirectory\fR]
Mount a new proc filesystem (implies \fB\-m\fR).
.TP
.B \-R, \-\-root \fIdirectory\fR
Run with this root directory.
.TP
.B \-w, \-\-wd \fIdirectory\fR
Run in this working directory.
.TP
.B \-S, \-\-setuid \fIuid\fR; \-G, \-\-setgid \fIgid\fR
Run as this user or group id.
.TP
.BR \-h ", " \-\-help
Print a short usage text and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "SEE ALSO"
.BR nsenter (1),
.BR unshare (2)
`;
