// The daemons of a default Photon box that run here without inner workings yet: each logs what
// the real one logs at start and then waits for signals. (dockerd is in programs/docker;
// systemd-networkd and systemd-resolved live in programs/network.)
import { isSysError } from '../../shared/errno';
import { defineProgram, type Program } from '../define';
import { notifyReady, runDaemon } from './daemon';

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
export const timesyncd = daemon('systemd-timesyncd', '/usr/lib/systemd/systemd-timesyncd', 'systemd', ['Network configuration changed, trying to establish connection.']);
export const udevd = daemon('systemd-udevd', '/usr/lib/systemd/systemd-udevd', 'systemd-udev', []);
export const dbus = daemon('dbus-daemon', '/usr/bin/dbus-daemon', 'dbus', ['[system] Successfully activated service \'org.freedesktop.systemd1\'']);
export const agetty = daemon('agetty', '/usr/sbin/agetty', 'util-linux', []);
export const vmtoolsd = daemon('vmtoolsd', '/usr/bin/vmtoolsd', 'open-vm-tools', []);
export const vgauth = daemon('VGAuthService', '/usr/bin/VGAuthService', 'open-vm-tools', []);
export const containerd = daemon('containerd', '/usr/bin/containerd', 'containerd', ['starting containerd', 'containerd successfully booted']);

/** How long systemd's bus-activated services (hostnamed, localed, timedated) stay up unused. */
const IDLE_EXIT_MS = 30_000;

/**
 * A daemon D-Bus starts on demand: it says it is ready, and after 30 s without a request it
 * exits on its own (the unit then shows "Deactivated successfully"); SIGTERM ends it sooner.
 */
function onDemand(name: string, installPath: string): Program {
  return defineProgram({
    name,
    installPath,
    pkg: 'systemd',
    async main(ctx) {
      await notifyReady(ctx);
      try {
        await ctx.sys.sleep(IDLE_EXIT_MS);
      } catch (e) {
        if (!isSysError(e) || e.errno !== 'EINTR') throw e;
      }
      return 0;
    },
  });
}

export const hostnamed = onDemand('systemd-hostnamed', '/usr/lib/systemd/systemd-hostnamed');
export const localed = onDemand('systemd-localed', '/usr/lib/systemd/systemd-localed');
export const timedated = onDemand('systemd-timedated', '/usr/lib/systemd/systemd-timedated');
export const userdbd = daemon('systemd-userdbd', '/usr/lib/systemd/systemd-userdbd', 'systemd', []);
