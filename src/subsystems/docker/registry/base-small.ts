// The small bases: alpine (busybox applets as symlinks to /bin/busybox, as alpine-baselayout
// lays them out), busybox (one binary hard-linked under every applet name), photon (bash, curl
// and toybox's applet links) and scratch. Applets are listed only where the simulator has the
// program behind them (see src/programs/containers/multicall.ts for the name mapping).
import { gshadowFor, shadowFor } from './base-debian';
import { Tree } from './tree';

export const ALPINE_VERSION = '3.20.3';

const ALPINE_PASSWD = `root:x:0:0:root:/root:/bin/sh
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
sync:x:5:0:sync:/sbin:/bin/sync
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
halt:x:7:0:halt:/sbin:/sbin/halt
mail:x:8:12:mail:/var/mail:/sbin/nologin
news:x:9:13:news:/usr/lib/news:/sbin/nologin
uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin
cron:x:16:16:cron:/var/spool/cron:/sbin/nologin
ftp:x:21:21::/var/lib/ftp:/sbin/nologin
sshd:x:22:22:sshd:/dev/null:/sbin/nologin
games:x:35:35:games:/usr/games:/sbin/nologin
ntp:x:123:123:NTP:/var/empty:/sbin/nologin
guest:x:405:100:guest:/dev/null:/sbin/nologin
nobody:x:65534:65534:nobody:/:/sbin/nologin
`;

const ALPINE_GROUP = `root:x:0:root
bin:x:1:root,bin,daemon
daemon:x:2:root,bin,daemon
sys:x:3:root,bin
adm:x:4:root,daemon
tty:x:5:
disk:x:6:root
lp:x:7:lp
kmem:x:9:
wheel:x:10:root
floppy:x:11:root
mail:x:12:mail
news:x:13:news
uucp:x:14:uucp
cron:x:16:cron
audio:x:18:
cdrom:x:19:
dialout:x:20:root
ftp:x:21:
sshd:x:22:
input:x:23:
tape:x:26:root
video:x:27:root
netdev:x:28:
kvm:x:34:kvm
games:x:35:
shadow:x:42:
www-data:x:82:
users:x:100:games
ntp:x:123:
abuild:x:300:
utmp:x:406:
ping:x:999:
nogroup:x:65533:
nobody:x:65534:
`;

export const ALPINE = { passwd: ALPINE_PASSWD, group: ALPINE_GROUP };

export const ALPINE_OS_RELEASE = `NAME="Alpine Linux"
ID=alpine
VERSION_ID=${ALPINE_VERSION}
PRETTY_NAME="Alpine Linux v3.20"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`;

/** alpine 3.20's busybox applet links, by directory (those the simulator can run). */
export const ALPINE_APPLETS: Readonly<Record<string, readonly string[]>> = {
  '/bin': [
    'ash', 'base64', 'cat', 'chgrp', 'chmod', 'chown', 'cp', 'date', 'dd', 'df', 'dmesg', 'echo', 'egrep', 'false', 'fgrep', 'grep',
    'gunzip', 'gzip', 'hostname', 'kill', 'ln', 'login', 'ls', 'mkdir', 'mktemp', 'more', 'mount', 'mv', 'netstat', 'nice', 'pidof',
    'ping', 'printenv', 'ps', 'pwd', 'rm', 'rmdir', 'sed', 'sh', 'sleep', 'stat', 'stty', 'su', 'sync', 'tar', 'touch', 'true', 'uname', 'zcat',
  ],
  '/sbin': ['ifconfig', 'ip', 'lsmod', 'route', 'sysctl'],
  '/usr/bin': [
    '[', 'awk', 'basename', 'clear', 'cmp', 'comm', 'cut', 'diff', 'dirname', 'du', 'env', 'expand', 'expr', 'factor', 'find', 'fold',
    'free', 'groups', 'head', 'id', 'install', 'killall', 'less', 'logger', 'md5sum', 'mkfifo', 'nc', 'nl', 'nohup', 'nproc', 'od',
    'passwd', 'paste', 'pgrep', 'pkill', 'printf', 'readlink', 'realpath', 'renice', 'seq', 'sha256sum', 'sort', 'split', 'tac', 'tail',
    'tee', 'test', 'timeout', 'top', 'tr', 'truncate', 'tty', 'unexpand', 'uniq', 'uptime', 'wc', 'wget', 'which', 'who', 'whoami',
    'xargs', 'yes',
  ],
  '/usr/sbin': ['chpasswd', 'chroot'],
};

