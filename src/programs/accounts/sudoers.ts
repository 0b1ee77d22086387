// A sudoers(5) reader for the forms an administrator writes: `user host = (runas) TAGS: cmnd`
// with %group, #uid, ALL, negation, the four kinds of alias, Defaults lines (kept as text),
// @include/@includedir (and the old #include forms). The last matching rule wins.
import type { Sys } from '../../shared/sys';

export interface CmndSpec {
  runasUsers: string[] | undefined;
  runasGroups: string[] | undefined;
  tags: Set<string>;
  /** `ALL`, a path with optional args, or an alias name; negated with a leading `!`. */
  cmnd: string;
}

export interface UserSpec {
  users: string[];
  hosts: string[];
  cmnds: CmndSpec[];
  file: string;
  line: number;
}

export interface SyntaxError {
  file: string;
  line: number;
  column: number;
  text: string;
}

export interface Sudoers {
  specs: UserSpec[];
  defaults: string[];
  aliases: Map<string, string[]>;
  /** Every file read, in order (for visudo -c). */
  files: string[];
  error: SyntaxError | undefined;
}

const decoder = new TextDecoder();
const MAX_INCLUDE_DEPTH = 8;

function splitList(s: string): string[] {
  return s.split(',').map((x) => x.trim()).filter(Boolean);
}

/** Reads /etc/sudoers (or `path`) and what it includes. */
export async function readSudoers(sys: Sys, path = '/etc/sudoers'): Promise<Sudoers> {
  const out: Sudoers = { specs: [], defaults: [], aliases: new Map(), files: [], error: undefined };
  await readFile(sys, path, out, 0);
  return out;
}

