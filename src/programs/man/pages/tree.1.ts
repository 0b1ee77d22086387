export default String.raw`.TH TREE 1 "2022" "Tree 2.0.4"
.SH NAME
tree \- list the contents of directories as a tree
.SH SYNOPSIS
.B tree
[\fB\-adfilprstuvxFU\fR] [\fB\-L\fR \fIlevel\fR] [\fB\-P\fR \fIpattern\fR] [\fB\-I\fR \fIpattern\fR] [\fB\-\-dirsfirst\fR] [\fB\-\-noreport\fR] [\fB\-\-\fR] [\fIdirectory\fR ...]
.SH DESCRIPTION
.B tree
shows each directory named (the current one by default) and everything below
it, one entry a line, indented with lines that join each entry to its parent.
Entries are sorted by name. A symbolic link is shown with its target; a link to
a directory counts as a directory but is only entered with \fB\-l\fR. The
lines are drawn with box characters in a UTF-8 locale and with ASCII otherwise.
.PP
At the end comes a count of the directories and files listed below the last
directory named.
.SH OPTIONS
.TP
.B \-a
Include entries whose names begin with a dot.
.TP
.B \-d
List directories only.
.TP
.B \-f
Show each entry with its whole path.
.TP
.B \-i
Draw no indentation lines.
.TP
.B \-l
Enter symbolic links to directories (a loop is reported, not followed).
.TP
.BI \-L " level"
Go no deeper than \fIlevel\fR directories.
.TP
.BI \-P " pattern"
List only the files whose names match \fIpattern\fR (\fB*\fR, \fB?\fR and \fB|\fR between alternatives).
.TP
.BI \-I " pattern"
Leave out the entries whose names match \fIpattern\fR.
.TP
.BR \-p ", " \-u ", " \-g ", " \-s ", " \-h
Show the permissions, owner, group, size, or size in human units, in brackets before each name.
.TP
.B \-F
Mark directories with /, executables with *, links with @, pipes with | and sockets with =.
.TP
.BR \-v ", " \-t ", " \-U ", " \-r
Sort by version, by modification time, not at all, or in reverse.
.TP
.B \-\-dirsfirst
List directories before files.
.TP
.B \-\-noreport
Leave out the count at the end.
.TP
.BR \-\-version ", " \-\-help
Print the version or the usage.
.SH EXIT STATUS
0, or 2 when a directory could not be opened, 1 for a bad option.
.SH SEE ALSO
.BR ls (1),
.BR find (1)
`;
