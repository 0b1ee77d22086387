// Time zones timedatectl knows, with their standard offsets east of UTC in minutes (daylight
// saving time is not modelled). A subset of tzdata's zone1970 names.
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

/** The abbreviation timedatectl shows beside a zone: tzdata's for a few, else the offset. */
export function zoneAbbrev(zone: string, minutes: number): string {
  const known: Record<string, string> = { UTC: 'UTC', 'Etc/UTC': 'UTC', 'Europe/London': 'GMT', 'Europe/Dublin': 'GMT', 'America/New_York': 'EST', 'America/Chicago': 'CST', 'America/Denver': 'MST', 'America/Phoenix': 'MST', 'America/Los_Angeles': 'PST', 'Asia/Kolkata': 'IST', 'Asia/Tokyo': 'JST', 'Europe/Berlin': 'CET', 'Europe/Paris': 'CET' };
  return known[zone] ?? offsetText(minutes).slice(0, minutes % 60 === 0 ? 3 : 5);
}

export function offsetText(minutes: number): string {
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}${String(a % 60).padStart(2, '0')}`;
}
