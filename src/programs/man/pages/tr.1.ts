export default String.raw`.TH TR 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
tr \- translate, squeeze or delete characters
.SH SYNOPSIS
.B tr
[\fIOPTION\fR]... \fISET1\fR [\fISET2\fR]
.SH DESCRIPTION
.B tr
copies standard input to standard output, changing characters on the way.
It reads no files: use redirection or a pipe. With two sets, each character
of
.I SET1
is replaced by the character at the same position in
.IR SET2 ;
if
.I SET2
is shorter, its last character is repeated to make it as long as
.IR SET1 .
With
.B \-d
the characters of
.I SET1
are removed instead, and with
.B \-s
runs of a repeated character are squeezed to one.
.SH OPTIONS
.TP
.BR \-c ", " \-C ", " \-\-complement
Use the complement of
.IR SET1 :
every character not in it.
.TP
.BR \-d ", " \-\-delete
Delete the characters in
.I SET1
instead of translating them.
.TP
.BR \-s ", " \-\-squeeze\-repeats
Replace each run of the same character by a single one. The characters
concerned are those of the last set given
(\fISET2\fR
when translating,
.I SET1
otherwise).
.TP
.BR \-t ", " \-\-truncate\-set1
First cut
.I SET1
down to the length of
.IR SET2 .
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SH SETS
Most characters stand for themselves. The exceptions:
.TP
.BI \e NNN
The byte with octal value
.I NNN
(1 to 3 digits).
.TP
.B "\e\e \ea \eb \ef \en \er \et \ev"
Backslash, bell, backspace, form feed, newline, carriage return, tab,
vertical tab.
.TP
.IB CHAR1 \- CHAR2
All characters from
.I CHAR1
to
.I CHAR2
in ascending order.
.TP
.BI [ CHAR *]
In
.IR SET2 ,
as many copies of
.I CHAR
as needed to make it as long as
.IR SET1 .
.TP
.BI [ CHAR * REPEAT ]
.I REPEAT
copies of
.I CHAR
(an octal number when it starts with 0).
.TP
.BI [: CLASS :]
All characters of a class:
.BR alnum ", " alpha ", " blank ", " cntrl ", " digit ", " graph ,
.BR lower ", " print ", " punct ", " space ", " upper ", " xdigit .
When translating, only
.B [:lower:]
and
.B [:upper:]
may appear in
.IR SET2 ,
where they convert case.
.TP
.BI [= CHAR =]
All characters equivalent to
.IR CHAR .
.SH "EXIT STATUS"
0 on success, 1 on an error such as an invalid set.
.SH EXAMPLES
.TP
.B "tr a\-z A\-Z < /etc/hostname"
Print the host name in capitals.
.TP
.B "tr \-d '\er' < win.txt > unix.txt"
Remove DOS carriage returns.
.TP
.B "tr \-s ' ' < table.txt | cut \-d' ' \-f2"
Squeeze runs of spaces so that cut can pick a column.
.PP
\fBtr ':' '\en' <<< "$PATH"\fR prints the directories of PATH one per line.
.SH "SEE ALSO"
.BR sed (1),
.BR expand (1),
.BR cut (1)
`;
