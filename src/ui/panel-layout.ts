// Where the lesson panel sits beside the terminal: its width and whether it is collapsed,
// remembered in localStorage. Read synchronously before the first paint (by estimateGrid and
// App.svelte) so the terminal gets its final width from the first frame: the panel's code
// loads later, but the space it takes never changes under the first prompt.

const KEY = 'photon.panel';

/** The drag handle between the terminal and the panel. */
export const HANDLE_PX = 6;
export const MIN_PANEL_PX = 260;
const DEFAULT_PANEL_PX = 400;
/** The terminal keeps at least this much of the window. */
const MIN_TERMINAL_PX = 320;
/** Below this window width the panel starts collapsed (unless the learner opened it). */
const NARROW_WINDOW_PX = 760;

export interface PanelLayout {
  width: number;
  collapsed: boolean;
}

/** The layout of a browser that has remembered none (read without touching localStorage). */
export function defaultPanelLayout(): PanelLayout {
  return { width: DEFAULT_PANEL_PX, collapsed: window.innerWidth < NARROW_WINDOW_PX };
}

export function loadPanelLayout(): PanelLayout {
  const fallback = defaultPanelLayout();
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return fallback;
    const o = JSON.parse(raw) as unknown;
    if (typeof o !== 'object' || o === null) return fallback;
    const r = o as Record<string, unknown>;
    return {
      width: typeof r.width === 'number' && Number.isFinite(r.width) ? r.width : fallback.width,
      collapsed: typeof r.collapsed === 'boolean' ? r.collapsed : fallback.collapsed,
    };
  } catch {
    return fallback; // storage disabled or a broken value
  }
}

export function savePanelLayout(layout: PanelLayout): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify({ width: Math.round(layout.width), collapsed: layout.collapsed }));
  } catch {
    // storage full or disabled: the layout is simply not remembered
  }
}

/** The widest the panel may be in a window this wide. */
export function maxPanelWidth(windowWidth: number): number {
  return Math.max(MIN_PANEL_PX, windowWidth - MIN_TERMINAL_PX - HANDLE_PX);
}

/** The width the panel really gets: the wanted width, kept within the window. */
export function clampPanelWidth(width: number, windowWidth: number): number {
  return Math.round(Math.min(maxPanelWidth(windowWidth), Math.max(MIN_PANEL_PX, width)));
}

/** Pixels the panel and its handle take from the terminal's row (0 when collapsed). */
export function panelSpace(layout: PanelLayout, windowWidth: number): number {
  return layout.collapsed ? 0 : clampPanelWidth(layout.width, windowWidth) + HANDLE_PX;
}
