// Flag value conversion for the docker CLI: pflag's Value.Set for each type
// docker uses and the opts/*.go validators, whose error text ends up in
// messages such as
//   invalid argument "x" for "-m, --memory" flag: invalid size: 'x'

import { goQuote, parseUlimit, ramInBytes } from '../../../shared/docker-units';
import type { FlagKind, FlagSpec, ValidatorName } from './commands-spec';
import {
  fail,
  formatIP,
  ok,
  parseGoBool,
  parseGoDuration,
  parseGoInt,
  parseIP,
  readCsvLine,
  referenceError,
  type Result,
} from './go-parse';

export type { Result } from './go-parse';

/** A parsed flag value. Lists accumulate; maps are prototype-free objects. */
export type FlagValue = boolean | string | number | readonly string[] | Readonly<Record<string, string>>;

// ---------------------------------------------------------------------------
// Validators (opts/*.go)

export interface ValueContext {
  /** The client's environment, for `-e NAME` without a value. */
  readonly environ: ReadonlyMap<string, string>;
}

const DNS_DOMAIN_RE =
  /^(:?(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))(:?\.(:?[a-zA-Z0-9]|(:?[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])))*)\.?\s*$/;
const WHITESPACE = ' \t\n\v\f\r';
const SYSCTL_NAMES = new Set([
  'kernel.msgmax', 'kernel.msgmnb', 'kernel.msgmni', 'kernel.sem',
  'kernel.shmall', 'kernel.shmmax', 'kernel.shmmni', 'kernel.shm_rmid_forced',
]);

export function runValidator(name: ValidatorName, val: string, ctx: ValueContext): Result<string> {
  switch (name) {
    case 'env': {
      const eq = val.indexOf('=');
      const k = eq < 0 ? val : val.slice(0, eq);
      if (k === '') return fail(`invalid environment variable: ${val}`);
      if (eq >= 0) return ok(val);
      const v = ctx.environ.get(k);
      return ok(v === undefined ? val : `${k}=${v}`);
    }
    case 'label': {
      const eq = val.indexOf('=');
      let key = eq < 0 ? val : val.slice(0, eq);
      while (key !== '' && WHITESPACE.includes(key.charAt(0))) key = key.slice(1);
      if (key === '') return fail(`invalid label '${val}': empty name`);
      if ([...key].some((c) => WHITESPACE.includes(c))) return fail(`label '${key}' contains whitespaces`);
      return ok(val);
    }
    case 'ip': {
      const ip = parseIP(val.trim());
      return ip ? ok(formatIP(ip)) : fail(`IP address is not correctly formatted: ${val}`);
    }
    case 'dnsSearch': {
      const v = val.replace(/^ +| +$/g, '');
      if (v === '.') return ok(v);
      if (!/[a-zA-Z]/.test(v)) return fail(`${v} is not a valid domain`);
      const m = DNS_DOMAIN_RE.exec(v);
      if (m && (m[1] ?? '').length < 255) return ok(m[1] ?? '');
      return fail(`${v} is not a valid domain`);
    }
    case 'extraHost': {
      let cut = val.indexOf('=');
      if (cut < 0) cut = val.indexOf(':');
      const k = cut < 0 ? '' : val.slice(0, cut);
      let v = cut < 0 ? '' : val.slice(cut + 1);
      if (cut < 0 || k === '' || k.includes(':')) return fail(`bad format for add-host: ${goQuote(val)}`);
      if (v !== 'host-gateway') {
        if (v.length > 2 && v.startsWith('[') && v.endsWith(']')) v = v.slice(1, -1);
        if (parseIP(v.trim()) === null) return fail(`invalid IP address in add-host: ${goQuote(v)}`);
      }
      return ok(`${k}:${v}`);
    }
    case 'link': {
      if (val === '') return fail('empty string specified for links');
      if (val.split(':').length > 2) return fail(`bad format for links: ${val}`);
      return ok(val);
    }
    case 'attach': {
      const s = val.toLowerCase();
      if (s === 'stdin' || s === 'stdout' || s === 'stderr') return ok(s);
      return fail('valid streams are STDIN, STDOUT and STDERR');
    }
    case 'deviceCgroupRule':
      return /^[acb] ([0-9]+|\*):([0-9]+|\*) [rwm]{1,3}$/.test(val)
        ? ok(val)
        : fail(`invalid device cgroup format '${val}'`);
    case 'sysctl': {
      const eq = val.indexOf('=');
      const k = eq < 0 ? '' : val.slice(0, eq);
      if (eq < 0 || k === '') return fail(`sysctl '${val}' is not allowed`);
      if (SYSCTL_NAMES.has(k) || k.startsWith('net.') || k.startsWith('fs.mqueue.')) return ok(val);
      return fail(`sysctl '${val}' is not allowed`);
    }
    case 'tag': {
      const err = referenceError(val);
      return err === null ? ok(val) : fail(err);
    }
  }
}

