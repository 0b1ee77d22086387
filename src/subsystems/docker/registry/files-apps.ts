// What the redis, httpd and python images add to debian:bookworm-slim: their programs under
// /usr/local, the accounts and directories their Dockerfiles create, and their entry scripts
// (our own text, doing what the official scripts do).
import { addAccount, DEBIAN_GROUP, DEBIAN_PASSWD } from './base-debian';
import type { Tree } from './tree';

export const REDIS_VERSION = '7.4.1';
export const HTTPD_VERSION = '2.4.62';
export const PYTHON_VERSION = '3.12.7';

export const REDIS_ENTRYPOINT_SH = `#!/bin/sh
set -e

# an option (-x, --x) or a .conf file alone means: redis-server with these arguments
case "$1" in
	-*|*.conf) set -- redis-server "$@" ;;
esac

# started as root: give the data directory to redis, then run again as redis (so
# \`docker run --user\` works too)
if [ "$1" = 'redis-server' ] && [ "$(id -u)" = '0' ]; then
	find . \\! -user redis -exec chown redis '{}' +
	exec gosu redis "$0" "$@"
fi

# new files private by default, unless a umask was chosen already
# (https://github.com/docker-library/redis/issues/305)
if [ "$(umask)" = '0022' ]; then
	umask 0077
fi

exec "$@"
`;

/** Adds the redis account (999), /data, gosu and redis 7.4's programs. */
export function addRedis(t: Tree): void {
  addAccount(t, { text: DEBIAN_PASSWD, line: 'redis:x:999:999::/home/redis:/bin/sh' }, { text: DEBIAN_GROUP, line: 'redis:x:999:' });
  t.program('/usr/local/bin/gosu', 'gosu');
  t.program('/usr/local/bin/redis-server', 'redis-server');
  t.program('/usr/local/bin/redis-cli', 'redis-cli');
  for (const link of ['redis-check-aof', 'redis-check-rdb', 'redis-sentinel']) t.symlink(`/usr/local/bin/${link}`, 'redis-server');
  t.dir('/data', 0o755, 999, 999);
  t.file('/usr/local/bin/docker-entrypoint.sh', REDIS_ENTRYPOINT_SH, 0o755);
  t.dirs(['/usr/share/zoneinfo', '/usr/share/zoneinfo/Etc']);
}

export const HTTPD_FOREGROUND = `#!/bin/sh
set -e

# httpd refuses to start over the PID file of an earlier run of this container
rm -f /usr/local/apache2/logs/httpd.pid

exec httpd -DFOREGROUND "$@"
`;

export const HTTPD_CONF = `#
# Apache HTTP Server 2.4 configuration of the httpd image (abridged).
# Directives: https://httpd.apache.org/docs/2.4/mod/directives.html
#
ServerRoot "/usr/local/apache2"

# the port (and optionally address) to serve on
Listen 80

LoadModule mpm_event_module modules/mod_mpm_event.so
LoadModule authz_core_module modules/mod_authz_core.so
LoadModule mime_module modules/mod_mime.so
LoadModule log_config_module modules/mod_log_config.so
LoadModule unixd_module modules/mod_unixd.so
LoadModule dir_module modules/mod_dir.so
LoadModule alias_module modules/mod_alias.so

<IfModule unixd_module>
User www-data
Group www-data
</IfModule>

ServerAdmin you@example.com

# set this to the name clients use, or httpd guesses one and says so at start
#ServerName www.example.com:80

<Directory />
    AllowOverride none
    Require all denied
</Directory>

DocumentRoot "/usr/local/apache2/htdocs"
<Directory "/usr/local/apache2/htdocs">
    Options Indexes FollowSymLinks
    AllowOverride None
    Require all granted
</Directory>

<IfModule dir_module>
    DirectoryIndex index.html
</IfModule>

<Files ".ht*">
    Require all denied
</Files>

# the container's stderr and stdout, so \`docker logs\` shows both logs
ErrorLog /proc/self/fd/2
LogLevel warn

<IfModule log_config_module>
    LogFormat "%h %l %u %t \\"%r\\" %>s %b \\"%{Referer}i\\" \\"%{User-Agent}i\\"" combined
    LogFormat "%h %l %u %t \\"%r\\" %>s %b" common
    CustomLog /proc/self/fd/1 common
</IfModule>

<IfModule mime_module>
    TypesConfig conf/mime.types
    AddType application/x-compress .Z
    AddType application/x-gzip .gz .tgz
</IfModule>
`;

export const HTTPD_INDEX = '<html><body><h1>It works!</h1></body></html>\n';

/** Adds httpd 2.4 under /usr/local/apache2 and httpd-foreground. */
export function addHttpd(t: Tree): void {
  const root = '/usr/local/apache2';
  t.dir(root, 0o755, 33, 33);
  t.dirs([`${root}/bin`, `${root}/build`, `${root}/cgi-bin`, `${root}/conf`, `${root}/conf/extra`, `${root}/conf/original`, `${root}/error`, `${root}/htdocs`, `${root}/icons`, `${root}/include`, `${root}/logs`, `${root}/modules`]);
  t.program(`${root}/bin/httpd`, 'httpd');
  t.file(`${root}/conf/httpd.conf`, HTTPD_CONF);
  t.file(`${root}/conf/mime.types`, 'text/html\t\t\t\t\thtml htm\ntext/css\t\t\t\t\tcss\ntext/plain\t\t\t\t\ttxt\napplication/javascript\t\t\t\tjs\napplication/json\t\t\t\tjson\nimage/png\t\t\t\t\tpng\nimage/jpeg\t\t\t\t\tjpeg jpg\nimage/gif\t\t\t\t\tgif\nimage/svg+xml\t\t\t\t\tsvg\n');
  t.file(`${root}/htdocs/index.html`, HTTPD_INDEX);
  t.file(`${root}/cgi-bin/printenv`, '#!/usr/bin/env perl\n# a sample CGI script (perl is not installed in this image)\n', 0o644);
  t.file('/usr/local/bin/httpd-foreground', HTTPD_FOREGROUND, 0o755);
}

/** Adds python 3.12 under /usr/local (python3.12, the python3 and python links, the stdlib landmark). */
export function addPython(t: Tree): void {
  t.program('/usr/local/bin/python3.12', 'python3');
  t.symlink('/usr/local/bin/python3', 'python3.12');
  t.symlink('/usr/local/bin/python', 'python3');
  t.dirs(['/usr/local/lib/python3.12', '/usr/local/lib/python3.12/site-packages', '/usr/local/include/python3.12']);
  // the file python looks for to find its standard library (Modules/getpath.py's landmark)
  t.file('/usr/local/lib/python3.12/os.py', '# the os module of the standard library (only its presence matters here)\n');
  t.file('/usr/local/lib/python3.12/site-packages/README.txt', 'Packages that pip installs for this interpreter go in this directory (see site.py).\n');
  t.dirs(['/etc/ssl', '/etc/ssl/certs', '/usr/share/zoneinfo', '/usr/share/zoneinfo/Etc']);
  t.file('/etc/protocols', 'ip\t0\tIP\nicmp\t1\tICMP\ntcp\t6\tTCP\nudp\t17\tUDP\nipv6-icmp\t58\tIPv6-ICMP\n');
  t.file('/etc/services', 'ssh\t\t22/tcp\nsmtp\t\t25/tcp\ndomain\t\t53/tcp\ndomain\t\t53/udp\nhttp\t\t80/tcp\nhttps\t\t443/tcp\nredis\t\t6379/tcp\n');
}
