export default String.raw`.TH TRACEPATH 8 "" "iputils 20221126" "iputils"
.SH NAME
tracepath \- traces path to a network host discovering MTU along this path
.SH SYNOPSIS
.B tracepath
[\fB\-4\fR] [\fB\-6\fR] [\fB\-n\fR] [\fB\-b\fR] [\fB\-l\fR \fIpktlen\fR]
[\fB\-m\fR \fImax_hops\fR] [\fB\-p\fR \fIport\fR] \fIdestination\fR
.SH DESCRIPTION
.B tracepath
sends UDP probes towards
.I destination
with a time to live that grows by one for every hop.
Each router on the way answers the probe that expires at it, so every line
names one hop and the round trip to it; the destination itself answers that
the port is unreachable, which ends the trace with
.BR reached .
Hops that do not answer show as
.BR "no reply" .
The path MTU found on the way is printed as
.BR pmtu .
.SH OPTIONS
.TP
.B \-n
Print addresses only.
.TP
.B \-b
Print both the name and the address of each hop.
.TP
.BI \-l " pktlen"
Start with probes of
.I pktlen
bytes.
.TP
.BI \-m " max_hops"
Give up after
.I max_hops
hops (default 30).
.TP
.BI \-p " port"
Use
.I port
as the first destination port.
.SH "SEE ALSO"
.BR ping (8)
`;
