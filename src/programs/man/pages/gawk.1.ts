export default String.raw`.TH GAWK 1 "2021-10" "GNU Awk 5.1.1" "User Commands"
.SH NAME
gawk, awk \- pattern scanning and text processing language
.SH SYNOPSIS
.B gawk
[\fIoptions\fR] \fB\-f\fR \fIprogram\-file\fR [\fB\-\-\fR] \fIfile\fR ...
.br
.B gawk
[\fIoptions\fR] [\fB\-\-\fR] \fIprogram\-text\fR \fIfile\fR ...
.SH DESCRIPTION
.B gawk
is the GNU implementation of the awk language; on Photon OS
.B /usr/bin/awk
is a link to it.
An awk program is a list of rules of the form
.IB pattern " { " action " }" \fR.
.B gawk
reads its input one
.I record
(normally one line) at a time, splits it into
.I fields
(normally separated by blanks), and runs the action of every rule whose
pattern matches the record.
A missing pattern matches every record; a missing action prints the record.
.PP
The program comes from the first operand, or from the files given with
.BR \-f .
The remaining operands are input files; an operand of the form
.IB var = value
instead assigns a variable at the moment it is reached. With no files, or
with
.BR \- ,
standard input is read.
.SH OPTIONS
.TP
.BI \-f " program\-file" "\fR, \fB\-\-file=" program\-file
Read the program from
.IR program\-file .
May be repeated; the files are joined in order.
.TP
.BI \-F " fs" "\fR, \fB\-\-field\-separator=" fs
Set the input field separator
.B FS
to
.IR fs ,
a single character or a regular expression. For example
.B \-F:
splits
.B /etc/passwd
into its fields.
.TP
.BI \-v " var" = val "\fR, \fB\-\-assign=" var = val
Assign
.I val
to the variable
.I var
before the program starts, so that it is already set in
.B BEGIN
rules.
.TP
.BI \-e " program\-text" "\fR, \fB\-\-source=" program\-text
Use
.I program\-text
as program source; may be mixed with
.BR \-f .
.TP
.BI \-E " file" "\fR, \fB\-\-exec=" file
Like
.BR \-f ,
but this is the last option processed; meant for
.B #!
scripts.
.TP
.BI \-i " file" "\fR, \fB\-\-include=" file
Load a source library file before the program.
.TP
.BR \-h ", " \-\-help ", " \-\-usage
Print a short usage summary and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.TP
.BI \-W " option"
The POSIX way to give a long option:
.B "\-W version"
is the same as
.BR \-\-version .
.PP
The other gawk options are accepted:
.BR \-b " (" \-\-characters\-as\-bytes ),
.BR \-c " (" \-\-traditional ),
.BR \-C " (" \-\-copyright ),
.BR \-d " (" \-\-dump\-variables ),
.BR \-D " (" \-\-debug ),
.BR \-g " (" \-\-gen\-pot ),
.BR \-I " (" \-\-trace ),
.BR \-l " (" \-\-load ),
.BR \-L " (" \-\-lint ),
.BR \-M " (" \-\-bignum ),
.BR \-n " (" \-\-non\-decimal\-data ),
.BR \-N " (" \-\-use\-lc\-numeric ),
.BR \-o " (" \-\-pretty\-print ),
.BR \-O " (" \-\-optimize ),
.BR \-p " (" \-\-profile ),
.BR \-P " (" \-\-posix ),
.BR \-r " (" \-\-re\-interval ),
.BR \-s " (" \-\-no\-optimize ),
.BR \-S " (" \-\-sandbox ")"
and
.BR \-t " (" \-\-lint\-old ).
They tune compatibility, diagnostics and profiling and do not change what
an ordinary program prints.
.SH "THE LANGUAGE"
.SS Patterns
.TP
.B BEGIN
Runs before any input is read.
.B END
runs after the last record.
.B BEGINFILE
and
.B ENDFILE
run before and after each input file.
.TP
.BI / regexp /
Matches records containing the extended regular expression.
.TP
.I expression
Matches when the expression is true (non\-zero or non\-empty), for example
.B "$3 >= 1000"
or
.BR "NR > 1" .
.TP
.IB pat1 , " pat2"
A range: from a record matching
.I pat1
through the next record matching
.IR pat2 .
.SS "Fields and records"
.B $0
is the whole record,
.BR $1 ", " $2 ", ..."
its fields and
.B NF
their number; assigning to a field rebuilds
.B $0
with
.B OFS
between the fields.
.SS "Built\-in variables"
.BR NR " and " FNR
(record number in all input and in the current file),
.B FILENAME
(current file),
.BR FS " and " OFS
(input and output field separators),
.BR RS " and " ORS
(input and output record separators),
.B RT
(the text that ended the record),
.BR FIELDWIDTHS " and " FPAT
(other ways to split fields),
.BR ARGC " and " ARGV
(the operands),
.B ENVIRON
(the environment),
.B IGNORECASE
(match regardless of case when non\-zero),
.BR RSTART " and " RLENGTH
(set by
.BR match ),
.BR OFMT ", " CONVFMT ", " SUBSEP ", " PROCINFO .
.SS Statements
.BR if / else ,
.BR while ,
.BR do / while ,
.B for (init; cond; step)
and
.B for (key in array)
loops,
.BR break ,
.BR continue ,
.BR next ,
.BR nextfile ,
.BR exit ,
.BR switch ,
.B delete
and
.BR return .
Output is produced with
.B print
and
.BR printf ,
which may be redirected with
.BR ">" ", " ">>" " and " "|"
(for example
\fBprint > "/dev/stderr"\fR).
.B getline
reads the next record, or a line from a file or command.
Arrays are associative; user functions are written
.BI "function " name ( params ") { ... }" \fR.
.SS "Built\-in functions"
Strings:
.BR length ,
.BR substr ,
.BR index ,
.BR split ,
.BR patsplit ,
.BR sub ,
.BR gsub ,
.BR gensub ,
.BR match ,
.BR sprintf ,
.BR tolower ,
.BR toupper ,
.BR strtonum .
Numbers:
.BR int ,
.BR sqrt ,
.BR exp ,
.BR log ,
.BR sin ,
.BR cos ,
.BR atan2 ,
.BR rand ,
.BR srand .
Bits:
.BR and ,
.BR or ,
.BR xor ,
.BR compl ,
.BR lshift ,
.BR rshift .
Time:
.BR systime ,
.BR mktime ,
.BR strftime .
Arrays and types:
.BR asort ,
.BR asorti ,
.BR isarray ,
.BR typeof .
Other:
.BR close ,
.BR fflush ,
.BR system .
.SH "EXIT STATUS"
0 normally, 1 after a fatal error (such as an unreadable program file or a
syntax error), 2 for a fatal error in the program. The
.B exit
statement sets any other value.
.SH EXAMPLES
.TP
.B "awk \-F: '$3 >= 1000 { print $1 }' /etc/passwd"
List the regular (non\-system) users.
.TP
\fBdf \-k | awk 'NR > 1 { used += $3 } END { print used " KiB used" }'\fR
Add up the used space of all mounted file systems.
.TP
.B "ps \-eo user= | awk '{ n[$1]++ } END { for (u in n) print u, n[u] }'"
Count the processes of each user.
.TP
.B "awk \-v max=90 \-F: '$5 > max { print $1 }' /etc/shadow"
Show the accounts whose maximum password age exceeds 90 days (as root).
.SH "SEE ALSO"
.BR grep (1),
.BR sed (1),
.BR cut (1),
.BR printf (1)
`;
