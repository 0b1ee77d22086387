export default String.raw`.TH CAL 1 "2022-08" "util-linux 2.38" "User Commands"
.SH NAME
cal \- show a calendar
.SH SYNOPSIS
.B cal
[options] [[[\fIday\fR] \fImonth\fR] \fIyear\fR]
.br
.B cal
[options] \fItimestamp\fR|\fImonthname\fR
.SH DESCRIPTION
.B cal
prints a calendar. With no arguments it shows the current month; a year alone
shows that whole year; a month and a year show that month. A month may be given
by number or by name, and a single argument that is not a number may be a date
such as \fB2024-03-15\fR.
.PP
The calendar is Julian until September 1752, when eleven days were dropped, and
Gregorian after. When the output is a terminal the requested day (today by
default) is shown in reverse video.
.SH OPTIONS
.TP
.B \-1, \-\-one
Show one month (the default).
.TP
.B \-3, \-\-three
Show the previous, the current and the next month.
.TP
.B \-n, \-\-months \fInumber\fR
Show that many months, starting with the month of the date.
.TP
.B \-S, \-\-span
Centre the months shown on the date.
.TP
.B \-s, \-\-sunday
Weeks start on Sunday (the default).
.TP
.B \-m, \-\-monday
Weeks start on Monday.
.TP
.B \-j, \-\-julian
Number the days by their day of the year.
.TP
.B \-\-reform \fIval\fR
The Gregorian reform: 1752, gregorian, iso or julian.
.TP
.B \-\-iso
The same as \fB\-\-reform=iso\fR: Gregorian throughout.
.TP
.B \-y, \-\-year
Show the whole year.
.TP
.B \-Y, \-\-twelve
Show twelve months from the date.
.TP
.B \-w, \-\-week[=\fInumber\fR]
Show week numbers: US numbering, or ISO 8601 with \fB\-m\fR.
.TP
.B \-v, \-\-vertical
Put the days of each week in a column.
.TP
.B \-\-color[=\fIwhen\fR]
Highlight the day: auto, always or never.
.TP
.BR \-h ", " \-\-help
Print a short usage text and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 for a bad argument.
.SH "SEE ALSO"
.BR date (1)
`;
