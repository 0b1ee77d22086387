export default String.raw`.TH SYSTEMD\-RESOLVED.SERVICE 8 "" "systemd 253" "systemd-resolved.service"
.SH NAME
systemd-resolved.service, systemd-resolved \- network name resolution service
.SH SYNOPSIS
.B systemd\-resolved.service
.br
.B /usr/lib/systemd/systemd\-resolved
.SH DESCRIPTION
.B systemd\-resolved
answers host name lookups for local programs. It sends DNS queries to the
servers it knows of, caches the answers, and resolves the machine's own name
and the names in
.B /etc/hosts
itself.
.PP
DNS servers and search domains come from
.BR systemd\-networkd (8)
per interface (static
.B DNS=
and
.B Domains=
settings, or those learned by DHCP), and from the global
.B DNS=
and
.B FallbackDNS=
settings of
.BR /etc/systemd/resolved.conf .
A query for a name under a domain an interface claims goes to that
interface's servers.
.PP
Programs reach it in three ways: through the glibc NSS module
.BR nss\-resolve ,
through its D-Bus interface, or through the DNS stub listener on
.B 127.0.0.53
port 53, to which
.B /etc/resolv.conf
points. Photon OS builds it with LLMNR, DNSSEC and DNS-over-TLS turned off in
.BR resolved.conf .
.PP
It runs as the
.B systemd\-resolve
user, started by
.BR systemd\-resolved.service ,
enabled by default. SIGHUP flushes the caches and rereads the configuration.
.BR resolvectl (1)
shows the servers in use per interface and performs test lookups.
.SH FILES
.TP
.B /etc/systemd/resolved.conf
Global settings
.RB ( DNS= ", " FallbackDNS= ", " Domains= ", " LLMNR= ", " DNSSEC= ", " DNSOverTLS= ", " Cache= ", " DNSStubListener= ).
.TP
.B /run/systemd/resolve/stub\-resolv.conf
A resolv.conf naming only the stub listener; the usual target of the
.B /etc/resolv.conf
link.
.TP
.B /run/systemd/resolve/resolv.conf
A resolv.conf listing the real upstream servers, for programs that bypass
the stub.
.SH EXAMPLES
.PP
.RS
.nf
$ resolvectl status
$ resolvectl query photon.vmware.com
# resolvectl flush\-caches
.fi
.RE
.SH SEE ALSO
.BR resolvectl (1),
.BR systemd\-networkd (8),
.BR systemd.network (5)
`;
