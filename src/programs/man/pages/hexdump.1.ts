export default String.raw`.TH HEXDUMP 1 "2022-08" "util-linux 2.38" "User Commands"
.SH NAME
hexdump, hd \- show the bytes of files in hexadecimal, octal, decimal or ASCII
.SH SYNOPSIS
.B hexdump
[\fIoptions\fR] [\fIfile\fR...]
.br
.B hd
[\fIoptions\fR] [\fIfile\fR...]
.SH DESCRIPTION
.B hexdump
reads the files one after the other (or standard input) and shows their bytes
as the format options say. Without any, it shows offsets and two-byte words in
hexadecimal.
.B hd
is
.BR "hexdump \-C" .
.PP
Input is shown in blocks (16 bytes for the built-in formats). A block that is
the same as the one before is shown as a single line holding \fB*\fR, unless
\fB\-v\fR is given. The last line shows the offset just past the input.
.SH OPTIONS
.TP
.BR \-C ", " \-\-canonical
Offsets, sixteen bytes in hexadecimal, and the same bytes as text between bars,
with a dot for each byte that is not printable.
.TP
.BR \-b ", " \-c ", " \-d ", " \-o ", " \-x
Bytes in octal (\fB\-b\fR), bytes as characters with C escapes (\fB\-c\fR), or
two-byte words in decimal (\fB\-d\fR), octal (\fB\-o\fR) or hexadecimal (\fB\-x\fR).
.TP
.BI \-e ", " \-\-format " format"
Show the data with this format string (see below). May be repeated.
.TP
.BI \-f ", " \-\-format\-file " file"
Read format strings from a file, one a line; empty lines and lines starting
with # are skipped.
.TP
.BI \-n ", " \-\-length " length"
Show only this many bytes.
.TP
.BI \-s ", " \-\-skip " offset"
Skip this many bytes first (suffixes KiB, MiB... or KB, MB... may follow).
.TP
.BR \-v ", " \-\-no\-squeezing
Show repeated blocks too.
.SH "FORMAT STRINGS"
A format string is a list of units, each
\fIiterations\fB/\fIbytes\fR "\fItext\fR", where both counts are optional.
The text holds printf-style conversions: \fB%d %i %o %u %x %X\fR for integers of
1, 2, 4 (default) or 8 bytes, \fB%e %f %g\fR for 4- or 8-byte floats, \fB%c\fR
for a byte, \fB%s\fR for a string (its length from the precision or byte
count), and \fB%_a\fR\fIx\fR (offset of the byte, in d, o or x),
\fB%_A\fR\fIx\fR (offset after the input, printed once at the end),
\fB%_c\fR (character or escape), \fB%_p\fR (character or dot) and \fB%_u\fR
(character or ASCII name).
.SH EXAMPLES
.TP
.B "hexdump \-C /bin/ls | head"
The start of a file in the canonical layout.
.TP
.B "hexdump \-e '16/1 \(dq%02x \(dq \(dq\en\(dq' file"
Sixteen bytes a line in plain hexadecimal.
.SH "SEE ALSO"
.BR od (1),
.BR xxd (1)
`;
