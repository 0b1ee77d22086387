export default String.raw`.TH DATE 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
date \- print or set the system date and time
.SH SYNOPSIS
.B date
[\fIOPTION\fR]... [\fI+FORMAT\fR]
.br
.B date
[\fB\-u\fR|\fB\-\-utc\fR|\fB\-\-universal\fR] [\fIMMDDhhmm\fR[[\fICC\fR]\fIYY\fR][\fI.ss\fR]]
.SH DESCRIPTION
.B date
prints the current date and time, or another one, in the default format or in
.IR FORMAT .
With
.B \-s
or the
.I MMDDhhmm
operand, root sets the system clock instead.
The time zone comes from
.B TZ
or
.IR /etc/localtime ;
Photon OS installs with UTC.
.PP
.I FORMAT
is text with conversions such as
.B %Y
(year),
.B %m
(month),
.B %d
(day),
.B %H
(hour),
.B %M
(minute),
.B %S
(second),
.B %N
(nanoseconds),
.B %s
(seconds since 1970-01-01 UTC),
.B %a
and
.B %A
(weekday),
.B %b
and
.B %B
(month name),
.B %F
(like %Y\-%m\-%d),
.B %T
(like %H:%M:%S),
.B %z
and
.B %Z
(zone),
.B %j
(day of the year),
.B %u
(weekday number),
.B %V
(ISO week),
.B %n
(newline) and
.B %%
(a percent sign).
After the
.B %
a flag may follow:
.B \-
(no padding),
.B _
(spaces),
.B 0
(zeros),
.B ^
(upper case) or
.B #
(other case), and a width.
.SH OPTIONS
.TP
.BR \-d ", " \-\-date =\fISTRING\fR
Show the time
.I STRING
describes, such as
.BR "next friday" ,
.BR "2024\-03\-01 12:00" ,
.B @1700000000
or
.BR "3 days ago" .
.TP
.B \-\-debug
Explain on standard error how the date was parsed.
.TP
.BR \-f ", " \-\-file =\fIDATEFILE\fR
Like
.B \-\-date
for each line of
.IR DATEFILE .
.TP
.BR \-I [\fIFMT\fR]", " \-\-iso\-8601 [=\fIFMT\fR]
ISO 8601 output;
.I FMT
is
.B date
(the default),
.BR hours ", " minutes ", " seconds " or " ns .
.TP
.B \-\-resolution
Print the resolution of the clock.
.TP
.BR \-R ", " \-\-rfc\-email
RFC 5322 output, as in mail headers.
.TP
.BR \-\-rfc\-3339 =\fIFMT\fR
RFC 3339 output;
.I FMT
is
.BR date ", " seconds " or " ns .
.TP
.BR \-r ", " \-\-reference =\fIFILE\fR
Show the modification time of
.IR FILE .
.TP
.BR \-s ", " \-\-set =\fISTRING\fR
Set the clock to the time
.I STRING
describes.
.TP
.BR \-u ", " \-\-utc ", " \-\-universal
Use Coordinated Universal Time.
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 for an invalid date or another error.
.SH EXAMPLES
.TP
.B "date +%F_%H%M"
Prints a stamp like
.B 2026\-01\-15_0930
for backup names.
.TP
.B "date \-d @1700000000 \-u"
Turns seconds since the epoch into a date.
.TP
.B "date \-d 'tomorrow 03:00' +%s"
Computes a time for a scheduled job.
.SH "SEE ALSO"
.BR timedatectl (1),
.BR touch (1),
.BR strftime (3)
`;
