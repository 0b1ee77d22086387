// The images built FROM debian:bookworm-slim: nginx, httpd, redis and python (slim). Their
// steps follow the official Dockerfiles (nginxinc/docker-nginx mainline/debian at 1.27.2,
// docker-library/httpd 2.4, docker-library/redis 7.4, docker-library/python 3.12/slim-bookworm);
// the long RUN lines are shortened.
import { assemble, BUILDKIT, bytes, execForm, PATH_DEFAULT, ports, run, type Step } from './assemble';
import { addAccount, debianBase, DEBIAN_GROUP, DEBIAN_PASSWD } from './base-debian';
import { addHttpd, addPython, addRedis, HTTPD_FOREGROUND, HTTPD_VERSION, PYTHON_VERSION, REDIS_ENTRYPOINT_SH, REDIS_VERSION } from './files-apps';
import { addNginx, NGINX_COPIED, NGINX_VERSION } from './files-nginx';
import { hex64 } from './hash';
import type { RegistryImage } from './types';

/** debian:bookworm-slim of 2024-09-26: the first layer of all four (pulls say `Already exists`). */
export const DEBIAN_BASE: Step = {
  created_by: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1727308800'",
  created: '2024-09-26T00:00:00Z',
  size: 74_776_224,
  compressed: 28_227_259,
  comment: 'debuerreotype 0.15',
  seed: 'debian:bookworm-slim-20240926',
};

const bk = (created_by: string, size?: number | 'rest', compressed?: number): Step => ({
  created_by, comment: BUILDKIT, ...(size !== undefined ? { size } : {}), ...(compressed !== undefined ? { compressed } : {}),
});

