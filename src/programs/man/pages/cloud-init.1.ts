export default String.raw`.TH CLOUD\-INIT 1 "" "cloud-init 23.4" "cloud-init"
.SH NAME
cloud-init \- initialize a cloud or virtual machine instance at boot
.SH SYNOPSIS
.B cloud\-init
[\fB\-\-debug\fR] [\fB\-\-file\fR \fIFILE\fR] \fISUBCOMMAND\fR [\fIARGS\fR...]
.SH DESCRIPTION
.B cloud\-init
configures a freshly deployed machine from data supplied by the platform it
runs on: the host name, users and SSH keys, network settings, packages to
install, files to write and commands to run. The data comes from a
.I datasource
(VMware guestinfo, OVF environment, EC2, Azure, GCE, a NoCloud seed and
others) as
.I meta-data
and
.I user-data
(often a
.B #cloud\-config
YAML document).
.PP
It runs in stages at boot, each from its own unit, all enabled on Photon OS:
.TP
.B cloud\-init\-local.service
.B cloud\-init init \-\-local
finds the datasource before the network is up and writes network
configuration.
.TP
.B cloud\-init.service
.B cloud\-init init
runs once the network is up: host name, SSH keys, users.
.TP
.B cloud\-config.service
.B cloud\-init modules \-\-mode=config
runs the configuration modules.
.TP
.B cloud\-final.service
.B cloud\-init modules \-\-mode=final
runs late modules: package installs,
.BR runcmd ,
user scripts.
.PP
Each stage prints a line such as
.B "Cloud\-init v. 23.4.4 running 'init' at ..."
to the journal. Without a datasource there is nothing to do and the stages
finish at once. Most modules run only once per instance; the instance ID
decides whether the machine is new.
.SH COMMANDS
.TP
.BR init " [\fB\-\-local\fR]"
Run the init stage.
.TP
.BI "modules \-\-mode=" MODE
Run the modules of
.BR init ", " config " or " final .
.TP
.BR status " [\fB\-\-long\fR] [\fB\-\-wait\fR]"
Tell whether cloud-init has finished, and with what result.
.TP
.BR clean " [\fB\-\-logs\fR] [\fB\-\-reboot\fR]"
Forget the instance, so that everything runs again at next boot.
.TP
.B query \fIKEY\fR, \fBschema \-\-config\-file\fR \fIFILE\fR
Print instance data; validate a cloud-config file.
.SH OPTIONS
.TP
.BR \-d ", " \-\-debug
Log debug messages to the console.
.TP
.BR \-f ", " \-\-file " \fIFILE\fR"
Use additional configuration from this file.
.TP
.B \-\-version
Print the version.
.SH EXIT STATUS
0 on success; 1 when a stage or command fails; 2 when it finished with
recoverable errors.
.SH FILES
.TP
.BR /etc/cloud/cloud.cfg ", " /etc/cloud/cloud.cfg.d/*.cfg
Configuration: datasources to try, modules per stage, default user.
.TP
.B /var/lib/cloud/
Per-instance state and the data received.
.TP
.BR /var/log/cloud\-init.log ", " /var/log/cloud\-init\-output.log
Logs.
.SH EXAMPLES
.PP
A user-data document:
.PP
.RS
.nf
#cloud\-config
hostname: web01
ssh_authorized_keys:
  \- ssh\-ed25519 AAAA... admin@example
runcmd:
  \- systemctl enable \-\-now docker
.fi
.RE
.PP
Run everything again on the next boot:
.BR "cloud\-init clean \-\-logs && reboot" .
.SH SEE ALSO
.BR systemctl (1),
.BR hostnamectl (1),
.BR vmtoolsd (1)
`;
