export default String.raw`.TH VISUDO 8 "2024-01" "Sudo 1.9.15p5" "System Manager's Manual"
.SH NAME
visudo \- edit the sudoers file safely
.SH SYNOPSIS
.B visudo
[\fB\-chIOPqsV\fR] [[\fB\-f\fR] \fIsudoers\fR]
.SH DESCRIPTION
.B visudo
is the way to change
.BR /etc/sudoers .
It locks the file, copies it to a temporary file, and opens the copy in an
editor. When the editor exits, it parses the result; only if the syntax is
correct does it replace the real file, owned by root with mode 0440. A
mistake in sudoers can lock every administrator out of
.BR sudo ,
which is why the file should never be edited directly.
.PP
On a syntax error visudo shows the file, line and column and asks
.BR "What now?" :
answer
.B e
to edit the file again,
.B x
to leave without saving, or
.B Q
to save anyway (dangerous).
.PP
The editor is taken from
.BR SUDO_EDITOR ,
.B VISUAL
or
.B EDITOR
(the first one set), and is
.B vi
otherwise. Only root may edit; checking with
.B \-c
is allowed to anyone who can read the file.
.PP
Rather than changing
.B /etc/sudoers
itself, consider adding a file to
.BR /etc/sudoers.d ,
which Photon OS's sudoers includes:
.BR "visudo \-f /etc/sudoers.d/admins" .
.SH OPTIONS
.TP
.BR \-c ", " \-\-check
Only check the syntax of the file and of every file it includes; change
nothing. For the default file the owner and mode are checked too. Each
file that is correct is reported as
.BR "parsed OK" .
.TP
.BI \-f " sudoers" "\fR, \fB\-\-file=" sudoers
Edit or check
.I sudoers
instead of
.BR /etc/sudoers .
The file may also be given as the only operand.
.TP
.BR \-I ", " \-\-no\-includes
Do not edit the included files.
.TP
.BR \-O ", " \-\-owner
With
.BR \-c ,
also require the file to be owned by root.
.TP
.BR \-P ", " \-\-perms
With
.BR \-c ,
also require mode 0440.
.TP
.BR \-q ", " \-\-quiet
Print shorter messages.
.TP
.BR \-s ", " \-\-strict
Also report aliases that are used but not defined, or defined twice.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.SH "EXIT STATUS"
0 when the file was saved unchanged or changed correctly, or when
.B \-c
found no problem; 1 otherwise.
.SH FILES
.TP
.B /etc/sudoers
The main rules file.
.TP
.B /etc/sudoers.d/
Included rule files (mode 0440 as well).
.TP
.B /etc/sudoers.tmp
The temporary copy being edited.
.SH EXAMPLES
.TP
.B "visudo"
Edit the rules.
.TP
.B "visudo \-c"
Check the rules after changing them by other means.
.TP
.B "EDITOR=nano visudo \-f /etc/sudoers.d/deploy"
Create a separate rules file with another editor.
.SH "SEE ALSO"
.BR sudo (8),
.BR sudoers (5),
.BR vi (1)
`;
