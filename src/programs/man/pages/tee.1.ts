export default String.raw`.TH TEE 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
tee \- copy standard input to files and to standard output
.SH SYNOPSIS
.B tee
[\fIOPTION\fR]... [\fIFILE\fR]...
.SH DESCRIPTION
.B tee
reads standard input and writes everything it reads both to standard output
and to each
.IR FILE ,
which is created or truncated first. It is the usual way to save the output
of a pipeline while still watching it, and to write to a file you can only
write as root:
.B "echo text | sudo tee /etc/file"
works where
.B "sudo echo text > /etc/file"
does not, because the redirection is done by your own unprivileged shell.
.SH OPTIONS
.TP
.BR \-a ", " \-\-append
Append to the files instead of overwriting them.
.TP
.BR \-i ", " \-\-ignore\-interrupts
Ignore the interrupt signal (Ctrl\-C).
.TP
.B \-p
Diagnose errors writing to outputs that are not pipes, and keep writing to
the others; the same as
.BR \-\-output\-error=warn\-nopipe .
.TP
.BR \-\-output\-error [=\fIMODE\fR]
Choose what happens after a write error:
.B warn
reports the error for any output and continues;
.B warn\-nopipe
(the default of this option) does so except for pipes;
.B exit
stops at the first error on any output;
.B exit\-nopipe
stops at an error on anything but a pipe.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.PP
Without
.BR \-p " or " \-\-output\-error ,
.B tee
stops as soon as a pipe it writes to is closed, and reports other write
errors but goes on.
.SH "EXIT STATUS"
0 on success, 1 if a file could not be opened or written.
.SH EXAMPLES
.TP
.B "tdnf \-y update 2>&1 | tee update.log"
Watch an update and keep a copy of its output.
.TP
.B "echo 'vm.swappiness = 10' | sudo tee \-a /etc/sysctl.d/90\-local.conf"
Append a line to a root\-owned file.
.SH "SEE ALSO"
.BR cat (1),
.BR sudo (8),
.BR script (1)
`;
