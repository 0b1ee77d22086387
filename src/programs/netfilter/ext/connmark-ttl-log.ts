// More match and target extensions: connmark (rev 1), ttl, time; CONNMARK (rev 1), TOS
// (rev 1), TTL, TRACE, NFLOG and NFQUEUE (rev 3). Their stored forms are kinds of their own,
// kept next to the shared match/target unions (the rule comparison treats them generically;
// the evaluator lets the non-terminating ones continue).
import type { ConnmarkMatch, ConnmarkTarget, NflogTarget, NfqueueTarget, TimeMatch, TosTarget, TtlMatch, TtlTarget } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { strtoul, strtouiWhole } from '../strtoul';
import { parseRange, saveString } from './common';
import { markMask } from './extra';
import type { MatchExtension, MatchFormatter, TargetExtension, TargetFormatter } from './types';




const hex = (n: number): string => `0x${(n >>> 0).toString(16)}`;
const hex2 = (n: number): string => `0x${n.toString(16).padStart(2, '0')}`;
const markText = (mark: number, mask: number): string => ` ${hex(mark)}${mask !== 0xffffffff ? `/${hex(mask)}` : ''}`;

export const connmarkMatch: MatchExtension<ConnmarkMatch> = {
  name: 'connmark',
  kind: 'match',
  x6: true,
  opts: [{ name: 'mark', id: 0, hasArg: 1, mand: true, invert: true }],
  init: () => ({ kind: 'connmark', mark: 0, mask: 0xffffffff, inv: false }),
  parse(_o, arg, invert, d) {
    Object.assign(d, markMask('connmark', 'mark', arg ?? ''), { inv: invert });
  },
  build: (d) => d,
};

export const connmarkFormat: MatchFormatter<ConnmarkMatch> = {
  saveName: () => 'connmark',
  print: (m) => {
    const c = m;
    return ` connmark match ${c.inv ? '!' : ''}${markText(c.mark, c.mask)}`;
  },
  save: (m) => {
    const c = m;
    return `${c.inv ? ' !' : ''} --mark${markText(c.mark, c.mask)}`;
  },
};

// option ids as libxt_CONNMARK numbers them (O_SET_MARK .. O_MASK)
const O = { SET_MARK: 0, SAVE: 1, RESTORE: 2, AND: 3, OR: 4, XOR: 5, SET_XMARK: 6, CTMASK: 7, NFMASK: 8, MASK: 9 } as const;
const F_OP_ANY = 0b1111111;

function uint32(ext: string, opt: string, a: string): number {
  const v = strtouiWhole(a, 0, 0xffffffff);
  if (v === null) throw paramError(`${ext}: bad value for option "--${opt}", or out of range (0-4294967295).\n`);
  return v;
}

export const connmarkTarget: TargetExtension<ConnmarkTarget> = {
  name: 'CONNMARK',
  kind: 'target',
  x6: true,
  opts: [
    { name: 'set-xmark', id: O.SET_XMARK, hasArg: 1, excl: F_OP_ANY },
    { name: 'set-mark', id: O.SET_MARK, hasArg: 1, excl: F_OP_ANY },
    { name: 'and-mark', id: O.AND, hasArg: 1, excl: F_OP_ANY },
    { name: 'or-mark', id: O.OR, hasArg: 1, excl: F_OP_ANY },
    { name: 'xor-mark', id: O.XOR, hasArg: 1, excl: F_OP_ANY },
    { name: 'save-mark', id: O.SAVE, hasArg: 0, excl: F_OP_ANY },
    { name: 'restore-mark', id: O.RESTORE, hasArg: 0, excl: F_OP_ANY },
    { name: 'ctmask', id: O.CTMASK, hasArg: 1, excl: 1 << O.MASK },
    { name: 'nfmask', id: O.NFMASK, hasArg: 1, excl: 1 << O.MASK },
    { name: 'mask', id: O.MASK, hasArg: 1, excl: (1 << O.CTMASK) | (1 << O.NFMASK) },
  ],
  init: () => ({ kind: 'CONNMARK', mode: 'set', ctmark: 0, ctmask: 0xffffffff, nfmask: 0xffffffff }),
  parse(opt, arg, _invert, d) {
    const a = arg ?? '';
    switch (opt.id) {
      case O.SET_XMARK:
      case O.SET_MARK: {
        const mm = markMask('CONNMARK', opt.name, a);
        d.mode = 'set';
        d.ctmark = mm.mark;
        d.ctmask = opt.id === O.SET_MARK ? (mm.mark | mm.mask) >>> 0 : mm.mask;
        return;
      }
      case O.AND: {
        const v = uint32('CONNMARK', opt.name, a);
        Object.assign(d, { mode: 'set', ctmark: 0, ctmask: ~v >>> 0 });
        return;
      }
      case O.OR:
      case O.XOR: {
        const v = uint32('CONNMARK', opt.name, a);
        Object.assign(d, { mode: 'set', ctmark: v, ctmask: opt.id === O.OR ? v : 0 });
        return;
      }
      case O.SAVE:
        d.mode = 'save';
        return;
      case O.RESTORE:
        d.mode = 'restore';
        return;
      case O.CTMASK:
        d.ctmask = uint32('CONNMARK', opt.name, a);
        return;
      case O.NFMASK:
        d.nfmask = uint32('CONNMARK', opt.name, a);
        return;
      case O.MASK:
        d.ctmask = d.nfmask = uint32('CONNMARK', opt.name, a);
        return;
    }
  },
  final(_d, st) {
    if (!(st.flags & F_OP_ANY)) throw paramError('CONNMARK target: No operation specified');
  },
  build: (d) => d,
};

