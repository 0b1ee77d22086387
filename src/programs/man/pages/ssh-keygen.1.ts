export default String.raw`.TH SSH\-KEYGEN 1 "" "OpenSSH 9.3" "General Commands Manual"
.SH NAME
ssh-keygen \- create OpenSSH key pairs
.SH SYNOPSIS
.B ssh\-keygen
[\fB\-q\fR] [\fB\-t\fR \fBrsa\fR|\fBecdsa\fR|\fBed25519\fR] [\fB\-b\fR \fIbits\fR] [\fB\-N\fR \fIpassphrase\fR] [\fB\-C\fR \fIcomment\fR] [\fB\-f\fR \fIfile\fR]
.br
.B ssh\-keygen \-A
.SH DESCRIPTION
.B ssh\-keygen
makes the key pairs SSH uses: a private key, which must stay secret, and the
matching public key, written beside it with
.B .pub
added to the name. A user key pair lets you log in without a password: copy
the public key into
.B ~/.ssh/authorized_keys
on the server. Host keys identify the server to its clients.
.PP
Without
.BR \-f ,
the key is written to
.BI ~/.ssh/id_ type
(the directory is created with mode 0700 if needed). An existing file is
not overwritten without asking. The private key is created with mode 0600.
.SH OPTIONS
.TP
.B \-A
Create every missing host key (RSA, ECDSA and Ed25519) under
.B /etc/ssh
with an empty passphrase. Keys that exist are left alone. Photon OS runs
this at first boot through
.BR sshd\-keygen.service .
.TP
.BI \-t " type"
The kind of key:
.B rsa
(the default here),
.B ecdsa
or
.BR ed25519 .
.TP
.BI \-b " bits"
Key size (for RSA, 3072 by default).
.TP
.BI \-f " file"
Where to write the private key.
.TP
.BI \-N " passphrase"
Protect the private key with this passphrase;
.B \-N ''
gives none, without asking.
.TP
.BI \-C " comment"
The comment stored with the key (default
.IB user @ host\fR).
.TP
.B \-q
Print nothing.
.SH EXIT STATUS
0 on success; 1 when the key type is unknown, the file exists, or a key
cannot be written.
.SH FILES
.TP
.BR ~/.ssh/id_rsa ", " ~/.ssh/id_ecdsa ", " ~/.ssh/id_ed25519
A user's private keys (and their
.B .pub
files).
.TP
.BI /etc/ssh/ssh_host_ type _key
Host keys created by
.BR \-A .
.SH EXAMPLES
.PP
.RS
.nf
$ ssh\-keygen \-t ed25519 \-N '' \-f ~/.ssh/id_ed25519
# ssh\-keygen \-A
.fi
.RE
.SH SEE ALSO
.BR ssh (1),
.BR sshd (8),
.BR sshd_config (5)
`;
