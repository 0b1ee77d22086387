export default String.raw`.TH LOCALE 1 "2022-12" "glibc 2.36" "User Commands"
.SH NAME
locale \- show locale settings and what a locale defines
.SH SYNOPSIS
.B locale
[\fIoption\fR]...
.br
.B locale
[\fIoption\fR]... \fB\-a\fR | \fB\-m\fR
.br
.B locale
[\fB\-ck\fR] \fIname\fR...
.SH DESCRIPTION
Without operands,
.B locale
prints the locale environment: first
.BR LANG ,
then
.BR LANGUAGE ,
then one line for each category and last
.BR LC_ALL .
A category whose own variable is set shows that value as it is; the others
show, in double quotes, the value they inherit from
.B LC_ALL
or
.B LANG
(or POSIX when neither is set). Values are written so that a shell can read
them back.
.PP
Each \fIname\fR operand is a category (such as
.BR LC_NUMERIC ),
whose keywords are all shown, or a single keyword (such as
.BR decimal_point
or
.BR charmap ).
.PP
When a variable names a locale the machine does not have, the C locale is used
and a warning such as "Cannot set LC_CTYPE to default locale" is printed.
.SH OPTIONS
.TP
.BR \-a ", " \-\-all\-locales
List the locales that can be used. A minimal Photon OS has C, C.utf8 and POSIX;
more come with the glibc-i18n package and
.BR localedef (1).
.TP
.BR \-m ", " \-\-charmaps
List the character maps under /usr/share/i18n/charmaps (glibc-i18n).
.TP
.BR \-c ", " \-\-category\-name
Print the name of the category before the values of an operand.
.TP
.BR \-k ", " \-\-keyword\-name
Print each value as \fIkeyword\fR=\fIvalue\fR.
.TP
.BR \-v ", " \-\-verbose
With \fB\-a\fR, show where each compiled locale is and what it is.
.TP
.BR \-? ", " \-\-help ", " \-\-usage ", " \-V ", " \-\-version
Help, a usage line, or the version.
.SH EXIT STATUS
0 on success, 1 for an unknown name, 64 for a usage error.
.SH EXAMPLES
.nf
locale
locale \-a
locale \-k LC_NUMERIC
locale \-ck decimal_point
LANG=C.UTF-8 locale charmap
.fi
.SH FILES
.I /usr/lib/locale
compiled locales;
.I /usr/share/i18n
locale sources and character maps.
.SH SEE ALSO
.BR localedef (1),
.BR localectl (1),
.BR setlocale (3)
`;
