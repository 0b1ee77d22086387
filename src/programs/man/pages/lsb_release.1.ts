export default String.raw`.TH LSB_RELEASE 1 "" "photon-release 5.0" "User Commands"
.SH NAME
lsb_release \- print distribution information
.SH SYNOPSIS
.B lsb_release
[\fIoptions\fR]
.SH DESCRIPTION
.B lsb_release
prints what \fI/etc/lsb-release\fR says about this distribution: its ID,
description, release and code name. With no options it prints all four.
.SH OPTIONS
.TP
.BR \-i ", " \-\-id
The distributor's ID.
.TP
.BR \-d ", " \-\-description
The description of the distribution.
.TP
.BR \-r ", " \-\-release
The release number.
.TP
.BR \-c ", " \-\-codename
The code name.
.TP
.BR \-a ", " \-\-all
All of the above.
.TP
.BR \-s ", " \-\-short
Print the values without their labels.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.SH EXIT STATUS
0 on success, 1 for an unknown option, 2 when \fI/etc/lsb-release\fR is missing.
.SH FILES
.I /etc/lsb-release
.SH SEE ALSO
.BR os-release (5)
`;
