export default String.raw`.TH RPM 8 "" "rpm 4.18" "Photon OS"
.\" Written for this simulator; describes rpm 4.18 as Photon OS 5.0 ships it.
.SH NAME
rpm \- query, verify, install and erase RPM packages
.SH SYNOPSIS
\fBrpm\fR {\fB\-q\fR|\fB\-\-query\fR} [\fIselect\fR] [\fIquery\-options\fR] [\fIpackage\fR...]
.br
\fBrpm\fR {\fB\-V\fR|\fB\-\-verify\fR} [\fB\-a\fR|\fB\-f\fR \fIfile\fR|\fIpackage\fR...]
.br
\fBrpm\fR {\fB\-e\fR|\fB\-\-erase\fR} [\fB\-\-nodeps\fR] \fIpackage\fR...
.br
\fBrpm\fR \fB\-\-import\fR \fIkeyfile\fR...
.br
\fBrpm\fR {\fB\-i\fR|\fB\-U\fR|\fB\-F\fR} [\fIinstall\-options\fR] \fIfile.rpm\fR...
.SH DESCRIPTION
\fBrpm\fR works directly on the RPM database, the record of every package
installed on the system with its files, dependencies and scripts. It does
not fetch anything or resolve dependencies by itself; on Photon OS that is
the job of \fBtdnf\fR(8), which writes to the same database. Use rpm to ask
what is installed, which package owns a file, whether installed files were
changed, and to remove a package or import a signing key.
.PP
A \fIpackage\fR argument is an installed name, optionally followed by
\fB\-\fIversion\fR, \fB\-\fIrelease\fR and \fB.\fIarch\fR (\fBbash\fR,
\fBbash\-5.2\-1.ph5.x86_64\fR).
.SH "QUERY MODE"
\fBrpm \-q\fR prints one \fIname\-version\-release.arch\fR line per package,
or \fBpackage\fR \fIname\fR \fBis not installed\fR.
.TP
\fB\-a\fR, \fB\-\-all\fR [\fIglob\fR...]
All installed packages, or those whose name matches a glob (\fBrpm \-qa 'lib*'\fR).
.TP
\fB\-f\fR, \fB\-\-file\fR \fIfile\fR...
The package owning each file (or \fBfile\fR ... \fBis not owned by any package\fR).
.TP
\fB\-p\fR \fIfile.rpm\fR; \fB\-\-whatprovides\fR \fIcap\fR; \fB\-\-whatrequires\fR \fIcap\fR
Query a package file, or the packages providing or needing a capability.
.TP
\fB\-i\fR, \fB\-\-info\fR
Name, version, release, architecture, install date, size, licence, source
package, URL, summary and description.
.TP
\fB\-l\fR, \fB\-\-list\fR
Every file the package owns.
.TP
\fB\-c\fR, \fB\-\-configfiles\fR; \fB\-d\fR, \fB\-\-docfiles\fR
Only configuration files; only documentation files.
.TP
\fB\-R\fR, \fB\-\-requires\fR; \fB\-\-provides\fR
The capabilities the package needs; those it offers.
.TP
\fB\-\-changelog\fR
The package's change log.
.TP
\fB\-s\fR, \fB\-\-state\fR
List the files with the state of each (\fBnormal\fR for an installed file).
.TP
\fB\-\-qf\fR, \fB\-\-queryformat\fR \fIformat\fR
Print header tags in a format such as \fB'%{NAME} %{VERSION}\en'\fR instead
of the name line. \fB%\-20{NAME}\fR pads a field, \fB%{INSTALLTIME:date}\fR
and \fB:day\fR, \fB:hex\fR, \fB:octal\fR, \fB:perms\fR, \fB:humaniec\fR,
\fB:shescape\fR choose how a value is shown, \fB[%{FILENAMES}\en]\fR
repeats for each element of an array tag (\fB%{=NAME}\fR keeps the first
element, \fB%{#FILENAMES}\fR counts them), and
\fB%|EPOCH?{%{EPOCH}}:{none}|\fR depends on whether a tag is present. A tag
the package lacks prints \fB(none)\fR; a tag rpm does not know is an
\fBincorrect format\fR error.
.TP
\fB\-\-last\fR
Packages newest first, with their install dates.
.TP
\fB\-\-filesbypkg\fR
Each file preceded by the name of its package.
.SH "VERIFY MODE"
\fBrpm \-V\fR compares installed files with what the database recorded and
prints nothing for a file that is intact. Otherwise the line shows nine
columns, a type marker (\fBc\fR config, \fBd\fR documentation) and the path.
Each column is \fB.\fR when that test passed, or a letter:
\fBS\fR size, \fBM\fR mode or type, \fB5\fR content digest, \fBD\fR device,
\fBL\fR symlink target, \fBU\fR owner, \fBG\fR group, \fBT\fR modification
time, \fBP\fR capabilities. A file that is gone shows as \fBmissing\fR.
Unmet dependencies of the package are reported first. \fBrpm \-Va\fR checks
every package.
.SH "ERASE MODE"
\fBrpm \-e\fR removes packages: it stops any systemd units they ship, deletes
their files (except those another package also owns) and drops them from the
database. A configuration file that was edited is kept as
\fIfile\fB.rpmsave\fR. If other installed packages need something only the
erased ones provide, rpm prints \fBFailed dependencies\fR and does nothing;
\fB\-\-nodeps\fR skips that check. \fB\-\-test\fR only checks.
.SH "IMPORTING KEYS"
\fBrpm \-\-import\fR \fIkeyfile\fR reads an ASCII-armoured public key and
stores it in the database as a \fBgpg\-pubkey\fR pseudo-package, which
\fBrpm \-q gpg\-pubkey\fR lists. Photon's keys are in \fI/etc/pki/rpm\-gpg\fR.
.SH "INSTALL AND UPGRADE MODES"
\fB\-i\fR/\fB\-\-install\fR adds packages from \fI.rpm\fR files,
\fB\-U\fR/\fB\-\-upgrade\fR installs or replaces older versions,
\fB\-F\fR/\fB\-\-freshen\fR upgrades only what is installed. Common options:
\fB\-v\fR, \fB\-h\fR/\fB\-\-hash\fR (progress marks), \fB\-\-nodeps\fR,
\fB\-\-force\fR, \fB\-\-test\fR, \fB\-\-nosignature\fR, \fB\-\-nodigest\fR.
Dependencies are not fetched: prefer \fBtdnf install\fR.
.SH "GENERAL OPTIONS"
.TP
\fB\-v\fR, \fB\-\-verbose\fR; \fB\-\-quiet\fR
More or fewer messages.
.TP
\fB\-\-root\fR \fIdir\fR, \fB\-\-dbpath\fR \fIdir\fR
Work on another root or database.
.TP
\fB\-\-rebuilddb\fR
Rebuild the database indexes.
.TP
\fB\-\-version\fR
Print \fBRPM version 4.18.2\fR and exit.
.SH "EXIT STATUS"
0 when everything asked for succeeded. Non-zero when a package was not
installed, a file was not owned, \fB\-V\fR found differences, an erase was
refused, a key could not be read, or an option was unknown. Without a mode
rpm prints a usage line and exits 1.
.SH FILES
.TP
.I /var/lib/rpm/
The RPM database (\fIrpmdb.sqlite\fR) and its lock.
.TP
.I /etc/pki/rpm\-gpg/
Photon's package signing keys.
.SH EXAMPLES
.nf
rpm \-qa | sort
rpm \-qi openssh\-server
rpm \-qf /usr/bin/ls
rpm \-ql tdnf
rpm \-V openssh\-server
sudo rpm \-e wget
sudo rpm \-\-import /etc/pki/rpm\-gpg/VMWARE\-RPM\-GPG\-KEY
.fi
.SH "SEE ALSO"
\fBtdnf\fR(8), \fBtdnf.conf\fR(5)
`;