export const connmarkTargetFormat: TargetFormatter<ConnmarkTarget> = {
  print(t) {
    const c = t;
    const all = 0xffffffff;
    if (c.mode === 'set') {
      if (c.ctmark === 0) return ` CONNMARK and ${hex(~c.ctmask)}`;
      if (c.ctmark === c.ctmask) return ` CONNMARK or ${hex(c.ctmark)}`;
      if (c.ctmask === 0) return ` CONNMARK xor ${hex(c.ctmark)}`;
      if (c.ctmask === all) return ` CONNMARK set ${hex(c.ctmark)}`;
      return ` CONNMARK xset ${hex(c.ctmark)}/${hex(c.ctmask)}`;
    }
    if (c.mode === 'save') {
      if (c.nfmask === all && c.ctmask === all) return ' CONNMARK save';
      if (c.nfmask === c.ctmask) return ` CONNMARK save mask ${hex(c.nfmask)}`;
      return ` CONNMARK save nfmask ${hex(c.nfmask)} ctmask ~${hex(c.ctmask)}`;
    }
    if (c.ctmask === all && c.nfmask === all) return ' CONNMARK restore';
    if (c.ctmask === c.nfmask) return ` CONNMARK restore mask ${hex(c.ctmask)}`;
    return ` CONNMARK restore ctmask ${hex(c.ctmask)} nfmask ~${hex(c.nfmask)}`;
  },
  save(t) {
    const c = t;
    if (c.mode === 'set') return ` --set-xmark ${hex(c.ctmark)}/${hex(c.ctmask)}`;
    return ` --${c.mode}-mark --nfmask ${hex(c.nfmask)} --ctmask ${hex(c.ctmask)}`;
  },
};

export const TOS_NAMES: readonly [string, number][] = [
  ['Minimize-Cost', 0x02],
  ['Maximize-Reliability', 0x04],
  ['Maximize-Throughput', 0x08],
  ['Minimize-Delay', 0x10],
  ['Normal-Service', 0x00],
];

/** A C number prefix (xtables_strtoui with an end pointer): value and where it stopped. */
function numPrefix(s: string, max: number): { value: number; end: number } | null {
  const m = /^\s*[+]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(s);
  if (!m) return null;
  const t = m[1]!;
  const value = /^0[xX]/.test(t) ? parseInt(t.slice(2), 16) : t.length > 1 && t[0] === '0' ? parseInt(t, 8) : parseInt(t, 10);
  if (value > max) return null;
  return { value, end: m[0].length };
}

/** tos_parse_symbolic: a number[/mask] (mask 0xff by default) or a TOS name (mask 0x3f). */
export function parseTos(a: string): { value: number; mask: number } {
  const v = numPrefix(a, 255);
  if (v) {
    const bad = (): never => {
      throw paramError(`Illegal value: "${a}"`);
    };
    let mask = 0xff;
    let rest = a.slice(v.end);
    if (rest.startsWith('/')) {
      const m = numPrefix(rest.slice(1), 255);
      if (!m) return bad();
      mask = m.value;
      rest = rest.slice(1 + m.end);
    }
    if (rest !== '') return bad();
    return { value: v.value, mask };
  }
  const named = TOS_NAMES.find(([n]) => n.toLowerCase() === a.toLowerCase());
  if (!named) throw paramError(`Symbolic name "${a}" is unknown`);
  return { value: named[1], mask: 0x3f };
}

