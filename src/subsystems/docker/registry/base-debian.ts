// debian:bookworm-slim as the nginx, httpd, redis and python images start from it: merged /usr,
// base-passwd's accounts, dash as /bin/sh, and the Essential packages' commands mapped to the
// simulator's programs (coreutils, findutils, grep, sed, mawk, diffutils, tar, gzip, login,
// passwd, util-linux, bsdutils, debianutils, ncurses-bin, hostname). No procps: `ps` is missing
// in these images, as it is in the real ones.
import { Tree } from './tree';

export const DEBIAN_VERSION = '12.7';

export const DEBIAN_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

// base-passwd 3.6.1 (bookworm)
const PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
`;

const GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
news:x:9:
uucp:x:10:
man:x:12:
proxy:x:13:
kmem:x:15:
dialout:x:20:
fax:x:21:
voice:x:22:
cdrom:x:24:
floppy:x:25:
tape:x:26:
sudo:x:27:
audio:x:29:
dip:x:30:
www-data:x:33:
backup:x:34:
operator:x:37:
list:x:38:
irc:x:39:
src:x:40:
shadow:x:42:
utmp:x:43:
video:x:44:
sasl:x:45:
plugdev:x:46:
staff:x:50:
games:x:60:
users:x:100:
nogroup:x:65534:
`;

/** Shadow-style lines for every account of a passwd text (locked, as in the images). */
export function shadowFor(passwd: string, day = 19992): string {
  return passwd.trim().split('\n').map((l) => `${l.split(':')[0]}:*:${day}:0:99999:7:::`).join('\n') + '\n';
}

export function gshadowFor(group: string): string {
  return group.trim().split('\n').map((l) => `${l.split(':')[0]}:*::`).join('\n') + '\n';
}

/** Appends account lines to the passwd/group (and shadow) files of a tree built here. */
export function addAccount(t: Tree, passwd: { text: string; line: string }, group: { text: string; line: string }): { passwd: string; group: string } {
  const p = passwd.text + passwd.line + '\n';
  const g = group.text + group.line + '\n';
  t.file('/etc/passwd', p);
  t.file('/etc/group', g);
  if (t.has('/etc/shadow')) t.file('/etc/shadow', shadowFor(p), 0o640, 0, 42);
  if (t.has('/etc/gshadow')) t.file('/etc/gshadow', gshadowFor(g), 0o640, 0, 42);
  return { passwd: p, group: g };
}

export const DEBIAN_PASSWD = PASSWD;
export const DEBIAN_GROUP = GROUP;

/** coreutils 9.1 as the simulator has it */
const COREUTILS = [
  '[', 'base64', 'basename', 'cat', 'chgrp', 'chmod', 'chown', 'comm', 'cp', 'cut', 'date', 'dd', 'df', 'dirname', 'du', 'echo', 'env',
  'expand', 'expr', 'factor', 'false', 'fold', 'groups', 'head', 'id', 'install', 'join', 'ln', 'ls', 'md5sum', 'mkdir', 'mkfifo',
  'mktemp', 'mv', 'nice', 'nl', 'nohup', 'nproc', 'od', 'paste', 'printenv', 'printf', 'pwd', 'readlink', 'realpath', 'rm', 'rmdir',
  'seq', 'sha256sum', 'sleep', 'sort', 'split', 'stat', 'stty', 'sync', 'tac', 'tail', 'tee', 'test', 'timeout', 'touch', 'tr', 'true',
  'truncate', 'tty', 'uname', 'unexpand', 'uniq', 'users', 'wc', 'who', 'whoami', 'yes',
];

/** /usr/bin of bookworm-slim: program names are the simulator's (`name=program` maps one). */
const USR_BIN = [
  ...COREUTILS, 'bash', 'dash=bash', 'grep', 'egrep', 'fgrep', 'sed', 'mawk=gawk', 'find', 'xargs', 'diff', 'cmp', 'tar', 'gzip', 'gunzip',
  'zcat', 'hostname', 'which', 'clear', 'login', 'more', 'dmesg', 'lsblk', 'lscpu', 'logger', 'renice',
];
const SETUID_BIN = ['su', 'passwd', 'gpasswd', 'newgrp', 'chage', 'mount'];
const USR_SBIN = ['useradd', 'userdel', 'usermod', 'groupadd', 'groupdel', 'groupmod', 'chpasswd'];

const PROFILE = `# /etc/profile: read by login shells (sh and bash)

if [ "$(id -u)" -eq 0 ]; then
  PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
else
  PATH="/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games"
fi
export PATH

if [ "\${PS1-}" ]; then
  if [ "\${BASH-}" ] && [ "$BASH" != "/bin/sh" ]; then
    [ -f /etc/bash.bashrc ] && . /etc/bash.bashrc
  elif [ "$(id -u)" -eq 0 ]; then
    PS1='# '
  else
    PS1='$ '
  fi
fi

for i in /etc/profile.d/*.sh; do
  [ -r "$i" ] && . "$i"
done
unset i
`;

const BASHRC = `# /etc/bash.bashrc: read by interactive bash shells

# nothing to do unless interactive
[ -z "\${PS1-}" ] && return

shopt -s checkwinsize

PS1='\${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '
`;

const ROOT_BASHRC = `# ~/.bashrc: read by interactive non-login bash shells

# a colourful ls and a few shorthands, left switched off
# export LS_OPTIONS='--color=auto'
# alias ls='ls $LS_OPTIONS'
# alias ll='ls $LS_OPTIONS -l'
# alias rm='rm -i'
`;

const ROOT_PROFILE = `# ~/.profile: read by login shells

if [ "$BASH" ]; then
  if [ -f ~/.bashrc ]; then
    . ~/.bashrc
  fi
fi

mesg n 2> /dev/null || true
`;

