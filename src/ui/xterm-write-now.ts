// xterm.js parses what is written in a task of its own (a timer), so that many writes in a row
// make one parse; the first write after a key press it parses at once, so that an echo is not a
// task late. writeNow() sends a write down that second path: parsed in the task that writes it.
// The console's first screen goes this way: parsed a task later, it missed the frame that
// followed the terminal's opening and showed one frame (about 16 ms) later. The write buffer is
// xterm.js's own (not public API): where it is not found this is term.write, parsed a task later.
import type { Terminal } from '@xterm/xterm';

interface WriteBufferLike {
  handleUserInput(): void;
}

export function writeNow(term: Terminal, data: string, parsed: () => void): void {
  const buffer = (term as unknown as { _core?: { _writeBuffer?: WriteBufferLike } })._core?._writeBuffer;
  if (typeof buffer?.handleUserInput === 'function') buffer.handleUserInput();
  term.write(data, parsed);
}
