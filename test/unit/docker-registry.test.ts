// The offline registry: every image's file tree is consistent (programs that exist, links that
// land somewhere, the commands of its config present), its metadata adds up (layers, history,
// sizes docker prints), digests are deterministic, and lookups fail with docker's messages. The
// container-only programs run in a machine: the images' shell scripts under the simulator's sh,
// hello, busybox's applets, gosu, envsubst, python3, redis-server with redis-cli, httpd with curl.
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFileIntoMachine } from '../../src/cli/copy-in';
import { stubFor } from '../../src/kernel/exec';
import { preinstallPrograms } from '../fixtures/tdnf/preinstall';
import { Machine } from '../../src/kernel/machine';
import { BUSYBOX_APPLETS as BUSYBOX_PROGRAM_APPLETS, TOYBOX_APPLETS as TOYBOX_PROGRAM_APPLETS } from '../../src/programs/containers/applets';
import { HELLO_MESSAGE } from '../../src/programs/containers/hello';
import { appletProgram } from '../../src/programs/containers/multicall';
import { programs } from '../../src/programs/registry';
import { CONTAINER_PKG, containerPrograms } from '../../src/programs/registry/containers';
import { ALPINE_APPLETS, BUSYBOX_APPLETS, TOYBOX_APPLETS } from '../../src/subsystems/docker/registry/base-small';
import { hex64 } from '../../src/subsystems/docker/registry/hash';
import type { RegistrySource } from '../../src/subsystems/docker/engine';
import { errors, findImage, findImageById, IMAGES, listRepositories, listTags, lookup, resolvePull, rootfs, type RegistryImage, type RootfsEntry } from '../../src/subsystems/docker/registry/index';

/** Registered programs, and the container-only ones (registered by a line the engine's owner adds). */
const known = (name: string): boolean => programs.has(name) || containerPrograms.some((p) => p.name === name);

/** go-units HumanSizeWithPrecision(size, 3), as `docker images` prints sizes. */
function humanSize(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let i = 0;
  while (n >= 1000 && i < units.length - 1) {
    n /= 1000;
    i++;
  }
  return `${Number(n.toPrecision(3))}${units[i]}`;
}

function image(ref: string): RegistryImage {
  const i = findImage(ref);
  if (!i) throw new Error(`no image ${ref}`);
  return i;
}

/** Follows symlinks (absolute or relative) through a tree; undefined when a link dangles. */
function resolveIn(tree: Map<string, RootfsEntry>, path: string, depth = 0): RootfsEntry | undefined {
  if (depth > 16) return undefined;
  const parts = path.split('/').filter(Boolean);
  let cur = '';
  for (let i = 0; i < parts.length; i++) {
    const next = `${cur}/${parts[i]}`;
    const e = tree.get(next);
    if (!e) return undefined;
    if (e.kind === 'symlink') {
      const target = e.target.startsWith('/') ? e.target : `${cur}/${e.target}`;
      const rest = parts.slice(i + 1).join('/');
      return resolveIn(tree, normalize(rest ? `${target}/${rest}` : target), depth + 1);
    }
    cur = next;
  }
  return tree.get(cur) ?? (cur === '' ? { path: '/', kind: 'dir', mode: 0o755 } : undefined);
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return `/${out.join('/')}`;
}

/** Where a command of the config runs from: a path, or the first hit on the image's PATH. */
function findCommand(img: RegistryImage, tree: Map<string, RootfsEntry>, cmd: string): RootfsEntry | undefined {
  if (cmd.includes('/')) return resolveIn(tree, cmd.startsWith('/') ? cmd : `${img.config.WorkingDir || '/'}/${cmd}`);
  const path = img.config.Env.find((e) => e.startsWith('PATH='))!.slice(5);
  for (const dir of path.split(':')) {
    const hit = resolveIn(tree, `${dir}/${cmd}`);
    if (hit && hit.kind !== 'dir') return hit;
  }
  return undefined;
}

