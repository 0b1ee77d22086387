// Files written by us for the packages lessons install: configuration with realistic settings,
// unit files, preset files (Photon disables some services by preset), extra commands a %files
// glob stands for, and the system users their %pre scriptlets create. Everything here is our own
// text, laid out where Photon's packages put things.

import { CRONIE } from './payload-cronie';
import { LOGROTATE } from './payload-logrotate';

export interface PackagePayload {
  /** [path, text, mode?, flags?] — flags default to 'n' (%config(noreplace)) under /etc. */
  files?: [string, string, number?, string?][];
  dirs?: [string, number][];
  /** Commands a glob in %files stands for (beyond /usr/bin/<name>). */
  bins?: string[];
  /** Unit files by name (others get a generic unit). */
  units?: Record<string, string>;
  /** The preset file the package ships: [file name in /usr/lib/systemd/system-preset, text]. */
  preset?: [string, string];
  /** Symbolic links: [path, target]. */
  links?: [string, string][];
  /** System accounts the %pre scriptlet creates: [user, home, description]. */
  users?: [string, string, string][];
}

const NGINX_CONF = `# /etc/nginx/nginx.conf: main configuration of the nginx web server.
# Test changes with "nginx -t", then "systemctl reload nginx".

user  nginx;
worker_processes  1;

error_log  /var/log/nginx/error.log;
pid        /run/nginx.pid;

events {
    worker_connections  1024;
}

http {
    include       mime.types;
    default_type  application/octet-stream;

    access_log  /var/log/nginx/access.log;

    sendfile        on;
    keepalive_timeout  65;

    server {
        listen       80;
        server_name  localhost;

        location / {
            root   html;
            index  index.html index.htm;
        }

        # error pages served from the same document root
        error_page   500 502 503 504  /50x.html;
        location = /50x.html {
            root   html;
        }
    }

    include conf.d/*.conf;
}
`;

const MIME_TYPES = `# /etc/nginx/mime.types: which Content-Type nginx sends for a file, by its extension.
# Files whose extension is not listed get the default_type of nginx.conf.

types {
    # text
    text/html                                   html htm shtml;
    text/css                                    css;
    text/xml                                    xml;
    text/plain                                  txt;
    text/mathml                                 mml;
    text/vnd.sun.j2me.app-descriptor            jad;
    text/vnd.wap.wml                            wml;
    text/x-component                            htc;

    # images
    image/gif                                   gif;
    image/jpeg                                  jpeg jpg;
    image/avif                                  avif;
    image/png                                   png;
    image/svg+xml                               svg svgz;
    image/tiff                                  tif tiff;
    image/vnd.wap.wbmp                          wbmp;
    image/webp                                  webp;
    image/x-icon                                ico;
    image/x-jng                                 jng;
    image/x-ms-bmp                              bmp;

    # fonts
    font/woff                                   woff;
    font/woff2                                  woff2;

    # scripts, data and documents
    application/javascript                      js;
    application/atom+xml                        atom;
    application/rss+xml                         rss;
    application/json                            json;
    application/wasm                            wasm;
    application/xhtml+xml                       xhtml;
    application/xspf+xml                        xspf;
    application/pdf                             pdf;
    application/postscript                      ps eps ai;
    application/rtf                             rtf;
    application/msword                          doc;
    application/vnd.ms-excel                    xls;
    application/vnd.ms-powerpoint               ppt;
    application/vnd.ms-fontobject               eot;
    application/vnd.oasis.opendocument.graphics odg;
    application/vnd.oasis.opendocument.presentation odp;
    application/vnd.oasis.opendocument.spreadsheet ods;
    application/vnd.oasis.opendocument.text     odt;
    application/vnd.openxmlformats-officedocument.presentationml.presentation pptx;
    application/vnd.openxmlformats-officedocument.spreadsheetml.sheet xlsx;
    application/vnd.openxmlformats-officedocument.wordprocessingml.document docx;
    application/vnd.apple.mpegurl               m3u8;
    application/vnd.google-earth.kml+xml        kml;
    application/vnd.google-earth.kmz            kmz;
    application/vnd.wap.wmlc                    wmlc;
    application/mac-binhex40                    hqx;
    application/x-x509-ca-cert                  der pem crt;
    application/x-perl                          pl pm;
    application/x-tcl                           tcl tk;
    application/x-cocoa                         cco;
    application/x-makeself                      run;
    application/x-pilot                         prc pdb;
    application/x-sea                           sea;
    application/x-shockwave-flash               swf;
    application/x-stuffit                       sit;
    application/x-xpinstall                     xpi;
    application/x-java-archive-diff             jardiff;
    application/x-java-jnlp-file                jnlp;

    # archives and packages
    application/zip                             zip;
    application/x-7z-compressed                 7z;
    application/x-rar-compressed                rar;
    application/x-redhat-package-manager        rpm;
    application/java-archive                    jar war ear;
    application/octet-stream                    bin exe dll deb dmg iso img msi msp msm;

    # audio
    audio/midi                                  mid midi kar;
    audio/mpeg                                  mp3;
    audio/ogg                                   ogg;
    audio/x-m4a                                 m4a;
    audio/x-realaudio                           ra;

    # video
    video/3gpp                                  3gpp 3gp;
    video/mp2t                                  ts;
    video/mp4                                   mp4;
    video/mpeg                                  mpeg mpg;
    video/quicktime                             mov;
    video/webm                                  webm;
    video/x-flv                                 flv;
    video/x-m4v                                 m4v;
    video/x-mng                                 mng;
    video/x-ms-asf                              asx asf;
    video/x-ms-wmv                              wmv;
    video/x-msvideo                             avi;
}
`;

