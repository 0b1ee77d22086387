// The unit files systemd 253 installs in /usr/lib/systemd/system on Photon OS 5.0 (the ones a
// minimal install uses), with their real directives, and the static .wants/ links and aliases
// the package ships beside them.

/** Builds a unit file from [section, lines] pairs. */
export function unit(...sections: [string, string[]][]): string {
  return sections.map(([name, lines]) => `[${name}]\n${lines.join('\n')}\n`).join('\n');
}

const SD = '/usr/lib/systemd';
const doc = (page: string): string => `Documentation=man:${page}`;

const target = (description: string, extra: string[] = [], install?: string[]): string =>
  install ? unit(['Unit', [`Description=${description}`, doc('systemd.special(7)'), ...extra]], ['Install', install]) : unit(['Unit', [`Description=${description}`, doc('systemd.special(7)'), ...extra]]);

export const CORE_UNITS: [string, string][] = [
  ['basic.target', target('Basic System', ['Requires=sysinit.target', 'Wants=sockets.target timers.target paths.target slices.target', 'After=sysinit.target sockets.target paths.target slices.target tmp.mount', 'RequiresMountsFor=/var /var/tmp', 'Wants=tmp.mount'])],
  ['sysinit.target', target('System Initialization', ['Wants=local-fs.target swap.target', 'After=local-fs.target swap.target', 'Conflicts=emergency.service emergency.target', 'Before=emergency.service emergency.target'])],
  ['local-fs.target', target('Local File Systems', ['DefaultDependencies=no', 'Conflicts=shutdown.target', 'After=local-fs-pre.target', 'OnFailure=emergency.target', 'OnFailureJobMode=replace-irreversibly'])],
  ['local-fs-pre.target', target('Preparation for Local File Systems', ['RefuseManualStart=yes'])],
  ['remote-fs.target', target('Remote File Systems', ['After=remote-fs-pre.target', 'DefaultDependencies=no', 'Conflicts=shutdown.target'], ['WantedBy=multi-user.target'])],
  ['remote-fs-pre.target', target('Preparation for Remote File Systems', ['RefuseManualStart=yes'])],
  ['remote-cryptsetup.target', target('Remote Encrypted Volumes', ['After=remote-fs-pre.target', 'DefaultDependencies=no', 'Conflicts=shutdown.target'], ['WantedBy=multi-user.target'])],
  ['cryptsetup.target', target('Local Encrypted Volumes')],
  ['swap.target', target('Swaps')],
  ['network.target', target('Network', ['After=network-pre.target', 'RefuseManualStart=yes'])],
  ['network-online.target', target('Network is Online', ['After=network.target'])],
  ['network-pre.target', target('Preparation for Network', ['RefuseManualStart=yes'])],
  ['nss-lookup.target', target('Host and Network Name Lookups', ['RefuseManualStart=yes'])],
  ['nss-user-lookup.target', target('User and Group Name Lookups', ['RefuseManualStart=yes'])],
  ['multi-user.target', target('Multi-User System', ['Requires=basic.target', 'Conflicts=rescue.service rescue.target', 'After=basic.target rescue.service rescue.target', 'AllowIsolate=yes'])],
  ['graphical.target', target('Graphical Interface', ['Requires=multi-user.target', 'Wants=display-manager.service', 'Conflicts=rescue.service rescue.target', 'After=multi-user.target rescue.service rescue.target display-manager.service', 'AllowIsolate=yes'])],
  ['rescue.target', target('Rescue Mode', ['Requires=sysinit.target rescue.service', 'After=sysinit.target rescue.service', 'AllowIsolate=yes'])],
  ['emergency.target', target('Emergency Mode', ['Requires=emergency.service', 'After=emergency.service', 'AllowIsolate=yes'])],
  ['shutdown.target', target('System Shutdown', ['DefaultDependencies=no', 'RefuseManualStart=yes'])],
  ['umount.target', target('Unmount All Filesystems', ['DefaultDependencies=no', 'RefuseManualStart=yes'])],
  ['final.target', target('Late Shutdown Services', ['DefaultDependencies=no', 'RefuseManualStart=yes', 'After=shutdown.target umount.target'])],
  ['reboot.target', target('System Reboot', ['DefaultDependencies=no', 'Requires=systemd-reboot.service', 'After=systemd-reboot.service', 'AllowIsolate=yes', 'JobTimeoutSec=30min', 'JobTimeoutAction=reboot-force'], ['Alias=ctrl-alt-del.target'])],
  ['poweroff.target', target('System Power Off', ['DefaultDependencies=no', 'Requires=systemd-poweroff.service', 'After=systemd-poweroff.service', 'AllowIsolate=yes', 'JobTimeoutSec=30min', 'JobTimeoutAction=poweroff-force'], ['Alias=ctrl-alt-del.target'])],
  ['halt.target', target('System Halt', ['DefaultDependencies=no', 'Requires=systemd-halt.service', 'After=systemd-halt.service', 'AllowIsolate=yes', 'JobTimeoutSec=30min', 'JobTimeoutAction=poweroff-force'], ['Alias=ctrl-alt-del.target'])],
  ['getty.target', target('Login Prompts')],
  ['getty-pre.target', target('Preparation for Logins', ['RefuseManualStart=yes'])],
  ['timers.target', target('Timer Units', ['DefaultDependencies=no', 'Conflicts=shutdown.target'])],
  ['sockets.target', target('Socket Units')],
  ['paths.target', target('Path Units')],
  ['slices.target', target('Slice Units', ['Wants=-.slice system.slice', 'After=-.slice system.slice'])],
  ['time-set.target', target('System Time Set', ['RefuseManualStart=yes'])],
  ['time-sync.target', target('System Time Synchronized', ['RefuseManualStart=yes', 'After=time-set.target', 'Wants=time-set.target'])],
  ['machines.target', target('Containers', ['Before=multi-user.target', 'Wants=var-lib-machines.mount', 'After=var-lib-machines.mount'], ['WantedBy=multi-user.target'])],
  ['user.slice', unit(['Unit', ['Description=User and Session Slice', doc('systemd.special(7)'), 'Before=slices.target']])],
  ['machine.slice', unit(['Unit', ['Description=Virtual Machine and Container Slice', doc('systemd.special(7)'), 'Before=slices.target']])],
  ['tmp.mount', unit(['Unit', ['Description=Temporary Directory /tmp', 'ConditionPathIsSymbolicLink=!/tmp', 'DefaultDependencies=no', 'Conflicts=umount.target', 'Before=local-fs.target umount.target', 'After=swap.target']], ['Mount', ['What=tmpfs', 'Where=/tmp', 'Type=tmpfs', 'Options=mode=1777,strictatime,nosuid,nodev,size=50%%,nr_inodes=1m']])],
  ['emergency.service', unit(['Unit', ['Description=Emergency Shell', doc('sulogin(8)'), 'DefaultDependencies=no', 'Conflicts=shutdown.target', 'Conflicts=rescue.service', 'Before=shutdown.target', 'Before=rescue.service']], ['Service', ['Environment=HOME=/root', 'WorkingDirectory=-/root', `ExecStart=-${SD}/systemd-sulogin-shell emergency`, 'Type=idle', 'StandardInput=tty-force', 'StandardOutput=inherit', 'StandardError=inherit', 'KillMode=process', 'IgnoreSIGPIPE=no', 'SendSIGHUP=yes']])],
  ['rescue.service', unit(['Unit', ['Description=Rescue Shell', doc('sulogin(8)'), 'DefaultDependencies=no', 'Conflicts=shutdown.target', 'After=sysinit.target plymouth-start.service', 'Before=shutdown.target']], ['Service', ['Environment=HOME=/root', 'WorkingDirectory=-/root', `ExecStart=-${SD}/systemd-sulogin-shell rescue`, 'Type=idle', 'StandardInput=tty-force', 'StandardOutput=inherit', 'StandardError=inherit', 'KillMode=process', 'IgnoreSIGPIPE=no', 'SendSIGHUP=yes']])],
  ['systemd-reboot.service', unit(['Unit', ['Description=System Reboot', doc('systemd-reboot.service(8)'), 'DefaultDependencies=no', 'Requires=shutdown.target umount.target final.target', 'After=shutdown.target umount.target final.target', 'SuccessAction=reboot-force']])],
  ['systemd-poweroff.service', unit(['Unit', ['Description=System Power Off', doc('systemd-poweroff.service(8)'), 'DefaultDependencies=no', 'Requires=shutdown.target umount.target final.target', 'After=shutdown.target umount.target final.target', 'SuccessAction=poweroff-force']])],
  ['systemd-halt.service', unit(['Unit', ['Description=System Halt', doc('systemd-halt.service(8)'), 'DefaultDependencies=no', 'Requires=shutdown.target umount.target final.target', 'After=shutdown.target umount.target final.target', 'SuccessAction=halt-force']])],
  ['systemd-journald.socket', unit(['Unit', ['Description=Journal Socket', doc('systemd-journald.service(8)'), doc('journald.conf(5)'), 'DefaultDependencies=no', 'Before=sockets.target', 'IgnoreOnIsolate=yes']], ['Socket', ['ListenStream=/run/systemd/journal/stdout', 'ListenDatagram=/run/systemd/journal/socket', 'SocketMode=0666', 'PassCredentials=yes', 'PassSecurity=yes', 'ReceiveBuffer=8M', 'Service=systemd-journald.service']])],
  ['systemd-journald-dev-log.socket', unit(['Unit', ['Description=Journal Socket (/dev/log)', doc('systemd-journald.service(8)'), 'DefaultDependencies=no', 'Before=sockets.target', 'IgnoreOnIsolate=yes']], ['Socket', ['Service=systemd-journald.service', 'ListenDatagram=/run/systemd/journal/dev-log', 'Symlinks=/dev/log', 'SocketMode=0666', 'PassCredentials=yes', 'PassSecurity=yes', 'ReceiveBuffer=8M', 'SendBuffer=8M']])],
  ['systemd-journald-audit.socket', unit(['Unit', ['Description=Journal Audit Socket', doc('systemd-journald.service(8)'), 'DefaultDependencies=no', 'Before=sockets.target', 'ConditionSecurity=audit', 'ConditionCapability=CAP_AUDIT_READ']], ['Socket', ['Service=systemd-journald.service', 'ReceiveBuffer=128M', 'ListenNetlink=audit 1', 'PassCredentials=yes']], ['Install', ['WantedBy=sockets.target', 'WantedBy=systemd-journald.service']])],
  ['systemd-journald.service', unit(['Unit', ['Description=Journal Service', doc('systemd-journald.service(8)'), doc('journald.conf(5)'), 'DefaultDependencies=no', 'Requires=systemd-journald.socket', 'After=systemd-journald.socket systemd-journald-dev-log.socket systemd-journald-audit.socket syslog.socket', 'Before=sysinit.target', 'IgnoreOnIsolate=yes']], ['Service', [`ExecStart=${SD}/systemd-journald`, 'OOMScoreAdjust=-250', 'Restart=always', 'RestartSec=0', 'RuntimeDirectory=systemd/journal', 'RuntimeDirectoryPreserve=yes', 'Sockets=systemd-journald.socket systemd-journald-dev-log.socket', 'StandardOutput=null', 'Type=notify', 'WatchdogSec=3min', 'LimitNOFILE=524288']])],
  ['systemd-journal-flush.service', unit(['Unit', ['Description=Flush Journal to Persistent Storage', doc('systemd-journald.service(8)'), 'DefaultDependencies=no', 'Requires=systemd-journald.service', 'After=systemd-journald.service systemd-remount-fs.service', 'Before=systemd-tmpfiles-setup.service', 'RequiresMountsFor=/var/log/journal']], ['Service', ['ExecStart=journalctl --flush', 'ExecStop=journalctl --smart-relinquish-var', 'Type=oneshot', 'RemainAfterExit=yes', 'TimeoutSec=90s']])],
  ['systemd-logind.service', unit(['Unit', ['Description=User Login Management', doc('systemd-logind.service(8)'), doc('logind.conf(5)'), 'Wants=user.slice modprobe@drm.service', 'After=nss-user-lookup.target user.slice modprobe@drm.service', 'Wants=dbus.socket', 'After=dbus.socket']], ['Service', ['BusName=org.freedesktop.login1', `ExecStart=${SD}/systemd-logind`, 'Restart=always', 'RestartSec=0', 'RuntimeDirectory=systemd/sessions systemd/seats systemd/users systemd/inhibit systemd/shutdown', 'RuntimeDirectoryPreserve=yes', 'StateDirectory=systemd/linger', 'Type=notify-reload', 'WatchdogSec=3min', 'LimitNOFILE=524288']])],
  ['systemd-user-sessions.service', unit(['Unit', ['Description=Permit User Sessions', doc('systemd-user-sessions.service(8)'), 'After=remote-fs.target nss-user-lookup.target network.target home.mount', 'Before=shutdown.target']], ['Service', ['Type=oneshot', 'RemainAfterExit=yes', `ExecStart=${SD}/systemd-user-sessions start`, `ExecStop=${SD}/systemd-user-sessions stop`]])],
  ['systemd-networkd.service', unit(['Unit', ['Description=Network Configuration', doc('systemd-networkd.service(8)'), doc('org.freedesktop.network1(5)'), 'ConditionCapability=CAP_NET_ADMIN', 'DefaultDependencies=no', 'After=systemd-networkd.socket systemd-udevd.service network-pre.target systemd-sysusers.service systemd-sysctl.service', 'Before=network.target multi-user.target shutdown.target initrd-switch-root.target', 'Conflicts=shutdown.target initrd-switch-root.target', 'Wants=systemd-networkd.socket network.target']], ['Service', ['BusName=org.freedesktop.network1', `ExecStart=!!${SD}/systemd-networkd`, 'Restart=on-failure', 'RestartKillSignal=SIGUSR2', 'RestartSec=0', 'RuntimeDirectory=systemd/netif', 'RuntimeDirectoryPreserve=yes', 'Type=notify-reload', 'User=systemd-network', 'WatchdogSec=3min']], ['Install', ['WantedBy=multi-user.target', 'Also=systemd-networkd.socket', 'Alias=dbus-org.freedesktop.network1.service', 'Also=systemd-network-generator.service', 'Also=systemd-networkd-wait-online.service']])],
  ['systemd-networkd.socket', unit(['Unit', ['Description=Network Service Netlink Socket', doc('systemd-networkd.service(8)'), doc('rtnetlink(7)'), 'ConditionCapability=CAP_NET_ADMIN', 'DefaultDependencies=no', 'Before=sockets.target shutdown.target', 'Conflicts=shutdown.target']], ['Socket', ['ReceiveBuffer=128M', 'ListenNetlink=route 1361', 'PassCredentials=yes']], ['Install', ['WantedBy=sockets.target']])],
  ['systemd-networkd-wait-online.service', unit(['Unit', ['Description=Wait for Network to be Configured', doc('systemd-networkd-wait-online.service(8)'), 'ConditionCapability=CAP_NET_ADMIN', 'DefaultDependencies=no', 'Conflicts=shutdown.target', 'BindsTo=systemd-networkd.service', 'After=systemd-networkd.service', 'Before=network-online.target shutdown.target']], ['Service', ['Type=oneshot', `ExecStart=${SD}/systemd-networkd-wait-online`, 'RemainAfterExit=yes']], ['Install', ['WantedBy=network-online.target']])],
  ['systemd-network-generator.service', unit(['Unit', ['Description=Generate network units from Kernel command line', doc('systemd-network-generator.service(8)'), 'DefaultDependencies=no', 'Before=network-pre.target systemd-udevd.service', 'Wants=network-pre.target', 'Conflicts=shutdown.target initrd-switch-root.target', 'Before=shutdown.target initrd-switch-root.target']], ['Service', ['Type=oneshot', 'RemainAfterExit=yes', `ExecStart=${SD}/systemd-network-generator`]], ['Install', ['WantedBy=sysinit.target']])],
  ['systemd-resolved.service', unit(['Unit', ['Description=Network Name Resolution', doc('systemd-resolved.service(8)'), doc('org.freedesktop.resolve1(5)'), 'DefaultDependencies=no', 'After=systemd-sysctl.service systemd-sysusers.service', 'Before=sysinit.target network.target nss-lookup.target shutdown.target initrd-switch-root.target', 'Conflicts=shutdown.target initrd-switch-root.target', 'Wants=nss-lookup.target']], ['Service', ['BusName=org.freedesktop.resolve1', `ExecStart=!!${SD}/systemd-resolved`, 'Restart=always', 'RestartSec=0', 'RuntimeDirectory=systemd/resolve', 'RuntimeDirectoryPreserve=yes', 'Type=notify', 'User=systemd-resolve', 'WatchdogSec=3min']], ['Install', ['WantedBy=sysinit.target', 'Alias=dbus-org.freedesktop.resolve1.service']])],
  ['systemd-timesyncd.service', unit(['Unit', ['Description=Network Time Synchronization', doc('systemd-timesyncd.service(8)'), 'ConditionVirtualization=!container', 'DefaultDependencies=no', 'After=systemd-sysusers.service', 'Before=time-set.target sysinit.target shutdown.target', 'Conflicts=shutdown.target', 'Wants=time-set.target']], ['Service', ['BusName=org.freedesktop.timesync1', `ExecStart=!!${SD}/systemd-timesyncd`, 'Restart=always', 'RestartSec=0', 'RuntimeDirectory=systemd/timesync', 'StateDirectory=systemd/timesync', 'Type=notify', 'User=systemd-timesync', 'WatchdogSec=3min']], ['Install', ['WantedBy=sysinit.target', 'Alias=dbus-org.freedesktop.timesync1.service']])],
  ['systemd-time-wait-sync.service', unit(['Unit', ['Description=Wait Until Kernel Time Synchronized', doc('systemd-time-wait-sync.service(8)'), 'ConditionCapability=CAP_SYS_TIME', 'ConditionVirtualization=!container', 'DefaultDependencies=no', 'Before=time-sync.target shutdown.target', 'Wants=time-sync.target', 'Conflicts=shutdown.target']], ['Service', ['Type=oneshot', `ExecStart=${SD}/systemd-time-wait-sync`, 'TimeoutStartSec=infinity', 'RemainAfterExit=yes']], ['Install', ['WantedBy=sysinit.target']])],
  ['systemd-hostnamed.service', unit(['Unit', ['Description=Hostname Service', doc('systemd-hostnamed.service(8)'), doc('hostname(5)')]], ['Service', ['BusName=org.freedesktop.hostname1', `ExecStart=${SD}/systemd-hostnamed`, 'Type=notify']])],
  ['systemd-timedated.service', unit(['Unit', ['Description=Time & Date Service', doc('systemd-timedated.service(8)'), doc('localtime(5)')]], ['Service', ['BusName=org.freedesktop.timedate1', `ExecStart=${SD}/systemd-timedated`, 'Type=notify']])],
  ['systemd-localed.service', unit(['Unit', ['Description=Locale Service', doc('systemd-localed.service(8)'), doc('locale.conf(5)')]], ['Service', ['BusName=org.freedesktop.locale1', `ExecStart=${SD}/systemd-localed`, 'Type=notify']])],
  ['systemd-sysctl.service', unit(['Unit', ['Description=Apply Kernel Variables', doc('systemd-sysctl.service(8)'), doc('sysctl.d(5)'), 'DefaultDependencies=no', 'Conflicts=shutdown.target', 'After=systemd-modules-load.service', 'Before=sysinit.target shutdown.target', 'ConditionPathIsReadWrite=/proc/sys/net/']], ['Service', ['Type=oneshot', 'RemainAfterExit=yes', `ExecStart=${SD}/systemd-sysctl`, 'TimeoutSec=90s']])],
  ['systemd-tmpfiles-setup.service', unit(['Unit', ['Description=Create Volatile Files and Directories', doc('tmpfiles.d(5)'), doc('systemd-tmpfiles(8)'), 'DefaultDependencies=no', 'Conflicts=shutdown.target', 'After=local-fs.target systemd-sysusers.service systemd-journald.service', 'Before=sysinit.target shutdown.target', 'RefuseManualStop=yes']], ['Service', ['Type=oneshot', 'RemainAfterExit=yes', 'ExecStart=systemd-tmpfiles --create --remove --boot --exclude-prefix=/dev', 'SuccessExitStatus=DATAERR CANTCREAT']])],
  ['systemd-tmpfiles-clean.service', unit(['Unit', ['Description=Cleanup of Temporary Directories', doc('tmpfiles.d(5)'), doc('systemd-tmpfiles(8)'), 'DefaultDependencies=no', 'Conflicts=shutdown.target', 'After=local-fs.target time-set.target', 'Before=shutdown.target']], ['Service', ['Type=oneshot', 'ExecStart=systemd-tmpfiles --clean', 'SuccessExitStatus=DATAERR']])],
  ['systemd-tmpfiles-clean.timer', unit(['Unit', ['Description=Daily Cleanup of Temporary Directories', doc('tmpfiles.d(5)'), doc('systemd-tmpfiles(8)'), 'ConditionPathExists=!/etc/initrd-release']], ['Timer', ['OnBootSec=15min', 'OnUnitActiveSec=1d']])],
  ['systemd-udevd.service', unit(['Unit', ['Description=Rule-based Manager for Device Events and Files', doc('systemd-udevd.service(8)'), doc('udev(7)'), 'DefaultDependencies=no', 'After=systemd-sysusers.service systemd-hwdb-update.service', 'Before=sysinit.target', 'ConditionPathIsReadWrite=/sys']], ['Service', ['Type=notify', 'ExecStart=/usr/lib/systemd/systemd-udevd', 'Restart=always', 'RestartSec=0', 'KillMode=mixed', 'OOMScoreAdjust=-1000']])],
  ['systemd-udev-trigger.service', unit(['Unit', ['Description=Coldplug All udev Devices', doc('udev(7)'), doc('systemd-udevd.service(8)'), 'DefaultDependencies=no', 'Wants=systemd-udevd.service', 'After=systemd-udevd-kernel.socket systemd-udevd-control.socket', 'Before=sysinit.target', 'ConditionPathIsReadWrite=/sys']], ['Service', ['Type=oneshot', 'RemainAfterExit=yes', 'ExecStart=-udevadm trigger --type=all --action=add']])],
  ['systemd-udevd-control.socket', unit(['Unit', ['Description=udev Control Socket', doc('systemd-udevd-control.socket(8)'), doc('udev(7)'), 'DefaultDependencies=no', 'Before=sockets.target', 'ConditionPathIsReadWrite=/sys']], ['Socket', ['Service=systemd-udevd.service', 'ListenSequentialPacket=/run/udev/control', 'SocketMode=0600', 'PassCredentials=yes']])],
  ['systemd-udevd-kernel.socket', unit(['Unit', ['Description=udev Kernel Socket', doc('systemd-udevd-kernel.socket(8)'), doc('udev(7)'), 'DefaultDependencies=no', 'Before=sockets.target', 'ConditionPathIsReadWrite=/sys']], ['Socket', ['Service=systemd-udevd.service', 'ReceiveBuffer=128M', 'ListenNetlink=kobject-uevent 1', 'PassCredentials=yes']])],
  ['systemd-random-seed.service', unit(['Unit', ['Description=Load/Save Random Seed', doc('systemd-random-seed.service(8)'), doc('random(4)'), 'DefaultDependencies=no', 'RequiresMountsFor=/var/lib/systemd/random-seed', 'Conflicts=shutdown.target', 'After=systemd-remount-fs.service', 'Before=first-boot-complete.target shutdown.target']], ['Service', ['Type=oneshot', 'RemainAfterExit=yes', `ExecStart=${SD}/systemd-random-seed load`, `ExecStop=${SD}/systemd-random-seed save`]])],
  ['systemd-remount-fs.service', unit(['Unit', ['Description=Remount Root and Kernel File Systems', doc('systemd-remount-fs.service(8)'), 'DefaultDependencies=no', 'Conflicts=shutdown.target', 'After=systemd-fsck-root.service', 'Before=local-fs-pre.target local-fs.target shutdown.target', 'Wants=local-fs-pre.target', 'ConditionPathExists=/etc/fstab']], ['Service', ['Type=oneshot', 'RemainAfterExit=yes', `ExecStart=${SD}/systemd-remount-fs`]])],
  ['systemd-update-utmp.service', unit(['Unit', ['Description=Record System Boot/Shutdown in UTMP', doc('systemd-update-utmp.service(8)'), doc('utmp(5)'), 'DefaultDependencies=no', 'RequiresMountsFor=/var/log/wtmp', 'Conflicts=shutdown.target', 'After=systemd-remount-fs.service systemd-tmpfiles-setup.service auditd.service', 'Before=sysinit.target shutdown.target']], ['Service', ['Type=oneshot', 'RemainAfterExit=yes', `ExecStart=${SD}/systemd-update-utmp reboot`, `ExecStop=${SD}/systemd-update-utmp shutdown`]])],
  ['systemd-pstore.service', unit(['Unit', ['Description=Platform Persistent Storage Archival', doc('systemd-pstore(8)'), 'DefaultDependencies=no', 'Wants=modprobe@efi_pstore.service', 'After=modprobe@efi_pstore.service', 'Before=sysinit.target shutdown.target', 'Conflicts=shutdown.target', 'ConditionDirectoryNotEmpty=/sys/fs/pstore']], ['Service', ['Type=oneshot', `ExecStart=${SD}/systemd-pstore`, 'RemainAfterExit=yes', 'StateDirectory=systemd/pstore']], ['Install', ['WantedBy=sysinit.target']])],
  ['systemd-userdbd.service', unit(['Unit', ['Description=User Database Manager', doc('systemd-userdbd.service(8)'), 'Requires=systemd-userdbd.socket', 'After=systemd-userdbd.socket', 'Before=sysinit.target', 'DefaultDependencies=no']], ['Service', [`ExecStart=${SD}/systemd-userdbd`, 'Type=notify']], ['Install', ['Also=systemd-userdbd.socket']])],
  ['systemd-userdbd.socket', unit(['Unit', ['Description=User Database Manager Socket', doc('systemd-userdbd.service(8)'), 'DefaultDependencies=no', 'Before=sockets.target']], ['Socket', ['ListenStream=/run/systemd/userdb/io.systemd.Multiplexer', 'Symlinks=/run/systemd/userdb/io.systemd.NameServiceSwitch', 'SocketMode=0666']], ['Install', ['WantedBy=sockets.target']])],
  ['getty@.service', unit(['Unit', ['Description=Getty on %I', doc('agetty(8)'), doc('systemd-getty-generator(8)'), 'After=systemd-user-sessions.service plymouth-quit-wait.service getty-pre.target', 'After=rc-local.service', 'Before=getty.target', 'IgnoreOnIsolate=yes', 'Conflicts=rescue.service', 'Before=rescue.service', 'ConditionPathExists=/dev/tty0']], ['Service', ["ExecStart=-/sbin/agetty -o '-p -- \\\\u' --noclear - $TERM", 'Type=idle', 'Restart=always', 'RestartSec=0', 'UtmpIdentifier=%I', 'StandardInput=tty', 'StandardOutput=tty', 'TTYPath=/dev/%I', 'TTYReset=yes', 'TTYVHangup=yes', 'TTYVTDisallocate=yes', 'KillMode=process', 'IgnoreSIGPIPE=no', 'SendSIGHUP=yes']], ['Install', ['WantedBy=getty.target', 'DefaultInstance=tty1']])],
  ['serial-getty@.service', unit(['Unit', ['Description=Serial Getty on %I', doc('agetty(8)'), doc('systemd-getty-generator(8)'), 'BindsTo=dev-%i.device', 'After=dev-%i.device systemd-user-sessions.service plymouth-quit-wait.service getty-pre.target', 'After=rc-local.service', 'Before=getty.target', 'IgnoreOnIsolate=yes', 'Conflicts=rescue.service', 'Before=rescue.service']], ['Service', ["ExecStart=-/sbin/agetty -o '-p -- \\\\u' --keep-baud 115200,57600,38400,9600 - $TERM", 'Type=idle', 'Restart=always', 'UtmpIdentifier=%I', 'StandardInput=tty', 'StandardOutput=tty', 'TTYPath=/dev/%I', 'TTYReset=yes', 'TTYVHangup=yes', 'IgnoreSIGPIPE=no', 'SendSIGHUP=yes']], ['Install', ['WantedBy=getty.target']])],
  ['console-getty.service', unit(['Unit', ['Description=Console Getty', doc('agetty(8)'), 'After=systemd-user-sessions.service plymouth-quit-wait.service', 'After=rc-local.service getty-pre.target', 'Before=getty.target']], ['Service', ["ExecStart=-/sbin/agetty -o '-p -- \\\\u' --noclear --keep-baud - 115200,38400,9600 $TERM", 'Type=idle', 'Restart=always', 'UtmpIdentifier=cons', 'StandardInput=tty', 'StandardOutput=tty', 'TTYPath=/dev/console', 'TTYReset=yes', 'TTYVHangup=yes', 'KillMode=process', 'IgnoreSIGPIPE=no', 'SendSIGHUP=yes']], ['Install', ['WantedBy=getty.target']])],
  ['debug-shell.service', unit(['Unit', ['Description=Early root shell on /dev/tty9 FOR DEBUGGING ONLY', doc('systemd-debug-generator(8)'), 'DefaultDependencies=no', 'IgnoreOnIsolate=yes', 'ConditionPathExists=/dev/tty0']], ['Service', ['Environment=TERM=linux', 'ExecStart=/bin/bash', 'Restart=always', 'RestartSec=0', 'StandardInput=tty', 'TTYPath=/dev/tty9', 'TTYReset=yes', 'TTYVHangup=yes', 'KillMode=process', 'IgnoreSIGPIPE=no', 'SendSIGHUP=yes']], ['Install', ['WantedBy=sysinit.target']])],
];

