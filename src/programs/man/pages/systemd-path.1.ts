export default String.raw`.TH SYSTEMD\-PATH 1 "" "systemd 253" "systemd-path"
.SH NAME
systemd-path \- print the well-known directories of the system and the user
.SH SYNOPSIS
.B systemd\-path
[\fIOPTIONS\fR...] [\fINAME\fR...]
.SH DESCRIPTION
.B systemd\-path
looks up directories by a symbolic name: where binaries, libraries,
configuration, state, caches and unit files live on this system, and the
matching places in the calling user's home directory.
.PP
Without a
.I NAME
it prints every known name followed by a colon and its value, one per line.
Given names, it prints only their values, one per line, in the order asked.
Names starting with
.B search\-
stand for search lists, printed with a colon between the directories.
User directories follow
.BR $HOME
and the XDG base directory variables; the temporary directories honour
.B $TMPDIR
when it names an existing directory.
.SH OPTIONS
.TP
.BI \-\-suffix= SUFFIX
Append
.I SUFFIX
as a further path component to every directory printed.
.TP
.BR \-h ", " \-\-help
Print a short summary of the options and exit.
.TP
.B \-\-version
Print the systemd version and its compile-time features and exit.
.SH EXIT STATUS
0 when every name was known; 1 when one was not (the message
.B Path NAME not known.
goes to standard error and the remaining names are still printed) or an
option was wrong.
.SH SEE ALSO
.BR systemd (1),
.BR systemd\-analyze (1),
.BR file\-hierarchy (7)
`;
