export default String.raw`.TH GETOPT 1 "2022-08" "util-linux 2.38" "User Commands"
.SH NAME
getopt \- parse the options of a shell script
.SH SYNOPSIS
.B getopt
\fIoptstring\fR \fIparameters\fR
.br
.B getopt
[\fIoptions\fR] [\fB\-\-\fR] \fIoptstring\fR \fIparameters\fR
.br
.B getopt
[\fIoptions\fR] \fB\-o\fR|\fB\-\-options\fR \fIoptstring\fR [\fIoptions\fR] [\fB\-\-\fR] \fIparameters\fR
.SH DESCRIPTION
.B getopt
parses \fIparameters\fR as a program using the C library's getopt_long would:
short options may be grouped (\fB\-ab\fR), an option's argument may be attached
or be the next word, long options may be abbreviated and take \fB=\fIvalue\fR.
It prints the options one by one, then \fB\-\-\fR, then the remaining words,
each quoted for the shell, so that a script can run
.PP
.RS
eval set \-\- "$(getopt \-o vf: \-l verbose,file: \-\- "$@")"
.RE
.PP
and then read its options with a simple loop.
.PP
In \fIoptstring\fR a letter followed by \fB:\fR takes an argument, by \fB::\fR
an optional one (attached only). A leading \fB+\fR (or \fBPOSIXLY_CORRECT\fR in
the environment) stops at the first word that is not an option; a leading
\fB\-\fR keeps such words in place.
.PP
When the first parameter does not start with \fB\-\fR, the old form is used: it
is the optstring and nothing is quoted.
.SH OPTIONS
.TP
.BR \-a ", " \-\-alternative
Allow long options after a single \fB\-\fR.
.TP
.BI \-l ", " \-\-longoptions " longopts"
The long options, separated by commas; \fB:\fR and \fB::\fR as for short ones.
.TP
.BI \-n ", " \-\-name " progname"
The name errors are reported under (default \fBgetopt\fR).
.TP
.BI \-o ", " \-\-options " optstring"
The short options.
.TP
.BR \-q ", " \-\-quiet
Do not report errors.
.TP
.BR \-Q ", " \-\-quiet\-output
Print only errors.
.TP
.BI \-s ", " \-\-shell " shell"
Quote for \fBsh\fR/\fBbash\fR (default) or \fBcsh\fR/\fBtcsh\fR.
.TP
.BR \-T ", " \-\-test
Exit with status 4: this getopt is the enhanced one.
.TP
.BR \-u ", " \-\-unquoted
Do not quote the output.
.SH "EXIT STATUS"
0 on success, 1 when the parameters held errors, 2 when getopt itself was
called wrongly, 4 for \fB\-T\fR.
.SH "SEE ALSO"
.BR bash (1)
`;
