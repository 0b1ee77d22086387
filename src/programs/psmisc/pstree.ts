// pstree (psmisc 23.6): the process tree from init, or from a PID, or the trees of a user's
// processes. Children are sorted by name (-n: by PID); identical subtrees are folded into
// `N*[name]` unless -c, -p or -g; -a puts each process on a line of its own with its arguments,
// read as pstree reads /proc/PID/cmdline (at most the line width of it when lines are cut).
// Lines are cut at COLUMNS, the terminal's width, or 132 columns, with a `+` (-l: never).
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { Accounts } from '../lib/accounts';
import type { ProcessInfo } from '../../shared/process';

interface Node {
  comm: string;
  pid: number;
  pgid: number;
  uid: number;
  /** arguments after argv[0] as pstree splits its cmdline buffer; undefined: none read (-1: swapped) */
  args: string[] | undefined;
  argc: number;
  /** seconds since the process started (-C age) */
  age: number;
  hilite: boolean;
  children: Node[];
  parent: Node | undefined;
}

interface Symbols {
  empty: string;
  branch: string;
  vert: string;
  last: string;
  single: string;
  first: string;
}

const ASCII: Symbols = { empty: '  ', branch: '|-', vert: '| ', last: '`-', single: '---', first: '-+-' };
const UTF: Symbols = { empty: '  ', branch: '\u251c\u2500', vert: '\u2502 ', last: '\u2514\u2500', single: '\u2500\u2500\u2500', first: '\u2500\u252c\u2500' };
const VT = (s: string): string => `\x1b(0\x0f${s}\x1b(B`;
const VT100: Symbols = { empty: '  ', branch: VT('tq'), vert: `${VT('x')} `, last: VT('mq'), single: VT('qqq'), first: VT('qwq') };

/** Bold on and off, from the terminal's capabilities (md, me), for the terminals Photon knows. */
function boldFor(term: string | undefined): [string, string] | undefined {
  if (!term) return undefined;
  if (term === 'linux') return ['\x1b[1m', '\x1b[0;10m'];
  if (/^(xterm|screen|tmux|vt1|vt2|rxvt)/.test(term)) return ['\x1b[1m', term.startsWith('vt') ? '\x1b[m' : '\x1b(B\x1b[m'];
  return undefined;
}

const USAGE = `Usage: pstree [-acglpsStTuZ] [ -h | -H PID ] [ -n | -N type ]
              [ -A | -G | -U ] [ PID | USER ]
   or: pstree -V

Display a tree of processes.

  -a, --arguments     show command line arguments
  -A, --ascii         use ASCII line drawing characters
  -c, --compact-not   don't compact identical subtrees
  -C, --color=TYPE    color process by attribute
                      (age)
  -g, --show-pgids    show process group ids; implies -c
  -G, --vt100         use VT100 line drawing characters
  -h, --highlight-all highlight current process and its ancestors
  -H PID, --highlight-pid=PID
                      highlight this process and its ancestors
  -l, --long          don't truncate long lines
  -n, --numeric-sort  sort output by PID
  -N TYPE, --ns-sort=TYPE
                      sort output by this namespace type
                              (cgroup, ipc, mnt, net, pid, time, user, uts)
  -p, --show-pids     show PIDs; implies -c
  -s, --show-parents  show parents of the selected process
  -S, --ns-changes    show namespace transitions
  -t, --thread-names  show full thread names
  -T, --hide-threads  hide threads, show only processes
  -u, --uid-changes   show uid transitions
  -U, --unicode       use UTF-8 (Unicode) line drawing characters
  -V, --version       display version information
  -Z, --security-context
                      show security attributes

  PID    start at this PID; default is 1 (init)
  USER   show only trees rooted at processes of this user

`;

const VERSION = `pstree (PSmisc) 23.6
Copyright (C) 1993-2021 Werner Almesberger and Craig Small

PSmisc comes with ABSOLUTELY NO WARRANTY.
This is free software, and you are welcome to redistribute it under
the terms of the GNU General Public License.
For more information about these matters, see the files named COPYING.
`;

