export default String.raw`.TH SPLIT 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
split \- split a file into pieces
.SH SYNOPSIS
.B split
[\fIOPTION\fR]... [\fIFILE\fR [\fIPREFIX\fR]]
.SH DESCRIPTION
.B split
copies
.I FILE
(or standard input, also for
.BR \- )
into a series of output files named
.IB PREFIX aa \fR,
.IB PREFIX ab \fR,
and so on. The default
.I PREFIX
is
.B x
and the default piece is 1000 lines. Joining the pieces again in name order
(for example with
.BR "cat xa* > whole" )
gives back the original.
.SH OPTIONS
.TP
.BI \-a " N" "\fR, \fB\-\-suffix\-length=" N
Use suffixes of
.I N
characters (2 by default).
.TP
.BI \-\-additional\-suffix= SUFFIX
Append
.I SUFFIX
to every output file name.
.TP
.BI \-b " SIZE" "\fR, \fB\-\-bytes=" SIZE
Put
.I SIZE
bytes in each output file.
.TP
.BI \-C " SIZE" "\fR, \fB\-\-line\-bytes=" SIZE
Put as many whole lines as fit in
.I SIZE
bytes in each output file.
.TP
.B \-d
Use numeric suffixes starting at 0 instead of letters.
.TP
.BR \-\-numeric\-suffixes [=\fIFROM\fR]
Like
.BR \-d ,
starting at
.IR FROM .
.TP
.B \-x
Use hexadecimal suffixes starting at 0.
.TP
.BR \-\-hex\-suffixes [=\fIFROM\fR]
Like
.BR \-x ,
starting at
.IR FROM .
.TP
.BR \-e ", " \-\-elide\-empty\-files
With
.BR \-n ,
do not create empty output files.
.TP
.BI \-\-filter= COMMAND
Instead of writing files, pipe each piece to the shell
.IR COMMAND ;
the variable
.B FILE
holds the name the piece would have had.
.TP
.BI \-l " NUMBER" "\fR, \fB\-\-lines=" NUMBER
Put
.I NUMBER
lines in each output file.
.TP
.BI \-n " CHUNKS" "\fR, \fB\-\-number=" CHUNKS
Make a given number of files (see below).
.TP
.BI \-t " SEP" "\fR, \fB\-\-separator=" SEP
Records end with the character
.I SEP
instead of a newline;
\fB'\e0'\fR
means NUL.
.TP
.BR \-u ", " \-\-unbuffered
With
.BR "\-n r/..." ,
copy input to output immediately.
.TP
.B \-\-verbose
Report each output file just before it is opened.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.PP
.I SIZE
may end with a multiplier:
.B b
512,
.B KB
1000,
.B K
1024,
.B MB
1000*1000,
.B M
1024*1024, and so on for
.BR G ", " T ", " P ", " E ", " Z ", " Y .
.I CHUNKS
is
.I N
(N files of equal size),
.IB K / N
(only the Kth of them, to standard output),
.BI l/ N
(N files without splitting lines),
.BI l/ K / N
(the Kth of those),
.BI r/ N
(like
.B l/
but handing out lines in turn) or
.BI r/ K / N\fR.
.SH "EXIT STATUS"
0 on success, 1 on an error.
.SH EXAMPLES
.TP
.B "split \-b 100M \-d big.iso big.iso.part"
Cut an image into 100 MiB pieces named big.iso.part00, big.iso.part01, ...
.TP
.B "split \-n l/4 access.log part_"
Divide a log into four files without breaking lines.
.SH "SEE ALSO"
.BR cat (1),
.BR csplit (1),
.BR head (1)
`;
