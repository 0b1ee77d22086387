// Named time zones (tzdata's "Area/City" names) with their daylight saving rules, for
// localtime in date, ls, stat, journalctl, timedatectl and friends. The offsets come from the
// JS engine's copy of the same IANA database (Intl), so DST transitions are right for any
// year; the abbreviations glibc prints come from tzdata, kept here for the common zones.
// Where tzdata has no letters for a zone it writes the offset ("+04", "+0530"), and so do we.

import { formatter, offsetAt, wallToUtc, zoneKnown } from './zone-core';

export { wallToUtc, zoneKnown };

/** What a zone says of one instant. */
export interface ZoneState {
  /** seconds east of UTC (tm_gmtoff) */
  offset: number;
  /** the abbreviation %Z prints */
  abbr: string;
  isdst: boolean;
}

/** tzdata's abbreviations: [standard, daylight]. */
const ABBREVIATIONS: Record<string, [string, string?]> = {
  UTC: ['UTC'], 'Etc/UTC': ['UTC'], 'Etc/UCT': ['UTC'], 'Etc/Universal': ['UTC'], 'Etc/Zulu': ['UTC'], GMT: ['GMT'], 'Etc/GMT': ['GMT'],
  'America/New_York': ['EST', 'EDT'], 'America/Detroit': ['EST', 'EDT'], 'America/Toronto': ['EST', 'EDT'],
  'America/Chicago': ['CST', 'CDT'], 'America/Winnipeg': ['CST', 'CDT'], 'America/Mexico_City': ['CST', 'CDT'],
  'America/Denver': ['MST', 'MDT'], 'America/Edmonton': ['MST', 'MDT'], 'America/Boise': ['MST', 'MDT'], 'America/Phoenix': ['MST'],
  'America/Los_Angeles': ['PST', 'PDT'], 'America/Vancouver': ['PST', 'PDT'], 'America/Tijuana': ['PST', 'PDT'],
  'America/Anchorage': ['AKST', 'AKDT'], 'America/Halifax': ['AST', 'ADT'], 'America/St_Johns': ['NST', 'NDT'],
  'America/Puerto_Rico': ['AST'], 'America/Panama': ['EST'], 'America/Jamaica': ['EST'], 'America/Regina': ['CST'],
  'Pacific/Honolulu': ['HST'], 'America/Adak': ['HST', 'HDT'],
  'Europe/London': ['GMT', 'BST'], 'Europe/Dublin': ['GMT', 'IST'], 'Europe/Lisbon': ['WET', 'WEST'], 'Atlantic/Canary': ['WET', 'WEST'],
  'Atlantic/Reykjavik': ['GMT'], 'Africa/Abidjan': ['GMT'], 'Africa/Accra': ['GMT'],
  'Europe/Paris': ['CET', 'CEST'], 'Europe/Berlin': ['CET', 'CEST'], 'Europe/Amsterdam': ['CET', 'CEST'], 'Europe/Brussels': ['CET', 'CEST'],
  'Europe/Madrid': ['CET', 'CEST'], 'Europe/Rome': ['CET', 'CEST'], 'Europe/Prague': ['CET', 'CEST'], 'Europe/Stockholm': ['CET', 'CEST'],
  'Europe/Vienna': ['CET', 'CEST'], 'Europe/Warsaw': ['CET', 'CEST'], 'Europe/Zurich': ['CET', 'CEST'], 'Europe/Oslo': ['CET', 'CEST'],
  'Europe/Copenhagen': ['CET', 'CEST'], 'Europe/Budapest': ['CET', 'CEST'], 'Europe/Belgrade': ['CET', 'CEST'], 'Europe/Luxembourg': ['CET', 'CEST'],
  'Europe/Monaco': ['CET', 'CEST'], 'Europe/Malta': ['CET', 'CEST'], 'Europe/Andorra': ['CET', 'CEST'], 'Europe/Tirane': ['CET', 'CEST'],
  'Europe/Gibraltar': ['CET', 'CEST'], 'Africa/Ceuta': ['CET', 'CEST'], 'Africa/Algiers': ['CET'], 'Africa/Tunis': ['CET'],
  'Europe/Athens': ['EET', 'EEST'], 'Europe/Helsinki': ['EET', 'EEST'], 'Europe/Sofia': ['EET', 'EEST'], 'Europe/Bucharest': ['EET', 'EEST'],
  'Europe/Kyiv': ['EET', 'EEST'], 'Europe/Kiev': ['EET', 'EEST'], 'Europe/Riga': ['EET', 'EEST'], 'Europe/Tallinn': ['EET', 'EEST'],
  'Europe/Vilnius': ['EET', 'EEST'], 'Europe/Chisinau': ['EET', 'EEST'], 'Asia/Nicosia': ['EET', 'EEST'], 'Asia/Beirut': ['EET', 'EEST'],
  'Africa/Cairo': ['EET', 'EEST'], 'Africa/Tripoli': ['EET'], 'Europe/Kaliningrad': ['EET'],
  'Europe/Moscow': ['MSK'], 'Europe/Simferopol': ['MSK'], 'Europe/Minsk': ['+03'],
  'Africa/Johannesburg': ['SAST'], 'Africa/Lagos': ['WAT'], 'Africa/Nairobi': ['EAT'], 'Africa/Maputo': ['CAT'], 'Africa/Khartoum': ['CAT'],
  'Asia/Kolkata': ['IST'], 'Asia/Calcutta': ['IST'], 'Asia/Karachi': ['PKT'], 'Asia/Jerusalem': ['IST', 'IDT'], 'Asia/Tel_Aviv': ['IST', 'IDT'],
  'Asia/Tokyo': ['JST'], 'Asia/Seoul': ['KST'], 'Asia/Pyongyang': ['KST'], 'Asia/Shanghai': ['CST'], 'Asia/Taipei': ['CST'],
  'Asia/Hong_Kong': ['HKT'], 'Asia/Macau': ['CST'], 'Asia/Manila': ['PST'], 'Asia/Jakarta': ['WIB'], 'Asia/Pontianak': ['WIB'],
  'Asia/Makassar': ['WITA'], 'Asia/Jayapura': ['WIT'],
  'Australia/Sydney': ['AEST', 'AEDT'], 'Australia/Melbourne': ['AEST', 'AEDT'], 'Australia/Hobart': ['AEST', 'AEDT'],
  'Australia/Canberra': ['AEST', 'AEDT'], 'Australia/Brisbane': ['AEST'], 'Australia/Lindeman': ['AEST'],
  'Australia/Adelaide': ['ACST', 'ACDT'], 'Australia/Broken_Hill': ['ACST', 'ACDT'], 'Australia/Darwin': ['ACST'], 'Australia/Perth': ['AWST'],
  'Pacific/Auckland': ['NZST', 'NZDT'], 'Pacific/Guam': ['ChST'], 'Pacific/Saipan': ['ChST'],
  // the old rule zones at the top of zoneinfo, and a few links admins still type
  EST: ['EST'], MST: ['MST'], HST: ['HST'], EST5EDT: ['EST', 'EDT'], CST6CDT: ['CST', 'CDT'], MST7MDT: ['MST', 'MDT'],
  PST8PDT: ['PST', 'PDT'], CET: ['CET', 'CEST'], MET: ['MET', 'MEST'], EET: ['EET', 'EEST'], WET: ['WET', 'WEST'],
  'US/Eastern': ['EST', 'EDT'], 'US/Central': ['CST', 'CDT'], 'US/Mountain': ['MST', 'MDT'], 'US/Pacific': ['PST', 'PDT'],
  'US/Alaska': ['AKST', 'AKDT'], 'US/Hawaii': ['HST'], 'US/Arizona': ['MST'], GB: ['GMT', 'BST'], Eire: ['GMT', 'IST'],
  Japan: ['JST'], PRC: ['CST'], ROK: ['KST'], ROC: ['CST'], Hongkong: ['HKT'], Israel: ['IST', 'IDT'], NZ: ['NZST', 'NZDT'],
  Poland: ['CET', 'CEST'], Portugal: ['WET', 'WEST'], 'W-SU': ['MSK'], Egypt: ['EET', 'EEST'], Iceland: ['GMT'],
  UCT: ['UTC'], Universal: ['UTC'], Zulu: ['UTC'], 'GMT0': ['GMT'], 'GMT+0': ['GMT'], 'GMT-0': ['GMT'], Greenwich: ['GMT'],
  'Etc/GMT0': ['GMT'], 'Etc/GMT+0': ['GMT'], 'Etc/GMT-0': ['GMT'], 'Etc/Greenwich': ['GMT'],
};