/** The tree of alpine:3.20.3 (alpine-minirootfs). */
export function alpineBase(): Tree {
  const t = new Tree();
  t.dirs(['/bin', '/dev', '/etc', '/home', '/lib', '/media', '/media/cdrom', '/media/floppy', '/media/usb', '/mnt', '/opt', '/proc', '/run', '/sbin', '/srv', '/sys']);
  t.dir('/root', 0o700);
  t.dir('/tmp', 0o1777);
  t.dirs(['/usr', '/usr/bin', '/usr/sbin', '/usr/lib', '/usr/local', '/usr/local/bin', '/usr/local/lib', '/usr/local/share', '/usr/share', '/usr/share/apk', '/usr/share/man', '/usr/share/misc']);
  t.dirs(['/var', '/var/cache', '/var/cache/apk', '/var/cache/misc', '/var/lib', '/var/lib/misc', '/var/local', '/var/lock', '/var/lock/subsys', '/var/log', '/var/mail', '/var/opt', '/var/spool', '/var/spool/cron']);
  t.dir('/var/empty', 0o555);
  t.dir('/var/tmp', 0o1777);
  t.symlink('/var/run', '/run');
  t.symlink('/var/spool/mail', '/var/mail');
  t.symlink('/var/spool/cron/crontabs', '/etc/crontabs');
  t.file('/etc/passwd', ALPINE_PASSWD);
  t.file('/etc/group', ALPINE_GROUP);
  t.file('/etc/shadow', shadowFor(ALPINE_PASSWD, 19972), 0o640, 0, 42);
  t.file('/etc/hostname', 'localhost\n');
  t.file('/etc/hosts', '127.0.0.1\tlocalhost localhost.localdomain\n::1\t\tlocalhost localhost.localdomain\n');
  t.file('/etc/resolv.conf', '');
  t.file('/etc/os-release', ALPINE_OS_RELEASE);
  t.file('/etc/alpine-release', `${ALPINE_VERSION}\n`);
  t.file('/etc/issue', 'Welcome to Alpine Linux 3.20\nKernel \\r on an \\m (\\l)\n\n');
  t.file('/etc/shells', '# valid login shells\n/bin/sh\n/bin/ash\n');
  t.file('/etc/profile', `# /etc/profile: login shells read this first
export PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
export PAGER=less
umask 022

# the host name and working directory, then # for root and $ for everyone else
PS1='\\h:\\w\\$ '

for script in /etc/profile.d/*.sh ; do
\tif [ -r "$script" ] ; then
\t\t. "$script"
\tfi
done
unset script
`);
  t.dir('/etc/profile.d');
  t.file('/etc/profile.d/20locale.sh', '# the character set programs should assume\nexport CHARSET=${CHARSET:-UTF-8}\nexport LANG=${LANG:-C.UTF-8}\nexport LC_COLLATE=${LC_COLLATE:-C}\n');
  t.file('/etc/motd', 'Welcome to Alpine Linux.\n\nThe wiki at <https://wiki.alpinelinux.org/> has guides for most tasks.\nThis message lives in /etc/motd.\n\n');
  t.file('/etc/fstab', '/dev/cdrom\t/media/cdrom\tiso9660\tnoauto,ro 0 0\n/dev/usbdisk\t/media/usb\tvfat\tnoauto,ro 0 0\n');
  t.file('/etc/nsswitch.conf', '# musl reads no NSS modules; some resolvers look here for their policy\nhosts: files dns\n');
  t.file('/etc/securetty', 'console\ntty1\ntty2\ntty3\ntty4\ntty5\ntty6\nttyS0\n');
  t.file('/etc/modules', 'af_packet\nipv6\n');
  t.file('/etc/sysctl.conf', '# settings here override /etc/sysctl.d/*\n');
  t.file('/etc/inittab', '# /etc/inittab: what init starts (unused in a container)\n::sysinit:/sbin/openrc sysinit\n::sysinit:/sbin/openrc boot\n::wait:/sbin/openrc default\ntty1::respawn:/sbin/getty 38400 tty1\n::ctrlaltdel:/sbin/reboot\n::shutdown:/sbin/openrc shutdown\n');
  t.dirs(['/etc/apk', '/etc/apk/keys', '/etc/apk/protected_paths.d', '/etc/crontabs', '/etc/logrotate.d', '/etc/modprobe.d', '/etc/modules-load.d', '/etc/network', '/etc/opt', '/etc/periodic', '/etc/periodic/15min', '/etc/periodic/daily', '/etc/periodic/hourly', '/etc/periodic/monthly', '/etc/periodic/weekly', '/etc/ssl', '/etc/ssl/certs', '/etc/sysctl.d']);
  t.file('/etc/apk/arch', 'x86_64\n');
  t.file('/etc/apk/repositories', 'https://dl-cdn.alpinelinux.org/alpine/v3.20/main\nhttps://dl-cdn.alpinelinux.org/alpine/v3.20/community\n');
  t.file('/etc/apk/world', 'alpine-baselayout\nalpine-keys\napk-tools\nbusybox\nlibc-utils\n');
  t.file('/etc/crontabs/root', '# periodic maintenance\n# min\thour\tday\tmonth\tweekday\tcommand\n*/15\t*\t*\t*\t*\trun-parts /etc/periodic/15min\n0\t*\t*\t*\t*\trun-parts /etc/periodic/hourly\n0\t2\t*\t*\t*\trun-parts /etc/periodic/daily\n0\t3\t*\t*\t6\trun-parts /etc/periodic/weekly\n0\t5\t1\t*\t*\trun-parts /etc/periodic/monthly\n', 0o600);
  t.symlink('/etc/mtab', '../proc/mounts');
  t.dirs(['/lib/apk', '/lib/apk/db', '/lib/firmware', '/lib/modules-load.d', '/lib/sysctl.d']);
  t.file('/lib/apk/db/installed', '');
  t.program('/bin/busybox', 'busybox');
  for (const [dir, names] of Object.entries(ALPINE_APPLETS)) t.links(dir, names, '/bin/busybox');
  return t;
}

