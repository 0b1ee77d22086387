export default String.raw`.TH TDNF 8 "" "tdnf 3.5" "Photon OS"
.\" Written for this simulator; describes tdnf 3.5 as shipped with Photon OS 5.0.
.SH NAME
tdnf, yum, tyum, tdnfj \- install, update, remove and query RPM packages on Photon OS
.SH SYNOPSIS
\fBtdnf\fR [\fIOPTIONS\fR] \fICOMMAND\fR [\fIARGS\fR...]
.br
\fBtdnfj\fR [\fIOPTIONS\fR] \fICOMMAND\fR [\fIARGS\fR...]
.SH DESCRIPTION
\fBtdnf\fR is the package manager of Photon OS. It reads repository definitions
from \fI/etc/yum.repos.d\fR, keeps their metadata in a local cache, resolves
dependencies with libsolv and hands the transaction to the RPM library. Its
commands follow \fBdnf\fR; \fByum\fR and \fBtyum\fR are links to the same
program, and \fBtdnfj\fR acts as if \fB\-\-json\fR and \fB\-\-assumeyes\fR were given.
.PP
Options may come before or after the command; long options take one or two
dashes and any unambiguous prefix. Commands that change the system (and
\fBhistory\fR) need root, otherwise tdnf stops with error 1601. Before a change
tdnf prints the transaction and asks \fBIs this ok [y/N]\fR; an empty answer means no.
.PP
A package \fISPEC\fR is a name (\fBnano\fR), a glob (\fB'python3\-*'\fR),
\fIname\fB.\fIarch\fR, \fIname\fB\-\fIversion\fR[\fB\-\fIrelease\fR[\fB.\fIarch\fR]]
or a relation such as \fB"nano>=7.0"\fR. A spec that matches no name is tried
again ignoring case, then as a capability some package provides.
.SH COMMANDS
.TP
\fBinstall\fR \fISPEC\fR...
Install the newest build of each package plus what it needs. A package already
at that version is reported and kept (and becomes user-installed).
.TP
\fBreinstall\fR \fISPEC\fR...
Install the same build again.
.TP
\fBerase\fR, \fBremove\fR \fISPEC\fR...
Remove packages and whatever depends on them. Packages listed in
\fI/etc/tdnf/protected.d\fR are never removed (error 1030).
.TP
\fBautoremove\fR, \fBautoerase\fR [\fISPEC\fR...]
Remove the packages and the dependencies nothing else needs; with no argument,
every package pulled in only as a dependency that is no longer required.
.TP
\fBupgrade\fR, \fBupdate\fR [\fISPEC\fR...]; \fBupgrade\-to\fR, \fBupdate\-to\fR \fISPEC\fR...
Upgrade the named packages, or all that have a newer build.
.TP
\fBdowngrade\fR [\fISPEC\fR...]; \fBdistro\-sync\fR [\fISPEC\fR...]
Step back to the next older build; or match exactly the newest build the
enabled repositories carry, going up or down as needed.
.TP
\fBlist\fR | \fBinfo\fR [\fISCOPE\fR] [\fISPEC\fR...]
Show packages, one line each (name.arch, version-release, repository;
installed ones are in \fB@System\fR) or as a detailed block. \fISCOPE\fR is
\fBall\fR (default), \fBinstalled\fR, \fBavailable\fR, \fBextras\fR,
\fBobsoletes\fR, \fBrecent\fR, \fBupgrades\fR (\fBupdates\fR) or
\fBdowngrades\fR, also accepted as an option (\fB\-\-installed\fR).
.TP
\fBsearch\fR [\fBall\fR] \fITERM\fR...
Packages whose name, summary or description contains a term, ignoring case.
.TP
\fBprovides\fR, \fBwhatprovides\fR \fICAPABILITY\fR|\fIPATH\fR
Which packages supply a capability or a file (globs allowed in paths).
.TP
\fBcheck\-update\fR [\fISPEC\fR...]
Installed packages that have an upgrade.
.TP
\fBrepolist\fR [\fBenabled\fR|\fBdisabled\fR|\fBall\fR]
Repository id, name and status; enabled ones by default.
.TP
\fBrepoquery\fR [\fIOPTIONS\fR] [\fISPEC\fR]
Query the repositories and the system in the manner of \fBdnf repoquery\fR.
.TP
\fBmakecache\fR
Download fresh metadata for every enabled repository.
.TP
\fBclean\fR \fBpackages\fR|\fBmetadata\fR|\fBdbcache\fR|\fBkeys\fR|\fBexpire\-cache\fR|\fBall\fR
Delete cached data under the cache directory.
.TP
\fBhistory\fR [\fBlist\fR|\fBinit\fR|\fBupdate\fR|\fBundo\fR|\fBredo\fR|\fBrollback\fR] [\fIID\fR[\fB\-\fIID\fR]]
\fBlist\fR (default) shows past transactions; \fBinit\fR/\fBupdate\fR build the
database from the installed set; \fBundo\fR reverses transaction \fIID\fR,
\fBredo\fR repeats it, \fBrollback\fR returns to the state just after it.
.TP
\fBmark install\fR|\fBremove\fR \fISPEC\fR...
Record packages as user-installed, or as dependencies \fBautoremove\fR may take.
.TP
\fBupdateinfo\fR [\fBsummary\fR|\fBlist\fR|\fBinfo\fR]
Advisories that apply to installed packages.
.TP
\fBcheck\fR, \fBcheck\-local\fR \fIDIR\fR
Look for broken dependencies in the enabled repositories, or among local RPM files.
.TP
\fBreposync\fR
Mirror the packages (and optionally metadata) of repositories into a directory.
.TP
\fBcount\fR, \fBhelp\fR
Number of packages known; the usage summary.
.SH OPTIONS
.TP
\fB\-y\fR, \fB\-\-assumeyes\fR; \fB\-\-assumeno\fR
Answer the prompt with yes, or with no (error 1032), without asking.
.TP
\fB\-C\fR, \fB\-\-cacheonly\fR
Use only the cache; never download (error 1034 when it is empty).
.TP
\fB\-c\fR, \fB\-\-config\fR \fIFILE\fR
Read \fIFILE\fR instead of \fI/etc/tdnf/tdnf.conf\fR.
.TP
\fB\-q\fR, \fB\-\-quiet\fR; \fB\-v\fR, \fB\-\-verbose\fR; \fB\-d\fR, \fB\-\-debuglevel\fR \fILEVEL\fR
Less or more output.
.TP
\fB\-j\fR, \fB\-\-json\fR
Print one JSON document instead of the usual text.
.TP
\fB\-\-enablerepo\fR=\fIID\fR, \fB\-\-disablerepo\fR=\fIID\fR
Switch repositories on or off for this run; globs and comma lists work, applied in order.
.TP
\fB\-\-repo\fR=\fIID\fR, \fB\-\-repoid\fR=\fIID\fR; \fB\-\-repofrompath\fR=\fIID\fR,\fIPATH\fR
Use only these repositories; add a temporary one from a directory or URL.
.TP
\fB\-\-refresh\fR
Fetch metadata even when the cached copy has not expired.
.TP
\fB\-\-nogpgcheck\fR, \fB\-\-skipsignature\fR, \fB\-\-skipdigest\fR
Do not check package signatures, or digests.
.TP
\fB\-\-downloadonly\fR [\fB\-\-downloaddir\fR=\fIDIR\fR]
Download the transaction's packages without installing them.
.TP
\fB\-\-exclude\fR=\fIPKG\fR[,...]; \fB\-\-disableexcludes\fR
Hide packages for this run; ignore \fBexcludepkgs\fR from tdnf.conf.
.TP
\fB\-\-skip\-broken\fR, \fB\-\-skipconflicts\fR, \fB\-\-skipobsoletes\fR
Drop unresolvable packages; ignore conflicts; ignore obsoletes.
.TP
\fB\-\-allowerasing\fR, \fB\-\-best\fR, \fB\-\-noautoremove\fR, \fB\-\-nodeps\fR
Allow the solver to erase packages; insist on the newest builds; keep unneeded
dependencies on removal; ignore dependencies.
.TP
\fB\-\-security\fR, \fB\-\-sec\-severity\fR=\fILEVEL\fR, \fB\-\-reboot\-required\fR
Limit upgrades and updateinfo to security fixes, to a minimum CVSS severity, or
to advisories that need a reboot.
.TP
\fB\-\-installroot\fR=\fIDIR\fR, \fB\-\-releasever\fR=\fIVER\fR, \fB\-\-setopt\fR=\fIKEY\fR=\fIVALUE\fR
Work on another root; override \fB$releasever\fR; set a tdnf.conf key.
.TP
\fB\-\-noplugins\fR, \fB\-\-enableplugin\fR=\fINAME\fR, \fB\-\-disableplugin\fR=\fINAME\fR
Plugin control.
.TP
\fB\-\-testonly\fR, \fB\-\-debugsolver\fR, \fB\-\-rpmverbosity\fR=\fILEVEL\fR
Test the transaction without running it; dump solver data; RPM log level.
.TP
\fB\-\-version\fR, \fB\-h\fR, \fB\-\-help\fR
Print the version, or the usage summary.
.SS "repoquery, reposync and history options"
Selection: \fB\-\-available\fR, \fB\-\-installed\fR, \fB\-\-extras\fR,
\fB\-\-duplicates\fR, \fB\-\-upgrades\fR, \fB\-\-file\fR \fIPATH\fR, and
\fB\-\-whatprovides\fR, \fB\-\-whatrequires\fR, \fB\-\-whatdepends\fR,
\fB\-\-whatobsoletes\fR, \fB\-\-whatconflicts\fR, \fB\-\-whatrecommends\fR,
\fB\-\-whatsuggests\fR, \fB\-\-whatsupplements\fR, \fB\-\-whatenhances\fR, each
taking \fICAP\fR[,\fICAP\fR...]. Output: \fB\-\-list\fR (files), \fB\-\-requires\fR,
\fB\-\-requires\-pre\fR, \fB\-\-provides\fR, \fB\-\-conflicts\fR,
\fB\-\-obsoletes\fR, \fB\-\-depends\fR, \fB\-\-recommends\fR, \fB\-\-suggests\fR,
\fB\-\-supplements\fR, \fB\-\-enhances\fR, \fB\-\-changelogs\fR, \fB\-\-source\fR.
.PP
reposync: \fB\-\-arch\fR=\fIARCH\fR, \fB\-\-delete\fR, \fB\-\-download\-metadata\fR,
\fB\-\-download\-path\fR=\fIDIR\fR, \fB\-\-metadata\-path\fR=\fIDIR\fR,
\fB\-\-gpgcheck\fR, \fB\-\-newest\-only\fR, \fB\-\-norepopath\fR, \fB\-\-urls\fR.
history: \fB\-\-from\fR \fIID\fR, \fB\-\-to\fR \fIID\fR, \fB\-\-info\fR (list the
packages), \fB\-\-reverse\fR (newest first).
.SH "EXIT STATUS"
0 on success, and also when there was nothing to do (tdnf then says
\fBNothing to do.\fR on standard error). \fBcheck\-update\fR exits 100 when updates exist and
\fBdnf_check_update_compat\fR is set. Other failures print
\fBError(\fICODE\fB) : \fImessage\fR on standard error and exit with \fICODE\fR
modulo 256 (1011 gives 243). Common codes:
.TP
.B 900\-913
Command line: 908 unknown option, 909 missing argument, 912 unknown or missing
command, 903 \fBclean\fR without a type.
.TP
.B 1001, 1011, 1012
No package named; no matching packages; no repository enabled.
.TP
.B 1030, 1032, 1034, 1037
Protected package; answer was no; \fB\-C\fR with an empty cache; duplicate repository id.
.TP
.B 1201\-1299
A download failed; the code is 1201 plus curl's error number: 1207 host name
not resolved, 1208 no connection, 1229 timed out, 1238 unreadable \fBfile://\fR
URL. A repository with \fBskip_if_unavailable=1\fR is disabled instead.
.TP
.B 1301, 1474, 1525
Dependency problems (listed first); signing key not imported (use
\fBrpm \-\-import\fR or \fB\-\-nogpgcheck\fR); RPM transaction failed.
.TP
.B 1599, 1601
\fBsearch\fR found nothing; not root (system errors are 1600 plus errno).
.SH FILES
.TP
.I /etc/tdnf/tdnf.conf
Main configuration, see \fBtdnf.conf\fR(5).
.TP
.I /etc/yum.repos.d/*.repo
Repository definitions, see \fByum.repos.d\fR(5).
.TP
.I /etc/tdnf/protected.d/*.conf
Packages that must never be removed (tdnf itself by default).
.TP
.I /var/cache/tdnf/
Metadata, solver cache and downloaded packages, one directory per repository.
.TP
.I /usr/lib/sysimage/tdnf/history.db
Transaction history and the auto-installed marks.
.SH EXAMPLES
.nf
tdnf repolist all
tdnf \-\-enablerepo=photon\-extras list available
sudo tdnf install \-y wget
tdnf provides /usr/bin/ip
tdnf list installed 'python3*'
sudo tdnf update \-\-refresh
sudo tdnf history undo 3
tdnfj info nano
.fi
.SH "SEE ALSO"
\fBrpm\fR(8), \fBtdnf.conf\fR(5), \fByum.repos.d\fR(5)
`;
