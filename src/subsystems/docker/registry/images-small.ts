// hello-world, busybox, alpine, nginx:alpine and photon. hello-world and photon were built by
// the classic builder (`/bin/sh -c #(nop) ...` history), the others by buildkit.
import { assemble, BUILDKIT, execForm, nop, PATH_DEFAULT, ports, run, type Step } from './assemble';
import { addAccount } from './base-debian';
import { ALPINE, ALPINE_VERSION, alpineBase, busyboxBase, helloWorldTree, photonBase } from './base-small';
import { addNginx, NGINX_VERSION } from './files-nginx';
import { hex64 } from './hash';
import { NGINX_LABELS, NGINX_TAIL, nginxCopySteps } from './images-debian';
import type { RegistryImage } from './types';

const bk = (created_by: string, size?: number | 'rest', compressed?: number, created?: string): Step => ({
  created_by, comment: BUILDKIT, ...(size !== undefined ? { size } : {}), ...(compressed !== undefined ? { compressed } : {}), ...(created ? { created } : {}),
});

/** The size of the hello binary (a static executable of a few kB). */
export const HELLO_SIZE = 13_256;

export const helloWorld: RegistryImage = assemble({
  key: 'hello-world:linux-20230502',
  repository: 'hello-world',
  tags: ['latest', 'linux'],
  created: '2023-05-02T16:49:27.198557463Z',
  dockerVersion: '20.10.23',
  config: { Env: [PATH_DEFAULT], Cmd: ['/hello'], WorkingDir: '' },
  steps: [
    { created_by: `/bin/sh -c #(nop) COPY file:${hex64('hello-world/amd64/hello')} in / `, size: HELLO_SIZE, compressed: 2_459, created: '2023-05-02T16:49:27.002913138Z' },
    { created_by: nop('CMD ["/hello"]') },
  ],
  rootfs: () => helloWorldTree().list(),
});

export const busybox: RegistryImage = assemble({
  key: 'busybox:1.36.1-glibc',
  repository: 'busybox',
  tags: ['latest', '1.36', '1.36.1', 'stable', '1.36-glibc', '1.36.1-glibc', 'stable-glibc'],
  created: '2023-05-18T22:34:17Z',
  config: { Env: [PATH_DEFAULT], Cmd: ['sh'], WorkingDir: '' },
  steps: [
    bk('ADD busybox.tar.xz / # buildkit', 4_261_550, 2_152_262),
    bk('CMD ["sh"]'),
  ],
  rootfs: () => busyboxBase().list(),
});

/** alpine:3.20.3's layer and CMD: the base of alpine and nginx:alpine. */
const ALPINE_CREATED = '2024-09-06T22:20:07Z';
export const ALPINE_BASE: Step[] = [
  { ...bk(`ADD alpine-minirootfs-${ALPINE_VERSION}-x86_64.tar.gz / # buildkit`, 7_797_760, 3_623_807, ALPINE_CREATED), seed: `alpine:${ALPINE_VERSION}` },
  bk('CMD ["/bin/sh"]', undefined, undefined, ALPINE_CREATED),
];

export const alpine: RegistryImage = assemble({
  key: `alpine:${ALPINE_VERSION}`,
  repository: 'alpine',
  tags: ['latest', '3', '3.20', ALPINE_VERSION],
  created: ALPINE_CREATED,
  config: { Env: [PATH_DEFAULT], Cmd: ['/bin/sh'], WorkingDir: '' },
  steps: ALPINE_BASE,
  rootfs: () => alpineBase().list(),
});

const SLIM_CREATED = '2024-10-02T17:51:12Z';
const NGINX_ALPINE_ENV = [`NGINX_VERSION=${NGINX_VERSION}`, 'PKG_RELEASE=1', 'DYNPKG_RELEASE=1', 'NJS_VERSION=0.8.6', 'NJS_RELEASE=1'];

