export default String.raw`.TH ANACRONTAB 5 "2023-01-06" "cronie" "File Formats"
.SH NAME
anacrontab \- the jobs anacron runs
.SH DESCRIPTION
Each line is a setting \fINAME\fB=\fIvalue\fR, which the jobs below it get in
their environment, or a job:
.PP
.nf
    \fIperiod\fR  \fIdelay\fR  \fIjob-identifier\fR  \fIcommand\fR
.fi
.PP
\fIperiod\fR is in days, or one of \fB@daily\fR, \fB@weekly\fR,
\fB@monthly\fR and \fB@yearly\fR; \fIdelay\fR is in minutes; the identifier
names the job in messages and its timestamp file. A backslash at the end of a
line continues it. Blank lines and lines starting with \fB#\fR are skipped.
.PP
\fBRANDOM_DELAY\fR adds up to that many minutes to every delay,
\fBSTART_HOURS_RANGE\fR (\fIfrom\fB\-\fIto\fR) gives the hours in which jobs
may start, and \fBPREFERRED_HOUR\fR the one hour they should.
.SH SEE ALSO
.BR anacron (8)
`;
