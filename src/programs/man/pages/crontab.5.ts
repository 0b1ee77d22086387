export default String.raw`.TH CRONTAB 5 "2023-01-06" "cronie" "File Formats"
.SH NAME
crontab \- the tables of jobs crond runs
.SH DESCRIPTION
A table has one job or one setting a line. Blank lines and lines starting
with \fB#\fR are skipped.
.PP
A setting has the form \fIname\fR = \fIvalue\fR, with spaces allowed around
the equals sign and the value optionally in quotes. It applies to the jobs
below it. \fBSHELL\fR (default \fI/bin/sh\fR) runs each job, \fBPATH\fR
defaults to \fI/usr/bin:/bin\fR, \fBHOME\fR to the user's home directory;
\fBLOGNAME\fR and \fBUSER\fR are always the user's name. \fBCRON_TZ\fR gives
the time zone the times of the jobs below it are read in, and
\fBRANDOM_DELAY\fR a number of minutes of random delay.
.PP
A job line has five time fields and a command:
.PP
.nf
    minute         0\-59
    hour           0\-23
    day of month   1\-31
    month          1\-12 (or jan\-dec)
    day of week    0\-7 (0 and 7 are Sunday, or sun\-sat)
.fi
.PP
A field is \fB*\fR, a number, a range \fIa\fR\fB\-\fR\fIb\fR, a list of
these separated by commas, and may end with \fB/\fR\fIstep\fR.
\fIa\fR\fB~\fR\fIb\fR picks one value at random between the two when the
table is read. When both day fields are restricted, a job runs on days that
match either of them.
.PP
The tables of \fI/etc/crontab\fR and \fI/etc/cron.d\fR have the user to run as
between the time fields and the command.
.PP
Instead of the five fields, one of \fB@reboot\fR (once, when crond starts after
a boot), \fB@yearly\fR, \fB@annually\fR, \fB@monthly\fR, \fB@weekly\fR,
\fB@daily\fR, \fB@midnight\fR or \fB@hourly\fR may be written.
.PP
In the command, a \fB%\fR (not escaped with a backslash) ends the command; the
text after it is given to the command on its standard input, with each further
\fB%\fR as a line break. A job line starting with \fB\-\fR is not logged.
.PP
Each line, the last one included, must end with a newline.
.SH EXAMPLE
.nf
    MAILTO=""
    # every five minutes on working days
    */5 * * * mon\-fri /usr/local/bin/check
    # at 04:30 on the first of the month
    30 4 1 * * /usr/local/bin/report
.fi
.SH SEE ALSO
.BR crontab (1),
.BR crond (8)
`;