/** Symlinks the systemd package installs in /usr/lib/systemd/system (relative, as meson makes them). */
export const CORE_LINKS: [string, string][] = [
  ['default.target', 'multi-user.target'],
  ['ctrl-alt-del.target', 'reboot.target'],
  ['runlevel0.target', 'poweroff.target'],
  ['runlevel1.target', 'rescue.target'],
  ['runlevel2.target', 'multi-user.target'],
  ['runlevel3.target', 'multi-user.target'],
  ['runlevel4.target', 'multi-user.target'],
  ['runlevel5.target', 'graphical.target'],
  ['runlevel6.target', 'reboot.target'],
  ['autovt@.service', 'getty@.service'],
  ['dbus-org.freedesktop.hostname1.service', 'systemd-hostnamed.service'],
  ['dbus-org.freedesktop.timedate1.service', 'systemd-timedated.service'],
  ['dbus-org.freedesktop.locale1.service', 'systemd-localed.service'],
  ['dbus-org.freedesktop.login1.service', 'systemd-logind.service'],
  ['local-fs.target.wants/tmp.mount', '../tmp.mount'],
  ['multi-user.target.wants/getty.target', '../getty.target'],
  ['multi-user.target.wants/systemd-logind.service', '../systemd-logind.service'],
  ['multi-user.target.wants/systemd-user-sessions.service', '../systemd-user-sessions.service'],
  ['sockets.target.wants/systemd-journald.socket', '../systemd-journald.socket'],
  ['sockets.target.wants/systemd-journald-dev-log.socket', '../systemd-journald-dev-log.socket'],
  ['sockets.target.wants/systemd-udevd-control.socket', '../systemd-udevd-control.socket'],
  ['sockets.target.wants/systemd-udevd-kernel.socket', '../systemd-udevd-kernel.socket'],
  ['sysinit.target.wants/systemd-journald.service', '../systemd-journald.service'],
  ['sysinit.target.wants/systemd-journal-flush.service', '../systemd-journal-flush.service'],
  ['sysinit.target.wants/systemd-sysctl.service', '../systemd-sysctl.service'],
  ['sysinit.target.wants/systemd-tmpfiles-setup.service', '../systemd-tmpfiles-setup.service'],
  ['sysinit.target.wants/systemd-udevd.service', '../systemd-udevd.service'],
  ['sysinit.target.wants/systemd-udev-trigger.service', '../systemd-udev-trigger.service'],
  ['sysinit.target.wants/systemd-random-seed.service', '../systemd-random-seed.service'],
  ['sysinit.target.wants/systemd-update-utmp.service', '../systemd-update-utmp.service'],
  ['timers.target.wants/systemd-tmpfiles-clean.timer', '../systemd-tmpfiles-clean.timer'],
];

/** The upstream preset policy (presets/90-systemd.preset in systemd 253), without its comments. */
export const PRESET_90_SYSTEMD = `enable remote-fs.target
enable remote-cryptsetup.target
enable machines.target

enable getty@.service
enable systemd-timesyncd.service
enable systemd-networkd.service
enable systemd-network-generator.service
enable systemd-resolved.service
enable systemd-homed.service
enable systemd-userdbd.socket
enable systemd-pstore.service
enable systemd-boot-update.service
enable systemd-journald-audit.socket

disable console-getty.service
disable debug-shell.service

disable halt.target
disable kexec.target
disable poweroff.target
enable reboot.target
disable rescue.target
disable exit.target

disable systemd-networkd-wait-online.service
disable systemd-time-wait-sync.service
disable systemd-boot-check-no-failures.service
disable proc-sys-fs-binfmt_misc.mount

disable syslog.socket

disable systemd-journal-gatewayd.*
disable systemd-journal-remote.*
disable systemd-journal-upload.*
`;
