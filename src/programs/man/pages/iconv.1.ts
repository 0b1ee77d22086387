export default String.raw`.TH ICONV 1 "2022-02" "GNU" "Linux User Manual"
.SH NAME
iconv \- convert text from one character encoding to another
.SH SYNOPSIS
.B iconv
[\fIoptions\fR] [\fB\-f\fR \fIfrom-encoding\fR] [\fB\-t\fR \fIto-encoding\fR] [\fIinputfile\fR]...
.SH DESCRIPTION
.B iconv
reads each input file (standard input when there is none, or for
.BR \- )
as text in one character encoding and writes it in another. Without
.B \-f
or
.B \-t
the encoding of the current locale is used (ASCII in the C locale).
.PP
A target encoding may end in
.B //TRANSLIT
to write a close equivalent of a character the target lacks (or a question
mark), or in
.B //IGNORE
to leave such characters out; with
.B //IGNORE
the run still ends with an error status. Names are matched without regard to
case, and every alias glibc knows is accepted.
.PP
The conversion stops at the first character that cannot be read or written,
reporting its byte position, after writing what came before it.
.SH OPTIONS
.TP
.BI \-f " encoding" "\fR, \fP\-\-from\-code=" encoding
The encoding of the input.
.TP
.BI \-t " encoding" "\fR, \fP\-\-to\-code=" encoding
The encoding to write.
.TP
.BR \-l ", " \-\-list
List the names of all known encodings.
.TP
.B \-c
Leave out characters that cannot be converted, and finish with status 0.
.TP
.BI \-o " file" "\fR, \fP\-\-output=" file
Write to \fIfile\fR instead of standard output.
.TP
.BR \-s ", " \-\-silent
Print no warnings.
.TP
.B \-\-verbose
Print the name of each file on standard error before it is converted.
.TP
.BR \-? ", " \-\-help ", " \-\-usage ", " \-V ", " \-\-version
Print help, a usage line or the version.
.SH EXIT STATUS
0 on success, 1 when a conversion failed or a file could not be read, 64 for
a usage error.
.SH NOTES
This machine converts Unicode's encodings and the single-byte encodings; the
multi-byte East Asian encodings that
.B iconv \-l
lists are not converted here.
.SH SEE ALSO
.BR locale (1)
`;