describe('every image', () => {
  it.each(IMAGES.map((i) => [`${i.repository}:${i.tags[0]}`, i] as const))('%s has a consistent file tree', (_name, img) => {
    const entries = img.rootfs();
    const tree = new Map<string, RootfsEntry>();
    for (const e of entries) {
      expect(e.path, e.path).toMatch(/^\/[^/]/);
      expect(e.path.endsWith('/'), e.path).toBe(false);
      expect(tree.has(e.path), `${e.path} twice`).toBe(false);
      const parent = e.path.slice(0, e.path.lastIndexOf('/'));
      if (parent) expect(tree.get(parent)?.kind, `parent of ${e.path}`).toBe('dir');
      tree.set(e.path, e);
      if (e.kind === 'program') expect(known(e.program), `${e.path}: program ${e.program}`).toBe(true);
      if (e.kind !== 'symlink') expect(e.mode & ~0o7777, e.path).toBe(0);
    }
    // every link lands on something, except the container's own /dev and /proc (mounted at run)
    for (const e of entries) {
      if (e.kind !== 'symlink') continue;
      const target = normalize(e.target.startsWith('/') ? e.target : `${e.path.slice(0, e.path.lastIndexOf('/'))}/${e.target}`);
      if (/^\/(dev|proc)\//.test(target)) continue;
      expect(resolveIn(tree, e.path), `${e.path} -> ${e.target}`).toBeDefined();
    }
    // the commands of the config exist and can run
    const argv = [...(img.config.Entrypoint ?? []), ...(img.config.Cmd ?? [])];
    const cmd = findCommand(img, tree, argv[0]!);
    expect(cmd && (cmd.kind === 'program' || (cmd.kind === 'file' && cmd.text.startsWith('#!'))), `command ${argv[0]}`).toBe(true);
    if (cmd?.kind === 'file') {
      const interp = cmd.text.slice(2, cmd.text.indexOf('\n')).trim().split(' ')[0]!;
      expect(resolveIn(tree, interp)?.kind, `interpreter ${interp}`).toBe('program');
      expect(cmd.mode & 0o111).not.toBe(0);
    }
    if (img.config.WorkingDir) expect(resolveIn(tree, img.config.WorkingDir)?.kind).toBe('dir');
    for (const v of Object.keys(img.config.Volumes ?? {})) expect(tree.get(v)?.kind).toBe('dir');
    if (img.repository === 'hello-world') {
      expect(entries).toEqual([{ path: '/hello', kind: 'program', program: 'hello', mode: 0o775 }]);
      return;
    }
    // a shell, accounts, /tmp and /root as every distribution has them
    const sh = resolveIn(tree, '/bin/sh');
    expect(sh?.kind).toBe('program');
    const shProgram = sh?.kind === 'program' ? sh.program : '';
    expect(shProgram === 'bash' || appletProgram(shProgram === 'busybox' ? BUSYBOX_PROGRAM_APPLETS : TOYBOX_PROGRAM_APPLETS, 'sh') === 'bash').toBe(true);
    const passwd = resolveIn(tree, '/etc/passwd');
    expect(passwd?.kind === 'file' && passwd.text.startsWith('root:x:0:0:root:/root:')).toBe(true);
    expect(resolveIn(tree, '/etc/group')?.kind).toBe('file');
    expect(tree.get('/tmp')).toMatchObject({ kind: 'dir', mode: 0o1777 });
    expect(tree.get('/root')).toMatchObject({ kind: 'dir', mode: 0o700 });
    for (const e of entries) if (e.path.startsWith('/etc/shadow')) expect(e.kind).toBe('file');
  });

  it('has the os-release of its distribution', () => {
    const id = (ref: string): string | undefined => {
      const tree = new Map(image(ref).rootfs().map((e) => [e.path, e]));
      const f = resolveIn(tree, '/etc/os-release');
      return f?.kind === 'file' ? /^ID=(.*)$/m.exec(f.text)?.[1] : undefined;
    };
    expect(['nginx', 'httpd', 'redis', 'python:3-slim'].map(id)).toEqual(['debian', 'debian', 'debian', 'debian']);
    expect(['alpine', 'nginx:alpine'].map(id)).toEqual(['alpine', 'alpine']);
    expect(id('photon')).toBe('photon');
    expect([id('busybox'), id('hello-world')]).toEqual([undefined, undefined]);
  });

  it('keeps applet links within what the multi-call programs run', () => {
    for (const a of [...BUSYBOX_APPLETS, ...Object.values(ALPINE_APPLETS).flat()]) {
      expect(BUSYBOX_PROGRAM_APPLETS, a).toContain(a);
      expect(programs.has(appletProgram(BUSYBOX_PROGRAM_APPLETS, a)!), a).toBe(true);
    }
    expect([...TOYBOX_APPLETS]).toEqual([...TOYBOX_PROGRAM_APPLETS]);
    for (const a of TOYBOX_APPLETS) expect(programs.has(appletProgram(TOYBOX_PROGRAM_APPLETS, a)!), a).toBe(true);
  });

  it('adds up: layers, history, digests, sizes', () => {
    const digests = new Set<string>();
    for (const img of IMAGES) {
      for (const d of [img.digest, img.id]) {
        expect(d).toMatch(/^sha256:[0-9a-f]{64}$/);
        expect(digests.has(d), d).toBe(false);
        digests.add(d);
      }
      expect(img.size).toBe(img.layers.reduce((n, l) => n + l.uncompressedSize, 0));
      const filled = img.history.filter((h) => !h.empty_layer);
      expect(filled.map((h) => h.size)).toEqual(img.layers.map((l) => l.uncompressedSize));
      for (const h of img.history) expect(h.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      for (const l of img.layers) {
        expect(l.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
        expect(l.size).toBeGreaterThan(0);
        // a small file's layer compresses to about its size (tar headers); big layers shrink
        if (l.uncompressedSize > 65536) expect(l.size).toBeLessThan(l.uncompressedSize);
      }
      expect(img.created).toBe(img.history.at(-1)!.created);
      expect(findImageById(img.id)).toBe(img);
      expect(findImageById(img.id.slice(7, 19))).toBe(img);
      expect(rootfs(img.id).length).toBe(img.rootfs().length);
    }
    expect(Object.fromEntries(['nginx', 'nginx:alpine', 'httpd', 'redis', 'python:3-slim', 'busybox', 'alpine', 'hello-world', 'photon'].map((r) => [r, humanSize(image(r).size)]))).toEqual({
      nginx: '192MB', 'nginx:alpine': '47MB', httpd: '148MB', redis: '117MB', 'python:3-slim': '130MB', busybox: '4.26MB', alpine: '7.8MB', 'hello-world': '13.3kB', photon: '37MB',
    });
    expect(image('hello-world').size).toBe(13256);
  });

  it('shares base layers the way the real images do', () => {
    const base = image('nginx').layers[0]!.digest;
    for (const r of ['httpd', 'redis', 'python:3.12-slim']) expect(image(r).layers[0]!.digest).toBe(base);
    expect(image('nginx:alpine').layers[0]!.digest).toBe(image('alpine:3.20').layers[0]!.digest);
    expect(image('alpine').layers[0]!.digest).not.toBe(base);
  });

  it('is deterministic', () => {
    expect(hex64('nginx')).toBe(hex64('nginx'));
    expect(hex64('nginx')).not.toBe(hex64('nginy'));
    expect(hex64('')).toMatch(/^[0-9a-f]{64}$/);
    // pinned: a change here changes every image ID a lesson or a snapshot may have recorded
    expect(image('hello-world').id).toBe(`sha256:${hex64('hello-world:linux-20230502|config')}`);
    expect(image('nginx').digest).toBe(`sha256:${hex64('nginx:1.27.2-bookworm|manifest')}`);
  });

  it('records configs and history as docker shows them', () => {
    const nginx = image('nginx:1.27.2');
    expect(nginx.config).toMatchObject({ Entrypoint: ['/docker-entrypoint.sh'], Cmd: ['nginx', '-g', 'daemon off;'], StopSignal: 'SIGQUIT', ExposedPorts: { '80/tcp': {} } });
    expect(nginx.config.Env).toContain('NGINX_VERSION=1.27.2');
    expect(nginx.history.at(-1)).toMatchObject({ created_by: 'CMD ["nginx" "-g" "daemon off;"]', empty_layer: true, comment: 'buildkit.dockerfile.v0' });
    expect(nginx.history.map((h) => h.created_by)).toContain('EXPOSE map[80/tcp:{}]');
    expect(image('redis:7.4').config).toMatchObject({ Volumes: { '/data': {} }, WorkingDir: '/data', Entrypoint: ['docker-entrypoint.sh'], Cmd: ['redis-server'] });
    expect(image('httpd:2.4').config).toMatchObject({ StopSignal: 'SIGWINCH', WorkingDir: '/usr/local/apache2', Cmd: ['httpd-foreground'] });
    expect(image('python:3.12-slim').config.Env).toContain('PYTHON_VERSION=3.12.7');
    const hello = image('hello-world:linux');
    expect(hello).toBe(image('hello-world'));
    expect(hello.history.map((h) => [h.created_by, h.size])).toEqual([
      [`/bin/sh -c #(nop) COPY file:${hex64('hello-world/amd64/hello')} in / `, 13256],
      ['/bin/sh -c #(nop)  CMD ["/hello"]', 0],
    ]);
    expect(image('photon:5.0').config.Labels).toEqual({ 'build-date': '20240915', name: 'Photon OS x86_64/5.0 Base Image', vendor: 'VMware' });
  });
});

describe('lookups', () => {
  it('finds images by tag, by digest and by full name', () => {
    expect(listRepositories()).toEqual(['alpine', 'busybox', 'hello-world', 'httpd', 'nginx', 'photon', 'python', 'redis']);
    expect(listTags('nginx')).toContain('1.27.2-alpine');
    expect(findImage('nginx')).toBe(image('nginx:latest'));
    expect(findImage('docker.io/library/nginx:1.27')).toBe(image('nginx'));
    expect(findImage('nginx:alpine')).not.toBe(image('nginx'));
    expect(findImage(`nginx@${image('nginx:alpine').digest}`)).toBe(image('nginx:alpine'));
    expect(findImage(`nginx:whatever@${image('nginx').digest}`)).toBe(image('nginx'));
    expect(findImage('photon')).toBe(image('photon:5.0'));
    for (const [ref, repo] of [['busybox:1.36', 'busybox'], ['alpine:3.20', 'alpine'], ['redis:7', 'redis'], ['python:3-slim', 'python'], ['httpd:2.4', 'httpd']]) expect(findImage(ref!)?.repository).toBe(repo);
    expect(findImage('nginx:nope')).toBeUndefined();
    expect(findImage('python')).toBeUndefined();
    expect(findImage('localhost:5000/nginx')).toBeUndefined();
    expect(findImage('Nginx')).toBeUndefined();
  });

  it.each([
    ['x', { kind: 'daemon', message: "Error response from daemon: pull access denied for x, repository does not exist or may require 'docker login': denied: requested access to the resource is denied" }],
    ['someuser/app:1', { kind: 'daemon', message: "Error response from daemon: pull access denied for someuser/app, repository does not exist or may require 'docker login': denied: requested access to the resource is denied" }],
    ['nginx:nope', { kind: 'daemon', message: 'Error response from daemon: manifest for nginx:nope not found: manifest unknown: manifest unknown' }],
    ['docker.io/library/redis:6', { kind: 'daemon', message: 'Error response from daemon: manifest for redis:6 not found: manifest unknown: manifest unknown' }],
    [`nginx:1.27@sha256:${'0'.repeat(64)}`, { kind: 'daemon', message: `Error response from daemon: manifest for nginx@sha256:${'0'.repeat(64)} not found: manifest unknown: manifest unknown` }],
    ['Nginx', { kind: 'reference', message: 'invalid reference format: repository name (library/Nginx) must be lowercase' }],
    ['nginx:', { kind: 'reference', message: 'invalid reference format' }],
    ['localhost:5000/x', { kind: 'daemon', message: 'Error response from daemon: Get "http://localhost:5000/v2/": dial tcp [::1]:5000: connect: connection refused' }],
    ['quay.io/org/app', { kind: 'daemon', message: 'Error response from daemon: Get "https://quay.io/v2/": dial tcp: lookup quay.io on 127.0.0.53:53: no such host' }],
  ])('docker pull %s', (input, expected) => {
    expect(resolvePull(input)).toEqual({ ok: false, ...expected });
  });

  it('serves the engine as its RegistrySource', async () => {
    // a type check as much as a test: the registry's images are the engine's
    const source: RegistrySource = { find: async (repo, tag) => lookup(repo, tag) };
    const got = await source.find('nginx', '1.27');
    expect('error' in got ? got.error : got.id).toBe(image('nginx').id);
    if (!('error' in got)) {
      got.config.Env.push('CHANGED=1');
      expect(image('nginx').config.Env).not.toContain('CHANGED=1');
      expect(got.rootfs().length).toBeGreaterThan(100);
    }
    expect(await source.find('docker.io/library/redis', image('redis').digest)).toMatchObject({ id: image('redis').id });
    expect(await source.find('nope', 'latest')).toEqual({ error: "pull access denied for nope, repository does not exist or may require 'docker login': denied: requested access to the resource is denied" });
    expect(await source.find('nginx', 'nope')).toEqual({ error: 'manifest for nginx:nope not found: manifest unknown: manifest unknown' });
  });

  it('resolves a pull to the image and its normalized reference', () => {
    const r = resolvePull('redis');
    expect(r.ok && [r.image, r.ref.full, r.ref.tag, r.defaultTag]).toEqual([image('redis'), 'docker.io/library/redis:latest', 'latest', true]);
    const t = resolvePull('redis:7.4');
    expect(t.ok && t.defaultTag).toBe(false);
    expect(errors.pullAccessDenied('y')).toContain('pull access denied for y,');
    expect(errors.manifestUnknown('nginx:1')).toBe('Error response from daemon: manifest for nginx:1 not found: manifest unknown: manifest unknown');
  });
});

// ---------------------------------------------------------------- the programs, in a machine

interface Out {
  stdout: string;
  stderr: string;
  code: number;
}

async function sh(m: Machine, script: string, env?: Map<string, string>): Promise<Out> {
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  const code = await m.run(['/bin/bash', '-c', script], { stdout: (b) => out.push(b), stderr: (b) => err.push(b), ...(env ? { env } : {}) });
  const dec = (parts: Uint8Array[]): string => new TextDecoder().decode(Buffer.concat(parts));
  return { stdout: dec(out), stderr: dec(err), code };
}

/** Lays an image's tree into a machine under `prefix` (the host keeps its own /bin and /etc). */
function layTree(m: Machine, entries: RootfsEntry[], prefix: string, only?: (e: RootfsEntry) => boolean): void {
  const vfs = m.kernel.vfs;
  for (const e of entries) {
    if (only && !only(e)) continue;
    const path = `${prefix}${e.path}`;
    if (e.kind === 'dir') {
      writeFileIntoMachine(m, `${path}/.keep`, new Uint8Array());
      const dir = vfs.lookup(path)!;
      vfs.removeEntry(dir, '.keep', vfs.child(dir, '.keep')!);
      dir.perm = e.mode;
    } else if (e.kind === 'file' || e.kind === 'program') {
      writeFileIntoMachine(m, path, new TextEncoder().encode(e.kind === 'file' ? e.text : stubFor(e.program)));
      vfs.lookup(path)!.perm = e.mode;
    } else {
      const slash = path.lastIndexOf('/');
      writeFileIntoMachine(m, `${path.slice(0, slash)}/.keep`, new Uint8Array());
      const dir = vfs.lookup(path.slice(0, slash))!;
      vfs.removeEntry(dir, '.keep', vfs.child(dir, '.keep')!);
      if (vfs.child(dir, path.slice(slash + 1))) continue;
      const link = vfs.newInode(dir.fs, 'symlink', 0o777, 0, 0);
      link.target = e.target;
      vfs.addEntry(dir, path.slice(slash + 1), link);
    }
  }
}

function fileOf(ref: string, path: string): string {
  const e = image(ref).rootfs().find((x) => x.path === path);
  if (e?.kind !== 'file') throw new Error(`${path} is not a file of ${ref}`);
  return e.text;
}

describe('container programs', () => {
  let m: Machine;

  beforeAll(async () => {
    // the registry line for these programs is added by the docker engine's owner; until then
    // the test registers them itself
    for (const p of containerPrograms) if (!programs.has(p.name)) programs.set(p.name, p);
    m = new Machine({ clock: 'skip' });
    preinstallPrograms(m, ['nmap-ncat']);
    for (const p of containerPrograms) {
      writeFileIntoMachine(m, p.installPath, new TextEncoder().encode(stubFor(p.name)));
      m.kernel.vfs.lookup(p.installPath)!.perm = p.mode ?? 0o755;
    }
    expect(containerPrograms.every((p) => p.pkg === CONTAINER_PKG)).toBe(true);
  });

  it('registers metadata equal to each module', async () => {
    for (const e of containerPrograms) {
      const p = await e.load();
      expect({ name: p.name, installPath: p.installPath, mode: p.mode ?? 0o755, pkg: p.pkg }).toEqual({ name: e.name, installPath: e.installPath, mode: e.mode ?? 0o755, pkg: CONTAINER_PKG });
    }
    const paths = [...programs.values()].flatMap((e) => [e.installPath, ...(e.aliases ?? [])]);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('hello prints its message', async () => {
    expect(await sh(m, '/hello extra args')).toEqual({ stdout: HELLO_MESSAGE, stderr: '', code: 0 });
    expect(HELLO_MESSAGE).toContain('Hello from Docker!');
  });

  it('busybox runs applets by name, link or argument', async () => {
    layTree(m, image('alpine').rootfs(), '/alp', (e) => e.path.startsWith('/bin'));
    const r = await sh(m, 'busybox echo one; /alp/bin/ls -d /alp/bin; /alp/bin/sh -c "echo \\$0"; busybox nosuch; echo $?; busybox --list | grep -c .; busybox | head -1');
    expect(r.stdout).toBe(`one\n/alp/bin\n/alp/bin/sh\n127\n${BUSYBOX_PROGRAM_APPLETS.length}\nBusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n`);
    expect(r.stderr).toBe('nosuch: applet not found\n');
    const t = await sh(m, 'toybox --version; toybox uname -s; toybox nosuch; echo $?');
    expect(t).toEqual({ stdout: 'toybox 0.8.9\nLinux\n127\n', stderr: 'toybox: Unknown command nosuch (see toybox --help)\n', code: 0 });
  });

  it('envsubst replaces the environment, or only the named variables', async () => {
    const r = await sh(m, 'export A=1 B=two; printf \'a=$%s b=${B} c=$C\\n\' A | envsubst; printf \'$A ${B}\\n\' | envsubst \'$B\'; envsubst -v \'$X ${Y}\'');
    expect(r).toEqual({ stdout: 'a=1 b=two c=\n$A two\nX\nY\n', stderr: '', code: 0 });
  });

  it('gosu switches user and execs', async () => {
    const r = await sh(m, 'gosu nobody id -u; gosu nobody:root id -g; gosu 1234 id -u; gosu ghost true; echo $?; gosu nobody nosuchcmd; echo $?; gosu --version');
    expect(r.stdout).toBe('65534\n0\n1234\n1\n1\n1.17 (go1.18.2 on linux/amd64; gc)\n');
    expect(r.stderr).toBe('error: failed switching to "ghost": unable to find user ghost: no matching entries in passwd file\nerror: exec: "nosuchcmd": executable file not found in $PATH\n');
  });

  it('the nginx entry point runs its setup scripts under sh, then the command', async () => {
    const scripts = image('nginx').rootfs().filter((e) => e.path.startsWith('/docker-entrypoint') || e.path.startsWith('/etc/nginx'));
    layTree(m, scripts, '');
    writeFileIntoMachine(m, '/usr/local/bin/nginx', new TextEncoder().encode('#!/bin/sh\necho "nginx started with: $*"\n'));
    m.kernel.vfs.lookup('/usr/local/bin/nginx')!.perm = 0o755;
    const r = await sh(m, 'mkdir -p /proc/net 2>/dev/null; /docker-entrypoint.sh nginx -g "daemon off;"; grep -c "listen  \\[::\\]:80;" /etc/nginx/conf.d/default.conf; /docker-entrypoint.sh echo plain');
    const ipv6 = (await sh(m, 'test -f /proc/net/if_inet6 && echo yes')).stdout === 'yes\n';
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe([
      '/docker-entrypoint.sh: /docker-entrypoint.d/ has setup scripts; running them before nginx starts',
      '/docker-entrypoint.sh: Running /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      ...(ipv6
        ? ['10-listen-on-ipv6-by-default.sh: info: Checking whether /etc/nginx/conf.d/default.conf is the packaged version', '10-listen-on-ipv6-by-default.sh: info: /etc/nginx/conf.d/default.conf now listens on IPv6 as well']
        : ['10-listen-on-ipv6-by-default.sh: info: this container has no IPv6; leaving /etc/nginx/conf.d/default.conf as it is']),
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Running /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Running /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Setup finished; starting nginx',
      'nginx started with: -g daemon off;',
      ipv6 ? '1' : '0',
      'plain',
      '',
    ].join('\n'));
    // templates become configuration, with the environment's values
    writeFileIntoMachine(m, '/etc/nginx/templates/site.conf.template', new TextEncoder().encode('listen ${NGINX_PORT}; # $host stays\n'));
    const t = await sh(m, 'NGINX_PORT=8080 NGINX_ENTRYPOINT_QUIET_LOGS=1 /docker-entrypoint.sh nginx; cat /etc/nginx/conf.d/site.conf');
    expect(t.stdout).toBe('nginx started with: \nlisten 8080; # $host stays\n');
  });

  it('the redis entry point passes options to redis-server and drops to the redis user', async () => {
    writeFileIntoMachine(m, '/usr/local/bin/docker-entrypoint.sh', new TextEncoder().encode(fileOf('redis', '/usr/local/bin/docker-entrypoint.sh')));
    m.kernel.vfs.lookup('/usr/local/bin/docker-entrypoint.sh')!.perm = 0o755;
    const r = await sh(m, 'useradd -r -u 999 redis 2>/dev/null; mkdir -p /tmp/rd && cd /tmp/rd && touch f && docker-entrypoint.sh id -u && docker-entrypoint.sh sh -c umask');
    expect(r).toEqual({ stdout: '0\n0077\n', stderr: '', code: 0 });
  });

  it('python3 runs -c, files, stdin, and reports errors as CPython does', async () => {
    const r = await sh(m, [
      'ln -sf python3.12 /usr/local/bin/python3; PATH=/usr/local/bin:$PATH',
      'python3 --version',
      'python3 -c \'print("hello", 6 * 7); import sys; print(sys.version.split()[0])\'',
      'python3 -c "print(1/0)"; echo "status $?"',
      'python3 -c "print(foo)"; echo "status $?"',
      'python3 -c "print(\'a\' + 1)"; echo "status $?"',
      'python3 -c "print(("; echo "status $?"',
      'printf "x = 5\\nprint(f\\"x={x}\\", x ** 2)\\n" > /tmp/p.py; python3 /tmp/p.py',
      'echo "print(2+3)" | python3',
      'python3 /tmp/nope.py; echo "status $?"',
      'python3 -c "import sys; sys.exit(3)"; echo "status $?"',
      'python3 -c "import numpy"; echo "status $?"',
      'python3 < /dev/null; echo "status $?"',
    ].join('\n'));
    expect(r.stdout).toBe('Python 3.12.7\nhello 42\n3.12.7\nstatus 1\nstatus 1\nstatus 1\nstatus 1\nx=5 25\n5\nstatus 2\nstatus 3\nstatus 1\nstatus 0\n');
    expect(r.stderr).toBe([
      'Traceback (most recent call last):', '  File "<string>", line 1, in <module>', 'ZeroDivisionError: division by zero',
      'Traceback (most recent call last):', '  File "<string>", line 1, in <module>', "NameError: name 'foo' is not defined",
      'Traceback (most recent call last):', '  File "<string>", line 1, in <module>', 'TypeError: can only concatenate str (not "int") to str',
      '  File "<string>", line 1', '    print((', '          ^', "SyntaxError: '(' was never closed",
      "python3: can't open file '/tmp/nope.py': [Errno 2] No such file or directory",
      'Traceback (most recent call last):', '  File "<string>", line 1, in <module>', "ModuleNotFoundError: No module named 'numpy'",
      '',
    ].join('\n'));
  });

  it('redis-server serves redis-cli, saves on SIGTERM and loads again', async () => {
    const r = await sh(m, [
      'mkdir -p /tmp/redis && cd /tmp/redis',
      'redis-server > /tmp/redis/log 2>&1 & pid=$!',
      'sleep 1',
      'redis-cli ping',
      'redis-cli set greeting hello',
      'redis-cli --no-raw get greeting',
      'redis-cli --no-raw incr n; redis-cli --no-raw incr n',
      'redis-cli --no-raw get missing',
      'redis-cli --no-raw rpush l a b; redis-cli --no-raw lrange l 0 -1',
      'redis-cli --no-raw nosuch x; echo "status $?"',
      'printf "PING\\r\\nQUIT\\r\\n" | nc 127.0.0.1 6379',
      'redis-cli --version',
      'kill $pid; wait $pid',
      'head -c 9 dump.rdb; echo',
      'redis-server --port 6380 > /tmp/redis/log2 2>&1 &',
      'sleep 1',
      'redis-cli -p 6380 get greeting',
      'redis-cli -p 6380 shutdown',
      'wait',
      'redis-cli ping; echo "status $?"',
    ].join('\n'));
    expect(r.stdout).toBe('PONG\nOK\n"hello"\n(integer) 1\n(integer) 2\n(nil)\n(integer) 2\n1) "a"\n2) "b"\n(error) ERR unknown command \'nosuch\', with args beginning with: \'x\' \nstatus 1\n+PONG\r\n+OK\r\nredis-cli 7.4.1\nREDIS0011\nhello\nstatus 1\n');
    expect(r.stderr).toBe('Could not connect to Redis at 127.0.0.1:6379: Connection refused\n');
    const log = (await sh(m, 'cat /tmp/redis/log')).stdout.split('\n');
    expect(log.some((l) => /^\d+:M \d\d \w{3} \d{4} \d\d:\d\d:\d\d\.\d{3} \* Ready to accept connections tcp$/.test(l))).toBe(true);
    expect(log.some((l) => /^\d+:signal-handler \(\d+\) SIGTERM received; shutting down\.\.\.$/.test(l))).toBe(true);
    expect(log.some((l) => / \* DB saved on disk$/.test(l))).toBe(true);
    const log2 = (await sh(m, 'cat /tmp/redis/log2')).stdout;
    expect(log2).toMatch(/\* DB loaded from disk: /);
    expect(log2).toMatch(/Shutdown requested by a client/);
  });

  it('httpd serves its document root over HTTP and logs each request', async () => {
    layTree(m, image('httpd').rootfs(), '', (e) => e.path.startsWith('/usr/local/apache2') || e.path === '/usr/local/bin/httpd-foreground');
    const r = await sh(m, [
      'mkdir -p /usr/local/apache2/htdocs/sub && echo "<p>sub</p>" > /usr/local/apache2/htdocs/sub/page.html',
      'PATH=/usr/local/apache2/bin:$PATH httpd-foreground > /tmp/httpd.out 2> /tmp/httpd.err & pid=$!',
      'sleep 1',
      'curl -s http://localhost/',
      'curl -s -o /dev/null -w "%{http_code}\\n" http://localhost/nope',
      'curl -s -o /dev/null -w "%{http_code} %{redirect_url}\\n" http://localhost/sub',
      'curl -s http://localhost/sub/page.html',
      'curl -sI http://localhost/ | grep -E "^(HTTP|Server|Content-Type|Content-Length)" | tr -d "\\r"',
      '/usr/local/apache2/bin/httpd -v',
      'kill -WINCH $pid; wait $pid',
      'test -e /usr/local/apache2/logs/httpd.pid || echo "pid file removed"',
    ].join('\n'));
    expect(r.stdout).toBe([
      '<html><body><h1>It works!</h1></body></html>',
      '404',
      '301 http://localhost/sub/',
      '<p>sub</p>',
      'HTTP/1.1 200 OK', 'Server: Apache/2.4.62 (Unix)', 'Content-Length: 45', 'Content-Type: text/html',
      'Server version: Apache/2.4.62 (Unix)', 'Server built:   Sep 27 2024 01:06:23',
      'pid file removed',
      '',
    ].join('\n'));
    const access = (await sh(m, 'cat /tmp/httpd.out')).stdout.split('\n').filter(Boolean);
    expect(access.map((l) => l.replace(/\[[^\]]+\]/, '[T]').replace(/^(::1|127\.0\.0\.1) /, 'LOCAL '))).toEqual([
      'LOCAL - - [T] "GET / HTTP/1.1" 200 45',
      'LOCAL - - [T] "GET /nope HTTP/1.1" 404 194',
      'LOCAL - - [T] "GET /sub HTTP/1.1" 301 229',
      'LOCAL - - [T] "GET /sub/page.html HTTP/1.1" 200 11',
      'LOCAL - - [T] "HEAD / HTTP/1.1" 200 -',
    ]);
    const ss = await sh(m, '/usr/local/apache2/bin/httpd -DFOREGROUND >/dev/null 2>&1 & pid=$!; sleep 1; ss -tlnH | grep ":80 "; kill $pid; wait $pid');
    expect(ss.stdout, JSON.stringify(ss)).toMatch(/^LISTEN +0 +\d+ +\*:80 +\*:\*/);
    const err = (await sh(m, 'cat /tmp/httpd.err')).stdout;
    expect(err).toMatch(/^AH00558: httpd: unable to work out this server's fully qualified domain name; using [\d.]+ for now\./);
    expect(err).toMatch(/\[mpm_event:notice\] \[pid \d+:tid \d+\] AH00489: Apache\/2\.4\.62 \(Unix\) is set up and now serves requests\n/);
    expect(err).toMatch(/\[core:notice\] \[pid \d+:tid \d+\] AH00094: Command line: 'httpd -D FOREGROUND'\n/);
    expect(err).toMatch(/AH00492: SIGWINCH received; finishing the requests under way, then shutting down\n$/);
  });
});

describe('interactive container programs (on the console)', () => {
  it('python3 and redis-cli prompt, answer and leave', async () => {
    const { ConsoleSession } = await import('../integration/machine-helpers');
    for (const p of containerPrograms) if (!programs.has(p.name)) programs.set(p.name, p);
    const s = new ConsoleSession();
    for (const p of containerPrograms) {
      writeFileIntoMachine(s.machine, p.installPath, new TextEncoder().encode(stubFor(p.name)));
      s.machine.kernel.vfs.lookup(p.installPath)!.perm = 0o755;
    }
    await s.waitForPrompts(1, 15000);
    const from = s.output.length;
    s.type('/usr/local/bin/python3.12\r');
    await s.waitFor('>>> ', from);
    s.type('6*7\r');
    await s.waitFor('42\r\n>>> ', from);
    s.type('name = "py"\r');
    await s.waitFor('>>> name = "py"\r\n>>> ', from);
    s.type('f"hi {name}"\r');
    await s.waitFor("'hi py'\r\n>>> ", from);
    s.type('foo\r');
    await s.waitFor("NameError: name 'foo' is not defined\r\n>>> ", from);
    s.type('\x03');
    await s.waitFor('KeyboardInterrupt\r\n>>> ', from);
    s.type('\x04');
    await s.waitForPrompts(2);
    expect(s.output.slice(from)).toContain([
      'Python 3.12.7 (main, Oct  1 2024, 22:28:49) [GCC 12.2.0] on linux',
      'Try "help", "copyright", "credits" or "license" to learn more.',
      '>>> 6*7', '42', '>>> name = "py"', '>>> f"hi {name}"', "'hi py'", '>>> foo',
      'Traceback (most recent call last):', '  File "<stdin>", line 1, in <module>', "NameError: name 'foo' is not defined",
      '>>> ^C', 'KeyboardInterrupt', '>>> ',
    ].join('\r\n'));
    const at = s.output.length;
    s.type('redis-server >/dev/null & sleep 0.5; redis-cli\r');
    await s.waitFor('127.0.0.1:6379> ', at);
    s.type('set a "b c"\r');
    await s.waitFor('OK\r\n127.0.0.1:6379> ', at);
    s.type('get a\r');
    await s.waitFor('"b c"\r\n127.0.0.1:6379> ', at);
    s.type('quit\r');
    await s.waitForPrompts(3);
  }, 30_000);
});
