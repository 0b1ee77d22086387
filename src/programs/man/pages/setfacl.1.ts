export default String.raw`.TH SETFACL 1 "Copyright Andreas Gruenbacher" "May 2000" "Access Control Lists"
.SH NAME
setfacl \- change the access control lists of files
.SH SYNOPSIS
.B setfacl
[\fB\-bkndRLPvh\fR] [{\fB\-m\fR|\fB\-x\fR} \fIacl_spec\fR] [{\fB\-M\fR|\fB\-X\fR} \fIacl_file\fR] \fIfile\fR ...
.br
.B setfacl
\fB\-\-restore\fR=\fIfile\fR
.SH DESCRIPTION
An ACL gives rights to named users and groups beyond the owner, the owning
group and others. Entries are written \fBuser:\fIname\fB:\fIrights\fR,
\fBgroup:\fIname\fB:\fIrights\fR, \fBmask::\fIrights\fR and
\fBother::\fIrights\fR (\fBu\fR, \fBg\fR, \fBm\fR and \fBo\fR for short;
an empty name means the owner or the owning group), with rights made of
\fBr\fR, \fBw\fR, \fBx\fR and \fB\-\fR, or a digit. \fBX\fR gives execute
only to directories and to files someone may already execute. A \fBd:\fR or
\fBdefault:\fR in front names an entry of a directory's default ACL, which
new files and directories in it take.
.PP
The mask limits what named users and groups (and the owning group) get; it
is recalculated after each change unless one was given or \fB\-n\fR says not
to. Options apply to the files named after them, in order.
.SH OPTIONS
.TP
.BR \-m ", " \-\-modify =\fIacl\fR
Add the entries, or change their rights.
.TP
.BR \-M ", " \-\-modify\-file =\fIfile\fR
The same, with entries read from \fIfile\fR (\fB\-\fR: standard input).
.TP
.BR \-x ", " \-\-remove =\fIacl\fR
Remove the entries (given without rights).
.TP
.BR \-X ", " \-\-remove\-file =\fIfile\fR
The same, with entries read from \fIfile\fR.
.TP
.BR \-b ", " \-\-remove\-all
Remove every entry beyond the three the mode stands for, and the default ACL.
.TP
.BR \-k ", " \-\-remove\-default
Remove the default ACL.
.TP
.BR \-\-set =\fIacl\fR
Replace the ACL by the one given.
.TP
.BR \-\-set\-file =\fIfile\fR
The same, read from \fIfile\fR.
.TP
.B \-\-mask
Recalculate the mask even when one was given.
.TP
.BR \-n ", " \-\-no\-mask
Do not recalculate the mask.
.TP
.BR \-d ", " \-\-default
The entries given are for the default ACL.
.TP
.BR \-R ", " \-\-recursive
Go into directories.
.TP
.BR \-L ", " \-\-logical
Follow every symbolic link met.
.TP
.BR \-P ", " \-\-physical
Follow no symbolic link.
.TP
.BR \-\-restore =\fIfile\fR
Put back the ACLs (and owners and flags) saved with \fBgetfacl \-R\fR.
.TP
.B \-\-test
Show what the ACLs would become; change nothing.
.TP
.BR \-v ", " \-\-version
Show the version.
.TP
.BR \-h ", " \-\-help
Show the options.
.SH EXAMPLES
.nf
setfacl \-m u:alice:rw report.txt
setfacl \-d \-m g:devs:rwx /srv/shared
setfacl \-x u:alice report.txt
setfacl \-b report.txt
.fi
.SH SEE ALSO
.BR getfacl (1),
.BR chmod (1)
`;
