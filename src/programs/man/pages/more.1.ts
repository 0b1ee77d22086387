export default String.raw`.TH MORE 1 "2022-05-11" "util-linux 2.38" "User Commands"
.SH NAME
more \- file perusal filter for crt viewing
.SH SYNOPSIS
.B more
[\fIoptions\fR] \fIfile\fR...
.SH DESCRIPTION
.B more
shows text a screenful at a time.
After each screen it waits at a
.B \-\-More\-\-
prompt that tells how much of the file has been seen, and the text scrolls up
as you go on.
It leaves by itself at the end of the last file.
Going backward works only in files, not in pipes; for more freedom use
.BR less (1).
.PP
When standard output is not a terminal,
.B more
copies the files, putting the name of each between lines of colons when there
are several files or standard input is not a terminal.
.SH OPTIONS
.TP
.BR \-d ", " \-\-silent
Prompt with a hint about the keys, and explain a wrong key instead of
ringing the bell.
.TP
.BR \-f ", " \-\-logical
Count lines of the file rather than screen rows.
.TP
.BR \-l ", " \-\-no\-pause
Do not stop after a form feed.
.TP
.BR \-c ", " \-\-print\-over
Draw each screen from the top instead of scrolling.
.TP
.BR \-p ", " \-\-clean\-print
Clear the screen before each screen.
.TP
.BR \-e ", " \-\-exit\-on\-eof
Leave at the end of the last file (the default on a terminal).
.TP
.BR \-s ", " \-\-squeeze
Show a run of blank lines as one.
.TP
.BR \-u ", " \-\-plain
Ignore underlining and bold in the text.
.TP
.BR \-n ", " \-\-lines " \fInumber\fR"
Show
.I number
lines per screen.
.TP
.BI \- number
The same as
.BR \-\-lines .
.TP
.BI + number
Start at line
.IR number .
.TP
.BI +/ pattern
Start two lines before the first line matching
.IR pattern .
.TP
.BR \-h ", " \-\-help
Print a help text and exit.
.TP
.BR \-V ", " \-\-version
Print the version and exit.
.SH COMMANDS
A number
.I k
may be typed before a command.
.TP
.B SPACE
The next
.I k
lines (a screen by default).
.TP
.B z
Like SPACE;
.I k
becomes the new screen size.
.TP
.BR RETURN ", " j
The next
.I k
lines (1 by default).
.TP
.BR d ", " ^D
Scroll
.I k
lines (11 at first);
.I k
is remembered.
.TP
.BR q ", " Q ", " ^C
Leave
.BR more .
.TP
.B s
Skip
.I k
lines forward.
.TP
.B f
Skip
.I k
screens forward.
.TP
.BR b ", " ^B
Go back
.I k
screens (files only).
.TP
.BI / pattern
Find the
.IR k -th
line matching the extended regular expression
.IR pattern .
.TP
.B n
Find the next match of the last pattern.
.TP
.B \(aq
Go back to where the last search started.
.TP
.B =
Show the current line number.
.TP
.BR :n ", " :p
Go to the next or the previous file.
.TP
.B :f
Show the file name and the line number.
.TP
.B ^L
Show the screen again.
.TP
.B .
Repeat the previous command.
.TP
.BR h ", " ?
Show a summary of the commands.
.SH "EXIT STATUS"
0, or 1 for a bad option or when no file is named on a terminal.
.SH EXAMPLES
.TP
.B "more /etc/services"
Pages through a long file.
.TP
.B "dmesg | more"
Pages through the kernel messages.
.SH "SEE ALSO"
.BR less (1),
.BR cat (1)
`;
