export default String.raw`.TH LDD 1 "2022-12" "glibc 2.36" "User Commands"
.SH NAME
ldd \- list the shared libraries a program needs
.SH SYNOPSIS
.B ldd
[\fIoption\fR]... \fIfile\fR...
.SH DESCRIPTION
.B ldd
shows, for each dynamically linked program, the shared libraries the dynamic
loader would load for it, with the path each resolves to and its load address.
With more than one file, each list is headed by the file's name.
Files that are not dynamically linked programs, such as shell scripts, are
reported as "not a dynamic executable".
.PP
The real
.B ldd
runs the loader on the file, which can execute code of an untrusted
program; do not use it on programs you do not trust
.RB ( "objdump \-p"
is the safe way).
.SH OPTIONS
.TP
.B \-\-version
Show the version.
.TP
.B \-\-help
Show a short help.
.TP
.BR \-d ", " \-\-data\-relocs
Also carry out data relocations and report missing objects.
.TP
.BR \-r ", " \-\-function\-relocs
Also carry out function relocations and report missing objects and functions.
.TP
.BR \-u ", " \-\-unused
List direct dependencies the program does not use.
.TP
.BR \-v ", " \-\-verbose
Print everything, including symbol versions.
.SH EXIT STATUS
0 when every file could be examined; 1 otherwise.
.SH SEE ALSO
.BR ldconfig (8),
.BR ld.so (8)
`;
