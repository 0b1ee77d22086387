export default String.raw`.TH NOHUP 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
nohup \- run a command immune to hangups, with output to a non-tty
.SH SYNOPSIS
.B nohup
\fICOMMAND\fR [\fIARG\fR]...
.br
.B nohup
.I OPTION
.SH DESCRIPTION
.B nohup
runs
.I COMMAND
with the hangup signal ignored, so that it keeps running after you log out.
When standard input is a terminal, it is replaced by an unreadable file.
When standard output is a terminal, the output is appended to
.I nohup.out
in the current directory, or to
.I $HOME/nohup.out
when the current directory is not writable.
When standard error is a terminal, it goes where standard output goes.
To choose the file yourself, redirect:
.BR "nohup COMMAND > FILE" .
.SH OPTIONS
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
125 when
.B nohup
itself failed, 126 when
.I COMMAND
could not be run, 127 when it was not found, and the status of
.I COMMAND
otherwise.
.SH EXAMPLES
.TP
.B "nohup ./long\-job.sh &"
Starts a job that survives the end of the session; its output lands in
.IR nohup.out .
.SH "SEE ALSO"
.BR bash (1),
.BR systemd\-run (1)
`;
