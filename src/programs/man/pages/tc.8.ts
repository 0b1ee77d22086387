export default String.raw`.TH TC 8 "2022" "iproute2 6.0.0" "Linux"
.SH NAME
tc \- show traffic control settings
.SH SYNOPSIS
.B tc
[\fB\-s\fR] [\fB\-d\fR] [\fB\-j\fR [\fB\-p\fR]]
\fBqdisc\fR { \fBshow\fR | \fBlist\fR } [ \fBdev\fR \fIDEV\fR ] [ \fBroot\fR ]
.br
.B tc
\fBclass\fR | \fBfilter\fR \fBshow dev\fR \fIDEV\fR
.SH DESCRIPTION
.B tc
lists the queueing disciplines (qdiscs) the kernel attached to each network device. A device
that never came up has \fBnoop\fR; virtual devices (the loopback, veth, bridges) send without
a queue (\fBnoqueue\fR); a multiqueue NIC gets \fBmq\fR with one \fBfq_codel\fR per transmit
queue, since \fBnet.core.default_qdisc\fR is \fBfq_codel\fR.
.SH OPTIONS
.TP
.B \-s
add the counters: bytes and packets sent, drops, the backlog.
.TP
.B \-j
print JSON (\fB\-p\fR: indented).
.TP
.B \-V
the version.
.SH "EXIT STATUS"
0 on success, 1 for an unknown device, 2 when the kernel refused a change, 255 on a usage error.
.SH NOTES
Adding, changing or deleting qdiscs, classes and filters is not available on this machine.
.SH "SEE ALSO"
.BR ip (8)
`;
