// Named time zones (a subset of tzdata's zone1970 names) with their standard offsets and the
// daylight saving rules in force today, for timedatectl and for calendar expressions that name
// a zone ("Mon 09:00 Europe/Berlin"). Historic rule changes are not modelled.
import { daysFromCivil, type Zone } from './civil';

/** Standard offsets east of UTC, in minutes. */
export const ZONES: Record<string, number> = {
  'Africa/Cairo': 120, 'Africa/Johannesburg': 120, 'Africa/Lagos': 60, 'Africa/Nairobi': 180,
  'America/Anchorage': -540, 'America/Chicago': -360, 'America/Denver': -420, 'America/Halifax': -240,
  'America/Los_Angeles': -480, 'America/Mexico_City': -360, 'America/New_York': -300, 'America/Phoenix': -420,
  'America/Sao_Paulo': -180, 'America/Toronto': -300, 'America/Vancouver': -480,
  'Asia/Bangkok': 420, 'Asia/Dubai': 240, 'Asia/Hong_Kong': 480, 'Asia/Jakarta': 420, 'Asia/Jerusalem': 120,
  'Asia/Karachi': 300, 'Asia/Kolkata': 330, 'Asia/Manila': 480, 'Asia/Seoul': 540, 'Asia/Shanghai': 480,
  'Asia/Singapore': 480, 'Asia/Tokyo': 540, 'Atlantic/Reykjavik': 0, 'Australia/Adelaide': 570,
  'Australia/Brisbane': 600, 'Australia/Melbourne': 600, 'Australia/Perth': 480, 'Australia/Sydney': 600,
  'Europe/Amsterdam': 60, 'Europe/Athens': 120, 'Europe/Berlin': 60, 'Europe/Brussels': 60, 'Europe/Dublin': 0,
  'Europe/Helsinki': 120, 'Europe/Istanbul': 180, 'Europe/Lisbon': 0, 'Europe/London': 0, 'Europe/Madrid': 60,
  'Europe/Moscow': 180, 'Europe/Paris': 60, 'Europe/Prague': 60, 'Europe/Rome': 60, 'Europe/Sofia': 120,
  'Europe/Stockholm': 60, 'Europe/Vienna': 60, 'Europe/Warsaw': 60, 'Europe/Zurich': 60,
  'Pacific/Auckland': 720, 'Pacific/Honolulu': -600, UTC: 0, 'Etc/UTC': 0,
};

type Rule = 'eu' | 'us' | 'au' | 'nz' | 'il';

const RULES: Record<string, Rule> = {
  'America/Anchorage': 'us', 'America/Chicago': 'us', 'America/Denver': 'us', 'America/Halifax': 'us',
  'America/Los_Angeles': 'us', 'America/New_York': 'us', 'America/Toronto': 'us', 'America/Vancouver': 'us',
  'Australia/Adelaide': 'au', 'Australia/Melbourne': 'au', 'Australia/Sydney': 'au', 'Pacific/Auckland': 'nz',
  'Asia/Jerusalem': 'il',
};
for (const z of Object.keys(ZONES)) {
  if (z.startsWith('Europe/') && !['Europe/Istanbul', 'Europe/Moscow'].includes(z)) RULES[z] = 'eu';
}

const DAY = 86400;

/** Seconds (UTC midnight) of the n-th (1-based; -1 = last) weekday `wday` (0 = Sunday) of a month. */
function nthWeekday(year: number, month: number, wday: number, n: number): number {
  if (n > 0) {
    const first = daysFromCivil(year, month, 1);
    const w = (((first + 4) % 7) + 7) % 7;
    return (first + ((wday - w + 7) % 7) + (n - 1) * 7) * DAY;
  }
  const last = daysFromCivil(year, month + 1, 1) - 1;
  const w = (((last + 4) % 7) + 7) % 7;
  return (last - ((w - wday + 7) % 7)) * DAY;
}

function yearOf(utcSeconds: number): number {
  return new Date(utcSeconds * 1000).getUTCFullYear();
}

/** Is daylight saving time in force at `t` (UTC seconds) under `rule`, given the standard offset? */
function inDst(rule: Rule, t: number, std: number): boolean {
  const y = yearOf(t + std);
  switch (rule) {
    case 'eu':
      // last Sunday of March to last Sunday of October, at 01:00 UTC
      return t >= nthWeekday(y, 3, 0, -1) + 3600 && t < nthWeekday(y, 10, 0, -1) + 3600;
    case 'us':
      // second Sunday of March 02:00 standard to first Sunday of November 02:00 daylight
      return t >= nthWeekday(y, 3, 0, 2) + 7200 - std && t < nthWeekday(y, 11, 0, 1) + 3600 - std;
    case 'il':
      // the Friday before the last Sunday of March 02:00 to the last Sunday of October 02:00
      return t >= nthWeekday(y, 3, 0, -1) - 2 * DAY + 7200 - std && t < nthWeekday(y, 10, 0, -1) + 3600 - std;
    case 'au':
      // southern summer: first Sunday of October 02:00 standard to first Sunday of April 03:00 daylight
      return !(t >= nthWeekday(y, 4, 0, 1) + 7200 - std && t < nthWeekday(y, 10, 0, 1) + 7200 - std);
    case 'nz':
      // last Sunday of September 02:00 standard to first Sunday of April 03:00 daylight
      return !(t >= nthWeekday(y, 4, 0, 1) + 7200 - std && t < nthWeekday(y, 9, 0, -1) + 7200 - std);
  }
}

/** Zone files outside zone1970.tab that tzdata also ships: [minutes east, rule]. */
const LEGACY: Record<string, [number, Rule | undefined]> = {
  GMT: [0, undefined], 'Etc/GMT': [0, undefined], EST: [-300, undefined], MST: [-420, undefined], HST: [-600, undefined],
  CET: [60, 'eu'], MET: [60, 'eu'], EET: [120, 'eu'], WET: [0, 'eu'],
  EST5EDT: [-300, 'us'], CST6CDT: [-360, 'us'], MST7MDT: [-420, 'us'], PST8PDT: [-480, 'us'],
};

/** The zone called `name` (with its daylight saving rule), or undefined when it is not known. */
export function namedZone(name: string): Zone | undefined {
  // Etc/GMT+5 is five hours behind UTC (POSIX sign)
  const etc = /^Etc\/GMT([+-])(\d{1,2})$/.exec(name);
  const legacy = LEGACY[name];
  const minutes = etc ? (etc[1] === '+' ? -60 : 60) * Number(etc[2]) : legacy ? legacy[0] : ZONES[name];
  if (minutes === undefined || Math.abs(minutes) > 14 * 60) return undefined;
  const std = minutes * 60;
  const rule = legacy ? legacy[1] : RULES[name];
  if (!rule) return { name, offset: std };
  return { name, offset: std, offsetAt: (t: number) => (inDst(rule, t, std) ? std + 3600 : std) };
}
