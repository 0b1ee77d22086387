export default String.raw`.TH VMTOOLSD 1 "" "open-vm-tools 12.5.0" "open-vm-tools"
.SH NAME
vmtoolsd \- the VMware Tools service
.SH SYNOPSIS
.B vmtoolsd
[\fB\-n\fR \fINAME\fR] [\fB\-b\fR \fIPIDFILE\fR] [\fB\-c\fR \fIFILE\fR] [\fB\-\-cmd\fR \fICOMMAND\fR] [\fB\-v\fR]
.SH DESCRIPTION
.B vmtoolsd
is the main daemon of open-vm-tools, the open source VMware Tools, which
integrate a guest with the VMware hypervisor (ESXi, Workstation, Fusion). In
the guest it:
.IP \(bu 3
reports the guest's host name, IP addresses and operating system, shown in
vSphere;
.IP \(bu 3
answers the heartbeat and carries out power operations (a clean shut down or
restart requested from vSphere);
.IP \(bu 3
keeps the guest clock in step with the host when asked to;
.IP \(bu 3
runs guest operations (file transfer and program execution) authenticated
by
.BR VGAuthService (1);
.IP \(bu 3
runs the quiescing scripts for snapshots and guest customization.
.PP
It is run by
.BR vmtoolsd.service ,
which Photon OS enables by default, as the system service
.RB ( vmsvc ).
Its functions are provided by plugins loaded at start.
.SH OPTIONS
.TP
.BR \-n ", " \-\-name " \fINAME\fR"
The service to run:
.B vmsvc
(system, the default as root) or
.B vmusr
(desktop session).
.TP
.BR \-c ", " \-\-config " \fIFILE\fR"
Use this configuration file.
.TP
.BR \-b ", " \-\-background " \fIPIDFILE\fR"
Detach and write the PID to the file.
.TP
.BR \-\-cmd " \fICOMMAND\fR"
Send one RPC command to the host and print the answer, for example
.BR "\-\-cmd 'info\-get guestinfo.ovfEnv'" .
.TP
.BR \-v ", " \-\-version
Print the version.
.SH FILES
.TP
.B /etc/vmware\-tools/tools.conf
Settings (logging, plugins, time sync).
.TP
.B /etc/vmware\-tools/
Power operation scripts
.RB ( poweron\-vm\-default ", " suspend\-vm\-default ", ...)."
.SH EXAMPLES
.PP
.RS
.nf
# systemctl status vmtoolsd
# vmware\-toolbox\-cmd stat hosttime
.fi
.RE
.SH SEE ALSO
.BR VGAuthService (1),
.BR cloud\-init (1)
`;