const LONG: Readonly<Record<string, [string, boolean]>> = {
  arguments: ['a', false], ascii: ['A', false], 'compact-not': ['c', false], color: ['C', true], vt100: ['G', false],
  'highlight-all': ['h', false], 'highlight-pid': ['H', true], long: ['l', false], 'numeric-sort': ['n', false],
  'ns-sort': ['N', true], 'show-pids': ['p', false], 'show-pgids': ['g', false], 'show-parents': ['s', false],
  'ns-changes': ['S', false], 'thread-names': ['t', false], 'hide-threads': ['T', false], 'uid-changes': ['u', false],
  unicode: ['U', false], version: ['V', false], 'security-context': ['Z', false],
};
const WITH_ARG = new Set(['C', 'H', 'N']);
const NAMESPACES = ['cgroup', 'ipc', 'mnt', 'net', 'pid', 'user', 'uts', 'time'];

class Usage extends Error {}

/** getopt_long over pstree's options: [letter, argument] pairs and the operands. */
function parseArgs(args: readonly string[]): { opts: [string, string][]; operands: string[] } {
  const opts: [string, string][] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const hits = Object.keys(LONG).filter((k) => k === name || k.startsWith(name));
      const exact = hits.includes(name) ? [name] : hits;
      if (exact.length !== 1) throw new Usage(exact.length ? `option '${a}' is ambiguous` : `unrecognized option '${a}'`);
      const [letter, takes] = LONG[exact[0]!]!;
      if (takes) {
        const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) throw new Usage(`option '--${exact[0]}' requires an argument`);
        opts.push([letter, v]);
      } else {
        if (eq >= 0) throw new Usage(`option '--${exact[0]}' doesn't allow an argument`);
        opts.push([letter, '']);
      }
    } else if (a.startsWith('-') && a.length > 1) {
      for (let k = 1; k < a.length; k++) {
        const c = a[k]!;
        if (!'aAcCGhHnNpglsStTuUVZ'.includes(c)) throw new Usage(`invalid option -- '${c}'`);
        if (WITH_ARG.has(c)) {
          const v = k + 1 < a.length ? a.slice(k + 1) : args[++i];
          if (v === undefined) throw new Usage(`option requires an argument -- '${c}'`);
          opts.push([c, v]);
          break;
        }
        opts.push([c, '']);
      }
    } else operands.push(a);
  }
  return { opts, operands };
}

/** The bytes pstree reads from /proc/PID/cmdline, split as its set_args() splits them. */
function argsOf(p: ProcessInfo, bufferSize: number): { argc: number; args: string[] } {
  if (p.kthread || p.argv.length === 0) return { argc: -1, args: [] };
  let buf = `${p.argv.join('\0')}\0`;
  let size = buf.length;
  if (size >= bufferSize) size = bufferSize - 1;
  buf = `${buf.slice(0, size)}\0`;
  size++;
  // every NUL before the last byte ends an argument (runs of them count once)
  let argc = 0;
  for (let i = 0; i < size - 1; i++) {
    if (buf[i] === '\0') {
      argc++;
      while (buf[i] === '\0' && i < size - 1) i++;
    }
  }
  if (argc === 0) return { argc: 0, args: [] };
  const rest = buf.slice(buf.indexOf('\0') + 1);
  return { argc, args: rest.split('\0').slice(0, argc) };
}