export const tosTarget: TargetExtension<TosTarget> = {
  name: 'TOS',
  kind: 'target',
  x6: true,
  opts: [
    { name: 'set-tos', id: 0, hasArg: 1, excl: 0b1111 },
    { name: 'and-tos', id: 1, hasArg: 1, excl: 0b1111 },
    { name: 'or-tos', id: 2, hasArg: 1, excl: 0b1111 },
    { name: 'xor-tos', id: 3, hasArg: 1, excl: 0b1111 },
  ],
  init: () => ({ kind: 'TOS', value: 0, mask: 0 }),
  parse(opt, arg, _invert, d) {
    const a = arg ?? '';
    if (opt.id === 0) {
      Object.assign(d, parseTos(a));
      return;
    }
    const v = strtouiWhole(a, 0, 255);
    if (v === null) throw paramError(`TOS: bad value for option "--${opt.name}", or out of range (0-255).\n`);
    if (opt.id === 1) Object.assign(d, { value: 0, mask: ~v & 0xff });
    else if (opt.id === 2) Object.assign(d, { value: v, mask: v });
    else Object.assign(d, { value: v, mask: 0 });
  },
  final(_d, st) {
    if (st.flags === 0) throw paramError('TOS: An action is required');
  },
  build: (d) => d,
};

export const tosTargetFormat: TargetFormatter<TosTarget> = {
  print(t, env) {
    const c = t;
    if (env.numeric) return ` TOS set ${hex2(c.value)}/${hex2(c.mask)}`;
    if (c.mask === 0x3f) {
      const named = TOS_NAMES.find(([, v]) => v === c.value);
      if (named) return `  TOS set${named[0]}`;
    }
    if (c.value === 0) return ` TOS and ${hex2(~c.mask & 0xff)}`;
    if (c.value === c.mask) return ` TOS or ${hex2(c.value)}`;
    if (c.mask === 0) return ` TOS xor ${hex2(c.value)}`;
    return ` TOS set ${hex2(c.value)}/${hex2(c.mask)}`;
  },
  save: (t) => ` --set-tos ${hex2((t).value)}/${hex2((t).mask)}`,
};

/** TRACE: no options; iptables-nft turns it into "meta nftrace set 1", allowed in any table. */
export const traceTarget: TargetExtension<{ kind: 'TRACE' }> = {
  name: 'TRACE',
  kind: 'target',
  x6: true,
  opts: [],
  init: () => ({ kind: 'TRACE' }),
  parse() {},
  build: (d) => d,
};

export const traceTargetFormat: TargetFormatter = { print: () => '', save: () => '' };


// libxt_ttl: O_TTL_EQ 0, O_TTL_LT 1, O_TTL_GT 2, listed lt, gt, eq (and --ttl for eq)
export const ttlMatch: MatchExtension<TtlMatch> = {
  name: 'ttl',
  kind: 'match',
  family: 'ipv4',
  x6: true,
  opts: [
    { name: 'ttl-lt', id: 1, hasArg: 1, excl: 0b111 },
    { name: 'ttl-gt', id: 2, hasArg: 1, excl: 0b111 },
    { name: 'ttl-eq', id: 0, hasArg: 1, excl: 0b111, invert: true },
    { name: 'ttl', id: 0, hasArg: 1, excl: 0b111 },
  ],
  init: () => ({ kind: 'ttl', mode: 'eq', value: 0 }),
  parse(opt, arg, invert, d) {
    const v = strtouiWhole(arg ?? '', 0, 255);
    if (v === null) throw paramError(`ttl: bad value for option "--${opt.name}", or out of range (0-255).\n`);
    d.value = v;
    d.mode = opt.id === 1 ? 'lt' : opt.id === 2 ? 'gt' : invert ? 'ne' : 'eq';
  },
  final(_d, st) {
    if (st.flags === 0) throw paramError("TTL match: You must specify one of `--ttl-eq', `--ttl-lt', `--ttl-gt");
  },
  build: (d) => d,
};

const TTL_OPS = { eq: '==', ne: '!=', lt: '<', gt: '>' } as const;

