export default String.raw`.TH TDNF.CONF 5 "" "tdnf 3.5" "Photon OS"
.\" Written for this simulator; describes tdnf 3.5 on Photon OS 5.0.
.SH NAME
tdnf.conf \- main configuration file of the tdnf package manager
.SH SYNOPSIS
.I /etc/tdnf/tdnf.conf
.SH DESCRIPTION
\fBtdnf\fR(8) reads this file at start-up, or the file named with
\fB\-c\fR/\fB\-\-config\fR. It is an INI file: settings live in a \fB[main]\fR
section as \fIkey\fB=\fIvalue\fR lines; lines starting with \fB#\fR or \fB;\fR
are comments. Booleans accept \fB1\fR/\fB0\fR or \fBtrue\fR/\fBfalse\fR. Any key
can be overridden for one run with \fB\-\-setopt\fR=\fIkey\fR=\fIvalue\fR.
.PP
Repositories are not defined here but in \fI.repo\fR files of the repository
directory; see \fByum.repos.d\fR(5).
.SH "[main] OPTIONS"
.TP
\fBgpgcheck\fR=\fIbool\fR
Verify package signatures before installing (default 1). A repository's own
\fBgpgcheck\fR takes precedence for its packages.
.TP
\fBrepodir\fR=\fIdir\fR (also \fBreposdir\fR)
Where the \fI.repo\fR files are (default \fI/etc/yum.repos.d\fR). If the
directory cannot be opened tdnf fails with error 1005.
.TP
\fBcachedir\fR=\fIdir\fR
Metadata and package cache, one subdirectory per repository id (default
\fI/var/cache/tdnf\fR). Refreshing it needs write access there.
.TP
\fBpersistdir\fR=\fIdir\fR
Where the history database and auto-installed marks are kept.
.TP
\fBkeepcache\fR=\fIbool\fR
Keep downloaded RPM files after a successful transaction (default 0).
.TP
\fBinstallonly_limit\fR=\fIn\fR
How many builds of an install-only package (such as a kernel) may be
installed side by side (default 2; Photon ships 3).
.TP
\fBclean_requirements_on_remove\fR=\fIbool\fR
Make \fBerase\fR also remove dependencies that nothing else needs, as
\fBautoremove\fR does (default 0).
.TP
\fBexcludepkgs\fR=\fIlist\fR
Packages (names or globs, separated by spaces or commas) that are never
installed or upgraded. \fB\-\-disableexcludes\fR ignores the list.
.TP
\fBminversions\fR=\fIlist\fR
Entries \fIname\fB=\fIversion\fR below which a package may not be downgraded.
.TP
\fBdistroverpkg\fR=\fIpkg\fR
The package whose version sets \fB$releasever\fR (default \fBsystem\-release\fR;
on Photon OS 5.0 it is \fB5.0\fR).
.TP
\fBdnf_check_update_compat\fR=\fIbool\fR
Make \fBcheck\-update\fR print a list like \fBdnf\fR and exit 100 when
updates are available.
.TP
\fBproxy\fR=\fIurl\fR, \fBproxy_username\fR=\fIname\fR, \fBproxy_password\fR=\fIpw\fR
An HTTP proxy for all downloads, with optional credentials.
.TP
\fBnoplugins\fR=\fIbool\fR, \fBplugins\fR=\fIbool\fR, \fBpluginpath\fR=\fIdir\fR, \fBpluginconfpath\fR=\fIdir\fR
Plugin loading; plugin settings live in \fI/etc/tdnf/pluginconf.d\fR.
.TP
\fBopenmax\fR=\fIn\fR
Limit on open file descriptors during a transaction (default 1024).
.SH "PROTECTED PACKAGES"
Each \fI*.conf\fR file in \fI/etc/tdnf/protected.d\fR lists package names, one
a line. tdnf refuses to remove them (error 1030); Photon protects \fBtdnf\fR itself.
.SH FILES
.TP
.I /etc/tdnf/tdnf.conf
This file. Photon OS 5.0 ships:
.RS
.nf
[main]
gpgcheck=1
installonly_limit=3
clean_requirements_on_remove=0
repodir=/etc/yum.repos.d
cachedir=/var/cache/tdnf
.fi
.RE
.TP
.I /etc/tdnf/protected.d/
Protected package lists.
.TP
.I /etc/tdnf/vars/
Files whose names define extra \fB$\fIvariables\fR for repository URLs.
.SH "SEE ALSO"
\fBtdnf\fR(8), \fByum.repos.d\fR(5), \fBrpm\fR(8)
`;
