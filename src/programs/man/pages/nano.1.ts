export default String.raw`.TH NANO 1 "version 8.2" "September 2024"
.SH NAME
nano \- Nano's ANOther text editor, inspired by Pico
.SH SYNOPSIS
.B nano
[\fIoptions\fR] [[\fB+\fIline\fR[\fB,\fIcolumn\fR]] \fIfile\fR]...
.SH DESCRIPTION
.B nano
is a small and friendly editor.
The top line of its screen shows the version, the name of the file and
.B Modified
once the text has changed.
Below it is the text; the third line from the bottom shows messages
and prompts, and the last two lines list the most used shortcuts.
.PP
Typing inserts text at the cursor; the arrow keys, Home, End, PageUp and
PageDown move it, Backspace and Delete erase.
In the shortcut lists a caret
.RB ( ^ )
stands for the Ctrl key and
.B M\-
for the Alt (Meta) key.
.PP
With
.BI + line
before the file name the cursor starts on that line (and column).
.SH "EDITING KEYS"
.TP
.B ^G
Show the help text.
.TP
.B ^X
Close the file and exit; when the text was changed, ask whether to save it first.
.TP
.B ^O
Write the text to a file, asking for its name (Enter keeps the current one).
.TP
.B ^S
Save without asking for a name.
.TP
.B ^R
Insert another file at the cursor.
.TP
.BR ^F " or " ^W
Search forward;
.BR M\-F " or " M\-W
repeats the search.
.BR ^B " or " ^Q
search backward.
.TP
.B ^\e
Search and replace.
.TP
.B ^K
Cut the current line (consecutive cuts are collected);
.B ^U
pastes them at the cursor.
.TP
.B ^C
Report the cursor position.
.TP
.BR ^/ " or " M\-G
Go to a line (and column).
.TP
.B ^T
Run a command and insert its output.
.TP
.BR M\-U " and " M\-E
Undo and redo.
.SH OPTIONS
.TP
.BR \-h ", " \-\-help
Show a summary of the command-line options and exit.
.TP
.BR \-V ", " \-\-version
Show the version and exit.
.SH "SEE ALSO"
.BR vi (1)
`;
