// The zone timedatectl reports: the name /etc/localtime links to, and what that zone says
// of an instant (from shared/time-zones.ts, the one source of named-zone offsets).
import { zoneAt } from '../../../shared/time-zones';
import type { Ctx } from '../../lib/context';

/** The zone name /etc/localtime points into zoneinfo for, or undefined (no link, or not into zoneinfo). */
export async function currentZone(ctx: Ctx): Promise<string | undefined> {
  try {
    const target = await ctx.sys.readlink('/etc/localtime');
    const i = target.indexOf('zoneinfo/');
    return i >= 0 ? target.slice(i + 9) : undefined;
  } catch {
    return undefined;
  }
}

/** The offset (seconds east) and abbreviation of `zone` at `seconds`; UTC for none or an unknown one. */
export function zoneState(zone: string | undefined, seconds: number): { offset: number; abbr: string } {
  return (zone !== undefined ? zoneAt(zone, seconds) : undefined) ?? { offset: 0, abbr: 'UTC' };
}

/** "+hhmm" from seconds east of UTC. */
export function offsetText(seconds: number): string {
  const a = Math.abs(seconds);
  return `${seconds < 0 ? '-' : '+'}${String(Math.floor(a / 3600)).padStart(2, '0')}${String(Math.floor((a % 3600) / 60)).padStart(2, '0')}`;
}
