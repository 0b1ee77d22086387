// The applets of the multi-call binaries in the images (kept equal to the lists of
// src/subsystems/docker/registry/base-small.ts by a test).

/** busybox 1.36.1 (alpine 3.20 and the busybox image), the applets the simulator can run. */
export const BUSYBOX_APPLETS: readonly string[] = [
  '[', 'ash', 'awk', 'base64', 'basename', 'cat', 'chgrp', 'chmod', 'chown', 'chroot', 'chpasswd', 'clear', 'cmp', 'comm', 'cp', 'cut',
  'date', 'dd', 'df', 'diff', 'dirname', 'dmesg', 'du', 'echo', 'egrep', 'env', 'expand', 'expr', 'factor', 'false', 'fgrep', 'find',
  'fold', 'free', 'grep', 'groups', 'gunzip', 'gzip', 'head', 'hostname', 'id', 'ifconfig', 'install', 'ip', 'kill', 'killall', 'less',
  'ln', 'logger', 'login', 'ls', 'lsmod', 'md5sum', 'mkdir', 'mkfifo', 'mktemp', 'more', 'mount', 'mv', 'nc', 'netstat', 'nice', 'nl',
  'nohup', 'nproc', 'od', 'passwd', 'paste', 'pgrep', 'pidof', 'ping', 'pkill', 'printenv', 'printf', 'ps', 'pwd', 'readlink',
  'realpath', 'renice', 'rm', 'rmdir', 'route', 'sed', 'seq', 'sh', 'sha256sum', 'sleep', 'sort', 'split', 'stat', 'stty', 'su',
  'sync', 'sysctl', 'tac', 'tail', 'tar', 'tee', 'test', 'timeout', 'top', 'touch', 'tr', 'true', 'truncate', 'tty', 'uname',
  'unexpand', 'uniq', 'uptime', 'users', 'wc', 'wget', 'which', 'who', 'whoami', 'xargs', 'yes', 'zcat',
];

/** toybox 0.8.9 in Photon's container image, the commands the simulator can run. */
export const TOYBOX_APPLETS: readonly string[] = [
  '[', 'base64', 'basename', 'cat', 'chgrp', 'chmod', 'chown', 'chroot', 'clear', 'cmp', 'comm', 'cp', 'cut', 'date', 'df', 'dirname',
  'dmesg', 'du', 'echo', 'egrep', 'env', 'expand', 'factor', 'false', 'fgrep', 'file', 'find', 'free', 'grep', 'groups', 'gunzip', 'gzip',
  'head', 'hostname', 'id', 'install', 'kill', 'killall', 'ln', 'logger', 'ls', 'md5sum', 'mkdir', 'mkfifo', 'mktemp', 'mount', 'mv',
  'netstat', 'nice', 'nl', 'nohup', 'nproc', 'od', 'paste', 'pgrep', 'pidof', 'pkill', 'printenv', 'printf', 'ps', 'pwd', 'readlink',
  'realpath', 'renice', 'rm', 'rmdir', 'sed', 'seq', 'sha256sum', 'sleep', 'sort', 'split', 'stat', 'stty', 'sync', 'sysctl', 'tac',
  'tail', 'tar', 'tee', 'test', 'timeout', 'top', 'touch', 'tr', 'true', 'truncate', 'tty', 'uname', 'uniq', 'uptime', 'users', 'vmstat',
  'w', 'wc', 'which', 'who', 'whoami', 'xargs', 'yes', 'zcat',
];
