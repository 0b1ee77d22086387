// The console: xterm.js connected to the machine, made by the page entry before anything else
// of the page (main.ts), so the boot log and the first prompt do not wait for the rest of the
// page's code; Terminal.svelte then takes its element into the page's layout. Until then the
// element sits where that layout will put it (main.ts places it), so taking it changes nothing
// on screen.
//
// Copy and paste as in a desktop terminal: Ctrl+Shift+C / Ctrl+Insert copy, Ctrl+Shift+V /
// Shift+Insert paste (the browser's own paste event, which xterm.js turns into input), Ctrl+C
// copies when text is selected and is ^C otherwise. Safe with what programs print: links open
// only for http(s) addresses (terminal-links.ts), clipboard writes (OSC 52) are ignored, and
// xterm.js keeps within the page's Content-Security-Policy (xterm-csp.ts).
import { Terminal, type ILogger } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import './console.css';
import type { BootInfo, Result } from '../shared/api';
import { FONT_FAMILY, FONT_SIZE, THEME, estimateGrid } from './console-look';
import { connect, type MachineApi } from './machine-client';
import { oscLinkHandler, openWebLink } from './terminal-links';
import { openTerminal } from './xterm-csp';
import { warmGlyphWidths } from './glyph-warmup';
import { skipUnchangedRows } from './xterm-row-cache';
import { watchWorker } from './watchdog';

export interface ConsoleHandle {
  term: Terminal;
  api: MachineApi;
  /** the element holding the terminal (Terminal.svelte moves it into its box) */
  element: HTMLDivElement;
  /** Resolves once the machine has booted (or failed to). */
  booted: Promise<Result<BootInfo>>;
  /** Tells `listener` whether the machine's worker has gone silent (now, and on every change). */
  onStuck(listener: (stuck: boolean) => void): void;
  dispose(): void;
}

// Binary output (`cat /dev/urandom`) is full of bytes no escape sequence expects; a terminal
// ignores them quietly, where xterm.js would log an error for each one.
/** How long the terminal waits for the machine's first screen before it takes the focus anyway. */
const FOCUS_ANYWAY_MS = 500;

const logger: ILogger = {
  trace: () => {},
  debug: () => {},
  info: (message, ...args: unknown[]) => console.info(message, ...args),
  warn: (message, ...args: unknown[]) => console.warn(message, ...args),
  error: (message, ...args: unknown[]) => {
    if (typeof message === 'string' && message.startsWith('Parsing error')) return;
    console.error(message, ...args);
  },
};

async function copyText(text: string, term: Terminal): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // no async clipboard (insecure origin, no permission): a hidden textarea and execCommand
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    document.execCommand('copy');
    ta.remove();
    term.focus();
  }
}

/** Returns false for keys the terminal must not turn into input. */
function clipboardKeys(term: Terminal, ev: KeyboardEvent): boolean {
  const ctrlShift = ev.ctrlKey && ev.shiftKey && !ev.altKey && !ev.metaKey;
  const ctrlOnly = ev.ctrlKey && !ev.shiftKey && !ev.altKey && !ev.metaKey;
  const shiftOnly = ev.shiftKey && !ev.ctrlKey && !ev.altKey && !ev.metaKey;
  const copy = (ctrlShift && ev.code === 'KeyC') || (ctrlOnly && ev.code === 'Insert');
  const paste = (ctrlShift && ev.code === 'KeyV') || (shiftOnly && ev.code === 'Insert');
  if (copy) {
    if (ev.type === 'keydown') {
      ev.preventDefault(); // Ctrl+Shift+C would open the browser's element inspector
      if (term.hasSelection()) void copyText(term.getSelection(), term);
    }
    return false;
  }
  // Let the browser run its paste command: it fires a paste event on xterm's textarea,
  // which xterm.js handles (bracketed paste included) without asking for clipboard access.
  if (paste) return false;
  if (ctrlOnly && ev.code === 'KeyC' && term.hasSelection()) {
    if (ev.type === 'keydown') {
      ev.preventDefault();
      void copyText(term.getSelection(), term);
      term.clearSelection();
    }
    return false;
  }
  return true;
}

