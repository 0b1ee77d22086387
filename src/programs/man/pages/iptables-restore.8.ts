export default String.raw`.TH IPTABLES\-RESTORE 8 "" "iptables 1.8.9" "iptables 1.8.9"
.SH NAME
iptables-restore, ip6tables-restore \- load firewall rules from a file
.SH SYNOPSIS
.B iptables\-restore
[\fB\-c\fR] [\fB\-n\fR] [\fB\-t\fR] [\fB\-v\fR] [\fB\-T\fR \fItable\fR] [\fIfile\fR]
.br
.B ip6tables\-restore
[\fB\-c\fR] [\fB\-n\fR] [\fB\-t\fR] [\fB\-v\fR] [\fB\-T\fR \fItable\fR] [\fIfile\fR]
.SH DESCRIPTION
.B iptables\-restore
reads rules in the format written by
.BR iptables\-save (8)
from
.I file
or standard input, and applies them to the IPv4 firewall
.RB ( ip6tables\-restore
to the IPv6 one). Each table, from its
.BI * table
line to its
.BR COMMIT ,
is applied as a whole: when any line of it is wrong, nothing of that table
changes and the error names the line number.
.PP
Unless
.B \-\-noflush
is given, every table named in the input is first emptied, so the input
replaces the rules instead of adding to them. Chains declared with
.BI : name
lines are created (or emptied) and built-in chains take the policy given
there.
.PP
Photon OS's
.B iptables.service
runs
.B iptables\-restore
on
.B /etc/systemd/scripts/ip4save
and
.B ip6tables\-restore
on
.B ip6save
at every boot.
.SH OPTIONS
.TP
.BR \-n ", " \-\-noflush
Keep the existing rules and add to them.
.TP
.BR \-c ", " \-\-counters
Set the counters from the
.BI [ packets : bytes ]
values in the input.
.TP
.BR \-t ", " \-\-test
Check the input without changing anything.
.TP
.BR \-v ", " \-\-verbose
Say what is being done.
.TP
.BR \-T ", " \-\-table " \fItable\fR"
Apply only this table of the input.
.TP
.BR \-w ", " \-\-wait ", " \-W ", " \-\-wait\-interval ", " \-M ", " \-\-modprobe
Accepted for compatibility.
.TP
.BR \-V ", " \-\-version
Print the version.
.TP
.BR \-h ", " \-\-help
Print the usage.
.SH EXIT STATUS
0 on success; 1 when the file cannot be read or an option is wrong; 2 when a
line of the input is invalid (the message reads
.BR "Error occurred at line: " \fIN\fR ).
.SH EXAMPLES
.PP
Check a rules file, then load it:
.PP
.RS
.nf
# iptables\-restore \-\-test < /etc/systemd/scripts/ip4save
# iptables\-restore < /etc/systemd/scripts/ip4save
.fi
.RE
.PP
Add one rule without touching the others:
.PP
.RS
.nf
# printf '*filter\en\-A INPUT \-p tcp \-\-dport 443 \-j ACCEPT\enCOMMIT\en' | iptables\-restore \-n
.fi
.RE
.SH SEE ALSO
.BR iptables (8),
.BR iptables\-save (8)
`;
