// What the page tells a new machine worker before any message can reach it: the options travel
// in the worker's name (`photon-machine {"cols":…}`), read by the worker's entry
// (src/kernel/worker.ts, earlyBootFrom), so the machine boots as soon as its code runs. Shared by
// the page entry and the inline script that starts the worker from index.html (early-boot.ts).

/** Set once a machine was saved in this browser: the worker then looks for it before booting. */
export const SAVED_KEY = 'photon.saved';

export function hasSaved(): boolean {
  try {
    return window.localStorage.getItem(SAVED_KEY) === '1';
  } catch {
    return false;
  }
}

/** The worker's name, which carries the boot options (`resume` read from localStorage unless given). */
export function bootName(size: { cols: number; rows: number }, resume = hasSaved()): string {
  return `photon-machine ${JSON.stringify({ cols: size.cols, rows: size.rows, start: Date.now(), resume })}`;
}

/** A worker the inline script in index.html started, with the size it booted at. */
export interface EarlyWorker {
  worker: Worker;
  size: { cols: number; rows: number };
  /**
   * First screens the worker posted before the page entry listened (a message nobody listens to
   * is lost); `show`, once the page entry sets it, takes those that come later.
   */
  screens: string[];
  show?: (text: string) => void;
}
