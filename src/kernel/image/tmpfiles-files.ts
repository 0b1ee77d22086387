// tmpfiles.d snippets of a Photon 5.0 minimal install (systemd, openssh, sudo, ...):
// systemd-tmpfiles-setup.service creates these volatile paths in /run and /var at each boot.
import type { ImageWriter } from './build';

const FILES: Record<string, string> = {
  'systemd.conf': `# volatile directories systemd's services expect at boot
d /run/user 0755 root root -
F! /run/utmp 0664 root utmp -
d /run/systemd/ask-password 0755 root root -
d /run/systemd/seats 0755 root root -
d /run/systemd/sessions 0755 root root -
d /run/systemd/users 0755 root root -
d /run/systemd/machines 0755 root root -
d /run/systemd/shutdown 0755 root root -
d /run/log 0755 root root -
z /run/log/journal 2755 root systemd-journal - -
d /var/lib/systemd 0755 root root -
d /var/lib/systemd/coredump 0755 root root 3d
`,
  'systemd-network.conf': `d /run/systemd/netif 0755 systemd-network systemd-network -
d /run/systemd/netif/links 0755 systemd-network systemd-network -
d /run/systemd/netif/leases 0755 systemd-network systemd-network -
`,
  'systemd-resolve.conf': `L! /etc/resolv.conf - - - - ../run/systemd/resolve/stub-resolv.conf
`,
  'tmp.conf': `# /tmp and /var/tmp: sticky and world-writable, old files cleaned
q /tmp 1777 root root 10d
q /var/tmp 1777 root root 30d
`,
  'var.conf': `q /var 0755 - - -
L /var/run - - - - ../run
d /var/log 0755 - - -
f /var/log/wtmp 0664 root utmp -
f /var/log/btmp 0660 root utmp -
f /var/log/lastlog 0664 root utmp -
d /var/cache 0755 - - -
d /var/lib 0755 - - -
d /var/spool 0755 - - -
`,
  'sshd.conf': `d /run/sshd 0755 root root -
`,
  'sudo.conf': `d /run/sudo 0711 root root -
d /run/sudo/ts 0700 root root -
`,
};

export function writeTmpfilesFiles(w: ImageWriter): void {
  w.dir('/usr/lib/tmpfiles.d', 0o755);
  w.dir('/etc/tmpfiles.d', 0o755);
  for (const [name, text] of Object.entries(FILES)) w.file(`/usr/lib/tmpfiles.d/${name}`, text, 0o644);
}
