// mktime() as glibc does it, for systemd's timestamp and calendar code: the probe from the
// offset of the previous call that decides which reading of a repeated wall time comes back.
// Kept apart from civil.ts so that the code loaded before the first prompt stays small.
import { localtime, timegm, type Tm, type Zone } from './civil';

/**
 * glibc's mktime() remembers the offset its last call found and starts the next from it, so
 * which reading of a repeated wall time it returns depends on the calls before. A program run
 * starts afresh: call resetMktime() when one begins.
 */
let lastOffset = 0;

export function resetMktime(offset = 0): void {
  lastOffset = offset;
}

/** The offset the next mktimeIn() starts from (to put back after work done in a child). */
export function mktimeOffset(): number {
  return lastOffset;
}

/**
 * mktime() in `zone` (or timegm with utc). `isdst` is tm_isdst (undefined for -1); without it
 * tm.isdst is used. A wall time that happens twice takes the reading glibc's probe meets first
 * from the offset of its previous call; one skipped by a change moves on by the change; an
 * `isdst` that cannot hold is read with the offset it claims (see shared/zone-core wallToUtc).
 * `tm` is normalised and gets the isdst in force.
 */
export function mktimeIn(tm: Tm, zone: Zone, utc: boolean, isdst?: boolean): number {
  if (utc) {
    const t = timegm(tm);
    tm.isdst = 0;
    return t;
  }
  const want = isdst === undefined ? (tm.isdst === undefined || tm.isdst < 0 ? -1 : tm.isdst > 0 ? 1 : 0) : isdst ? 1 : 0;
  // seconds out of 0..59 are put back afterwards, as glibc does
  const secWanted = tm.sec;
  const sec = Math.min(59, Math.max(0, tm.sec));
  const wall = timegm({ ...tm, sec });
  const at = zone.offsetAt;
  let t = at ? probeWall(wall, zone, want) : wall - zone.offset;
  lastOffset = wall - t;
  t += secWanted - sec;
  Object.assign(tm, localtime(t, zone));
  return t;
}

/**
 * glibc's search for the instant of a wall time (seconds, as if UTC): start from the offset of
 * the last call and correct by the error until the wall time matches; between two readings
 * that straddle a skipped hour take one (daylight time when isdst is -1, else the one that
 * contradicts it); a match with the wrong isdst borrows the offset of the nearest week that
 * has the isdst asked for.
 */
function probeWall(wall: number, zone: Zone, want: number): number {
  const dstAt = (u: number): number => (zone.offsetAt!(u) !== zone.offset ? 1 : 0);
  const wallAt = (u: number): number => u + zone.offsetAt!(u);
  let t = wall - lastOffset;
  let t1 = t;
  let t2 = t;
  let dst2 = 0;
  for (let probes = 6; ; ) {
    const dt = wall - wallAt(t);
    if (dt === 0) break;
    const dst = dstAt(t);
    if (t === t1 && t !== t2 && (want < 0 ? dst2 <= dst : (want !== 0) !== (dst !== 0))) return t;
    if (--probes === 0) return t;
    t1 = t2;
    t2 = t;
    t += dt;
    dst2 = dst;
  }
  if (want < 0 || want === dstAt(t)) return t;
  const stride = 601200;
  for (let delta = stride; delta < 536454000 / 2 + stride; delta += stride) {
    for (const dir of [-1, 1]) {
      const ot = t + delta * dir;
      if (dstAt(ot) === want) return ot + (wall - wallAt(ot));
    }
  }
  return t;
}
