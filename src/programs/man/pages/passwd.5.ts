export default String.raw`.TH PASSWD 5 "2022-11" "shadow 4.13" "File Formats and Configuration Files"
.SH NAME
passwd \- the user account file
.SH DESCRIPTION
.B /etc/passwd
lists the accounts of the system, one per line. It is readable by everyone
(mode 0644) so that programs can turn user IDs into names; the password
hashes themselves are kept in
.BR /etc/shadow .
Each line has seven fields separated by colons:
.PP
.RS
.IB name : password : UID : GID : GECOS : directory : shell
.RE
.TP
.I name
The login name.
.TP
.I password
Normally
.BR x ,
meaning that the hash is in
.BR /etc/shadow .
An empty field means no password at all.
.TP
.I UID
The numeric user ID; 0 is root. On Photon OS ordinary users get IDs from
1000 and system accounts from 101 to 999.
.TP
.I GID
The numeric ID of the primary group (see
.BR group (5)).
Users created by
.B useradd
on Photon OS get 100
.RB ( users ).
.TP
.I GECOS
Free text, usually the full name; may hold comma\-separated extra
information.
.TP
.I directory
The home directory, where the session starts.
.TP
.I shell
The program started at login. Accounts that must not log in use
.B /bin/false
or
.BR /usr/sbin/nologin .
.PP
Edit the file with
.BR useradd (8),
.BR usermod (8)
and
.BR userdel (8)
(or
.BR vipw ),
which lock it while they work.
.SH EXAMPLE
.nf
root:x:0:0:root:/root:/bin/bash
nobody:x:65534:65533:Unprivileged User:/dev/null:/bin/false
bob:x:1000:100::/home/bob:/bin/bash
.fi
.SH FILES
.TP
.B /etc/passwd
The account file.
.SH "SEE ALSO"
.BR shadow (5),
.BR group (5),
.BR passwd (1),
.BR useradd (8),
.BR getent (1)
`;
