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
