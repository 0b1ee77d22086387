export default String.raw`.TH FINCORE 1 "2022-03" "util-linux 2.38" "User Commands"
.SH NAME
fincore \- count the pages of file contents held in memory
.SH SYNOPSIS
.B fincore
[\fIoptions\fR] \fIfile\fR...
.SH DESCRIPTION
.B fincore
reports, for each file named, how much of its data is at present in the page
cache: the amount in bytes, the number of pages, the file's size and its name.
Directories among the arguments are skipped without a word.
On this machine every file is held wholly in memory, so all of a file's pages
are counted as resident.
.SH OPTIONS
.TP
.BR \-b ", " \-\-bytes
Give sizes as plain byte counts instead of units such as K or M.
.TP
.BR \-n ", " \-\-noheadings
Leave out the line of column names.
.TP
.BI \-o " LIST" "\fR, \fB\-\-output " LIST
Print these columns, named in a comma\-separated list; a list that starts
with \fB+\fR adds to the default columns.
.TP
.BR \-J ", " \-\-json
Print the table as JSON.
.TP
.BR \-r ", " \-\-raw
Print the table in raw form, columns parted by single spaces.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.SH COLUMNS
.TP
.B RES
Bytes of the file in the page cache.
.TP
.B PAGES
The same, counted in pages.
.TP
.B SIZE
The size of the file.
.TP
.B FILE
The file's name, as given.
.PP
The default is RES, PAGES, SIZE, FILE.
.SH "EXIT STATUS"
0 on success; 1 when no file is given, a column is unknown, or a file cannot
be opened.
.SH "SEE ALSO"
.BR mincore (2),
.BR getpagesize (2)
`;
