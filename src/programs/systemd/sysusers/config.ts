// sysusers.d(5) lines as systemd-sysusers 252 reads them: "u NAME ID GECOS HOME SHELL",
// "g NAME ID", "m USER GROUP", "r - RANGE"; a bad line is reported as FILE:LINE: message.
import { extractFirstWord } from '../../../shared/systemd/words';

export interface UserItem {
  name: string;
  /** A number, a path whose owner gives it, or undefined to allocate. */
  uid?: number;
  uidPath?: string;
  /** "uid:group": the group's name or number. */
  group?: string;
  gecos?: string;
  home?: string;
  shell?: string;
}

export interface GroupItem {
  name: string;
  gid?: number;
  gidPath?: string;
}

export interface Parsed {
  users: Map<string, UserItem>;
  groups: Map<string, GroupItem>;
  /** group -> members, in the order given. */
  members: Map<string, string[]>;
  ranges: [number, number][];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,30}$/;

/** A path field (home, shell): absolute and normalized. */
function goodPath(p: string): boolean {
  return p.startsWith('/') && !p.split('/').some((c) => c === '.' || c === '..') && !/\/\//.test(p) && !/[:\n]/.test(p);
}

/** parse_uid(): a number that is not one of the reserved ones. */
function parseId(text: string): number | 'EINVAL' | 'ERANGE' | 'ENXIO' {
  if (!/^\d+$/.test(text)) return 'EINVAL';
  const n = Number(text);
  if (n > 0xffffffff) return 'ERANGE';
  if (n === 0xffffffff || n === 0xffff) return 'ENXIO';
  return n;
}

const WHY = { EINVAL: 'Invalid argument', ERANGE: 'Numerical result out of range', ENXIO: 'No such device or address' };

export class SysusersConfig implements Parsed {
  readonly users = new Map<string, UserItem>();
  readonly groups = new Map<string, GroupItem>();
  readonly members = new Map<string, string[]>();
  readonly ranges: [number, number][] = [];

  constructor(private readonly specifier: (s: string) => string | undefined) {}

  /** parse_line(): undefined when the line is taken, else the message. */
  parseLine(text: string): string | undefined {
    const fields: string[] = [];
    let pos: number | undefined = 0;
    while (fields.length < 6 && pos !== undefined) {
      const w = extractFirstWord(text, pos, { unquote: true, cunescape: true });
      if (w === 'error') return 'Syntax error.';
      if (w === null) break;
      fields.push(w.word);
      pos = w.next;
    }
    if (pos !== undefined && text.slice(pos).trim() !== '') return 'Trailing garbage.';
    const [action, rawName, rawId, rawGecos, rawHome, rawShell] = fields;
    if (action === undefined || rawName === undefined) return 'Missing action and name columns.';
    if (action.length !== 1) return `Unknown modifier '${action}'.`;
    const type = action;
    if (!'ugmr'.includes(type)) return `Unknown command type '${type}'.`;
    const blank = (s: string | undefined): boolean => s === undefined || s === '-' || s === '';
    const name = blank(rawName) ? undefined : this.specifier(rawName);
    if (name === undefined && !blank(rawName)) return `Failed to replace specifiers in '${rawName}': Invalid slot`;
    if (name !== undefined && type !== 'r' && !NAME.test(name)) return `'${name}' is not a valid user or group name.`;
    const id = blank(rawId) ? undefined : rawId!;
    const gecos = blank(rawGecos) ? undefined : rawGecos!;
    const home = blank(rawHome) ? undefined : rawHome!;
    const shell = blank(rawShell) ? undefined : rawShell!;
    if (gecos !== undefined && /[:\n]/.test(gecos)) return `'${gecos}' is not a valid GECOS field.`;
    if (home !== undefined && !goodPath(home)) return `'${home}' is not a valid home directory field.`;
    if (shell !== undefined && !goodPath(shell)) return `'${shell}' is not a valid login shell field.`;
    const noMore = (what: string): string | undefined => {
      if (gecos !== undefined) return `Lines of type '${what}' don't take a GECOS field.`;
      if (home !== undefined) return `Lines of type '${what}' don't take a home directory field.`;
      if (shell !== undefined) return `Lines of type '${what}' don't take a shell field.`;
      return undefined;
    };
    switch (type) {
      case 'r': {
        if (name !== undefined) return "Lines of type 'r' don't take a name field.";
        if (id === undefined) return "Lines of type 'r' require an ID range in the third field.";
        const bad = noMore('r');
        if (bad) return bad;
        const m = /^(\d+)(?:-(\d+))?$/.exec(id);
        const lo = m ? Number(m[1]) : NaN;
        const hi = m ? Number(m[2] ?? m[1]) : NaN;
        if (!m || lo > hi || hi >= 0xffffffff) return `Invalid UID range ${id}.`;
        this.ranges.push([lo, hi]);
        return undefined;
      }
      case 'm': {
        if (name === undefined) return "Lines of type 'm' require a user name in the second field.";
        if (id === undefined) return "Lines of type 'm' require a group name in the third field.";
        if (!NAME.test(id)) return `'${id}' is not a valid user or group name.`;
        const bad = noMore('m');
        if (bad) return bad;
        const list = this.members.get(id) ?? [];
        if (!list.includes(name)) list.push(name);
        this.members.set(id, list);
        return undefined;
      }
      case 'u': {
        if (name === undefined) return "Lines of type 'u' require a user name in the second field.";
        const item: UserItem = { name, gecos, home, shell };
        if (id !== undefined) {
          if (id.startsWith('/')) item.uidPath = id;
          else {
            const colon = id.indexOf(':');
            const uidText = colon < 0 ? id : id.slice(0, colon);
            if (colon >= 0) item.group = id.slice(colon + 1);
            if (uidText !== '-') {
              const uid = parseId(uidText);
              if (typeof uid === 'string') return `Failed to parse UID: '${uidText}': ${WHY[uid]}`;
              item.uid = uid;
            }
          }
        }
        if (!this.users.has(name)) this.users.set(name, item);
        return undefined;
      }
      default: {
        if (name === undefined) return "Lines of type 'g' require a user name in the second field.";
        const bad = noMore('g');
        if (bad) return bad;
        const item: GroupItem = { name };
        if (id !== undefined) {
          if (id.startsWith('/')) item.gidPath = id;
          else {
            const gid = parseId(id);
            if (typeof gid === 'string') return `Failed to parse GID: '${id}': ${WHY[gid]}`;
            item.gid = gid;
          }
        }
        if (!this.groups.has(name) && !this.users.has(name)) this.groups.set(name, item);
        return undefined;
      }
    }
  }
}
