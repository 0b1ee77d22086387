export default String.raw`.TH COL 1 "2022-08" "util-linux 2.38" "User Commands"
.SH NAME
col \- filter reverse line feeds from input
.SH SYNOPSIS
.B col
[options]
.SH DESCRIPTION
.B col
reads text that moves the print position back (reverse and half-line feeds,
as nroff and tbl write them, and backspaces) and writes it as plain lines,
each character in its place. Runs of spaces become tabs where they can.
A common use is \fBman ls | col \-b\fR to get a manual page as plain text.
.SH OPTIONS
.TP
.B \-b, \-\-no\-backspaces
Of characters written at the same column keep only the last (drops underlining and bold).
.TP
.B \-f, \-\-fine
Keep forward half-line feeds instead of rounding them to whole lines.
.TP
.B \-p, \-\-pass
Pass unknown control sequences through instead of dropping them.
.TP
.B \-h, \-\-tabs
Write runs of spaces as tabs (the default).
.TP
.B \-x, \-\-spaces
Write spaces, never tabs.
.TP
.B \-l, \-\-lines \fInumber\fR
Keep at least that many lines in memory (default 128 half lines).
.TP
.B \-H, \-\-help
Print a short usage text and exit.
.TP
.B \-V, \-\-version
Print the version and exit.
.SH "SEE ALSO"
.BR colrm (1),
.BR expand (1)
`;
