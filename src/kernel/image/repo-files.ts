// What the package manager finds on a fresh install: Photon's repo files (photon-repos 5.0-5:
// only photon-updates enabled), tdnf's configuration, the rpm database holding the minimal
// install at its 5.0 GA builds with the files each package owns in this image, and tdnf's
// history with its "(set)" entry. The package list comes from packages-catalog/boot.ts, a small
// eager module; everything else about packages (the catalog) loads only when tdnf or rpm runs.
import { BOOT_PACKAGES } from '../../../packages-catalog/boot';
import { programs } from '../../programs/registry';
import { digestText, RPMDB_PATH, S_IFLNK, S_IFREG, serializeRpmDb, type FileRecord, type InstalledPackage } from '../../subsystems/rpmdb/rpmdb';
import { HISTORY_PATH, serializeHistory } from '../../subsystems/rpmdb/history';
import { inertBinary } from '../../subsystems/rpmdb/stub';
import type { ImageWriter } from './build';
import { INSTALL_TIME } from './etc-files';
import type { Vfs } from '../vfs/vfs';

/** When the image was installed, in seconds (the rpm database's install time). */
const INSTALL_TIME_S = Math.floor(INSTALL_TIME / 1000);

export interface BootPackage {
  name: string;
  epoch: number;
  version: string;
  release: string;
  arch: string;
  /** Installed on request (the installer's package list) rather than as a dependency. */
  user: boolean;
  /** Explicit binary and unit paths from the package's %files. */
  paths: string[];
}

export function bootPackages(): BootPackage[] {
  return BOOT_PACKAGES.map((line) => {
    const [name = '', evr = '', arch = '', user = '0', ...paths] = line.split(' ');
    const colon = evr.indexOf(':');
    const vr = colon >= 0 ? evr.slice(colon + 1) : evr;
    const dash = vr.lastIndexOf('-');
    return { name, epoch: colon >= 0 ? Number(evr.slice(0, colon)) : 0, version: vr.slice(0, dash), release: vr.slice(dash + 1), arch, user: user === '1', paths };
  });
}

/** Names of the packages installed at boot: the image writes only their programs. */
export const BOOT_NAMES: ReadonlySet<string> = new Set(BOOT_PACKAGES.map((l) => l.slice(0, l.indexOf(' '))));

const GPGKEY = 'file:///etc/pki/rpm-gpg/VMWARE-RPM-GPG-KEY file:///etc/pki/rpm-gpg/VMWARE-RPM-GPG-KEY-4096';
const URL = 'https://packages.vmware.com/photon/$releasever';

/** [file, id, name, baseurl, enabled, extra lines], as photon-repos 5.0-5 ships them. */
export const PHOTON_REPOS: readonly [string, string, string, string, boolean, string[]][] = [
  ['photon.repo', 'photon', 'VMware Photon Linux $releasever ($basearch)', `${URL}/photon_$releasever_$basearch`, false, ['skip_md_filelists=1']],
  ['photon-updates.repo', 'photon-updates', 'VMware Photon Linux $releasever ($basearch) Updates', `${URL}/photon_updates_$releasever_$basearch`, true, []],
  ['photon-release.repo', 'photon-release', 'VMware Photon Linux $releasever ($basearch)', `${URL}/photon_release_$releasever_$basearch`, false, []],
  ['photon-extras.repo', 'photon-extras', 'VMware Photon Extras $releasever ($basearch)', `${URL}/photon_extras_$releasever_$basearch`, false, []],
  ['photon-debuginfo.repo', 'photon-debuginfo', 'VMware Photon Linux debuginfo $releasever ($basearch)', `${URL}/photon_debuginfo_$releasever_$basearch`, false, []],
  ['photon-srpms.repo', 'photon-srpms', 'VMware Photon Linux $releasever ($basearch) Source Packages', `${URL}/photon_srpms_$releasever_$basearch`, false, ['skip_md_filelists=1']],
  ['photon-iso.repo', 'photon-iso', 'VMWare Photon Linux ISO $releasever ($basearch)', 'file:///mnt/cdrom/RPMS', false, []],
];