/** The tree as pstree builds it from /proc: `?` stands for a parent it could not read. */
function buildTree(procs: readonly ProcessInfo[], byPid: boolean, withArgs: boolean, bufferSize: number, now: number): Map<number, Node> {
  const nodes = new Map<number, Node>();
  const make = (comm: string, pid: number, uid: number): Node => {
    const n: Node = { comm, pid, pgid: 0, uid, args: undefined, argc: 0, age: 0, hilite: false, children: [], parent: undefined };
    nodes.set(pid, n);
    return n;
  };
  const addChild = (parent: Node, child: Node): void => {
    const list = parent.children;
    let at = list.length;
    for (let k = 0; k < list.length; k++) {
      const w = list[k]!;
      if (byPid ? w.pid > child.pid : w.comm > child.comm || (w.comm === child.comm && w.uid > child.uid)) {
        at = k;
        break;
      }
    }
    list.splice(at, 0, child);
  };
  for (const p of [...procs].sort((a, b) => a.pid - b.pid)) {
    const comm = p.comm.replace(/^-/, '').slice(0, 15);
    let n = nodes.get(p.pid);
    if (!n) n = make(comm, p.pid, p.euid);
    else {
      // a child met before its parent: named now, and moved one step in its parent's order
      n.comm = comm;
      n.uid = p.euid;
      if (!byPid && n.parent) {
        const list = n.parent.children;
        for (let k = 0; k + 1 < list.length; k++) {
          if (list[k]!.comm > list[k + 1]!.comm) [list[k], list[k + 1]] = [list[k + 1]!, list[k]!];
        }
      }
    }
    if (withArgs) {
      const a = argsOf(p, bufferSize);
      n.argc = a.argc;
      n.args = a.args;
    }
    n.pgid = p.pgid;
    n.age = Math.max(0, (now - p.startTime) / 1000);
    const ppid = p.pid === p.ppid ? 0 : p.ppid;
    const parent = nodes.get(ppid) ?? make('?', ppid, 0);
    if (p.pid !== 0) {
      addChild(parent, n);
      n.parent = parent;
    }
  }
  // processes whose parent was not seen hang under the root
  const root = nodes.get(1) ?? make('?', 1, 0);
  for (const n of nodes.values()) {
    if (n.pid === 1 || n.pid === 0 || n.parent) continue;
    addChild(root, n);
    n.parent = root;
  }
  return nodes;
}

interface Style {
  sym: Symbols;
  width: number;
  trunc: boolean;
  compact: boolean;
  pids: boolean;
  pgids: boolean;
  args: boolean;
  users: boolean;
  scontext: boolean;
  color: boolean;
  bold: [string, string] | undefined;
  userName: (uid: number) => string;
}

/** pstree's output: a column counter, cutting lines at the width with a `+`. */
class Printer {
  out = '';
  x = 1;
  private charLeft = 0;
  constructor(private readonly s: Style) {}

  char(c: string): void {
    // a multibyte UTF-8 character counts as one column (its first byte)
    const code = c.charCodeAt(0);
    const bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
    if (this.charLeft === 0) {
      this.charLeft = bytes;
      this.x++;
    }
    this.charLeft -= bytes;
    if (this.charLeft < 0) this.charLeft = 0;
    if (!this.s.trunc || this.x <= this.s.width) this.out += c;
    else if (this.x === this.s.width + 1) this.out += '+';
  }

  text(s: string): void {
    for (const c of s) this.char(c);
  }

  /** Control sequences (colour, bold) take no column. */
  raw(s: string): void {
    this.out += s;
  }

  int(n: number): number {
    // (pstree prints 0 as nothing)
    const s = n > 0 ? String(n) : '';
    this.text(s);
    return Math.max(1, s.length);
  }

  /** An argument or name: `\` doubled, bytes outside printable ASCII as \ooo. */
  escaped(s: string): number {
    let count = 0;
    for (const b of new TextEncoder().encode(s)) {
      if (b === 0x5c) {
        this.text('\\\\');
        count += 2;
      } else if (b >= 0x20 && b <= 0x7e) {
        this.char(String.fromCharCode(b));
        count++;
      } else {
        this.text(`\\${b.toString(8).padStart(3, '0')}`);
        count += 4;
      }
    }
    return count;
  }

  newline(): void {
    this.out += '\n';
    this.x = 1;
  }
}

function treeEqual(a: Node, b: Node, users: boolean): boolean {
  if (a.comm !== b.comm || (users && a.uid !== b.uid)) return false;
  if (a.children.length !== b.children.length) return false;
  return a.children.every((c, k) => treeEqual(c, b.children[k]!, users));
}

