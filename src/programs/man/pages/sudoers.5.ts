export default String.raw`.TH SUDOERS 5 "2024-01" "Sudo 1.9.15p5" "File Formats Manual"
.SH NAME
sudoers \- the rules of sudo
.SH DESCRIPTION
.B /etc/sudoers
tells
.BR sudo (8)
who may run which commands, as which users, on which hosts, and whether a
password is needed. Always edit it with
.BR visudo (8),
which refuses to install a file with a syntax error. The file is owned by
root with mode 0440.
.SS "Photon OS default"
.RS
.nf
root ALL=(ALL:ALL) ALL
%wheel ALL=(ALL) ALL
%sudo   ALL=(ALL) ALL
@includedir /etc/sudoers.d
.fi
.RE
.PP
Root and the members of the groups
.B wheel
and
.B sudo
may run anything as anyone, after typing their own password. Further rules
go best into files of
.BR /etc/sudoers.d ;
file names containing a dot or ending in
.B ~
are skipped there.
.SS "User specifications"
Each rule has the form
.PP
.RS
\fIwho host\fB = (\fIrunas\fB) \fITAG\fB: \fIcommands\fR
.RE
.TP
.I who
A user name,
.BI % group
(members of a group),
.BI # uid\fR,
a User_Alias or
.BR ALL .
.TP
.I host
The host names where the rule applies, usually
.BR ALL .
.TP
.I runas
The users (and, after a colon, groups) the commands may run as. Without
the parentheses, only root.
.B (ALL)
allows every user;
.B (ALL:ALL)
every user and group.
.TP
.I TAG
Optional:
.B NOPASSWD
(no password asked),
.B PASSWD
(the default),
.B SETENV
(allow
.BR "sudo \-E" ),
.BR NOEXEC ", " LOG_INPUT ", " LOG_OUTPUT ,
and their opposites.
.TP
.I commands
Full paths of commands, separated by commas, optionally with arguments
(then only those arguments are allowed), a Cmnd_Alias, or
.BR ALL .
A
.B !
in front of an item excludes it.
.PP
When several rules match, the last one wins.
.SS Aliases
Lists can be named with
.BR User_Alias ,
.BR Runas_Alias ,
.B Host_Alias
and
.BR Cmnd_Alias ,
using names in capitals:
.PP
.RS
.nf
Cmnd_Alias SERVICES = /usr/bin/systemctl restart *, /usr/bin/systemctl status *
User_Alias OPERATORS = alice, bob
OPERATORS ALL = (root) SERVICES
.fi
.RE
.SS Defaults
Lines starting with
.B Defaults
change sudo's behaviour, globally or (with
.BR Defaults:user ", " Defaults@host ", " Defaults>runas )
for some cases only. Common settings:
.B env_reset
(clean environment, on by default),
\fBenv_keep+="\fIVAR ...\fB"\fR
(variables to keep),
.BI secure_path= path
(the PATH commands run with),
.BI timestamp_timeout= minutes
(how long the authentication is remembered, 5 by default;
.B 0
asks every time),
.BI passwd_tries= n
(3 by default),
.B lecture
and
.BR insults .
.SS "Other lines"
.B @include
.I file
and
.B @includedir
.I directory
read other rule files
.RB ( #include
and
.B #includedir
are older spellings).
Other lines starting with
.B #
are comments; a backslash at the end of a line continues it.
.SH FILES
.TP
.B /etc/sudoers
The main file.
.TP
.B /etc/sudoers.d/
Included rule files.
.SH EXAMPLES
.TP
.B "bob ALL=(ALL) ALL"
bob may run anything, with his password.
.TP
.B "%devs ALL=(root) NOPASSWD: /usr/bin/systemctl restart nginx"
Members of devs may restart nginx without a password.
.TP
.B "deploy ALL=(www) /usr/bin/rsync"
deploy may run rsync as the user www.
.TP
.B "Defaults timestamp_timeout=15"
Remember authentication for 15 minutes.
.SH "SEE ALSO"
.BR sudo (8),
.BR visudo (8),
.BR su (1)
`;
