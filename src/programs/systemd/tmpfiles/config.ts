// tmpfiles.d(5) lines (TYPE PATH MODE USER GROUP AGE ARGUMENT) read as systemd-tmpfiles 252
// parses them: a bad line is reported as "FILE:LINE: message" and skipped (the run then ends
// with EX_DATAERR), a second line for a path that clashes with the first is ignored.
import type { JournalReply } from '../../../shared/services/journal';
import { parseTimespan } from '../../../shared/systemd/time-span';
import { cunescape, extractFirstWord } from '../../../shared/systemd/words';
import type { Ctx } from '../../lib/context';

export interface Options {
  create: boolean;
  clean: boolean;
  remove: boolean;
  boot: boolean;
  catConfig: boolean;
  /** The --root= directory without a trailing slash; '' for the real root. */
  root: string;
  prefixes: string[];
  excludes: string[];
  files: string[];
}

export interface Item {
  type: string;
  /** The path below the root, as written (after specifiers); `full` has the root in front. */
  full: string;
  force: boolean;
  allowFailure: boolean;
  mode: number;
  modeSet: boolean;
  /** '~': the mode's bits are masked by what the file already has. */
  maskPerms: boolean;
  /** ':' before the mode, user or group: applied only to what the line makes. */
  modeOnlyCreate: boolean;
  uidOnlyCreate: boolean;
  gidOnlyCreate: boolean;
  uid?: number;
  gid?: number;
  /** Age in milliseconds; undefined for '-'. */
  age?: number;
  keepFirstLevel: boolean;
  argument?: string;
  /** The line, for messages. */
  where: string;
}

const KNOWN = 'fFwdDevqQpLcbCxXrRzZtThHaA';
/** Lines that claim a path: two differing lines of one group clash ("Duplicate line"). */
const CREATING = 'fFdDvqQpLcb';
const GLOBBING = 'wexXrR';
const NO_ARGUMENT = 'dDvqQpxXrRzZe';
const DIRECTORY_MODE = 'dDvqQ';

/** The root's passwd or group file as name -> id. */
async function idTable(ctx: Ctx, path: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  let text = '';
  try {
    text = new TextDecoder().decode(await ctx.sys.readFile(path));
  } catch {
    return out;
  }
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f.length >= 3 && /^\d+$/.test(f[2]!) && !out.has(f[0]!)) out.set(f[0]!, Number(f[2]));
  }
  return out;
}

/** parse_attribute_from_arg(): chattr letters after an optional + - or =; the message for bad ones. */
function attributeError(arg: string): string | undefined {
  const body = /^[+=-]/.test(arg) ? arg.slice(1) : arg;
  if (body === '' && arg[0] !== '=') return "Setting file attribute on '%s' needs an attribute specification.";
  for (const c of body) if (!'aAcCdDeijPsStTu'.includes(c)) return `Unknown file attribute '${c}' on '%s'.`;
  return undefined;
}

export class Config {
  invalid = false;
  readonly items = new Map<string, Item[]>();
  private users?: Map<string, number>;
  private groups?: Map<string, number>;
  private specifiers?: Record<string, string | undefined>;

  constructor(
    readonly ctx: Ctx,
    readonly o: Options,
  ) {}

  private async text(path: string): Promise<string | undefined> {
    try {
      return new TextDecoder().decode(await this.ctx.sys.readFile(path));
    } catch {
      return undefined;
    }
  }

