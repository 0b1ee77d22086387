export default String.raw`.TH CP 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
cp \- copy files and directories
.SH SYNOPSIS
.B cp
[\fIOPTION\fR]... [\fB\-T\fR] \fISOURCE DEST\fR
.br
.B cp
[\fIOPTION\fR]... \fISOURCE\fR... \fIDIRECTORY\fR
.br
.B cp
[\fIOPTION\fR]... \fB\-t\fR \fIDIRECTORY SOURCE\fR...
.SH DESCRIPTION
.B cp
copies
.I SOURCE
to
.IR DEST ,
or each
.I SOURCE
into the existing
.IR DIRECTORY .
A copy gets a new owner (the user running
.BR cp ),
the current time and the source's mode less the umask, unless
.B \-p
or
.B \-a
asks to keep them.
Directories are copied only with
.BR \-R .
Symbolic links among the sources are followed, unless
.B \-R
is given; then they are copied as links (see
.BR \-L ", " \-H ", " \-P ).
.SH OPTIONS
.TP
.BR \-a ", " \-\-archive
The same as
.BR "\-dR \-\-preserve=all" :
the usual way to copy a tree exactly.
.TP
.B \-d
The same as
.BR "\-\-no\-dereference \-\-preserve=links" .
.TP
.BR \-f ", " \-\-force
When a destination cannot be opened, remove it and try again.
.B \-n
wins over it.
.TP
.BR \-i ", " \-\-interactive
Ask before overwriting a file; cancels an earlier
.BR \-n .
.TP
.B \-H
Follow symbolic links named on the command line.
.TP
.BR \-l ", " \-\-link
Make hard links instead of copies.
.TP
.BR \-L ", " \-\-dereference
Always follow symbolic links in a
.IR SOURCE .
.TP
.BR \-n ", " \-\-no\-clobber
Never overwrite an existing file; cancels an earlier
.BR \-i .
.TP
.BR \-P ", " \-\-no\-dereference
Copy symbolic links as links.
.TP
.B \-p
The same as
.BR \-\-preserve=mode,ownership,timestamps .
.TP
.BR \-\-preserve [=\fIATTR_LIST\fR]
Keep the listed attributes: any of
.BR mode ", " ownership ", " timestamps ", " links " and " all ;
without a list, the first three.
.TP
.BR \-\-no\-preserve =\fIATTR_LIST\fR
Do not keep the listed attributes.
.TP
.BR \-R ", " \-r ", " \-\-recursive
Copy directories and everything in them.
.TP
.B \-\-remove\-destination
Remove each existing destination before copying, instead of opening it.
.TP
.BR \-s ", " \-\-symbolic\-link
Make symbolic links instead of copies.
.TP
.B \-\-strip\-trailing\-slashes
Remove trailing slashes from each
.IR SOURCE .
.TP
.BR \-t ", " \-\-target\-directory =\fIDIRECTORY\fR
Copy every
.I SOURCE
into
.IR DIRECTORY .
.TP
.BR \-T ", " \-\-no\-target\-directory
Treat
.I DEST
as a file name even if it is a directory.
.TP
.BR \-u ", " \-\-update
Copy only when
.I SOURCE
is newer than the destination, or the destination is missing.
.TP
.BR \-v ", " \-\-verbose
Print each copy as it is made.
.TP
.BR \-x ", " \-\-one\-file\-system
Do not descend into other file systems.
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 when everything was copied, 1 otherwise.
.SH EXAMPLES
.TP
.B "cp /etc/ssh/sshd_config /etc/ssh/sshd_config.bak"
Keeps a copy of a configuration file before editing it.
.TP
.B "cp \-a /var/www /backup/"
Copies a whole tree, keeping owners, modes, times and links.
.TP
.B "cp \-i *.conf /etc/myapp/"
Copies several files into a directory, asking before overwriting.
.SH "SEE ALSO"
.BR mv (1),
.BR ln (1),
.BR install (1),
.BR rm (1)
`;
