// Named time zones for calendar expressions that name one ("Mon 09:00 Europe/Berlin") and
// for timedatectl: tzdata's names with their daylight saving rules, from shared/time-zones.ts.
import { namedZone as sharedNamedZone } from '../time-zones';
import type { Zone } from './civil';

/** The zone called `name` (with its daylight saving rules), or undefined when it is not known. */
export function namedZone(name: string): Zone | undefined {
  return sharedNamedZone(name);
}