export const ttlFormat: MatchFormatter<TtlMatch> = {
  saveName: () => 'ttl',
  print: (m) => {
    const t = m;
    return ` TTL match TTL ${TTL_OPS[t.mode]} ${t.value}`;
  },
  save: (m) => {
    const t = m;
    return t.mode === 'ne' ? ` ! --ttl-eq ${t.value}` : ` --ttl-${t.mode} ${t.value}`;
  },
};


export const ttlTarget: TargetExtension<TtlTarget> = {
  name: 'TTL',
  kind: 'target',
  family: 'ipv4',
  x6: true,
  opts: [
    { name: 'ttl-set', id: 0, hasArg: 1, excl: 0b111 },
    { name: 'ttl-inc', id: 1, hasArg: 1, excl: 0b111 },
    { name: 'ttl-dec', id: 2, hasArg: 1, excl: 0b111 },
  ],
  init: () => ({ kind: 'TTL', mode: 'set', value: 0 }),
  parse(opt, arg, _invert, d) {
    const min = opt.id === 0 ? 0 : 1;
    const v = strtouiWhole(arg ?? '', min, 255);
    if (v === null) throw paramError(`TTL: bad value for option "--${opt.name}", or out of range (${min}-255).\n`);
    d.value = v;
    d.mode = opt.id === 0 ? 'set' : opt.id === 1 ? 'inc' : 'dec';
  },
  final(_d, st) {
    if (st.flags === 0) throw paramError('TTL: You must specify an action');
  },
  build: (d) => d,
};

const TTL_WORDS = { set: 'set to', inc: 'increment by', dec: 'decrement by' } as const;

export const ttlTargetFormat: TargetFormatter<TtlTarget> = {
  print: (t) => ` TTL ${TTL_WORDS[(t).mode]} ${(t).value}`,
  save: (t) => ` --ttl-${(t).mode} ${(t).value}`,
};


const ALL_WEEKDAYS = 0xfe;
const ALL_MONTHDAYS = 0xfffffffe;
const INT_MAX = 2147483647;
const WEEK_DAYS = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function parseDaytime(a: string): number {
  const m = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?$/.exec(a);
  const h = m ? Number(m[1]) : NaN;
  const mi = m ? Number(m[2]) : NaN;
  const s = m && m[3] !== undefined ? Number(m[3]) : 0;
  if (!m || h > 23 || mi > 59 || s > 59) throw paramError(`invalid time "${a}" specified, should be hh:mm[:ss] format and within the boundaries`);
  return h * 3600 + mi * 60 + s;
}

/** time_parse_date: YYYY[-MM[-DD[Thh[:mm[:ss]]]]], each field read by strtoul and checked
 * against its bound only (the calendar normalises a 30th of February), years 1970-2038. */
function parseDate(a: string): number {
  const bad = (): never => {
    throw paramError(`Invalid date "${a}" specified. Should be YYYY[-MM[-DD[Thh[:mm[:ss]]]]]`);
  };
  const fields = [1970, 1, 1, 0, 0, 0];
  const seps = ['-', '-', 'T', ':', ':', ''];
  const max = [2038, 12, 31, 23, 59, 59];
  let rest = a;
  for (let i = 0; i < 6; i++) {
    const r = strtoul(rest, 10);
    const v = r ? r.value : 0;
    rest = r ? rest.slice(r.end) : rest;
    if ((rest !== '' && rest[0] !== seps[i]) || v > max[i]! || (i === 0 && v < 1970)) bad();
    fields[i] = v;
    if (rest === '') break;
    rest = rest.slice(1);
  }
  const t = Date.UTC(fields[0]!, fields[1]! - 1, fields[2]!, fields[3]!, fields[4]!, fields[5]!) / 1000;
  if (t < 0) bad();
  // (kept in 32 bits)
  return t % 2 ** 32;
}

/** time_parse_weekdays: each piece (cut to three characters) a day number (not 0), or a
 * name by its first two letters. */
function parseWeekdays(a: string): number {
  let mask = 0;
  if (a === '') return 0;
  for (const whole of a.split(',')) {
    const day = whole.slice(0, 3);
    const r = strtoul(day);
    if (day === '' || (r && r.end === day.length)) {
      const v = r ? r.value : 0;
      if (v === 0) throw paramError('No, the week does NOT begin with Sunday.');
      if (v < 32) mask |= 2 ** v;
      continue;
    }
    const d = WEEK_DAYS.findIndex((n, j) => j > 0 && day.slice(0, 2) === n.slice(0, 2) && day.length >= 2);
    if (d < 0) throw paramError(`${day} is not a valid day specifier`);
    mask |= 2 ** d;
  }
  return mask >>> 0;
}

