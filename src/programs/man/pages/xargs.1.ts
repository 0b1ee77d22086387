export default String.raw`.TH XARGS 1 "2022-02" "GNU findutils 4.9.0" "User Commands"
.SH NAME
xargs \- build and run command lines from standard input
.SH SYNOPSIS
.B xargs
[\fIoptions\fR] [\fIcommand\fR [\fIinitial\-arguments\fR]]
.SH DESCRIPTION
.B xargs
reads items from standard input and runs
.I command
with the
.I initial\-arguments
followed by as many of those items as fit on one command line, repeating
until the input is used up. The default command is
.BR echo .
.PP
Items are separated by blanks and newlines; single quotes, double quotes and
backslashes can protect blanks inside an item. Because file names may contain
any of those characters, pair
.B "find \-print0"
with
.B "xargs \-0"
whenever names come from a file system.
.SH OPTIONS
.TP
.BR \-0 ", " \-\-null
Items end with a NUL byte; quotes and backslashes are ordinary characters.
.TP
.BI \-a " file" "\fR, \fB\-\-arg\-file=" file
Read the items from
.I file
and leave standard input to the command.
.TP
.BI \-d " delim" "\fR, \fB\-\-delimiter=" delim
Items end with the character
.I delim
(escapes such as
.B \en
are understood); no quoting is done.
.TP
.BI \-E " eof\-str"
Stop reading at a line consisting of exactly
.IR eof\-str .
.TP
.BR \-e "[\fIeof\-str\fR], " \-\-eof [=\fIeof\-str\fR]
The same as
.BR \-E ;
without a string there is no end marker.
.TP
.BI \-I " replace\-str"
Run the command once per input line, replacing
.I replace\-str
in the initial arguments with the line. Leading blanks are dropped.
.TP
.BR \-i "[\fIreplace\-str\fR], " \-\-replace [=\fIreplace\-str\fR]
The same as
.BR \-I ,
with
.B {}
as the default string.
.TP
.BI \-L " max\-lines" "\fR, \fB\-\-max\-lines=" max\-lines
Use at most
.I max\-lines
non\-blank input lines per command.
.B \-l
with no number means one line.
.TP
.BI \-n " max\-args" "\fR, \fB\-\-max\-args=" max\-args
Pass at most
.I max\-args
items to each command.
.TP
.BR \-o ", " \-\-open\-tty
Reopen standard input of the command as the terminal, for interactive
programs.
.TP
.BI \-P " max\-procs" "\fR, \fB\-\-max\-procs=" max\-procs
Run up to
.I max\-procs
commands at the same time (0 means as many as possible).
.TP
.BR \-p ", " \-\-interactive
Show each command line and run it only if the answer starts with
.B y
or
.BR Y .
.TP
.BI \-\-process\-slot\-var= name
Set the environment variable
.I name
to a distinct number in each running command.
.TP
.BR \-r ", " \-\-no\-run\-if\-empty
Do not run the command at all when the input holds no items.
.TP
.BI \-s " max\-chars" "\fR, \fB\-\-max\-chars=" max\-chars
Keep every command line under
.I max\-chars
bytes.
.TP
.B \-\-show\-limits
Report the command line size limits before running anything.
.TP
.BR \-t ", " \-\-verbose
Print each command line on standard error before running it.
.TP
.BR \-x ", " \-\-exit
Stop if a command line would not fit in the size limit.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
.TP
.B 0
Success.
.TP
.B 123
A command exited with a status from 1 to 125.
.TP
.B 124
A command exited with status 255.
.TP
.B 125
A command was killed by a signal.
.TP
.B 126
The command was found but could not be run.
.TP
.B 127
The command was not found.
.TP
.B 1
Some other error.
.SH EXAMPLES
.TP
.B "find /var/log \-name '*.gz' \-print0 | xargs \-0 rm \-f"
Delete compressed old logs.
.TP
.B "cut \-d: \-f1 /etc/passwd | xargs \-n 1 id"
Show the ids of every account, one command per user.
.TP
.B "xargs \-a hosts.txt \-I{} ping \-c1 {}"
Ping each host listed in a file.
.SH "SEE ALSO"
.BR find (1),
.BR echo (1),
.BR sh (1)
`;
