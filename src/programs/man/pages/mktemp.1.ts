export default String.raw`.TH MKTEMP 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
mktemp \- create a temporary file or directory
.SH SYNOPSIS
.B mktemp
[\fIOPTION\fR]... [\fITEMPLATE\fR]
.SH DESCRIPTION
.B mktemp
creates a file (or with
.BR \-d ,
a directory) with a name nobody else is using, and prints the name.
The last component of
.I TEMPLATE
must hold at least three consecutive
.BR X s,
which are replaced by random letters and digits.
Without a
.IR TEMPLATE ,
the name is
.B tmp.XXXXXXXXXX
in
.B $TMPDIR
or
.IR /tmp .
Files are created with mode 600 and directories with mode 700, less the umask.
.SH OPTIONS
.TP
.BR \-d ", " \-\-directory
Create a directory instead of a file.
.TP
.BR \-u ", " \-\-dry\-run
Create nothing, only print a name; another process may take it first.
.TP
.BR \-q ", " \-\-quiet
Say nothing when the file or directory cannot be created.
.TP
.BR \-\-suffix =\fISUFF\fR
Append
.I SUFF
to the template, which must then end in
.BR X .
.TP
.BI \-p " DIR" "\fR, \fB\-\-tmpdir" \fR[=\fIDIR\fR]
Put the name in
.IR DIR ,
or in
.B $TMPDIR
or
.IR /tmp ;
the template must then be relative.
.TP
.B \-t
Like
.BR \-p ,
with
.B $TMPDIR
first (deprecated).
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 on failure.
.SH EXAMPLES
.TP
.B "tmp=$(mktemp) && sort data > \(dq$tmp\(dq"
Keeps intermediate output in a private file.
.TP
.B "mktemp \-d /tmp/build.XXXXXX"
Creates a private working directory.
.SH "SEE ALSO"
.BR mkdir (1),
.BR rm (1)
`;
