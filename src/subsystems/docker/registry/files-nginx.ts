// What the nginx images add to their base: the nginx.org package's layout (/etc/nginx with
// nginx.conf and conf.d/default.conf, /usr/share/nginx/html, /var/cache/nginx, the log links to
// the container's stdout and stderr) and the entry point with its setup scripts. The scripts are
// our own, written for the simulator's sh; they do the official ones' jobs and log in their shape.
import type { Tree } from './tree';

export const NGINX_VERSION = '1.27.2';

export const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;

/** As packaged: IPv4 only (10-listen-on-ipv6-by-default.sh adds the IPv6 line at start). */
export const DEFAULT_CONF = `server {
    listen       80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # the static page shown for server errors
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }

    # hand PHP scripts to a FastCGI server on 127.0.0.1:9000 (example)
    #
    #location ~ \\.php$ {
    #    root           html;
    #    fastcgi_pass   127.0.0.1:9000;
    #    fastcgi_index  index.php;
    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
    #    include        fastcgi_params;
    #}

    # keep .htaccess files private (example)
    #
    #location ~ /\\.ht {
    #    deny  all;
    #}
}

`;

export const INDEX_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { max-width: 36em; margin: 2em auto; font-family: sans-serif; line-height: 1.4; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>nginx is running in this container and answered your request with
/usr/share/nginx/html/index.html.</p>

<p>To publish your own pages, put them in /usr/share/nginx/html (or mount a
directory there), and change the server in /etc/nginx/conf.d/default.conf.</p>

<p>Documentation lives at <a href="https://nginx.org/">nginx.org</a>.</p>
</body>
</html>
`;

export const ERROR_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Server error</title>
<style>
html { color-scheme: light dark; }
body { max-width: 36em; margin: 2em auto; font-family: sans-serif; line-height: 1.4; }
</style>
</head>
<body>
<h1>Something went wrong.</h1>
<p>The server could not finish this request. Please try again in a moment.</p>
<p>If you run this site, the error log (docker logs) tells you what happened.</p>
</body>
</html>
`;

const MIME_TYPES = `types {
    text/html                                        html htm shtml;
    text/css                                         css;
    text/xml                                         xml;
    image/gif                                        gif;
    image/jpeg                                       jpeg jpg;
    application/javascript                           js;
    application/atom+xml                             atom;
    application/rss+xml                              rss;

    text/plain                                       txt;
    text/markdown                                    md;

    image/png                                        png;
    image/svg+xml                                    svg svgz;
    image/webp                                       webp;
    image/x-icon                                     ico;

    font/woff                                        woff;
    font/woff2                                       woff2;

    application/json                                 json;
    application/pdf                                  pdf;
    application/wasm                                 wasm;
    application/zip                                  zip;
    application/octet-stream                         bin exe dll;
    application/octet-stream                         deb;
    application/octet-stream                         iso img;

    audio/mpeg                                       mp3;
    video/mp4                                        mp4;
}
`;

export const ENTRYPOINT_SH = `#!/bin/sh
# vim:sw=4:ts=4:et
# Entry point of the nginx image. When the command is nginx, the setup scripts in
# /docker-entrypoint.d/ run first, in name order: *.envsh files are sourced (so what they
# export reaches nginx), executable *.sh files are run. Then this shell becomes the command.
# NGINX_ENTRYPOINT_QUIET_LOGS=1 keeps it silent.

set -e

log() {
    [ -n "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ] || echo "$@"
}

if [ "$1" = "nginx" ] || [ "$1" = "nginx-debug" ]; then
    scripts=$(find /docker-entrypoint.d/ -mindepth 1 -maxdepth 1 -type f 2>/dev/null | sort)
    if [ -n "$scripts" ]; then
        log "$0: /docker-entrypoint.d/ has setup scripts; running them before nginx starts"
        for f in $(find /docker-entrypoint.d/ -follow -type f | sort); do
            case "$f" in
                *.envsh)
                    if [ -x "$f" ]; then
                        log "$0: Sourcing $f"
                        . "$f"
                    else
                        log "$0: Skipping $f: it is not executable"
                    fi
                    ;;
                *.sh)
                    if [ -x "$f" ]; then
                        log "$0: Running $f"
                        "$f"
                    else
                        log "$0: Skipping $f: it is not executable"
                    fi
                    ;;
                *)
                    log "$0: Skipping $f: not a setup script"
                    ;;
            esac
        done
        log "$0: Setup finished; starting nginx"
    else
        log "$0: /docker-entrypoint.d/ is empty; nothing to set up"
    fi
fi

exec "$@"
`;

export const LISTEN_IPV6_SH = `#!/bin/sh
# vim:sw=4:ts=4:et
# Makes the stock server of default.conf listen on IPv6 too, when the container has IPv6 and
# the file is still the one the package installed (a file of your own is left alone).

set -e

log() {
    [ -n "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ] || echo "$@"
}

ME=$(basename "$0")
CONF="/etc/nginx/conf.d/default.conf"

if [ ! -f "/proc/net/if_inet6" ]; then
    log "$ME: info: this container has no IPv6; leaving $CONF as it is"
    exit 0
fi

if [ ! -f "$CONF" ]; then
    log "$ME: info: $CONF does not exist; nothing to change"
    exit 0
fi

touch "$CONF" 2>/dev/null || { log "$ME: info: $CONF is read-only; leaving it as it is"; exit 0; }

if grep -q "listen  \\[::]:80;" "$CONF"; then
    log "$ME: info: $CONF already listens on IPv6"
    exit 0
fi

log "$ME: info: Checking whether $CONF is the packaged version"
if ! grep -q "^    listen       80;$" "$CONF" || ! grep -q "^    server_name  localhost;$" "$CONF"; then
    log "$ME: info: $CONF was changed after installation; leaving it as it is"
    exit 0
fi

sed -i -E 's,listen       80;,listen       80;\\n    listen  [::]:80;,' "$CONF"

log "$ME: info: $CONF now listens on IPv6 as well"

exit 0
`;

export const LOCAL_RESOLVERS_ENVSH = `#!/bin/sh
# vim:sw=2:ts=2:sts=2:et
# Sourced by the entry point. With NGINX_ENTRYPOINT_LOCAL_RESOLVERS set, exports the name
# servers of /etc/resolv.conf (IPv6 ones in brackets) as NGINX_LOCAL_RESOLVERS, for templates.

[ -n "\${NGINX_ENTRYPOINT_LOCAL_RESOLVERS:-}" ] || return 0

NGINX_LOCAL_RESOLVERS=$(awk '$1 == "nameserver" { printf "%s%s", sep, ($2 ~ /:/ ? "[" $2 "]" : $2); sep = " " }' /etc/resolv.conf)

export NGINX_LOCAL_RESOLVERS
`;

export const ENVSUBST_SH = `#!/bin/sh
# Renders configuration templates: each *.template file under NGINX_ENVSUBST_TEMPLATE_DIR
# (default /etc/nginx/templates) goes through envsubst into NGINX_ENVSUBST_OUTPUT_DIR (default
# /etc/nginx/conf.d) without its suffix; only variables set in the environment are replaced.

set -e

log() {
    [ -n "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ] || echo "$@"
}

ME=$(basename "$0")
template_dir="\${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}"
suffix="\${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}"
output_dir="\${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}"

[ -d "$template_dir" ] || exit 0
if [ ! -w "$output_dir" ]; then
    log "$ME: ERROR: $output_dir is not writable, so the templates in $template_dir are not used"
    exit 0
fi

defined_envs=$(env | sed -n 's/^\\([A-Za-z_][A-Za-z0-9_]*\\)=.*/\${\\1}/p' | tr '\\n' ' ')

for template in $(find "$template_dir" -follow -type f -name "*$suffix" | sort); do
    relative_path="\${template#$template_dir/}"
    output_path="$output_dir/\${relative_path%$suffix}"
    mkdir -p "$(dirname "$output_path")"
    log "$ME: Rendering $template into $output_path"
    envsubst "$defined_envs" < "$template" > "$output_path"
done

exit 0
`;

export const TUNE_WORKERS_SH = `#!/bin/sh
# vim:sw=2:ts=2:sts=2:et
# With NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE set, sets worker_processes in nginx.conf to
# the number of CPUs this container may use.

set -eu

ME=$(basename "$0")

[ -n "\${NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE:-}" ] || exit 0

touch /etc/nginx/nginx.conf 2>/dev/null || { echo >&2 "$ME: error: /etc/nginx/nginx.conf is read-only"; exit 0; }

ncpu=$(nproc)
sed -i "s/^worker_processes .*/worker_processes  $ncpu;/" /etc/nginx/nginx.conf
echo "$ME: worker_processes set to $ncpu"
`;

/** The files COPYed by the Dockerfile, in its order: [path in the image, text]. */
export const NGINX_COPIED: readonly [path: string, text: string][] = [
  ['/docker-entrypoint.sh', ENTRYPOINT_SH],
  ['/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh', LISTEN_IPV6_SH],
  ['/docker-entrypoint.d/15-local-resolvers.envsh', LOCAL_RESOLVERS_ENVSH],
  ['/docker-entrypoint.d/20-envsubst-on-templates.sh', ENVSUBST_SH],
  ['/docker-entrypoint.d/30-tune-worker-processes.sh', TUNE_WORKERS_SH],
];

/** Lays the nginx package and the entry point over a Debian or Alpine base. */
export function addNginx(t: Tree, flavour: 'debian' | 'alpine'): void {
  t.program('/usr/sbin/nginx', 'nginx');
  t.program('/usr/sbin/nginx-debug', 'nginx');
  t.dirs(['/etc/nginx', '/etc/nginx/conf.d', '/usr/lib/nginx', '/usr/lib/nginx/modules', '/usr/share/nginx', '/usr/share/nginx/html', '/var/cache/nginx', '/var/log/nginx']);
  t.file('/etc/nginx/nginx.conf', NGINX_CONF);
  t.file('/etc/nginx/conf.d/default.conf', DEFAULT_CONF);
  t.file('/etc/nginx/mime.types', MIME_TYPES);
  t.file('/etc/nginx/fastcgi_params', 'fastcgi_param  QUERY_STRING       $query_string;\nfastcgi_param  REQUEST_METHOD     $request_method;\nfastcgi_param  CONTENT_TYPE       $content_type;\nfastcgi_param  CONTENT_LENGTH     $content_length;\n');
  t.symlink('/etc/nginx/modules', '../../usr/lib/nginx/modules');
  t.file('/usr/share/nginx/html/index.html', INDEX_HTML);
  t.file('/usr/share/nginx/html/50x.html', ERROR_HTML);
  // forward request and error logs to docker's log collector
  t.symlink('/var/log/nginx/access.log', '/dev/stdout');
  t.symlink('/var/log/nginx/error.log', '/dev/stderr');
  t.program('/usr/bin/curl', 'curl');
  t.program(flavour === 'debian' ? '/usr/bin/envsubst' : '/usr/local/bin/envsubst', 'envsubst');
  t.dir('/docker-entrypoint.d');
  for (const [path, text] of NGINX_COPIED) t.file(path, text, 0o775);
}
