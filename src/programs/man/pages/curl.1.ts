export default String.raw`.TH CURL 1 "" "curl 8.12.0" "curl Manual"
.\" Written for this simulator; describes curl 8 as Photon OS 5.0 ships it.
.SH NAME
curl \- transfer data to or from a server given by URL
.SH SYNOPSIS
\fBcurl\fR [\fIOPTIONS\fR...] \fIURL\fR...
.SH DESCRIPTION
\fBcurl\fR fetches (or sends) the resource named by each \fIURL\fR and writes
what the server returns to standard output, unless told to save it to a file.
It speaks many protocols; HTTP and HTTPS are the everyday ones. A URL without
a scheme is taken as \fBhttp://\fR.
.PP
While a download runs to a file or pipe, curl draws a progress table on
standard error. Errors are printed as \fBcurl: (\fIN\fB)\fR \fImessage\fR,
where \fIN\fR is also the exit status. curl does not treat an HTTP error
status (404, 500) as a failure unless \fB\-f\fR is given.
.PP
Short options can be clustered (\fB\-sSL\fR) and may carry their value
directly (\fB\-ofile\fR). A boolean long option is switched off with a
\fB\-\-no\-\fR prefix (\fB\-\-no\-progress\-meter\fR).
.SH OPTIONS
.TP
\fB\-o\fR, \fB\-\-output\fR \fIFILE\fR
Write the body to \fIFILE\fR. Use once per URL.
.TP
\fB\-O\fR, \fB\-\-remote\-name\fR
Save to a file named after the last part of the URL path, in the current directory.
.TP
\fB\-s\fR, \fB\-\-silent\fR; \fB\-S\fR, \fB\-\-show\-error\fR
No progress meter and no error messages; with \fB\-S\fR errors are still shown.
.TP
\fB\-\-no\-progress\-meter\fR
Hide the progress meter but keep error messages.
.TP
\fB\-v\fR, \fB\-\-verbose\fR
Show the connection steps (\fB*\fR), request headers (\fB>\fR) and response
headers (\fB<\fR) on standard error.
.TP
\fB\-I\fR, \fB\-\-head\fR
Send a HEAD request and print only the response headers.
.TP
\fB\-i\fR, \fB\-\-include\fR, \fB\-\-show\-headers\fR
Print the response headers before the body.
.TP
\fB\-L\fR, \fB\-\-location\fR; \fB\-\-max\-redirs\fR \fIN\fR
Follow redirections (3xx with a Location header), at most \fIN\fR times (default 50).
.TP
\fB\-f\fR, \fB\-\-fail\fR; \fB\-\-fail\-with\-body\fR
On an HTTP status of 400 or above, print nothing (or still print the body)
and exit 22.
.TP
\fB\-X\fR, \fB\-\-request\fR \fIMETHOD\fR
Use another request method (\fBPUT\fR, \fBDELETE\fR, ...).
.TP
\fB\-d\fR, \fB\-\-data\fR \fIDATA\fR
Send \fIDATA\fR in a POST request as form data; repeated \fB\-d\fR are joined with \fB&\fR.
\fB@\fIfile\fR reads it from a file.
.TP
\fB\-H\fR, \fB\-\-header\fR \fI'Name: value'\fR
Add or replace a request header.
.TP
\fB\-A\fR, \fB\-\-user\-agent\fR \fINAME\fR; \fB\-e\fR, \fB\-\-referer\fR \fIURL\fR; \fB\-u\fR, \fB\-\-user\fR \fIUSER\fR:\fIPASS\fR
User-Agent header (default \fBcurl/\fIversion\fR); Referer header; server credentials.
.TP
\fB\-w\fR, \fB\-\-write\-out\fR \fIFORMAT\fR
After the transfer print \fIFORMAT\fR, where \fB%{\fIvariable\fB}\fR is
replaced: \fBhttp_code\fR, \fBurl_effective\fR, \fBremote_ip\fR,
\fBremote_port\fR, \fBcontent_type\fR, \fBsize_download\fR,
\fBspeed_download\fR, \fBnum_redirects\fR, \fBtime_namelookup\fR,
\fBtime_connect\fR, \fBtime_appconnect\fR, \fBtime_starttransfer\fR,
\fBtime_total\fR, \fBexitcode\fR, \fBerrormsg\fR and more;
\fB%{stderr}\fR switches output to standard error and \fB\en\fR is a newline.
.TP
\fB\-m\fR, \fB\-\-max\-time\fR \fISECONDS\fR; \fB\-\-connect\-timeout\fR \fISECONDS\fR
Limit the whole operation, or only the connection phase (exit 28 when exceeded).
.TP
\fB\-4\fR, \fB\-\-ipv4\fR; \fB\-6\fR, \fB\-\-ipv6\fR
Resolve names to IPv4 or IPv6 addresses only.
.TP
\fB\-k\fR, \fB\-\-insecure\fR; \fB\-\-cacert\fR \fIFILE\fR
Skip TLS certificate verification; trust the CA certificates in \fIFILE\fR.
.TP
\fB\-T\fR, \fB\-\-upload\-file\fR \fIFILE\fR; \fB\-F\fR, \fB\-\-form\fR \fIname=value\fR
Upload a file (PUT for HTTP); send a multipart form.
.TP
\fB\-x\fR, \fB\-\-proxy\fR \fIURL\fR; \fB\-\-retry\fR \fIN\fR; \fB\-\-compressed\fR; \fB\-C\fR \fIOFFSET\fR
Use a proxy; retry transient failures; ask for a compressed response; resume.
.TP
\fB\-\-http1.0\fR, \fB\-\-http1.1\fR, \fB\-Z\fR, \fB\-\-parallel\fR, \fB\-q\fR, \fB\-\-disable\fR
HTTP version; parallel transfers; do not read \fI~/.curlrc\fR (first option only).
.TP
\fB\-h\fR, \fB\-\-help\fR [\fICATEGORY\fR]; \fB\-V\fR, \fB\-\-version\fR
Short help (\fB\-\-help all\fR lists every option); version and features.
.SH "EXIT STATUS"
.TP
.B 0
Success (also for HTTP error statuses without \fB\-f\fR).
.TP
.B 1
Unsupported protocol.
.TP
.B 2
Bad command line (unknown option, missing value).
.TP
.B 3
Malformed URL.
.TP
.B 6
Could not resolve the host name.
.TP
.B 7
Could not connect (refused, or host unreachable).
.TP
.B 22
HTTP status 400 or higher with \fB\-f\fR.
.TP
.B 23
Could not write the output (for example an unwritable \fB\-o\fR file).
.TP
.B 28
Timed out (\fB\-m\fR, \fB\-\-connect\-timeout\fR, or the connection attempt).
.TP
.B 35, 60
TLS handshake failed; certificate could not be verified.
.TP
.B 47
Too many redirects.
.TP
.B 52, 56
The server sent nothing; the connection broke while receiving.
.SH EXAMPLES
.nf
curl http://localhost/
curl \-I https://packages.vmware.com/photon/
curl \-sSLo page.html http://example.com/
curl \-s \-o /dev/null \-w '%{http_code}\en' http://10.0.0.5:8080/health
curl \-X POST \-H 'Content\-Type: application/json' \-d '{"a":1}' http://localhost:8080/api
.fi
.SH "SEE ALSO"
\fBwget\fR(1), \fBncat\fR(1), \fBss\fR(8)
`;
