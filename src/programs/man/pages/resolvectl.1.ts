export default String.raw`.TH RESOLVECTL 1 "" "systemd 253" "resolvectl"
.SH NAME
resolvectl \- query and configure systemd-resolved
.SH SYNOPSIS
.B resolvectl
[\fIOPTIONS\fR...] [\fICOMMAND\fR] [\fINAME\fR...]
.SH DESCRIPTION
.B resolvectl
resolves names and addresses through
.BR systemd\-resolved (8),
shows which DNS servers and domains it uses, globally and for each link,
and changes the per-link settings at run time. Without a command it runs
.BR status .
.SH COMMANDS
.TP
.BR query " \fINAME\fR|\fIADDRESS\fR..."
Look up host names (their addresses) or addresses (their names). Each answer
is printed with the link it came from, followed by how it was obtained and
how long it took.
.TP
.BR status " [\fILINK\fR...]"
Print the global settings (protocols, resolv.conf mode, current and
configured DNS servers, fallback servers, domains) and a block per link.
.TP
.BR dns " [\fILINK\fR [\fISERVER\fR...]]"
Print the DNS servers, globally and per link, or set those of a link.
.TP
.BR domain " [\fILINK\fR [\fIDOMAIN\fR...]]"
Print or set the search and routing domains of a link.
.TP
.BI revert " LINK"
Drop the settings made with
.BR dns " and " domain
for the link.
.TP
.B statistics
Print cache and transaction counters.
.TP
.B reset\-statistics
Set them back to zero.
.TP
.B flush\-caches
Empty the cache, for example after changing a record.
.SH OPTIONS
.TP
.BR \-4 ", " \-6
With
.BR query ,
ask only for IPv4 or IPv6 addresses.
.TP
.BR \-i ", " \-\-interface =\fILINK\fR
Ask only over this link.
.TP
.BR \-t ", " \-\-type =\fITYPE\fR
Ask for DNS records of this type, such as
.BR MX " or " TXT .
.TP
.BI \-\-cache= bool
Allow answers from the cache (default yes).
.TP
.BI \-\-legend= bool
Print the explanatory lines after answers (default yes).
.TP
.B \-\-no\-pager
Do not pipe the output into a pager.
.TP
.BR \-h ", " \-\-help ", " \-\-version
Print help or the version.
.SH EXIT STATUS
0 on success; 1 when a name cannot be resolved, a link is unknown, or the
service cannot be reached.
.SH FILES
.TP
.B /etc/systemd/resolved.conf
Global settings of the service.
.TP
.B /etc/resolv.conf
Usually a link to
.BR /run/systemd/resolve/stub\-resolv.conf .
.SH EXAMPLES
.PP
.RS
.nf
$ resolvectl
$ resolvectl query packages.vmware.com
# resolvectl dns eth0 1.1.1.1 8.8.8.8
# resolvectl flush\-caches
.fi
.RE
.SH SEE ALSO
.BR systemd\-resolved (8),
.BR networkctl (1),
.BR systemd.network (5)
`;