// ---------------------------------------------------------------------------
// Value.Set per flag kind

function deviceRule(val: string, kind: 'throttleBps' | 'throttleIops' | 'weightDevice'): Result<string> {
  const cut = val.indexOf(':');
  const k = cut < 0 ? '' : val.slice(0, cut);
  const v = val.slice(cut + 1);
  if (cut < 0 || k === '') return fail(`bad format: ${val}`);
  if (!k.startsWith('/dev/')) return fail(`bad format for device path: ${val}`);
  if (kind === 'throttleBps') {
    const r = ramInBytes(v);
    if (!r.ok || r.value < 0) {
      return fail(
        `invalid rate for device: ${val}. The correct format is <device-path>:<number>[<unit>]. Number must be a positive integer. Unit is optional and can be kb, mb, or gb`,
      );
    }
    return ok(val);
  }
  if (kind === 'throttleIops') {
    if (!/^\d+$/.test(v) || BigInt(v) > 18446744073709551615n) {
      return fail(`invalid rate for device: ${val}. The correct format is <device-path>:<number>. Number must be a positive integer`);
    }
    return ok(val);
  }
  if (!/^\d+$/.test(v) || Number(v) > 65535) return fail(`invalid weight for device: ${val}`);
  const w = Number(v);
  if (w > 0 && (w < 10 || w > 1000)) return fail(`invalid weight for device: ${val}`);
  return ok(val);
}

/** opts.ParseCPUs: a rational number of CPUs, as nano-CPUs. */
function parseCpus(value: string): Result<number> {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(value);
  const frac = /^([+-]?)(\d+)\/(\d+)$/.exec(value);
  let num: bigint;
  let den: bigint;
  if (frac) {
    num = BigInt(frac[2] ?? '0') * (frac[1] === '-' ? -1n : 1n);
    den = BigInt(frac[3] ?? '1');
    if (den === 0n) return fail(`failed to parse ${value} as a rational number`);
  } else if (m && ((m[2] ?? '') !== '' || (m[3] ?? '') !== '')) {
    const f = m[3] ?? '';
    num = BigInt(`${m[2] || '0'}${f}`) * (m[1] === '-' ? -1n : 1n);
    den = 10n ** BigInt(f.length);
    const e = Number(m[4] ?? '0');
    if (Math.abs(e) > 10000) return fail(`failed to parse ${value} as a rational number`);
    if (e >= 0) num *= 10n ** BigInt(e);
    else den *= 10n ** BigInt(-e);
  } else {
    return fail(`failed to parse ${value} as a rational number`);
  }
  const nano = num * 1000000000n;
  if (nano % den !== 0n) return fail('value is too precise');
  return ok(Number(nano / den));
}

/**
 * Apply one occurrence of a flag. `prev` is the current value; `first` tells
 * whether this is the first time the flag is set (pflag slices replace their
 * default on the first Set and append afterwards).
 */
