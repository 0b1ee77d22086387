// Journald's tools, power commands and the daemons default units run (sshd, systemd's own
// daemons, getty, cloud-init, containerd); each loads when first run.
import { lazy, type ProgramEntry } from '../entry';

const d = (name: string, installPath: string, pkg: string, key: string): ProgramEntry =>
  lazy({ name, installPath, pkg }, () => import('../daemons/system-daemons').then((m) => ({ default: (m as unknown as Record<string, import('../define').Program>)[key]! })));

export const servicePrograms: ProgramEntry[] = [
  lazy({ name: 'journalctl', installPath: '/usr/bin/journalctl', pkg: 'systemd' }, () => import('../systemd/journalctl/main')),
  lazy({ name: 'logger', installPath: '/usr/bin/logger', pkg: 'util-linux' }, () => import('../systemd/logger')),
  lazy({ name: 'reboot', installPath: '/usr/sbin/reboot', pkg: 'systemd' }, () => import('../systemd/power').then((m) => ({ default: m.reboot }))),
  lazy({ name: 'poweroff', installPath: '/usr/sbin/poweroff', pkg: 'systemd' }, () => import('../systemd/power').then((m) => ({ default: m.poweroff }))),
  lazy({ name: 'halt', installPath: '/usr/sbin/halt', pkg: 'systemd' }, () => import('../systemd/power').then((m) => ({ default: m.halt }))),
  lazy({ name: 'shutdown', installPath: '/usr/sbin/shutdown', pkg: 'systemd' }, () => import('../systemd/power').then((m) => ({ default: m.shutdown }))),
  lazy({ name: 'hostnamectl', installPath: '/usr/bin/hostnamectl', pkg: 'systemd' }, () => import('../systemd/ctl/hostnamectl')),
  lazy({ name: 'systemd-detect-virt', installPath: '/usr/bin/systemd-detect-virt', pkg: 'systemd' }, () => import('../systemd/detect-virt')),
  lazy({ name: 'runlevel', installPath: '/usr/sbin/runlevel', pkg: 'systemd' }, () => import('../systemd/runlevel')),
  lazy({ name: 'systemd-cat', installPath: '/usr/bin/systemd-cat', pkg: 'systemd' }, () => import('../systemd/systemd-cat')),
  lazy({ name: 'timedatectl', installPath: '/usr/bin/timedatectl', pkg: 'systemd' }, () => import('../systemd/ctl/timedatectl')),
  lazy({ name: 'localectl', installPath: '/usr/bin/localectl', pkg: 'systemd' }, () => import('../systemd/ctl/localectl')),
  lazy({ name: 'loginctl', installPath: '/usr/bin/loginctl', pkg: 'systemd' }, () => import('../systemd/ctl/loginctl')),
  lazy({ name: 'sshd', installPath: '/usr/sbin/sshd', pkg: 'openssh-server' }, () => import('../daemons/sshd')),
  lazy({ name: 'ssh-keygen', installPath: '/usr/bin/ssh-keygen', pkg: 'openssh-clients' }, () => import('../daemons/ssh-keygen')),
  lazy({ name: 'systemd-networkd-wait-online', installPath: '/usr/lib/systemd/systemd-networkd-wait-online', pkg: 'systemd' }, () => import('../daemons/oneshots').then((m) => ({ default: m.waitOnline }))),
  lazy({ name: 'cloud-init', installPath: '/usr/bin/cloud-init', pkg: 'cloud-init' }, () => import('../daemons/oneshots').then((m) => ({ default: m.cloudInit }))),
  lazy({ name: 'systemd-tmpfiles', installPath: '/usr/bin/systemd-tmpfiles', pkg: 'systemd' }, () => import('../systemd/tmpfiles/main')),
  lazy({ name: 'systemd-sysctl', installPath: '/usr/lib/systemd/systemd-sysctl', pkg: 'systemd' }, () => import('../daemons/boot-helpers').then((m) => ({ default: m.sysctlApply }))),
  lazy({ name: 'systemd-random-seed', installPath: '/usr/lib/systemd/systemd-random-seed', pkg: 'systemd' }, () => import('../daemons/boot-helpers').then((m) => ({ default: m.randomSeed }))),
  lazy({ name: 'systemd-update-utmp', installPath: '/usr/lib/systemd/systemd-update-utmp', pkg: 'systemd' }, () => import('../daemons/boot-helpers').then((m) => ({ default: m.updateUtmp }))),
  lazy({ name: 'systemd-user-sessions', installPath: '/usr/lib/systemd/systemd-user-sessions', pkg: 'systemd' }, () => import('../daemons/boot-helpers').then((m) => ({ default: m.userSessions }))),
  lazy({ name: 'systemd-network-generator', installPath: '/usr/lib/systemd/systemd-network-generator', pkg: 'systemd' }, () => import('../daemons/boot-helpers').then((m) => ({ default: m.networkGenerator }))),
  lazy({ name: 'udevadm', installPath: '/usr/bin/udevadm', pkg: 'systemd-udev' }, () => import('../systemd/udevadm')),
  d('systemd-journald', '/usr/lib/systemd/systemd-journald', 'systemd', 'journald'),
  d('systemd-logind', '/usr/lib/systemd/systemd-logind', 'systemd', 'logind'),
  lazy({ name: 'systemd-networkd', installPath: '/usr/lib/systemd/systemd-networkd', pkg: 'systemd' }, () => import('../network/networkd/main')),
  lazy({ name: 'systemd-resolved', installPath: '/usr/lib/systemd/systemd-resolved', pkg: 'systemd' }, () => import('../network/resolved/main')),
  d('systemd-timesyncd', '/usr/lib/systemd/systemd-timesyncd', 'systemd', 'timesyncd'),
  d('systemd-hostnamed', '/usr/lib/systemd/systemd-hostnamed', 'systemd', 'hostnamed'),
  d('systemd-localed', '/usr/lib/systemd/systemd-localed', 'systemd', 'localed'),
  d('systemd-timedated', '/usr/lib/systemd/systemd-timedated', 'systemd', 'timedated'),
  d('systemd-userdbd', '/usr/lib/systemd/systemd-userdbd', 'systemd', 'userdbd'),
  d('systemd-udevd', '/usr/lib/systemd/systemd-udevd', 'systemd-udev', 'udevd'),
  d('dbus-daemon', '/usr/bin/dbus-daemon', 'dbus', 'dbus'),
  d('agetty', '/usr/sbin/agetty', 'util-linux', 'agetty'),
  d('vmtoolsd', '/usr/bin/vmtoolsd', 'open-vm-tools', 'vmtoolsd'),
  d('VGAuthService', '/usr/bin/VGAuthService', 'open-vm-tools', 'vgauth'),
  d('containerd', '/usr/bin/containerd', 'containerd', 'containerd'),
];
