export default String.raw`.TH RENAME 1 "2022-08" "util-linux 2.38" "User Commands"
.SH NAME
rename \- rename files
.SH SYNOPSIS
.B rename
[options] \fIexpression\fR \fIreplacement\fR \fIfile\fR...
.SH DESCRIPTION
.B rename
renames each file by replacing the first occurrence of \fIexpression\fR (a
plain string, not a pattern) in its name with \fIreplacement\fR. Only the last
component of the path is changed, unless either string contains a slash.
.SH OPTIONS
.TP
.B \-v, \-\-verbose
Show each file renamed.
.TP
.B \-n, \-\-no\-act
Change nothing; with \fB\-v\fR, show what would be done.
.TP
.B \-a, \-\-all
Replace every occurrence.
.TP
.B \-l, \-\-last
Replace the last occurrence.
.TP
.B \-o, \-\-no\-overwrite
Do not overwrite existing files.
.TP
.B \-i, \-\-interactive
Ask before overwriting.
.TP
.B \-s, \-\-symlink
Change the target of each symbolic link instead of its name.
.TP
.BR \-h ", " \-\-help
Print a short usage text and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 when everything was renamed, 1 when nothing could be, 2 when some was,
4 when nothing matched.
.SH "SEE ALSO"
.BR mv (1)
`;
