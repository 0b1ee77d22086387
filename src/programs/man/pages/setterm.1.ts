export default String.raw`.TH SETTERM 1 "2022-08" "util-linux 2.38" "User Commands"
.SH NAME
setterm \- set terminal attributes
.SH SYNOPSIS
.B setterm
[options]
.SH DESCRIPTION
.B setterm
writes the escape sequences that change a terminal's attributes: cursor,
colors, bold and the like, clearing, tab stops. The sequences come from the
terminfo entry of \fB$TERM\fR (or \fB\-\-term\fR). Options may be given with one
dash or two. Options that only the Linux console understands (\fB\-\-blank\fR,
\fB\-\-store\fR, \fB\-\-regtabs\fR ...) are refused with a warning on other terminals.
.SH OPTIONS
.TP
.B \-\-term \fIname\fR
The terminal type, instead of \fB$TERM\fR.
.TP
.B \-\-reset, \-\-initialize
Write the reset or the initialization string.
.TP
.B \-\-cursor on|off
Show or hide the cursor.
.TP
.B \-\-foreground, \-\-background \fIcolor\fR
black, red, green, yellow, blue, magenta, cyan, white or default.
.TP
.B \-\-bold, \-\-half\-bright, \-\-blink, \-\-reverse, \-\-underline on|off
Text attributes; \fBoff\fR clears all attributes except on the console.
.TP
.B \-\-default
Back to the default rendition.
.TP
.B \-\-clear[=all|rest]
Clear the screen, or from the cursor to its end.
.TP
.B \-\-linewrap, \-\-inversescreen on|off
Line wrapping; reverse video for the whole screen.
.TP
.B \-\-tabs [\fIcolumn\fR...]
Set tab stops, or show them.
.TP
.B \-\-blank [\fIminutes\fR]
Console blanking time.
.TP
.B \-\-help, \-\-version
Print a short usage text, or the version, and exit.
.SH "SEE ALSO"
.BR tput (1),
.BR stty (1)
`;
