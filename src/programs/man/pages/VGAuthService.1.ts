export default String.raw`.TH VGAUTHSERVICE 1 "" "open-vm-tools 12.5.0" "open-vm-tools"
.SH NAME
VGAuthService \- VMware guest authentication service
.SH SYNOPSIS
.B VGAuthService
[\fB\-s\fR|\fB\-\-service\fR] [\fB\-b\fR|\fB\-\-background\fR] [\fB\-h\fR]
.SH DESCRIPTION
.B VGAuthService
is the part of open-vm-tools that checks credentials for guest operations:
when vSphere asks
.BR vmtoolsd (1)
to copy a file into the guest or run a program there, the request carries a
user name and password or a SAML token, and VGAuthService decides whether it
is valid and which local user it maps to.
.PP
SAML tokens are accepted when they are signed by a certificate the
administrator has added to the alias store for a user, with the
.B vmware\-vgauth\-cmd
tool.
.PP
It runs as
.BR vgauthd.service ,
enabled by default on Photon OS, and listens on a local socket that only
.B vmtoolsd
uses.
.SH OPTIONS
.TP
.BR \-s ", " \-\-service
Run as a service (in the foreground, under systemd).
.TP
.BR \-b ", " \-\-background
Detach and run in the background.
.TP
.BR \-h ", " \-\-help
Print the usage.
.SH FILES
.TP
.B /etc/vmware\-tools/vgauth.conf
Settings.
.TP
.B /etc/vmware\-tools/vgauth/aliasStore/
Certificates and the users they map to.
.SH EXAMPLES
.PP
.RS
.nf
# systemctl status vgauthd
.fi
.RE
.SH SEE ALSO
.BR vmtoolsd (1)
`;
