export default String.raw`.TH GETFACL 1 "Copyright Andreas Gruenbacher" "May 2000" "Access Control Lists"
.SH NAME
getfacl \- show the access control lists of files
.SH SYNOPSIS
.B getfacl
[\fB\-aceEsRLPtpndvh\fR] \fIfile\fR ...
.SH DESCRIPTION
For each file,
.B getfacl
shows its name, owner and group, then its access ACL and, for a directory,
its default ACL. A file without an ACL shows the three entries its mode
stands for. Where the mask takes rights away from an entry, the rights that
remain follow it as an \fB#effective:\fR comment.
.PP
A leading \fB/\fR is taken off the names shown (once, with a warning), so the
output can be given to \fBsetfacl \-\-restore\fR from another directory. The
name \fB\-\fR reads file names from standard input, one a line.
.SH OPTIONS
.TP
.BR \-a ", " \-\-access
Only the access ACL.
.TP
.BR \-d ", " \-\-default
Only the default ACL.
.TP
.BR \-c ", " \-\-omit\-header
Leave out the comment lines.
.TP
.BR \-e ", " \-\-all\-effective
An \fB#effective:\fR comment on every entry the mask applies to.
.TP
.BR \-E ", " \-\-no\-effective
No \fB#effective:\fR comments.
.TP
.BR \-s ", " \-\-skip\-base
Leave out files whose ACL is only their mode.
.TP
.BR \-R ", " \-\-recursive
Go into directories.
.TP
.BR \-L ", " \-\-logical
Follow every symbolic link met.
.TP
.BR \-P ", " \-\-physical
Follow no symbolic link, not even those named.
.TP
.BR \-t ", " \-\-tabular
A table: access and default rights side by side, rights the mask takes away in capitals.
.TP
.BR \-n ", " \-\-numeric
User and group numbers instead of names.
.TP
.BR \-p ", " \-\-absolute\-names
Keep a leading \fB/\fR.
.TP
.BR \-v ", " \-\-version
Show the version.
.TP
.BR \-h ", " \-\-help
Show the options.
.SH SEE ALSO
.BR setfacl (1),
.BR acl (5)
`;
