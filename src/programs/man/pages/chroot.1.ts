export default String.raw`.TH CHROOT 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
chroot \- run command or interactive shell with special root directory
.SH SYNOPSIS
.B chroot
[\fIOPTION\fR] \fINEWROOT \fR[\fICOMMAND \fR[\fIARG\fR]...]
.br
.B chroot
\fIOPTION\fR
.SH DESCRIPTION
.B chroot
makes
.I NEWROOT
the root directory of a command: every absolute path it uses starts there,
and
.B ..
at its top stays there.
It then goes to the new
.B /
and runs
.IR COMMAND ,
looked up on
.B PATH
inside the new root.
Without a
.IR COMMAND ,
it runs
.B """$SHELL"" \-i"
(default:
.BR "/bin/sh \-i" ).
Only root may change the root directory.
.SH OPTIONS
.TP
\fB\-\-groups\fR=\fIG_LIST\fR
Supplementary groups, as \fIg1,g2,..,gN\fR (names or numbers).
.TP
\fB\-\-userspec\fR=\fIUSER:GROUP\fR
The user and group (names or numbers) to run as.
.TP
.B \-\-skip\-chdir
Keep the working directory instead of going to
.BR / ;
only allowed when
.I NEWROOT
is the current root.
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
125 when
.B chroot
itself failed, 126 when
.I COMMAND
could not be run, 127 when it was not found, and the status of
.I COMMAND
otherwise.
.SH EXAMPLES
.TP
.B "chroot /srv/jail /bin/sh"
Runs a shell that sees
.B /srv/jail
as
.BR / .
.TP
.B "chroot \-\-userspec=nobody:nobody /srv/jail /usr/bin/id"
Runs a command as an unprivileged user inside the jail.
.SH "SEE ALSO"
.BR chroot (2),
.BR docker (1)`;
