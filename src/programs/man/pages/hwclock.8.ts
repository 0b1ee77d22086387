export default String.raw`.TH HWCLOCK 8 "2022-03" "util-linux 2.38" "System Administration"
.SH NAME
hwclock \- time clocks utility
.SH SYNOPSIS
.B hwclock
[\fIfunction\fR] [\fIoption\fR...]
.SH DESCRIPTION
.B hwclock
reads or sets the hardware clock (RTC) through /dev/rtc0, and copies the time
between it and the system clock. A machine without an RTC device, as this
one, cannot use its clock functions;
.B \-\-systz
still tells the kernel the time scale.
.SH OPTIONS
.TP
.BR \-r ", " \-\-show
Print the RTC time (the default).
.TP
.BR \-s ", " \-\-hctosys
Set the system time from the RTC.
.TP
.BR \-w ", " \-\-systohc
Set the RTC from the system time.
.TP
.BR \-\-systz
Hand the time scale to the kernel.
.TP
.BR \-u ", " \-\-utc " | " \-l ", " \-\-localtime
Whether the RTC keeps UTC or local time.
.TP
.BR \-v ", " \-\-verbose
Say what is done.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.SH "EXIT STATUS"
0 on success, 1 on failure.
.SH "SEE ALSO"
.BR date (1)
`;