/** The tree of debian:bookworm-slim. */
export function debianBase(): Tree {
  const t = new Tree();
  t.dirs(['/boot', '/dev', '/etc', '/home', '/media', '/mnt', '/opt', '/proc', '/run', '/srv', '/sys', '/usr']);
  t.dir('/root', 0o700);
  t.dir('/tmp', 0o1777);
  t.dirs(['/usr/bin', '/usr/sbin', '/usr/lib', '/usr/lib64', '/usr/games', '/usr/include', '/usr/src', '/usr/share', '/usr/share/doc', '/usr/share/man']);
  t.dirs(['/usr/local', '/usr/local/bin', '/usr/local/sbin', '/usr/local/lib', '/usr/local/include', '/usr/local/share', '/usr/local/etc', '/usr/local/games', '/usr/local/src']);
  // merged /usr (bookworm's usrmerge layout)
  t.symlink('/bin', 'usr/bin').symlink('/sbin', 'usr/sbin').symlink('/lib', 'usr/lib').symlink('/lib64', 'usr/lib64');
  t.dirs(['/var', '/var/backups', '/var/cache', '/var/cache/apt', '/var/cache/debconf', '/var/lib', '/var/lib/apt', '/var/lib/apt/lists', '/var/lib/dpkg', '/var/lib/misc', '/var/local', '/var/log', '/var/log/apt', '/var/opt', '/var/spool']);
  t.dir('/var/mail', 0o2775, 0, 8);
  t.dir('/var/tmp', 0o1777);
  t.symlink('/var/run', '/run').symlink('/var/lock', '/run/lock');
  t.dir('/run/lock', 0o1777);
  t.file('/var/lib/dpkg/status', '');
  t.file('/var/log/dpkg.log', '');
  t.file('/var/log/lastlog', '', 0o664, 0, 43);
  t.file('/var/log/faillog', '');

  // /etc
  t.file('/etc/passwd', PASSWD);
  t.file('/etc/group', GROUP);
  t.file('/etc/shadow', shadowFor(PASSWD), 0o640, 0, 42);
  t.file('/etc/gshadow', gshadowFor(GROUP), 0o640, 0, 42);
  // docker mounts its own hostname, hosts and resolv.conf over these placeholders
  t.file('/etc/hostname', '');
  t.file('/etc/hosts', '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n');
  t.file('/etc/resolv.conf', '');
  t.file('/usr/lib/os-release', DEBIAN_OS_RELEASE);
  t.symlink('/etc/os-release', '../usr/lib/os-release');
  t.file('/etc/debian_version', `${DEBIAN_VERSION}\n`);
  t.file('/etc/issue', 'Debian GNU/Linux 12 \\n \\l\n\n');
  t.file('/etc/issue.net', 'Debian GNU/Linux 12\n');
  t.file('/etc/shells', '# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/rbash\n/usr/bin/rbash\n/bin/dash\n/usr/bin/dash\n');
  t.file('/etc/profile', PROFILE);
  t.dir('/etc/profile.d');
  t.file('/etc/bash.bashrc', BASHRC);
  t.file('/etc/nsswitch.conf', 'passwd:         files\ngroup:          files\nshadow:         files\ngshadow:        files\n\nhosts:          files dns\nnetworks:       files\n\nprotocols:      db files\nservices:       db files\nethers:         db files\nrpc:            db files\n\nnetgroup:       nis\n');
  t.file('/etc/host.conf', 'multi on\n');
  t.file('/etc/environment', '');
  t.file('/etc/fstab', '# UNCONFIGURED FSTAB FOR BASE SYSTEM\n');
  t.file('/etc/timezone', 'Etc/UTC\n');
  t.symlink('/etc/localtime', '/usr/share/zoneinfo/Etc/UTC');
  t.dirs(['/etc/apt', '/etc/apt/apt.conf.d', '/etc/apt/preferences.d', '/etc/apt/sources.list.d', '/etc/apt/trusted.gpg.d', '/etc/default', '/etc/skel', '/etc/alternatives', '/etc/cron.daily', '/etc/ld.so.conf.d', '/etc/security', '/etc/pam.d', '/etc/opt']);
  t.file('/etc/apt/sources.list.d/debian.sources', 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\nTypes: deb\nURIs: http://deb.debian.org/debian-security\nSuites: bookworm-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n');
  t.file('/etc/skel/.bashrc', ROOT_BASHRC);
  t.file('/etc/skel/.profile', ROOT_PROFILE);
  t.file('/etc/skel/.bash_logout', '# ~/.bash_logout: run when a login shell exits\n');
  t.file('/root/.bashrc', ROOT_BASHRC);
  t.file('/root/.profile', ROOT_PROFILE);
  t.file('/usr/share/zoneinfo/Etc/UTC', 'TZif2\n');

  // commands
  t.programs('/usr/bin', USR_BIN);
  t.programs('/usr/bin', SETUID_BIN, 0o4755);
  t.programs('/usr/sbin', USR_SBIN);
  t.symlink('/usr/bin/sh', 'dash');
  t.symlink('/usr/bin/rbash', 'bash');
  t.symlink('/usr/bin/awk', '/etc/alternatives/awk');
  t.symlink('/etc/alternatives/awk', '/usr/bin/mawk');
  t.symlink('/usr/bin/nawk', '/etc/alternatives/nawk');
  t.symlink('/etc/alternatives/nawk', '/usr/bin/mawk');
  t.symlink('/usr/bin/pager', '/etc/alternatives/pager');
  t.symlink('/etc/alternatives/pager', '/usr/bin/more');
  t.symlink('/usr/bin/dnsdomainname', 'hostname');
  t.symlink('/usr/bin/domainname', 'hostname');
  t.program('/usr/sbin/nologin', 'false');
  return t;
}
