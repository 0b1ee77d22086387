// A pflag FlagSet (spf13/pflag v1.0.5 flag.go parseArgs/parseLongArg/
// parseSingleShortArg) over the docker flag table: same argument forms
// (--name value, --name=value, -abc, -pVALUE, -p=VALUE, --), same error text.

import type { FlagSpec } from './commands-spec';
import { type FlagValue, initialFlagValue, invalidArgument, setFlagValue, type ValueContext } from './flag-values';
import { flagDefault } from './cli-env';

export class FlagSet {
  private readonly byName = new Map<string, FlagSpec>();
  private readonly byShort = new Map<string, FlagSpec>();
  private readonly setCount = new Map<string, number>();
  readonly values = new Map<string, FlagValue>();
  readonly changed = new Set<string>();
  readonly args: string[] = [];
  argsLenAtDash = -1;
  /** What pflag writes to its output (deprecation notices). */
  notices = '';

  constructor(
    readonly specs: readonly FlagSpec[],
    private readonly ctx: ValueContext,
    environ: ReadonlyMap<string, string>,
  ) {
    for (const f of specs) {
      this.byName.set(f.name, f);
      if (f.short !== undefined) this.byShort.set(f.short, f);
      if (f.storedIn === undefined) this.values.set(f.name, initialFlagValue(f, flagDefault(f, environ)));
    }
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  hasNoOptDefVal(name: string): boolean {
    return this.byName.get(name)?.kind === 'bool';
  }

  shortHasNoOptDefVal(c: string): boolean {
    return this.byShort.get(c)?.kind === 'bool';
  }

  get(name: string): FlagValue | undefined {
    return this.values.get(name);
  }

  private set(f: FlagSpec, raw: string): string | null {
    const key = f.storedIn ?? f.name;
    const count = this.setCount.get(key) ?? 0;
    const r = setFlagValue(f, this.values.get(key) ?? initialFlagValue(f, f.defValue), raw, count === 0, this.ctx);
    if (!r.ok) return invalidArgument(f, raw, r.error);
    this.values.set(key, r.value);
    this.setCount.set(key, count + 1);
    this.changed.add(f.name);
    this.changed.add(key);
    return null;
  }

  /** pflag parseArgs; returns the error text or null. */
  parse(input: readonly string[], interspersed: boolean): string | null {
    let args = [...input];
    while (args.length > 0) {
      const s = args.shift() as string;
      if (s.length === 0 || s[0] !== '-' || s.length === 1) {
        if (!interspersed) {
          this.args.push(s, ...args);
          return null;
        }
        this.args.push(s);
        continue;
      }
      if (s[1] === '-') {
        if (s.length === 2) {
          this.argsLenAtDash = this.args.length;
          this.args.push(...args);
          return null;
        }
        const r = this.parseLong(s, args);
        if (typeof r === 'string') return r;
        args = r;
      } else {
        let shorthands = s.slice(1);
        for (let guard = 0; shorthands.length > 0 && guard < 10000; guard++) {
          const r = this.parseSingleShort(shorthands, args);
          if (typeof r === 'string') return r;
          [shorthands, args] = r;
        }
      }
    }
    return null;
  }

  private parseLong(s: string, args: string[]): string[] | string {
    const body = s.slice(2);
    if (body.length === 0 || body[0] === '-' || body[0] === '=') return `bad flag syntax: ${s}`;
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    const f = this.byName.get(name);
    if (f === undefined) return `unknown flag: --${name}`;
    let value: string;
    let rest = args;
    if (eq >= 0) value = body.slice(eq + 1);
    else if (f.kind === 'bool') value = 'true';
    else if (args.length > 0) {
      value = args[0] as string;
      rest = args.slice(1);
    } else return `flag needs an argument: ${s}`;
    const err = this.set(f, value);
    return err ?? rest;
  }

  private parseSingleShort(shorthands: string, args: string[]): [string, string[]] | string {
    const c = shorthands.charAt(0);
    let outShorts = shorthands.slice(1);
    let outArgs = args;
    const f = this.byShort.get(c);
    if (f === undefined) return `unknown shorthand flag: '${c}' in -${shorthands}`;
    let value: string;
    if (shorthands.length > 2 && shorthands[1] === '=') {
      value = shorthands.slice(2);
      outShorts = '';
    } else if (f.kind === 'bool') {
      value = 'true';
    } else if (shorthands.length > 1) {
      value = shorthands.slice(1);
      outShorts = '';
    } else if (args.length > 0) {
      value = args[0] as string;
      outArgs = args.slice(1);
    } else {
      return `flag needs an argument: '${c}' in -${shorthands}`;
    }
    if (f.shorthandDeprecated !== undefined) {
      this.notices += `Flag shorthand -${c} has been deprecated, ${f.shorthandDeprecated}\n`;
    }
    const err = this.set(f, value);
    return err ?? [outShorts, outArgs];
  }

  record(): Record<string, FlagValue> {
    const out: Record<string, FlagValue> = Object.create(null) as Record<string, FlagValue>;
    for (const [k, v] of this.values) out[k] = v;
    return out;
  }
}

// ---------------------------------------------------------------------------
// Typed access to parsed flag values

/** The part of a ParsedCommand the accessors read. */
export interface ParsedFlags {
  readonly path: readonly string[];
  readonly flags: Readonly<Record<string, FlagValue>>;
}

function value(p: ParsedFlags, name: string): FlagValue {
  const v = p.flags[name];
  if (v === undefined) throw new Error(`docker ${p.path.join(' ')} has no --${name} flag`);
  return v;
}

export function flagBool(p: ParsedFlags, name: string): boolean {
  const v = value(p, name);
  if (typeof v !== 'boolean') throw new Error(`--${name} is not a boolean flag`);
  return v;
}

export function flagString(p: ParsedFlags, name: string): string {
  const v = value(p, name);
  if (typeof v !== 'string') throw new Error(`--${name} is not a string flag`);
  return v;
}

/** Integers, sizes in bytes, durations in milliseconds, CPUs in nano-CPUs. */
export function flagNumber(p: ParsedFlags, name: string): number {
  const v = value(p, name);
  if (typeof v !== 'number') throw new Error(`--${name} is not a numeric flag`);
  return v;
}

export function flagList(p: ParsedFlags, name: string): readonly string[] {
  const v = value(p, name);
  if (!Array.isArray(v)) throw new Error(`--${name} is not a list flag`);
  return v as readonly string[];
}

export function flagMap(p: ParsedFlags, name: string): Readonly<Record<string, string>> {
  const v = value(p, name);
  if (typeof v !== 'object' || Array.isArray(v)) throw new Error(`--${name} is not a map flag`);
  return v as Readonly<Record<string, string>>;
}