function dumpTree(pr: Printer, s: Style, node: Node, level: number, rep: number, leaf: boolean, last: boolean, prevUid: number, closing: number, widths: number[], more: boolean[]): void {
  if (!leaf) {
    for (let lvl = 0; lvl < level; lvl++) {
      pr.text(' '.repeat(widths[lvl]! + 1));
      pr.text(lvl === level - 1 ? (last ? s.sym.last : s.sym.branch) : more[lvl + 1] ? s.sym.vert : s.sym.empty);
    }
  }
  let add = 0;
  if (rep >= 2) {
    add = pr.int(rep) + 2;
    pr.text('*[');
  }
  if (s.color) pr.raw(node.age < 60 ? '\x1b[32m' : node.age < 3600 ? '\x1b[33m' : '\x1b[31m');
  if (node.hilite && s.bold) pr.raw(s.bold[0]);
  const swapped = s.args;
  let info = s.args;
  if (swapped && node.argc < 0) pr.char('(');
  const commLen = pr.escaped(node.comm);
  const offset = pr.x;
  if (s.pids) {
    pr.char(info ? ',' : '(');
    info = true;
    pr.int(node.pid);
  }
  if (s.pgids) {
    pr.char(info ? ',' : '(');
    info = true;
    pr.int(node.pgid);
  }
  if (s.users && prevUid !== node.uid) {
    pr.char(info ? ',' : '(');
    info = true;
    pr.text(s.userName(node.uid));
  }
  if (s.scontext) {
    pr.char(info ? ',' : '(');
    info = true;
    pr.text("`'");
  }
  if ((swapped && node.argc < 0) || (!swapped && info)) pr.char(')');
  if (node.hilite && s.bold) pr.raw(s.bold[1]);
  if (s.args && node.args) {
    for (let i = 0; i < node.argc; i++) {
      const arg = node.args[i] ?? '';
      if (i < node.argc - 1) pr.char(' ');
      let len = 0;
      for (const b of new TextEncoder().encode(arg)) len += b >= 0x20 && b <= 0x7e ? 1 : 4;
      if (pr.x + len <= s.width - (i === node.argc - 1 ? 0 : 4) || !s.trunc) pr.escaped(arg);
      else {
        pr.text('...');
        break;
      }
    }
  }
  if (s.color) pr.raw('\x1b[0m');
  if (s.scontext || s.args || node.children.length === 0) {
    for (let k = 0; k < closing; k++) pr.char(']');
    pr.newline();
  }
  more[level] = !last;
  const kids = [...node.children];
  if (s.scontext || s.args) {
    widths[level] = (swapped ? 1 : 0) + (commLen > 1 ? 0 : -1);
    for (let k = 0; k < kids.length; k++) dumpTree(pr, s, kids[k]!, level + 1, 1, false, k === kids.length - 1, node.uid, 0, widths, more);
    return;
  }
  widths[level] = commLen + pr.x - offset + add;
  if (pr.x >= s.width && s.trunc) {
    pr.text(s.sym.first);
    pr.text('+');
    pr.newline();
    return;
  }
  let first = true;
  for (let k = 0; k < kids.length; k++) {
    const child = kids[k]!;
    let count = 0;
    if (s.compact) {
      for (let j = k + 1; j < kids.length; ) {
        if (treeEqual(child, kids[j]!, s.users)) {
          kids.splice(j, 1);
          count++;
        } else j++;
      }
    }
    const isLast = k === kids.length - 1;
    if (first) {
      pr.text(isLast ? s.sym.single : s.sym.first);
      first = false;
    }
    dumpTree(pr, s, child, level + 1, count + 1, k === 0, isLast, node.uid, closing + (count ? 1 : 0), widths, more);
  }
}

