export default String.raw`.TH OD 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
od \- dump files in octal and other formats
.SH SYNOPSIS
.B od
[\fIOPTION\fR]... [\fIFILE\fR]...
.br
.B od
[\fB\-abcdfilosx\fR]... [\fIFILE\fR] [[\fB+\fR]\fIOFFSET\fR[\fB.\fR][\fBb\fR]]
.br
.B od \-\-traditional
[\fIOPTION\fR]... [\fIFILE\fR] [[\fB+\fR]\fIOFFSET\fR[\fB.\fR][\fBb\fR] [\fB+\fR][\fILABEL\fR][\fB.\fR][\fBb\fR]]
.SH DESCRIPTION
.B od
writes an unambiguous representation of its input, by default as octal
two\-byte words, 16 bytes per line, each line starting with the offset of
its first byte. Several files are read one after another as a single
stream; with none, or with
.BR \- ,
standard input is read. A line identical to the previous one is replaced
by a single
.BR * .
It is useful for seeing invisible characters, line endings or the exact
bytes of a binary file.
.SH OPTIONS
.TP
.BI \-A " RADIX" "\fR, \fB\-\-address\-radix=" RADIX
Print offsets in decimal
.RB ( d ),
octal
.RB ( o ,
the default), hexadecimal
.RB ( x )
or not at all
.RB ( n ).
.TP
.BR \-\-endian= { big | little }
Read multi\-byte values in the given byte order.
.TP
.BI \-j " BYTES" "\fR, \fB\-\-skip\-bytes=" BYTES
Skip
.I BYTES
bytes of input first.
.TP
.BI \-N " BYTES" "\fR, \fB\-\-read\-bytes=" BYTES
Dump at most
.I BYTES
bytes.
.TP
.BR \-S " \fIBYTES\fR, " \-\-strings [=\fIBYTES\fR]
Print only runs of at least
.I BYTES
(3 by default) printable characters followed by a NUL byte.
.TP
.BI \-t " TYPE" "\fR, \fB\-\-format=" TYPE
Show the data in the given format; several may be given, each producing
its own line per block.
.TP
.BR \-v ", " \-\-output\-duplicates
Print repeated lines instead of a
.BR * .
.TP
.BR \-w "[\fIBYTES\fR], " \-\-width [=\fIBYTES\fR]
Print
.I BYTES
bytes per line (32 when the option is given without a value).
.TP
.B \-\-traditional
Read the operands in the old form shown in the synopsis.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SS "Format types"
.I TYPE
is made of one or more of these letters:
.B a
(named characters such as
.B nl
and
.BR sp ),
.B c
(printable characters or backslash escapes),
.BR d [\fISIZE\fR]
(signed decimal),
.BR f [\fISIZE\fR]
(floating point),
.BR o [\fISIZE\fR]
(octal),
.BR u [\fISIZE\fR]
(unsigned decimal) and
.BR x [\fISIZE\fR]
(hexadecimal).
.I SIZE
is a number of bytes or one of
.BR C ", " S ", " I ", " L
(char, short, int, long) or
.BR F ", " D ", " L
(float, double, long double). A trailing
.B z
also prints the printable characters of each line after it.
.SS "Short forms"
.BR \-a " = " "\-t a" ,
.BR \-b " = " "\-t o1" ,
.BR \-c " = " "\-t c" ,
.BR \-d " = " "\-t u2" ,
.BR \-f " = " "\-t fF" ,
.BR \-i " = " "\-t dI" ,
.BR \-l " = " "\-t dL" ,
.BR \-o " = " "\-t o2" ,
.BR \-s " = " "\-t d2" ,
.BR \-x " = " "\-t x2" .
.PP
.I BYTES
is decimal, or hexadecimal with a
.B 0x
prefix, and may end with a multiplier such as
.BR b " (512), " K " (1024) or " M .
.SH EXAMPLES
.TP
.B "od \-c /etc/hostname"
Show the characters of a file, with the newline as
.BR \en .
.TP
.B "od \-An \-tx1 \-N16 /dev/urandom"
Print 16 random bytes in hexadecimal, without offsets.
.TP
.B "od \-A x \-t x1z \-N 64 /usr/bin/ls"
Look at the start of an ELF executable.
.SH "SEE ALSO"
.BR hexdump (1),
.BR xxd (1),
.BR file (1)
`;
