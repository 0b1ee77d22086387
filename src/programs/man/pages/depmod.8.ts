export default String.raw`.TH DEPMOD 8 "2022-07-04" "kmod 30" "depmod"
.SH NAME
depmod \- rebuild the index of kernel modules
.SH SYNOPSIS
.B depmod
[\fB\-a\fR] [\fB\-n\fR]
.RI [ release ]
.SH DESCRIPTION
.B depmod
reads the modules under
.BI /lib/modules/ release
and writes
.B modules.dep
and the other index files that
.BR modprobe (8)
uses to find modules and their dependencies. Package installs run it; this
machine's index always matches its modules, so there is nothing to rebuild.
Writing the index needs root.
.SH "SEE ALSO"
.BR modprobe (8),
.BR modinfo (8)
`;