async function run(ctx: Ctx): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(ctx.argv.slice(1));
  } catch (e) {
    if (!(e instanceof Usage)) throw e;
    await ctx.err.write(`pstree: ${e.message}\n${USAGE}`);
    return 1;
  }
  const env = ctx.env;
  const isTty = ctx.sys.isatty(1);
  const codeset = (env.get('LC_ALL') || env.get('LC_CTYPE') || env.get('LANG') || 'C').toUpperCase();
  let sym = isTty && /UTF-?8/.test(codeset) ? UTF : ASCII;
  let args = false;
  let compact = true;
  let color = false;
  let trunc = true;
  let byPid = false;
  let pids = false;
  let pgids = false;
  let showParents = false;
  let users = false;
  let scontext = false;
  let highlight = 0;
  const bold = boldFor(env.get('TERM'));
  const usage = async (): Promise<number> => {
    await ctx.err.write(USAGE);
    return 1;
  };
  for (const [c, v] of parsed.opts) {
    switch (c) {
      case 'a': args = true; break;
      case 'A': sym = ASCII; break;
      case 'c': compact = false; break;
      case 'C':
        if (v.toLowerCase() !== 'age') return usage();
        color = true;
        break;
      case 'G': sym = VT100; break;
      case 'h':
        if (highlight) return usage();
        if (bold) highlight = ctx.sys.pid;
        break;
      case 'H':
        if (highlight) return usage();
        if (!env.get('TERM')) {
          await ctx.err.write('TERM is not set\n');
          return 1;
        }
        if (!bold) {
          await ctx.err.write("Can't get terminal capabilities\n");
          return 1;
        }
        highlight = Number.parseInt(v, 10) || 0;
        if (!highlight) return usage();
        break;
      case 'l': trunc = false; break;
      case 'n': byPid = true; break;
      case 'N':
        if (!NAMESPACES.includes(v)) return usage();
        // the simulated kernel has no /proc/PID/ns files
        await ctx.err.write(`procfs file for ${v} namespace not available\n`);
        return 1;
      case 'p': pids = true; compact = false; break;
      case 'g': pgids = true; break;
      case 's': showParents = true; break;
      case 'u': users = true; break;
      case 'U': sym = UTF; break;
      case 'V':
        await ctx.err.write(VERSION);
        return 0;
      case 'Z': scontext = true; break;
      default: break; // -S, -t, -T: no namespaces or threads to show
    }
  }
  let pid = 1;
  let pidSet = false;
  let user: number | undefined;
  const acc = await Accounts.load(ctx.sys);
  const ops = parsed.operands;
  if (ops.length === 1) {
    const o = ops[0]!;
    if (/^\d/.test(o)) {
      const m = /^(\d+)(.*)$/.exec(o)!;
      if (m[2] !== '') return usage();
      pid = Number(m[1]);
      pidSet = true;
    } else {
      const u = acc.userByName(o);
      if (!u) {
        await ctx.err.write(`No such user name: ${o}\n`);
        return 1;
      }
      user = u.uid;
    }
  } else if (ops.length > 1) return usage();

  let width = 132;
  const cols = env.get('COLUMNS');
  if (cols && /^\s*[+-]?(0x[0-9a-f]+|0[0-7]*|[1-9]\d*)$/i.test(cols) && Number(cols) > 0) width = Number(cols);
  else if (isTty) {
    try {
      const ws = ctx.sys.winsize(1);
      if (ws.cols) width = ws.cols;
    } catch {
      // not a terminal after all
    }
  }
  const nodes = buildTree(ctx.sys.processes(), byPid, args, trunc ? width + 1 : 8193, ctx.sys.now());
  for (let n = nodes.get(highlight); n && highlight; n = n.parent) n.hilite = true;
  if (showParents && pidSet) {
    const child = nodes.get(pid);
    if (!child) {
      await ctx.err.write(`Process ${pid} not found.\n`);
      return 1;
    }
    for (let n = child; n.parent; n = n.parent) n.parent.children = [n];
    pid = 1;
  }
  const style: Style = { sym, width, trunc, compact, pids, pgids, args, users, scontext, color, bold, userName: (uid) => acc.userById(uid)?.name ?? String(uid) };
  const pr = new Printer(style);
  if (user === undefined) {
    const root = nodes.get(pid);
    if (root) dumpTree(pr, style, root, 0, 1, true, true, 0, 0, [], []);
  } else {
    let dumped = false;
    const byUser = (n: Node): void => {
      if (n.uid === user) {
        if (dumped) pr.raw('\n');
        dumpTree(pr, style, n, 0, 1, true, true, user, 0, [], []);
        dumped = true;
        return;
      }
      for (const c of n.children) byUser(c);
    };
    const root = nodes.get(1);
    if (root) byUser(root);
    if (!dumped) {
      await ctx.err.write('No processes found.\n');
      return 1;
    }
  }
  await ctx.print(pr.out);
  return 0;
}

export const pstree = defineProgram({
  name: 'pstree',
  installPath: '/usr/bin/pstree',
  pkg: 'psmisc',
  main: (ctx) => run(ctx),
});
