export default String.raw`.TH IFCONFIG 8 "2021-01" "net-tools 2.10" "Linux System Administrator's Manual"
.SH NAME
ifconfig \- show or configure a network interface (net-tools)
.SH SYNOPSIS
.B ifconfig
[\fB\-a\fR] [\fB\-s\fR] [\fB\-v\fR] [\fIinterface\fR]
.br
.B ifconfig
\fIinterface\fR [\fIaf\fR] \fIoptions\fR | \fIaddress\fR ...
.SH DESCRIPTION
.B ifconfig
is the traditional net-tools command for network interfaces. Without
arguments it prints every interface that is up; with an interface name, that
interface alone. Each entry shows the flags and MTU, the IPv4 address with
netmask and broadcast, the IPv6 addresses with prefix length and scope, the
hardware address, the queue length, and receive and transmit counters.
.PP
With further arguments it changes the interface. Only root may do so.
Changes last until the next reboot; Photon OS keeps lasting configuration in
.BR systemd.network (5)
files, and
.BR ip (8)
is the modern tool.
.PP
An alias interface
.IB name : n
(such as
.BR eth0:1 )
is a label for an additional IPv4 address on the same device.
.SH OPTIONS
.TP
.B \-a
Include interfaces that are down.
.TP
.B \-s
Print one short line per interface, like
.BR "netstat \-i" .
.TP
.B \-v
Be verbose (accepted, no effect).
.TP
.BR \-V ", " \-\-version
Print the net-tools version.
.TP
.BR \-h ", " \-\-help
Print usage on standard error and exit with status 1.
.SH SETTINGS
.TP
.BR up ", " down
Bring the interface up or down. Setting an address also brings it up.
.TP
.RB [ inet ] " \fIaddress\fR"
Set the IPv4 address. Unless
.B netmask
follows, the mask is the old class default of the address (/8, /16 or /24).
.TP
.BI netmask " mask"
Set the IPv4 netmask, such as
.BR 255.255.255.0 .
.TP
.RB [ \- ] broadcast " [\fIaddress\fR]"
Set (or clear) the broadcast address.
.TP
\fBadd\fR \fIaddress\fB/\fIprefixlen\fR, \fBdel\fR \fIaddress\fB/\fIprefixlen\fR
Add or remove an IPv6 address.
.TP
.BI mtu " N"
Set the maximum transfer unit.
.TP
.BI txqueuelen " N"
Set the transmit queue length.
.TP
.BI "hw ether " address
Set the hardware (MAC) address; the interface should be down.
.TP
.RB [ \- ] arp ", [" \- ] promisc ", [" \- ] allmulti ", [" \- ] multicast ", [" \- ] trailers ", [" \- ] dynamic
Turn a flag on, or off with a leading minus.
.SH EXIT STATUS
0 on success; 1 when an interface does not exist, an argument is wrong, or
a change is refused (the failing request is named, for example
.BR "SIOCSIFFLAGS: Operation not permitted" ).
.SH FILES
.TP
.B /proc/net/dev
Interface counters.
.TP
.B /proc/net/if_inet6
IPv6 addresses.
.SH EXAMPLES
.PP
.RS
.nf
ifconfig
ifconfig \-a eth0
ifconfig eth0 192.168.1.50 netmask 255.255.255.0 up
ifconfig eth0:1 10.0.0.5
ifconfig eth0 mtu 1400
.fi
.RE
.SH SEE ALSO
.BR ip (8),
.BR route (8),
.BR systemd.network (5)
`;
