export default String.raw`.TH LSMOD 8 "2025-03" "kmod 34" "System Administration"
.SH NAME
lsmod \- show the status of loaded kernel modules
.SH SYNOPSIS
.B lsmod
.SH DESCRIPTION
.B lsmod
prints the contents of
.B /proc/modules
as a table: the name of each loaded kernel module, its size in memory in
bytes, and how many users it has (other modules or open devices), followed
by the names of the modules that depend on it. A module can be removed
only when its use count is 0.
.PP
.B lsmod
takes no options and may be run by any user. Modules are loaded with
.B modprobe
and removed with
.BR "modprobe \-r" ;
.B modinfo
describes one. The Photon OS ESX kernel
.RB ( linux\-esx )
builds most VMware drivers in, so only a few modules (such as those of the
firewall and of VMware devices) are listed.
.SH FILES
.TP
.B /proc/modules
Where the list comes from.
.TP
.B /lib/modules/\fIrelease\fB/
The modules available for each kernel release.
.SH EXAMPLES
.TP
.B "lsmod | grep nf_"
Show the netfilter modules loaded by the firewall.
.SH "SEE ALSO"
.BR modprobe (8),
.BR modinfo (8),
.BR insmod (8),
.BR rmmod (8)
`;
