export default String.raw`.TH BASENAME 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
basename \- strip the directory and suffix from file names
.SH SYNOPSIS
.B basename
\fINAME\fR [\fISUFFIX\fR]
.br
.B basename
\fIOPTION\fR... \fINAME\fR...
.SH DESCRIPTION
.B basename
prints
.I NAME
without its leading directory components and trailing slashes. If
.I SUFFIX
is given and
.I NAME
ends with it (and is longer than it), the suffix is removed too. The name
is treated as text; the file need not exist.
.SH OPTIONS
.TP
.BR \-a ", " \-\-multiple
Treat every operand as a
.I NAME
and print the result for each.
.TP
.BI \-s " SUFFIX" "\fR, \fB\-\-suffix=" SUFFIX
Remove the trailing
.I SUFFIX
from each name; implies
.BR \-a .
.TP
.BR \-z ", " \-\-zero
End each result with a NUL byte instead of a newline.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SH EXAMPLES
.TP
.B "basename /usr/bin/sort"
Prints
.BR sort .
.TP
.B "basename /etc/sysctl.d/50\-security\-hardening.conf .conf"
Prints
.BR 50\-security\-hardening .
.TP
.B "basename \-s .conf /etc/*.conf"
Prints the name of every .conf file in /etc without the extension.
.SH "SEE ALSO"
.BR dirname (1),
.BR readlink (1),
.BR realpath (1)
`;
