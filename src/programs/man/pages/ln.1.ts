export default String.raw`.TH LN 1 "April 2022" "GNU coreutils 9.1" "User Commands"
.SH NAME
ln \- make links between files
.SH SYNOPSIS
.B ln
[\fIOPTION\fR]... [\fB\-T\fR] \fITARGET LINK_NAME\fR
.br
.B ln
[\fIOPTION\fR]... \fITARGET\fR
.br
.B ln
[\fIOPTION\fR]... \fITARGET\fR... \fIDIRECTORY\fR
.br
.B ln
[\fIOPTION\fR]... \fB\-t\fR \fIDIRECTORY TARGET\fR...
.SH DESCRIPTION
.B ln
makes
.I LINK_NAME
a link to
.IR TARGET ,
or makes a link named like each
.I TARGET
in the current directory or in
.IR DIRECTORY .
.PP
A hard link is another name for the same file: both names share the data,
the owner and the mode, and the file lives until its last name is removed.
Hard links stay within one file system and cannot name directories.
A symbolic link
.RB ( \-s )
is a small file holding the text of
.I TARGET
exactly as written; a relative
.I TARGET
is read from the directory of the link, not from where
.B ln
ran.
.SH OPTIONS
.TP
.BR \-\-backup [=\fICONTROL\fR]
Back up each destination that exists.
.I CONTROL
is
.BR none " or " off ,
.BR numbered " or " t ,
.BR existing " or " nil
(the default, from
.BR VERSION_CONTROL ),
or
.BR simple " or " never .
.TP
.B \-b
Like
.B \-\-backup
without an argument.
.TP
.BR \-d ", " \-F ", " \-\-directory
Allow root to try hard links to directories.
.TP
.BR \-f ", " \-\-force
Remove destinations that exist.
.TP
.BR \-i ", " \-\-interactive
Ask before removing a destination.
.TP
.BR \-L ", " \-\-logical
Hard-link to what a symbolic link
.I TARGET
points to.
.TP
.BR \-n ", " \-\-no\-dereference
Treat a
.I LINK_NAME
that is a symbolic link to a directory as a plain file.
.TP
.BR \-P ", " \-\-physical
Hard-link to a symbolic link itself.
.TP
.BR \-r ", " \-\-relative
With
.BR \-s ,
write a target relative to the link's directory.
.TP
.BR \-s ", " \-\-symbolic
Make symbolic links instead of hard links.
.TP
.BR \-S ", " \-\-suffix =\fISUFFIX\fR
Use
.I SUFFIX
for backups instead of
.BR ~ .
.TP
.BR \-t ", " \-\-target\-directory =\fIDIRECTORY\fR
Make the links in
.IR DIRECTORY .
.TP
.BR \-T ", " \-\-no\-target\-directory
Treat
.I LINK_NAME
as a file name always.
.TP
.BR \-v ", " \-\-verbose
Print each link made.
.TP
.B \-\-help
Print a help text and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success, 1 on failure.
.SH EXAMPLES
.TP
.B "ln \-s /usr/lib/systemd/system/nginx.service /etc/systemd/system/multi\-user.target.wants/"
Does by hand what
.B "systemctl enable nginx"
does.
.TP
.B "ln \-sfn releases/v2 current"
Points the link
.B current
at another release, replacing the old link.
.SH "SEE ALSO"
.BR readlink (1),
.BR realpath (1),
.BR cp (1),
.BR stat (1)
`;