/** time_parse_monthdays: each piece (cut to two characters) a number up to 31. */
function parseMonthdays(a: string): number {
  let mask = 0;
  if (a === '') return 0;
  for (const whole of a.split(',')) {
    const day = whole.slice(0, 2);
    const r = strtoul(day);
    const v = r ? r.value : 0;
    if ((r && r.end !== day.length) || (!r && day.trim() !== '') || v > 31) throw paramError(`${day} is not a valid day for --monthdays`);
    mask |= 2 ** v;
  }
  return mask >>> 0;
}

export const timeMatch: MatchExtension<TimeMatch> = {
  name: 'time',
  kind: 'match',
  x6: true,
  opts: [
    { name: 'datestart', id: 0, hasArg: 1 },
    { name: 'datestop', id: 1, hasArg: 1 },
    { name: 'timestart', id: 2, hasArg: 1 },
    { name: 'timestop', id: 3, hasArg: 1 },
    { name: 'weekdays', id: 4, hasArg: 1, invert: true },
    { name: 'monthdays', id: 5, hasArg: 1, invert: true },
    { name: 'localtz', id: 6, hasArg: 0, excl: 1 << 7 },
    { name: 'utc', id: 7, hasArg: 0, excl: 1 << 6 },
    { name: 'kerneltz', id: 8, hasArg: 0, excl: 1 << 7 },
    { name: 'contiguous', id: 9, hasArg: 0 },
  ],
  init: () => ({ kind: 'time', dateStart: 0, dateStop: INT_MAX, dayStart: 0, dayStop: 86399, monthdays: ALL_MONTHDAYS, weekdays: ALL_WEEKDAYS, localTz: false, contiguous: false }),
  parse(opt, arg, invert, d, _st, env) {
    const a = arg ?? '';
    switch (opt.id) {
      case 0:
        d.dateStart = parseDate(a);
        return;
      case 1:
        d.dateStop = parseDate(a);
        return;
      case 2:
        d.dayStart = parseDaytime(a);
        return;
      case 3:
        d.dayStop = parseDaytime(a);
        return;
      case 4:
        d.weekdays = parseWeekdays(a);
        if (invert) d.weekdays = (~d.weekdays & ALL_WEEKDAYS) >>> 0;
        return;
      case 5:
        d.monthdays = parseMonthdays(a);
        if (invert) d.monthdays = (~d.monthdays & ALL_MONTHDAYS) >>> 0;
        return;
      case 6:
        env.warn?.('WARNING: --localtz is being replaced by --kerneltz, since "local" is ambiguous. Note the kernel timezone has caveats - see manpage for details.\n');
        d.localTz = true;
        return;
      case 8:
        d.localTz = true;
        return;
      case 7:
        d.localTz = false;
        return;
      case 9:
        d.contiguous = true;
        return;
    }
  },
  build: (d) => d,
};

