export default String.raw`.TH TZSELECT 8 "2022-12" "glibc 2.36" "System Manager's Manual"
.SH NAME
tzselect \- find the time zone name for a location
.SH SYNOPSIS
.B tzselect
[\fB\-c\fR \fIcoord\fR] [\fB\-n\fR \fIlimit\fR] [\fB\-\-help\fR] [\fB\-\-version\fR]
.SH DESCRIPTION
.B tzselect
asks questions (a continent or ocean, then a country, then a region) and prints
the time zone name that fits, such as Europe/Paris, for use in
.B TZ
or with
.BR "timedatectl set-timezone" .
It changes no setting itself. It reads the tables iso3166.tab and zone1970.tab
under
.B $TZDIR
(default /usr/share/zoneinfo, from the tzdata package).
.SH OPTIONS
.TP
.B \-c \fIcoord\fR
Offer the zones whose main cities are nearest to \fIcoord\fR, given in ISO 6709
notation such as +4852+00220.
.TP
.B \-n \fIlimit\fR
With \fB\-c\fR, offer at most \fIlimit\fR places (default 10).
.SH SEE ALSO
.BR timedatectl (1),
.BR date (1)
`;
