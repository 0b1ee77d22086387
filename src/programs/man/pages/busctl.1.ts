export default String.raw`.TH BUSCTL 1 "" "systemd 253" "busctl"
.SH NAME
busctl \- look at and talk to services on the D\-Bus bus
.SH SYNOPSIS
.B busctl
[\fIOPTIONS\fR...] [\fICOMMAND\fR] [\fINAME\fR...]
.SH DESCRIPTION
.B busctl
lists the peers connected to a D\-Bus bus, shows the objects and interfaces
a service offers, watches the messages that pass, and calls methods or reads
and sets properties from the command line. Without a command it lists the
peers, as
.B list
does.
.SH COMMANDS
.TP
.B list
The peers on the bus, with their process, user, unit and connection name.
.TP
.BI status " " \fR[\fISERVICE\fR]
Process and credential details of a peer (of busctl itself without one).
.TP
.BI monitor " " \fR[\fISERVICE\fR...]
Print every message to or from the given peers as it passes.
.TP
.BI tree " " \fR[\fISERVICE\fR...]
The object paths each service offers, as a tree.
.TP
.BI introspect " SERVICE OBJECT " \fR[\fIINTERFACE\fR]
The interfaces, methods, properties and signals of one object.
.TP
.BI call " SERVICE OBJECT INTERFACE METHOD " \fR[\fISIGNATURE\fR [\fIARGUMENT\fR...]]
Call a method and print what it returns.
.TP
.BI get\-property " SERVICE OBJECT INTERFACE PROPERTY" ...
.TQ
.BI set\-property " SERVICE OBJECT INTERFACE PROPERTY SIGNATURE ARGUMENT" ...
Read or change properties.
.SH OPTIONS
.TP
.B \-\-system
Talk to the system bus (the default).
.TP
.B \-\-user
Talk to the calling user's bus.
.TP
.BR \-H ", " \-\-host= \fIHOST\fR
Talk to the bus of another machine over SSH.
.TP
.B \-\-no\-pager
Do not page the output.
.TP
.B \-\-no\-legend
Leave the column headings and the closing line out.
.TP
.BR \-j ", " \-\-json= \fIMODE\fR
Print replies as JSON.
.SH "EXIT STATUS"
0 on success, non\-zero otherwise. Without a running bus (as on a machine
whose service manager does not provide one) every command fails with
.IR "Failed to connect to bus" .
.SH "SEE ALSO"
.BR systemctl (1),
.BR systemd\-run (1)
`;
