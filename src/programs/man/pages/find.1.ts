export default String.raw`.TH FIND 1 "2022-02" "GNU findutils 4.9.0" "User Commands"
.SH NAME
find \- search directory trees for files
.SH SYNOPSIS
.B find
[\fB\-H\fR] [\fB\-L\fR] [\fB\-P\fR] [\fB\-D\fR \fIdebugopts\fR] [\fB\-O\fIlevel\fR] [\fIstarting\-point\fR...] [\fIexpression\fR]
.SH DESCRIPTION
.B find
walks the directory tree below each
.I starting\-point
(the current directory if none is given) and evaluates the
.I expression
for every file it meets, from left to right, until the result is known.
Files for which the whole expression is true are acted on; if the expression
contains no action other than
.BR \-prune ,
.B \-print
is applied to them.
.PP
The expression is made of
.I options
(which affect the whole search and are always true),
.I tests
(which are true or false for a file) and
.I actions
(which do something and also return a value), joined by operators.
Two items written one after the other are joined by an implicit
.BR \-and .
.PP
Numeric arguments
.I N
may be written
.BI + N
(more than
.IR N ),
.BI \- N
(less than
.IR N )
or
.I N
(exactly
.IR N ).
.SH OPTIONS
.TP
.B \-P
Never follow symbolic links (the default); a link is examined as itself.
.TP
.B \-L
Follow symbolic links everywhere; tests see the file a link points to.
.TP
.B \-H
Follow symbolic links only when they are given as starting points.
.TP
.BI \-D " debugopts"
Print diagnostics; \fB\-D help\fR lists the kinds
.RB ( exec ", " opt ", " rates ", " search ", " stat ", " time ", " tree ", " all ).
.TP
.BI \-O level
Choose how much the expression may be reordered for speed (0 to 3).
.SS "Global options"
.TP
.BI \-maxdepth " levels"
Descend at most
.I levels
directories below the starting points;
.B "\-maxdepth 0"
tests only the starting points themselves.
.TP
.BI \-mindepth " levels"
Do not apply tests or actions at depths smaller than
.IR levels .
.TP
.B \-depth
Process the contents of a directory before the directory itself
(implied by
.BR \-delete ).
.TP
.BR \-xdev ", " \-mount
Stay on the file system of each starting point.
.TP
.BI \-files0\-from " file"
Read the starting points from
.IR file ,
each ended by a NUL byte.
.TP
.BR \-noleaf ", " \-ignore_readdir_race ", " \-noignore_readdir_race
Accepted for compatibility.
.SS "Positional options"
.TP
.B \-daystart
Measure times for
.BR \-amin ", " \-atime ", " \-cmin ", " \-ctime ", " \-mmin " and " \-mtime
from the start of today rather than from 24 hours ago.
.TP
.B \-follow
Old form of
.BR \-L .
.TP
.BI \-regextype " type"
Choose the regular expression syntax of
.B \-regex
and
.B \-iregex
(for example
.BR emacs ", the default, " posix\-extended " or " posix\-basic ).
.TP
.BR \-warn ", " \-nowarn
Turn warnings about the command line on or off.
.SS Tests
.TP
.BI \-name " pattern" "\fR, \fB\-iname" " pattern"
The base name of the file matches the shell wildcard
.I pattern
(quote it so the shell does not expand it);
.B \-iname
ignores case.
.TP
.BI \-path " pattern" "\fR, \fB\-ipath" " pattern"
The whole path as printed matches
.IR pattern ;
.B \-wholename
and
.B \-iwholename
are synonyms.
.TP
.BI \-regex " pattern" "\fR, \fB\-iregex" " pattern"
The whole path matches the regular expression
.IR pattern .
.TP
.BI \-lname " pattern" "\fR, \fB\-ilname" " pattern"
The file is a symbolic link whose target matches
.IR pattern .
.TP
.BI \-type " c"
The file is of type
.IR c :
.B f
regular file,
.B d
directory,
.B l
symbolic link,
.B b
block device,
.B c
character device,
.B p
FIFO,
.B s
socket. Several types may be given separated by commas.
.B \-xtype
tests the type of the file a link points to.
.TP
.BI \-size " N" \fR[\fBbckwMG\fR]
The file uses
.I N
units of space (rounded up): 512\-byte blocks by default, or bytes
.RB ( c ),
kibibytes
.RB ( k ),
two\-byte words
.RB ( w ),
mebibytes
.RB ( M )
or gibibytes
.RB ( G ).
.TP
.B \-empty
The file is an empty regular file or an empty directory.
.TP
.BI \-mtime " N" "\fR, \fB\-atime" " N" "\fR, \fB\-ctime" " N"
The file was modified, accessed, or had its status changed
.I N
days ago (fractions are dropped, so
.B "\-mtime +7"
means at least 8 days).
.TP
.BI \-mmin " N" "\fR, \fB\-amin" " N" "\fR, \fB\-cmin" " N"
The same, counted in minutes.
.TP
.BI \-newer " file"
The file was modified more recently than
.IR file .
.BR \-anewer ", " \-cnewer " and " \-newer\fIXY\fR
compare other timestamps.
.TP
.BI \-used " N"
The file was accessed
.I N
days after its status last changed.
.TP
.BI \-user " name" "\fR, \fB\-uid" " N"
The file is owned by this user.
.TP
.BI \-group " name" "\fR, \fB\-gid" " N"
The file belongs to this group.
.TP
.BR \-nouser ", " \-nogroup
The file's owner or group does not exist in the account database.
.TP
.BI \-perm " mode"
The permission bits are exactly
.IR mode ;
.BI \-perm " \-mode"
requires all of those bits to be set, and
.BI \-perm " /mode"
any of them. The mode may be octal or symbolic (\fBu+s\fR).
.TP
.BR \-readable ", " \-writable ", " \-executable
The current user may read, write or execute (search) the file.
.TP
.BI \-inum " N" "\fR, \fB\-links" " N"
The file has inode number
.I N
or
.I N
hard links.
.TP
.BI \-fstype " type"
The file is on a file system of this type.
.TP
.BI \-context " pattern"
The security context matches (always false without SELinux).
.TP
.BR \-true ", " \-false
Always true, always false.
.SS Actions
.TP
.B \-print
Print the path followed by a newline.
.B \-print0
ends it with a NUL byte instead, for
.BR "xargs \-0" .
.TP
.BI \-printf " format"
Print
.I format
with escapes such as
.B \en
and directives such as
.B %p
(path),
.B %f
(base name),
.B %s
(size),
.B %u
(owner),
.B %m
(octal mode) and
.B %t
(modification time).
.TP
.B \-ls
List the file in the format of
.BR "ls \-dils" .
.TP
.BI \-fprint " file" "\fR, \fB\-fprint0" " file" "\fR, \fB\-fprintf" " file format" "\fR, \fB\-fls" " file"
Like the actions above, but write to
.IR file .
.TP
.B \-delete
Remove the file or empty directory. Test the expression with
.B \-print
first: placed before the tests,
.B \-delete
removes everything below the starting points.
.TP
.BI \-exec " command " ;
Run
.I command
for the file;
.B {}
in it is replaced by the path and the
.B ;
must be quoted or escaped. True if the command exits with 0.
.TP
.BI \-exec " command " "{} +"
Run
.I command
once for many files, appending their paths.
.TP
.BI \-execdir " command " ; "\fR, \fB\-execdir" " command " "{} +"
Like
.BR \-exec ,
but run from the directory holding the file.
.TP
.BI \-ok " command " ; "\fR, \fB\-okdir" " command " ;
Like
.B \-exec
and
.BR \-execdir ,
but ask for confirmation first.
.TP
.B \-prune
If the file is a directory, do not descend into it.
.TP
.B \-quit
Stop at once.
.SS Operators
In decreasing precedence:
.BI ( " expr " )
(quote the parentheses),
.BI ! " expr"
or
.BI \-not " expr" \fR,
.I expr1 expr2
or
.I expr1
.B \-a
.I expr2
or
.B \-and\fR,
.I expr1
.B \-o
.I expr2
or
.BR \-or ,
and
.IB expr1 , " expr2"
(both evaluated, the value is the second).
.SH "EXIT STATUS"
0 when every file was processed successfully, greater than 0 when an error
occurred (for example an unreadable directory).
.SH EXAMPLES
.TP
.B "find /var/log \-name '*.log' \-mtime +7"
List log files not modified for more than a week.
.TP
.B "find / \-xdev \-type f \-size +100M"
Look for files larger than 100 MiB on the root file system.
.TP
.B "find /usr/bin /usr/sbin \-perm \-4000 \-type f"
List the set\-user\-ID programs.
.TP
.B "find /home \-nouser \-ls"
Show files left behind by deleted accounts.
.TP
.B "find /tmp \-type f \-name '*.tmp' \-print0 | xargs \-0 rm \-f"
Remove temporary files, whatever characters their names contain.
.SH "SEE ALSO"
.BR xargs (1),
.BR locate (1),
.BR ls (1),
.BR grep (1),
.BR stat (1)
`;
