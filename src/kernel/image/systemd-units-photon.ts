// Unit files of the other packages in a Photon OS 5.0 minimal install (openssh, iptables,
// docker-engine, containerd, lvm2, tdnf), as their spec files install them.
import { unit } from './systemd-units-core';

export const PHOTON_UNITS: [string, string][] = [
  ['sshd.service', unit(['Unit', ['Description=OpenSSH Daemon', 'After=network.target sshd-keygen.service', 'Wants=sshd-keygen.service']], ['Service', ['ExecStart=/usr/sbin/sshd -D', 'ExecReload=/bin/kill -HUP $MAINPID', 'KillMode=process', 'Restart=always']], ['Install', ['WantedBy=multi-user.target']])],
  ['sshd-keygen.service', unit(['Unit', ['Description=Generate sshd host keys', 'ConditionPathExists=|!/etc/ssh/ssh_host_rsa_key', 'ConditionPathExists=|!/etc/ssh/ssh_host_ecdsa_key', 'ConditionPathExists=|!/etc/ssh/ssh_host_ed25519_key', 'Before=sshd.service']], ['Service', ['Type=oneshot', 'RemainAfterExit=yes', 'ExecStart=/usr/bin/ssh-keygen -A']], ['Install', ['WantedBy=multi-user.target']])],
  ['iptables.service', unit(['Unit', ['Description=Load Iptables Rules', 'After=network.target', 'ConditionFileIsExecutable=/etc/systemd/scripts/iptables']], ['Service', ['Type=forking', 'ExecStart=/etc/systemd/scripts/iptables', 'ExecStop=/etc/systemd/scripts/iptables.stop', 'RemainAfterExit=yes']], ['Install', ['WantedBy=multi-user.target']])],
  ['docker.service', unit(['Unit', ['Description=Docker Application Container Engine', 'Documentation=https://docs.docker.com', 'After=network-online.target containerd.service', 'Wants=network-online.target', 'Requires=docker.socket containerd.service']], ['Service', ['Type=notify', 'ExecStart=/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock', 'ExecReload=/bin/kill -s HUP $MAINPID', 'TimeoutStartSec=0', 'RestartSec=2', 'Restart=always', 'LimitNOFILE=infinity', 'LimitNPROC=infinity', 'LimitCORE=infinity', 'TasksMax=infinity', 'Delegate=yes', 'KillMode=process', 'OOMScoreAdjust=-500']], ['Install', ['WantedBy=multi-user.target']])],
  ['docker.socket', unit(['Unit', ['Description=Docker Socket for the API']], ['Socket', ['ListenStream=/var/run/docker.sock', 'SocketMode=0660', 'SocketUser=root', 'SocketGroup=docker']], ['Install', ['WantedBy=sockets.target']])],
  ['containerd.service', unit(['Unit', ['Description=containerd container runtime', 'Documentation=https://containerd.io', 'After=network.target local-fs.target']], ['Service', ['ExecStartPre=-/sbin/modprobe overlay', 'ExecStart=/usr/bin/containerd', 'Type=notify', 'Delegate=yes', 'KillMode=process', 'Restart=always', 'RestartSec=5', 'LimitNPROC=infinity', 'LimitCORE=infinity', 'LimitNOFILE=infinity', 'TasksMax=infinity', 'OOMScoreAdjust=-999']], ['Install', ['WantedBy=multi-user.target']])],
  ['dm-event.socket', unit(['Unit', ['Description=Device-mapper event daemon FIFOs', 'Documentation=man:dmeventd(8)', 'DefaultDependencies=no']], ['Socket', ['ListenFIFO=/run/dmeventd-server', 'ListenFIFO=/run/dmeventd-client', 'SocketMode=0600', 'RemoveOnStop=true']], ['Install', ['WantedBy=sockets.target']])],
  ['dm-event.service', unit(['Unit', ['Description=Device-mapper event daemon', 'Documentation=man:dmeventd(8)', 'Requires=dm-event.socket', 'After=dm-event.socket', 'Before=local-fs-pre.target', 'DefaultDependencies=no']], ['Service', ['Type=simple', 'ExecStart=/usr/sbin/dmeventd -f', 'Environment=SD_ACTIVATION=1', 'PIDFile=/run/dmeventd.pid', 'OOMScoreAdjust=-1000']])],
  ['blk-availability.service', unit(['Unit', ['Description=Availability of block devices', 'Documentation=man:blkdeactivate(8)', 'After=lvm2-activation.service iscsi-shutdown.service iscsi.service iscsid.service fcoe.service rbdmap.service', 'DefaultDependencies=no', 'Conflicts=shutdown.target']], ['Service', ['Type=oneshot', 'ExecStart=/usr/bin/true', 'ExecStop=/usr/sbin/blkdeactivate -u -l wholevg -m disablequeueing -r wait', 'RemainAfterExit=yes']], ['Install', ['WantedBy=sysinit.target']])],
  ['tdnf-cache-updateinfo.service', unit(['Unit', ['Description=tdnf refresh cached update info']], ['Service', ['Type=oneshot', 'ExecStart=/usr/bin/tdnf-cache-updateinfo']])],
  ['tdnf-cache-updateinfo.timer', unit(['Unit', ['Description=Refresh cached update info of tdnf']], ['Timer', ['OnCalendar=daily', 'RandomizedDelaySec=1h', 'Persistent=true']], ['Install', ['WantedBy=timers.target']])],
];

