export default String.raw`.TH COLCRT 1 "2022-08" "util-linux 2.38" "User Commands"
.SH NAME
colcrt \- filter nroff output for previewing on a CRT
.SH SYNOPSIS
.B colcrt
[\fIoptions\fR] [\fIfile\fR...]
.SH DESCRIPTION
.B colcrt
copies the files (or standard input) for a screen that cannot overstrike:
underscores turn into a line of dashes under the text, the reverse and half
reverse line feeds (ESC 7, ESC 8) rub out what came before, and other
escapes and unprintable characters are dropped. Lines are cut at 132 columns.
.SH OPTIONS
.TP
.BR \- ", " \-\-no\-underlining
Leave the underlining out.
.TP
.BR \-2 ", " \-\-half\-lines
Show every half line, so the output is double spaced.
.TP
.BR \-h ", " \-\-help
Print a short usage text and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "SEE ALSO"
.BR col (1),
.BR ul (1)
`;