/** Opens the console in a new element appended to `parent`, styled by `place` until it is moved. */
export function openConsole(parent: HTMLElement, place: Partial<CSSStyleDeclaration> = {}): ConsoleHandle {
  const element = document.createElement('div');
  element.className = 'photon-console';
  Object.assign(element.style, place);
  parent.append(element);
  // Start at the estimated size the machine booted at, so fitting is usually a no-op.
  const term = new Terminal({
    ...(globalThis.__photonEarly?.size ?? estimateGrid()),
    allowProposedApi: true, // the unicode11 addon uses term.unicode
    fontFamily: FONT_FAMILY,
    fontSize: FONT_SIZE,
    // Blinking is done below: xterm.js's CSS blink animation keeps Chromium producing frames,
    // and Chromium defers other tasks after a key press until the next frame
    // (DeferRendererTasksAfterInput), which would delay every echo from the worker by up to a
    // frame. A class toggled twice a second costs a frame only at each toggle.
    cursorBlink: false,
    scrollback: 5000,
    theme: THEME,
    // OSC 8 hyperlinks: http(s) only, confirmed, opened without opener or referrer
    linkHandler: oscLinkHandler(),
    logger,
  });
  // OSC 52 (a program setting the clipboard) is not for programs in the machine: xterm.js
  // core has no handler for it, and this one makes sure it stays ignored
  term.parser.registerOscHandler(52, () => true);
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.attachCustomKeyEventHandler((ev) => clipboardKeys(term, ev));
  performance.mark('photon:term-created');
  openTerminal(term, element);
  // full-screen programs redraw two rows per key, not the whole screen (xterm-row-cache.ts)
  skipUnchangedRows(term);
  fit.fit();
  warmGlyphWidths(term);
  performance.mark('photon:term-open');

  let disposed = false;
  const link = connect(term);
  window.__photon = { term, api: link.api };
  let stuck = false;
  const stuckListeners = new Set<(stuck: boolean) => void>();
  const unwatch = watchWorker(link.worker, (s) => {
    stuck = s;
    for (const l of stuckListeners) l(s);
  });
  void link.booted.then((r) => {
    if (!disposed && !r.ok) term.write(`\r\n\x1b[1;31mThe machine failed to boot: ${r.error}\x1b[0m\r\n`);
  });

  // Addons the boot log does not need load once the page has settled, off the critical
  // path (web links, and Unicode 11 widths for emoji and CJK in later output).
  const addons = setTimeout(() => {
    void Promise.all([import('@xterm/addon-web-links'), import('@xterm/addon-unicode11')]).then(([links, unicode]) => {
      if (disposed) return;
      term.loadAddon(new links.WebLinksAddon((_event, uri) => void openWebLink(uri)));
      term.loadAddon(new unicode.Unicode11Addon());
      term.unicode.activeVersion = '11';
    });
  }, 1000);

  // The cursor shows solid after any output (an echo, say) and blinks while all is quiet.
  let blink: ReturnType<typeof setInterval> | undefined;
  const restartBlink = (): void => {
    element.classList.remove('cursor-hidden');
    clearInterval(blink);
    blink = setInterval(() => element.classList.toggle('cursor-hidden'), 530);
  };
  restartBlink();
  const written = term.onWriteParsed(restartBlink);

  // Fit once per frame at most while the window is being resized (or the element moves).
  let frame = 0;
  const observer = new ResizeObserver(() => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      fit.fit();
    });
  });
  observer.observe(element);
  // Focused once the frame that shows the first screen has been drawn: focusing lays the
  // terminal out again (some milliseconds), which, run between the first screen's parse and
  // that frame, held up the prompt's showing by as much. A machine that sends nothing for a
  // while still gets a focused terminal.
  let focus = setTimeout(() => term.focus(), FOCUS_ANYWAY_MS);
  void link.firstShown.then(() =>
    requestAnimationFrame(() => {
      if (disposed) return;
      clearTimeout(focus);
      focus = setTimeout(() => term.focus(), 0);
    }),
  );

  return {
    term,
    api: link.api,
    element,
    booted: link.booted,
    onStuck(listener) {
      stuckListeners.add(listener);
      listener(stuck);
    },
    dispose() {
      disposed = true;
      unwatch();
      clearTimeout(addons);
      clearTimeout(focus);
      clearInterval(blink);
      written.dispose();
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
      link.dispose();
      term.dispose();
      element.remove();
      delete window.__photon;
    },
  };
}
