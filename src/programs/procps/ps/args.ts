// ps's three option syntaxes (procps-ng parser.c): `-x` UNIX options, `x` BSD options,
// `--x` GNU long options; the same selections and formats, with procps's error texts.

export interface Selection {
  pids: number[]; ppids: number[]; sids: number[]; pgids: number[];
  euids: number[]; ruids: number[]; egids: number[]; rgids: number[];
  ttys: string[]; comms: string[];
}

export interface PsOptions {
  all: boolean;
  /** UNIX -a -d, BSD a x. */
  uA: boolean; uD: boolean; bA: boolean; bX: boolean; bT: boolean;
  sel: Selection;
  hasList: boolean;
  negate: boolean;
  running: boolean;
  /** FF_Uf, FF_Ul, FM_F, FM_j, BSD format letter. */
  uf: boolean; ul: boolean; uF: boolean; uy: boolean; uj: boolean; uH: boolean; bsdFormat: string | undefined;
  formats: string[];
  oFormat: string | undefined;
  sort: string[];
  forest: boolean;
  noHeaders: boolean;
  wide: number;
  cols: number | undefined;
  bsdC: boolean;
  numeric: boolean;
  preferBsd: boolean;
  help: string | undefined;
  version: boolean;
  /** BSD L: list the format specifiers. */
  listFormats: boolean;
  /** -L (LWP column, and NLWP with -f/-F) and -T (SPID column): one row per thread. */
  threadsL: boolean;
  threadsT: boolean;
  /** Output modifiers (-Z/-M/Z: the LABEL column; -c, -P, -j, -y): none may go with -o. */
  mac: boolean;
  modifiers: boolean;
  /** How many selection lists were given, and how many of them by -q/--quick-pid. */
  lists: number;
  quick: number;
}

export class PsError extends Error {}

export interface Lookup {
  uid(name: string): number | undefined;
  gid(name: string): number | undefined;
}

function list(s: string, what: string, conv: (x: string) => number | string | undefined): (number | string)[] {
  // parse_list: items between single blanks, tabs or commas; an empty one is an improper list
  const items = s.split(/[, \t]/);
  if (items.some((x) => x === '')) throw new PsError('improper list');
  return items.map((x) => {
    const v = conv(x);
    if (v === undefined) throw new PsError(`${what} list syntax error`);
    return v;
  });
}

const num = (x: string): number | undefined => (/^\d+$/.test(x) ? Number(x) : undefined);

/**
 * parse_pid: strtoul in base 0 (0x hex, 0 octal) over the whole item; a value outside
 * 1..2^31-1 (0, a negative number, too many digits) is out of range.
 */
function pidNum(x: string): number | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(x);
  if (!m) return undefined;
  const d = m[2]!;
  const v = /^0[xX]/.test(d) ? BigInt(d) : d.length > 1 && d.startsWith('0') ? BigInt(`0o${d.slice(1)}`) : BigInt(d);
  if ((m[1] === '-' && v !== 0n) || v < 1n || v > 0x7fffffffn) throw new PsError('process ID out of range');
  return Number(v);
}

/**
 * `forceBsd` is procps's second chance: when the options fail as UNIX options, ps reads them
 * all again as BSD ones (`-ef` as `e` and `f`), and only if that fails too reports the first
 * error.
 */