const two = (n: number): string => String(n).padStart(2, '0');
const daytime = (s: number): string => `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
function dateText(t: number, sep: string): string {
  const d = new Date(t * 1000);
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}${sep}${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}
const weekdayText = (mask: number): string => WEEK_DAYS.filter((_n, i) => i > 0 && mask & (1 << i)).join(',');
function monthdayText(mask: number, human: boolean): string {
  const out: string[] = [];
  for (let i = 1; i <= 31; i++) {
    if (!(mask & (2 ** i))) continue;
    if (!human) out.push(String(i));
    else {
      // libxt_time picks the suffix from the last digit alone (11st, 12nd, 13rd)
      const suffix = i % 10 === 1 ? 'st' : i % 10 === 2 ? 'nd' : i % 10 === 3 ? 'rd' : 'th';
      out.push(`${i}${suffix}`);
    }
  }
  return out.join(',');
}

export const timeFormat: MatchFormatter<TimeMatch> = {
  saveName: () => 'time',
  print: (m) => {
    const t = m;
    let s = ' TIME';
    if (t.dayStart !== 0 || t.dayStop !== 86399) s += ` from ${daytime(t.dayStart)} to ${daytime(t.dayStop)}`;
    if (t.weekdays !== ALL_WEEKDAYS) s += ` on ${weekdayText(t.weekdays)}`;
    if (t.monthdays !== ALL_MONTHDAYS) s += ` on ${monthdayText(t.monthdays, true)}`;
    if (t.dateStart !== 0) s += ` starting from ${dateText(t.dateStart, ' ')}`;
    if (t.dateStop !== INT_MAX) s += ` until date ${dateText(t.dateStop, ' ')}`;
    if (!t.localTz) s += ' UTC';
    if (t.contiguous) s += ' contiguous';
    return s;
  },
  save: (m) => {
    const t = m;
    let s = '';
    if (t.dayStart !== 0 || t.dayStop !== 86399) s += ` --timestart ${daytime(t.dayStart)} --timestop ${daytime(t.dayStop)}`;
    if (t.monthdays !== ALL_MONTHDAYS) s += ` --monthdays ${monthdayText(t.monthdays, false)}`;
    if (t.weekdays !== ALL_WEEKDAYS) s += ` --weekdays ${weekdayText(t.weekdays)}`;
    if (t.dateStart !== 0) s += ` --datestart ${dateText(t.dateStart, 'T')}`;
    if (t.dateStop !== 0) s += ` --datestop ${dateText(t.dateStop, 'T')}`;
    if (t.localTz) s += ' --kerneltz';
    if (t.contiguous) s += ' --contiguous';
    return s;
  },
};


export const nflogTarget: TargetExtension<NflogTarget> = {
  name: 'NFLOG',
  kind: 'target',
  x6: true,
  opts: [
    { name: 'nflog-group', id: 0, hasArg: 1 },
    { name: 'nflog-prefix', id: 1, hasArg: 1 },
    { name: 'nflog-range', id: 2, hasArg: 1, excl: 1 << 4 },
    { name: 'nflog-threshold', id: 3, hasArg: 1 },
    { name: 'nflog-size', id: 4, hasArg: 1, excl: 1 << 2 },
  ],
  init: () => ({ kind: 'NFLOG', group: 0, prefix: '', threshold: 0 }),
  parse(opt, arg, _invert, d, _st, env) {
    const a = arg ?? '';
    const num = (max: number): number => {
      const v = strtouiWhole(a, 0, max);
      if (v === null) throw paramError(`NFLOG: bad value for option "--${opt.name}", or out of range (0-${max}).\n`);
      return v;
    };
    if (opt.id === 0) d.group = num(65535);
    else if (opt.id === 1) {
      if (a === '') throw paramError('Argument must have a minimum length of 1 characters\n');
      // (nf_tables keeps up to 127 bytes of a log prefix)
      d.prefix = a.slice(0, 127);
    } else if (opt.id === 2) {
      // accepted and dropped, with a warning
      num(0xffffffff);
      env.warn?.('warn: --nflog-range has never worked and is no longer supported, please use --nflog-size instead\n');
    }
    else if (opt.id === 3) d.threshold = num(65535);
    else d.size = num(0xffffffff);
  },
  build: (d) => d,
};

function nflogDump(t: NflogTarget, p: string): string {
  let s = '';
  if (t.prefix !== '') s += ` ${p}nflog-prefix${saveString(t.prefix)}`;
  if (t.group) s += ` ${p}nflog-group ${t.group}`;
  if (t.size !== undefined) s += ` ${p}nflog-size ${t.size}`;
  if (t.threshold !== 0) s += ` ${p}nflog-threshold ${t.threshold}`;
  return s;
}

export const nflogTargetFormat: TargetFormatter<NflogTarget> = {
  print: (t) => nflogDump(t, ''),
  save: (t) => nflogDump(t, '--'),
};


export const nfqueueTarget: TargetExtension<NfqueueTarget> = {
  name: 'NFQUEUE',
  kind: 'target',
  x6: true,
  opts: [
    { name: 'queue-num', id: 0, hasArg: 1, excl: 1 << 1 },
    { name: 'queue-balance', id: 1, hasArg: 1, excl: 1 << 0 },
    { name: 'queue-bypass', id: 2, hasArg: 0 },
    { name: 'queue-cpu-fanout', id: 3, hasArg: 0, also: 1 << 1 },
  ],
  init: () => ({ kind: 'NFQUEUE', num: 0, bypass: false, fanout: false }),
  parse(opt, arg, _invert, d) {
    const a = arg ?? '';
    if (opt.id === 0) {
      const v = strtouiWhole(a, 0, 65535);
      if (v === null) throw paramError(`NFQUEUE: bad value for option "--queue-num", or out of range (0-65535).\n`);
      d.num = v;
    } else if (opt.id === 1) {
      const v = parseRange('NFQUEUE', 'queue-balance', a, 65535n).map(Number);
      if (v.length !== 2) throw paramError(`Bad range "${a}"`);
      if (v[0]! >= v[1]!) throw paramError(`${v[0]} should be less than ${v[1]}`);
      d.num = v[0]!;
      d.last = v[1]!;
    } else if (opt.id === 2) d.bypass = true;
    else d.fanout = true;
  },
  build: (d) => d,
};

function nfqueueDump(t: NfqueueTarget, save: boolean): string {
  let s = save ? '' : ' NFQUEUE';
  s += t.last !== undefined ? (save ? ` --queue-balance ${t.num}:${t.last}` : ` balance ${t.num}:${t.last}`) : save ? ` --queue-num ${t.num}` : ` num ${t.num}`;
  if (t.bypass) s += save ? ' --queue-bypass' : ' bypass';
  if (t.fanout) s += save ? ' --queue-cpu-fanout' : ' cpu-fanout';
  return s;
}

export const nfqueueTargetFormat: TargetFormatter<NfqueueTarget> = {
  print: (t) => nfqueueDump(t, false),
  save: (t) => nfqueueDump(t, true),
};

// ip6tables' hop limit: the same as ttl with other names
type HlMatch = Extract<import('../../../shared/services/netfilter').NfMatch, { kind: 'hl' }>;
type HlTarget = Extract<import('../../../shared/services/netfilter').NfTarget, { kind: 'HL' }>;

export const hlMatch: MatchExtension<HlMatch> = {
  name: 'hl',
  kind: 'match',
  family: 'ipv6',
  x6: true,
  opts: [
    { name: 'hl-lt', id: 1, hasArg: 1, excl: 0b111 },
    { name: 'hl-gt', id: 2, hasArg: 1, excl: 0b111 },
    { name: 'hl-eq', id: 0, hasArg: 1, excl: 0b111, invert: true },
    { name: 'hl', id: 0, hasArg: 1, excl: 0b111 },
  ],
  init: () => ({ kind: 'hl', mode: 'eq', value: 0 }),
  parse(opt, arg, invert, d) {
    const v = strtouiWhole(arg ?? '', 0, 255);
    if (v === null) throw paramError(`hl: bad value for option "--${opt.name}", or out of range (0-255).\n`);
    d.value = v;
    d.mode = opt.id === 1 ? 'lt' : opt.id === 2 ? 'gt' : invert ? 'ne' : 'eq';
  },
  final(_d, st) {
    if (st.flags === 0) throw paramError("HL match: You must specify one of `--hl-eq', `--hl-lt', `--hl-gt'");
  },
  build: (d) => d,
};

export const hlFormat: MatchFormatter<HlMatch> = {
  saveName: () => 'hl',
  print: (m) => ` HL match HL ${TTL_OPS[m.mode]} ${m.value}`,
  save: (m) => (m.mode === 'ne' ? ` ! --hl-eq ${m.value}` : ` --hl-${m.mode} ${m.value}`),
};

export const hlTarget: TargetExtension<HlTarget> = {
  name: 'HL',
  kind: 'target',
  family: 'ipv6',
  x6: true,
  opts: [
    { name: 'hl-set', id: 0, hasArg: 1, excl: 0b111 },
    { name: 'hl-inc', id: 1, hasArg: 1, excl: 0b111 },
    { name: 'hl-dec', id: 2, hasArg: 1, excl: 0b111 },
  ],
  init: () => ({ kind: 'HL', mode: 'set', value: 0 }),
  parse(opt, arg, _invert, d) {
    const min = opt.id === 0 ? 0 : 1;
    const v = strtouiWhole(arg ?? '', min, 255);
    if (v === null) throw paramError(`HL: bad value for option "--${opt.name}", or out of range (${min}-255).\n`);
    d.value = v;
    d.mode = opt.id === 0 ? 'set' : opt.id === 1 ? 'inc' : 'dec';
  },
  final(_d, st) {
    if (st.flags === 0) throw paramError('HL: You must specify an action');
  },
  build: (d) => d,
};

export const hlTargetFormat: TargetFormatter<HlTarget> = {
  print: (t) => ` HL ${TTL_WORDS[t.mode]} ${t.value}`,
  save: (t) => ` --hl-${t.mode} ${t.value}`,
};
