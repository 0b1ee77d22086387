export default String.raw`.TH TAR 1 "" "GNU tar 1.34" "User Commands"
.\" Written for this simulator; describes the GNU tar 1.34 options it supports.
.SH NAME
tar \- create, list, extract and append to tape archives
.SH SYNOPSIS
\fBtar\fR \fB\-c\fR|\fB\-t\fR|\fB\-x\fR|\fB\-r\fR [\fIOPTIONS\fR] [\fB\-f\fR \fIARCHIVE\fR] [\fIFILE\fR...]
.br
\fBtar\fR \fIletters\fR [\fIARGS\fR...]    (traditional form: \fBtar czf site.tgz www\fR)
.SH DESCRIPTION
\fBtar\fR keeps many files, with their directories, permissions, owners,
times and links, in one archive file, and gets them back out again. It writes
GNU-format archives by default and reads GNU, ustar and v7 ones. Compression
is done by a separate program such as \fBgzip\fR(1) that tar runs for you;
when reading, a compressed archive is recognised without any option.
.PP
Exactly one operation must be chosen. Options can be clustered
(\fB\-xvzf\fR), long options may be shortened while unambiguous, and in the
traditional form the first word is a bundle of letters without a dash whose
arguments (\fBf\fR, \fBC\fR, \fBT\fR, \fBX\fR and so on) follow in the same order.
Member names are stored relative: tar warns and drops a leading \fB/\fR
unless \fB\-P\fR is given, and refuses to extract members whose names
contain \fB..\fR.
.SH OPERATIONS
.TP
\fB\-c\fR, \fB\-\-create\fR
Write a new archive from the named files, descending into directories.
An empty file list is refused.
.TP
\fB\-t\fR, \fB\-\-list\fR
List the members, or only those matching the names given.
.TP
\fB\-x\fR, \fB\-\-extract\fR, \fB\-\-get\fR
Extract all members, or only those named, into the current directory.
.TP
\fB\-r\fR, \fB\-\-append\fR
Add files to the end of an uncompressed archive file.
.TP
\fB\-u\fR, \fB\-\-update\fR; \fB\-d\fR, \fB\-\-diff\fR; \fB\-\-delete\fR; \fB\-A\fR, \fB\-\-catenate\fR; \fB\-\-test\-label\fR
Add only newer files, compare the archive with the file system, delete
members, join archives, test the volume label. (This system's tar reports
these as not supported.)
.SH OPTIONS
.TP
\fB\-f\fR, \fB\-\-file\fR \fIARCHIVE\fR
The archive file; \fB\-\fR means standard input or output. Without \fB\-f\fR
tar uses \fB$TAPE\fR, else standard input/output.
.TP
\fB\-v\fR, \fB\-\-verbose\fR
List the files processed; twice (\fB\-vv\fR, or \fB\-tv\fR) shows mode, owner,
size and date like \fBls \-l\fR.
.TP
\fB\-z\fR, \fB\-\-gzip\fR; \fB\-j\fR, \fB\-\-bzip2\fR; \fB\-J\fR, \fB\-\-xz\fR; \fB\-\-zstd\fR; \fB\-Z\fR, \fB\-\-compress\fR
Filter the archive through that compressor.
\fB\-I\fR, \fB\-\-use\-compress\-program\fR=\fIPROG\fR names any other.
.TP
\fB\-a\fR, \fB\-\-auto\-compress\fR
Choose the compressor from the archive suffix (\fB.tar.gz\fR, \fB.tgz\fR, \fB.tar.xz\fR, ...).
.TP
\fB\-C\fR, \fB\-\-directory\fR \fIDIR\fR
Change to \fIDIR\fR first; with \fB\-c\fR it applies to the names after it.
.TP
\fB\-T\fR, \fB\-\-files\-from\fR \fIFILE\fR; \fB\-\-null\fR
Read names to archive or extract from \fIFILE\fR, one per line (NUL-separated with \fB\-\-null\fR).
.TP
\fB\-\-exclude\fR=\fIPATTERN\fR; \fB\-X\fR, \fB\-\-exclude\-from\fR \fIFILE\fR
Skip files matching a shell pattern, or any pattern listed in \fIFILE\fR.
\fB\-\-exclude\-vcs\fR skips version-control directories, \fB\-\-exclude\-backups\fR editor backups.
.TP
\fB\-\-wildcards\fR, \fB\-\-no\-wildcards\fR, \fB\-\-anchored\fR, \fB\-\-ignore\-case\fR
How member names given to \fB\-t\fR and \fB\-x\fR are matched.
.TP
\fB\-\-no\-recursion\fR
Do not descend into directories.
.TP
\fB\-h\fR, \fB\-\-dereference\fR
Archive the files symbolic links point to instead of the links.
.TP
\fB\-P\fR, \fB\-\-absolute\-names\fR
Keep leading \fB/\fR and \fB..\fR in member names.
.TP
\fB\-\-remove\-files\fR
Delete files once they are in the archive.
.TP
\fB\-O\fR, \fB\-\-to\-stdout\fR
Extract file contents to standard output.
.TP
\fB\-k\fR, \fB\-\-keep\-old\-files\fR; \fB\-\-skip\-old\-files\fR; \fB\-\-overwrite\fR; \fB\-U\fR, \fB\-\-unlink\-first\fR
When a file exists: fail, skip it silently, overwrite it, or remove it before extracting.
.TP
\fB\-\-strip\-components\fR=\fIN\fR
Drop the first \fIN\fR directory levels from member names when extracting.
.TP
\fB\-p\fR, \fB\-\-preserve\-permissions\fR; \fB\-\-same\-owner\fR, \fB\-\-no\-same\-owner\fR; \fB\-\-numeric\-owner\fR
Restore exact modes (the default for root); restore owners (the default for
root); use numeric ids rather than names.
.TP
\fB\-m\fR, \fB\-\-touch\fR
Give extracted files the current time instead of the archived one.
.TP
\fB\-\-no\-overwrite\-dir\fR
Keep the metadata of existing directories.
.TP
\fB\-\-full\-time\fR, \fB\-\-utc\fR
In verbose listings, show seconds, or times in UTC.
.TP
\fB\-H\fR, \fB\-\-format\fR=\fBgnu\fR|\fBoldgnu\fR|\fBustar\fR|\fBv7\fR
Archive format for \fB\-c\fR (\fBposix\fR is not available here).
.TP
\fB\-b\fR, \fB\-\-blocking\-factor\fR \fIN\fR; \fB\-\-record\-size\fR=\fIBYTES\fR
Record size in 512-byte blocks (default 20).
.TP
\fB\-i\fR, \fB\-\-ignore\-zeros\fR
Keep reading past end-of-archive blocks (concatenated archives).
.TP
\fB\-\-sort\fR=\fBname\fR|\fBnone\fR
Order of directory entries in a new archive.
.TP
\fB\-\-ignore\-failed\-read\fR
Do not fail because a file could not be read.
.TP
\fB\-\-help\fR, \fB\-\-usage\fR, \fB\-\-version\fR
Print help, a short usage summary, or the version.
.SH "EXIT STATUS"
.TP
.B 0
Success.
.TP
.B 1
Some files differ or changed while being archived.
.TP
.B 2
A fatal error, or any error such as a missing file (tar finishes the rest
and then says \fBExiting with failure status due to previous errors\fR); also
usage errors like two operations at once.
.TP
.B 64
The command line could not be parsed (unknown option, missing argument).
.SH EXAMPLES
.nf
tar \-czf etc\-backup.tar.gz \-C / etc/ssh etc/tdnf
tar \-tvf etc\-backup.tar.gz
tar \-xzf etc\-backup.tar.gz \-C /tmp/restore
tar xf app.tar \-\-strip\-components=1 app/bin
tar \-cf \- logs | gzip \-9 > logs.tar.gz
.fi
.SH "SEE ALSO"
\fBgzip\fR(1), \fBfind\fR(1), \fBcpio\fR(1)
`;
