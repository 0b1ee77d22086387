// Text files of Photon OS 5.0's base image (facts from the filesystem, photon-release,
// shadow, bash and systemd packages; see ../shared/reference/photon/system.md).

export const HOSTNAME = 'photon-machine';
/** When the image's files were written (an OVA built from the 5.0 updates of spring 2025), in ms. */
export const INSTALL_TIME = Date.UTC(2025, 4, 30, 8, 12, 41);
export const KERNEL_RELEASE = '6.1.138-1.ph5-esx';
/** linux-esx's command line (grub env plus Photon's systemd.cfg). */
export const KERNEL_CMDLINE = `BOOT_IMAGE=/boot/vmlinuz-${'6.1.138-1.ph5-esx'} root=PARTUUID=3b3b5b8e-6b4f-4b0e-9f0a-4c1d2e3f4a5b init=/lib/systemd/systemd rcupdate.rcu_expedited=1 rw systemd.show_status=0 quiet noreplace-smp cpu_init_udelay=0 net.ifnames=0 plymouth.enable=0 systemd.unified_cgroup_hierarchy=yes`;
export const KERNEL_VERSION = '#1-photon SMP Tue May 13 04:14:46 UTC 2025';

export const OS_RELEASE = `NAME="VMware Photon OS"
VERSION="5.0"
ID=photon
VERSION_ID=5.0
PRETTY_NAME="VMware Photon OS/Linux"
ANSI_COLOR="1;34"
HOME_URL="https://vmware.github.io/photon/"
BUG_REPORT_URL="https://github.com/vmware/photon/issues"
`;

export const PHOTON_RELEASE = `VMware Photon OS 5.0
PHOTON_BUILD_NUMBER=dde71ec57
`;

export const LSB_RELEASE = `DISTRIB_ID="VMware Photon OS"
DISTRIB_RELEASE="5.0"
DISTRIB_CODENAME=Photon
DISTRIB_DESCRIPTION="VMware Photon OS 5.0"
`;

export const HOSTS = `# Begin /etc/hosts (network card version)

::1         ipv6-localhost ipv6-loopback
127.0.0.1   localhost.localdomain
127.0.0.1   localhost
127.0.0.1   ${HOSTNAME}

# End /etc/hosts (network card version)
`;

export const PASSWD = `root:x:0:0:root:/root:/bin/bash
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
sshd:x:50:50:sshd PrivSep:/usr/share/empty.sshd:/bin/false
`;

export const GROUP = `root:x:0:
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
sshd:x:50:
utmp:x:999:
docker:x:998:
`;

/** Shadow entries: root's password is `changeme` in the OVA; the hash here is a placeholder. */
export function shadow(passwd: string): string {
  return passwd
    .trim()
    .split('\n')
    .map((line) => {
      const name = line.split(':')[0]!;
      // root's password is the OVA's `changeme`
      const hash = name === 'root' ? '$6$Qx7vJ2mN9pL4sR8t$5LMhI5z6kLAfPwSIUPyEpPMLZ8nxAwnSAnRjWgM6jRipehXzmR2sFzMesvtAesSiVZzAX4iks9jKeJA7b7v0r.' : '!';
      return `${name}:${hash}:19800:0:${name === 'root' ? 90 : 99999}:7:::`;
    })
    .join('\n') + '\n';
}

export function gshadow(group: string): string {
  return group
    .trim()
    .split('\n')
    .map((line) => {
      const [name, , , members] = line.split(':');
      return `${name}:!::${members ?? ''}`;
    })
    .join('\n') + '\n';
}

