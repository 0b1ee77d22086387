// toybox 0.8.9 as Photon OS's container image ships it (see multicall.ts).
import { TOYBOX_APPLETS } from './applets';
import { multicall } from './multicall';

export default multicall({
  name: 'toybox',
  installPath: '/usr/bin/toybox',
  applets: TOYBOX_APPLETS,
  version: 'toybox 0.8.9',
  unknown: (applet) => `toybox: Unknown command ${applet} (see toybox --help)`,
  usage() {
    const names = [...TOYBOX_APPLETS].sort();
    const lines: string[] = [];
    let line = '';
    for (const n of names) {
      const next = line ? `${line} ${n}` : n;
      if (next.length > 78) {
        lines.push(line);
        line = n;
      } else line = next;
    }
    if (line) lines.push(line);
    return `${lines.join('\n')}\n`;
  },
});
