// wget --help and --version. The option names, their grouping and the column layout follow
// GNU Wget 1.21.3 as Photon OS 5.0 builds it (OpenSSL, zlib, HSTS, xattr; no c-ares, metalink
// or IRI); the descriptions are our own words.

/** One option: its names padded to `width` (four spaces after longer ones), continuation lines at `cont`. */
const col = (opts: string, text: string, width = 35, cont = 37): string => {
  const lines = text.split('\n');
  const head = opts.length >= width ? `${opts}    ` : opts.padEnd(width);
  return `${head}${lines[0]}\n${lines.slice(1).map((l) => `${' '.repeat(cont)}${l}\n`).join('')}`;
};

const section = (title: string, rows: [string, string][]): string => `${title}:\n${rows.map(([o, t]) => col(o, t)).join('')}\n`;

export function wgetHelp(exec: string): string {
  return `GNU Wget 1.21.3, a non-interactive network retriever.
Usage: ${exec} [OPTION]... [URL]...

A value a long option needs is needed by its short form as well.

${section('Startup', [
  ['  -V,  --version', 'show the Wget version and stop'],
  ['  -h,  --help', 'show this list of options'],
  ['  -b,  --background', 'detach and keep working in the background'],
  ['  -e,  --execute=COMMAND', 'run COMMAND as if it were a line of .wgetrc'],
])}${section('Logging and input file', [
  ['  -o,  --output-file=FILE', 'write the log to FILE instead of stderr'],
  ['  -a,  --append-output=FILE', 'add the log to the end of FILE'],
  ['  -d,  --debug', 'show the requests and other internals'],
  ['  -q,  --quiet', 'print nothing at all'],
  ['  -v,  --verbose', 'print the full log (on by default)'],
  ['  -nv, --no-verbose', 'print errors and one line per file only'],
  ['       --report-speed=TYPE', 'show rates as TYPE; bits is the only choice'],
  ['  -i,  --input-file=FILE', 'fetch the URLs listed in FILE (local or remote)'],
  ['  -F,  --force-html', 'read the input file as HTML'],
  ['  -B,  --base=URL', 'resolve relative links of an HTML input file\n(-i -F) against URL'],
  ['       --config=FILE', 'read settings from FILE'],
  ['       --no-config', 'read no settings file at all'],
  ['       --rejected-log=FILE', 'record in FILE why URLs were skipped'],
])}${section('Download', [
  ['  -t,  --tries=NUMBER', 'try each URL NUMBER times (0 or inf: no limit)'],
  ['       --retry-connrefused', 'try again when the connection is refused'],
  ['       --retry-on-http-error=ERRORS', 'HTTP status codes (comma-separated) worth a retry'],
  ['  -O,  --output-document=FILE', 'put every document into FILE (- for stdout)'],
  ['  -nc, --no-clobber', 'leave existing files alone and skip their\ndownload'],
  ['       --no-netrc', 'never take credentials from .netrc'],
  ['  -c,  --continue', 'pick up a partial file where it stopped'],
  ['       --start-pos=OFFSET', 'begin at byte OFFSET (counting from zero)'],
  ['       --progress=TYPE', 'pick the progress display: bar or dot'],
  ['       --show-progress', 'show progress whatever the verbosity'],
  ['  -N,  --timestamping', 'fetch only files newer than the local copy'],
  ['       --no-if-modified-since', 'with -N, ask without an If-Modified-Since\nheader'],
  ['       --no-use-server-timestamps', 'keep the local time on saved files'],
  ['  -S,  --server-response', 'show the headers the server sends'],
  ['       --spider', 'only check that documents exist'],
  ['  -T,  --timeout=SECONDS', 'use SECONDS for every timeout below'],
  ['       --dns-timeout=SECS', 'give up a name lookup after SECS'],
  ['       --connect-timeout=SECS', 'give up connecting after SECS'],
  ['       --read-timeout=SECS', 'give up a silent read after SECS'],
  ['  -w,  --wait=SECONDS', 'pause SECONDS between downloads\n(with more than one URL)'],
  ['       --waitretry=SECONDS', 'pause up to SECONDS before each retry\n(with more than one URL)'],
  ['       --random-wait', 'vary the pause from 0.5 to 1.5 times WAIT\n(with more than one URL)'],
  ['       --no-proxy', 'never go through a proxy'],
  ['  -Q,  --quota=NUMBER', 'stop after NUMBER bytes in all'],
  ['       --bind-address=ADDRESS', 'connect from ADDRESS of this machine'],
  ['       --limit-rate=RATE', 'download no faster than RATE'],
  ['       --no-dns-cache', 'look names up every time'],
  ['       --restrict-file-names=OS', 'keep file names to what OS accepts'],
  ['       --ignore-case', 'compare names without regard to case'],
  ['  -4,  --inet4-only', 'use IPv4 addresses only'],
  ['  -6,  --inet6-only', 'use IPv6 addresses only'],
  ['       --prefer-family=FAMILY', 'try addresses of FAMILY first: IPv6, IPv4\nor none'],
  ['       --user=USER', 'log in as USER for ftp and http'],
  ['       --password=PASS', 'use PASS for ftp and http'],
  ['       --ask-password', 'ask for the passwords'],
  ['       --use-askpass=COMMAND', 'run COMMAND to ask for the user name and\npassword; without COMMAND, WGET_ASKPASS\nor SSH_ASKPASS names it'],
  ['       --no-iri', 'leave IRIs alone'],
  ['       --local-encoding=ENC', 'treat local text as ENC for IRIs'],
  ['       --remote-encoding=ENC', 'treat remote text as ENC by default'],
  ['       --unlink', 'delete a file before replacing it'],
  ['       --xattr', 'record where files came from in extended\nattributes'],
])}${section('Directories', [
  ['  -nd, --no-directories', 'put every file in the current directory'],
  ['  -x,  --force-directories', 'always build the directory tree'],
  ['  -nH, --no-host-directories', 'leave the host name out of the tree'],
  ['       --protocol-directories', 'start the tree with the protocol name'],
  ['  -P,  --directory-prefix=PREFIX', 'save everything under PREFIX/..'],
  ['       --cut-dirs=NUMBER', 'drop NUMBER leading remote directories'],
])}${section('HTTP options', [
  ['       --http-user=USER', 'log in to http servers as USER'],
  ['       --http-password=PASS', 'use PASS for http servers'],
  ['       --no-cache', 'ask caches for a fresh copy'],
  ['       --default-page=NAME', 'name directory pages NAME (instead of\nindex.html)'],
  ['  -E,  --adjust-extension', 'give HTML and CSS files a matching suffix'],
  ['       --ignore-length', 'pay no attention to Content-Length'],
  ['       --header=STRING', 'send STRING as one more header'],
  ['       --compression=TYPE', 'compression to ask for: auto, gzip or none (default: none)'],
  ['       --max-redirect', 'follow at most this many redirections'],
  ['       --proxy-user=USER', 'log in to the proxy as USER'],
  ['       --proxy-password=PASS', 'use PASS for the proxy'],
  ['       --referer=URL', "send 'Referer: URL' with each request"],
  ['       --save-headers', 'keep the response headers in the saved file'],
  ['  -U,  --user-agent=AGENT', 'call ourselves AGENT, not Wget/VERSION'],
  ['       --no-http-keep-alive', 'use a new connection for every request'],
  ['       --no-cookies', 'neither send nor keep cookies'],
  ['       --load-cookies=FILE', 'start with the cookies in FILE'],
  ['       --save-cookies=FILE', 'write the cookies to FILE at the end'],
  ['       --keep-session-cookies', 'include session cookies when loading and saving'],
  ['       --post-data=STRING', 'POST STRING'],
  ['       --post-file=FILE', 'POST what FILE holds'],
  ['       --method=HTTPMethod', 'send requests with method "HTTPMethod"'],
  ['       --body-data=STRING', 'send STRING as the body (needs --method)'],
  ['       --body-file=FILE', 'send FILE as the body (needs --method)'],
  ['       --content-disposition', 'name files after Content-Disposition\n(EXPERIMENTAL)'],
  ['       --content-on-error', 'keep the body of error responses as well'],
  ['       --auth-no-challenge', 'send Basic credentials before the server\nasks for them'],
])}${section('HTTPS (SSL/TLS) options', [
  ['       --secure-protocol=PR', 'protocol to use: auto, SSLv2, SSLv3, TLSv1,\nTLSv1_1, TLSv1_2, TLSv1_3 or PFS'],
  ['       --https-only', 'follow only links to https URLs'],
  ['       --no-check-certificate', "accept the server's certificate unchecked"],
  ['       --certificate=FILE', 'present the client certificate in FILE'],
  ['       --certificate-type=TYPE', 'client certificate format: PEM or DER'],
  ['       --private-key=FILE', 'the private key in FILE'],
  ['       --private-key-type=TYPE', 'private key format: PEM or DER'],
  ['       --ca-certificate=FILE', 'trust the CA certificates in FILE'],
  ['       --ca-directory=DIR', 'trust the hashed CA certificates in DIR'],
  ['       --crl-file=FILE', 'check against the revocation lists in FILE'],
  ['       --pinnedpubkey=FILE/HASHES', "accept only this public key (PEM/DER FILE),\nor these base64 sha256 hashes, each\nstarting 'sha256//' and joined by ';'"],
  ['       --random-file=FILE', 'seed the SSL random generator from FILE'],
])}${col('       --ciphers=STR', 'the cipher list handed to OpenSSL as is;\nit overrides --secure-protocol', 31, 35)}
${section('HSTS options', [
  ['       --no-hsts', 'ignore HSTS'],
  ['       --hsts-file', 'keep the HSTS database in this file'],
])}${section('FTP options', [
  ['       --ftp-user=USER', 'log in to ftp servers as USER'],
  ['       --ftp-password=PASS', 'use PASS for ftp servers'],
  ['       --no-remove-listing', "keep the '.listing' files"],
  ['       --no-glob', 'take ftp file names literally'],
  ['       --no-passive-ftp', 'use active transfers only'],
  ['       --preserve-permissions', 'give files the remote permissions'],
  ['       --retr-symlinks', 'when recursing, fetch what links point to'],
])}FTPS options:
${col('       --ftps-implicit', 'speak TLS from the start (port 990 by default)', 39)}${col('       --ftps-resume-ssl', 'reuse the control connection\'s TLS session\nfor data connections', 39, 41)}${col('       --ftps-clear-data-connection', 'encrypt the control channel only', 39)}${col('       --ftps-fallback-to-ftp', 'use plain FTP when the server lacks FTPS', 39)}${section('WARC options', [
  ['       --warc-file=FILENAME', 'record requests and responses in FILENAME.warc.gz'],
  ['       --warc-header=STRING', 'add STRING to the warcinfo record'],
  ['       --warc-max-size=NUMBER', 'start a new WARC file after NUMBER bytes'],
  ['       --warc-cdx', 'write CDX index files too'],
  ['       --warc-dedup=FILENAME', 'leave out records listed in this CDX file'],
  ['       --no-warc-compression', 'write WARC files uncompressed'],
  ['       --no-warc-digests', 'skip the SHA1 digests'],
  ['       --no-warc-keep-log', 'leave the log out of the WARC file'],
  ['       --warc-tempdir=DIRECTORY', 'where the WARC writer keeps its temporary\nfiles'],
])}${section('Recursive download', [
  ['  -r,  --recursive', 'follow links and download recursively'],
  ['  -l,  --level=NUMBER', 'how deep to go (inf or 0: no limit)'],
  ['       --delete-after', 'remove each file once it is downloaded'],
  ['  -k,  --convert-links', 'rewrite links in HTML and CSS to point at\nthe local copies'],
  ['       --convert-file-only', 'rewrite only the file part of links'],
  ['       --backups=N', 'keep up to N numbered backups of a file before\nwriting it'],
  ['  -K,  --backup-converted', 'keep X as X.orig before rewriting it'],
  ['  -m,  --mirror', 'short for -N -r -l inf --no-remove-listing'],
  ['  -p,  --page-requisites', 'also fetch the images and styles a page needs'],
  ['       --strict-comments', 'parse HTML comments strictly (SGML)'],
])}${section('Recursive accept/reject', [
  ['  -A,  --accept=LIST', 'file name suffixes to take, comma-separated'],
  ['  -R,  --reject=LIST', 'file name suffixes to skip, comma-separated'],
  ['       --accept-regex=REGEX', 'take URLs that match REGEX'],
  ['       --reject-regex=REGEX', 'skip URLs that match REGEX'],
  ['       --regex-type=TYPE', 'kind of regex (posix|pcre)'],
  ['  -D,  --domains=LIST', 'domains to follow, comma-separated'],
  ['       --exclude-domains=LIST', 'domains to avoid, comma-separated'],
  ['       --follow-ftp', 'follow FTP links found in HTML'],
  ['       --follow-tags=LIST', 'HTML tags to follow, comma-separated'],
  ['       --ignore-tags=LIST', 'HTML tags to ignore, comma-separated'],
  ['  -H,  --span-hosts', 'leave the starting host when recursing'],
  ['  -L,  --relative', 'follow relative links only'],
  ['  -I,  --include-directories=LIST', 'directories that may be fetched'],
  ['       --trust-server-names', "name the file after the last redirection's\nURL"],
  ['  -X,  --exclude-directories=LIST', 'directories to leave alone'],
  ['  -np, --no-parent', 'never go up to the parent directory'],
])}Send bug reports and questions to <bug-wget@gnu.org>, or open an issue at
https://savannah.gnu.org/bugs/?func=additem&group=wget.
`;
}

