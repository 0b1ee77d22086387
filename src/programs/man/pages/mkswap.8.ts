export default String.raw`.TH MKSWAP 8 "2022-03" "util-linux 2.38" "System Administration"
.SH NAME
mkswap \- set up a Linux swap area
.SH SYNOPSIS
.B mkswap
[\fIoptions\fR] \fIdevice\fR [\fIsize\fR]
.SH DESCRIPTION
.B mkswap
writes a swap area header (version 1) into a partition or a file, to be
activated with
.BR swapon .
It wipes the first sector and any old signature, warns when a file can be
read by others or contains holes, and prints the usable size with the label
and UUID. A swap file should be made with
.B dd
(not
.BR truncate )
and mode 0600.
.SH OPTIONS
.TP
.BI \-L " LABEL" "\fR, \fB\-\-label " LABEL
A label (at most 15 bytes are kept).
.TP
.BI \-U " UUID" "\fR, \fB\-\-uuid " UUID
This UUID, or clear, random or time.
.TP
.BI \-p " SIZE" "\fR, \fB\-\-pagesize " SIZE
The page size to lay the area out for.
.TP
.BR \-c ", " \-\-check
Look for bad blocks first (not on files).
.TP
.BR \-f ", " \-\-force
Go ahead even when it looks unwise.
.TP
.BR \-q ", " \-\-quiet
Print nothing.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.SH "EXIT STATUS"
0 on success, 1 on failure.
.SH "SEE ALSO"
.BR swapon (8),
.BR wipefs (8)
`;
