export default String.raw`.TH MODINFO 8 "2022-07-04" "kmod 30" "modinfo"
.SH NAME
modinfo \- describe a kernel module
.SH SYNOPSIS
.B modinfo
[\fB\-0\fR] [\fB\-F\fR \fIfield\fR] [\fB\-k\fR \fIrelease\fR]
.RI [ modulename | filename ...]
.SH DESCRIPTION
.B modinfo
prints what the module index of the running kernel records about each
module: one
.IB field : \fR value
line per field, such as
.BR filename ,
.BR description ,
.BR author ,
.BR license ,
.B depends
(the modules it needs) and
.B vermagic
(the kernel it was built for). A module built into the kernel shows
.B (builtin)
as its file.
.SH OPTIONS
.TP
.BR \-F ", " \-\-field= \fIfield\fR
Print only the values of this field, one per line.
.TP
.BR \-a ", " \-d ", " \-l ", " \-n ", " \-p
Shorthands for the author, description, license, filename and parm fields.
.TP
.BR \-0 ", " \-\-null
End values with a NUL byte instead of a newline.
.TP
.BR \-k ", " \-\-set\-version= \fIrelease\fR
Look in the tree of another kernel release.
.TP
.BR \-V ", " \-\-version
Print kmod's version.
.SH "EXIT STATUS"
0, or 1 when a module is not found.
.SH "SEE ALSO"
.BR modprobe (8),
.BR lsmod (8)
`;
