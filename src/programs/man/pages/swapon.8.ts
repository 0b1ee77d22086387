export default String.raw`.TH SWAPON 8 "2022-03" "util-linux 2.38" "System Administration"
.SH NAME
swapon, swapoff \- start and stop paging to swap devices and files
.SH SYNOPSIS
.B swapon
[\fIoptions\fR] [\fIspecialfile\fR...]
.br
.B swapon
[\fB\-\-show\fR[=\fIcolumns\fR]] [\fB\-\-bytes\fR] [\fB\-\-noheadings\fR] [\fB\-\-raw\fR]
.br
.B swapoff
[\fB\-v\fR] [\fB\-a\fR] [\fIspecialfile\fR...]
.SH DESCRIPTION
.B swapon
hands swap areas to the kernel with
.BR swapon (2),
so that memory pages can be moved out to them;
.B swapoff
takes them back with
.BR swapoff (2).
An area is named by its path, or by \fBLABEL=\fR\fIlabel\fR or
\fBUUID=\fR\fIuuid\fR (the \fB\-L\fR and \fB\-U\fR options are short forms of
these). The areas in use are listed in /proc/swaps.
.PP
Before turning an area on,
.B swapon
reads its header, which
.BR mkswap (8)
writes. An area without a swap signature is refused, and so is a file with
holes. It warns, but goes on, when the area can be read or written by other
users (0600 is the mode to use for a file, 0660 for a device) or when a swap
file is not owned by root.
.PP
Run without arguments,
.B swapon
prints the same table as \fB\-\-show\fR.
.SH "SWAPON OPTIONS"
.TP
.BR \-a ", " \-\-all
Turn on each swap line of /etc/fstab, except those with the
.B noauto
option and areas that are already active. The \fBpri=\fR and \fBnofail\fR
options of a line are obeyed.
.TP
.BR \-d ", " \-\-discard [=\fIpolicy\fR]
Discard freed swap pages where the device supports it. The policy is
.B once
(the whole area, when it is turned on) or
.B pages
(pages as they are freed); without one, both.
.TP
.BR \-e ", " \-\-ifexists
With \fB\-a\fR only: pass over areas that do not exist, without a message.
.TP
.BR \-f ", " \-\-fixpgsz
Rewrite an area made for another page size. Accepted; it changes nothing on
this machine.
.TP
.BI \-o " LIST" "\fR, \fB\-\-options " LIST
Options as in /etc/fstab, separated by commas: \fBpri=\fR\fIN\fR,
\fBnofail\fR and \fBdiscard\fR.
.TP
.BI \-p " PRIORITY" "\fR, \fB\-\-priority " PRIORITY
The area's priority, from 0 to 32767; areas of higher priority are used first.
A negative value, the default, leaves the choice to the kernel.
.TP
.BR \-s ", " \-\-summary
Print the areas in the layout of /proc/swaps. Deprecated; use \fB\-\-show\fR.
.TP
.BR \-\-show [=\fIcolumns\fR]
Print the active areas as a table, with the columns named in the
comma\-separated list. The default is NAME, TYPE, SIZE, USED, PRIO.
.TP
.B \-\-output\-all
Print every column.
.TP
.B \-\-bytes
Give SIZE and USED in bytes instead of units such as K or M.
.TP
.B \-\-noheadings
Leave out the line of column names.
.TP
.B \-\-raw
Print the table in raw form.
.TP
.BR \-v ", " \-\-verbose
Say what is done.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.PP
\fB\-a\fR, \fB\-o\fR, \fB\-s\fR and \fB\-\-show\fR exclude each other, and
\fB\-a\fR and \fB\-o\fR cannot be used with \fB\-\-bytes\fR,
\fB\-\-noheadings\fR or \fB\-\-raw\fR.
.SH "SWAPOFF OPTIONS"
.TP
.BR \-a ", " \-\-all
Turn off every area listed in /proc/swaps, the most recently added first.
Failures other than lack of memory are not reported one by one.
.TP
.BI \-L " LABEL"
The swap file with this label.
.TP
.BI \-U " UUID"
The swap file with this UUID.
.TP
.BR \-v ", " \-\-verbose
Print each area as it is turned off.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.SH COLUMNS
.TP
.B NAME
The path of the device or file.
.TP
.B TYPE
The kind of area: file or partition.
.TP
.B SIZE
Its size.
.TP
.B USED
How much of it is in use.
.TP
.B PRIO
Its priority.
.TP
.B UUID
The UUID in its header.
.TP
.B LABEL
The label in its header.
.SH "EXIT STATUS"
.B swapon
exits with 0 on success, 1 for bad usage, and 255 when an area could not be
found or turned on.
.PP
.B swapoff
exits with 0 on success, or with the bitwise OR of these values:
.TP
.B 2
Not enough memory to take the pages back.
.TP
.B 4
.BR swapoff (2)
failed for another reason.
.TP
.B 16
Bad usage, or the caller is not the superuser.
.TP
.B 32
With \fB\-a\fR: no area could be turned off.
.TP
.B 64
With \fB\-a\fR: some areas could be turned off and some not.
.PP
An area that cannot be found makes the status 255.
.SH FILES
.TP
.B /etc/fstab
The swap lines used by \fBswapon \-a\fR.
.TP
.B /proc/swaps
The areas in use.
.SH "SEE ALSO"
.BR mkswap (8),
.BR fstab (5),
.BR free (1),
.BR swapon (2),
.BR swapoff (2)
`;
