// Programs of the foundation: the first coreutils set (loaded when first run).
import { lazy, type ProgramEntry } from '../entry';

export const basePrograms: ProgramEntry[] = [
  lazy({ name: 'true', installPath: '/usr/bin/true', pkg: 'coreutils' }, () => import('../coreutils/true')),
  lazy({ name: 'false', installPath: '/usr/bin/false', pkg: 'coreutils' }, () => import('../coreutils/false')),
  lazy({ name: 'cat', installPath: '/usr/bin/cat', pkg: 'coreutils' }, () => import('../coreutils/cat')),
  lazy({ name: 'chroot', installPath: '/usr/sbin/chroot', pkg: 'coreutils' }, () => import('../coreutils/chroot')),
  lazy({ name: 'clear', installPath: '/usr/bin/clear', pkg: 'ncurses' }, () => import('../ncurses/clear')),
  lazy({ name: 'tput', installPath: '/usr/bin/tput', pkg: 'ncurses' }, () => import('../ncurses/tput')),
  lazy({ name: 'tset', installPath: '/usr/bin/tset', aliases: ['/usr/bin/reset'], pkg: 'ncurses' }, () => import('../ncurses/tset')),
  lazy({ name: 'openssl', installPath: '/usr/bin/openssl', pkg: 'openssl' }, () => import('../openssl/openssl')),
  lazy({ name: 'lsb_release', installPath: '/usr/bin/lsb_release', pkg: 'photon-release' }, () => import('../misc/lsb-release')),
  lazy({ name: 'cp', installPath: '/usr/bin/cp', pkg: 'coreutils' }, () => import('../coreutils/cp')),
  lazy({ name: 'echo', installPath: '/usr/bin/echo', pkg: 'coreutils' }, () => import('../coreutils/echo')),
  lazy({ name: 'env', installPath: '/usr/bin/env', pkg: 'coreutils' }, () => import('../coreutils/env')),
  lazy({ name: 'hostname', installPath: '/usr/bin/hostname', pkg: 'toybox' }, () => import('../coreutils/hostname')),
  lazy({ name: 'id', installPath: '/usr/bin/id', pkg: 'coreutils' }, () => import('../coreutils/id')),
  lazy({ name: 'ls', installPath: '/usr/bin/ls', pkg: 'coreutils' }, () => import('../coreutils/ls/index')),
  lazy({ name: 'mkdir', installPath: '/usr/bin/mkdir', pkg: 'coreutils' }, () => import('../coreutils/mkdir')),
  lazy({ name: 'mkfifo', installPath: '/usr/bin/mkfifo', pkg: 'coreutils' }, () => import('../coreutils/mkfifo')),
  lazy({ name: 'mv', installPath: '/usr/bin/mv', pkg: 'coreutils' }, () => import('../coreutils/mv')),
  lazy({ name: 'pwd', installPath: '/usr/bin/pwd', pkg: 'coreutils' }, () => import('../coreutils/pwd')),
  lazy({ name: 'rm', installPath: '/usr/bin/rm', pkg: 'coreutils' }, () => import('../coreutils/rm')),
  lazy({ name: 'sleep', installPath: '/usr/bin/sleep', pkg: 'coreutils' }, () => import('../coreutils/sleep')),
  lazy({ name: 'touch', installPath: '/usr/bin/touch', pkg: 'coreutils' }, () => import('../coreutils/touch')),
  lazy({ name: 'uname', installPath: '/usr/bin/uname', pkg: 'coreutils' }, () => import('../coreutils/uname')),
  lazy({ name: 'whoami', installPath: '/usr/bin/whoami', pkg: 'coreutils' }, () => import('../coreutils/whoami')),
];

