export default String.raw`.TH WGET 1 "2022-02-26" "GNU Wget 1.21.3" "GNU Wget"
.SH NAME
wget \- download files over HTTP, HTTPS and FTP without a browser
.SH SYNOPSIS
.B wget
[\fIoption\fR]... [\fIURL\fR]...
.SH DESCRIPTION
.B wget
fetches each
.I URL
and saves what the server sends into a file named after the last part of
the URL's path
.RB ( index.html
when the path ends in a slash).
When that file exists already, the new copy gets a numeric suffix
.RB ( .1 ,
.BR .2 ,
\&...).
It is non-interactive: it keeps going when the terminal is gone, retries
after network failures and follows redirects.
Progress goes to standard error: a bar when that is a terminal, rows of dots
otherwise.
.PP
Photon OS does not install
.B wget
in its minimal profile;
.B "tdnf install wget"
adds it.
.SH OPTIONS
.TP
.BI \-O " file" "\fR, \fP\-\-output\-document=" file
Write everything fetched into
.I file
instead; with
.B \-
write it to standard output.
.TP
.BI \-P " dir" "\fR, \fP\-\-directory\-prefix=" dir
Save files under
.IR dir .
.TP
.BR \-q ", " \-\-quiet
Print nothing.
.TP
.BR \-nv ", " \-\-no\-verbose
Print one line per file and errors only.
.TP
.BR \-S ", " \-\-server\-response
Show the headers the server answered with.
.TP
.B \-\-spider
Check that the files are there without downloading them.
.TP
.BR \-c ", " \-\-continue
Continue a partly downloaded file.
.TP
.BR \-nc ", " \-\-no\-clobber
Keep an existing file rather than fetching another copy.
.TP
.BI \-T " seconds" "\fR, \fP\-\-timeout=" seconds
Give up on a connection or read that takes longer.
.TP
.BI \-t " number" "\fR, \fP\-\-tries=" number
Try this many times (0 means without limit; the default is 20).
.TP
.BI \-\-max\-redirect= number
Follow at most this many redirects (20 by default).
.TP
.BI \-o " logfile" "\fR, \fP\-a " logfile
Write the messages into
.I logfile
(replacing it, or appending with
.BR \-a ).
.TP
.BI \-i " file"
Read the URLs from
.IR file .
.TP
.B \-\-no\-check\-certificate
Do not verify the server's certificate.
.TP
.BR \-V ", " \-\-version
Print the version and the features built in.
.TP
.BR \-h ", " \-\-help
Print a summary of the options.
.SH "EXIT STATUS"
0 when all went well; 1 for a generic error; 2 for a command-line error;
3 for a file I/O error; 4 for a network failure (no name resolution, a
refused or timed-out connection); 5 for a TLS verification failure;
6 when authentication failed; 7 for a protocol error; 8 when the server
answered with an error (such as 404 Not Found).
.SH EXAMPLES
.TP
.B "wget http://packages.vmware.com/photon/"
Saves the page as
.BR index.html .
.TP
.B "wget \-qO\- http://localhost/"
Prints a local web server's page.
.SH FILES
.TP
.I /etc/wgetrc
Settings for every user.
.SH "SEE ALSO"
.BR curl (1)
`;
