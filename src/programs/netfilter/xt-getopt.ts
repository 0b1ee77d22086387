// getopt_long as iptables drives it: the option string starts with "-:" (non-options come back
// in order as code 1, a missing argument as ':'), errors are silent (opterr = 0, so unknown or
// ambiguous options come back as '?'), and the long-option table grows while parsing, as
// matches and targets are loaded. Long options may be abbreviated to a unique prefix.

export interface LongOpt {
  name: string;
  /** 0 none, 1 required, 2 optional (only as --name=value) */
  hasArg: 0 | 1 | 2;
  /** what getopt returns: a core option letter or an extension option key */
  val: string;
}

/** What went wrong at the last '?' or ':' (what glibc would have printed with opterr set). */
export type GetoptError =
  | { kind: 'invalid'; ch: string }
  | { kind: 'needsArg'; ch: string }
  | { kind: 'unrecognized'; text: string }
  | { kind: 'ambiguous'; text: string; names: string[] }
  | { kind: 'noArgAllowed'; name: string }
  | { kind: 'longNeedsArg'; name: string };

/** glibc getopt's message for an error, without the "PROG: " before it. */
export function getoptMessage(e: GetoptError): string {
  switch (e.kind) {
    case 'invalid':
      return `invalid option -- '${e.ch}'`;
    case 'needsArg':
      return `option requires an argument -- '${e.ch}'`;
    case 'unrecognized':
      return `unrecognized option '--${e.text}'`;
    case 'ambiguous':
      return `option '--${e.text}' is ambiguous; possibilities:${e.names.map((n) => ` '--${n}'`).join('')}`;
    case 'noArgAllowed':
      return `option '--${e.name}' doesn't allow an argument`;
    case 'longNeedsArg':
      return `option '--${e.name}' requires an argument`;
  }
}

export interface GetoptResult {
  /** option letter/key, 1 for a non-option, '?' unknown, ':' missing argument */
  c: string | 1;
  optarg: string | null;
}

export class XtGetopt {
  /** index of the next argv element to scan (glibc's optind) */
  optind = 1;
  private nextchar = 0;
  /** the last error's details */
  error: GetoptError | null = null;

  constructor(
    readonly argv: readonly string[],
    private readonly shortSpec: string,
  ) {}

  /** Returns null at the end (getopt's -1). */
  next(longOpts: readonly LongOpt[]): GetoptResult | null {
    const argv = this.argv;
    if (this.nextchar === 0) {
      if (this.optind >= argv.length) return null;
      const arg = argv[this.optind]!;
      if (arg === '--') {
        this.optind++;
        return null;
      }
      if (!arg.startsWith('-') || arg === '-') {
        this.optind++;
        return { c: 1, optarg: arg };
      }
      if (arg.startsWith('--')) return this.long(arg, longOpts);
      this.nextchar = 1;
    }
    return this.short();
  }

  private long(arg: string, longOpts: readonly LongOpt[]): GetoptResult {
    this.optind++;
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq >= 0 ? eq : undefined);
    let found = longOpts.find((o) => o.name === name);
    if (!found) {
      const cands = longOpts.filter((o) => o.name.startsWith(name));
      const first = cands[0];
      if (!first) return this.fail('?', { kind: 'unrecognized', text: arg.slice(2) });
      if (cands.some((o) => o.hasArg !== first.hasArg || o.val !== first.val)) return this.fail('?', { kind: 'ambiguous', text: name, names: cands.map((o) => o.name) });
      found = first;
    }
    if (eq >= 0) {
      if (found.hasArg === 0) return this.fail('?', { kind: 'noArgAllowed', name: found.name });
      return { c: found.val, optarg: arg.slice(eq + 1) };
    }
    if (found.hasArg === 1) {
      if (this.optind >= this.argv.length) return this.fail(':', { kind: 'longNeedsArg', name: found.name });
      return { c: found.val, optarg: this.argv[this.optind++]! };
    }
    return { c: found.val, optarg: null };
  }

  private short(): GetoptResult {
    const arg = this.argv[this.optind]!;
    const ch = arg[this.nextchar++]!;
    const atEnd = this.nextchar >= arg.length;
    const pos = ch === ':' || ch === '-' ? -1 : this.shortSpec.indexOf(ch);
    if (pos < 0) {
      if (atEnd) this.finishCluster();
      return this.fail('?', { kind: 'invalid', ch });
    }
    const colons = this.shortSpec[pos + 1] === ':' ? (this.shortSpec[pos + 2] === ':' ? 2 : 1) : 0;
    if (colons === 0) {
      if (atEnd) this.finishCluster();
      return { c: ch, optarg: null };
    }
    if (!atEnd) {
      const rest = arg.slice(this.nextchar);
      this.finishCluster();
      return { c: ch, optarg: rest };
    }
    this.finishCluster();
    if (colons === 2) return { c: ch, optarg: null };
    if (this.optind >= this.argv.length) return this.fail(':', { kind: 'needsArg', ch });
    return { c: ch, optarg: this.argv[this.optind++]! };
  }

  private fail(c: '?' | ':', error: GetoptError): GetoptResult {
    this.error = error;
    return { c, optarg: null };
  }

  private finishCluster(): void {
    this.nextchar = 0;
    this.optind++;
  }

  /** xs_has_arg: the next element exists and starts with neither '-' nor '!' */
  hasArg(): boolean {
    const a = this.argv[this.optind];
    return a !== undefined && !a.startsWith('-') && !a.startsWith('!');
  }

  /** Takes the next element (after hasArg said yes). */
  take(): string {
    return this.argv[this.optind++]!;
  }

  /** Re-reads the element just consumed (after loading a protocol match, like optind--). */
  rewind(): void {
    this.nextchar = 0;
    this.optind--;
  }
}
