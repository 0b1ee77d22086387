export default String.raw`.TH SHADOW 5 "2022-11" "shadow 4.13" "File Formats and Configuration Files"
.SH NAME
shadow \- the shadowed password file
.SH DESCRIPTION
.B /etc/shadow
holds the password hashes and the password aging information of the
accounts listed in
.BR /etc/passwd .
Only root can read it (on Photon OS it has mode 0000, owner root). Each line has nine
fields separated by colons:
.PP
.RS
.IB name : password : lastchg : min : max : warn : inactive : expire : reserved
.RE
.TP
.I name
The login name, as in /etc/passwd.
.TP
.I password
The hashed password, in the form
.BI $ id $ salt $ hash \fR;
.B $6$
is SHA\-512, what Photon OS uses. A value starting with
.B !
is locked (by
.B "passwd \-l"
or
.BR "usermod \-L" );
a value of
.B !
or
.B *
alone never matches any password (new accounts get
.B !
until a password is set). An empty field means no password.
.TP
.I lastchg
The day of the last password change, counted in days since January 1,
1970.
.B 0
means the password must be changed at the next login; empty means aging
is off.
.TP
.I min
The number of days that must pass before the password may be changed
again.
.TP
.I max
The number of days after which the password must be changed (90 for new
accounts on Photon OS; 99999 means never).
.TP
.I warn
How many days before expiry the user is warned.
.TP
.I inactive
How many days after expiry the password is still accepted (and must be
changed) before the account is disabled.
.TP
.I expire
The day (since 1970) on which the account is disabled, whatever the
password.
.TP
.I reserved
Unused.
.PP
Empty aging fields mean that the corresponding limit is not enforced. Use
.BR chage (1)
and
.BR passwd (1)
to change the fields rather than editing the file.
.SH EXAMPLE
.nf
root:$6$Xy...:19500:0:90:7:::
bob:!:19520:0:90:7:::
.fi
.SH FILES
.TP
.B /etc/shadow
The shadow file.
.TP
.B /etc/gshadow
The equivalent for groups.
.SH "SEE ALSO"
.BR passwd (5),
.BR chage (1),
.BR passwd (1),
.BR login.defs (5)
`;
