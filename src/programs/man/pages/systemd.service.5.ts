export default String.raw`.TH SYSTEMD.SERVICE 5 "" "systemd 253" "systemd.service"
.SH NAME
systemd.service \- service unit configuration
.SH SYNOPSIS
.IB service .service
.SH DESCRIPTION
A
.B .service
unit describes a process that
.BR systemd (1)
starts, watches and stops. Besides the common
.B [Unit]
and
.B [Install]
sections of
.BR systemd.unit (5),
it has a
.B [Service]
section, described here.
.PP
Command lines in
.B Exec
settings are not run by a shell: the first word is the program (an absolute
path, or a name looked up in the usual directories), and the rest are its
arguments.
.B $VAR
and
.B $MAINPID
are expanded. A leading
.B \-
means a failure of that command is ignored.
.SH OPTIONS
.TP
.BI Type= type
How systemd knows the service has started:
.RS
.TP
.B simple
(the default) as soon as the process is created;
.TP
.B exec
once the program has been executed successfully;
.TP
.B forking
when the started process exits, leaving a child behind as the daemon;
.TP
.B oneshot
when the process has exited; used for tasks run once, often with
.BR RemainAfterExit=yes ;
.TP
.B notify
when the program says it is ready through
.BR sd_notify (3)
(containerd, dockerd and most of systemd's own daemons do).
.TP
.B idle
like simple, but delayed until other jobs are done (used by getty).
.RE
.TP
.BI ExecStart= command
The command that runs the service. Only one is allowed, except for
.BR Type=oneshot .
.TP
.BI ExecStartPre= command "\fR, " ExecStartPost= command
Commands run before and after
.BR ExecStart= .
.TP
.BI ExecReload= command
What
.B systemctl reload
runs, often
.BR "/bin/kill \-HUP $MAINPID" .
.TP
.BI ExecStop= command
What stops the service; without it, its processes get SIGTERM.
.TP
.BI Restart= when
Restart the service when it ends:
.BR no " (default), " on\-success ", " on\-failure ", " on\-abnormal ", " on\-abort ", " always .
.TP
.BI RestartSec= time
How long to wait before restarting (default 100ms).
.TP
.BI RemainAfterExit= bool
Keep the unit active after its processes have exited.
.TP
.BI TimeoutStartSec= time "\fR, " TimeoutStopSec= time
How long starting or stopping may take before it counts as failed
(default 90s).
.TP
.BI User= name "\fR, " Group= name
Run the processes under this account instead of root.
.TP
.BI WorkingDirectory= dir
The directory the processes start in.
.TP
.BI Environment= "VAR=value ..." "\fR, " EnvironmentFile= file
Variables for the processes, given directly or read from a file.
.TP
.BI PIDFile= path
With
.BR Type=forking ,
the file where the daemon writes its process ID.
.TP
.BI KillMode= mode
Which processes are signalled on stop:
.BR control\-group " (default, all of them), " mixed ", " process " (main only) or " none .
.TP
.BI StandardOutput= "\fR, " StandardError=
Where output goes; by default to the journal, where
.B journalctl \-u
shows it.
.TP
.BI SuccessExitStatus= statuses
Exit statuses counted as success besides 0.
.TP
.BI LimitNOFILE= n "\fR, " TasksMax= n "\fR, " OOMScoreAdjust= n
Resource limits and OOM-killer preference.
.SH EXAMPLES
.PP
A small service in
.BR /etc/systemd/system/hello.service :
.PP
.RS
.nf
[Unit]
Description=Hello loop
After=network.target

[Service]
ExecStart=/bin/sh \-c 'while true; do echo hello; sleep 60; done'
Restart=on\-failure

[Install]
WantedBy=multi\-user.target
.fi
.RE
.PP
Then:
.B systemctl daemon\-reload
and
.BR "systemctl enable \-\-now hello" .
.SH SEE ALSO
.BR systemd.unit (5),
.BR systemctl (1),
.BR journalctl (1)
`;
