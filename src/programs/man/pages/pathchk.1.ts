export default String.raw`.TH PATHCHK 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
pathchk \- check whether file names are valid or portable
.SH SYNOPSIS
.B pathchk
[\fIOPTION\fR]... \fINAME\fR...
.SH DESCRIPTION
For each
.IR NAME ,
report a problem if the name could not be used on this system: a directory
on the way that cannot be searched, a name longer than the system allows.
A name that does not exist is fine. The exit status is 1 if any name failed.
.TP
.B \-p
Check against the minimums every POSIX system guarantees instead: names of at
most 255 bytes, components of at most 14, and only letters, digits, '.', '_',
\(aq\-\(aq and '/'.
.TP
.B \-P
Also reject an empty name and a component that starts with '\-'.
.TP
.B \-\-portability
The same as
.BR "\-p \-P" .
.TP
.B \-\-help
Show a short help and exit.
.TP
.B \-\-version
Show the version and exit.
.SH "SEE ALSO"
.BR pathconf (3)
`;
