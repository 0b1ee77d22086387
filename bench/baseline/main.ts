// The benchmark's baseline: a page that only loads xterm.js and writes the prompt at load.
// The app's navigation-to-prompt time is compared with this page's, measured in the same run.
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';

const term = new Terminal({
  fontFamily: "'DejaVu Sans Mono', 'Liberation Mono', Menlo, Consolas, monospace",
  fontSize: 15,
  theme: { background: '#000000', foreground: '#aaaaaa' },
});
term.open(document.getElementById('term')!);
term.write('\x1b[1;31mroot@photon-machine [ \x1b[0m~\x1b[1;31m ]# \x1b[0m');
(window as unknown as { __photon: { term: Terminal } }).__photon = { term };
