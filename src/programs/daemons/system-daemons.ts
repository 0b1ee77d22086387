// The daemons of a default Photon box that run here without inner workings yet: each logs what
// the real one logs at start and then waits for signals. (networkd, resolved and docker gain
// behaviour in later work; they keep these entry points.)
import { defineProgram, type Program } from '../define';
import { runDaemon } from './daemon';

function daemon(name: string, installPath: string, pkg: string, startup: string[], shutdown?: string[]): Program {
  return defineProgram({
    name,
    installPath,
    pkg,
    async main(ctx) {
      return runDaemon(ctx, { startup, ...(shutdown ? { shutdown } : {}) });
    },
  });
}

export const journald = daemon('systemd-journald', '/usr/lib/systemd/systemd-journald', 'systemd', []);
export const logind = daemon('systemd-logind', '/usr/lib/systemd/systemd-logind', 'systemd', ['New seat seat0.', 'Watching system buttons on /dev/input/event0 (Power Button)']);
export const networkd = daemon('systemd-networkd', '/usr/lib/systemd/systemd-networkd', 'systemd', ['lo: Link UP', 'lo: Gained carrier', 'eth0: Link UP', 'eth0: Gained carrier', 'eth0: DHCPv4 address 192.168.1.50/24, gateway 192.168.1.1 acquired from 192.168.1.1']);
export const resolved = daemon('systemd-resolved', '/usr/lib/systemd/systemd-resolved', 'systemd', ['Positive Trust Anchors:', '. IN DS 20326 8 2 e06d44b80b8f1d39a95c0b0d7c65d08458e880409bbc683457104237c7f8ec8d', 'Using system hostname \'photon-machine\'.']);
export const timesyncd = daemon('systemd-timesyncd', '/usr/lib/systemd/systemd-timesyncd', 'systemd', ['Network configuration changed, trying to establish connection.']);
export const udevd = daemon('systemd-udevd', '/usr/lib/systemd/systemd-udevd', 'systemd-udev', []);
export const dbus = daemon('dbus-daemon', '/usr/bin/dbus-daemon', 'dbus', ['[system] Successfully activated service \'org.freedesktop.systemd1\'']);
export const agetty = daemon('agetty', '/usr/sbin/agetty', 'util-linux', []);
export const vmtoolsd = daemon('vmtoolsd', '/usr/bin/vmtoolsd', 'open-vm-tools', []);
export const vgauth = daemon('VGAuthService', '/usr/bin/VGAuthService', 'open-vm-tools', []);
export const containerd = daemon('containerd', '/usr/bin/containerd', 'containerd', ['starting containerd', 'containerd successfully booted']);
export const dockerd = daemon('dockerd', '/usr/bin/dockerd', 'docker-engine', ['Starting up', 'Loading containers: start.', 'Loading containers: done.', 'Daemon has completed initialization', 'API listen on /run/docker.sock']);
