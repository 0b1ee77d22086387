export default String.raw`.TH TOUCH 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
touch \- change file timestamps
.SH SYNOPSIS
.B touch
[\fIOPTION\fR]... \fIFILE\fR...
.SH DESCRIPTION
.B touch
sets the access and modification times of each
.I FILE
to the current time, or to a time given by an option.
A
.I FILE
that does not exist is created empty, unless
.B \-c
or
.B \-h
is given.
A
.I FILE
of
.B \-
changes the file open on standard output.
.SH OPTIONS
.TP
.B \-a
Change only the access time.
.TP
.BR \-c ", " \-\-no\-create
Do not create missing files.
.TP
.BR \-d ", " \-\-date =\fISTRING\fR
Use the time
.I STRING
describes, such as
.BR "2024\-01\-15 10:30" ,
.BR yesterday ,
.B @1700000000
or
.BR "2 hours ago" .
.TP
.B \-f
Ignored.
.TP
.BR \-h ", " \-\-no\-dereference
Change a symbolic link itself rather than the file it points to.
.TP
.B \-m
Change only the modification time.
.TP
.BR \-r ", " \-\-reference =\fIFILE\fR
Use the times of
.I FILE
instead of now.
.TP
.BI \-t " STAMP"
Use
.IR STAMP ,
written
.RI [[ CC ] YY ] MMDDhhmm [. ss ],
instead of now.
.TP
.BR \-\-time =\fIWORD\fR
.BR access ", " atime " or " use
are the same as
.BR \-a ;
.BR modify " or " mtime
the same as
.BR \-m .
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 when a file could not be changed or created.
.SH EXAMPLES
.TP
.B "touch /etc/motd"
Creates the file if it is missing, or marks it as changed now.
.TP
.B "touch \-d '2 days ago' old.log"
Backdates a file, for example to test a clean-up job.
.SH "SEE ALSO"
.BR stat (1),
.BR date (1),
.BR ls (1)
`;
