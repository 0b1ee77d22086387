// systemd-networkd's and systemd-resolved's tools: networkctl and resolvectl (systemd 253).
import { lazy, type ProgramEntry } from '../entry';

export const networkPrograms: ProgramEntry[] = [
  lazy({ name: 'networkctl', installPath: '/usr/bin/networkctl', pkg: 'systemd' }, () => import('../network/networkctl/main')),
  lazy({ name: 'resolvectl', installPath: '/usr/bin/resolvectl', pkg: 'systemd' }, () => import('../network/resolvectl/main')),
];
