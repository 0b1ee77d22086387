export default String.raw`.TH GETENT 1 "2022-12" "glibc 2.36" "User Commands"
.SH NAME
getent \- look up entries in the system databases
.SH SYNOPSIS
.B getent
[\fIoption\fR]... \fIdatabase\fR [\fIkey\fR...]
.SH DESCRIPTION
.B getent
asks the C library for entries of one of the databases that
.BR nsswitch.conf (5)
configures, so it sees users, groups and hosts exactly as other programs do.
On Photon OS every database is read from its file under
.IR /etc .
.PP
With keys, the entry of each key is printed in the format of the database's
file. Users and groups may be given by name or by number. Without keys, every
entry is printed, for the databases that can be listed.
.SH DATABASES
.BR passwd ", " group ", " shadow ", " gshadow ,
.BR hosts " (one line per host: address, then names),"
.BR ahosts ", " ahostsv4 ", " ahostsv6
(each address once per socket type, as
.BR getaddrinfo (3)
returns them),
.B initgroups
(the groups that list a user as a member),
.BR services ", " protocols ", " networks ", " rpc ", " aliases ", " ethers ", " netgroup .
.SH OPTIONS
.TP
.BR \-s ", " \-\-service =\fICONFIG\fR
Use another source configuration (accepted; Photon has only files).
.TP
.BR \-i ", " \-\-no\-idn
Do not encode international domain names.
.TP
.BR \-A ", " \-\-no\-addrconfig
Do not leave out addresses of a family the machine has no address in.
.TP
.BR \-? ", " \-\-help
Show a short help.
.TP
.B \-\-usage
Show the usage line.
.TP
.BR \-V ", " \-\-version
Show the version.
.SH EXIT STATUS
.TP
.B 0
Success.
.TP
.B 1
Missing or wrong arguments, or an unknown database.
.TP
.B 2
One or more keys were not found.
.TP
.B 3
The database cannot be listed.
.SH EXAMPLES
.B getent passwd root
.br
.B getent group 0
.br
.B getent hosts localhost
.SH SEE ALSO
.BR nsswitch.conf (5),
.BR passwd (5),
.BR group (5),
.BR hosts (5)
`;