export function setFlagValue(
  spec: FlagSpec,
  prev: FlagValue,
  raw: string,
  first: boolean,
  ctx: ValueContext,
): Result<FlagValue> {
  const list = (): string[] => (Array.isArray(prev) ? [...(prev as readonly string[])] : []);
  const kind: FlagKind = spec.kind;
  switch (kind) {
    case 'bool':
      return parseGoBool(raw);
    case 'string':
      return ok(raw);
    case 'quotedString': {
      if (raw.length >= 2) {
        for (const q of ["'", '"']) {
          if (raw.startsWith(q) && raw.endsWith(q)) return ok(raw.slice(1, -1));
        }
      }
      return ok(raw);
    }
    case 'int':
    case 'int64':
      return parseGoInt(raw, 64, false);
    case 'uint16':
      return parseGoInt(raw, 16, true);
    case 'uint64':
      return parseGoInt(raw, 64, true);
    case 'duration':
      return parseGoDuration(raw);
    case 'bytes':
      return ramInBytes(raw);
    case 'swapBytes':
      return raw === '-1' ? ok(-1) : ramInBytes(raw);
    case 'decimal':
      return parseCpus(raw);
    case 'stringSlice': {
      const r = readCsvLine(raw);
      if (!r.ok) return r;
      return ok(first ? r.value : [...list(), ...r.value]);
    }
    case 'stringArray':
      return ok(first ? [raw] : [...list(), raw]);
    case 'stringToString': {
      const r = readCsvLine(raw);
      if (!r.ok) return r;
      const out: Record<string, string> = Object.create(null) as Record<string, string>;
      if (!first) Object.assign(out, prev);
      for (const pair of r.value) {
        const eq = pair.indexOf('=');
        if (eq < 0) return fail(`${pair} must be formatted as key=value`);
        out[pair.slice(0, eq)] = pair.slice(eq + 1);
      }
      return ok(out);
    }
    case 'list': {
      let v = raw;
      if (spec.validator !== undefined) {
        const r = runValidator(spec.validator, raw, ctx);
        if (!r.ok) return r;
        v = r.value;
      }
      return ok([...list(), v]);
    }
    case 'map': {
      let v = raw;
      if (spec.validator !== undefined) {
        const r = runValidator(spec.validator, raw, ctx);
        if (!r.ok) return r;
        v = r.value;
      }
      const eq = v.indexOf('=');
      const out: Record<string, string> = Object.create(null) as Record<string, string>;
      Object.assign(out, prev);
      out[eq < 0 ? v : v.slice(0, eq)] = eq < 0 ? '' : v.slice(eq + 1);
      return ok(out);
    }
    case 'filter': {
      if (raw === '') return ok(list());
      const eq = raw.indexOf('=');
      if (eq < 0) return fail('bad format of filter (expected name=value)');
      return ok([...list(), `${raw.slice(0, eq).trim().toLowerCase()}=${raw.slice(eq + 1).trim()}`]);
    }
    case 'ulimit': {
      const r = parseUlimit(raw);
      if (!r.ok) return r;
      // a later value for the same limit replaces the earlier one
      return ok([...list().filter((x) => !x.startsWith(`${r.value.name}=`)), raw]);
    }
    case 'throttleBps':
    case 'throttleIops':
    case 'weightDevice': {
      const r = deviceRule(raw, kind);
      if (!r.ok) return r;
      return ok([...list(), r.value]);
    }
    case 'mount':
    case 'network':
    case 'gpus':
      return ok([...list(), raw]);
  }
}

/** The value a flag holds before it is set. */
export function initialFlagValue(spec: FlagSpec, defValue: string): FlagValue {
  switch (spec.kind) {
    case 'bool':
      return defValue === 'true';
    case 'string':
    case 'quotedString':
      return defValue;
    case 'int':
    case 'int64':
    case 'uint16':
    case 'uint64':
    case 'bytes':
    case 'swapBytes':
      return Number(defValue) || 0;
    case 'duration':
    case 'decimal':
      return 0;
    case 'map':
    case 'stringToString':
      return Object.create(null) as Record<string, string>;
    default:
      return [];
  }
}

/** True when the parse error text needs pflag's "invalid argument" wrapper. */
export function invalidArgument(spec: FlagSpec, raw: string, err: string): string {
  const name =
    spec.short !== undefined && spec.shorthandDeprecated === undefined ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
  return `invalid argument ${goQuote(raw)} for ${goQuote(name)} flag: ${err}`;
}