/** Preset files shipped by Photon's packages (name, text). */
export const PHOTON_PRESETS: [string, string][] = [
  ['10-defaults.preset', 'enable remote-fs.target\nenable remote-cryptsetup.target\nenable machines.target\n\nenable getty@1.service\nenable systemd-timesyncd.service\nenable systemd-networkd.service\nenable systemd-networkd-wait-online.service\nenable systemd-resolved.service\n'],
  ['50-docker.preset', 'disable docker.service\n'],
  ['50-containerd.preset', 'disable containerd.service\n'],
];

/**
 * The links in /etc/systemd/system of a fresh install: what systemd's first-install preset-all
 * and each package's %systemd_post preset made (docker.service and docker.socket stay disabled).
 */
export const ENABLED_LINKS: [string, string][] = [
  ['multi-user.target.wants/remote-fs.target', 'remote-fs.target'],
  ['multi-user.target.wants/remote-cryptsetup.target', 'remote-cryptsetup.target'],
  ['multi-user.target.wants/machines.target', 'machines.target'],
  ['multi-user.target.wants/systemd-networkd.service', 'systemd-networkd.service'],
  ['multi-user.target.wants/sshd.service', 'sshd.service'],
  ['multi-user.target.wants/sshd-keygen.service', 'sshd-keygen.service'],
  ['multi-user.target.wants/iptables.service', 'iptables.service'],
  ['sysinit.target.wants/systemd-timesyncd.service', 'systemd-timesyncd.service'],
  ['sysinit.target.wants/systemd-resolved.service', 'systemd-resolved.service'],
  ['sysinit.target.wants/systemd-network-generator.service', 'systemd-network-generator.service'],
  ['sysinit.target.wants/systemd-pstore.service', 'systemd-pstore.service'],
  ['sysinit.target.wants/blk-availability.service', 'blk-availability.service'],
  ['sockets.target.wants/systemd-networkd.socket', 'systemd-networkd.socket'],
  ['sockets.target.wants/systemd-userdbd.socket', 'systemd-userdbd.socket'],
  ['sockets.target.wants/systemd-journald-audit.socket', 'systemd-journald-audit.socket'],
  ['sockets.target.wants/dm-event.socket', 'dm-event.socket'],
  ['systemd-journald.service.wants/systemd-journald-audit.socket', 'systemd-journald-audit.socket'],
  ['network-online.target.wants/systemd-networkd-wait-online.service', 'systemd-networkd-wait-online.service'],
  ['getty.target.wants/getty@tty1.service', 'getty@.service'],
  ['timers.target.wants/tdnf-cache-updateinfo.timer', 'tdnf-cache-updateinfo.timer'],
  ['dbus-org.freedesktop.network1.service', 'systemd-networkd.service'],
  ['dbus-org.freedesktop.resolve1.service', 'systemd-resolved.service'],
  ['dbus-org.freedesktop.timesync1.service', 'systemd-timesyncd.service'],
  ['ctrl-alt-del.target', 'reboot.target'],
];
