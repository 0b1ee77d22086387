export default String.raw`.TH PATCH 1 "2018-02" "GNU patch 2.7.6" "User Commands"
.SH NAME
patch \- apply a diff to files
.SH SYNOPSIS
.B patch
[\fIOPTION\fR]... [\fIORIGFILE\fR [\fIPATCHFILE\fR]]
.SH DESCRIPTION
.B patch
reads a diff made by
.B diff
(unified, context or normal form) from
.IR PATCHFILE ,
the file given to
.BR \-i ,
or standard input, and changes the files it names the way the diff says.
Without
.I ORIGFILE
the file to change is taken from each section's header: its base name, or with
.BI \-p " N"
its name less
.I N
leading directories.
.PP
Each hunk is looked for where its header says, then further away (an
.IR offset );
if its lines are not found exactly, up to two lines of context at its ends may
be ignored (a
.IR fuzz ).
Hunks that cannot be placed are written to
.IR FILE .rej
and a file not patched exactly is kept as
.IR FILE .orig.
A patch that looks reversed or already applied is reported, and skipped unless
.B \-t
is given.
.SH OPTIONS
.TP
.BI \-p " N" "\fR, \fP\-\-strip=" N
remove
.I N
leading components from the names in the patch
.TP
.BR \-R ", " \-\-reverse
apply the patch backwards
.TP
.BR \-N ", " \-\-forward
skip patches that look reversed or already applied
.TP
.B \-\-dry\-run
print what would happen without changing any file
.TP
.BI \-i " FILE" "\fR, \fP\-\-input=" FILE
read the patch from
.I FILE
.TP
.BI \-o " FILE" "\fR, \fP\-\-output=" FILE
write the patched text to
.I FILE
.TP
.BR \-b ", " \-\-backup
always keep the original, with the suffix of
.B \-z
(default
.BR .orig )
.TP
.BI \-r " FILE" "\fR, \fP\-\-reject\-file=" FILE
put rejected hunks in
.I FILE
.TP
.BI \-F " N" "\fR, \fP\-\-fuzz=" N
ignore at most
.I N
lines of context (default 2)
.TP
.BR \-d " \fIDIR\fR, " \-\-directory=\fIDIR\fR
change to
.I DIR
first
.TP
.BR \-t ", " \-\-batch
ask nothing; apply reversed patches reversed
.TP
.BR \-f ", " \-\-force
ask nothing; do not look for reversed patches
.TP
.BR \-s ", " \-\-quiet ", " \-\-silent
print only problems
.SH "EXIT STATUS"
0 when every hunk applied, 1 when some were rejected or skipped, 2 on trouble.
.SH "SEE ALSO"
.BR diff (1)
`;
