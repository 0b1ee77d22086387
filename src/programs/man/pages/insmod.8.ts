export default String.raw`.TH INSMOD 8 "2022-07-04" "kmod 30" "insmod"
.SH NAME
insmod \- load one module file into the running kernel
.SH SYNOPSIS
.B insmod
.I filename
[\fIparameters\fR...]
.SH DESCRIPTION
.B insmod
hands the module in
.I filename
to the kernel, and nothing else: the modules it needs must be loaded
already, or the kernel reports an unknown symbol.
.BR modprobe (8)
finds modules by name and loads their dependencies first, and is what to use
day to day. Loading needs root.
.SH "EXIT STATUS"
0 on success, 1 when the file cannot be read or the kernel refuses it.
.SH "SEE ALSO"
.BR modprobe (8),
.BR rmmod (8),
.BR modinfo (8)
`;
