export default String.raw`.TH SDIFF 1 "2021-08" "GNU diffutils 3.8" "User Commands"
.SH NAME
sdiff \- show two files side by side and merge them
.SH SYNOPSIS
.B sdiff
[\fIOPTION\fR]... \fIFILE1 FILE2\fR
.SH DESCRIPTION
Without
.BR \-o ,
.B sdiff
prints
.I FILE1
in a left column and
.I FILE2
in a right one, exactly as
.B "diff \-y"
does: a
.B |
between lines that differ,
.B <
beside a line only the left file has and
.B >
beside one only the right file has.
.PP
With
.BI \-o " FILE"
it merges the two files. Runs of common lines are copied to
.IR FILE ;
for each run that differs the two versions are shown and a
.B %
prompt asks which to keep. The commands are read from standard input,
one a line:
.TP
.BR l " or " 1
keep the left version;
.TP
.BR r " or " 2
keep the right version;
.TP
.BR e ", " el ", " er ", " eb ", " ed
put nothing, the left, the right, both, or both with headers into a
temporary file and open it in
.B $EDITOR
(default
.BR ed );
what it holds afterwards is kept;
.TP
.BR s " or " v
stop or start showing common lines;
.TP
.B q
give up (the end of input also does).
.PP
Anything else prints a short summary of the commands on standard error.
.SH OPTIONS
.TP
.BI \-o " FILE" "\fR, \fB\-\-output=" FILE
Merge interactively into
.IR FILE .
.TP
.BI \-w " NUM" "\fR, \fB\-\-width=" NUM
Use at most
.I NUM
columns (default 130). Note that this is
.BR diff 's
.BR \-W .
.TP
.BR \-l ", " \-\-left\-column
Show common lines in the left column only.
.TP
.BR \-s ", " \-\-suppress\-common\-lines
Leave common lines out.
.TP
.BR \-i ", " \-\-ignore\-case
Treat upper and lower case as the same.
.TP
.BR \-b ", " \-\-ignore\-space\-change
Ignore changes in the amount of white space.
.TP
.BR \-W ", " \-\-ignore\-all\-space
Ignore all white space (this is
.BR diff 's
.BR \-w ).
.TP
.BR \-E ", " \-\-ignore\-tab\-expansion
Ignore differences that tab expansion removes.
.TP
.BR \-Z ", " \-\-ignore\-trailing\-space
Ignore white space at the ends of lines.
.TP
.BR \-B ", " \-\-ignore\-blank\-lines
Ignore changes whose lines are all blank.
.TP
.BI \-I " RE" "\fR, \fB\-\-ignore\-matching\-lines=" RE
Ignore changes whose lines all match
.IR RE .
.TP
.B \-\-strip\-trailing\-cr
Drop a carriage return before each newline.
.TP
.BR \-a ", " \-\-text
Compare every file as text.
.TP
.BR \-t ", " \-\-expand\-tabs
Print tabs as spaces.
.TP
.BI \-\-tabsize= NUM
Tab stops every
.I NUM
columns (default 8).
.TP
.BR \-d ", " \-\-minimal
Try harder to find a small set of changes.
.TP
.BR \-H ", " \-\-speed\-large\-files
Assume large files with many scattered small changes.
.TP
.BI \-\-diff\-program= PROGRAM
Compare with
.I PROGRAM
instead of
.BR diff .
.TP
.B \-\-help
Show a summary of the options.
.TP
.BR \-v ", " \-\-version
Show the version.
.SH "EXIT STATUS"
0 if the files are the same, 1 if they differ, 2 on trouble (also
when a merge is abandoned).
.SH EXAMPLES
.TP
.B "sdiff \-s \-w 80 old.conf new.conf"
The differing lines of two configurations, in 80 columns.
.TP
.B "printf 'l\en r\en' | sdiff \-o merged.conf old.conf new.conf"
Keep the old first change and the new second one.
.SH "SEE ALSO"
.BR diff (1),
.BR diff3 (1),
.BR cmp (1)
`;
