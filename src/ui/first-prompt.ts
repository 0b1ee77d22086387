// The console's first prompt on the screen: what the rest of the page waits for, so that
// nothing competes with the boot log and the prompt (the page's own mount, the lesson panel).
import type { Terminal } from '@xterm/xterm';

/** Does the screen show a shell prompt on or above the cursor's line? */
export function showsPrompt(term: Terminal): boolean {
  const b = term.buffer.active;
  for (let y = 0; y <= b.cursorY; y++) if (/\] ?[#$] /.test(b.getLine(b.baseY + y)?.translateToString() ?? '')) return true;
  return false;
}

/**
 * Calls `fn` once, in a task after the frame that paints the first prompt (the frame after
 * it has begun); after `fallbackMs` at the latest (a console that never prompts still gets
 * its page).
 */
export function afterFirstPrompt(term: Terminal, fn: () => void, fallbackMs = 3000): void {
  let done = false;
  const go = (): void => {
    if (done) return;
    done = true;
    sub.dispose();
    clearTimeout(fallback);
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(fn, 0)));
  };
  const sub = term.onWriteParsed(() => {
    if (showsPrompt(term)) go();
  });
  const fallback = setTimeout(go, fallbackMs);
  if (showsPrompt(term)) go();
}
