export default String.raw`.TH IP 8 "2022-10" "iproute2 6.0.0" "Linux"
.SH NAME
ip \- show and change network interfaces, addresses, routes and neighbours
.SH SYNOPSIS
.B ip
[\fIOPTIONS\fR] \fIOBJECT\fR { \fICOMMAND\fR | \fBhelp\fR }
.br
.B ip
[\fB\-force\fR] \fB\-batch\fR \fIfile\fR
.PP
.IR OBJECT " := { " link " | " address " | " route " | " neighbour " | " rule " | " netns " }"
.SH DESCRIPTION
.B ip
is the iproute2 tool for the kernel's networking state. It replaces
.BR ifconfig (8),
.BR route (8)
and
.BR arp (8).
Objects and commands may be shortened to any unambiguous prefix:
.B ip a
is
.BR "ip address show" ,
.B ip r
is
.BR "ip route show" ,
.B ip n
is
.BR "ip neigh show" .
With an object but no command,
.B show
is meant.
.PP
Changes take effect at once and are lost at reboot. On Photon OS the
lasting configuration lives in
.BR systemd\-networkd 's
.B .network
files; see
.BR systemd.network (5).
.SH OPTIONS
.TP
.BR \-4 ", " \-6 ", " \-0
Only IPv4, only IPv6, or only link-layer entries (the same as
.BR "\-family inet" ", " inet6 ", " link ).
.TP
.BI \-f " FAMILY\fR, " \-family " FAMILY"
.BR inet ", " inet6 ", " link ", " bridge " or " mpls .
.TP
.BR \-s ", " \-stats
Add packet and byte counters; twice for more detail.
.TP
.BR \-d ", " \-details
Add detailed information, such as link kinds.
.TP
.BR \-br ", " \-brief
One line per interface: name, state, addresses.
.TP
.BR \-o ", " \-oneline
Print each record on one line, with
.B \e
in place of line breaks (handy for
.BR grep ).
.TP
.BR \-j ", " \-json " [" \-p ", " \-pretty ]
Print JSON, optionally indented.
.TP
.BR \-c ", " \-color [=\fIalways\fR|\fIauto\fR|\fInever\fR]
Colour names and addresses.
.TP
.BR \-h ", " \-human
Counters with unit suffixes
.RB ( \-iec
for powers of 1024).
.TP
.BR \-r ", " \-resolve
Print host names instead of addresses where known.
.TP
.BR \-N ", " \-Numeric
Print protocols, scopes and tables as numbers.
.TP
.BI \-b " FILE\fR, " \-batch " FILE"
Read commands from
.I FILE
.RB ( \-
for standard input), one per line;
.B #
starts a comment. Stop at the first failure unless
.B \-force
is given.
.TP
.BR \-V ", " \-Version
Print the version and exit.
.SH "IP LINK"
.TP
.BR "ip link show" " [\fIDEVICE\fR] [" up ]
List interfaces: index, name, flags
.RB ( UP ", " LOWER_UP ", " BROADCAST ", ...),"
MTU, queueing discipline, state, and the link-layer address.
.TP
.BI "ip link set " DEVICE " " SETTINGS
.B up
or
.BR down ;
.BI mtu " N"\fR;\fP
.BI name " NEWNAME"
(the interface must be down);
.BI address " LLADDR"\fR;\fP
.BI txqueuelen " N"\fR;\fP
.BR arp ", " multicast ", " allmulticast ", " promisc " { " on " | " off " };"
.BI alias " TEXT"\fR;\fP
.BI master " DEVICE"
or
.BR nomaster .
.TP
.BI "ip link add " NAME " type " TYPE
Create a virtual interface, such as
.BR dummy ", " bridge ", " veth " or " vlan .
.TP
.BI "ip link delete " DEVICE
Remove a virtual interface.
.SH "IP ADDRESS"
.TP
.BR "ip address show" " [" dev " \fIDEVICE\fR] [" scope " \fISCOPE\fR] [" up ]
List interfaces with their addresses; each
.B inet
or
.B inet6
line gives the address and prefix length, broadcast, scope and lifetimes.
.TP
.BI "ip address add " ADDR / LEN " dev " DEVICE
Add an address. Options:
.BI brd " ADDR"
(or
.B brd +
to compute it),
.BI label " NAME"\fR,
.BI scope " SCOPE"\fR,
.BI valid_lft " SEC"\fR,
.BI preferred_lft " SEC"\fR,
.BI metric " N"\fR,
.BR noprefixroute .
Adding a global address also adds the route to its subnet.
.TP
.BI "ip address del " ADDR / LEN " dev " DEVICE
Remove an address.
.TP
.BR "ip address flush" " [" dev " \fIDEVICE\fR] [" scope " \fISCOPE\fR]"
Remove every address that matches.
.SH "IP ROUTE"
.TP
.BR "ip route show" " [" table " \fITABLE\fR] [" dev " \fIDEVICE\fR] [" proto " \fIP\fR] [" scope " \fIS\fR]"
List routes of the main table (or of
.BR local ", " all
or a number).
.TP
.BI "ip route add " PREFIX " via " GATEWAY " " \fR[\fBdev\fR " " DEVICE\fR]
Add a route;
.I PREFIX
may be
.B default
(0.0.0.0/0). Further settings:
.BI metric " N"\fR,
.BI src " ADDR"\fR,
.BI proto " P"\fR,
.BI scope " S"\fR,
.BI table " T"\fR,
.BI mtu " N"\fR,
.BR onlink ,
and the route types
.BR unreachable ", " prohibit ", " blackhole .
.TP
.BR "ip route " { change | replace | append | del } " \fIROUTE\fR"
Change, replace (add when missing), append or remove a route.
.TP
.BI "ip route get " ADDRESS
Print the route the kernel would use to reach
.IR ADDRESS ,
with the source address it would pick.
.TP
.BR "ip route flush" " \fISELECTOR\fR"
Remove the matching routes.
.SH "IP NEIGH"
.TP
.BR "ip neigh show" " [" dev " \fIDEVICE\fR] [" nud " \fISTATE\fR]"
List the ARP and NDP cache: address, device, link-layer address and state
.RB ( REACHABLE ", " STALE ", " PERMANENT ", " FAILED ", ...)."
.TP
.BR "ip neigh " { add | change | replace | del } " \fIADDR\fR " lladdr " \fILLADDR\fR " dev " \fIDEVICE\fR [" nud " \fISTATE\fR]"
Edit entries;
.B nud permanent
makes a static entry.
.TP
.BR "ip neigh get" " \fIADDR\fR " dev " \fIDEVICE\fR"
Look up one entry.
.TP
.BR "ip neigh flush" " \fISELECTOR\fR"
Remove the matching entries that are not permanent.
.SH "IP RULE, IP NETNS"
.B ip rule
lists the routing policy rules (by default: lookup tables
.BR local ", " main " and " default ).
.B ip netns
lists named network namespaces.
.SH EXIT STATUS
0 on success; 1 when a named device does not exist or a command of a batch
failed; 2 when the kernel refuses a request (the message names the reason,
for example
.BR "RTNETLINK answers: File exists" );
255 for a malformed command line, after printing what was wrong or the
usage.
.SH EXAMPLES
.PP
.RS
.nf
ip \-br a
ip \-4 addr show dev eth0
ip addr add 192.168.1.50/24 dev eth0
ip link set eth0 mtu 9000
ip route add default via 192.168.1.1
ip route get 8.8.8.8
ip neigh
.fi
.RE
.SH SEE ALSO
.BR ifconfig (8),
.BR route (8),
.BR systemd.network (5),
.BR networkctl (1)
`;
