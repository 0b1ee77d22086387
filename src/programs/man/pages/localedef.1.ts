export default String.raw`.TH LOCALEDEF 1 "2022-12" "glibc 2.36" "User Commands"
.SH NAME
localedef \- compile locale definitions
.SH SYNOPSIS
.B localedef
[\fIoption\fR]... \fB\-i\fR \fIinput\fR \fB\-f\fR \fIcharmap\fR \fIname\fR
.br
.B localedef
[\fIoption\fR]... \fB\-\-list\-archive\fR [\fIfile\fR]
.br
.B localedef
[\fIoption\fR]... \fB\-\-add\-to\-archive\fR | \fB\-\-delete\-from\-archive\fR \fIpath\fR...
.SH DESCRIPTION
.B localedef
reads a locale source (from /usr/share/i18n/locales) and a character map
(from /usr/share/i18n/charmaps) and writes the compiled locale \fIname\fR to the
locale archive /usr/lib/locale/locale-archive, or to a directory with
.BR \-\-no\-archive .
On Photon OS the sources come with the glibc-i18n package, for example:
.PP
.nf
tdnf install glibc-i18n
localedef \-i en_US \-f UTF-8 en_US.UTF-8
.fi
.SH OPTIONS
.TP
.BR \-i ", " \-\-inputfile =\fIfile\fR
The locale source.
.TP
.BR \-f ", " \-\-charmap =\fIfile\fR
The character map.
.TP
.BR \-u ", " \-\-repertoire\-map =\fIfile\fR
A map of symbolic character names.
.TP
.BR \-c ", " \-\-force
Write the output even when there were warnings.
.TP
.BR \-v ", " \-\-verbose
Say more.
.TP
.B \-\-quiet
Say nothing about warnings.
.TP
.BR \-\-prefix =\fIpath\fR
Put \fIpath\fR before the output directory.
.TP
.BR \-A ", " \-\-alias\-file =\fIfile\fR
Read locale aliases from \fIfile\fR.
.TP
.B \-\-list\-archive
List the locales in the archive (or in \fIfile\fR).
.TP
.BR \-\-add\-to\-archive ", " \-\-delete\-from\-archive ", " \-\-replace ", " \-\-no\-archive
Manage the archive.
.SH EXIT STATUS
0 on success; 1 when the output was written with warnings or an archive could
not be read; 4 for errors.
.SH SEE ALSO
.BR locale (1),
.BR locale\-gen.sh (8)
`;
