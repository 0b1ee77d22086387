// The manual page the checksum programs share (md5sum, sha1sum, sha224sum ... sha512sum):
// coreutils documents them alike, only the algorithm, its standard and a note differ.

export interface DigestPage {
  /** the program, e.g. sha256sum */
  name: string;
  /** the algorithm as the page and --tag write it, e.g. SHA256 */
  tag: string;
  /** e.g. 256-bit, FIPS 180-4 */
  kind: string;
  /** roff lines after the description of -c */
  about?: string;
  /** roff lines after the exit status */
  caveat?: string;
  /** the pages SEE ALSO names before cksum(1) and cmp(1) */
  seeAlso: string[];
}

export function digestPage(p: DigestPage): string {
  return String.raw`.TH ${p.name.toUpperCase()} 1 "2022-04" "GNU coreutils 9.1" "User Commands"
.SH NAME
${p.name} \- compute and check ${p.tag} message digests
.SH SYNOPSIS
.B ${p.name}
[\fIOPTION\fR]... [\fIFILE\fR]...
.SH DESCRIPTION
.B ${p.name}
prints the ${p.tag} (${p.kind}) checksum of each
.I FILE
(or of standard input when there is no
.I FILE
or it is
.BR \- ).
Each output line holds the checksum in hexadecimal, a space, a character
telling the mode (a space for text, \fB*\fR for binary; the two read the
same on Linux), and the file name.
.PP
With
.BR \-c ,
the files are instead lists of such lines, as produced earlier: every file
named in them is read again and reported as
.B OK
or
.BR FAILED .
${p.about ? `${p.about}\n` : ''}.SH OPTIONS
.TP
.BR \-b ", " \-\-binary
Read in binary mode (marks the lines with \fB*\fR).
.TP
.BR \-c ", " \-\-check
Read checksums from the
.I FILEs
and verify them.
.TP
.B \-\-tag
Print BSD\-style lines:
.BI "${p.tag} (" file ") = " checksum \fR.
.TP
.BR \-t ", " \-\-text
Read in text mode (the default).
.TP
.BR \-z ", " \-\-zero
End each output line with a NUL byte instead of a newline, and do not
escape file names.
.SS "Options useful only with \-\-check"
.TP
.B \-\-ignore\-missing
Say nothing about files that do not exist.
.TP
.B \-\-quiet
Do not print
.B OK
for each file that verifies.
.TP
.B \-\-status
Print nothing; the exit status gives the result.
.TP
.B \-\-strict
Fail when a checksum line is not correctly formatted.
.TP
.BR \-w ", " \-\-warn
Warn about each incorrectly formatted checksum line.
.TP
.B \-\-help
Print a usage summary and exit.
.TP
.B \-\-version
Print the version and exit.
.SH "EXIT STATUS"
0 on success; 1 if a file could not be read or, with
.BR \-c ,
a checksum did not match.
${p.caveat ? `.PP\n${p.caveat}\n` : ''}.SH EXAMPLES
.TP
.B "${p.name} /etc/passwd /etc/group > sums.txt"
Record the checksums of two files.
.TP
.B "${p.name} \-c sums.txt"
Check later that they have not changed.
.SH "SEE ALSO"
${p.seeAlso.map((s) => `.BR ${s} (1),\n`).join('')}.BR cksum (1),
.BR cmp (1)
`;
}