const BUSYBOX_PASSWD = `root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
`;

const BUSYBOX_GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
kmem:x:9:
wheel:x:10:root
cdrom:x:11:
dialout:x:18:
floppy:x:19:
video:x:28:
audio:x:29:
tape:x:32:
www-data:x:33:
operator:x:37:
utmp:x:43:
plugdev:x:46:
staff:x:50:
lock:x:54:
netdev:x:82:
users:x:100:
nobody:x:65534:
`;

/** busybox 1.36.1's applets (defconfig) that the simulator can run; all hard links in /bin. */
export const BUSYBOX_APPLETS: readonly string[] = [
  '[', 'ash', 'awk', 'base64', 'basename', 'cat', 'chgrp', 'chmod', 'chown', 'chroot', 'clear', 'cmp', 'comm', 'cp', 'cut', 'date', 'dd',
  'df', 'diff', 'dirname', 'dmesg', 'du', 'echo', 'egrep', 'env', 'expand', 'expr', 'factor', 'false', 'fgrep', 'find', 'fold', 'free',
  'grep', 'groups', 'gunzip', 'gzip', 'head', 'hostname', 'id', 'ifconfig', 'install', 'ip', 'kill', 'killall', 'less', 'ln', 'logger',
  'login', 'ls', 'lsmod', 'md5sum', 'mkdir', 'mkfifo', 'mktemp', 'more', 'mount', 'mv', 'nc', 'netstat', 'nice', 'nl', 'nohup', 'nproc',
  'od', 'passwd', 'paste', 'pgrep', 'pidof', 'ping', 'pkill', 'printenv', 'printf', 'ps', 'pwd', 'readlink', 'realpath', 'renice', 'rm',
  'rmdir', 'route', 'sed', 'seq', 'sh', 'sha256sum', 'sleep', 'sort', 'split', 'stat', 'stty', 'su', 'sync', 'sysctl', 'tac', 'tail',
  'tar', 'tee', 'test', 'timeout', 'top', 'touch', 'tr', 'true', 'truncate', 'tty', 'uname', 'unexpand', 'uniq', 'uptime', 'users', 'wc',
  'wget', 'which', 'who', 'whoami', 'xargs', 'yes', 'zcat',
];

/** The tree of busybox:1.36.1 (glibc). */
export function busyboxBase(): Tree {
  const t = new Tree();
  t.dirs(['/bin', '/dev', '/etc', '/etc/network', '/home', '/lib', '/proc', '/sys', '/usr', '/usr/sbin', '/var', '/var/spool', '/var/spool/mail', '/var/www']);
  t.symlink('/lib64', 'lib');
  t.dir('/root', 0o700);
  t.dir('/tmp', 0o1777);
  t.file('/etc/passwd', BUSYBOX_PASSWD);
  t.file('/etc/group', BUSYBOX_GROUP);
  t.file('/etc/shadow', shadowFor(BUSYBOX_PASSWD, 19495), 0o600);
  t.file('/etc/nsswitch.conf', 'hosts:\t\tfiles dns\nnetworks:\tfiles\n');
  t.file('/etc/hostname', '');
  t.file('/etc/hosts', '');
  t.file('/etc/resolv.conf', '');
  t.file('/etc/localtime', 'TZif2\n');
  // every applet is the same binary (hard links), which picks the tool by the name it was run as
  t.program('/bin/busybox', 'busybox');
  t.programs('/bin', BUSYBOX_APPLETS.map((a) => `${a}=busybox`));
  return t;
}

const PHOTON_PASSWD = `root:x:0:0:root:/root:/bin/bash
bin:x:1:1:bin:/dev/null:/bin/false
daemon:x:6:6:Daemon User:/dev/null:/bin/false
messagebus:x:18:18:D-Bus Message Daemon User:/run/dbus:/bin/false
systemd-bus-proxy:x:72:72:systemd Bus Proxy:/:/bin/false
systemd-journal-gateway:x:73:73:systemd Journal Gateway:/:/bin/false
systemd-journal-remote:x:74:74:systemd Journal Remote:/:/bin/false
systemd-journal-upload:x:75:75:systemd Journal Upload:/:/bin/false
systemd-network:x:76:76:systemd Network Management:/:/bin/false
systemd-resolve:x:77:77:systemd Resolver:/:/bin/false
systemd-timesync:x:78:78:systemd Time Synchronization:/:/bin/false
nobody:x:65534:65533:Unprivileged User:/dev/null:/bin/false
`;

const PHOTON_GROUP = `root:x:0:
bin:x:1:daemon
sys:x:2:
kmem:x:3:
tape:x:4:
tty:x:5:
daemon:x:6:
floppy:x:7:
disk:x:8:
lp:x:9:
dialout:x:10:
audio:x:11:
video:x:12:
usb:x:14:
cdrom:x:15:
adm:x:16:
messagebus:x:18:
systemd-journal:x:23:
input:x:24:
mail:x:34:
lock:x:54:
dip:x:30:
systemd-bus-proxy:x:72:
systemd-journal-gateway:x:73:
systemd-journal-remote:x:74:
systemd-journal-upload:x:75:
systemd-network:x:76:
systemd-resolve:x:77:
systemd-timesync:x:78:
nogroup:x:65533:
users:x:100:
sudo:x:27:
wheel:x:28:
`;

export const PHOTON_OS_RELEASE = `NAME="VMware Photon OS"
VERSION="5.0"
ID=photon
VERSION_ID=5.0
PRETTY_NAME="VMware Photon OS/Linux"
ANSI_COLOR="1;34"
HOME_URL="https://vmware.github.io/photon/"
BUG_REPORT_URL="https://github.com/vmware/photon/issues"
`;

/** toybox 0.8.9's commands in Photon's container image that the simulator can run (links to toybox). */
export const TOYBOX_APPLETS: readonly string[] = [
  '[', 'base64', 'basename', 'cat', 'chgrp', 'chmod', 'chown', 'chroot', 'clear', 'cmp', 'comm', 'cp', 'cut', 'date', 'df', 'dirname',
  'dmesg', 'du', 'echo', 'egrep', 'env', 'expand', 'factor', 'false', 'fgrep', 'file', 'find', 'free', 'grep', 'groups', 'gunzip', 'gzip',
  'head', 'hostname', 'id', 'install', 'kill', 'killall', 'ln', 'logger', 'ls', 'md5sum', 'mkdir', 'mkfifo', 'mktemp', 'mount', 'mv',
  'netstat', 'nice', 'nl', 'nohup', 'nproc', 'od', 'paste', 'pgrep', 'pidof', 'pkill', 'printenv', 'printf', 'ps', 'pwd', 'readlink',
  'realpath', 'renice', 'rm', 'rmdir', 'sed', 'seq', 'sha256sum', 'sleep', 'sort', 'split', 'stat', 'stty', 'sync', 'sysctl', 'tac',
  'tail', 'tar', 'tee', 'test', 'timeout', 'top', 'touch', 'tr', 'true', 'truncate', 'tty', 'uname', 'uniq', 'uptime', 'users', 'vmstat',
  'w', 'wc', 'which', 'who', 'whoami', 'xargs', 'yes', 'zcat',
];

/** The tree of photon:5.0 (the 20240915 rootfs): bash, curl and toybox on merged /usr. */
export function photonBase(): Tree {
  const t = new Tree();
  t.dirs(['/boot', '/dev', '/etc', '/home', '/media', '/mnt', '/opt', '/proc', '/run', '/srv', '/sys', '/usr', '/usr/bin', '/usr/sbin', '/usr/lib', '/usr/include', '/usr/libexec', '/usr/share', '/usr/local', '/usr/local/bin', '/usr/local/lib', '/usr/local/share', '/usr/src']);
  t.dir('/root', 0o700);
  t.dir('/tmp', 0o1777);
  t.symlink('/bin', 'usr/bin').symlink('/sbin', 'usr/sbin').symlink('/lib', 'usr/lib').symlink('/lib64', 'usr/lib');
  t.dirs(['/var', '/var/cache', '/var/cache/tdnf', '/var/lib', '/var/lib/rpm', '/var/local', '/var/log', '/var/mail', '/var/opt', '/var/spool']);
  t.dir('/var/tmp', 0o1777);
  t.dir('/run/lock', 0o755);
  t.symlink('/var/run', '../run').symlink('/var/lock', '../run/lock');
  t.file('/etc/passwd', PHOTON_PASSWD);
  t.file('/etc/group', PHOTON_GROUP);
  t.file('/etc/shadow', shadowFor(PHOTON_PASSWD, 19981), 0o000);
  t.file('/etc/gshadow', gshadowFor(PHOTON_GROUP), 0o000);
  t.file('/etc/hostname', '');
  t.file('/etc/hosts', '');
  t.file('/etc/resolv.conf', '');
  t.file('/usr/lib/os-release', PHOTON_OS_RELEASE);
  t.symlink('/etc/os-release', '../usr/lib/os-release');
  t.file('/etc/photon-release', 'VMware Photon OS 5.0\nPHOTON_BUILD_NUMBER=edfd98556\n');
  t.file('/etc/lsb-release', 'DISTRIB_ID="VMware Photon OS"\nDISTRIB_RELEASE="5.0"\nDISTRIB_CODENAME=Photon\nDISTRIB_DESCRIPTION="VMware Photon OS 5.0"\n');
  t.file('/etc/shells', '/bin/sh\n/bin/bash\n/usr/bin/sh\n/usr/bin/bash\n');
  t.file('/etc/profile', `# /etc/profile: login shells read this first