  /** The specifier table: %m and the os-release ones come from the root's files. */
  private async table(): Promise<Record<string, string | undefined>> {
    if (this.specifiers) return this.specifiers;
    const host = this.ctx.sys.uname();
    const machineId = (await this.text(`${this.o.root}/etc/machine-id`))?.trim() || undefined;
    const boots = (await this.ctx.sys.call('journal', { kind: 'boots' })) as JournalReply;
    const bootId = boots.kind === 'boots' ? boots.boots.at(-1)?.id.replace(/-/g, '') : undefined;
    const osRelease = (await this.text(`${this.o.root}/etc/os-release`)) ?? (await this.text(`${this.o.root}/usr/lib/os-release`)) ?? '';
    const field = (k: string): string => new RegExp(`^${k}=(.*)$`, 'm').exec(osRelease)?.[1]?.replace(/^(["'])(.*)\1$/, '$2') ?? '';
    const short = host.nodename.split('.')[0] ?? '';
    // systemd 252 puts the root in front of %t %S %C %L (and again in front of the whole path)
    const r = this.o.root;
    this.specifiers = {
      '%': '%', m: machineId, b: bootId, H: host.nodename, l: short, v: host.release, a: 'x86-64',
      o: field('ID'), w: field('VERSION_ID'), B: field('BUILD_ID'), W: field('VARIANT_ID'),
      T: '/tmp', V: '/var/tmp', t: `${r}/run`, S: `${r}/var/lib`, C: `${r}/var/cache`, L: `${r}/var/log`, h: '/root', u: 'root', U: '0', g: 'root', G: '0',
    };
    return this.specifiers;
  }

  /** specifier_printf(): the expanded text, 'EBADSLT' for an unknown letter, 'ENXIO' for one with no value here. */
  private async expand(s: string): Promise<string | 'EBADSLT' | 'ENXIO'> {
    if (!s.includes('%')) return s;
    const table = await this.table();
    let out = '';
    for (let i = 0; i < s.length; i++) {
      if (s[i] !== '%') {
        out += s[i];
        continue;
      }
      const c = s[++i];
      if (c === undefined || !(c in table)) return 'EBADSLT';
      const v = table[c];
      if (v === undefined) return 'ENXIO';
      out += v;
    }
    return out;
  }

  /** A user or group column: root and numbers always, names from the root's files. */
  private async resolve(kind: 'user' | 'group', name: string): Promise<number | undefined> {
    if (name === 'root') return 0;
    if (/^\d+$/.test(name)) {
      const n = Number(name);
      return n >= 0xffffffff || (kind === 'user' && n === 0xffff) ? undefined : n;
    }
    if (kind === 'user') {
      this.users ??= await idTable(this.ctx, `${this.o.root}/etc/passwd`);
      return this.users.get(name);
    }
    this.groups ??= await idTable(this.ctx, `${this.o.root}/etc/group`);
    return this.groups.get(name);
  }

  private included(path: string): boolean {
    const under = (p: string, prefix: string): boolean => {
      const q = prefix.replace(/\/+$/, '');
      return q === '' || p === q || p.startsWith(`${q}/`);
    };
    if (this.o.excludes.some((e) => under(path, e))) return false;
    return this.o.prefixes.length === 0 || this.o.prefixes.some((p) => under(path, p));
  }

  /** parse_line(): one line into an item, or a message and nothing. */
  async parseLine(fname: string, line: number, text: string): Promise<void> {
    const where = `${fname}:${line}`;
    const syntax = async (msg: string, invalid = true): Promise<void> => {
      if (invalid) this.invalid = true;
      await this.ctx.err.write(`${where}: ${msg}\n`);
    };
    const fields: string[] = [];
    let pos: number | undefined = 0;
    while (fields.length < 6 && pos !== undefined) {
      const w = extractFirstWord(text, pos, { unquote: true, relax: false });
      if (w === 'error') return syntax('Failed to parse line: Invalid argument');
      if (w === null) break;
      fields.push(w.word);
      pos = w.next;
    }
    if (fields.length < 2) return syntax('Syntax error.');
    const rest = pos === undefined ? '' : text.slice(pos);
    const [action = '', rawPath = '', mode = '-', user = '-', group = '-', age = '-'] = fields;
    let argument = rest === '' || rest === '-' ? undefined : rest;
    let force = false;
    let allowFailure = false;
    let boot = false;
    for (const m of action.slice(1)) {
      if (m === '!' && !boot) boot = true;
      else if (m === '+' && !force) force = true;
      else if (m === '-' && !allowFailure) allowFailure = true;
      else return syntax(`Unknown modifiers in command '${action}'`);
    }
    if (boot && !this.o.boot) return;
    const type = action[0]!;
    let path = await this.expand(rawPath);
    if (path === 'ENXIO') return;
    if (path === 'EBADSLT') return syntax(`Failed to replace specifiers in '${rawPath}': Invalid slot`);
    if (path.startsWith('/var/run/')) path = `/run/${path.slice(9)}`;
    if (!KNOWN.includes(type)) return syntax(`Unknown command type '${type}'.`);
    if (NO_ARGUMENT.includes(type)) {
      if (argument !== undefined) await syntax(`${type} lines don't take argument fields, ignoring.`, false);
      argument = undefined;
    } else if (type === 'L') argument ??= `/usr/share/factory${path}`;
    else if (type === 'w' && argument === undefined) return syntax('Write file requires argument.');
    else if (type === 'C') {
      if (argument === undefined) argument = `/usr/share/factory${path}`;
      else if (!argument.startsWith('/')) return syntax(`Source path '${argument}' is not absolute.`);
    } else if (type === 'c' || type === 'b') {
      if (argument === undefined) return syntax('Device file requires argument.');
      if (!/^\d+:\d+$/.test(argument)) return syntax(`Can't parse device file major/minor '${argument}'.`);
    } else if ((type === 'h' || type === 'H') && argument === undefined) return syntax('Set file attribute requires argument.');
    else if ((type === 'a' || type === 'A') && argument === undefined) return syntax('Set ACLs requires argument.');
    else if ((type === 't' || type === 'T') && argument === undefined) return syntax('Set extended attribute requires argument.');
    if (!path.startsWith('/')) return syntax(`Path '${path}' not absolute.`);
    path = path.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
    if (!this.included(path)) return;
    if (argument !== undefined && 'CLfFw'.includes(type)) {
      const unescaped = cunescape(argument);
      if (unescaped === undefined) {
        await this.ctx.err.write(`Failed to unescape parameter to write: ${argument}\n`);
        return syntax('Failed to substitute specifiers in argument: Invalid argument');
      }
      const r = await this.expand(unescaped);
      if (r === 'ENXIO') return;
      if (r === 'EBADSLT') return syntax('Failed to substitute specifiers in argument: Invalid slot');
      argument = r;
    }
    if ((type === 'h' || type === 'H') && argument !== undefined) {
      const bad = attributeError(argument);
      if (bad !== undefined) {
        this.invalid = true;
        await this.ctx.err.write(`${bad.replace('%s', path)}\n`);
        return;
      }
    }
    const full = `${this.o.root}${path}`;
    const item: Item = { type, full, force, allowFailure, mode: DIRECTORY_MODE.includes(type) ? 0o755 : 0o644, modeSet: false, maskPerms: false, modeOnlyCreate: false, uidOnlyCreate: user.startsWith(':'), gidOnlyCreate: group.startsWith(':'), keepFirstLevel: false, argument, where };
    const owner = user.replace(/^:/, '');
    if (owner !== '-' && owner !== '') {
      const uid = await this.resolve('user', owner);
      if (uid === undefined) return syntax(`Failed to resolve user '${owner}': No such process`);
      item.uid = uid;
    }
    const grp = group.replace(/^:/, '');
    if (grp !== '-' && grp !== '') {
      const gid = await this.resolve('group', grp);
      if (gid === undefined) return syntax(`Failed to resolve group '${grp}'.`);
      item.gid = gid;
    }
    if (mode !== '-' && mode !== '') {
      const m = /^([~:]*)([0-7]+)$/.exec(mode);
      const value = m ? parseInt(m[2]!, 8) : NaN;
      if (!m || value > 0o7777) return syntax(`Invalid mode '${mode}'.`);
      item.mode = value;
      item.modeSet = true;
      item.maskPerms = m[1]!.includes('~');
      item.modeOnlyCreate = m[1]!.includes(':');
    }
    if (age !== '-' && age !== '') {
      let a = age;
      const colon = a.indexOf(':');
      if (colon >= 0) {
        const by = a.slice(0, colon);
        if (by === '' || /[^aAbBcCmM]/.test(by)) return syntax(`Invalid age-by '${by}'.`);
        a = a.slice(colon + 1);
      }
      if (a.startsWith('~')) {
        item.keepFirstLevel = true;
        a = a.slice(1);
      }
      const usec = parseTimespan(a);
      if (typeof usec === 'string') return syntax(`Invalid age '${a}'.`);
      item.age = Number(usec / 1000n);
    }
    await this.add(path, item);
  }

  private async add(path: string, item: Item): Promise<void> {
    const existing = this.items.get(path) ?? [];
    const group = (t: string): string => (CREATING.includes(t) ? 'c' : GLOBBING.includes(t) ? 'g' : '');
    const same = (a: Item): boolean =>
      a.argument === item.argument && a.uid === item.uid && a.gid === item.gid && a.mode === item.mode && a.modeSet === item.modeSet &&
      a.maskPerms === item.maskPerms && a.modeOnlyCreate === item.modeOnlyCreate && a.uidOnlyCreate === item.uidOnlyCreate &&
      a.gidOnlyCreate === item.gidOnlyCreate && a.age === item.age && a.keepFirstLevel === item.keepFirstLevel;
    const g = group(item.type);
    if (g !== '' && existing.some((a) => group(a.type) === g && !same(a))) {
      await this.ctx.err.write(`${item.where}: Duplicate line for path "${item.full}", ignoring.\n`);
      return;
    }
    existing.push(item);
    this.items.set(path, existing);
  }

  async read(fname: string, text: string): Promise<void> {
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!.replace(/^[ \t\r]+|[ \t\r]+$/g, '');
      if (l === '' || l.startsWith('#')) continue;
      await this.parseLine(fname, i + 1, l);
    }
  }
}
