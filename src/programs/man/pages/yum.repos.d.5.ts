export default String.raw`.TH YUM.REPOS.D 5 "" "tdnf 3.5" "Photon OS"
.\" Written for this simulator; describes repository files as tdnf 3.5 reads them.
.SH NAME
yum.repos.d \- repository definition files for tdnf
.SH SYNOPSIS
.I /etc/yum.repos.d/*.repo
.SH DESCRIPTION
Every file ending in \fI.repo\fR in the repository directory (the
\fBrepodir\fR of \fBtdnf.conf\fR(5)) describes one or more package
repositories. Each repository is an INI section whose header is its id,
\fB[\fIid\fB]\fR; the id is what \fB\-\-enablerepo\fR, \fB\-\-repo\fR and
\fBrepolist\fR use, and it must be unique across all files (error 1037
otherwise). Lines starting with \fB#\fR or \fB;\fR are comments; files with
another suffix are ignored.
.PP
In values, \fB$releasever\fR expands to the release (\fB5.0\fR on Photon OS
5.0) and \fB$basearch\fR to the machine architecture (\fBx86_64\fR).
.SH KEYS
.TP
\fBname\fR=\fItext\fR
Human-readable name shown by \fBrepolist\fR and in progress messages.
.TP
\fBbaseurl\fR=\fIurl\fR...
Where the repository lives: \fBhttps://\fR, \fBhttp://\fR or \fBfile://\fR;
several URLs may be listed, separated by spaces.
.TP
\fBmetalink\fR=\fIurl\fR, \fBmirrorlist\fR=\fIurl\fR
Alternatives to \fBbaseurl\fR that name a list of mirrors.
.TP
\fBenabled\fR=\fIbool\fR
Whether tdnf uses the repository. The default is \fB0\fR, so a section without
this key is disabled.
.TP
\fBgpgcheck\fR=\fIbool\fR
Check package signatures (default 1).
.TP
\fBgpgkey\fR=\fIurl\fR...
Public keys to import for the check, usually \fBfile:///etc/pki/rpm\-gpg/...\fR.
.TP
\fBskip_if_unavailable\fR=\fIbool\fR
When the metadata cannot be fetched, disable the repository for this run and
go on instead of failing (default 0).
.TP
\fBpriority\fR=\fIn\fR
Lower numbers win when several repositories offer a package (default 50).
.TP
\fBmetadata_expire\fR=\fItime\fR
How long cached metadata stays valid: seconds, or a number with \fBs\fR,
\fBm\fR, \fBh\fR or \fBd\fR, or \fBnever\fR (default 172800, two days). An
unparsable value is error 1029.
.TP
\fBretries\fR=\fIn\fR, \fBtimeout\fR=\fIsec\fR, \fBminrate\fR=\fIbytes\fR, \fBthrottle\fR=\fIrate\fR
Download retries (default 10), time limits and bandwidth settings.
.TP
\fBsslverify\fR=\fIbool\fR, \fBsslcacert\fR, \fBsslclientcert\fR, \fBsslclientkey\fR
TLS verification (default on) and certificate files.
.TP
\fBusername\fR, \fBpassword\fR
Credentials for the repository server.
.TP
\fBskip_md_filelists\fR, \fBskip_md_updateinfo\fR, \fBskip_md_other\fR
Do not download those parts of the metadata (saves time and space; file
lookups through \fBprovides\fR then need the file lists).
.SH "PHOTON OS REPOSITORIES"
The \fBphoton\-repos\fR package installs one file per repository; only
\fBphoton\-updates\fR is enabled on a fresh Photon OS 5.0 system:
.TP
.B photon.repo
\fB[photon]\fR, the packages of the release (disabled).
.TP
.B photon\-updates.repo
\fB[photon\-updates]\fR, updated packages (enabled).
.TP
.B photon\-release.repo, photon\-extras.repo
\fB[photon\-release]\fR and \fB[photon\-extras]\fR (disabled).
.TP
.B photon\-debuginfo.repo, photon\-srpms.repo
Debug symbols and source packages (disabled).
.TP
.B photon\-iso.repo
\fB[photon\-iso]\fR, packages on a mounted installation ISO (disabled).
.SH EXAMPLE
.nf
[photon\-updates]
name=VMware Photon Linux $releasever ($basearch) Updates
baseurl=https://packages.vmware.com/photon/$releasever/photon_updates_$releasever_$basearch
gpgkey=file:///etc/pki/rpm\-gpg/VMWARE\-RPM\-GPG\-KEY
gpgcheck=1
enabled=1
skip_if_unavailable=1
.fi
.PP
Enable a repository for one command with
\fBtdnf \-\-enablerepo=photon\-extras install\fR \fIpkg\fR, or for good by
setting \fBenabled=1\fR in its file.
.SH "SEE ALSO"
\fBtdnf\fR(8), \fBtdnf.conf\fR(5)
`;
