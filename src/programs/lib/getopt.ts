// GNU getopt_long as coreutils uses it: clustered short options, long options with unique
// abbreviations and `=value`, `--` to end options, and operands mixed with options unless
// the spec asks for POSIX order. Errors carry glibc's exact wording.

export interface OptionDef {
  /** Key the parsed value is stored under. */
  key: string;
  short?: string;
  long?: string;
  /** 'none' flag, 'required' argument, 'optional' (long `--x=v` only). */
  arg?: 'none' | 'required' | 'optional';
}

export interface Parsed {
  /** For flags: count of occurrences; for options with arguments: every value in order. */
  flags: Map<string, number>;
  values: Map<string, string[]>;
  /** Options in order as given (for programs where order matters). */
  order: { key: string; value: string | undefined }[];
  operands: string[];
}

export class GetoptError extends Error {
  /** What was parsed before the failure (getopt_long hands options over one at a time). */
  partial?: Parsed;
  constructor(message: string) {
    super(message);
    this.name = 'GetoptError';
  }
}

export function getopt(args: readonly string[], defs: readonly OptionDef[], opts: { posixOrder?: boolean; negativeNumbers?: boolean } = {}): Parsed {
  const parsed: Parsed = { flags: new Map(), values: new Map(), order: [], operands: [] };
  const fail = (message: string): GetoptError => Object.assign(new GetoptError(message), { partial: parsed });
  const record = (d: OptionDef, value: string | undefined): void => {
    parsed.order.push({ key: d.key, value });
    if (value === undefined && (d.arg ?? 'none') !== 'required') parsed.flags.set(d.key, (parsed.flags.get(d.key) ?? 0) + 1);
    if (value !== undefined || d.arg === 'optional') {
      const list = parsed.values.get(d.key) ?? [];
      if (value !== undefined) list.push(value);
      parsed.values.set(d.key, list);
    }
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      parsed.operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const inline = eq < 0 ? undefined : a.slice(eq + 1);
      const exact = defs.find((d) => d.long === name);
      const candidates = exact ? [exact] : defs.filter((d) => d.long?.startsWith(name));
      // as glibc: a match that means the same as the first one (same key and argument kind,
      // like cp's --path for --parents) is no rival
      const first = candidates[0];
      const same = (d: OptionDef): boolean => d === first || (d.key === first!.key && (d.arg ?? 'none') === (first!.arg ?? 'none'));
      const rivals = candidates.filter((d) => !same(d));
      const distinct = rivals.length === 0 ? candidates.slice(0, 1) : [...new Map(candidates.filter((d) => d === first || !same(d)).map((d) => [d.long, d])).values()];
      if (distinct.length === 0) throw fail(`unrecognized option '${a}'`);
      if (distinct.length > 1) {
        // (as typed, a value after = included)
        throw fail(`option '${a}' is ambiguous; possibilities:${distinct.map((d) => ` '--${d.long}'`).join('')}`);
      }
      const d = distinct[0]!;
      const kind = d.arg ?? 'none';
      if (kind === 'none') {
        if (inline !== undefined) throw fail(`option '--${d.long}' doesn't allow an argument`);
        record(d, undefined);
      } else if (kind === 'optional') {
        record(d, inline);
      } else if (inline !== undefined) {
        record(d, inline);
      } else if (i + 1 < args.length) {
        record(d, args[++i]!);
      } else {
        throw fail(`option '--${d.long}' requires an argument`);
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && !(opts.negativeNumbers && /^-\d/.test(a))) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        const d = defs.find((x) => x.short === c);
        if (!d) throw fail(`invalid option -- '${c}'`);
        if ((d.arg ?? 'none') === 'required') {
          const rest = a.slice(j + 1);
          if (rest) record(d, rest);
          else if (i + 1 < args.length) record(d, args[++i]!);
          else throw fail(`option requires an argument -- '${c}'`);
          break;
        }
        if (d.arg === 'optional') {
          const rest = a.slice(j + 1);
          record(d, rest || undefined);
          break;
        }
        record(d, undefined);
      }
      continue;
    }
    if (opts.posixOrder) {
      parsed.operands.push(...args.slice(i));
      break;
    }
    parsed.operands.push(a);
  }
  return parsed;
}

export function flag(p: Parsed, key: string): boolean {
  return (p.flags.get(key) ?? 0) > 0;
}

export function lastValue(p: Parsed, key: string): string | undefined {
  const v = p.values.get(key);
  return v?.[v.length - 1];
}
