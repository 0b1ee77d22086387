export default String.raw`.TH DIFF 1 "2021-08" "GNU diffutils 3.8" "User Commands"
.SH NAME
diff \- compare files line by line
.SH SYNOPSIS
.B diff
[\fIOPTION\fR]... \fIFILES\fR
.SH DESCRIPTION
.B diff
compares two files and prints the changes that turn the first into the
second.
.I FILES
is
.IR "FILE1 FILE2" ,
.I "DIR1 DIR2"
(compare files of the same name; with
.B \-r
also subdirectories),
.I "DIR FILE"
or
.IR "FILE DIR" .
A file named
.B \-
is standard input.
.PP
The default ("normal") output lists each change as a command such as
.B 3c3
or
.BR 5,7d4 ,
followed by the old lines marked with
.B <
and the new lines marked with
.BR > .
The unified format of
.B \-u
is easier to read and is the one
.BR patch (1)
and code review tools expect.
.SH OPTIONS
.SS "Output formats"
.TP
.B \-\-normal
Use the normal format (the default).
.TP
.BR \-q ", " \-\-brief
Only say whether the files differ.
.TP
.BR \-s ", " \-\-report\-identical\-files
Also say when two files are the same.
.TP
.BR \-c ", " \-C " \fINUM\fR, " \-\-context [=\fINUM\fR]
Context format, with
.I NUM
(default 3) unchanged lines around each change.
.TP
.BR \-u ", " \-U " \fINUM\fR, " \-\-unified [=\fINUM\fR]
Unified format, with
.I NUM
(default 3) lines of context.
.TP
.BR \-e ", " \-\-ed
Output an
.BR ed (1)
script.
.B \-f
.RB ( \-\-forward\-ed )
gives the commands in forward order and
.B \-n
.RB ( \-\-rcs )
uses the RCS format.
.TP
.BR \-y ", " \-\-side\-by\-side
Print the two files in two columns.
.TP
.BI \-W " NUM" "\fR, \fB\-\-width=" NUM
Use at most
.I NUM
(default 130) columns with
.BR \-y .
.TP
.BR \-\-left\-column ", " \-\-suppress\-common\-lines
With
.BR \-y ,
print common lines only in the left column, or not at all.
.TP
.BI \-D " NAME" "\fR, \fB\-\-ifdef=" NAME
Output a merged file with
.B "#ifdef NAME"
around the changes.
.TP
.BI \-\-line\-format= LFMT
Merged output with every line printed by
.IR LFMT ;
.BR \-\-old\-line\-format ,
.B \-\-new\-line\-format
and
.B \-\-unchanged\-line\-format
set it for one kind of line. In
.I LFMT
.B %l
is the line without its newline,
.B %L
the line with it,
.B %dn
its number (also
.BR %on ", " %xn ", " %Xn ,
with printf widths such as
.BR %5dn ),
.BI %c' C '
the character
.I C
or an octal
.BI \e OOOR,
and
.B %%
a percent sign.
.TP
.BI \-\-old\-group\-format= GFMT "\fR, \fB\-\-new\-group\-format=" GFMT
.PD 0
.TP
.BI \-\-changed\-group\-format= GFMT "\fR, \fB\-\-unchanged\-group\-format=" GFMT
.PD
Print each kind of run of lines with
.IR GFMT .
In
.IR GFMT ,
.BR %< ,
.B %>
and
.B %=
are the old, new and common lines (each printed with its line format);
.BR %dF ", " %dL ", " %dN
the first and last line number and the count in the old file, and
.BR %df ", " %dl ", " %dn
the same in the new file
.RB ( %de ", " %dm
and
.BR %dE ", " %dM
are the numbers just before and after);
.BI %( A = B ? THEN : ELSE )
prints
.I THEN
when
.I A
equals
.IR B .
.TP
.BR \-p ", " \-\-show\-c\-function
Show the C function each change is in.
.TP
.BI \-F " RE" "\fR, \fB\-\-show\-function\-line=" RE
Show the most recent line matching
.I RE
before each change.
.TP
.BI \-L " LABEL" "\fR, \fB\-\-label=" LABEL
Use
.I LABEL
instead of the file name and time in the context and unified headers.
.TP
.BR \-t ", " \-\-expand\-tabs
Turn tabs into spaces in the output.
.TP
.BR \-T ", " \-\-initial\-tab
Start each output line with a tab so that tabs in the text line up.
.TP
.BI \-\-tabsize= NUM
Tab stops are
.I NUM
columns apart (default 8).
.TP
.B \-\-suppress\-blank\-empty
Print no space or tab before an empty output line.
.TP
.BR \-l ", " \-\-paginate
Accepted for compatibility (it would pass the output through
.BR pr ).
.TP
.BR \-\-color [=\fIWHEN\fR] ", " \-\-palette=\fIPALETTE\fR
Accepted for compatibility.
.SS "What counts as a difference"
.TP
.BR \-i ", " \-\-ignore\-case
Ignore differences of letter case.
.TP
.BR \-E ", " \-\-ignore\-tab\-expansion
Ignore changes caused by expanding tabs.
.TP
.BR \-Z ", " \-\-ignore\-trailing\-space
Ignore white space at the end of lines.
.TP
.BR \-b ", " \-\-ignore\-space\-change
Ignore changes in the amount of white space.
.TP
.BR \-w ", " \-\-ignore\-all\-space
Ignore all white space.
.TP
.BR \-B ", " \-\-ignore\-blank\-lines
Ignore changes whose lines are all blank.
.TP
.BI \-I " RE" "\fR, \fB\-\-ignore\-matching\-lines=" RE
Ignore changes whose lines all match the regular expression
.IR RE .
.TP
.B \-\-strip\-trailing\-cr
Remove a carriage return at the end of input lines.
.TP
.BR \-a ", " \-\-text
Treat all files as text, even if they look binary.
.TP
.BR \-d ", " \-\-minimal
Try harder to find a smaller set of changes.
.TP
.BR \-H ", " \-\-speed\-large\-files
Assume large files with many small scattered changes.
.TP
.BI \-\-horizon\-lines= NUM
Keep
.I NUM
lines of common prefix and suffix.
.SS "Directories"
.TP
.BR \-r ", " \-\-recursive
Compare subdirectories recursively.
.TP
.BR \-N ", " \-\-new\-file
Treat a file present in only one directory as empty in the other.
.TP
.BR \-P ", " \-\-unidirectional\-new\-file
Like
.BR \-N ,
but only for files missing from the first directory.
.TP
.BI \-x " PAT" "\fR, \fB\-\-exclude=" PAT
Skip files whose names match the wildcard
.IR PAT .
.TP
.BI \-X " FILE" "\fR, \fB\-\-exclude\-from=" FILE
Skip files matching any pattern listed in
.IR FILE .
.TP
.BI \-S " FILE" "\fR, \fB\-\-starting\-file=" FILE
Start comparing the directories at
.IR FILE .
.TP
.BR \-\-ignore\-file\-name\-case ", " \-\-no\-ignore\-file\-name\-case
Compare file names without or with regard to case.
.TP
.BI \-\-from\-file= FILE1 "\fR, \fB\-\-to\-file=" FILE2
Compare
.I FILE1
with every operand, or every operand with
.IR FILE2 .
.TP
.B \-\-no\-dereference
Compare symbolic links themselves rather than their targets.
.SS "Other"
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.BR \-v ", " \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 if the inputs are the same, 1 if they differ, 2 if there was trouble.
.SH EXAMPLES
.TP
.B "diff \-u /etc/ssh/sshd_config.orig /etc/ssh/sshd_config"
Show what was changed in the SSH server configuration, in unified form.
.TP
.B "diff \-rq /etc/systemd/system /backup/systemd/system"
List the unit files that differ between two trees.
.TP
.B "diff \-y \-W 100 old.conf new.conf"
Compare two files side by side.
.SH "SEE ALSO"
.BR cmp (1),
.BR comm (1),
.BR patch (1),
.BR sdiff (1)
`;