async function readFile(sys: Sys, path: string, out: Sudoers, depth: number): Promise<void> {
  if (depth > MAX_INCLUDE_DEPTH || out.error) return;
  let text: string;
  try {
    text = decoder.decode(await sys.readFile(path));
  } catch {
    return;
  }
  out.files.push(path);
  const raw = text.split('\n');
  for (let i = 0; i < raw.length && !out.error; i++) {
    const lineNo = i + 1;
    let line = raw[i]!;
    while (line.endsWith('\\') && i + 1 < raw.length) line = line.slice(0, -1) + raw[++i]!;
    const inc = /^\s*[@#](include|includedir)\s+(\S+)\s*$/.exec(line);
    if (inc) {
      if (inc[1] === 'include') await readFile(sys, inc[2]!, out, depth + 1);
      else await readDir(sys, inc[2]!, out, depth + 1);
      continue;
    }
    line = line.replace(/(^|[^\\])#.*$/, '$1').trim();
    if (!line) continue;
    if (!parseLine(line, path, lineNo, out)) {
      out.error = { file: path, line: lineNo, column: 1, text: raw[lineNo - 1]! };
    }
  }
}

async function readDir(sys: Sys, dir: string, out: Sudoers, depth: number): Promise<void> {
  let names: string[];
  try {
    names = await sys.readdir(dir);
  } catch {
    return;
  }
  // sudo skips names ending in ~ or containing a dot
  for (const n of names.filter((x) => !x.endsWith('~') && !x.includes('.')).sort()) await readFile(sys, `${dir}/${n}`, out, depth);
}

const ALIAS_KINDS = ['User_Alias', 'Runas_Alias', 'Host_Alias', 'Cmnd_Alias', 'Cmd_Alias'];
const TAGS = /^(NOPASSWD|PASSWD|SETENV|NOSETENV|NOEXEC|EXEC|LOG_INPUT|NOLOG_INPUT|LOG_OUTPUT|NOLOG_OUTPUT|MAIL|NOMAIL|FOLLOW|NOFOLLOW|INTERCEPT|NOINTERCEPT):\s*/;

function parseLine(line: string, file: string, lineNo: number, out: Sudoers): boolean {
  const word = /^(\S+)/.exec(line)![1]!;
  if (/^Defaults([:@!>].*)?$/.test(word)) {
    out.defaults.push(line.slice(word.length).trim());
    return line.slice(word.length).trim() !== '';
  }
  if (ALIAS_KINDS.includes(word)) {
    for (const def of line.slice(word.length).split(':')) {
      const m = /^\s*([A-Z][A-Z0-9_]*)\s*=\s*(.+)$/.exec(def);
      if (!m) return false;
      out.aliases.set(m[1]!, splitList(m[2]!));
    }
    return true;
  }
  const eq = line.indexOf('=');
  if (eq < 0) return false;
  const head = line.slice(0, eq).trim();
  const m = /^(.+?)\s+(\S+)$/.exec(head);
  if (!m) return false;
  const spec: UserSpec = { users: splitList(m[1]!), hosts: splitList(m[2]!), cmnds: [], file, line: lineNo };
  let rest = line.slice(eq + 1).trim();
  let runasUsers: string[] | undefined;
  let runasGroups: string[] | undefined;
  let tags = new Set<string>();
  for (let guard = 0; rest && guard < 1000; guard++) {
    const r = /^\(([^)]*)\)\s*/.exec(rest);
    if (r) {
      const [u, g] = r[1]!.split(':');
      runasUsers = splitList(u ?? '');
      runasGroups = g === undefined ? undefined : splitList(g);
      if (runasUsers.length === 0 && runasGroups === undefined) runasUsers = undefined;
      tags = new Set();
      rest = rest.slice(r[0].length);
      continue;
    }
    const t = TAGS.exec(rest);
    if (t) {
      tags = new Set(tags);
      tags.add(t[1]!);
      rest = rest.slice(t[0].length);
      continue;
    }
    const c = /^([^,]+)(,\s*|$)/.exec(rest);
    if (!c) return false;
    spec.cmnds.push({ runasUsers, runasGroups, tags, cmnd: c[1]!.trim() });
    rest = rest.slice(c[0].length);
  }
  if (spec.users.length === 0 || spec.cmnds.length === 0) return false;
  out.specs.push(spec);
  return true;
}

export interface Who {
  user: string;
  uid: number;
  /** Names of the user's groups (primary and supplementary). */
  groups: string[];
  gids: number[];
}

function expand(items: string[], aliases: Map<string, string[]>, depth = 0): string[] {
  const out: string[] = [];
  for (const it of items) {
    const neg = it.startsWith('!');
    const name = neg ? it.slice(1) : it;
    const alias = depth < 8 ? aliases.get(name) : undefined;
    if (alias) out.push(...expand(alias, aliases, depth + 1).map((x) => (neg ? (x.startsWith('!') ? x.slice(1) : `!${x}`) : x)));
    else out.push(it);
  }
  return out;
}

/** Does a list match? Later items override earlier ones; `!x` denies. */
function listMatches(items: string[], one: (item: string) => boolean): boolean | undefined {
  let result: boolean | undefined;
  for (const it of items) {
    const neg = it.startsWith('!');
    if (one(neg ? it.slice(1) : it)) result = !neg;
  }
  return result;
}

function userMatches(item: string, who: Who): boolean {
  if (item === 'ALL') return true;
  if (item.startsWith('%#')) return who.gids.includes(Number(item.slice(2)));
  if (item.startsWith('%')) return who.groups.includes(item.slice(1));
  if (item.startsWith('#')) return who.uid === Number(item.slice(1));
  return item === who.user;
}

export function userInSpec(s: Sudoers, spec: UserSpec, who: Who): boolean {
  return listMatches(expand(spec.users, s.aliases), (i) => userMatches(i, who)) === true
    && listMatches(expand(spec.hosts, s.aliases), (h) => h === 'ALL' || h === 'localhost' || h.startsWith('photon')) !== false;
}

function cmndMatches(pattern: string, path: string, args: string[]): boolean {
  if (pattern === 'ALL') return true;
  const words = pattern.split(/\s+/);
  const p = words[0]!;
  const pathOk = p.endsWith('/') ? path.startsWith(p) && !path.slice(p.length).includes('/') : p === path;
  if (!pathOk) return false;
  if (words.length === 1) return true;
  if (words.length === 2 && words[1] === '""') return args.length === 0;
  return words.slice(1).join(' ') === args.join(' ');
}

export interface Verdict {
  /** Some rule names this user on this host. */
  userListed: boolean;
  allowed: boolean;
  nopasswd: boolean;
  setenv: boolean;
}

/** sudoers_lookup: the last rule matching user, runas and command decides. */
export function lookup(s: Sudoers, who: Who, runas: { user: string; uid: number; group: string | undefined; groupsOfRunas: string[] }, path: string, args: string[]): Verdict {
  const v: Verdict = { userListed: false, allowed: false, nopasswd: false, setenv: false };
  for (const spec of s.specs) {
    if (!userInSpec(s, spec, who)) continue;
    v.userListed = true;
    for (const c of spec.cmnds) {
      const users = c.runasUsers === undefined ? (c.runasGroups === undefined ? ['root'] : []) : expand(c.runasUsers, s.aliases);
      const userOk = runas.user === who.user && users.length === 0 ? true
        : listMatches(users, (u) => u === 'ALL' || u === runas.user || (u.startsWith('#') && Number(u.slice(1)) === runas.uid) || (u.startsWith('%') && runas.groupsOfRunas.includes(u.slice(1)))) === true;
      const groups = c.runasGroups === undefined ? [] : expand(c.runasGroups, s.aliases);
      const groupOk = runas.group === undefined || listMatches(groups, (g) => g === 'ALL' || g === runas.group) === true;
      if (!userOk || !groupOk) continue;
      const neg = c.cmnd.startsWith('!');
      const cm = expand([neg ? c.cmnd.slice(1) : c.cmnd], s.aliases);
      if (listMatches(cm, (x) => cmndMatches(x, path, args)) === true) {
        v.allowed = !neg;
        v.nopasswd = c.tags.has('NOPASSWD');
        v.setenv = c.tags.has('SETENV') || c.cmnd === 'ALL';
      }
    }
  }
  return v;
}

/** The privilege lines of `sudo -l` for this user. */
export function privilegeLines(s: Sudoers, who: Who): string[] {
  const out: string[] = [];
  for (const spec of s.specs) {
    if (!userInSpec(s, spec, who)) continue;
    let prev = '';
    let line = '';
    for (const c of spec.cmnds) {
      const users = c.runasUsers ?? (c.runasGroups === undefined ? ['root'] : []);
      const runas = `(${users.join(', ')}${c.runasGroups ? ` : ${c.runasGroups.join(', ')}` : ''}) `;
      const tags = [...c.tags].map((t) => `${t}: `).join('');
      const head = runas + tags;
      if (line && head === prev) line += `, ${c.cmnd}`;
      else {
        if (line) out.push(line);
        line = `    ${head}${c.cmnd}`;
      }
      prev = head;
    }
    if (line) out.push(line);
  }
  return out;
}
