export default String.raw`.TH LSATTR 1 "December 2021" "E2fsprogs version 1.46.5"
.SH NAME
lsattr \- list the attribute flags of files on a Linux file system
.SH SYNOPSIS
.B lsattr
[
.B \-RVadlpv
]
[
.I files...
]
.SH DESCRIPTION
.B lsattr
shows, for each file named, the inode attribute flags that
.BR chattr (1)
changes, one letter per flag in a fixed order, with a dash for each flag that
is not set. A directory named on the command line has its entries listed
instead of itself; with no file at all, the entries of the current directory
are listed. Only regular files and directories carry flags; anything else, and
any file on a file system without them (such as /proc), is reported as not
supported.
.SH OPTIONS
.TP
.B \-R
Go down into the directories found, listing their entries too.
.TP
.B \-V
Print the program's version on standard error first.
.TP
.B \-a
Include the entries whose names begin with a dot.
.TP
.B \-d
List a directory itself rather than what it contains.
.TP
.B \-l
Write the flags out by name, after the file name.
.TP
.B \-p
Show each file's project number before its flags.
.TP
.B \-v
Show each file's version (generation) number before its flags.
.SH EXIT STATUS
0 when every file was listed, 1 when any could not be.
.SH SEE ALSO
.BR chattr (1)
`;
