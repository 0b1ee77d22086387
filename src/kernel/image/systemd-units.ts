// Lays the systemd unit tree of a fresh Photon OS 5.0 minimal install into the image: vendor
// unit files and their static links in /usr/lib/systemd/system, the preset files, and the
// enablement links in /etc/systemd/system that installing the packages left behind.
import type { ImageWriter } from './build';
import { CORE_LINKS, CORE_UNITS, PRESET_90_SYSTEMD } from './systemd-units-core';
import { ENABLED_LINKS, PHOTON_PRESETS, PHOTON_UNITS } from './systemd-units-photon';

const VENDOR = '/usr/lib/systemd/system';
const CONFIG = '/etc/systemd/system';

/** The .wants directories the systemd package owns in /etc (they exist even when empty). */
const CONFIG_DIRS = [
  'basic.target.wants', 'bluetooth.target.wants', 'default.target.wants', 'getty.target.wants', 'graphical.target.wants',
  'local-fs.target.wants', 'machines.target.wants', 'multi-user.target.wants', 'network-online.target.wants',
  'printer.target.wants', 'remote-fs.target.wants', 'sockets.target.wants', 'sysinit.target.wants',
  'system-update.target.wants', 'timers.target.wants',
];

export function buildSystemdUnits(w: ImageWriter): void {
  for (const dir of ['/usr/lib/systemd/system-preset', '/usr/lib/systemd/user', '/etc/systemd/user', '/etc/systemd/system-preset']) w.dir(dir);
  for (const [name, text] of [...CORE_UNITS, ...PHOTON_UNITS]) w.file(`${VENDOR}/${name}`, text);
  for (const [name, target] of CORE_LINKS) {
    const slash = name.lastIndexOf('/');
    if (slash >= 0) w.dir(`${VENDOR}/${name.slice(0, slash)}`);
    w.symlink(`${VENDOR}/${name}`, target);
  }
  w.file('/usr/lib/systemd/system-preset/90-systemd.preset', PRESET_90_SYSTEMD);
  for (const [name, text] of PHOTON_PRESETS) w.file(`/usr/lib/systemd/system-preset/${name}`, text);
  for (const dir of CONFIG_DIRS) w.dir(`${CONFIG}/${dir}`);
  for (const [link, unitName] of ENABLED_LINKS) {
    const slash = link.lastIndexOf('/');
    if (slash >= 0) w.dir(`${CONFIG}/${link.slice(0, slash)}`);
    w.symlink(`${CONFIG}/${link}`, `${VENDOR}/${unitName}`);
  }
}