/** The --version text; the feature line is what Photon's build (configure --with-ssl=openssl) enables. */
export function wgetVersion(userWgetrc: string | undefined): string {
  const compile = 'gcc -DHAVE_CONFIG_H -DSYSTEM_WGETRC="/etc/wgetrc" -DLOCALEDIR="/usr/share/locale" -I. -I../lib -I../lib -DNDEBUG -O2 -g';
  const link = 'gcc -DNDEBUG -O2 -g -lpcre2-8 -lz -lssl -lcrypto -lz ftp-opie.o openssl.o http-ntlm.o ../lib/libgnu.a';
  return `GNU Wget 1.21.3 built on linux-gnu.

-cares +digest -gpgme +https +ipv6 -iri +large-file -metalink +nls 
+ntlm +opie -psl +ssl/openssl 

Wgetrc: 
${userWgetrc !== undefined ? `    ${userWgetrc} (user)\n` : ''}    /etc/wgetrc (system)
${wrap('Locale: ', '/usr/share/locale')}${wrap('Compile: ', compile)}${wrap('Link: ', link)}
Copyright (C) 2015 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later
<http://www.gnu.org/licenses/gpl.html>.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.

Originally written by Hrvoje Niksic <hniksic@xemacs.org>.
Please send bug reports and questions to <bug-wget@gnu.org>.
`;
}

/** main.c format_and_print_line(): words wrapped at 72 columns, continuation lines indented by 4. */
function wrap(prefix: string, line: string): string {
  let out = prefix;
  let remaining = 0;
  for (const token of line.split(' ').filter((t) => t !== '')) {
    if (remaining <= token.length) {
      out += '\n    ';
      remaining = 72 - 4;
    }
    out += `${token} `;
    remaining -= token.length + 1;
  }
  return `${out}\n`;
}
