export default String.raw`.TH COLRM 1 "2022-08" "util-linux 2.38" "User Commands"
.SH NAME
colrm \- remove columns from a file
.SH SYNOPSIS
.B colrm
[\fIstartcol\fR [\fIendcol\fR]]
.SH DESCRIPTION
.B colrm
copies standard input to standard output without the columns from
\fIstartcol\fR to \fIendcol\fR (counted from 1). Without \fIendcol\fR the
rest of each line goes. A tab moves to the next multiple of eight columns and
a backspace one column back.
.SH OPTIONS
.TP
.BR \-h ", " \-\-help
Print a short usage text and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "SEE ALSO"
.BR cut (1),
.BR expand (1)
`;
