export default String.raw`.TH NETWORKCTL 1 "" "systemd 253" "networkctl"
.SH NAME
networkctl \- query and control systemd-networkd
.SH SYNOPSIS
.B networkctl
[\fIOPTIONS\fR...] [\fICOMMAND\fR] [\fILINK\fR...]
.SH DESCRIPTION
.B networkctl
shows the network links as
.BR systemd\-networkd (8)
sees them and asks the daemon to act on them. Without a command it runs
.BR list .
Links are named by interface name, by index, or by a glob pattern.
.PP
Two states are shown for each link. The
.I operational
state says how usable it is:
.BR off ", " no\-carrier ", " dormant ", " carrier " (up, but no routable address), " degraded " (only link-local addresses), " routable .
The
.I setup
state says what networkd did with it:
.BR pending ", " configuring ", " configured ", " failed ", " linger ,
or
.B unmanaged
when no
.B .network
file matches it.
.SH COMMANDS
.TP
.BR list " [\fIPATTERN\fR...]"
A table of links: IDX, LINK, TYPE, OPERATIONAL and SETUP, followed by the
number of links.
.TP
.BR status " [\fIPATTERN\fR...]"
With links named, a block per link: the
.B .network
file in use, state, type, driver, hardware address, MTU, addresses, gateway,
DNS servers, and its latest journal lines. Without, a summary of the whole
system: overall state, addresses, gateways and DNS.
.TP
.BR lldp " [\fIPATTERN\fR...]"
Neighbours heard through LLDP.
.TP
.B label
The IPv6 address label table.
.TP
.BI up " LINK" "\fR..., " down " LINK" \fR...
Bring links up or down.
.TP
.BI delete " LINK" \fR...
Remove virtual devices.
.TP
.BI renew " LINK" \fR...
Renew the DHCP lease.
.TP
.BI reconfigure " LINK" \fR...
Apply the configuration to the links again (after editing their
.B .network
file and running
.BR reload ).
.TP
.B reload
Make networkd reread its
.B .network
and
.B .netdev
files; links whose file changed are reconfigured.
.SH OPTIONS
.TP
.BR \-a ", " \-\-all
With
.BR status ,
show every link.
.TP
.BR \-s ", " \-\-stats
Add traffic counters.
.TP
.BR \-l ", " \-\-full
Do not shorten values.
.TP
.BR \-n ", " \-\-lines =\fIN\fR
Journal lines shown with
.B status
(default 10).
.TP
.BI \-\-json= MODE
Output JSON:
.BR pretty ", " short " or " off .
.TP
.B \-\-no\-legend
Leave out headers and footers.
.TP
.B \-\-no\-pager
Do not pipe the output into a pager.
.TP
.BR \-h ", " \-\-help ", " \-\-version
Print help or the version.
.SH EXIT STATUS
0 on success; 1 for an unknown command or link, or a request networkd
refused.
.SH EXAMPLES
.PP
.RS
.nf
$ networkctl
IDX LINK TYPE     OPERATIONAL SETUP
  1 lo   loopback carrier     unmanaged
  2 eth0 ether    routable    configured

2 links listed.
$ networkctl status eth0
# networkctl reload && networkctl reconfigure eth0
.fi
.RE
.SH SEE ALSO
.BR systemd\-networkd (8),
.BR systemd.network (5),
.BR resolvectl (1),
.BR ip (8)
`;
