// Manual pages of the package managers (tdnf, rpm and their configuration files), tar and the
// network diagnostic tools (ping, tracepath, curl, ss, netstat, ncat). Names that share a page
// point at it, as the real pages do with .so links: yum, tyum and tdnfj are tdnf, nc is ncat.
// This index is merged last, so its entries take the place of any earlier one with the same key.
export const extraPages: Record<string, () => Promise<{ default: string }>> = {
  'curl.1': () => import('./curl.1'),
  'wget.1': () => import('./wget.1'),
  'nc.1': () => import('./ncat.1'),
  'nano.1': () => import('./nano.1'),
  'ncat.1': () => import('./ncat.1'),
  'netstat.8': () => import('./netstat.8'),
  'ping.8': () => import('./ping.8'),
  'rpm.8': () => import('./rpm.8'),
  'ss.8': () => import('./ss.8'),
  'tar.1': () => import('./tar.1'),
  'tdnf.8': () => import('./tdnf.8'),
  'tdnf.conf.5': () => import('./tdnf.conf.5'),
  'tdnfj.8': () => import('./tdnf.8'),
  'tracepath.8': () => import('./tracepath.8'),
  'traceroute.8': () => import('./traceroute.8'),
  'tyum.8': () => import('./tdnf.8'),
  'yum.8': () => import('./tdnf.8'),
  'yum.repos.d.5': () => import('./yum.repos.d.5'),
};