/** Photon's SPECS/nginx/nginx.service, as the package installs it. */
const NGINX_SERVICE = `# Source: https://www.nginx.com/resources/wiki/start/topics/examples/systemd/
[Unit]
Description=The NGINX HTTP and reverse proxy server
After=syslog.target network-online.target remote-fs.target nss-lookup.target
Wants=network-online.target

[Service]
Type=forking
PIDFile=/run/nginx.pid
ExecStartPre=/usr/sbin/nginx -t
ExecStart=/usr/sbin/nginx
ExecReload=/usr/sbin/nginx -s reload
ExecStop=/bin/kill -s QUIT $MAINPID
PrivateTmp=true

[Install]
WantedBy=multi-user.target
`;

const page = (title: string, body: string): string => `<!DOCTYPE html>\n<html>\n<head>\n<title>${title}</title>\n</head>\n<body>\n<h1>${title}</h1>\n<p>${body}</p>\n</body>\n</html>\n`;

const HTTPD_CONF = `# /etc/httpd/conf/httpd.conf: main configuration of the Apache HTTP server.
# Check the syntax with "httpd -t" after editing.

ServerRoot "/etc/httpd"
Listen 80

Include conf.modules.d/*.conf

User apache
Group apache

ServerAdmin root@localhost
#ServerName www.example.com:80

<Directory />
    AllowOverride none
    Require all denied
</Directory>

DocumentRoot "/etc/httpd/html"
<Directory "/etc/httpd/html">
    Options Indexes FollowSymLinks
    AllowOverride None
    Require all granted
</Directory>

DirectoryIndex index.html

ErrorLog "/var/log/httpd/error_log"
LogLevel warn
CustomLog "/var/log/httpd/access_log" common

IncludeOptional conf.d/*.conf
`;

const service = (description: string, lines: string[], wantedBy = 'multi-user.target', after = 'network.target'): string =>
  `[Unit]\nDescription=${description}\nAfter=${after}\n\n[Service]\n${lines.join('\n')}\n\n[Install]\nWantedBy=${wantedBy}\n`;

/** Sections in order, the layout the image's unit files have. */
const unit = (...sections: [string, string[]][]): string => sections.map(([name, lines]) => `[${name}]\n${lines.join('\n')}\n`).join('\n');
const disable = (name: string, unitName: string): [string, string] => [`50-${name}.preset`, `disable ${unitName}\n`];

