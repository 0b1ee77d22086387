export default String.raw`.TH SYSTEMCTL 1 "" "systemd 253" "systemctl"
.SH NAME
systemctl \- control the systemd system and service manager
.SH SYNOPSIS
.B systemctl
[\fIOPTIONS\fR...] \fICOMMAND\fR [\fIUNIT\fR...]
.SH DESCRIPTION
.B systemctl
is the command-line client of
.BR systemd (1),
which runs as process 1 on Photon OS. Through it you ask the manager which
units exist and what state they are in, start and stop them, and change which
of them are started at boot.
.PP
A unit is named with its type suffix, such as
.BR sshd.service ,
.B multi\-user.target
or
.BR docker.socket .
When a unit name is typed without a suffix,
.B .service
is assumed (for
.B isolate
and
.BR set\-default ,
.B .target
is). Listing commands also accept shell-style glob patterns such as
\fB'systemd\-*'\fR.
.PP
Called with no command,
.B systemctl
runs
.BR list\-units .
Output longer than the screen is shown through a pager (see
.B ENVIRONMENT
below) unless
.B \-\-no\-pager
is given.
.SH COMMANDS
.SS "Unit commands"
.TP
.BR list\-units " [\fIPATTERN\fR...]"
Show the units the manager currently has in memory, with their load state,
active state and sub-state. Only active units are listed unless
.B \-\-all
is given. The columns are UNIT, LOAD, ACTIVE, SUB and DESCRIPTION.
.TP
.BR list\-timers " [\fIPATTERN\fR...]"
Show timer units, ordered by when they next elapse.
.TP
.BR list\-dependencies " [\fIUNIT\fR...]"
Print, as a tree, the units that the given unit wants or requires
(default: the default target). With
.B \-\-reverse
show the units that pull this one in instead; with
.BR \-\-after " or " \-\-before ,
follow ordering rather than requirement dependencies.
.TP
.BR status " [\fIPATTERN\fR...|\fIPID\fR...]"
Print a summary of each unit: where its file is, whether it is enabled,
its state and since when, the main process, the control group, and the
last lines the unit wrote to the journal
.RB ( \-n
sets how many). Without arguments, show the state of the whole system.
.TP
.BR show " [\fIUNIT\fR...]"
Print the properties of units (or of the manager itself) as
.IB NAME = VALUE
lines, meant for scripts. Use
.B \-p
to select properties and
.B \-\-value
to drop the names.
.TP
.BI cat " UNIT" \fR...
Print the unit file of each unit and its drop-in files, each preceded by
a comment naming the file it came from.
.TP
.BI is\-active " UNIT" \fR...
Print the active state of each unit. The status is 0 when at least one of
them is active.
.TP
.BI is\-failed " UNIT" \fR...
Print the active state of each unit. The status is 0 when at least one of
them has failed.
.TP
.BI start " UNIT" \fR...
Queue start jobs for the units and, unless
.B \-\-no\-block
is given, wait until they finish. A failed start is reported with a hint to
look at
.B systemctl status
and
.BR "journalctl \-xeu" .
.TP
.BI stop " UNIT" \fR...
Stop the units.
.TP
.BI restart " UNIT" \fR...
Stop the units and start them again; units that are not running are simply
started.
.TP
.BI try\-restart " UNIT" \fR...
Restart only the units that are running.
.TP
.BI reload " UNIT" \fR...
Ask the units to reread their own configuration (the unit's
.BR ExecReload= ).
This is not the same as
.BR daemon\-reload .
.TP
.BI reload\-or\-restart " UNIT" \fR...
Reload the units that support it and restart the others.
.TP
.BI isolate " TARGET"
Start the target and everything it depends on, and stop all other units.
.TP
.BI kill " UNIT" \fR...
Send a signal (default SIGTERM, see
.BR \-\-signal )
to the processes of the units.
.TP
.BR reset\-failed " [\fIPATTERN\fR...]"
Clear the failed state (and the restart counter) of the units, or of all units.
.SS "Unit file commands"
.TP
.BR list\-unit\-files " [\fIPATTERN\fR...]"
List the unit files installed on the system with their enablement state
.RB ( enabled ", " disabled ", " static ", " masked ", " alias ", " indirect
and so on) and the state the preset files propose.
.TP
.BI enable " UNIT" \fR...
Create the symbolic links that the
.B [Install]
section of each unit file asks for, so the unit is started at boot, then
reload the manager. With
.B \-\-now
also start the units.
.TP
.BI disable " UNIT" \fR...
Remove those links. With
.B \-\-now
also stop the units.
.TP
.BI reenable " UNIT" \fR...
Disable and enable again, resetting the links to what the unit file says.
.TP
.BI preset " UNIT" \fR...
Enable or disable units according to the preset files in
.BR /usr/lib/systemd/system\-preset/ .
.TP
.B preset\-all
Apply the preset files to every installed unit.
.TP
.BI is\-enabled " UNIT" \fR...
Print the enablement state of each unit file; the status is 0 when at least
one is enabled.
.TP
.BI mask " UNIT" \fR...
Link the units to
.B /dev/null
in
.BR /etc/systemd/system ,
so that nothing can start them.
.TP
.BI unmask " UNIT" \fR...
Undo
.BR mask .
.TP
.BI link " PATH" \fR...
Make a unit file that lives outside the search path known to the manager.
.TP
.BI revert " UNIT" \fR...
Remove local overrides and drop-ins, going back to the vendor unit file.
.TP
\fBadd\-wants\fR \fITARGET UNIT\fR..., \fBadd\-requires\fR \fITARGET UNIT\fR...
Add a
.BR Wants " or " Requires
dependency from the target to the units, as a link in the target's
.BR .wants/ " or " .requires/
directory.
.TP
.B get\-default
Print the target the system boots into
.RB ( multi\-user.target
on Photon OS).
.TP
.BI set\-default " TARGET"
Point
.B default.target
at another target.
.SS "Manager commands"
.TP
.B daemon\-reload
Make the manager reread every unit file and rebuild its dependency tree. Run
it after editing a unit file by hand.
.TP
.B daemon\-reexec
Restart the manager in place (as far as units are concerned, like
.BR daemon\-reload ).
.TP
.B is\-system\-running
Print how far the system is:
.BR initializing ", " starting ", " running ", " degraded " (a unit has failed), " maintenance " or " stopping .
.SS "System commands"
.TP
.BR default ", " rescue ", " emergency
Isolate the default, rescue or emergency target.
.TP
.BR halt ", " poweroff ", " reboot
Stop all units, then halt, switch off or restart the machine. These need
root.
.SH OPTIONS
.TP
.BR \-t ", " \-\-type =\fITYPE\fR
Limit listings to units of these types (comma-separated), such as
.BR service ,
.B socket
or
.BR target .
.TP
.BI \-\-state= STATE
Limit listings to units in these load, active or sub-states, for example
.BR \-\-state=failed .
.TP
.B \-\-failed
Same as
.BR \-\-state=failed .
.TP
.BR \-a ", " \-\-all
Include inactive units in listings, and empty properties in
.BR show .
.TP
.BR \-p ", " \-\-property =\fINAME\fR
With
.BR show ,
print only these properties. May be repeated.
.TP
.BI \-P " NAME"
Like
.B \-\-property
together with
.BR \-\-value .
.TP
.B \-\-value
With
.BR show ,
print the values without the names.
.TP
.BR \-l ", " \-\-full
Do not shorten unit names, descriptions or process command lines.
.TP
.B \-\-reverse
With
.BR list\-dependencies ,
follow dependencies backwards.
.TP
.BR \-\-after ", " \-\-before
With
.BR list\-dependencies ,
show ordering dependencies.
.TP
.B \-\-no\-block
Queue the job and return without waiting for it.
.TP
.BI \-\-job\-mode= MODE
How the new job treats jobs already queued:
.BR replace " (default), " fail ", " isolate ", " ignore\-dependencies ", ..."
.TP
.BR \-q ", " \-\-quiet
Print less: no state with
.BR is\-active ,
no messages about links created by
.BR enable .
.TP
.B \-\-no\-legend
Leave out the column headers and the summary line of listings.
.TP
.B \-\-no\-pager
Write to standard output instead of a pager.
.TP
.B \-\-plain
Print
.B list\-dependencies
as a plain list, without the tree lines.
.TP
.BR \-n ", " \-\-lines =\fIN\fR
Number of journal lines
.B status
shows (default 10).
.TP
.BR \-o ", " \-\-output =\fIMODE\fR
Journal output mode for
.BR status ;
see
.BR journalctl (1).
.TP
.B \-\-now
With
.BR enable " or " disable ,
also start or stop the units.
.TP
.B \-\-runtime
Make changes under
.B /run
only, so that they do not survive a reboot.
.TP
.BR \-f ", " \-\-force
With
.BR enable ,
replace links that are in the way.
.TP
.BI \-\-root= PATH
Work on the unit files below
.I PATH
instead of the running system; only unit file commands are allowed.
.TP
.B \-\-no\-reload
Do not ask the manager to reload after
.BR enable ", " disable " or " mask .
.TP
.BR \-s ", " \-\-signal =\fISIGNAL\fR
Signal sent by
.BR kill .
.TP
.BI \-\-kill\-whom= WHO
Which processes
.B kill
signals:
.BR main ", " control " or " all " (default)."
.TP
.BR \-\-system ", " \-\-user
Talk to the system manager (the default) or to the calling user's manager.
.TP
.BR \-h ", " \-\-help
Print a summary of commands and options.
.TP
.B \-\-version
Print the systemd version and its compile-time features.
.SH EXIT STATUS
0 means success. For
.BR is\-active ,
.B is\-failed
and
.B is\-enabled
a non-zero status means none of the units was in the asked-for state.
.B status
follows the LSB convention: 0 when the unit is active, 3 when it is not
running, 4 when there is no such unit. Other failures (bad arguments,
failed jobs, permission problems) give 1.
.SH ENVIRONMENT
.TP
.BR SYSTEMD_PAGER ", " PAGER
The pager to use; when neither is set,
.B less
is used. An empty value or
.B cat
turns paging off.
.TP
.B SYSTEMD_LESS
Options given to
.B less
(default
.BR FRSXMK ).
.SH FILES
.TP
.B /etc/systemd/system/
Local unit files, drop-ins
(\fIunit\fB.d/*.conf\fR)
and the links made by
.BR enable ;
these override the vendor files.
.TP
.B /run/systemd/system/
Runtime units and changes made with
.BR \-\-runtime .
.TP
.B /usr/lib/systemd/system/
Unit files installed by packages.
.TP
.B /usr/lib/systemd/system\-preset/
Preset files;
.B 10\-defaults.preset
holds Photon OS's own choices.
.SH EXAMPLES
.PP
Check the SSH daemon and see its last log lines:
.PP
.RS
.nf
# systemctl status sshd
.fi
.RE
.PP
Start Docker now and at every boot:
.PP
.RS
.nf
# systemctl enable \-\-now docker
.fi
.RE
.PP
Apply a changed
.B .network
file:
.PP
.RS
.nf
# systemctl restart systemd\-networkd
.fi
.RE
.PP
List the failed units, then clear them:
.PP
.RS
.nf
# systemctl \-\-failed
# systemctl reset\-failed
.fi
.RE
.SH SEE ALSO
.BR systemd.unit (5),
.BR systemd.service (5),
.BR journalctl (1),
.BR systemd\-analyze (1),
.BR loginctl (1),
.BR shutdown (8)
`;
