export default String.raw`.TH LOCALECTL 1 "" "systemd 253" "localectl"
.SH NAME
localectl \- show or change the system locale and keyboard layout
.SH SYNOPSIS
.B localectl
[\fIOPTIONS\fR...] [\fICOMMAND\fR]
.SH DESCRIPTION
.B localectl
shows and sets the locale the system uses by default (the
.B LANG
and
.B LC_*
variables login sessions start with) and the keyboard map of the text
console. Without a command,
.B status
is run. Changes need root and take effect at the next login.
.SH COMMANDS
.TP
.B status
Print the system locale settings, the console keymap and the X11 layout
.RB ( n/a
where unset).
.TP
.BI set\-locale " LOCALE" \fR...
Write the settings to
.BR /etc/locale.conf .
Each argument is either
.IB VARIABLE = LOCALE
or a bare locale name, which sets
.BR LANG .
The locale must be installed.
.TP
.B list\-locales
Print the installed locales.
.TP
.BI set\-keymap " MAP"
Set the console keyboard map in
.BR /etc/vconsole.conf .
.TP
.B list\-keymaps
Print the known console keyboard maps.
.SH OPTIONS
.TP
.B \-\-no\-convert
With
.BR set\-keymap ,
do not derive an X11 layout from the console map.
.TP
.B \-\-no\-pager
Do not pipe the output into a pager.
.TP
.BR \-h ", " \-\-help
Print a summary of commands.
.TP
.B \-\-version
Print the systemd version.
.SH EXIT STATUS
0 on success; 1 when the locale or keymap is unknown, the command is
unknown, or permission is denied.
.SH FILES
.TP
.B /etc/locale.conf
.IB VARIABLE = VALUE
lines with the system locale.
.TP
.B /etc/vconsole.conf
The console keymap
.RB ( KEYMAP= ).
.SH EXAMPLES
.PP
.RS
.nf
# localectl set\-locale LANG=en_US.UTF\-8
# localectl
.fi
.RE
.SH SEE ALSO
.BR locale (1),
.BR hostnamectl (1),
.BR timedatectl (1)
`;
