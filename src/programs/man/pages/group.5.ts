export default String.raw`.TH GROUP 5 "2022-11" "shadow 4.13" "File Formats and Configuration Files"
.SH NAME
group \- the user group file
.SH DESCRIPTION
.B /etc/group
lists the groups of the system, one per line, with four fields separated by
colons:
.PP
.RS
.IB name : password : GID : members
.RE
.TP
.I name
The group name.
.TP
.I password
Normally
.BR x ;
the group password, if any, is in
.BR /etc/gshadow .
.TP
.I GID
The numeric group ID.
.TP
.I members
The users who have this group as a supplementary group, separated by
commas without spaces. Users whose primary group (in /etc/passwd) is this
one are members too, without being listed.
.PP
Some groups of a Photon OS system:
.B root
(0),
.B wheel
(28) and
.B sudo
(27), whose members may use
.BR sudo ;
.B users
(100), the primary group of accounts made by
.BR useradd ;
.B docker
(created with the docker package), whose members may talk to the docker
daemon;
.B systemd\-journal
(23), whose members may read the whole journal.
.PP
Change the file with
.BR groupadd (8),
.BR groupmod (8),
.BR groupdel (8),
.BR gpasswd (1)
and
.BR "usermod \-aG" .
.B /etc/gshadow
has the matching lines
.IB name : password : administrators : members \fR.
.SH EXAMPLE
.nf
wheel:x:28:bob
users:x:100:
docker:x:998:alice,bob
.fi
.SH FILES
.TP
.B /etc/group
The group file.
.TP
.B /etc/gshadow
Group passwords and administrators.
.SH "SEE ALSO"
.BR passwd (5),
.BR gpasswd (1),
.BR groupadd (8),
.BR newgrp (1),
.BR id (1)
`;
