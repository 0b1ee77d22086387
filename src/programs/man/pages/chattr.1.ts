export default String.raw`.TH CHATTR 1 "December 2021" "E2fsprogs version 1.46.5"
.SH NAME
chattr \- change the attribute flags of files on a Linux file system
.SH SYNOPSIS
.B chattr
[
.B \-RVf
]
[
.B \-v
.I version
]
[
.B \-p
.I project
]
[
.I mode
]
.I files...
.SH DESCRIPTION
.B chattr
changes the inode attribute flags of the files named. A
.I mode
is a sign followed by flag letters:
.B +
turns the flags on,
.B \-
turns them off, and
.B =
makes them the only flags the file has. Several
.B +
and
.B \-
words may be given together, but not with
.BR = .
Options and modes are read until the first word that begins with none of
.BR \- ,
.B +
or
.BR = ,
or until
.BR \-\- .
.PP
The letters are
.B a
(append only),
.B A
(no access time updates),
.B c
(compress),
.B C
(no copy on write),
.B d
(not for dump),
.B D
(synchronous directory updates),
.B e
(extents),
.B F
(case-insensitive directory),
.B i
(immutable),
.B j
(journal the data),
.B m
(do not compress),
.B P
(project hierarchy),
.B s
(secure deletion),
.B S
(synchronous updates),
.B t
(no tail merging),
.B T
(top of directory hierarchies),
.B u
(undeletable) and
.B x
(direct access).
.PP
An immutable file cannot be written, truncated, removed, renamed or linked to,
and its mode, owner and times stay as they are, even for root; an immutable
directory gets no new entries and loses none. An append-only file can only be
opened for appending; an append-only directory gains entries but loses none.
Only root may set or clear these two flags, and only the owner (or root) may
change any flag of a file. Each file system keeps the flags it supports and
refuses or ignores the others: ext4 keeps most of them, tmpfs only
.BR a ,
.BR A ,
.B d
and
.BR i .
.SH OPTIONS
.TP
.B \-R
Change the entries of directories too, all the way down.
.TP
.B \-V
Say what each file's flags become, and print the version first.
.TP
.B \-f
Do not report most failures.
.TP
.BI \-v " version"
Set the files' version (generation) number.
.TP
.BI \-p " project"
Set the files' project number.
.SH EXIT STATUS
0 when every change was made, 1 otherwise.
.SH SEE ALSO
.BR lsattr (1)
`;