export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
# root gets #, everyone else $
if [ "$(id -u)" -eq 0 ]; then
  PS1='\\u@\\h [ \\w ]# '
else
  PS1='\\u@\\h [ \\w ]\\$ '
fi
export PS1
umask 027

for script in /etc/profile.d/*.sh; do
  [ -r "$script" ] && . "$script"
done
unset script
`);
  t.dir('/etc/profile.d');
  t.file('/etc/bash.bashrc', '# /etc/bash.bashrc: interactive shells that are not login shells read this\n[ -z "$PS1" ] && return\nshopt -s checkwinsize\n');
  t.file('/root/.bashrc', '# ~/.bashrc: personal settings for interactive shells\n');
  t.dirs(['/etc/yum.repos.d', '/etc/tdnf', '/etc/pki', '/etc/pki/rpm-gpg', '/etc/skel', '/etc/ssl', '/etc/ssl/certs']);
  for (const [file, id, name, dir] of [
    ['photon.repo', 'photon', 'VMware Photon Linux $releasever ($basearch)', 'photon'],
    ['photon-release.repo', 'photon-release', 'VMware Photon Linux $releasever ($basearch)', 'photon'],
    ['photon-updates.repo', 'photon-updates', 'VMware Photon Linux $releasever ($basearch) Updates', 'photon_updates'],
    ['photon-extras.repo', 'photon-extras', 'VMware Photon Extras $releasever ($basearch)', 'photon_extras'],
  ] as const) {
    const enabled = id === 'photon-extras' || id === 'photon' ? 0 : 1;
    t.file(`/etc/yum.repos.d/${file}`, `[${id}]\nname=${name}\nbaseurl=https://packages.vmware.com/photon/$releasever/${dir}_$releasever_$basearch\ngpgkey=file:///etc/pki/rpm-gpg/VMWARE-RPM-GPG-KEY file:///etc/pki/rpm-gpg/VMWARE-RPM-GPG-KEY-4096\ngpgcheck=1\nenabled=${enabled}\nskip_if_unavailable=True\n`);
  }
  t.file('/etc/tdnf/tdnf.conf', '[main]\ngpgcheck=1\ninstallonly_limit=3\nclean_requirements_on_remove=0\nrepodir=/etc/yum.repos.d\ncachedir=/var/cache/tdnf\n');
  t.program('/usr/bin/bash', 'bash');
  t.symlink('/usr/bin/sh', 'bash');
  t.program('/usr/bin/curl', 'curl');
  t.program('/usr/bin/toybox', 'toybox');
  t.links('/usr/bin', TOYBOX_APPLETS, 'toybox');
  return t;
}

/** hello-world: FROM scratch, one file. */
export function helloWorldTree(): Tree {
  return new Tree().program('/hello', 'hello', 0o775);
}