export function repoFileText(id: string, name: string, baseurl: string, enabled: boolean, extra: readonly string[]): string {
  return [`[${id}]`, `name=${name}`, `baseurl=${baseurl}`, `gpgkey=${GPGKEY}`, 'gpgcheck=1', `enabled=${enabled ? 1 : 0}`, 'skip_if_unavailable=1', ...extra, ''].join('\n');
}

/** tdnf 3.5's etc/tdnf/tdnf.conf, installed unchanged by Photon's spec. */
export const TDNF_CONF = '[main]\ngpgcheck=1\ninstallonly_limit=3\nclean_requirements_on_remove=0\nrepodir=/etc/yum.repos.d\ncachedir=/var/cache/tdnf\n';

/** A stand-in public key block (not VMware's key): rpm --import and gpgcheck only need it to exist. */
function fakeKey(label: string, lines: number): string {
  let h = 0x2545f491;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const body: string[] = [];
  for (let l = 0; l < lines; l++) {
    let row = '';
    for (let c = 0; c < 64; c++) {
      h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0;
      row += alphabet[h % 64];
    }
    body.push(row);
  }
  return `-----BEGIN PGP PUBLIC KEY BLOCK-----\nComment: ${label} (simulated)\n\n${body.join('\n')}\n=${body[0]!.slice(0, 4)}\n-----END PGP PUBLIC KEY BLOCK-----\n`;
}

/** Files other parts of the image write that belong to a boot package (machine-specific files belong to none). */
const OWNED: Readonly<Record<string, readonly string[]>> = {
  filesystem: ['/etc/fstab', '/etc/group', '/etc/hosts', '/etc/inputrc', '/etc/mtab', '/etc/passwd', '/etc/profile', '/etc/profile.d/extrapaths.sh', '/etc/profile.d/i18n.sh', '/etc/profile.d/proxy.sh', '/etc/profile.d/readline.sh', '/etc/shells', '/etc/sysconfig/clock', '/etc/sysconfig/console', '/etc/sysconfig/proxy'],
  bash: ['/etc/bash.bashrc', '/etc/skel/.bash_logout', '/etc/skel/.bash_profile', '/etc/skel/.bashrc'],
  shadow: ['/etc/login.defs', '/etc/default/useradd'],
  sudo: ['/etc/sudoers', '/usr/lib/tmpfiles.d/sudo.conf'],
  'openssh-server': ['/etc/ssh/sshd_config', '/etc/ssh/moduli', '/usr/lib/tmpfiles.d/sshd.conf'],
  'openssh-clients': ['/etc/ssh/ssh_config'],
  'photon-release': ['/etc/photon-release', '/etc/lsb-release', '/usr/lib/os-release', '/etc/os-release', '/etc/issue'],
  systemd: ['/etc/systemd/networkd.conf', '/etc/systemd/resolved.conf', '/usr/lib/tmpfiles.d/systemd.conf', '/usr/lib/tmpfiles.d/systemd-network.conf', '/usr/lib/tmpfiles.d/systemd-resolve.conf', '/usr/lib/tmpfiles.d/tmp.conf', '/usr/lib/tmpfiles.d/var.conf', '/usr/lib/systemd/system-preset/90-systemd.preset', '/usr/lib/systemd/system-preset/10-defaults.preset'],
  'docker-engine': ['/usr/lib/systemd/system-preset/50-docker.preset'],
  containerd: ['/usr/lib/systemd/system-preset/50-containerd.preset'],
  iptables: ['/etc/systemd/scripts/iptables', '/etc/systemd/scripts/iptables.stop', '/etc/systemd/scripts/ip4save', '/etc/systemd/scripts/ip6save'],
  tdnf: ['/etc/tdnf/tdnf.conf', '/etc/tdnf/protected.d/tdnf.conf'],
  'photon-repos': [...PHOTON_REPOS.map(([file]) => `/etc/yum.repos.d/${file}`), '/etc/pki/rpm-gpg/VMWARE-RPM-GPG-KEY', '/etc/pki/rpm-gpg/VMWARE-RPM-GPG-KEY-4096'],
};

function record(vfs: Vfs, path: string): FileRecord | undefined {
  const node = vfs.lookup(path, false);
  if (!node) return undefined;
  const flags = path.startsWith('/etc/') ? 'c' : '';
  if (node.type === 'symlink') return { path, mode: S_IFLNK | 0o777, size: vfs.linkTarget(node).length, digest: vfs.linkTarget(node), flags };
  if (node.type !== 'file') return undefined;
  const bytes = vfs.read(node);
  return { path, mode: S_IFREG | node.perm, size: bytes.length, digest: digestText(new TextDecoder().decode(bytes)), flags };
}

