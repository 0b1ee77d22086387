export default String.raw`.TH UL 1 "2022-08" "util-linux 2.38" "User Commands"
.SH NAME
ul \- show underlined and bold text on a terminal
.SH SYNOPSIS
.B ul
[\fIoptions\fR] [\fIfile\fR...]
.SH DESCRIPTION
.B ul
reads the files (or standard input) and turns the overstrikes that
.BR nroff (1)
and similar programs write into the terminal's own attributes: a character
struck over with an underscore is underlined, a character struck over with
itself is bold. Shift-out and shift-in choose reverse video, and the half-line
escapes (ESC 8, ESC 9) dim text as a superscript or subscript would be.
The terminal comes from \fBTERM\fR and its terminfo entry; a terminal without
the attributes gets plain text. Tabs are expanded to the next multiple of eight.
.SH OPTIONS
.TP
.BR \-i ", " \-\-indicated
Leave the text plain and mark the attributes on a line of their own below it
(\fB_\fR underline, \fB!\fR bold, \fBg\fR reverse, \fB^\fR and \fBv\fR half lines).
.TP
.BR \-t ", " \-T ", " \-\-terminal " " \fIterminal\fR
Take this terminal type instead of \fBTERM\fR.
.TP
.BR \-h ", " \-\-help
Print a short usage text and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH "SEE ALSO"
.BR colcrt (1),
.BR man (1),
.BR terminfo (5)
`;