export function parsePs(argv: string[], look: Lookup, forceBsd = false): PsOptions {
  const o: PsOptions = {
    all: false, uA: false, uD: false, bA: false, bX: false, bT: false,
    sel: { pids: [], ppids: [], sids: [], pgids: [], euids: [], ruids: [], egids: [], rgids: [], ttys: [], comms: [] },
    hasList: false, negate: false, running: false, uf: false, ul: false, uF: false, uy: false, uj: false, uH: false,
    bsdFormat: undefined, formats: [], oFormat: undefined, sort: [], forest: false, noHeaders: false, wide: 0,
    cols: undefined, bsdC: false, numeric: false, preferBsd: false, help: undefined, version: false, listFormats: false, threadsL: false, threadsT: false,
    mac: false, modifiers: false, lists: 0, quick: 0,
  };
  const users = (s: string, what = 'user name'): number[] => list(s, 'user', (x) => {
    const v = num(x) ?? look.uid(x);
    if (v === undefined) throw new PsError(`${what} does not exist`);
    return v;
  }) as number[];
  const groups = (s: string): number[] => list(s, 'group', (x) => {
    const v = num(x) ?? look.gid(x);
    if (v === undefined) throw new PsError('group name does not exist');
    return v;
  }) as number[];
  // looked up on the filesystem afterwards (findTtys)
  const ttys = (s: string): string[] => list(s, 'tty', (x) => x) as string[];
  const pids = (s: string, what: string): number[] => list(s, what, pidNum) as number[];
  const add = <K extends keyof Selection>(k: K, v: Selection[K]): void => {
    (o.sel[k] as unknown[]).push(...v);
    o.hasList = true;
    o.lists++;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = (flag: string, what: string): string => {
      const v = argv[++i];
      // an empty argument is as good as none
      if (v === undefined || v === '') throw new PsError(`${what} must follow ${flag}`);
      return v;
    };
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      // what parser.c says when the argument is missing or empty
      const missing: Record<string, string> = {
        pid: 'list of process IDs', 'quick-pid': 'list of process IDs', ppid: 'list of process IDs', sid: 'some sid thing(s)',
        tty: 'list of ttys', user: 'list of effective users', User: 'list of real users', group: 'list of effective groups',
        Group: 'list of real groups', format: 'format specification', sort: 'long sort specification',
      };
      const val = (): string => {
        const v = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
        if (v === undefined || v === '') {
          if (name === 'cols' || name === 'columns' || name === 'width') throw new PsError('number of columns must follow --cols, --width, or --columns');
          throw new PsError(`${missing[name] ?? 'argument'} must follow --${name}`);
        }
        return v;
      };
      switch (name) {
        case 'help': o.help = eq >= 0 ? arg.slice(eq + 1) : (argv[i + 1] && !argv[i + 1]!.startsWith('-') ? argv[++i] : ''); break;
        case 'version': case 'info': o.version = true; break;
        case 'forest': o.forest = true; break;
        case 'no-headers': case 'no-heading': o.noHeaders = true; break;
        case 'headers': case 'heading': break;
        case 'deselect': o.negate = true; break;
        case 'cumulative': break;
        case 'sort': o.sort.push(...val().split(',')); break;
        case 'format': o.formats.push(val()); break;
        case 'pid': add('pids', pids(val(), 'process ID')); break;
        case 'quick-pid': add('pids', pids(val(), 'process ID')); o.quick++; break;
        case 'ppid': add('ppids', pids(val(), 'process ID')); break;
        case 'sid': add('sids', pids(val(), 'process ID')); break;
        case 'tty': add('ttys', ttys(val())); break;
        case 'user': add('euids', users(val())); break;
        case 'User': add('ruids', users(val())); break;
        case 'group': add('egids', groups(val())); break;
        case 'Group': add('rgids', groups(val())); break;
        case 'cols': case 'columns': case 'width': {
          // strtol in base 0, then 0 < n < 2000000000
          const v = val();
          const m = /^\s*([-+]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.exec(v);
          const n = m ? (m[1] === '-' ? -1 : 1) * Number(/^0[0-7]+$/.test(m[2]!) ? parseInt(m[2]!, 8) : m[2]) : NaN;
          if (!(n > 0 && n < 2_000_000_000)) throw new PsError('number of columns must follow --cols, --width, or --columns');
          o.cols = n;
          break;
        }
        case 'lines': case 'rows': val(); break;
        default: throw new PsError('unknown gnu long option');
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1 && !forceBsd) {
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j]!;
        const rest = (): string => {
          const r = arg.slice(j + 1);
          j = arg.length;
          if (r) return r;
          const v = argv[++i];
          if (v === undefined || v === '') throw new PsError(`${c === 'o' ? 'format specification' : c === 'O' ? 'format or sort specification' : c === 'p' || c === 'q' ? 'list of process IDs' : c === 'u' || c === 'U' ? 'list of users' : c === 'C' ? 'list of command names' : c === 't' ? 'list of terminals' : c === 's' ? 'list of session IDs' : 'list of groups'} must follow -${c}`);
          return v;
        };
        switch (c) {
          case 'A': case 'e': o.all = true; break;
          case 'a': o.uA = true; break;
          case 'd': o.uD = true; break;
          case 'N': o.negate = true; break;
          case 'f': o.uf = true; break;
          case 'F': o.uf = true; o.uF = true; break;
          case 'l': o.ul = true; break;
          case 'j': o.uj = true; o.modifiers = true; break;
          case 'H': o.uH = true; break;
          case 'L': o.threadsL = true; break;
          case 'T': o.threadsT = true; break;
          case 'y': o.uy = true; o.modifiers = true; break;
          case 'M': case 'Z': o.mac = true; o.modifiers = true; break;
          case 'c': case 'P': o.modifiers = true; break;
          case 'm': break;
          case 'w': o.wide++; break;
          case 'o': o.formats.push(rest()); break;
          case 'O': o.oFormat = rest(); break;
          case 'p': add('pids', pids(rest(), 'process ID')); break;
          case 'q': add('pids', pids(rest(), 'process ID')); o.quick++; break;
          case 'C': add('comms', rest().split(',').filter(Boolean)); break;
          case 'u': add('euids', users(rest())); break;
          case 'U': add('ruids', users(rest())); break;
          case 'g': {
            // session leaders, or else effective group names
            const v = rest();
            try {
              add('sids', pids(v, 'process ID'));
            } catch (e) {
              if (!(e instanceof PsError)) throw e;
              try {
                add('egids', groups(v));
              } catch (e2) {
                if (!(e2 instanceof PsError)) throw e2;
                throw new PsError('list of session leaders OR effective group IDs was invalid');
              }
            }
            break;
          }
          case 'G': add('rgids', groups(rest())); break;
          case 's': add('sids', pids(rest(), 'process ID')); break;
          case 't': add('ttys', ttys(rest())); break;
          case 'V': o.version = true; break;
          default: throw new PsError('unsupported SysV option');
        }
      }
      continue;
    }
    // BSD: letters, some taking the rest of the word or the next word
    if (forceBsd && !arg.startsWith('-')) throw new PsError('way bad');
    o.preferBsd = true;
    for (let j = forceBsd ? 1 : 0; j < arg.length; j++) {
      const c = arg[j]!;
      const rest = (what: string): string => {
        const r = arg.slice(j + 1);
        j = arg.length;
        if (r) return r;
        const v = argv[++i];
        if (v === undefined || v === '') throw new PsError(what);
        return v;
      };
      switch (c) {
        case 'a': o.bA = true; break;
        case 'x': o.bX = true; break;
        case 'A': o.all = true; break;
        case 'g': break;
        case 'T': o.bT = true; break;
        case 'r': o.running = true; break;
        case 'u': case 'j': case 'l': case 's': case 'v': case 'X':
          if (o.bsdFormat && o.bsdFormat !== c) throw new PsError('conflicting format options');
          o.bsdFormat = c;
          break;
        case 'f': o.forest = true; break;
        case 'h': o.noHeaders = true; break;
        case 'c': o.bsdC = true; break;
        case 'n': o.numeric = true; break;
        case 'w': o.wide++; break;
        case 'L':
          // parse_bsd_option: L stands alone (exclusive("L"))
          if (argv.length !== 1 || arg.replace(/^-/, '') !== 'L') throw new PsError('the option is exclusive: L');
          o.listFormats = true;
          break;
        case 'Z': o.mac = true; o.modifiers = true; break;
        case 'e': case 'S': case 'H': case 'm': case 'M': break;
        case 'o': o.formats.push(rest('format specification must follow o')); break;
        case 'O': o.oFormat = rest('format or sort specification must follow O'); break;
        case 'k': o.sort.push(...rest('long sort specification must follow \'k\'').split(',')); break;
        case 'p': add('pids', pids(rest('list of process IDs must follow p'), 'process ID')); break;
        case 'U': add('euids', users(rest('list of users must follow U'))); o.bX = true; break;
        case 't': add('ttys', ttys(rest('list of terminals (pty, tty...) must follow t'))); break;
        case '-': break;
        default: throw new PsError('unsupported option (BSD syntax)');
      }
    }
  }
  if (o.threadsL && o.threadsT) throw new PsError("thread flags conflict; can't use both -L and -T");
  return o;
}
