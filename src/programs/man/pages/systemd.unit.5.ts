export default String.raw`.TH SYSTEMD.UNIT 5 "" "systemd 253" "systemd.unit"
.SH NAME
systemd.unit \- unit configuration files
.SH SYNOPSIS
.IB name .service\fR,
.IB name .socket\fR,
.IB name .target\fR,
.IB name .timer\fR,
.IB name .mount\fR,
.IB name .path\fR,
.IB name .slice\fR, ...
.SH DESCRIPTION
A unit is anything the system manager,
.BR systemd (1),
looks after: a service, a socket it listens on for a service, a target (a
named group of units, like a runlevel), a timer, a mount point, and so on.
The suffix of the file name gives the type. This page describes what all
unit files have in common; the type-specific settings are in pages such as
.BR systemd.service (5).
.PP
A unit file is an INI-style text file of
.BI [ Section ]
headers followed by
.IB Key = value
lines. Lines starting with
.B #
or
.B ;
are comments, and a line ending in a backslash continues on the next. A
boolean is
.BR yes / true / on / 1
or
.BR no / false / off / 0 .
Some keys may be given several times to form a list; an empty value resets
the list.
.PP
A file named
.IB name @ .service
is a template; the instance
.IB name @ arg .service
is made from it, with
.B %i
replaced by
.IR arg ,
as in
.BR getty@tty1.service .
.SS "Load path and drop-ins"
Unit files are looked up in these directories, earlier ones winning over
later ones:
.BR /etc/systemd/system ,
.BR /run/systemd/system ,
.BR /usr/lib/systemd/system .
Packages install into the last; the administrator's own units and
overrides go into the first.
.PP
To change a few settings of an installed unit, create a drop-in:
a file
.BI /etc/systemd/system/ unit .d/ something .conf
holding just the sections and keys to change. Drop-ins are read in file name
order after the unit file. After any change, run
.BR "systemctl daemon\-reload" .
.SH "[UNIT] SECTION"
.TP
.BI Description= text
A short human-readable title, shown by
.B systemctl status
and in boot messages.
.TP
.BI Documentation= URL
Where to read about the unit
.RB ( man: ", " https: ", " file: ).
.TP
.BI Wants= units
Start these units along with this one; if they fail, this unit still starts.
.TP
.BI Requires= units
Like
.BR Wants= ,
but if one of them fails to start, or is stopped later, this unit is stopped
too.
.TP
.BI BindsTo= units
Like
.BR Requires= ,
and also stop this unit when the other one stops on its own.
.TP
.BI PartOf= units
Stop or restart this unit when the named ones are stopped or restarted.
.TP
.BI Conflicts= units
Starting this unit stops those, and the other way round.
.TP
.BI After= units "\fR, " Before= units
Ordering only: when both are being started, this one starts after (before)
them. Requirement and order are separate; a typical pair is
.B Wants=network\-online.target
with
.BR After=network\-online.target .
.TP
.BI OnFailure= units
Units to start when this one enters the failed state.
.TP
.BI Condition ...= "\fR, " Assert ...=
Checks made before starting, for example
.BR ConditionPathExists= ,
.BR ConditionFileIsExecutable= ,
.BR ConditionVirtualization= .
A failed condition skips the unit quietly; a failed assertion makes the
start fail. A leading
.B |
makes a condition one of several alternatives, a leading \fB!\fR negates it.
.TP
.BI DefaultDependencies= bool
Whether the usual dependencies on basic boot and shutdown targets are added
(default yes).
.SH "[INSTALL] SECTION"
This section is read only by
.BR "systemctl enable" " and " disable .
.TP
.BI WantedBy= targets "\fR, " RequiredBy= targets
Enabling the unit creates a link in the target's
.B .wants/
(or
.BR .requires/ )
directory under
.BR /etc/systemd/system ;
most services use
.BR WantedBy=multi\-user.target .
.TP
.BI Alias= names
Further names for the unit, made as links when it is enabled.
.TP
.BI Also= units
Units enabled and disabled together with this one.
.TP
.BI DefaultInstance= instance
The instance a template is enabled as when none is named.
.SH FILES
.TP
.BR /etc/systemd/system/ ", " /run/systemd/system/ ", " /usr/lib/systemd/system/
The unit load path.
.SH EXAMPLES
.PP
A drop-in that makes a service restart when it fails, in
.BR /etc/systemd/system/nginx.service.d/restart.conf :
.PP
.RS
.nf
[Service]
Restart=on\-failure
RestartSec=5
.fi
.RE
.PP
Then:
.BR "systemctl daemon\-reload && systemctl restart nginx" .
.SH SEE ALSO
.BR systemd.service (5),
.BR systemctl (1),
.BR systemd\-analyze (1)
`;
