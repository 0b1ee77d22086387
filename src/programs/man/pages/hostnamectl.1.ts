export default String.raw`.TH HOSTNAMECTL 1 "" "systemd 253" "hostnamectl"
.SH NAME
hostnamectl \- show or change the machine's host name
.SH SYNOPSIS
.B hostnamectl
[\fIOPTIONS\fR...] [\fICOMMAND\fR]
.SH DESCRIPTION
.B hostnamectl
shows the host name and a summary of the machine, and sets the host name.
systemd distinguishes the
.I static
host name, kept in
.B /etc/hostname
and used at boot, from the
.I transient
one, which is the name the kernel currently has (it may differ, for example
when set by DHCP or by
.BR hostname (1)),
and a free-form
.I pretty
name.
.PP
Without a command,
.B status
is run. Changing anything needs root.
.SH COMMANDS
.TP
.B status
Print the static host name (and the transient one when it differs), icon
name, chassis, machine ID, boot ID, virtualization, operating system, kernel,
architecture and hardware details. On Photon OS running in VMware the chassis
is
.B vm
and the virtualization
.BR vmware .
.TP
.BR hostname " [\fINAME\fR]"
Without an argument, print the host name. With one, set it: it is written to
.B /etc/hostname
and given to the kernel at once, unless
.BR \-\-static ", " \-\-transient " or " \-\-pretty
restricts which names are set. A name is made of letters, digits and
hyphens in dot-separated labels, at most 64 characters.
.B set\-hostname
is accepted as an older spelling.
.TP
.BR icon\-name ", " chassis ", " deployment ", " location " [\fIVALUE\fR]"
Print or set these descriptive fields.
.SH OPTIONS
.TP
.B \-\-static
Set only the static host name in
.BR /etc/hostname .
.TP
.B \-\-transient
Set only the kernel's current host name.
.TP
.B \-\-pretty
Set only the pretty host name.
.TP
.B \-\-no\-ask\-password
Do not ask for a password when permission is missing.
.TP
.BI \-\-json= MODE
Print
.B status
as JSON.
.TP
.BR \-h ", " \-\-help
Print a summary of commands and options.
.TP
.B \-\-version
Print the systemd version.
.SH EXIT STATUS
0 on success; 1 when the name is invalid, the command is unknown, the
arguments are wrong, or permission is denied.
.SH FILES
.TP
.B /etc/hostname
The static host name
.RB ( photon\-machine
on a fresh Photon OS image).
.TP
.B /etc/machine\-id
The machine ID shown by
.BR status .
.TP
.B /etc/os\-release
Where the operating system name comes from.
.SH EXAMPLES
.PP
.RS
.nf
# hostnamectl hostname web01
# hostnamectl
.fi
.RE
.PP
Remember to add the new name to
.B /etc/hosts
if programs must resolve it.
.SH SEE ALSO
.BR hostname (1),
.BR systemctl (1),
.BR timedatectl (1),
.BR localectl (1)
`;