/** Offset-only zones tzdata names after their time ("Etc/GMT+5" is five hours behind). */
const ETC_GMT = /^Etc\/GMT([+-])([1-9]\d?)$/;

/** tzdata's numeric abbreviation for an offset: "+04", "-03", "+0530". */
export function numericAbbr(offset: number): string {
  const a = Math.abs(offset);
  const h = String(Math.floor(a / 3600)).padStart(2, '0');
  const m = Math.floor((a % 3600) / 60);
  return `${offset < 0 ? '-' : '+'}${h}${m ? String(m).padStart(2, '0') : ''}`;
}

const YEAR = 365.25 * 86400;

/** The zone `name` at `seconds` since the epoch; undefined when tzdata has no such zone. */
export function zoneAt(name: string, seconds: number): ZoneState | undefined {
  if (!zoneKnown(name)) return undefined;
  const f = formatter(name)!;
  const offset = offsetAt(f, seconds);
  // the standard offset is the smaller of the year's two (DST moves clocks forward)
  const y0 = Math.floor(seconds / YEAR) * YEAR;
  const standard = Math.min(offsetAt(f, y0 + 15 * 86400), offsetAt(f, y0 + 196 * 86400));
  const isdst = offset > standard;
  const etc = ETC_GMT.exec(name);
  const names = ABBREVIATIONS[name];
  let abbr: string;
  if (etc) abbr = numericAbbr(offset);
  else if (names) abbr = (isdst ? names[1] : names[0]) ?? numericAbbr(offset);
  else abbr = numericAbbr(offset);
  return { offset, abbr, isdst };
}

