export default String.raw`.TH LOGIN.DEFS 5 "2022-11" "shadow 4.13" "File Formats and Configuration Files"
.SH NAME
login.defs \- configuration of the shadow password suite
.SH DESCRIPTION
.B /etc/login.defs
holds settings read by
.BR login ", " su ", " passwd ", " useradd ", " usermod ", " userdel ", " groupadd ", " chage
and the other shadow tools. Each line is a setting name followed by its
value, separated by blanks; lines starting with
.B #
are comments. A setting that is missing (or commented out) takes the
program's built\-in default. Changes apply to accounts created or modified
afterwards; existing entries of
.B /etc/shadow
are not touched. With PAM, settings about authentication itself (password
hashing, delays, limits) come from
.B /etc/pam.d
instead.
.SH "SETTINGS IN EFFECT ON PHOTON OS"
.TP
.BR PASS_MAX_DAYS " 90"
Maximum age of a password, in days, for new accounts.
.TP
.BR PASS_MIN_DAYS " 0"
Minimum number of days between password changes.
.TP
.BR PASS_WARN_AGE " 7"
Days of warning before a password expires.
.TP
.BR UID_MIN " 1000, " UID_MAX " 60000"
Range of user IDs for ordinary accounts.
.TP
.BR SYS_UID_MIN " 101, " SYS_UID_MAX " 999"
Range for system accounts
.RB ( "useradd \-r" ).
.TP
.BR GID_MIN " 1000, " GID_MAX " 60000, " SYS_GID_MIN " 101, " SYS_GID_MAX " 999"
The same ranges for groups.
.TP
.BR SUB_UID_MIN ", " SUB_UID_MAX ", " SUB_UID_COUNT
Ranges of subordinate IDs given to new users (100000 to 600100000, 65536
each); likewise
.BR SUB_GID_* .
.TP
.BR USERGROUPS_ENAB " no"
Do not create a group named after each new user; new users get the
default group
.B users
instead, and
.B userdel
removes no group.
.TP
.B CREATE_HOME
Not set, so
.B useradd
creates a home directory only with
.BR \-m .
.TP
.BR UMASK " 022"
Mode mask for new home directories (and, through
.BR pam_umask ,
for sessions).
.TP
.BR DEFAULT_HOME " yes"
Allow a login (or
.BR "su \-" )
when the home directory is missing, starting in
.BR / .
.TP
.BR ENV_SUPATH " PATH=/sbin:/bin:/usr/sbin:/usr/bin"
The PATH given by
.B su
to root.
.TP
.BR ENV_PATH " PATH=/bin:/usr/bin"
The PATH given by
.B su
to other users.
.TP
.BR SU_NAME " su"
The name a login shell started by
.B "su \-"
sees as its own.
.TP
.BR SYSLOG_SU_ENAB ", " SYSLOG_SG_ENAB " yes"
Log uses of
.B su
and
.B sg
to syslog.
.TP
.BR MAIL_DIR " /var/mail"
Where mail spools are (removed by
.BR "userdel \-r" ).
.TP
.BR LOGIN_RETRIES " 5, " LOGIN_TIMEOUT " 60"
Attempts and seconds allowed to
.BR login .
.TP
.BR TTYGROUP " tty, " TTYPERM " 0600"
Group and mode of the terminal of a login session.
.TP
.BR ERASECHAR " 0177, " KILLCHAR " 025"
Terminal erase and kill characters.
.TP
.BR HUSHLOGIN_FILE " .hushlogin"
A file in the home directory that silences the login messages.
.TP
.BR CHFN_RESTRICT " rwh"
Which GECOS fields users may change with
.BR chfn .
.TP
.BR LOG_OK_LOGINS ", " LOG_UNKFAIL_ENAB " no"
Do not log successful logins, nor the names typed in failed ones.
.PP
.B ENCRYPT_METHOD
is left commented out: the password hash (SHA\-512) is chosen by
.B pam_unix
in
.BR /etc/pam.d/system\-password .
.SH EXAMPLES
To let new accounts keep their password forever, set
.B "PASS_MAX_DAYS 99999"
(existing accounts need
.BR "chage \-M 99999" ).
.PP
To create per\-user groups as other distributions do, set
.BR "USERGROUPS_ENAB yes" ,
or pass
.B \-U
to
.BR useradd .
.SH FILES
.TP
.B /etc/login.defs
This file.
.TP
.B /etc/default/useradd
Further defaults of
.BR useradd .
.SH "SEE ALSO"
.BR useradd (8),
.BR chage (1),
.BR su (1),
.BR login (1),
.BR passwd (1),
.BR shadow (5)
`;
