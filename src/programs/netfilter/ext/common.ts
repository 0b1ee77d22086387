// Helpers the extensions share: port and service parsing (xtables_parse_port, and the
// getaddrinfo-based port lookup of the x6 option framework), the framework's own error
// messages, and xtables_save_string quoting.
import { paramError } from '../errors';
import type { NetDb } from '../netdb';
import { strtouiWhole } from '../strtoul';
import type { XtOptDef } from './types';

/** xtables_parse_port: a C number 0-65535 or a service name for the protocol. */
export function parsePort(port: string, proto: string, db: NetDb): number {
  const n = strtouiWhole(port, 0, 65535);
  if (n !== null) return n;
  const s = db.serviceByName(port, proto);
  if (s !== undefined) return s;
  throw paramError(`invalid port/service \`${port}' specified`);
}

/**
 * xtables_getportbyname: getaddrinfo(NULL, name). glibc reads a decimal service with strtoul
 * into an int: a value negative as an int is refused, others wrap to 16 bits.
 */
export function portByName(name: string, db: NetDb): number | null {
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d+)$/.exec(name);
  if (m) {
    const max = (1n << 64n) - 1n;
    let v = BigInt(m[2]!);
    if (v > max) v = max;
    else if (m[1] === '-') v = ((1n << 64n) - v) & max;
    const asInt = Number(BigInt.asIntN(32, v));
    return asInt < 0 ? null : asInt & 0xffff;
  }
  return db.serviceByName(name, 'tcp') ?? db.serviceByName(name, 'udp') ?? null;
}

export function portName(port: number, proto: string | null, numeric: boolean, db: NetDb): string {
  if (numeric || proto === null) return String(port);
  return db.serviceByPort(port, proto) ?? String(port);
}

export const PROTO_NAMES: Readonly<Record<number, string>> = { 6: 'tcp', 17: 'udp', 136: 'udplite', 132: 'sctp', 33: 'dccp' };

/** The x6 framework's checks before an option is parsed (xtables_option_parse). */
export function x6Check(ext: string, opt: XtOptDef, canonical: string, invert: boolean, arg: string | null, flags: number): void {
  const bit = 1 << opt.id;
  if ((!opt.multi || (opt.excl ?? 0) & bit) && flags & bit) throw paramError(`${ext}: option "--${canonical}" can only be used once.\n`);
  if (invert && !opt.invert) throw paramError(`${ext}: option "--${canonical}" cannot be inverted.\n`);
  if (opt.hasArg !== 0 && arg === null) throw paramError(`${ext}: option "--${canonical}" requires an argument.\n`);
}

/** xtables_options_fcheck: mandatory options, "also" and "excl" relations. */
export function x6FinalCheck(ext: string, opts: readonly XtOptDef[], flags: number): void {
  const first = (id: number): XtOptDef | undefined => opts.find((o) => o.id === id);
  const seen = new Set<number>();
  for (const entry of opts) {
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    const bit = 1 << entry.id;
    if (entry.mand && !(flags & bit)) throw paramError(`${ext}: option "--${entry.name}" must be specified\n`);
    if (!(flags & bit)) continue;
    for (let i = 0; i < 32; i++) {
      if (i === entry.id) continue;
      const other = first(i);
      if (!other) continue;
      const of = 1 << i;
      if ((entry.also ?? 0) & of && !(flags & of)) throw paramError(`${ext}: option "--${entry.name}" also requires "--${other.name}".\n`);
      if ((entry.excl ?? 0) & of && flags & of) throw paramError(`${ext}: option "--${entry.name}" cannot be used together with "--${other.name}".\n`);
    }
  }
}

/** xtables_save_string: bare when only [_-0-9a-zA-Z], else double-quoted with \" \\ \' escaped. */
export function saveString(value: string): string {
  if (/^[_\-0-9a-zA-Z]+$/.test(value)) return ` ${value}`;
  return ` "${value.replace(/["\\']/g, (c) => `\\${c}`)}"`;
}

/** C's atoi: optional blanks and sign, then digits; 0 when there are none. */
export function atoi(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(s);
  return m ? Number(m[1]) : 0;
}

/**
 * The two halves of a rate as limit and hashlimit read it, "N[/second|/minute|/hour|/day]"
 * (a unit by any prefix): N as atoi reads it and the unit in seconds; null for a bad unit.
 */
export function rateParts(rate: string): { count: number; mult: number } | null {
  let mult = 1;
  const slash = rate.indexOf('/');
  if (slash >= 0) {
    const unit = rate.slice(slash + 1).toLowerCase();
    if (unit === '') return null;
    if ('second'.startsWith(unit)) mult = 1;
    else if ('minute'.startsWith(unit)) mult = 60;
    else if ('hour'.startsWith(unit)) mult = 3600;
    else if ('day'.startsWith(unit)) mult = 86400;
    else return null;
  }
  return { count: atoi(rate), mult };
}

/** XTTYPE_UINT*RC (xtopt_parse_mint): "a[:b]" up to `max`; a left-out half is 0 or max. */
export function parseRange(ext: string, opt: string, arg: string, max: bigint): bigint[] {
  const out: bigint[] = [];
  let at = 0;
  for (;;) {
    if (out.length === 2) throw paramError(`${ext}: Too many components for option "--${opt}" (max: 2)\n`);
    const rest = arg.slice(at);
    let end = at;
    let value: bigint;
    if (rest === '' || rest[0] === ':') value = out.length === 1 ? max : 0n;
    else {
      const m = /^[ \t\n\v\f\r]*\+?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(rest);
      const v = m ? BigInt(/^0[0-7]+$/.test(m[1]!) ? `0o${m[1]!.slice(1)}` : m[1]!) : -1n;
      if (v < 0n || v > max) throw paramError(`${ext}: bad value for option "--${opt}" near "${rest}", or out of range (0-${max}).\n`);
      end = at + m![0].length;
      if (end < arg.length && arg[end] !== ':') throw paramError(`${ext}: Argument to "--${opt}" has unexpected characters near "${arg.slice(end)}".\n`);
      value = v;
    }
    out.push(value);
    if (end >= arg.length) return out;
    at = end + 1;
  }
}
