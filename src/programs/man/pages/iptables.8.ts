export default String.raw`.TH IPTABLES 8 "" "iptables 1.8.9" "iptables 1.8.9"
.SH NAME
iptables, ip6tables \- administer the IPv4 and IPv6 packet filter and NAT rules
.SH SYNOPSIS
.B iptables
[\fB\-t\fR \fItable\fR] {\fB\-A\fR|\fB\-C\fR|\fB\-D\fR} \fIchain rule\-specification\fR
.br
.B iptables
[\fB\-t\fR \fItable\fR] \fB\-I\fR \fIchain\fR [\fIrulenum\fR] \fIrule\-specification\fR
.br
.B iptables
[\fB\-t\fR \fItable\fR] \fB\-R\fR \fIchain rulenum rule\-specification\fR
.br
.B iptables
[\fB\-t\fR \fItable\fR] \fB\-D\fR \fIchain rulenum\fR
.br
.B iptables
[\fB\-t\fR \fItable\fR] {\fB\-L\fR|\fB\-S\fR|\fB\-F\fR|\fB\-Z\fR|\fB\-X\fR} [\fIchain\fR] [\fIoptions\fR...]
.br
.B iptables
[\fB\-t\fR \fItable\fR] {\fB\-N\fR \fIchain\fR | \fB\-E\fR \fIold new\fR | \fB\-P\fR \fIchain target\fR}
.PP
.B ip6tables
takes the same arguments.
.SH DESCRIPTION
.B iptables
and
.B ip6tables
edit the kernel's firewall for IPv4 and IPv6. On Photon OS 5.0 they are the
nf_tables variants (version string
.BR "v1.8.9 (nf_tables)" ):
both, and their
.B \-save
and
.B \-restore
companions, are links to the single program
.BR xtables\-nft\-multi ,
which picks its role from the name it was run as (or from its first
argument, as in
.BR "xtables\-nft\-multi iptables \-L" ).
.PP
Rules live in
.I chains
inside
.IR tables .
A packet walks a chain rule by rule; the first rule that matches decides
with its target, and if none does the chain's policy applies. The tables are
.B filter
(the default, chains INPUT, FORWARD, OUTPUT),
.B nat
(PREROUTING, INPUT, OUTPUT, POSTROUTING),
.BR mangle ,
.B raw
and
.BR security .
A target is
.BR ACCEPT ,
.BR DROP ,
.B RETURN
(back to the calling chain), a user-defined chain, or an extension target.
.PP
Changes apply at once but are not saved. Photon OS loads its firewall at boot
from
.B /etc/systemd/scripts/ip4save
and
.B ip6save
(run by
.BR iptables.service );
to keep a rule, add it to those files. The default policy drops all incoming
traffic except loopback, replies to outgoing connections and SSH (TCP port
22), so the machine does not answer ping.
.SH COMMANDS
.TP
.BR \-A ", " \-\-append " \fIchain rule\fR"
Add the rule at the end of the chain.
.TP
.BR \-C ", " \-\-check " \fIchain rule\fR"
Tell, by the exit status, whether such a rule exists.
.TP
.BR \-D ", " \-\-delete " \fIchain rule\fR|\fIrulenum\fR"
Remove the first identical rule, or the rule at that position (1 is first).
.TP
.BR \-I ", " \-\-insert " \fIchain\fR [\fIrulenum\fR] \fIrule\fR"
Insert the rule at that position (default 1, the top).
.TP
.BR \-R ", " \-\-replace " \fIchain rulenum rule\fR"
Put the rule in place of the one at that position.
.TP
.BR \-L ", " \-\-list " [\fIchain\fR]"
List the rules in a table layout (target, protocol, options, source,
destination, extra). Names are resolved unless
.B \-n
is given; with
.B \-v
also counters and interfaces.
.TP
.BR \-S ", " \-\-list\-rules " [\fIchain\fR]"
Print the rules as the
.B iptables
arguments that would create them.
.TP
.BR \-F ", " \-\-flush " [\fIchain\fR]"
Remove every rule of the chain, or of all chains of the table.
.TP
.BR \-Z ", " \-\-zero " [\fIchain\fR [\fIrulenum\fR]]"
Reset packet and byte counters.
.TP
.BR \-N ", " \-\-new\-chain " \fIchain\fR"
Create a user-defined chain.
.TP
.BR \-X ", " \-\-delete\-chain " [\fIchain\fR]"
Delete an empty user-defined chain that nothing jumps to (all of them when
none is named).
.TP
.BR \-E ", " \-\-rename\-chain " \fIold new\fR"
Rename a user-defined chain.
.TP
.BR \-P ", " \-\-policy " \fIchain target\fR"
Set the policy of a built-in chain to
.B ACCEPT
or
.BR DROP .
.SH "RULE SPECIFICATION"
An option preceded by \fB!\fR is negated.
.TP
.RB [ ! "] " \-p ", " \-\-protocol " \fIproto\fR"
.BR tcp ", " udp ", " icmp ", " ipv6\-icmp ", " all ,
a name from
.BR /etc/protocols ,
or a number.
.TP
.RB [ ! "] " \-s ", " \-\-source " \fIaddress\fR[\fB/\fImask\fR]; [" ! "] " \-d ", " \-\-destination " \fIaddress\fR[\fB/\fImask\fR]"
Source or destination address or network; several may be given, separated
by commas.
.TP
.RB [ ! "] " \-i ", " \-\-in\-interface " \fIname\fR; [" ! "] " \-o ", " \-\-out\-interface " \fIname\fR"
Incoming or outgoing interface; a trailing
.B +
matches any name that starts with the rest.
.TP
.BR \-j ", " \-\-jump " \fItarget\fR; " \-g ", " \-\-goto " \fIchain\fR"
What to do with a matching packet.
.TP
.BR \-m ", " \-\-match " \fImatch\fR"
Load a match extension, which brings its own options.
.TP
.BR \-c ", " \-\-set\-counters " \fIpackets bytes\fR"
Initial counters of the rule.
.SH EXTENSIONS
Matches:
.B tcp
and
.B udp
.RB ( \-\-sport ", " \-\-dport " port or " first:last ", " \-\-syn ", " \-\-tcp\-flags ),
.BR multiport " (" \-\-dports " list),"
.BR icmp " (" \-\-icmp\-type "), " icmp6 ,
.BR conntrack " (" \-\-ctstate " NEW, ESTABLISHED, RELATED, INVALID),"
.BR state ,
.BR comment ,
.BR limit ,
.BR mac ,
.BR iprange ,
.BR mark ,
.BR length ,
.BR pkttype ,
.BR recent ,
.BR addrtype ,
.BR connlimit ,
.BR owner .
.PP
Targets:
.BR REJECT " (" \-\-reject\-with ),
.BR LOG " (" \-\-log\-prefix ", " \-\-log\-level ),
.BR SNAT " (" \-\-to\-source ),
.BR DNAT " (" \-\-to\-destination ),
.BR MASQUERADE ,
.BR REDIRECT " (" \-\-to\-ports ),
.BR MARK ,
.BR TCPMSS ,
.BR CT ,
.BR NOTRACK .
.B iptables \-m
.I name
.B \-h
lists the options of an extension.
.SH OPTIONS
.TP
.BR \-t ", " \-\-table " \fItable\fR"
The table to work on (default
.BR filter ).
.TP
.BR \-n ", " \-\-numeric
Print addresses and ports as numbers.
.TP
.BR \-v ", " \-\-verbose
Print more: counters and interfaces in listings, each change made.
.TP
.BR \-x ", " \-\-exact
Print counters in full instead of rounded with K, M or G.
.TP
.B \-\-line\-numbers
Number the rules in listings (the numbers
.BR \-D ", " \-I " and " \-R
use).
.TP
.BR \-w ", " \-\-wait " [\fIseconds\fR], " \-W ", " \-\-wait\-interval " \fIusec\fR"
Accepted for compatibility; the nf_tables backend needs no lock.
.TP
.BR \-4 ", " \-6
Refuse (or ignore) the command unless it is for this family; useful in
files shared by both restore commands.
.TP
.BR \-V ", " \-\-version
Print the version.
.TP
.BR \-h ", " \-\-help
Print a summary of commands and options.
.SH EXIT STATUS
0 on success; 1 for other errors (such as
.B \-C
finding no rule, or a missing chain); 2 for an invalid command line, with a
hint to try
.BR \-\-help ;
3 and 4 for version and resource problems.
.SH FILES
.TP
.BR /etc/systemd/scripts/iptables ", " iptables.stop
The scripts
.B iptables.service
runs to load and to clear the firewall.
.TP
.BR /etc/systemd/scripts/ip4save ", " ip6save
The rules loaded at boot, in
.BR iptables\-save (8)
format.
.SH EXAMPLES
.PP
.RS
.nf
iptables \-L \-n \-v \-\-line\-numbers
iptables \-A INPUT \-p tcp \-\-dport 80 \-j ACCEPT
iptables \-A INPUT \-p icmp \-\-icmp\-type echo\-request \-j ACCEPT
iptables \-D INPUT 4
iptables \-t nat \-A POSTROUTING \-o eth0 \-j MASQUERADE
ip6tables \-S
.fi
.RE
.SH SEE ALSO
.BR iptables\-save (8),
.BR iptables\-restore (8),
.BR systemctl (1)
`;
