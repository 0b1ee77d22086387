// Time zones timedatectl knows, with their standard offsets east of UTC in minutes: the
// shared table that calendar expressions use too.
export { ZONES } from '../../../shared/systemd/tz-zones';

/** The abbreviation timedatectl shows beside a zone: tzdata's for a few, else the offset. */
export function zoneAbbrev(zone: string, minutes: number): string {
  const known: Record<string, string> = { UTC: 'UTC', 'Etc/UTC': 'UTC', 'Europe/London': 'GMT', 'Europe/Dublin': 'GMT', 'America/New_York': 'EST', 'America/Chicago': 'CST', 'America/Denver': 'MST', 'America/Phoenix': 'MST', 'America/Los_Angeles': 'PST', 'Asia/Kolkata': 'IST', 'Asia/Tokyo': 'JST', 'Europe/Berlin': 'CET', 'Europe/Paris': 'CET' };
  return known[zone] ?? offsetText(minutes).slice(0, minutes % 60 === 0 ? 3 : 5);
}

export function offsetText(minutes: number): string {
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}${String(a % 60).padStart(2, '0')}`;
}