/** A zone as localtime() and mktime() use it: fixed fields for standard time, and the rules. */
export interface NamedZone {
  /** The standard time abbreviation. */
  name: string;
  /** The standard offset, seconds east of UTC. */
  offset: number;
  offsetAt: (utcSeconds: number) => number;
  nameAt: (utcSeconds: number) => string;
  /** The daylight saving time abbreviation, when the zone has one. */
  dstName?: string;
  /** The offset mktime found last (glibc keeps it per process: a zone value lives for one program run). */
  mktimeGuess?: number;
}

/** The zone tzdata calls `name` ("Europe/Paris"), or undefined when it has none. */
export function namedZone(name: string): NamedZone | undefined {
  if (!zoneKnown(name)) return undefined;
  // one instant's answer is kept: a line of output asks for its offset and name in turn
  let last = NaN;
  let state = zoneAt(name, 0)!;
  const at = (t: number): ZoneState => {
    if (t !== last) {
      state = zoneAt(name, t)!;
      last = t;
    }
    return state;
  };
  // the fixed fields hold standard time (this century's, from a winter and a summer of 2025)
  const jan = zoneAt(name, 1736899200)!;
  const jul = zoneAt(name, 1752537600)!;
  const std = jan.isdst ? jul : jan;
  const dst = jan.isdst ? jan : jul.isdst ? jul : undefined;
  const zone: NamedZone = { name: std.abbr, offset: std.offset, offsetAt: (t) => at(t).offset, nameAt: (t) => at(t).abbr };
  if (dst) zone.dstName = dst.abbr;
  return zone;
}

/** Every zone name the database has, sorted (timedatectl list-timezones). */
export function zoneNames(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const names = new Set(intl.supportedValuesOf?.('timeZone') ?? []);
  names.add('UTC');
  return [...names].sort();
}
