export default String.raw`.TH COLUMN 1 "2022-08" "util-linux 2.38" "User Commands"
.SH NAME
column \- lay out lists and tables in columns
.SH SYNOPSIS
.B column
[\fIoptions\fR] [\fIfile\fR...]
.SH DESCRIPTION
Without \fB\-t\fR,
.B column
takes each non-empty input line as one entry and prints the entries in as many
columns as fit in the output width (80 unless \fB\-c\fR or \fBCOLUMNS\fR says
otherwise), filling each column from top to bottom. Columns are separated with
tabs and are as wide as the longest entry rounded up to a multiple of eight.
.PP
With \fB\-t\fR the input is a table: every line is a row, split into cells at
runs of blanks (or at each character given with \fB\-s\fR). Every column is
padded to its widest cell; the last column is not padded.
.SH OPTIONS
.TP
.BR \-t ", " \-\-table
Print a table.
.TP
.BI \-s ", " \-\-separator " chars"
Split input lines at any of these characters. Two separators in a row give an
empty cell.
.TP
.BI \-o ", " \-\-output\-separator " string"
Put this string between the columns of a table (two spaces by default).
.TP
.BI \-c ", " \-\-output\-width " width"
The width of the output in characters.
.TP
.BR \-x ", " \-\-fillrows
Fill rows before columns.
.TP
.BI \-N ", " \-\-table\-columns " names"
Comma-separated names of the columns, printed as a header line.
.TP
.BR \-d ", " \-\-table\-noheadings
Do not print the header line.
.TP
.BI \-H ", " \-\-table\-hide " columns"
Leave out these columns (names or numbers from 1).
.TP
.BI \-R ", " \-\-table\-right " columns"
Align these columns to the right.
.TP
.BI \-O ", " \-\-table\-order " columns"
Print these columns first, in this order.
.TP
.BI \-l ", " \-\-table\-columns\-limit " number"
Split each line into at most this many cells; the last cell keeps the rest.
.TP
.BR \-L ", " \-\-keep\-empty\-lines
Keep empty lines as empty rows.
.TP
.BR \-J ", " \-\-json
Print the table as JSON; needs \fB\-N\fR.
.TP
.BI \-n ", " \-\-table\-name " name"
The name of the table in JSON output (default \fBtable\fR).
.TP
.BR \-h ", " \-\-help
Print a short usage text and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH EXAMPLES
.TP
.B "column \-t \-s: /etc/passwd"
The user database as an aligned table.
.TP
.B "mount | column \-t"
Line up the fields of each mount.
.SH "SEE ALSO"
.BR paste (1),
.BR pr (1)
`;