const NGINX_ENV = ['NGINX_VERSION=1.27.2', 'NJS_VERSION=0.8.6', 'NJS_RELEASE=1~bookworm', 'PKG_RELEASE=1~bookworm', 'DYNPKG_RELEASE=1~bookworm'];
const NGINX_CMD = ['nginx', '-g', 'daemon off;'];
export const NGINX_LABELS = { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' };

/** The COPY steps of the entry point and its scripts (sizes: our scripts' bytes). */
export function nginxCopySteps(): Step[] {
  return NGINX_COPIED.map(([path, text]) => {
    const name = path.slice(path.lastIndexOf('/') + 1);
    return bk(`COPY ${name} ${path === '/docker-entrypoint.sh' ? '/' : '/docker-entrypoint.d'} # buildkit`, bytes(text));
  });
}

export const NGINX_TAIL: Step[] = [
  bk('ENTRYPOINT ["/docker-entrypoint.sh"]'),
  bk('EXPOSE map[80/tcp:{}]'),
  bk('STOPSIGNAL SIGQUIT'),
  bk(`CMD ${execForm(NGINX_CMD)}`),
];

export const nginxDebian: RegistryImage = assemble({
  key: `nginx:${NGINX_VERSION}-bookworm`,
  repository: 'nginx',
  tags: ['latest', 'mainline', '1', '1.27', NGINX_VERSION, 'bookworm', 'mainline-bookworm', '1.27-bookworm', `${NGINX_VERSION}-bookworm`],
  created: '2024-10-02T17:55:35Z',
  size: 191_670_718,
  config: {
    ExposedPorts: ports('80/tcp'),
    Env: [PATH_DEFAULT, ...NGINX_ENV],
    Cmd: NGINX_CMD,
    Entrypoint: ['/docker-entrypoint.sh'],
    WorkingDir: '',
    Labels: NGINX_LABELS,
    StopSignal: 'SIGQUIT',
  },
  steps: [
    DEBIAN_BASE,
    bk(`LABEL maintainer=${NGINX_LABELS.maintainer}`),
    ...NGINX_ENV.map((e) => bk(`ENV ${e}`)),
    bk(run('set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     && NGINX_GPGKEYS="573BFD6B3D8FBC641079A6ABABF5BD827BD9BF62 8540A6F18833A80E9C1653A42FD21310B49F6B46 9E9BE90EACBCDE69FE9B204CBCDCD8A38D88A2B3";     NGINX_GPGKEY_PATH=/etc/apt/keyrings/nginx-archive-keyring.gpg;     export GNUPGHOME="$(mktemp -d)";     for NGINX_GPGKEY in $NGINX_GPGKEYS; do gpg1 --keyserver hkp://keyserver.ubuntu.com:80 --keyserver-options timeout=10 --recv-keys "$NGINX_GPGKEY"; done;     gpg1 --export "$NGINX_GPGKEYS" > "$NGINX_GPGKEY_PATH" ;     rm -rf "$GNUPGHOME";     apt-get remove --purge --auto-remove -y gnupg1 && rm -rf /var/lib/apt/lists/*     && nginxPackages="         nginx=${NGINX_VERSION}-${PKG_RELEASE}         nginx-module-xslt=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-geoip=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-image-filter=${NGINX_VERSION}-${DYNPKG_RELEASE}         nginx-module-njs=${NGINX_VERSION}+${NJS_VERSION}-${NJS_RELEASE}     "     && echo "deb [signed-by=$NGINX_GPGKEY_PATH] https://nginx.org/packages/mainline/debian/ bookworm nginx" >> /etc/apt/sources.list.d/nginx.list     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y                         $nginxPackages                         gettext-base                         curl     && apt-get remove --purge --auto-remove -y && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d'), 'rest', 41_883_604),
    ...nginxCopySteps(),
    ...NGINX_TAIL,
  ],
  rootfs: () => {
    const t = debianBase();
    addAccount(t, { text: DEBIAN_PASSWD, line: 'nginx:x:101:101:nginx user:/nonexistent:/bin/false' }, { text: DEBIAN_GROUP, line: 'nginx:x:101:' });
    addNginx(t, 'debian');
    return t.list();
  },
});

const HTTPD_ENV = ['HTTPD_PREFIX=/usr/local/apache2', 'PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'];
const HTTPD_SHA = 'HTTPD_SHA256=674188e7bf44ced82da8db522da946849e22080d73d16c93f7f4df89e25729ec';

export const httpd: RegistryImage = assemble({
  key: `httpd:${HTTPD_VERSION}-bookworm`,
  repository: 'httpd',
  tags: ['latest', '2', '2.4', HTTPD_VERSION, 'bookworm', '2-bookworm', '2.4-bookworm', `${HTTPD_VERSION}-bookworm`],
  created: '2024-09-27T01:09:40Z',
  size: 148_012_373,
  config: {
    ExposedPorts: ports('80/tcp'),
    Env: [HTTPD_ENV[1]!, HTTPD_ENV[0]!, `HTTPD_VERSION=${HTTPD_VERSION}`, HTTPD_SHA, 'HTTPD_PATCHES='],
    Cmd: ['httpd-foreground'],
    WorkingDir: '/usr/local/apache2',
    StopSignal: 'SIGWINCH',
  },
  steps: [
    DEBIAN_BASE,
    bk(`ENV ${HTTPD_ENV[0]}`),
    bk(`ENV ${HTTPD_ENV[1]}`),
    bk(run('mkdir -p "$HTTPD_PREFIX"     && chown www-data:www-data "$HTTPD_PREFIX"'), 0, 32),
    bk('WORKDIR /usr/local/apache2'),
    bk(run('set -eux;     apt-get update;     apt-get install -y --no-install-recommends         ca-certificates         libaprutil1-ldap         libldap-common     ;     rm -rf /var/lib/apt/lists/*'), 5_347_592, 1_974_205),
    bk(`ENV HTTPD_VERSION=${HTTPD_VERSION}`),
    bk(`ENV ${HTTPD_SHA}`),
    bk('ENV HTTPD_PATCHES='),
    bk(run('set -eux;         savedAptMark="$(apt-mark showmanual)";     apt-get update;     apt-get install -y --no-install-recommends         bzip2         dpkg-dev         gcc         gnupg         libapr1-dev         libaprutil1-dev         libbrotli-dev         libcurl4-openssl-dev         libjansson-dev         liblua5.2-dev         libnghttp2-dev         libpcre2-dev         libssl-dev         libxml2-dev         make         wget         zlib1g-dev     ;     rm -r /var/lib/apt/lists/*;         ddist() { local f="$1"; shift; local distFile="$1"; shift; local success=; local distUrl=; for distUrl in "https://dlcdn.apache.org/" "https://archive.apache.org/dist/"; do if wget -O "$f" "$distUrl$distFile" && [ -s "$f" ]; then success=1; break; fi; done; [ -n "$success" ]; };         ddist \'httpd.tar.bz2\' "httpd/httpd-$HTTPD_VERSION.tar.bz2";     echo "$HTTPD_SHA256 *httpd.tar.bz2" | sha256sum -c -;     mkdir -p src;     tar -xf httpd.tar.bz2 -C src --strip-components=1;     rm httpd.tar.bz2;     cd src;     gnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)";     ./configure         --build="$gnuArch"         --prefix="$HTTPD_PREFIX"         --enable-mods-shared=reallyall         --enable-mpms-shared=all         --enable-pie         CFLAGS="-pipe $CFLAGS"     ;     make -j "$(nproc)";     make install;     cd ..;     rm -r src man manual;     sed -ri         -e \'s!^(\\s*CustomLog)\\s+\\S+!\\1 /proc/self/fd/1!g\'         -e \'s!^(\\s*ErrorLog)\\s+\\S+!\\1 /proc/self/fd/2!g\'         -e \'s!^(\\s*TransferLog)\\s+\\S+!\\1 /proc/self/fd/1!g\'         -e \'s!^(\\s*User)\\s+daemon\\s*$!\\1 www-data!g\'         -e \'s!^(\\s*Group)\\s+daemon\\s*$!\\1 www-data!g\'         "$HTTPD_PREFIX/conf/httpd.conf"         "$HTTPD_PREFIX/conf/extra/httpd-ssl.conf"     ;     apt-mark auto \'.*\' > /dev/null;     [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark;     apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false;     httpd -v'), 'rest', 25_347_110),
    bk('STOPSIGNAL SIGWINCH'),
    bk('COPY httpd-foreground /usr/local/bin/ # buildkit', bytes(HTTPD_FOREGROUND)),
    bk('EXPOSE map[80/tcp:{}]'),
    bk('CMD ["httpd-foreground"]'),
  ],
  rootfs: () => {
    const t = debianBase();
    addHttpd(t);
    return t.list();
  },
});

const REDIS_ENV = ['GOSU_VERSION=1.17', `REDIS_VERSION=${REDIS_VERSION}`, `REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-${REDIS_VERSION}.tar.gz`, `REDIS_DOWNLOAD_SHA=${hex64(`redis-${REDIS_VERSION}.tar.gz`)}`];

export const redis: RegistryImage = assemble({
  key: `redis:${REDIS_VERSION}-bookworm`,
  repository: 'redis',
  tags: ['latest', '7', '7.4', REDIS_VERSION, 'bookworm', '7-bookworm', '7.4-bookworm', `${REDIS_VERSION}-bookworm`],
  created: '2024-10-03T02:12:54Z',
  size: 117_263_811,
  config: {
    ExposedPorts: ports('6379/tcp'),
    Env: [PATH_DEFAULT, ...REDIS_ENV],
    Cmd: ['redis-server'],
    Entrypoint: ['docker-entrypoint.sh'],
    Volumes: { '/data': {} },
    WorkingDir: '/data',
  },
  steps: [
    DEBIAN_BASE,
    bk(run('set -eux; \tgroupadd -r -g 999 redis; \tuseradd -r -g redis -u 999 redis'), 4_341),
    bk(run('set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\ttzdata \t; \trm -rf /var/lib/apt/lists/*'), 1_496_602, 498_331),
    bk(`ENV ${REDIS_ENV[0]}`),
    bk(run('set -eux; \tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates gnupg wget; \trm -rf /var/lib/apt/lists/*; \tarch="$(dpkg --print-architecture | awk -F- \'{ print $NF }\')"; \turl="https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$arch"; \twget -O /usr/local/bin/gosu.asc "$url.asc"; \twget -O /usr/local/bin/gosu "$url"; \texport GNUPGHOME="$(mktemp -d)"; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tgpgconf --kill all; \trm -rf "$GNUPGHOME" /usr/local/bin/gosu.asc; \tapt-mark auto \'.*\' > /dev/null; \t[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true'), 4_136_882, 1_249_417),
    ...REDIS_ENV.slice(1).map((e) => bk(`ENV ${e}`)),
    bk(run('set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\twget \t\t\t\tdpkg-dev \t\tgcc \t\tlibc6-dev \t\tlibssl-dev \t\tmake \t; \trm -rf /var/lib/apt/lists/*; \t\twget -O redis.tar.gz "$REDIS_DOWNLOAD_URL"; \techo "$REDIS_DOWNLOAD_SHA *redis.tar.gz" | sha256sum -c -; \tmkdir -p /usr/src/redis; \ttar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1; \trm redis.tar.gz; \t\tgrep -E \'^ *createBoolConfig[(]"protected-mode",.*, *1 *,.*[)],$\' /usr/src/redis/src/config.c; \tsed -ri \'s!^( *createBoolConfig[(]"protected-mode",.*, *)1( *,.*[)],)$!\\10\\2!\' /usr/src/redis/src/config.c; \t\tgnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"; \texport BUILD_TLS=yes; \tmake -C /usr/src/redis -j "$(nproc)" all; \tmake -C /usr/src/redis install; \t\tserverMd5="$(md5sum /usr/local/bin/redis-server | cut -d\' \' -f1)"; export serverMd5; \tfind /usr/local/bin/redis* -maxdepth 0 \t\t-type f -not -name redis-server \t\t-exec sh -eux -c \'\t\t\tmd5="$(md5sum "$1" | cut -d" " -f1)"; \t\t\ttest "$md5" = "$serverMd5"; \t\t\' -- \'{}\' \';\' \t\t-exec ln -svfT \'redis-server\' \'{}\' \';\' \t; \t\trm -r /usr/src/redis; \t\tapt-mark auto \'.*\' > /dev/null; \t[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark > /dev/null; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \t\tredis-cli --version; \tredis-server --version'), 'rest', 16_843_219),
    bk(run('mkdir /data && chown redis:redis /data'), 0, 32),
    bk('VOLUME [/data]'),
    bk('WORKDIR /data'),
    bk('COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', bytes(REDIS_ENTRYPOINT_SH)),
    bk('ENTRYPOINT ["docker-entrypoint.sh"]'),
    bk('EXPOSE map[6379/tcp:{}]'),
    bk('CMD ["redis-server"]'),
  ],
  rootfs: () => {
    const t = debianBase();
    addRedis(t);
    return t.list();
  },
});

const PYTHON_PATH = 'PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const PYTHON_ENV = ['LANG=C.UTF-8', 'GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305', `PYTHON_VERSION=${PYTHON_VERSION}`];

export const pythonSlim: RegistryImage = assemble({
  key: `python:${PYTHON_VERSION}-slim-bookworm`,
  repository: 'python',
  tags: ['3-slim', '3.12-slim', `${PYTHON_VERSION}-slim`, '3-slim-bookworm', '3.12-slim-bookworm', `${PYTHON_VERSION}-slim-bookworm`],
  created: '2024-10-01T22:28:49Z',
  size: 130_480_611,
  config: {
    Env: [PYTHON_PATH, ...PYTHON_ENV],
    Cmd: ['python3'],
    WorkingDir: '',
  },
  steps: [
    DEBIAN_BASE,
    bk('ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'),
    bk(`ENV ${PYTHON_ENV[0]}`),
    bk(run('set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tnetbase \t\ttzdata \t; \trm -rf /var/lib/apt/lists/*'), 3_512_390, 1_211_448),
    bk(`ENV ${PYTHON_ENV[1]}`),
    bk(`ENV ${PYTHON_ENV[2]}`),
    bk(run('set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tdpkg-dev \t\tgcc \t\tgnupg \t\tlibbluetooth-dev \t\tlibbz2-dev \t\tlibc6-dev \t\tlibdb-dev \t\tlibffi-dev \t\tlibgdbm-dev \t\tliblzma-dev \t\tlibncursesw5-dev \t\tlibreadline-dev \t\tlibsqlite3-dev \t\tlibssl-dev \t\tmake \t\ttk-dev \t\tuuid-dev \t\twget \t\txz-utils \t\tzlib1g-dev \t; \t\twget -O python.tar.xz "https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz"; \twget -O python.tar.xz.asc "https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz.asc"; \tGNUPGHOME="$(mktemp -d)"; export GNUPGHOME; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$GPG_KEY"; \tgpg --batch --verify python.tar.xz.asc python.tar.xz; \tgpgconf --kill all; \trm -rf "$GNUPGHOME" python.tar.xz.asc; \tmkdir -p /usr/src/python; \ttar --extract --directory /usr/src/python --strip-components=1 --file python.tar.xz; \trm python.tar.xz; \t\tcd /usr/src/python; \tgnuArch="$(dpkg-architecture --query DEB_BUILD_GNU_TYPE)"; \t./configure \t\t--build="$gnuArch" \t\t--enable-loadable-sqlite-extensions \t\t--enable-optimizations \t\t--enable-option-checking=fatal \t\t--enable-shared \t\t--with-lto \t\t--with-system-expat \t\t--with-ensurepip \t; \tnproc="$(nproc)"; \tmake -j "$nproc"; \tmake install; \t\tcd /; \trm -rf /usr/src/python; \t\tfind /usr/local -depth \t\t\\( \t\t\t\\( -type d -a \\( -name test -o -name tests -o -name idle_test \\) \\) \t\t\t-o \\( -type f -a \\( -name \'*.pyc\' -o -name \'*.pyo\' -o -name \'libpython*.a\' \\) \\) \t\t\\) -exec rm -rf \'{}\' + \t; \t\tldconfig; \t\tapt-mark auto \'.*\' > /dev/null; \tapt-mark manual $savedAptMark; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \trm -rf /var/lib/apt/lists/*; \t\texport PYTHONDONTWRITEBYTECODE=1; \tpython3 --version; \tpip3 --version'), 'rest', 14_962_106),
    bk(run('set -eux; \tfor src in idle3 pip3 pydoc3 python3 python3-config; do \t\tdst="$(echo "$src" | tr -d 3)"; \t\t[ -s "/usr/local/bin/$src" ]; \t\t[ ! -e "/usr/local/bin/$dst" ]; \t\tln -svT "$src" "/usr/local/bin/$dst"; \tdone'), 36),
    bk('CMD ["python3"]'),
  ],
  rootfs: () => {
    const t = debianBase();
    addPython(t);
    return t.list();
  },
});
