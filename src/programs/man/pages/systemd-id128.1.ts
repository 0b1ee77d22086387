export default String.raw`.TH SYSTEMD\-ID128 1 "" "systemd 253" "systemd-id128"
.SH NAME
systemd-id128 \- make and print 128-bit identifiers
.SH SYNOPSIS
.B systemd\-id128
[\fIOPTIONS\fR...]
.B new
.br
.B systemd\-id128
[\fIOPTIONS\fR...]
.BR machine\-id " | " boot\-id " | " invocation\-id
.br
.B systemd\-id128
[\fIOPTIONS\fR...]
.B show
[\fINAME\fR|\fIID\fR...]
.SH DESCRIPTION
.B systemd\-id128
deals in the 128-bit identifiers systemd uses everywhere.
.TP
.B new
Print a freshly generated random identifier (a version 4 UUID).
.TP
.B machine\-id
Print this machine's identifier, as stored in
.IR /etc/machine\-id .
.TP
.B boot\-id
Print the identifier of the running boot; every boot gets a new one.
.TP
.B invocation\-id
Print the identifier of the service run the command belongs to, taken from
.BR $INVOCATION_ID ;
outside a service this fails.
.TP
.B show
Print a table of the well-known GPT partition type identifiers and their
names. Given names or identifiers, only those are shown; an identifier that
has no name is shown as
.BR XYZ .
.TP
.B help
Same as
.BR \-\-help .
.SH OPTIONS
.TP
.BR \-p ", " \-\-pretty
Instead of the bare value, print it in several spellings ready to paste
into program code: plain hex, UUID, a C macro and a Python constant.
.TP
.BR \-u ", " \-\-uuid
Print identifiers in the dashed UUID form. Of
.B \-p
and
.BR \-u ,
the one given last counts.
.TP
.BI \-a " ID" "\fR, \fP" \-\-app\-specific= ID
With
.B machine\-id
or
.BR boot\-id ,
print an identifier derived from the machine or boot identifier and the
application identifier
.I ID
instead, so that applications can use a stable value without revealing
the original one.
.TP
.BR \-h ", " \-\-help
Print a short summary and exit.
.TP
.B \-\-version
Print the systemd version and exit.
.SH EXIT STATUS
0 on success, 1 on any error: no or an unknown verb, extra arguments, an
unknown name for
.BR show ,
or a bad application identifier.
.SH SEE ALSO
.BR systemd (1),
.BR machine\-id (5),
.BR sd\-id128 (3)
`;
