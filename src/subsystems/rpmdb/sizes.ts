// Package sizes. The reference facts carry none, so every build gets a plausible size derived
// from its name and version: deterministic (the same on every machine and in every test), roughly
// right for the packages people know (a kernel is tens of MB, a -devel package is small), and
// never between 1000 and 1024 of a unit, so tdnf's "%6.2f%c" column is always 7 characters.

const K = 1024;
const M = 1024 * 1024;

/** Rough installed sizes of well-known packages, so the big ones look big. */
const KNOWN: Readonly<Record<string, number>> = {
  linux: 62 * M, 'linux-esx': 48 * M, 'linux-rt': 58 * M, 'linux-firmware': 420 * M, glibc: 19 * M, 'glibc-libs': 6 * M,
  'python3-libs': 29 * M, systemd: 27 * M, 'docker-engine': 96 * M, 'docker-cli': 39 * M, containerd: 118 * M,
  'containerd-extras': 34 * M, runc: 11 * M, go: 470 * M, gcc: 128 * M, perl: 54 * M, vim: 3.6 * M, 'vim-extra': 31 * M,
  git: 36 * M, coreutils: 16 * M, 'util-linux': 11 * M, bash: 7.4 * M, 'cloud-init': 4.2 * M, 'open-vm-tools': 4.4 * M,
  emacs: 118 * M, nodejs: 72 * M, ruby: 33 * M, kubernetes: 310 * M, openjdk17: 205 * M, 'openjdk17-jre': 150 * M,
  tzdata: 2.1 * M, 'ncurses-terminfo': 2.6 * M, 'cracklib-dicts': 9.5 * M, python3: 0.2 * M, 'iana-etc': 4.3 * M,
  'ca-certificates': 0.6 * M, 'ca-certificates-pki': 0.45 * M, filesystem: 10 * K, minimal: 0, docker: 0, openssh: 0,
  nginx: 3.3 * M, httpd: 4.9 * M, tdnf: 0.42 * M, rpm: 2.4 * M, 'rpm-libs': 1.3 * M, curl: 0.36 * M, 'curl-libs': 0.78 * M,
  'openssl-libs': 6.6 * M, openssl: 1.7 * M, sudo: 6.4 * M, less: 0.27 * M, tar: 3.1 * M, wget: 3.4 * M, nano: 2.7 * M,
  'man-db': 2.9 * M, groff: 8.8 * M, mariadb: 45 * M, redis: 5.2 * M, haproxy: 6.1 * M,
};

/** Log-uniform ranges by kind of package (first match wins). */
const RANGES: readonly [RegExp, number, number][] = [
  [/-devel(-static)?$/, 30 * K, 2 * M], [/-docs?$/, 100 * K, 8 * M], [/-lang$/, 100 * K, 3 * M], [/-libs$/, 100 * K, 4 * M],
  [/-debuginfo$/, 200 * K, 30 * M], [/^python3-/, 60 * K, 3 * M], [/^perl-/, 20 * K, 800 * K], [/^rubygem-/, 30 * K, 2 * M],
  [/^linux-/, 2 * M, 40 * M], [/./, 40 * K, 6 * M],
];

/** FNV-1a: a small stable hash, so sizes do not depend on anything but the name and version. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const frac = (s: string): number => fnv(s) / 2 ** 32;

/** Moves a size out of [1000, 1024) of its unit, where "%6.2f" would need 7 digits. */
function tidy(bytes: number): number {
  let unit = 1;
  while (bytes / unit > 1024) unit *= 1024;
  return bytes / unit >= 999.5 ? Math.round(1.02 * unit * 1024) : Math.round(bytes);
}

export function installSize(name: string, version: string, release: string): number {
  const f = frac(`${name}-${version}-${release}`);
  const known = KNOWN[name];
  if (known !== undefined) return tidy(known * (0.96 + 0.08 * f));
  const [, lo, hi] = RANGES.find(([re]) => re.test(name)) ?? [/./, 40 * K, 6 * M];
  return tidy(Math.round(lo * Math.pow(hi / lo, f)));
}

/** The compressed rpm: a fraction of the installed size, never below a header's few KB. */
export function downloadSize(name: string, version: string, installed: number): number {
  const f = frac(`dl:${name}-${version}`);
  return tidy(Math.max(5 * K + Math.round(f * 2048), Math.round(installed * (0.28 + 0.17 * f))));
}
