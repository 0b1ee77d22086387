export default String.raw`.TH WHICH 1 "2015-03" "GNU which 2.21" "User Commands"
.SH NAME
which \- show the full path of commands
.SH SYNOPSIS
.B which
[\fIoptions\fR] [\fB\-\-\fR] \fIprogramname\fR [...]
.SH DESCRIPTION
For each
.I programname
.B which
searches the directories of the
.B PATH
environment variable, in order, and prints the full path of the first
executable file of that name \(em the file the shell would run.
Names containing a slash are checked as given.
.PP
Aliases and shell functions are invisible to a separate program. To have them
reported as well, feed their definitions to
.B which
on standard input, for example with
.B "(alias; declare \-f) | which \-\-tty\-only \-\-read\-alias \-\-read\-functions \-\-show\-tilde \-\-show\-dot"
set up as an alias named
.BR which .
Bash's own
.B "type \-a"
answers the same question without help.
.SH OPTIONS
.TP
.BR \-a ", " \-\-all
Print every match in
.BR PATH ,
not only the first.
.TP
.BR \-i ", " \-\-read\-alias
Read alias definitions (as printed by
.BR alias )
from standard input and report matching aliases.
.TP
.B \-\-skip\-alias
Ignore
.BR \-\-read\-alias ;
useful to override it in an alias.
.TP
.B \-\-read\-functions
Read shell function definitions (as printed by
.BR "declare \-f" )
from standard input and report matching functions.
.TP
.B \-\-skip\-functions
Ignore
.BR \-\-read\-functions .
.TP
.B \-\-skip\-dot
Skip the directories of
.B PATH
that start with a dot.
.TP
.B \-\-skip\-tilde
Skip the directories of
.B PATH
that start with a tilde, and files in the home directory.
.TP
.B \-\-show\-dot
When a match is found in a directory of
.B PATH
starting with a dot, print it as
.BI ./ programname
instead of a full path.
.TP
.B \-\-show\-tilde
Print the home directory as
.BR ~ .
Ignored for root.
.TP
.B \-\-tty\-only
Stop processing the options on the right if standard output is not a
terminal.
.TP
.BR \-v ", " \-V ", " \-\-version
Print the version and exit.
.TP
.B \-\-help
Print a usage summary and exit.
.SH "EXIT STATUS"
The number of programs that were not found (so 0 when all were found);
255 when no program name was given.
.SH EXAMPLES
.TP
.B "which useradd"
Prints
.BR /usr/sbin/useradd ,
or nothing and status 1 if
.B /usr/sbin
is not in your
.B PATH
(as for a plain
.B su
to root without
.BR \- ).
.TP
.B "which \-a python3"
Show every python3 in the path, not only the one that runs.
.SH "SEE ALSO"
.BR whereis (1),
.BR bash (1),
.BR find (1)
`;
