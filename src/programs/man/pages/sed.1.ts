export default String.raw`.TH SED 1 "2022-11" "GNU sed 4.9" "User Commands"
.SH NAME
sed \- stream editor for filtering and transforming text
.SH SYNOPSIS
.B sed
[\fIOPTION\fR]... \fISCRIPT\fR [\fIINPUT\-FILE\fR]...
.br
.B sed
[\fIOPTION\fR]... \fB\-e\fR \fISCRIPT\fR ... [\fIINPUT\-FILE\fR]...
.SH DESCRIPTION
.B sed
reads its input one line at a time into a buffer called the
.IR "pattern space" ,
runs the commands of the script on it, and then prints the pattern space
(unless
.B \-n
is given).
This makes it the usual tool for editing text non\-interactively: replacing
strings, deleting or inserting lines, and printing selected parts of a file.
.PP
If neither
.B \-e
nor
.B \-f
is used, the first operand is taken as the script. The remaining operands
are input files; with none, or with
.BR \- ,
standard input is read. All files are treated as one continuous stream
unless
.B \-s
or
.B \-i
is given.
.SH OPTIONS
.TP
.BR \-n ", " \-\-quiet ", " \-\-silent
Turn off the automatic printing of the pattern space at the end of each
cycle; only commands such as
.B p
produce output.
.TP
.B \-\-debug
Accepted for compatibility; this version prints no annotation.
.TP
.BI \-e " script" "\fR, \fB\-\-expression=" script
Add
.I script
to the commands to be run. Several
.B \-e
options are joined with newlines.
.TP
.BI \-f " script\-file" "\fR, \fB\-\-file=" script\-file
Add the commands contained in
.IR script\-file .
.TP
.B \-\-follow\-symlinks
With
.BR \-i ,
edit the file a symbolic link points to instead of replacing the link.
.TP
.BR \-i "[\fISUFFIX\fR], " \-\-in\-place [=\fISUFFIX\fR]
Edit the files in place: the output replaces each input file. If
.I SUFFIX
is given, the original is kept under the name with
.I SUFFIX
appended (for example
.B \-i.bak
keeps
.IR file.bak ).
Implies
.BR \-s .
.TP
.BI \-l " N" "\fR, \fB\-\-line\-length=" N
Wrap the output of the
.B l
command at
.I N
characters (70 by default; 0 means never wrap).
.TP
.B \-\-posix
Disable the GNU extensions, for scripts that must be portable.
.TP
.BR \-E ", " \-r ", " \-\-regexp\-extended
Use extended regular expressions in addresses and in the
.B s
command, as
.B "grep \-E"
does.
.TP
.BR \-s ", " \-\-separate
Treat every input file separately, so that line numbers and the address
.B $
refer to each file rather than to the whole stream.
.TP
.B \-\-sandbox
Reject scripts that contain the
.BR e ", " r " or " w
commands.
.TP
.BR \-u ", " \-\-unbuffered
Read and write in small pieces, flushing the output often.
.TP
.BR \-z ", " \-\-null\-data
Lines are separated by NUL bytes instead of newlines.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SH ADDRESSES
A command may be preceded by an address, or two separated by a comma, that
restricts it to some lines. Without an address a command applies to every
line; a
.B !
after the address applies it to the lines that do not match.
.TP
.I number
That input line (counted across all files unless
.BR \-s ).
.TP
.B $
The last line.
.TP
.BI / regexp /
Lines matching
.IR regexp .
An
.B I
after the closing slash makes the match ignore case.
.TP
.IB first ~ step
Every
.IR step th
line starting with line
.IR first .
.TP
.IB addr1 , addr2
From the line matching
.I addr1
through the next line matching
.IR addr2 .
.I addr2
may also be
.BI + N
(the next
.I N
lines) or
.BI ~ N
(up to the next multiple of
.IR N ).
.SH COMMANDS
.TP
.BI s/ regexp / replacement / flags
Replace the text matching
.I regexp
with
.IR replacement .
In the replacement,
.B &
is the whole match and
.B \e1
to
.B \e9
are the groups.
Flags:
.B g
replaces every match,
.I N
only the Nth,
.B p
prints the result if a replacement was made,
.B i
ignores case, and
.BI w " file"
writes the changed line to
.IR file .
Any character can replace the slash as delimiter.
.TP
.BI y/ source / dest /
Transliterate each character of
.I source
into the corresponding one of
.IR dest .
.TP
.B p
Print the pattern space.
.B P
prints it up to the first newline.
.TP
.B d
Delete the pattern space and start the next cycle.
.B D
deletes up to the first newline and restarts without reading a new line.
.TP
.B n
Print the pattern space (unless
.BR \-n )
and replace it with the next line.
.B N
appends the next line after a newline instead.
.TP
.BI a " text" "\fR, \fBi" " text" "\fR, \fBc" " text"
Append
.I text
after the line, insert it before the line, or change (replace) the line with
it.
.TP
.B "= l z"
Print the line number; print the pattern space in an unambiguous form; empty
the pattern space.
.TP
.B "h H g G x"
Copy or append the pattern space to the hold space, copy or append the hold
space to the pattern space, or exchange the two.
.TP
.BI ": " label "\fR, \fBb " label "\fR, \fBt " label "\fR, \fBT " label
Define a label; branch to it always, when a substitution succeeded since the
last input line, or when none did. Without a label, branch to the end of the
script.
.TP
.BR q " [\fIexit\-code\fR], " Q " [\fIexit\-code\fR]"
Quit, after printing the pattern space
.RB ( q )
or without printing it
.RB ( Q ).
.TP
.BI r " file" "\fR, \fBR " file "\fR, \fBw " file "\fR, \fBW " file
Queue the contents of
.I file
(or its next line) for output at the end of the cycle; write the pattern
space (or its first line) to
.IR file .
.TP
.BR e " [\fIcommand\fR]"
Run a shell command and output its result.
.TP
.B F
Print the name of the current input file.
.TP
.B "{ }"
Group commands so that one address applies to all of them.
.SH "EXIT STATUS"
0 on success, 1 for an invalid command or option, 2 when an input file
could not be opened (processing continues with the others), 4 for an I/O
error during processing. The
.B q
and
.B Q
commands can return another status.
.SH EXAMPLES
.TP
.B "sed \-n '1,5p' /etc/passwd"
Print only the first five lines.
.TP
.B "sed \-i 's/^PermitRootLogin no/PermitRootLogin yes/' /etc/ssh/sshd_config"
Allow root logins over SSH (then restart sshd).
.TP
.B "sed \-i.orig '/^#/d; /^$/d' app.conf"
Remove comments and blank lines, keeping the original as app.conf.orig.
.TP
.B "sed \-E 's/([^:]*):.*/\e1/' /etc/passwd"
Print the user names.
.SH "SEE ALSO"
.BR grep (1),
.BR gawk (1),
.BR tr (1),
.BR regex (7)
`;
