export default String.raw`.TH CHCON 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
chcon \- change the SELinux security context of files
.SH SYNOPSIS
.B chcon
[\fIOPTION\fR]... \fICONTEXT FILE\fR...
.br
.B chcon
[\fIOPTION\fR]... [\fB\-u\fR \fIUSER\fR] [\fB\-r\fR \fIROLE\fR] [\fB\-l\fR \fIRANGE\fR] [\fB\-t\fR \fITYPE\fR] \fIFILE\fR...
.br
.B chcon
[\fIOPTION\fR]... \fB\-\-reference\fR=\fIRFILE FILE\fR...
.SH DESCRIPTION
Give each
.I FILE
the SELinux security context
.IR CONTEXT ,
the context of
.I RFILE
with \fB\-\-reference\fR, or its present context with only the parts named by
\fB\-u\fR, \fB\-r\fR, \fB\-t\fR and \fB\-l\fR replaced. Photon OS ships coreutils
without SELinux support, so chcon checks its arguments, walks the files and
reports for each one that the operation is not supported.
.TP
.B \-\-dereference
Work on the file a symbolic link points to (the default).
.TP
.BR \-h ", " \-\-no\-dereference
Work on symbolic links themselves.
.TP
.BR \-u ", " \-\-user =\fIUSER\fR
The user part of the new context.
.TP
.BR \-r ", " \-\-role =\fIROLE\fR
The role part of the new context.
.TP
.BR \-t ", " \-\-type =\fITYPE\fR
The type part of the new context.
.TP
.BR \-l ", " \-\-range =\fIRANGE\fR
The level range part of the new context.
.TP
.B \-\-no\-preserve\-root
Treat '/' like any other directory (the default).
.TP
.B \-\-preserve\-root
Refuse to work recursively on '/'.
.TP
.BR \-\-reference =\fIRFILE\fR
Copy the context of RFILE instead of naming one.
.TP
.BR \-R ", " \-\-recursive
Work on directories and everything below them.
.TP
.BR \-v ", " \-\-verbose
Name each file as it is processed.
.TP
.B \-H
With \fB\-R\fR, follow symbolic links to directories named on the command line.
.TP
.B \-L
With \fB\-R\fR, follow every symbolic link to a directory.
.TP
.B \-P
With \fB\-R\fR, follow no symbolic links (the default). The last of
\fB\-H\fR, \fB\-L\fR and \fB\-P\fR wins.
.TP
.B \-\-help
Show a short help and exit.
.TP
.B \-\-version
Show the version and exit.
.SH "SEE ALSO"
.BR runcon (1),
.BR ls (1),
.BR id (1)
`;
