// xterm.js's DOM renderer measures each character the first time it draws it, forcing a
// layout each time (about 0.5 ms on a 2-core machine). The boot log has some 130 distinct
// characters and weights, so its first frame spent 60-90 ms measuring. Our fonts are all
// monospace, where every printable ASCII character has the advance of 'W': this measures 'W'
// once in regular and once in bold and fills the renderer's cache for the rest. Other
// characters are still measured as they come. The cache is xterm.js's own (not public API):
// if it is not where this expects it, nothing is filled and the renderer measures as before.
import type { Terminal } from '@xterm/xterm';

interface WidthCacheLike {
  get(c: string, bold: boolean, italic: boolean): number;
  clear(): void;
  _flat?: Float32Array;
  _holey?: Map<string, number>;
}

const FIRST = 0x20;
const LAST = 0x7e;

function widthCache(term: Terminal): WidthCacheLike | undefined {
  const core = (term as unknown as { _core?: { _renderService?: { _renderer?: { value?: { _widthCache?: WidthCacheLike } } } } })._core;
  const cache = core?._renderService?._renderer?.value?._widthCache;
  if (!cache || typeof cache.get !== 'function' || !(cache._flat instanceof Float32Array) || !(cache._holey instanceof Map)) return undefined;
  return cache;
}

/**
 * Fills the width cache for printable ASCII, and again whenever the renderer clears it (a new
 * font or size); returns how many entries it filled.
 */
export function warmGlyphWidths(term: Terminal): number {
  const cache = widthCache(term);
  if (!cache) return 0;
  const clear = cache.clear.bind(cache);
  cache.clear = () => {
    clear();
    fill(cache);
  };
  return fill(cache);
}

function fill(cache: WidthCacheLike): number {
  try {
    const regular = cache.get('W', false, false);
    const bold = cache.get('W', true, false);
    if (!(regular > 0) || !(bold > 0) || cache._flat!.length <= LAST) return 0;
    let filled = 0;
    for (let c = FIRST; c <= LAST; c++) {
      cache._flat![c] = regular;
      cache._holey!.set(`${String.fromCharCode(c)}B`, bold);
      filled += 2;
    }
    return filled;
  } catch {
    return 0;
  }
}
