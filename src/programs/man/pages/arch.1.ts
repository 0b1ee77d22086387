export default String.raw`.TH ARCH 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
arch \- print the machine's hardware name
.SH SYNOPSIS
.B arch
[\fIOPTION\fR]
.SH DESCRIPTION
Print the hardware name of the machine, the same word as
.BR "uname \-m"
(x86_64 on Photon OS for this platform).
.TP
.B \-\-help
Show a short help and exit.
.TP
.B \-\-version
Show the version and exit.
.SH SEE ALSO
.BR uname (1)
`;
