// systemd 253: systemctl, journalctl, systemd-analyze, hostnamectl, ...; each loads when first run.
import { lazy, type ProgramEntry } from '../entry';

export const systemdPrograms: ProgramEntry[] = [
  lazy({ name: 'systemctl', installPath: '/usr/bin/systemctl', pkg: 'systemd' }, () => import('../systemd/systemctl/index')),
  lazy({ name: 'systemd-analyze', installPath: '/usr/bin/systemd-analyze', pkg: 'systemd' }, () => import('../systemd/analyze/index')),
  lazy({ name: 'systemd-escape', installPath: '/usr/bin/systemd-escape', pkg: 'systemd' }, () => import('../systemd/escape')),
  lazy({ name: 'systemd-delta', installPath: '/usr/bin/systemd-delta', pkg: 'systemd' }, () => import('../systemd/delta')),
  lazy({ name: 'systemd-id128', installPath: '/usr/bin/systemd-id128', pkg: 'systemd' }, () => import('../systemd/id128')),
  lazy({ name: 'systemd-path', installPath: '/usr/bin/systemd-path', pkg: 'systemd' }, () => import('../systemd/path')),
  lazy({ name: 'systemd-notify', installPath: '/usr/bin/systemd-notify', pkg: 'systemd' }, () => import('../systemd/notify')),
];
