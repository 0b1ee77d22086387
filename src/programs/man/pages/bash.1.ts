export default String.raw`.TH BASH 1 "2022 September 19" "GNU Bash 5.2"
.SH NAME
bash \- the GNU Bourne-Again SHell, Photon's command interpreter
.SH SYNOPSIS
.B bash
[\fIoptions\fR] [\fB\-c\fR \fIstring\fR | \fIfile\fR] [\fIargument\fR ...]
.SH DESCRIPTION
.B bash
reads commands from a terminal, a string or a file and runs them.
It is the login shell of every account on Photon OS; its prompt for root is
.B "root@photon-machine [ ~ ]#"
in red.
This page is a short summary: run
.B "help"
inside the shell for the builtins, and
.B "help"
.I name
for one of them.
.PP
An interactive login shell reads
.IR /etc/profile ,
the files of
.I /etc/profile.d
and the first of
.IR ~/.bash_profile ,
.I ~/.bash_login
and
.IR ~/.profile .
An interactive shell that is not a login shell reads
.I /etc/bash.bashrc
and
.IR ~/.bashrc .
.SH OPTIONS
.TP
.BI \-c " string"
Run the commands in
.IR string ;
the arguments after it become
.BR $0 ", " $1 ", ..."
.TP
.B \-i
Behave as an interactive shell.
.TP
.BR \-l ", " \-\-login
Behave as a login shell and read the login start-up files.
.TP
.B \-s
Read commands from standard input; the arguments set the positional parameters.
.TP
.B \-\-noprofile
Do not read the login start-up files.
.TP
.B \-\-norc
Do not read
.I ~/.bashrc
in an interactive shell.
.TP
.B \-\-help
Print a short usage message and exit.
.TP
.B \-\-version
Print the version and exit.
.PP
The single-letter options of the
.B set
builtin (such as
.BR \-e ", " \-u ", " \-x )
and
.B \-o
.I option
may also be given when the shell starts.
.SH EXIT STATUS
The status of the last command run, 2 for a syntax or usage error, 126 when a
command is found but cannot be run, and 127 when it is not found.
.SH EXAMPLES
.TP
.B "bash \-c 'echo $0 $1' one two"
Prints
.BR "one two" .
.TP
.B "bash \-x ./setup.sh"
Runs a script and shows each command before it runs.
.SH FILES
.TP
.I /etc/profile
Start-up file of login shells, for every user.
.TP
.I ~/.bash_history
The command history of interactive shells.
.SH "SEE ALSO"
.BR sh (1),
.BR env (1),
.BR test (1)
`;
