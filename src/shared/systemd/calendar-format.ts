// Printing one component chain of a calendar spec (_format_chain in src/shared/calendarspec.c):
// "2024", "01..12/3", "*", seconds with six decimals when they have a fraction.

/** One "start[..stop][/repeat]" element; stop -1 when there is none. */
export interface Component {
  start: number;
  stop: number;
  repeat: number;
}

const USEC_PER_SEC = 1_000_000;

function chainIsStar(chain: Component[] | null, usec: boolean): boolean {
  if (!chain || chain.length === 0) return true;
  return usec && chain.some((c) => c.start === 0 && c.stop < 0 && c.repeat === USEC_PER_SEC);
}

function num(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function formatChain(width: number, chain: Component[] | null, usec: boolean): string {
  if (chainIsStar(chain, usec)) return '*';
  const d = usec ? USEC_PER_SEC : 1;
  const parts: string[] = [];
  for (const c of chain!) {
    let s = num(Math.floor(c.start / d), width);
    if (c.start % d > 0) s += `.${num(c.start % d, 6)}`;
    if (c.stop > 0) s += `..${num(Math.floor(c.stop / d), width)}`;
    if (c.stop > 0 && c.stop % d > 0) s += `.${num(c.stop % d, 6)}`;
    if (c.repeat > 0 && !(c.stop > 0 && c.repeat === d)) s += `/${Math.floor(c.repeat / d)}`;
    if (c.repeat % d > 0) s += `.${num(c.repeat % d, 6)}`;
    parts.push(s);
  }
  return parts.join(',');
}
