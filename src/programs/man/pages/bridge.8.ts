export default String.raw`.TH BRIDGE 8 "2022-10" "iproute2 6.1.0" "Linux"
.SH NAME
bridge \- show and change software bridge ports and forwarding entries
.SH SYNOPSIS
.B bridge
[\fIOPTIONS\fR] \fIOBJECT\fR { \fICOMMAND\fR | \fBhelp\fR }
.PP
.IR OBJECT " := { " link " | " fdb " | " mdb " | " vlan " }"
.SH DESCRIPTION
.B bridge
is the iproute2 tool for Linux bridges. A bridge is made with
.B ip link add br0 type bridge
and a device joins it with
.BR "ip link set DEV master br0" ;
.B bridge
then looks at and tunes the ports.
.SH OPTIONS
.TP
.BR \-d ", " \-details
Print every port setting.
.TP
.BR \-j ", " \-json
Print JSON;
.B \-p
indents it.
.TP
.BR \-V ", " \-Version
Print the version and exit.
.SH COMMANDS
.TP
.B bridge link show \fR[\fBdev \fIDEV\fR]
One line per bridge port: its flags, MTU, bridge, STP state
.RB ( disabled " until both the port and the bridge are up with a link, then " forwarding ),
priority and path cost.
.TP
.B bridge link set dev \fIDEV\fR [\fBcost \fIN\fR] [\fBpriority \fIN\fR] [\fBstate \fIN\fR] [\fIswitch\fR \fBon\fR|\fBoff\fR]...
Changes a port: path cost (1\-65535), priority (0\-63), STP state (0 disabled to 4 blocking),
and switches such as
.BR hairpin ", " learning ", " flood .
.TP
.B bridge fdb show \fR[\fBbr \fIBRIDGE\fR] [\fBbrport \fIDEV\fR]
The forwarding database: each port's own address, each device's multicast groups
.RB ( self ),
and addresses learnt from traffic.
.TP
.B bridge vlan show
VLANs of the ports (none unless VLAN filtering is on).
.SH EXAMPLES
.nf
ip link add br0 type bridge
ip link add veth0 type veth peer name veth1
ip link set veth0 master br0
ip link set br0 up; ip link set veth0 up; ip link set veth1 up
bridge link
.fi
.SH SEE ALSO
.BR ip (8)
`;
