// How the console looks: font, palette and the page's fixed layout around the terminal.
// Kept apart from console.ts so the page entry can estimate the terminal's size (and
// boot the machine at that size) before xterm.js has even loaded.
import type { ITheme } from '@xterm/xterm';
import { loadPanelLayout, panelSpace, type PanelLayout } from './panel-layout';

export const FONT_FAMILY = "'DejaVu Sans Mono', 'Liberation Mono', 'Cascadia Mono', Menlo, Consolas, 'Courier New', monospace";
export const FONT_SIZE = 15;

/** Height of App.svelte's title bar (4 + 18 + 4 px and a 1 px border) and the screen's padding. */
export const TITLE_BAR_PX = 27;
export const SCREEN_PADDING = { top: 4, left: 6 };
/** xterm.js's scrollbar, which the fit addon leaves out of the grid. */
const SCROLLBAR_PX = 14;

// The Linux VGA console palette, which is what Photon's tty1 shows.
export const THEME: ITheme = {
  background: '#000000',
  foreground: '#aaaaaa',
  cursor: '#aaaaaa',
  cursorAccent: '#000000',
  selectionBackground: '#4d4d4d',
  black: '#000000',
  red: '#aa0000',
  green: '#00aa00',
  yellow: '#aa5500',
  blue: '#0000aa',
  magenta: '#aa00aa',
  cyan: '#00aaaa',
  white: '#aaaaaa',
  brightBlack: '#555555',
  brightRed: '#ff5555',
  brightGreen: '#55ff55',
  brightYellow: '#ffff55',
  brightBlue: '#5555ff',
  brightMagenta: '#ff55ff',
  brightCyan: '#55ffff',
  brightWhite: '#ffffff',
};

/**
 * The grid the terminal will most likely get, from the window size and the font's metrics.
 * Only a first guess so the machine can boot in parallel: the terminal sends its real size
 * once xterm.js has measured it (a no-op when the guess was right). Without `measure`, the
 * font's usual proportions stand in for its metrics.
 */
export function estimateGrid(measure = true, panel: PanelLayout = loadPanelLayout()): { cols: number; rows: number } {
  let cellW = FONT_SIZE * 0.602; // DejaVu Sans Mono: 1233/2048 em
  let cellH = Math.ceil(FONT_SIZE * 1.17);
  const ctx = measure ? document.createElement('canvas').getContext('2d') : null;
  if (ctx) {
    ctx.font = `${FONT_SIZE}px ${FONT_FAMILY}`;
    const m = ctx.measureText('W');
    if (m.width > 0) cellW = m.width;
    const h = m.fontBoundingBoxAscent + m.fontBoundingBoxDescent;
    if (h > 0) cellH = Math.ceil(h);
  }
  // the lesson panel's space is known before it loads (panel-layout.ts)
  const width = window.innerWidth - panelSpace(panel, window.innerWidth) - SCREEN_PADDING.left - SCROLLBAR_PX;
  const height = window.innerHeight - TITLE_BAR_PX - SCREEN_PADDING.top;
  return { cols: Math.max(2, Math.floor(width / cellW)), rows: Math.max(1, Math.floor(height / cellH)) };
}
