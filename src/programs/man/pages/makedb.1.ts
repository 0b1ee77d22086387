export default String.raw`.TH MAKEDB 1 "2022-12" "glibc 2.36" "User Commands"
.SH NAME
makedb \- build a database for the nss db source
.SH SYNOPSIS
.B makedb
[\fIoption\fR]... \fIinput\fR \fIoutput\fR
.br
.B makedb
[\fIoption\fR]... \fB\-o\fR \fIoutput\fR \fIinput\fR
.br
.B makedb
[\fIoption\fR]... \fB\-u\fR \fIinput\fR
.SH DESCRIPTION
.B makedb
reads text lines, the first word of each being the key, and writes a database
the "db" source of
.BR nsswitch.conf (5)
can search. Photon OS configures only the "files" source, so the databases
are not used unless that file is changed.
.SH OPTIONS
.TP
.BR \-f ", " \-\-fold\-case
Make keys case-insensitive.
.TP
.BR \-o ", " \-\-output =\fIname\fR
Write the database to \fIname\fR.
.TP
.B \-\-quiet
Print no messages.
.TP
.BR \-u ", " \-\-undo
Print the contents of a database.
.TP
.BR \-S ", " \-\-sort\-key =\fIkey\fR
Sort by \fIkey\fR.
.TP
.BR \-g ", " \-\-generated =\fIchar\fR
Build the entries for key prefix \fIchar\fR.
.SH SEE ALSO
.BR getent (1),
.BR nsswitch.conf (5)
`;
