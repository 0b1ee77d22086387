export default String.raw`.TH DIRCOLORS 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
dircolors \- print commands that set the colours of ls
.SH SYNOPSIS
.B dircolors
[\fIOPTION\fR]... [\fIFILE\fR]
.SH DESCRIPTION
Print shell code that sets
.BR LS_COLORS ,
the variable
.B "ls \-\-color"
takes its colours from. The colours come from
.I FILE
when it is given (\- for standard input), otherwise from a built-in database.
Without \-b or \-c the syntax follows the basename of $SHELL: C shell code for
csh and tcsh, Bourne shell code otherwise. The usual use is
.B eval "$(dircolors \-b)"
in a shell start-up file.
.TP
.BR \-b ", " \-\-sh ", " \-\-bourne\-shell
Print Bourne shell code.
.TP
.BR \-c ", " \-\-csh ", " \-\-c\-shell
Print C shell code.
.TP
.BR \-p ", " \-\-print\-database
Print the built-in database, a commented example of the file format.
.TP
.B \-\-print\-ls\-colors
Print each setting on a line of its own, in its own colour.
.TP
.B \-\-help
Show a short help and exit.
.TP
.B \-\-version
Show the version and exit.
.SH "FILE FORMAT"
Each line holds a keyword and a value; # starts a comment. TERM and COLORTERM
lines hold glob patterns: the lines after them count only when $TERM (or
$COLORTERM) matches one of them. Keywords name file types (DIR, LINK, EXEC...);
a word starting with . or * names files by the end of their name. Values are
SGR codes such as 01;34.
.SH "SEE ALSO"
.BR ls (1)
`;
