export default String.raw`.TH WIPEFS 8 "2022-03" "util-linux 2.38" "System Administration"
.SH NAME
wipefs \- wipe a signature from a device
.SH SYNOPSIS
.B wipefs
[\fIoptions\fR] \fIdevice\fR...
.SH DESCRIPTION
.B wipefs
lists the filesystem, swap and partition\-table signatures found on a device
or in a file, with their offsets, or erases their magic strings so that the
device no longer looks formatted. It prints nothing when there is none. The
data itself is left in place.
.SH OPTIONS
.TP
.BR \-a ", " \-\-all
Erase every signature.
.TP
.BI \-o " OFFSET" "\fR, \fB\-\-offset " OFFSET
Erase the signature at this offset.
.TP
.BR \-n ", " \-\-no\-act
Do everything except writing.
.TP
.BI \-t " LIST" "\fR, \fB\-\-types " LIST
Only these types (prefix with no to exclude).
.TP
.BR \-i ", " \-\-noheadings
Leave out the header.
.TP
.BR \-J ", " \-\-json
Print JSON.
.TP
.BR \-p ", " \-\-parsable
Comma\-separated output.
.TP
.BI \-O " LIST" "\fR, \fB\-\-output " LIST
The columns to print.
.TP
.BR \-q ", " \-\-quiet
Say nothing about what is erased.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.SH "EXIT STATUS"
0 on success, 1 on failure.
.SH "SEE ALSO"
.BR blkid (8),
.BR mkswap (8)
`;
