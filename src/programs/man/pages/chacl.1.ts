export default String.raw`.TH CHACL 1 "Copyright Silicon Graphics" "Access Control Lists"
.SH NAME
chacl \- set, list or remove whole access control lists, IRIX style
.SH SYNOPSIS
.B chacl
\fIacl\fR \fIpathname\fR...
.br
.B chacl \-b
\fIacl\fR \fIdacl\fR \fIpathname\fR...
.br
.B chacl \-d
\fIdacl\fR \fIpathname\fR...
.br
.B chacl
\fB\-R\fR | \fB\-D\fR | \fB\-B\fR | \fB\-l\fR \fIpathname\fR...
.br
.B chacl \-r
\fIacl\fR \fIpathname\fR...
.SH DESCRIPTION
.B chacl
replaces a file's whole access ACL with \fIacl\fR, written in the short form
\fBu::rwx,g::r\-x,o::r\-\-,u:\fIname\fB:r\-x,m::r\-x\fR (every base entry given,
and a mask when there are named entries). \fB\-b\fR also sets a directory's
default ACL to \fIdacl\fR, \fB\-d\fR sets only that. \fB\-l\fR lists each file's
ACLs on one line, the default one after a slash. \fB\-R\fR removes the access
ACL (the mode stays), \fB\-D\fR the default one, \fB\-B\fR both. \fB\-r\fR also
sets the ACL on the entries of each directory named.
.PP
For everyday work, \fBsetfacl\fR and \fBgetfacl\fR are easier.
.SH SEE ALSO
.BR setfacl (1),
.BR getfacl (1)
`;
