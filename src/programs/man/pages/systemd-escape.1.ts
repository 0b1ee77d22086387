export default String.raw`.TH SYSTEMD\-ESCAPE 1 "" "systemd 253" "systemd-escape"
.SH NAME
systemd-escape \- make strings safe to use in unit names
.SH SYNOPSIS
.B systemd\-escape
[\fIOPTIONS\fR...] \fISTRING\fR...
.SH DESCRIPTION
.B systemd\-escape
rewrites each
.I STRING
so that it may appear in a unit name, for example as the instance of a
template unit, and prints the results on one line, separated by spaces.
Slashes become dashes; dashes, backslashes and every character outside
letters, digits,
.BR : ,
.B _
and
.B .
become
.BI \ex NN
escapes, as does a leading dot.
.PP
With
.B \-\-unescape
it does the reverse, and with
.B \-\-mangle
it turns what a user might type into a unit name the way
.B systemctl
does (adding
.B .service
when no type is given).
.SH OPTIONS
.TP
.BI \-\-suffix= SUFFIX
Add
.BI . SUFFIX
(a unit type such as
.B mount
or
.BR service )
to each result.
.TP
.BI \-\-template= TEMPLATE
Put each result into the template unit name
.I TEMPLATE
(for example
.BR getty@.service )
as its instance.
.TP
.BR \-p ", " \-\-path
Treat each string as a file system path: repeated slashes and the slashes
at both ends are dropped first, and the root directory becomes a single
.BR \- .
Relative paths are escaped with a warning.
.TP
.BR \-u ", " \-\-unescape
Undo the escaping. With
.B \-\-path
the result is an absolute path. With
.B \-\-template
the string must be an instance of that template, and only its instance
part is unescaped.
.TP
.B \-\-instance
With
.BR \-\-unescape ,
unescape only the instance part of each unit name.
.TP
.BR \-m ", " \-\-mangle
Make a valid unit name out of each string, as
.B systemctl
does with its arguments.
.TP
.BR \-h ", " \-\-help
Print a short help and exit.
.TP
.B \-\-version
Print the version and exit.
.SH EXAMPLES
.nf
$ systemd\-escape \-p \-\-suffix=mount /var/lib/docker
var\-lib\-docker.mount
$ systemd\-escape \-\-template=getty@.service tty1
getty@tty1.service
$ systemd\-escape \-u \-p var\-lib\-docker
/var/lib/docker
.fi
.SH EXIT STATUS
0 when every string was converted; 1 when an option or a string was refused.
.SH SEE ALSO
.BR systemctl (1),
.BR systemd.unit (5)
`;
