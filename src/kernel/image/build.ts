// Lays Photon OS 5.0's file tree into a fresh VFS: the merged-/usr layout, /etc, /root,
// /etc/skel, device nodes, and one stub binary per registered program.
import { aliasTarget } from '../../shared/alias-link';
import { programs } from '../../programs/registry';
import { stubFor } from '../exec';
import type { Vfs } from '../vfs/vfs';
import * as etc from './etc-files';
import { buildSystemdUnits } from './systemd-units';
import { writeFirewallFiles } from './firewall-files';
import { writeSshFiles } from './ssh-files';
import { writeNetworkFiles } from './network-files';
import { writeNetdbFiles } from './netdb-files';
import { writeTmpfilesFiles } from './tmpfiles-files';
import { writeModuleFiles } from './module-files';
import { BOOT_NAMES, writeRepoFiles } from './repo-files';
import { ImageWriter } from './writer';

export { buildDev, ImageWriter } from './writer';

const DIRS: [string, number][] = [
  ['/usr', 0o755], ['/usr/bin', 0o755], ['/usr/sbin', 0o755], ['/usr/lib', 0o755], ['/usr/libexec', 0o755],
  ['/usr/include', 0o755], ['/usr/share', 0o755], ['/usr/share/man', 0o755], ['/usr/share/doc', 0o755],
  ['/usr/share/empty.sshd', 0o711], ['/usr/local', 0o755], ['/usr/local/bin', 0o755], ['/usr/local/sbin', 0o755],
  ['/usr/local/lib', 0o755], ['/usr/local/share', 0o755], ['/usr/lib/systemd', 0o755], ['/usr/lib/systemd/system', 0o755],
  ['/usr/lib/sysimage', 0o755], ['/usr/lib/sysimage/rpm', 0o755], ['/usr/lib/sysimage/tdnf', 0o755],
  ['/boot', 0o755], ['/etc', 0o755], ['/etc/profile.d', 0o755], ['/etc/skel', 0o755], ['/etc/sysconfig', 0o755],
  ['/etc/systemd', 0o755], ['/etc/systemd/system', 0o755], ['/etc/systemd/network', 0o755], ['/etc/systemd/scripts', 0o755],
  ['/etc/ssh', 0o755], ['/etc/pam.d', 0o755], ['/etc/security', 0o755], ['/etc/default', 0o755], ['/etc/sudoers.d', 0o750],
  ['/etc/yum.repos.d', 0o755], ['/etc/tdnf', 0o755], ['/etc/xdg', 0o755],
  ['/home', 0o755], ['/mnt', 0o755], ['/mnt/cdrom', 0o755], ['/mnt/hgfs', 0o755], ['/opt', 0o755],
  ['/root', 0o750], ['/var', 0o755], ['/var/log', 0o755], ['/var/lib', 0o755], ['/var/cache', 0o755],
  ['/var/cache/tdnf', 0o755], ['/var/spool', 0o755], ['/var/mail', 0o755], ['/var/opt', 0o755],
  ['/var/opt/journal', 0o755], ['/var/opt/journal/log', 0o2755], ['/var/srv', 0o755], ['/var/empty', 0o755],
  ['/var/lib/rpm', 0o755], ['/var/lib/docker', 0o710],
];

export function buildImage(vfs: Vfs): ImageWriter {
  const w = new ImageWriter(vfs);
  for (const [path, perm] of DIRS) w.dir(path, perm);
  w.dir('/var/tmp', 0o1777);

  // merged /usr (filesystem package)
  w.symlink('/bin', 'usr/bin');
  w.symlink('/sbin', 'usr/sbin');
  w.symlink('/lib', 'usr/lib');
  w.symlink('/lib64', 'usr/lib');
  w.symlink('/usr/lib64', 'lib');
  w.symlink('/usr/local/lib64', 'lib');
  w.symlink('/media', 'run/media');
  w.symlink('/srv', 'var/srv');
  w.symlink('/var/run', '../run');
  w.symlink('/var/lock', '../run/lock');
  w.symlink('/var/log/journal', '/var/opt/journal/log');

  // release identification
  w.file('/usr/lib/os-release', etc.OS_RELEASE);
  w.symlink('/etc/os-release', '../usr/lib/os-release');
  w.file('/etc/photon-release', etc.PHOTON_RELEASE);
  w.file('/etc/lsb-release', etc.LSB_RELEASE);
  w.file('/etc/issue', etc.ISSUE);
  w.file('/etc/hostname', etc.HOSTNAME);
  w.file('/etc/hosts', etc.HOSTS);
  w.file('/etc/machine-id', '4c3b5a1e2d6f48a9b0c7d8e9f1a2b3c4\n', 0o444);
  w.symlink('/etc/mtab', '/proc/self/mounts');
  w.symlink('/etc/resolv.conf', '../run/systemd/resolve/stub-resolv.conf');
  w.file('/etc/fstab', '');
  for (const f of ['clock', 'console', 'proxy']) w.file(`/etc/sysconfig/${f}`, '');

  // accounts
  w.file('/etc/passwd', etc.PASSWD);
  w.file('/etc/group', etc.GROUP);
  w.file('/etc/shadow', etc.shadow(etc.PASSWD), 0o000);
  w.file('/etc/gshadow', etc.gshadow(etc.GROUP), 0o000);
  w.file('/etc/login.defs', etc.LOGIN_DEFS_SUMMARY);
  w.file('/etc/default/useradd', etc.USERADD_DEFAULTS, 0o644);
  w.file('/etc/shells', etc.SHELLS);
  w.file('/etc/sudoers', 'root ALL=(ALL:ALL) ALL\n%wheel ALL=(ALL) ALL\n%sudo   ALL=(ALL) ALL\n@includedir /etc/sudoers.d\n', 0o440);

  // shells and profiles
  w.file('/etc/profile', etc.PROFILE);
  for (const [name, text] of Object.entries(etc.PROFILE_D)) w.file(`/etc/profile.d/${name}`, text);
  w.file('/etc/bash.bashrc', etc.BASH_BASHRC);
  w.file('/etc/inputrc', '# /etc/inputrc: readline settings\nset bell-style none\n');
  for (const [name, text] of Object.entries(etc.SKEL)) w.file(`/etc/skel/${name}`, text);
  w.file('/root/.bash_logout', etc.SKEL['.bash_logout']!);

  // programs: one stub binary each, for the packages of the minimal install (others come with tdnf install)
  for (const p of programs.values()) {
    if (p.pkg && !BOOT_NAMES.has(p.pkg)) continue;
    w.file(p.installPath, stubFor(p.name), p.mode ?? 0o755);
    for (const alias of p.aliases ?? []) w.symlink(alias, aliasTarget(alias, p.installPath));
  }
  writeFirewallFiles(w);
  writeSshFiles(w);
  writeNetworkFiles(w);
  writeNetdbFiles(w);
  writeTmpfilesFiles(w);
  writeModuleFiles(w, etc.KERNEL_RELEASE);
  w.dir('/var/opt/journal/log/4c3b5a1e2d6f48a9b0c7d8e9f1a2b3c4', 0o2755, 0, 23);
  buildSystemdUnits(w);
  writeRepoFiles(w, vfs);
  return w;
}
