// busybox 1.36.1 as alpine and the busybox image ship it (see multicall.ts).
import { BUSYBOX_APPLETS } from './applets';
import { multicall } from './multicall';

async function builtOn(ctx: { sys: { stat(path: string): Promise<unknown> } }): Promise<string> {
  // alpine builds its own busybox; the busybox image's comes from the official build
  try {
    await ctx.sys.stat('/etc/alpine-release');
    return '2024-06-10 07:11:47 UTC';
  } catch {
    return '2023-05-18 22:34:17 UTC';
  }
}

export default multicall({
  name: 'busybox',
  installPath: '/usr/bin/busybox',
  applets: BUSYBOX_APPLETS,
  version: 'BusyBox v1.36.1',
  unknown: (applet) => `${applet}: applet not found`,
  shellPrompt: '\\w \\$ ',
  async usage(ctx) {
    const names = [...BUSYBOX_APPLETS].sort();
    const lines: string[] = [];
    let line = '';
    for (const n of names) {
      const next = line ? `${line}, ${n}` : n;
      if (next.length > 70) {
        lines.push(`\t${line},`);
        line = n;
      } else line = next;
    }
    if (line) lines.push(`\t${line}`);
    return `BusyBox v1.36.1 (${await builtOn(ctx)}) multi-call binary.
BusyBox is free software under the GNU GPL version 2; see its source for the authors.

Usage: busybox [function [arguments]...]
   or: busybox --list
   or: function [arguments]...

\tBusyBox packs many common UNIX tools into one program. Run a tool as
\t'busybox TOOL ARGS', or through a link named after the tool.

Currently defined functions:
${lines.join('\n')}

`;
  },
});
