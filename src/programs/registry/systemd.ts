// systemd 253: systemctl, journalctl, systemd-analyze, hostnamectl, ...; each loads when first run.
import { lazy, type ProgramEntry } from '../entry';

export const systemdPrograms: ProgramEntry[] = [
  lazy({ name: 'systemctl', installPath: '/usr/bin/systemctl', pkg: 'systemd' }, () => import('../systemd/systemctl/index')),
  lazy({ name: 'systemd-analyze', installPath: '/usr/bin/systemd-analyze', pkg: 'systemd' }, () => import('../systemd/analyze/index')),
  lazy({ name: 'systemd-escape', installPath: '/usr/bin/systemd-escape', pkg: 'systemd' }, () => import('../systemd/escape')),
];
