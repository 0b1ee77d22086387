export default String.raw`.TH SUDO 8 "2024-01" "Sudo 1.9.15p5" "System Manager's Manual"
.SH NAME
sudo \- run a command as another user
.SH SYNOPSIS
.B sudo
\fB\-h\fR | \fB\-K\fR | \fB\-k\fR | \fB\-V\fR
.br
.B sudo
\fB\-v\fR [\fB\-ABkNnS\fR] [\fB\-g\fR \fIgroup\fR] [\fB\-p\fR \fIprompt\fR] [\fB\-u\fR \fIuser\fR]
.br
.B sudo
\fB\-l\fR [\fB\-ABkNnS\fR] [\fB\-U\fR \fIuser\fR] [\fB\-u\fR \fIuser\fR] [\fIcommand\fR [\fIarg\fR ...]]
.br
.B sudo
[\fB\-ABbEHkNnPS\fR] [\fB\-C\fR \fInum\fR] [\fB\-D\fR \fIdirectory\fR] [\fB\-g\fR \fIgroup\fR] [\fB\-p\fR \fIprompt\fR] [\fB\-u\fR \fIuser\fR] [\fIVAR\fB=\fIvalue\fR] [\fB\-i\fR | \fB\-s\fR] [\fIcommand\fR [\fIarg\fR ...]]
.SH DESCRIPTION
.B sudo
lets a permitted user run a command as root (or as another user given with
.BR \-u ).
The rules saying who may run what, as whom, are in the
.BR sudoers (5)
file,
.BR /etc/sudoers ,
and in the files of
.BR /etc/sudoers.d .
Every use is logged.
.PP
On Photon OS,
.B /etc/sudoers
lets
.B root
and the members of the groups
.B wheel
and
.B sudo
run any command:
.PP
.RS
.nf
root ALL=(ALL:ALL) ALL
%wheel ALL=(ALL) ALL
%sudo   ALL=(ALL) ALL
@includedir /etc/sudoers.d
.fi
.RE
.PP
So
.B "usermod \-aG wheel bob"
(followed by a new login) is all it takes to make bob an administrator.
A user who is not allowed gets
\fIuser\fB is not in the sudoers file.\fR
and the attempt is reported.
.SS Authentication
sudo asks for the
.B caller's own
password, not root's, with the prompt
.BI "[sudo] password for " user ": "
read from the terminal. Three wrong answers end the attempt. The first time
a user is asked, sudo shows a short lecture about using the privilege
responsibly.
.PP
After a successful authentication sudo records a
.I timestamp
for that user and terminal in
.BR /run/sudo/ts .
For the next 5 minutes sudo does not ask again on that terminal; each use
within the period extends it. Another terminal (another SSH session) has
its own timestamp.
.B \-k
and
.B \-K
discard it;
.B \-v
renews it. Root, and rules tagged
.BR NOPASSWD ,
never need a password.
.SS Environment
The command runs with a reset environment: only a few variables such as
.BR TERM ", " PATH ", " LANG ", " DISPLAY " and " TZ
are kept;
.BR HOME ", " USER ", " LOGNAME ", " SHELL " and " MAIL
describe the target user; and
.BR SUDO_USER ", " SUDO_UID ", " SUDO_GID " and " SUDO_COMMAND
tell the command who called it. Variable assignments
.IB VAR = value
given before the command are added.
.PP
Shell redirections are done by the calling shell before sudo runs, so
.B "sudo echo x > /etc/file"
fails; use
.B "echo x | sudo tee /etc/file"
or
.BR "sudo sh \-c 'echo x > /etc/file'" .
.SH OPTIONS
.TP
.BR \-A ", " \-\-askpass
Read the password with the helper program named by
.BR SUDO_ASKPASS .
.TP
.BR \-B ", " \-\-bell
Ring the terminal bell when prompting.
.TP
.BR \-b ", " \-\-background
Run the command in the background.
.TP
.BI \-C " num" "\fR, \fB\-\-close\-from=" num
Close the file descriptors from
.I num
up before running the command.
.TP
.BI \-D " directory" "\fR, \fB\-\-chdir=" directory
Run the command in
.I directory
(if the sudoers rules allow it).
.TP
.BR \-E ", " \-\-preserve\-env
Keep the caller's environment, when the rule allows it
.RB ( SETENV
tag or
.B ALL
command).
.TP
.BR \-e ", " \-\-edit
Edit files as another user (the same as
.BR sudoedit ).
.TP
.BI \-g " group" "\fR, \fB\-\-group=" group
Run the command with
.I group
as its primary group.
.TP
.BR \-H ", " \-\-set\-home
Set
.B HOME
to the target user's home directory (the default already).
.TP
.BR \-h ", " \-\-help
Print a usage summary and exit.
.TP
.BR \-i ", " \-\-login
Run the target user's login shell, as a login shell, in that user's home
directory. With a command, the shell runs it.
.B "sudo \-i"
is the usual way to get a root shell.
.TP
.BR \-K ", " \-\-remove\-timestamp
Remove the user's timestamps entirely; takes no command.
.TP
.BR \-k ", " \-\-reset\-timestamp
Without a command, invalidate the timestamp so that the next sudo asks
for the password. With a command, ask for the password this time
regardless of the timestamp.
.TP
.BR \-l ", " \-\-list
List the Defaults and the rules that apply to the user on this host; with
a command, tell whether it is allowed.
.TP
.BR \-N ", " \-\-no\-update
Do not update the timestamp.
.TP
.BR \-n ", " \-\-non\-interactive
Never prompt: fail with an error if a password would be needed. Useful in
scripts.
.TP
.BR \-P ", " \-\-preserve\-groups
Keep the caller's supplementary groups.
.TP
.BI \-p " prompt" "\fR, \fB\-\-prompt=" prompt
Use another password prompt;
.B %p
and
.B %u
stand for the user name,
.B %h
and
.B %H
for the host name,
.B %%
for a percent sign.
.TP
.BR \-S ", " \-\-stdin
Read the password from standard input instead of the terminal.
.TP
.BR \-s ", " \-\-shell
Run the caller's shell
.RB ( $SHELL )
as the target user, or the command through it.
.TP
.BI \-U " user" "\fR, \fB\-\-other\-user=" user
With
.BR \-l ,
list the privileges of
.I user
instead.
.TP
.BI \-u " user" "\fR, \fB\-\-user=" user
Run the command as
.I user
(a name, or
.BI # uid\fR)
instead of root.
.TP
.BR \-V ", " \-\-version
Print the version (and, for root, the versions of the plugins) and exit.
.TP
.BR \-v ", " \-\-validate
Authenticate if needed and extend the timestamp, without running anything.
.TP
.B \-\-
End the options; what follows is the command.
.SH "EXIT STATUS"
The exit status of the command when it ran. Otherwise 1: unknown user,
authentication failure, command not permitted, or a syntax error in
sudoers.
.SH FILES
.TP
.B /etc/sudoers
The rules (edit it with
.BR visudo ).
.TP
.B /etc/sudoers.d/
Additional rule files.
.TP
.B /run/sudo/ts/
The timestamps.
.TP
.B /var/db/sudo/lectured/
Which users have seen the lecture.
.SH EXAMPLES
.TP
.B "sudo tdnf install \-y nginx"
Install a package as an administrator.
.TP
.B "sudo \-i"
Open a root login shell.
.TP
.B "sudo \-u postgres psql"
Run a command as another user.
.TP
.B "sudo \-l"
See what you are allowed to do.
.TP
.B "sudo \-k"
Forget the cached authentication before leaving the terminal.
.SH "SEE ALSO"
.BR sudoers (5),
.BR visudo (8),
.BR su (1),
.BR usermod (8)
`;