/**
 * Unit files that packages of the image install outside /usr/lib/systemd (whose units the
 * systemd image writes): text, never an inert binary, so systemd loads them as units.
 */
const PACKAGE_UNITS: Record<string, string> = {
  // motd: builds the login banner from /etc/motdgen.d; a static unit, started by nothing at boot
  '/etc/systemd/system/motdgen.service': '[Unit]\nDescription=Generate the message of the day\n\n[Service]\nType=oneshot\nExecStart=/usr/bin/motdgen\n',
};

export function writeRepoFiles(w: ImageWriter, vfs: Vfs): void {
  w.dir('/etc/pki', 0o755);
  w.dir('/etc/pki/rpm-gpg', 0o755);
  w.dir('/etc/tdnf/protected.d', 0o755);
  w.dir('/etc/tdnf/pluginconf.d', 0o755);
  // written in name order, which is then the order the directory lists them in (tdnf's repo order)
  for (const [file, id, name, baseurl, enabled, extra] of [...PHOTON_REPOS].sort((a, b) => (a[0] < b[0] ? -1 : 1))) w.file(`/etc/yum.repos.d/${file}`, repoFileText(id, name, baseurl, enabled, extra));
  w.file('/etc/tdnf/tdnf.conf', TDNF_CONF);
  w.file('/etc/tdnf/protected.d/tdnf.conf', 'tdnf\n');
  w.file('/etc/pki/rpm-gpg/VMWARE-RPM-GPG-KEY', fakeKey('VMware RPM signing key', 18));
  w.file('/etc/pki/rpm-gpg/VMWARE-RPM-GPG-KEY-4096', fakeKey('VMware RPM signing key 4096', 34));

  const owners = new Map<string, string[]>();
  for (const p of programs.values()) {
    if (!p.pkg) continue;
    owners.set(p.pkg, [...(owners.get(p.pkg) ?? []), p.installPath, ...(p.aliases ?? [])]);
  }
  const claimed = new Set<string>();
  const installed: InstalledPackage[] = [];
  const boot = bootPackages();
  for (const b of boot) {
    // binaries of the package that the simulator does not run still exist, as inert files
    for (const path of b.paths) {
      if (path.startsWith('/usr/lib/systemd/') || vfs.lookup(path, false)) continue;
      const unit = PACKAGE_UNITS[path];
      if (unit !== undefined) w.file(path, unit, 0o644);
      else w.file(path, inertBinary(b.name, path), 0o755);
    }
    const paths = [...(owners.get(b.name) ?? []), ...b.paths, ...(OWNED[b.name] ?? [])];
    const files: FileRecord[] = [];
    for (const path of paths) {
      if (claimed.has(path)) continue;
      const r = record(vfs, path);
      if (!r) continue;
      claimed.add(path);
      files.push(r);
    }
    installed.push({ name: b.name, epoch: b.epoch, version: b.version, release: b.release, arch: b.arch, installTime: INSTALL_TIME_S, from: 'photon-updates', files });
  }
  // unit files no package lists explicitly come with systemd itself
  const systemd = installed.find((p) => p.name === 'systemd');
  for (const name of [...(vfs.lookup('/usr/lib/systemd/system')?.entries?.keys() ?? [])].sort()) {
    const path = `/usr/lib/systemd/system/${name}`;
    if (claimed.has(path) || !systemd) continue;
    const r = record(vfs, path);
    if (r) systemd.files.push(r);
  }
  w.file(RPMDB_PATH, serializeRpmDb(installed), 0o644);
  const nevras = installed.map((p) => `${p.name}-${p.epoch ? `${p.epoch}:` : ''}${p.version}-${p.release}.${p.arch}`);
  w.file(HISTORY_PATH, serializeHistory({ entries: [{ id: 1, cmdline: '(set)', time: INSTALL_TIME_S, added: nevras, removed: [] }], auto: new Set(boot.filter((b) => !b.user).map((b) => b.name)) }), 0o644);
}
