// Administration tools a Photon box gets with tdnf: cronie's crontab, crond, cronnext and anacron, logrotate, and acl's
// getfacl, setfacl and chacl; each loads when first run.
import { lazy, type ProgramEntry } from '../entry';

export const adminToolPrograms: ProgramEntry[] = [
  lazy({ name: 'crond', installPath: '/usr/sbin/crond', pkg: 'cronie' }, () => import('../cronie/crond')),
  lazy({ name: 'crontab', installPath: '/usr/bin/crontab', mode: 0o4755, pkg: 'cronie' }, () => import('../cronie/crontab')),
  lazy({ name: 'cronnext', installPath: '/usr/bin/cronnext', pkg: 'cronie' }, () => import('../cronie/cronnext')),
  lazy({ name: 'anacron', installPath: '/usr/sbin/anacron', pkg: 'cronie' }, () => import('../cronie/anacron')),
  lazy({ name: 'logrotate', installPath: '/usr/sbin/logrotate', pkg: 'logrotate' }, () => import('../logrotate/logrotate')),
  lazy({ name: 'chacl', installPath: '/usr/bin/chacl', pkg: 'acl' }, () => import('../acl/chacl')),
  lazy({ name: 'getfacl', installPath: '/usr/bin/getfacl', pkg: 'acl' }, () => import('../acl/getfacl')),
  lazy({ name: 'setfacl', installPath: '/usr/bin/setfacl', pkg: 'acl' }, () => import('../acl/setfacl')),
];