export const PAYLOADS: Readonly<Record<string, PackagePayload>> = {
  nginx: {
    dirs: [['/etc/nginx', 0o755], ['/etc/nginx/conf.d', 0o755], ['/etc/nginx/html', 0o755], ['/var/log/nginx', 0o755]],
    files: [
      ['/etc/nginx/nginx.conf', NGINX_CONF],
      ['/etc/nginx/mime.types', MIME_TYPES],
      ['/etc/nginx/html/index.html', page('Welcome to nginx on Photon OS', 'If you can read this page, the nginx web server is installed and working.')],
      ['/etc/nginx/html/50x.html', page('An error occurred.', 'The page you are looking for is temporarily unavailable. Please try again later.')],
    ],
    units: { 'nginx.service': NGINX_SERVICE },
    users: [['nginx', '/var/lib/nginx', 'Nginx web server']],
  },
  httpd: {
    dirs: [['/etc/httpd', 0o755], ['/etc/httpd/conf', 0o755], ['/etc/httpd/conf.d', 0o755], ['/etc/httpd/conf.modules.d', 0o755], ['/etc/httpd/html', 0o755], ['/var/log/httpd', 0o700]],
    files: [
      ['/etc/httpd/conf/httpd.conf', HTTPD_CONF],
      ['/etc/httpd/conf.modules.d/00-base.conf', '# modules loaded at start-up\nLoadModule mpm_event_module /usr/lib/httpd/modules/mod_mpm_event.so\nLoadModule authz_core_module /usr/lib/httpd/modules/mod_authz_core.so\nLoadModule dir_module /usr/lib/httpd/modules/mod_dir.so\nLoadModule log_config_module /usr/lib/httpd/modules/mod_log_config.so\nLoadModule mime_module /usr/lib/httpd/modules/mod_mime.so\nLoadModule unixd_module /usr/lib/httpd/modules/mod_unixd.so\n'],
      ['/etc/httpd/html/index.html', page('It works!', 'The Apache HTTP server on Photon OS is answering.')],
    ],
    bins: ['/usr/sbin/httpd', '/usr/sbin/apachectl'],
    units: { 'httpd.service': service('The Apache HTTP Server', ['Type=notify', 'ExecStart=/usr/sbin/httpd -DFOREGROUND', 'ExecReload=/usr/sbin/httpd -k graceful', 'KillMode=mixed', 'PrivateTmp=true']) },
    preset: disable('httpd', 'httpd.service'),
    users: [['apache', '/srv/www', 'Apache HTTP server']],
  },
  'httpd-tools': { bins: ['/usr/bin/htpasswd', '/usr/bin/ab', '/usr/bin/htdigest'] },
  'man-db': {
    files: [['/etc/man_db.conf', '# /etc/man_db.conf: where man, mandb and whatis look for manual pages.\nMANDATORY_MANPATH\t\t\t/usr/share/man\nMANDATORY_MANPATH\t\t\t/usr/local/share/man\nMANPATH_MAP\t/usr/bin\t\t/usr/share/man\nMANPATH_MAP\t/usr/local/bin\t\t/usr/local/share/man\nMANDB_MAP\t/usr/share/man\t\t/var/cache/man\nSECTION\t\t1 n l 8 3 0 2 5 4 9 6 7\n']],
    dirs: [['/var/cache/man', 0o755]],
    bins: ['/usr/bin/mandb', '/usr/bin/manpath', '/usr/bin/catman', '/usr/bin/lexgrog'],
  },
  groff: { bins: ['/usr/bin/groff', '/usr/bin/nroff', '/usr/bin/troff', '/usr/bin/tbl', '/usr/bin/grotty'] },
  nano: { files: [['/etc/nanorc', '# /etc/nanorc: system-wide settings for nano.\n# set linenumbers\n# set tabsize 4\ninclude "/usr/share/nano/*.nanorc"\n']] },
  wget: { files: [['/etc/wgetrc', '# /etc/wgetrc: global settings for wget.\n# Use "wget --no-config" to ignore this file.\n#tries = 20\n#timeout = 900\npassive_ftp = on\n']] },
  git: { bins: ['/usr/bin/git', '/usr/bin/git-shell', '/usr/bin/git-receive-pack', '/usr/bin/git-upload-pack', '/usr/bin/git-upload-archive'] },
  bindutils: { bins: ['/usr/bin/dig', '/usr/bin/host', '/usr/bin/nslookup', '/usr/bin/nsupdate', '/usr/bin/delv'] },
  psmisc: { bins: ['/usr/bin/killall', '/usr/bin/fuser', '/usr/bin/pstree', '/usr/bin/peekfd', '/usr/bin/prtstat'] },
  unzip: { bins: ['/usr/bin/unzip', '/usr/bin/zipinfo', '/usr/bin/funzip'] },
  zip: { bins: ['/usr/bin/zip', '/usr/bin/zipcloak', '/usr/bin/zipnote', '/usr/bin/zipsplit'] },
  redis: {
    files: [['/etc/redis.conf', '# /etc/redis.conf: settings of the redis key-value store.\nbind 127.0.0.1 -::1\nport 6379\nprotected-mode yes\ndaemonize no\nsupervised systemd\ndir /var/lib/redis\nlogfile /var/log/redis/redis.log\n']],
    dirs: [['/var/lib/redis', 0o750], ['/var/log/redis', 0o750]],
    bins: ['/usr/bin/redis-server', '/usr/bin/redis-cli', '/usr/bin/redis-benchmark'],
    units: { 'redis.service': service('Redis persistent key-value database', ['Type=notify', 'ExecStart=/usr/bin/redis-server /etc/redis.conf', 'User=redis', 'Group=redis']) },
    users: [['redis', '/var/lib/redis', 'Redis database server']],
  },
  chrony: {
    files: [['/etc/chrony.conf', '# /etc/chrony.conf: time sources and settings of chronyd.\npool pool.ntp.org iburst\ndriftfile /var/lib/chrony/drift\nmakestep 1.0 3\nrtcsync\nlogdir /var/log/chrony\n']],
    dirs: [['/var/lib/chrony', 0o750]],
    bins: ['/usr/sbin/chronyd', '/usr/bin/chronyc'],
    users: [['chrony', '/var/lib/chrony', 'chrony time daemon']],
  },
  haproxy: {
    files: [['/etc/haproxy/haproxy.cfg', '# /etc/haproxy/haproxy.cfg: a minimal load balancer setup.\nglobal\n    log /dev/log local0\n    maxconn 2000\n    user haproxy\n    group haproxy\n\ndefaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n\nfrontend web\n    bind *:8080\n    default_backend app\n\nbackend app\n    balance roundrobin\n    server app1 127.0.0.1:8081 check\n']],
    dirs: [['/etc/haproxy', 0o755]],
    users: [['haproxy', '/var/lib/haproxy', 'HAProxy load balancer']],
  },
  logrotate: LOGROTATE,
  rsyslog: { files: [['/etc/rsyslog.conf', '# /etc/rsyslog.conf: what rsyslogd receives and where it writes it.\nmodule(load="imjournal")\n*.info;mail.none;authpriv.none;cron.none    /var/log/messages\nauthpriv.*                                  /var/log/secure\ncron.*                                      /var/log/cron\n']], bins: ['/usr/sbin/rsyslogd'] },
  mariadb: { bins: ['/usr/bin/mysql', '/usr/bin/mysqldump', '/usr/bin/mariadb'], users: [['mysql', '/var/lib/mysql', 'MariaDB server']] },
  cronie: CRONIE,
  audit: { files: [['/etc/audit/auditd.conf', '# /etc/audit/auditd.conf: how auditd writes its log.\nlog_file = /var/log/audit/audit.log\nlog_format = ENRICHED\nmax_log_file = 8\nnum_logs = 5\n']], bins: ['/usr/sbin/auditd', '/usr/sbin/auditctl', '/usr/sbin/ausearch', '/usr/sbin/aureport'], preset: disable('auditd', 'auditd.service') },
  'nfs-utils': { files: [['/etc/exports', '# /etc/exports: file systems this host shares over NFS.\n# /srv/share 192.168.1.0/24(rw,sync,no_subtree_check)\n']], bins: ['/usr/sbin/exportfs', '/usr/sbin/showmount', '/usr/sbin/rpc.nfsd', '/usr/sbin/rpc.mountd'], preset: disable('nfs-server', 'nfs-server.service') },
  tcpdump: { bins: ['/usr/sbin/tcpdump'] },
  traceroute: { bins: ['/usr/bin/traceroute'] },
  lsof: { bins: ['/usr/bin/lsof'] },
  sysstat: { bins: ['/usr/bin/sar', '/usr/bin/iostat', '/usr/bin/mpstat', '/usr/bin/pidstat'] },
  netcat: { bins: ['/usr/bin/nc', '/usr/bin/netcat'] },
  etcd: { preset: disable('etcd', 'etcd.service') },
  // services Photon ships disabled by preset (enabling them is the administrator's call)
  'cyrus-sasl': { preset: disable('saslauthd', 'saslauthd.service') },
  linuxptp: { preset: ['50-linuxptp.preset', 'disable phc2sys.service\ndisable ptp4l.service\ndisable ts2phc.service\n'] },
  ntp: { preset: disable('ntpd', 'ntpd.service') },
  openipmi: { preset: disable('ipmi', 'ipmi.service') },
  'openldap-servers': { preset: disable('slapd', 'slapd.service') },
  'postgresql13-server': { preset: disable('postgresql13', 'postgresql13.service') },
  'postgresql14-server': { preset: disable('postgresql14', 'postgresql14.service') },
  'postgresql15-server': { preset: disable('postgresql15', 'postgresql15.service') },
  'salt3-api': { preset: disable('salt-api', 'salt-api.service') },
  'salt3-master': { preset: disable('salt-master', 'salt-master.service') },
  'salt3-minion': { preset: disable('salt-minion', 'salt-minion.service') },
  'salt3-syndic': { preset: disable('salt-syndic', 'salt-syndic.service') },
  zookeeper: { preset: disable('zookeeper', 'zookeeper.service') },
  // the units docker and containerd ship, as on the installed image; both disabled by preset
  'docker-engine': {
    units: {
      'docker.service': unit(['Unit', ['Description=Docker Application Container Engine', 'Documentation=https://docs.docker.com', 'After=network-online.target containerd.service', 'Wants=network-online.target', 'Requires=docker.socket containerd.service']], ['Service', ['Type=notify', 'ExecStart=/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock', 'ExecReload=/bin/kill -s HUP $MAINPID', 'TimeoutStartSec=0', 'RestartSec=2', 'Restart=always', 'LimitNOFILE=infinity', 'LimitNPROC=infinity', 'LimitCORE=infinity', 'TasksMax=infinity', 'Delegate=yes', 'KillMode=process', 'OOMScoreAdjust=-500']], ['Install', ['WantedBy=multi-user.target']]),
      'docker.socket': unit(['Unit', ['Description=Docker Socket for the API']], ['Socket', ['ListenStream=/var/run/docker.sock', 'SocketMode=0660', 'SocketUser=root', 'SocketGroup=docker']], ['Install', ['WantedBy=sockets.target']]),
    },
    preset: disable('docker', 'docker.service'),
  },
  containerd: {
    units: { 'containerd.service': unit(['Unit', ['Description=containerd container runtime', 'Documentation=https://containerd.io', 'After=network.target local-fs.target']], ['Service', ['ExecStartPre=-/sbin/modprobe overlay', 'ExecStart=/usr/bin/containerd', 'Type=notify', 'Delegate=yes', 'KillMode=process', 'Restart=always', 'RestartSec=5', 'LimitNPROC=infinity', 'LimitCORE=infinity', 'LimitNOFILE=infinity', 'TasksMax=infinity', 'OOMScoreAdjust=-999']], ['Install', ['WantedBy=multi-user.target']]) },
    preset: disable('containerd', 'containerd.service'),
  },
  openldap: { bins: ['/usr/bin/ldapsearch', '/usr/bin/ldapadd', '/usr/bin/ldapmodify', '/usr/bin/ldapdelete'] },
};
