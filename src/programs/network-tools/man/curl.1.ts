export default String.raw`.TH curl 1 "" "curl 8.12.0" "curl Manual"
.SH NAME
curl \- transfer a URL
.SH SYNOPSIS
.B curl
[\fIoptions\fR] \fIURL\fR...
.SH DESCRIPTION
.B curl
fetches the given URLs and writes what the server sends back to standard
output, or to a file.
When the output goes to a file or a pipe it shows a progress meter on
standard error.
Errors end with a message such as
.B "curl: (7) Failed to connect to ..."
and the matching exit code.
.SH OPTIONS
.TP
.BR \-I ", " \-\-head
Fetch the headers only.
.TP
.BR \-i ", " \-\-show\-headers
Include the response headers in the output.
.TP
.BR \-L ", " \-\-location
Follow redirects.
.TP
.BI \-o " file"
Write the output to
.IR file .
.TP
.BR \-O ", " \-\-remote\-name
Write the output to a file named like the last part of the URL.
.TP
.BR \-s ", " \-\-silent
No progress meter and no error messages.
.TP
.BR \-S ", " \-\-show\-error
With
.BR \-s ,
still show error messages.
.TP
.BR \-f ", " \-\-fail
Fail with exit code 22 and no output when the server answers with an error status.
.TP
.BR \-v ", " \-\-verbose
Show the connection and the request and response headers.
.TP
.BI \-w " format"
Print
.I format
after the transfer;
.B %{http_code}
is the response status.
.TP
.BI \-m " seconds"
Give up after that many seconds in all.
.TP
.BI \-\-connect\-timeout " seconds"
Give up connecting after that many seconds.
.SH "EXIT CODES"
6 the host name could not be resolved; 7 could not connect; 22 HTTP error
with
.BR \-f ;
28 a timeout was reached.
.SH "SEE ALSO"
.BR ping (8),
.BR ncat (1)
`;
