export default String.raw`.TH ROUTE 8 "2021-01" "net-tools 2.10" "Linux System Administrator's Manual"
.SH NAME
route \- show or change the IP routing table (net-tools)
.SH SYNOPSIS
.B route
[\fB\-nNvee\fR] [\fB\-FC\fR] [\fB\-4\fR|\fB\-6\fR|\fB\-A\fR \fIfamily\fR]
.br
.B route
[\fB\-v\fR] \fBadd\fR|\fBdel\fR [\fB\-net\fR|\fB\-host\fR] \fItarget\fR[\fB/\fIprefix\fR] [\fBnetmask\fR \fINM\fR] [\fBgw\fR \fIGW\fR] [\fBmetric\fR \fIM\fR] [\fBreject\fR] [[\fBdev\fR] \fIIf\fR]
.SH DESCRIPTION
.B route
prints and edits the kernel's main routing table, the older way to do what
.B ip route
does. Without
.B add
or
.BR del ,
it prints the IPv4 table with the columns Destination, Gateway, Genmask,
Flags, Metric, Ref, Use and Iface. Flags:
.B U
(route is up),
.B G
(through a gateway),
.B H
(to a single host),
.B !
(reject route). Addresses are shown as names from
.B /etc/hosts
where possible, and the all-zero destination as
.BR default ,
unless
.B \-n
is given.
.PP
Changes need root and are lost at reboot.
.SH OPTIONS
.TP
.BR \-n ", " \-\-numeric
Print addresses as numbers; faster, and clearer.
.TP
.BR \-e ", " \-\-extend
Use the
.BR netstat (8)
layout;
.B \-ee
adds every column (MSS, Window, irtt).
.TP
.BR \-6 ", " \-A " \fBinet6\fR, " \-\-inet6
Work on the IPv6 table.
.TP
.BR \-4 ", " \-A " \fBinet\fR"
Work on the IPv4 table (the default).
.TP
.BR \-F ", " \-C ", " \-v ", " \-N
Accepted for compatibility (FIB is the only table shown).
.TP
.BR \-h ", " \-\-help
Print usage (status 4).
.TP
.BR \-V ", " \-\-version
Print the net-tools version.
.SH "ADD AND DEL"
.TP
.BR \-net " | " \-host
Whether
.I target
is a network or one host. With
.BI / prefix
or
.BR netmask ,
a network is assumed.
.B default
stands for 0.0.0.0/0.
.TP
.BI gw " GW"
Send the packets through this gateway, which must be reachable directly.
.TP
.BI metric " M"
The route's metric (cost); lower wins.
.TP
.B reject
Make the route refuse packets instead of forwarding them.
.TP
.RB [ dev ] " \fIIf\fR"
The interface to use.
.SH EXIT STATUS
0 on success; 3 for a bad option or command, 4 after printing usage, 6 when
a host name cannot be resolved, 7 when the kernel refuses the change (for
example
.BR "SIOCADDRT: File exists" ).
.SH FILES
.TP
.B /proc/net/route
The IPv4 table as the kernel exports it.
.TP
.B /proc/net/ipv6_route
The IPv6 table.
.SH EXAMPLES
.PP
.RS
.nf
route \-n
route add default gw 192.168.1.1
route add \-net 10.8.0.0/16 gw 192.168.1.254 dev eth0
route del \-host 10.8.0.1 reject
.fi
.RE
.SH SEE ALSO
.BR ip (8),
.BR ifconfig (8),
.BR netstat (8)
`;