// /etc/profile: the same prompt logic and umask as Photon's (our own text).
export const PROFILE = `# /etc/profile: system-wide settings for login shells

pathappend () {
  case ":$PATH:" in
    *":$1:"*) ;;
    *) PATH="\${PATH:+$PATH:}$1" ;;
  esac
}

export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

HISTSIZE=1000
HISTIGNORE="&:[bf]g:exit"
XDG_DATA_DIRS=/usr/share
XDG_CONFIG_DIRS=/etc/xdg/

NORMAL="\\[\\e[0m\\]"
RED="\\[\\e[1;31m\\]"
GREEN="\\[\\e[1;32m\\]"
if [[ $EUID == 0 ]] ; then
  PS1="$RED\\u@\\h [ $NORMAL\\w$RED ]# $NORMAL"
else
  PS1="$GREEN\\u@\\h [ $NORMAL\\w$GREEN ]\\$ $NORMAL"
fi

for script in /etc/profile.d/*.sh ; do
  if [ -r $script ] ; then
    . $script
  fi
done

export XDG_DATA_DIRS XDG_CONFIG_DIRS HISTSIZE HISTIGNORE PS1
unset script RED GREEN NORMAL
umask 027
`;

export const PROFILE_D: Record<string, string> = {
  'i18n.sh': `# Default locale: C unless /etc/locale.conf says otherwise
if [ -r /etc/locale.conf ] ; then
  . /etc/locale.conf
fi
export LANG=\${LANG:-C}
`,
  'extrapaths.sh': `# Add optional directories to the search paths when they exist
if [ -d /opt/bin ] ; then
  pathappend /opt/bin
fi
`,
  'readline.sh': `# Use the system inputrc unless the user has one
if [ -z "$INPUTRC" -a ! -f "$HOME/.inputrc" ] ; then
  INPUTRC=/etc/inputrc
fi
export INPUTRC
`,
  'proxy.sh': `# Proxy settings from /etc/sysconfig/proxy
if [ -r /etc/sysconfig/proxy ] ; then
  . /etc/sysconfig/proxy
fi
`,
};

export const BASH_BASHRC = `# /etc/bash.bashrc: settings for interactive non-login shells

alias ls='ls --color=auto'
alias grep='grep --color=auto'

NORMAL="\\[\\e[0m\\]"
RED="\\[\\e[1;31m\\]"
GREEN="\\[\\e[1;32m\\]"
if [[ $EUID == 0 ]] ; then
  PS1="$RED\\u [ $NORMAL\\w$RED ]# $NORMAL"
else
  PS1="$GREEN\\u [ $NORMAL\\w$GREEN ]\\$ $NORMAL"
fi
unset RED GREEN NORMAL
`;

export const SKEL: Record<string, string> = {
  '.bash_profile': `# ~/.bash_profile: run by login shells
if [ -f "$HOME/.bashrc" ] ; then
  source "$HOME/.bashrc"
fi
if [ -d "$HOME/bin" ] ; then
  PATH="$HOME/bin:$PATH"
fi
`,
  '.bashrc': `# ~/.bashrc: run by interactive non-login shells
if [ -f "/etc/bash.bashrc" ] ; then
  source /etc/bash.bashrc
fi
`,
  '.bash_logout': `# ~/.bash_logout: run when a login shell exits
clear
`,
};

export const SHELLS = `/bin/sh
/bin/bash
/usr/bin/sh
/usr/bin/bash
`;

export const LOGIN_DEFS_SUMMARY = `# /etc/login.defs (effective values on Photon OS 5.0)
MAIL_DIR        /var/mail
ERASECHAR       0177
KILLCHAR        025
UMASK           022
PASS_MAX_DAYS   90
PASS_MIN_DAYS   0
PASS_WARN_AGE   7
UID_MIN         1000
UID_MAX         60000
SYS_UID_MIN     101
SYS_UID_MAX     999
GID_MIN         1000
GID_MAX         60000
SYS_GID_MIN     101
SYS_GID_MAX     999
LOGIN_RETRIES   5
LOGIN_TIMEOUT   60
CHFN_RESTRICT   rwh
DEFAULT_HOME    yes
USERGROUPS_ENAB no
SU_NAME         su
ENV_SUPATH      PATH=/sbin:/bin:/usr/sbin:/usr/bin
ENV_PATH        PATH=/bin:/usr/bin
`;

export const USERADD_DEFAULTS = `GROUP=100
HOME=/home
INACTIVE=-1
EXPIRE=
SHELL=/bin/bash
SKEL=/etc/skel
CREATE_MAIL_SPOOL=no
`;

export const ISSUE = `Welcome to Photon 5.0 (\\m) - Kernel \\r (\\l)
`;
