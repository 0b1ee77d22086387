export default String.raw`.TH DIFF3 1 "2021-08" "GNU diffutils 3.8" "User Commands"
.SH NAME
diff3 \- compare three files line by line
.SH SYNOPSIS
.B diff3
[\fIOPTION\fR]... \fIMYFILE OLDFILE YOURFILE\fR
.SH DESCRIPTION
.B diff3
compares
.I MYFILE
and
.I YOURFILE
with their common ancestor
.IR OLDFILE .
By default it lists every block of lines where the files disagree. A
block headed
.B ====
has three different versions; one headed
.BR ====1 ,
.B ====2
or
.B ====3
differs only in that file. Each file's part is introduced by its number and
an
.BR ed -style
range such as
.B 1:4,5c
or
.BR 3:7a ,
and its lines are indented by two spaces.
.PP
The ed script options print commands that bring the changes from
.I OLDFILE
to
.I YOURFILE
into
.IR MYFILE ;
.B \-m
performs that merge itself and prints the result. A conflict, where
both
.I MYFILE
and
.I YOURFILE
changed the same lines, is shown between
.BR <<<<<<< ,
.B |||||||
(the old lines, with
.BR \-A ),
.B =======
and
.B >>>>>>>
markers.
.SH OPTIONS
.TP
.BR \-e ", " \-\-ed
Print an ed script with every change of
.IR YOURFILE ;
for conflicts its version wins.
.TP
.BR \-E ", " \-\-show\-overlap
As
.BR \-e ,
but put conflicts between markers.
.TP
.BR \-A ", " \-\-show\-all
As
.BR \-E ,
and also bracket the changes both sides made alike, with the old lines.
.TP
.BR \-x ", " \-\-overlap\-only
Only the conflicts.
.TP
.B \-X
Only the conflicts, bracketed.
.TP
.BR \-3 ", " \-\-easy\-only
Only the changes that do not conflict.
.TP
.B \-i
End the ed script with
.B w
and
.B q
commands.
.TP
.BR \-m ", " \-\-merge
Print the merged file (as if with
.B \-A
unless one of the options above is given).
.TP
.BI \-L " LABEL" "\fR, \fB\-\-label=" LABEL
Name the files in the markers: the first
.B \-L
names
.IR MYFILE ,
the second
.IR OLDFILE ,
the third
.IR YOURFILE .
.TP
.BR \-T ", " \-\-initial\-tab
Indent lines of the listing with a tab.
.TP
.BR \-a ", " \-\-text
Compare every file as text.
.TP
.B \-\-strip\-trailing\-cr
Drop a carriage return before each newline.
.TP
.BI \-\-diff\-program= PROGRAM
Compare the files with
.IR PROGRAM .
.TP
.B \-\-help
Show a summary of the options.
.TP
.BR \-v ", " \-\-version
Show the version.
.PP
One file may be
.BR \- ,
standard input.
.SH "EXIT STATUS"
0 on success, 1 if conflicts were found, 2 on trouble.
.SH EXAMPLES
.TP
.B "diff3 \-m mine.conf orig.conf theirs.conf > merged.conf"
Merge two sets of edits to a configuration.
.TP
.B "diff3 \-e mine orig theirs | ed \- mine"
Apply the changes with ed.
.SH "SEE ALSO"
.BR diff (1),
.BR sdiff (1),
.BR merge (1)
`;
