// Text tools from util-linux: rev column hexdump hd getopt ...
import { lazy, type ProgramEntry } from '../entry';

export const utilLinuxPrograms: ProgramEntry[] = [
  lazy({ name: 'column', installPath: '/usr/bin/column', pkg: 'util-linux' }, () => import('../util-linux/column')),
  lazy({ name: 'getopt', installPath: '/usr/bin/getopt', pkg: 'util-linux' }, () => import('../util-linux/getopt')),
  lazy({ name: 'hd', installPath: '/usr/bin/hd', pkg: 'util-linux' }, () => import('../util-linux/hexdump').then((m) => ({ default: m.hd }))),
  lazy({ name: 'hexdump', installPath: '/usr/bin/hexdump', pkg: 'util-linux' }, () => import('../util-linux/hexdump')),
  lazy({ name: 'umount', installPath: '/usr/bin/umount', pkg: 'util-linux' }, () => import('../util-linux/umount')),
  lazy({ name: 'findmnt', installPath: '/usr/bin/findmnt', pkg: 'util-linux' }, () => import('../util-linux/findmnt')),
  lazy({ name: 'blkid', installPath: '/usr/sbin/blkid', pkg: 'util-linux' }, () => import('../util-linux/blkid')),
  lazy({ name: 'fdisk', installPath: '/usr/sbin/fdisk', pkg: 'util-linux' }, () => import('../util-linux/fdisk')),
  lazy({ name: 'runuser', installPath: '/usr/sbin/runuser', pkg: 'util-linux' }, () => import('../util-linux/runuser')),
  lazy({ name: 'setpriv', installPath: '/usr/bin/setpriv', pkg: 'util-linux' }, () => import('../util-linux/setpriv')),
  lazy({ name: 'mkswap', installPath: '/usr/sbin/mkswap', pkg: 'util-linux' }, () => import('../util-linux/mkswap')),
  lazy({ name: 'wipefs', installPath: '/usr/sbin/wipefs', pkg: 'util-linux' }, () => import('../util-linux/wipefs')),
  lazy({ name: 'hwclock', installPath: '/usr/sbin/hwclock', pkg: 'util-linux' }, () => import('../util-linux/hwclock')),
  lazy({ name: 'last', installPath: '/usr/bin/last', aliases: ['/usr/bin/lastb'], pkg: 'util-linux' }, () => import('../util-linux/last')),
  lazy({ name: 'zdump', installPath: '/usr/bin/zdump', pkg: 'glibc' }, () => import('../glibc/zdump')),
  lazy({ name: 'mke2fs', installPath: '/usr/sbin/mke2fs', aliases: ['/usr/sbin/mkfs.ext4', '/usr/sbin/mkfs.ext3', '/usr/sbin/mkfs.ext2'], pkg: 'e2fsprogs' }, () => import('../e2fsprogs/mke2fs')),
  lazy({ name: 'e2fsck', installPath: '/usr/sbin/e2fsck', aliases: ['/usr/sbin/fsck.ext4', '/usr/sbin/fsck.ext3', '/usr/sbin/fsck.ext2'], pkg: 'e2fsprogs' }, () => import('../e2fsprogs/e2fsck')),
  lazy({ name: 'tune2fs', installPath: '/usr/sbin/tune2fs', pkg: 'e2fsprogs' }, () => import('../e2fsprogs/tune2fs')),
  lazy({ name: 'dumpe2fs', installPath: '/usr/sbin/dumpe2fs', pkg: 'e2fsprogs' }, () => import('../e2fsprogs/dumpe2fs')),
  lazy({ name: 'lsattr', installPath: '/usr/bin/lsattr', pkg: 'e2fsprogs' }, () => import('../e2fsprogs/lsattr')),
  lazy({ name: 'chattr', installPath: '/usr/bin/chattr', pkg: 'e2fsprogs' }, () => import('../e2fsprogs/chattr')),
  lazy({ name: 'fsck', installPath: '/usr/sbin/fsck', pkg: 'util-linux' }, () => import('../util-linux/fsck')),
  lazy({ name: 'cpio', installPath: '/usr/bin/cpio', pkg: 'cpio' }, () => import('../cpio/cpio')),
  lazy({ name: 'rev', installPath: '/usr/bin/rev', pkg: 'util-linux' }, () => import('../util-linux/rev')),
];