export const nginxAlpine: RegistryImage = assemble({
  key: `nginx:${NGINX_VERSION}-alpine`,
  repository: 'nginx',
  tags: ['alpine', 'mainline-alpine', '1-alpine', '1.27-alpine', `${NGINX_VERSION}-alpine`, 'alpine3.20', `${NGINX_VERSION}-alpine3.20`],
  created: '2024-10-02T18:08:31Z',
  size: 47_034_542,
  config: {
    ExposedPorts: ports('80/tcp'),
    Env: [PATH_DEFAULT, ...NGINX_ALPINE_ENV],
    Cmd: ['nginx', '-g', 'daemon off;'],
    Entrypoint: ['/docker-entrypoint.sh'],
    WorkingDir: '',
    Labels: NGINX_LABELS,
    StopSignal: 'SIGQUIT',
  },
  steps: [
    ...ALPINE_BASE,
    // nginx:1.27.2-alpine-slim
    ...[
      bk(`LABEL maintainer=${NGINX_LABELS.maintainer}`),
      ...NGINX_ALPINE_ENV.slice(0, 3).map((e) => bk(`ENV ${e}`)),
      bk(run('set -x     && addgroup -g 101 -S nginx     && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin -G nginx -g nginx nginx     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="         nginx=${NGINX_VERSION}-r${PKG_RELEASE}     "     && apk add --no-cache --virtual .checksum-deps         openssl     && apk add -X "https://nginx.org/packages/mainline/alpine/v$(egrep -o \'^[0-9]+\\.[0-9]+\' /etc/alpine-release)/main" --no-cache $nginxPackages     && apk del --no-network .checksum-deps     && apk add --no-cache --virtual .gettext gettext     && mv /usr/bin/envsubst /tmp/     && runDeps="$(         scanelf --needed --nobanner /tmp/envsubst             | awk \'{ gsub(/,/, "\\nso:", $2); print "so:" $2 }\'             | sort -u             | xargs -r apk info --installed             | sort -u     )"     && apk add --no-cache $runDeps     && apk del --no-network .gettext     && mv /tmp/envsubst /usr/local/bin/     && apk add --no-cache tzdata     && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log     && mkdir /docker-entrypoint.d'), 5_190_412, 1_788_420),
      ...nginxCopySteps(),
      ...NGINX_TAIL,
    ].map((s) => ({ ...s, created: SLIM_CREATED })),
    // nginx:1.27.2-alpine
    ...NGINX_ALPINE_ENV.slice(3).map((e) => bk(`ENV ${e}`)),
    bk(run('set -x     && apkArch="$(cat /etc/apk/arch)"     && nginxPackages="         nginx=${NGINX_VERSION}-r${PKG_RELEASE}         nginx-module-xslt=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-geoip=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-image-filter=${NGINX_VERSION}-r${DYNPKG_RELEASE}         nginx-module-njs=${NGINX_VERSION}.${NJS_VERSION}-r${NJS_RELEASE}     "     && apk add --no-cache --virtual .checksum-deps         openssl     && apk add -X "https://nginx.org/packages/mainline/alpine/v$(egrep -o \'^[0-9]+\\.[0-9]+\' /etc/alpine-release)/main" --no-cache $nginxPackages     && apk del --no-network .checksum-deps     && if [ -n "$tempDir" ]; then rm -rf "$tempDir"; fi     && if [ -f "/etc/apk/keys/abuild-key.rsa.pub" ]; then rm -f /etc/apk/keys/abuild-key.rsa.pub; fi     && apk add --no-cache curl ca-certificates'), 'rest', 14_006_771),
  ],
  rootfs: () => {
    const t = alpineBase();
    addAccount(t, { text: ALPINE.passwd, line: 'nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin' }, { text: ALPINE.group, line: 'nginx:x:101:nginx' });
    addNginx(t, 'alpine');
    t.dirs(['/usr/share/zoneinfo', '/usr/share/zoneinfo/Etc']);
    t.file('/usr/share/zoneinfo/Etc/UTC', 'TZif2\n');
    return t.list();
  },
});

const PHOTON_LABELS = { 'build-date': '20240915', name: 'Photon OS x86_64/5.0 Base Image', vendor: 'VMware' };

export const photon: RegistryImage = assemble({
  key: 'photon:5.0-20240915',
  repository: 'photon',
  tags: ['5.0', 'latest', '5.0-20240915'],
  created: '2024-09-15T10:52:18.418226542Z',
  dockerVersion: '20.10.23',
  config: { Env: [PATH_DEFAULT], Cmd: ['/bin/bash'], WorkingDir: '', Labels: PHOTON_LABELS },
  steps: [
    { created_by: `/bin/sh -c #(nop) ADD file:${hex64('photon-rootfs-5.0-edfd98556.x86_64.tar.gz')} in / `, size: 36_995_331, compressed: 14_932_817, created: '2024-09-15T10:52:17.794411265Z' },
    { created_by: nop(`LABEL name=${PHOTON_LABELS.name} vendor=${PHOTON_LABELS.vendor} build-date=${PHOTON_LABELS['build-date']}`), created: '2024-09-15T10:52:18.105326771Z' },
    { created_by: nop(`CMD ${execForm(['/bin/bash'])}`) },
  ],
  rootfs: () => photonBase().list(),
});
