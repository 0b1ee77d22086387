// find_new_uid / find_new_gid of shadow 4.13: a normal id goes above the highest one in use
// in [min, max]; a system id goes below the lowest one in use (from max when none is); each
// search wraps around once. A preferred id (useradd -U: gid = uid) wins when free.
export function newId(used: Iterable<number>, min: number, max: number, system: boolean, preferred?: number): number | undefined {
  const inUse = new Set<number>();
  let lowest = max;
  let highest = min;
  for (const id of used) {
    if (id < min || id > max) continue;
    inUse.add(id);
    if (id <= lowest) lowest = id - 1;
    if (id >= highest) highest = id + 1;
  }
  if (preferred !== undefined && preferred >= min && preferred <= max && !inUse.has(preferred)) return preferred;
  const free = (id: number): boolean => id >= min && id <= max && !inUse.has(id);
  if (system) {
    if (lowest < min) lowest = max;
    for (let id = lowest; id >= min; id--) if (free(id)) return id;
    for (let id = max; id >= min; id--) if (free(id)) return id;
    return undefined;
  }
  if (highest > max) highest = min;
  for (let id = highest; id <= max; id++) if (free(id)) return id;
  for (let id = min; id <= max; id++) if (free(id)) return id;
  return undefined;
}

/**
 * get_ranges of find_new_uid/find_new_gid: the range login.defs gives (a system id's top
 * defaults to one below UID_MIN/GID_MIN), or the message shadow prints when it is upside down.
 */
export function idRange(defs: { num(key: string, dflt: number): number }, kind: 'UID' | 'GID', system: boolean): { min: number; max: number } | string {
  const normalMin = defs.num(`${kind}_MIN`, 1000);
  if (system) {
    const min = defs.num(`SYS_${kind}_MIN`, 101);
    const max = defs.num(`SYS_${kind}_MAX`, normalMin - 1);
    if (max < min) return `Invalid configuration: SYS_${kind}_MIN (${min}), ${kind}_MIN (${normalMin}), SYS_${kind}_MAX (${max})`;
    return { min: Math.max(min, 1), max };
  }
  const max = defs.num(`${kind}_MAX`, 60000);
  if (max < normalMin) return `Invalid configuration: ${kind}_MIN (${normalMin}), ${kind}_MAX (${max})`;
  return { min: normalMin, max };
}
