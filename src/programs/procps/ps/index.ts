// ps (procps-ng 4.0.4): selects processes the way select.c does, builds the column list
// of the chosen style (SysV -f/-F/-l/-j, BSD u/j/l, -o), and prints rows with procps's
// column-overflow bookkeeping (show_one_proc), so long values push later columns right.
import { defineProgram } from '../../define';
import type { Ctx } from '../../lib/context';
import type { Sys } from '../../../shared/sys';
import { Accounts } from '../../lib/accounts';
import { localZone } from '../../lib/tz';
import { loadProcs, memTotalKb, pidMax, type Proc } from '../procs';
import { parsePs, PsError, type PsOptions } from './args';
import { column, type ColumnDef, type Env } from './columns';
import { sortProcs, treeOrder } from './order';
import { formatSpecifiers } from './specifiers';

const USAGE_TAIL = `
Usage:
 ps [options]

 Try 'ps --help <simple|list|output|threads|misc|all>'
  or 'ps --help <s|l|o|t|m|a>'
 for additional help text.

For more details see ps(1).
`;

const HELP = `
Usage:
 ps [options]

Basic options:
 -A, -e               all processes
 -a                   all with a terminal, except session leaders
  a                   all with a terminal, including other users
 -d                   all except session leaders
 -N, --deselect       invert the selection
  r                   only running processes
  T                   all processes on this terminal
  x                   processes without a terminal too

Selection by list:
 -C <command>         command name
 -G, --Group <GID>    real group id or name
 -g, --group <group>  session or effective group name
 -p, p, --pid <PID>   process id
        --ppid <PID>  parent process id
 -q, q, --quick-pid <PID>
                      process id (quick mode)
 -s, --sid <session>  session id
 -t, t, --tty <tty>   terminal
 -u, U, --user <UID>  effective user id or name
 -U, --User <UID>     real user id or name

Output formats:
 -F                   extra full
 -f                   full-format, including command lines
  f, --forest         ascii art process tree
 -H                   show process hierarchy
 -j                   jobs format
  j                   BSD job control format
 -l                   long format
  l                   BSD long format
 -o, o, --format <format>
                      user-defined format
  u                   user-oriented format
  c                   true command name
  h, --no-headers     do not print a header
  k, --sort           sort by the given keys
  n                   numeric WCHAN and USER
 -w, w                unlimited output width

 --help <simple|list|output|threads|misc|all>
                      show help on one topic
 -V, --version        show the version and exit

For more details see ps(1).
`;

const OUTBUF = 131_072;
const ADDR1: ColumnDef = { header: 'ADDR', width: 1, align: 'right', value: () => '-' };

interface Col {
  def: ColumnDef;
  header: string;
  width: number;
}

function formatList(o: PsOptions): string[] {
  if (o.formats.length || o.oFormat !== undefined) {
    if (o.uf || o.ul || o.bsdFormat) throw new PsError('conflicting format options');
    if (o.modifiers) throw new PsError('can not use output modifiers with user-defined output');
    if (o.oFormat !== undefined) return [`pid,${o.oFormat},${o.preferBsd ? 'state,tname,cputime,comm' : 'state,tname,time,command'}`];
    return o.formats;
  }
  if (o.bsdFormat) {
    if (o.uf || o.ul) throw new PsError('conflicting format options');
    const f: Record<string, string> = {
      u: 'user,pid,pcpu,pmem,vsz,rss,tname,stat,start_time,bsdtime,args',
      j: 'ppid,pid,pgid,sid,tname,tpgid,stat,uid,bsdtime,args',
      l: 'flags,uid,pid,ppid,priority,nice,vsz,rss,wchan,stat,tname,bsdtime,args',
      v: 'pid,tname,stat,bsdtime,maj_flt,m_trs,m_drs,rss,pmem,args',
      s: 'uid,pid,pending,sig_block,sig_ignore,caught,stat,tname,bsdtime,args',
      X: 'pid,start_stack,esp,eip,timeout,alarm,stat,tname,bsdtime,args',
    };
    return o.mac ? ['label', f[o.bsdFormat]!] : [f[o.bsdFormat]!];
  }
  // generate_sysv_list: built back to front, as procps pushes each column on the front;
  // -y (with -l only) drops F and puts RSS where ADDR was
  if (o.uy && !o.ul) throw new PsError('modifier -y without format -l makes no sense');
  const l: string[] = [];
  const push = (s: string): void => void l.unshift(s);
  if (o.preferBsd) {
    push(o.uf || o.ul ? 'cmd' : 'args');
    push('bsdtime');
    if (!o.ul) push('stat');
  } else {
    push(o.uf ? 'cmd' : 'ucmd');
    push('time');
  }
  push('tname');
  if (o.uf) push('stime');
  if (o.uF) {
    push('psr');
    if (!o.uy) push('rss');
  }
  if (o.ul) push('wchan');
  if (o.uF || o.ul) push('sz');
  if (o.ul) push(o.uy ? 'rss' : 'addr_1');
  if (o.ul) {
    push('ni');
    push('opri');
  }
  // -L: NLWP after C (with -f, -F) and LWP before it; -T: SPID right after PID
  if (o.threadsL && o.uf) push('nlwp');
  if (o.uf || o.ul) push('c');
  if (o.threadsL) push('lwp');
  if (o.uj) {
    push('sid');
    push('pgid');
  }
  if (o.uf || o.ul) push('ppid');
  if (o.threadsT) push('spid');
  push('pid');
  if (o.uf) push('uid_hack');
  else if (o.ul) push('uid');
  if (o.ul) {
    push('s');
    if (!o.uy) push('f');
  }
  // -Z (FM_M): the security label in front
  if (o.mac) push('label');
  return [l.join(',')];
}

/**
 * parse_tty: each name of a -t/t list as a terminal device, tried as given (absolute), then
 * under /dev/pts, /dev, /dev/tty, /dev/pty and as /dev/NAMEnsole; `-` and `?` mean no
 * terminal. Returns the names as ps shows them ("?" for none).
 */
async function findTtys(sys: Sys, names: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const name of names) {
    const tries = name.startsWith('/') ? [name] : [`/dev/pts/${name}`, `/dev/${name}`, `/dev/tty${name}`, `/dev/pty${name}`, `/dev/${name}nsole`];
    let hit: { path: string; char: boolean } | undefined;
    for (const path of tries) {
      try {
        const st = await sys.stat(path);
        hit = { path, char: (st.mode & 0o170000) === 0o020000 };
        break;
      } catch {
        // try the next place
      }
    }
    if (!hit) {
      let none = !name.startsWith('/') && (name === '-' || name === '?');
      if (!none && !name.startsWith('/') && name.length === 1) {
        try {
          await sys.stat(name);
          none = true;
        } catch {
          none = false;
        }
      }
      if (!none) throw new PsError('TTY could not be found');
      found.push('?');
      continue;
    }
    if (!hit.char) throw new PsError('list member was not a TTY');
    found.push(hit.path.replace(/^\/dev\//, ''));
  }
  return found;
}

/** -o items: `name[:width][=header]`, separated by commas or blanks (procps 4 ends a header there too). */
function parseFormats(specs: string[], pidWidth: number): Col[] {
  const cols: Col[] = [];
  for (const spec of specs) {
    for (const item of spec.split(/[\s,]+/).filter(Boolean)) {
      const m = /^([^=:]+)(?::(\d+))?(?:=(.*))?$/.exec(item);
      const name = m?.[1] ?? item;
      const def = name === 'addr_1' ? ADDR1 : column(name);
      if (!m || !def) throw new PsError(`unknown user-defined format specifier "${name}"`);
      const header = m[3];
      let width = def.pidmax ? pidWidth : def.width;
      if (m[2]) width = Number(m[2]);
      if (header !== undefined && header.length > width) width = header.length;
      cols.push({ def, header: header ?? def.header, width });
    }
  }
  if (!cols.length) throw new PsError('empty format list');
  return cols;
}

/** show_one_proc: where each column lands, given how far earlier ones overflowed. */
function renderRow(cols: Col[], cell: (c: Col, room: number) => string, activeCols: number, numericUsers = false): string {
  let correct = 0;
  let actual = 0;
  let dospace = 0;
  let out = '';
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i]!;
    const last = i === cols.length - 1;
    let room: number;
    let tmpspace = 0;
    if (!last) room = c.width;
    else {
      tmpspace = correct - actual;
      if (tmpspace < 1) {
        tmpspace = dospace;
        room = activeCols - actual - tmpspace;
      } else room = activeCols - Math.max(correct, actual);
    }
    room = Math.max(0, Math.min(room, OUTBUF - 1));
    let text = cell(c, room);
    let leftpad = 0;
    if (c.def.align === 'right' || (c.def.align === 'user' && numericUsers)) leftpad = Math.max(0, c.width - text.length);
    if ((c.def.align === 'unlimited' || c.def.align === 'wchan') && activeCols - actual - tmpspace < 1) text = text.slice(0, 1);
    let space = correct - actual + leftpad;
    if (space < 1) space = dospace;
    out += ' '.repeat(space) + text;
    if (last) break;
    actual += space + text.length;
    correct += c.width + 1;
    dospace = 1;
  }
  return `${out}\n`;
}

function wanted(o: PsOptions, p: Proc, me: { euid: number; tty: string | undefined }): boolean {
  let ok: boolean;
  if (o.all) ok = true;
  else {
    const simple = o.uA || o.uD || o.bA || o.bX;
    ok = false;
    if (simple || !o.hasList) {
      let bits: number;
      if (!simple && !o.preferBsd) bits = 0xaa00;
      else if (o.uA && o.uD) bits = 0x3f3f;
      else if (o.uA) bits = 0x0303;
      else if (o.uD) bits = 0x3333;
      else if (o.bA && o.bX) bits = 0xffff;
      else if (o.bA) bits = 0x0f0f;
      else if (o.bX) bits = 0xaaaa;
      else bits = 0x0a0a;
      const idx = (p.euid === me.euid ? 1 : 0) | (p.sid === p.pid ? 2 : 0) | (p.tty === undefined ? 4 : 0) | (p.tty === me.tty ? 8 : 0);
      ok = (bits & (1 << idx)) !== 0;
    }
    if (!ok && o.hasList) {
      const s = o.sel;
      ok = s.pids.includes(p.pid) || s.ppids.includes(p.ppid) || s.sids.includes(p.sid) || s.pgids.includes(p.pgid)
        || s.euids.includes(p.euid) || s.ruids.includes(p.uid) || s.egids.includes(p.gid) || s.rgids.includes(p.gid)
        || s.ttys.includes(p.tty ?? '?') || s.comms.some((c) => c === p.comm || (p.comm.length === 15 && c.startsWith(p.comm)));
    }
  }
  if (o.running && p.state !== 'R') ok = false;
  return o.negate ? !ok : ok;
}

async function usageError(ctx: Ctx, msg: string): Promise<number> {
  await ctx.err.write(`error: ${msg}\n${USAGE_TAIL}`);
  return 1;
}

export default defineProgram({
  name: 'ps',
  installPath: '/usr/bin/ps',
  pkg: 'procps-ng',
  async main(ctx) {
    const sys = ctx.sys;
    const acc = await Accounts.load(sys);
    let o: PsOptions;
    let cols: Col[];
    const pidWidth = Math.max(5, String(await pidMax(sys)).length);
    const look = { uid: (n: string) => acc.userByName(n)?.uid, gid: (n: string) => acc.groupByName(n)?.gid };
    // the options as UNIX ones, or else (procps's second chance) all as BSD ones
    const attempt = async (forceBsd: boolean): Promise<{ o: PsOptions; cols: Col[] }> => {
      const opts = parsePs(ctx.argv.slice(1), look, forceBsd);
      if (opts.version || opts.listFormats || opts.help !== undefined) return { o: opts, cols: [] };
      opts.sel.ttys = await findTtys(sys, opts.sel.ttys);
      return { o: opts, cols: parseFormats(formatList(opts), pidWidth) };
    };
    try {
      try {
        ({ o, cols } = await attempt(false));
      } catch (first) {
        if (!(first instanceof PsError)) throw first;
        try {
          ({ o, cols } = await attempt(true));
        } catch (second) {
          if (!(second instanceof PsError)) throw second;
          throw first;
        }
      }
      if (o.version) {
        await ctx.print('ps from procps-ng 4.0.4\n');
        return 0;
      }
      if (o.listFormats) {
        await ctx.print(formatSpecifiers());
        return 0;
      }
      if (o.help !== undefined) {
        await ctx.print(HELP);
        return 0;
      }
    } catch (e) {
      if (e instanceof PsError) return usageError(ctx, e.message);
      throw e;
    }
    // arg_check_conflicts: what -q (a quick look at given pids) cannot go with
    const quickClash = o.quick > 1 ? 'can only be used once'
      : o.quick && o.lists > o.quick ? 'cannot be combined with other selection options'
        : o.quick && (o.forest || o.uH) ? 'cannot be used together with forest type listings'
          : o.quick && o.sort.length ? undefined
            : o.quick && o.negate ? 'cannot be used together with negation switches' : '';
    if (quickClash === undefined) return ctx.err.write('q/-q,--quick-pid cannot be used together with sort options.\n').then(() => 1);
    if (quickClash) return ctx.err.write(`q/-q/--quick-pid ${quickClash}.\n`).then(() => 1);
    const procs = await loadProcs(sys);
    const self = procs.find((p) => p.pid === sys.pid);
    // ps reads every task's stat, a kernel thread's through a capability check (PF_SUPERPRIV)
    if (self) self.flags = (self.flags ?? 0) | 0x100;
    const me = { euid: sys.geteuid(), tty: self?.tty };
    if (o.bT) {
      o.sel.ttys.push(me.tty ?? '?');
      o.hasList = true;
    }
    let rows = procs.filter((p) => wanted(o, p, me));
    const sorted = sortProcs(rows, o.sort);
    if (typeof sorted === 'string') return usageError(ctx, sorted);
    rows = sorted;
    const forest = o.forest || o.uH;
    const prefixes = new Map<number, string>();
    if (forest) rows = treeOrder(rows, prefixes, o.uH && !o.forest ? 'unix' : 'ascii');
    const tty = sys.isatty(1);
    const columnsEnv = Number(ctx.env.get('COLUMNS'));
    let activeCols = tty ? sys.winsize(1).cols : OUTBUF;
    if (tty && columnsEnv > 0) activeCols = columnsEnv;
    if (o.wide === 1 && activeCols < 132) activeCols = 132;
    if (o.wide > 1) activeCols = OUTBUF;
    if (o.cols !== undefined) activeCols = o.cols;
    const env: Env = {
      memTotal: await memTotalKb(sys), now: sys.now(), tz: await localZone(sys), pidWidth, numericUsers: o.numeric, forest: '',
      commShowsArgs: o.uf, argsShowsComm: o.bsdC,
    };
    if (cols.some((c) => c.def.header === 'EXE')) {
      env.exes = new Map();
      for (const p of rows) {
        try {
          env.exes.set(p.pid, await sys.readlink(`/proc/${p.pid}/exe`));
        } catch {
          // a kernel thread, or another user's process: '-'
        }
      }
    }
    const showHeader = !o.noHeaders && cols.some((c) => c.header !== '');
    if (showHeader) await ctx.print(renderRow(cols, (c) => c.header, activeCols, o.numeric));
    for (const p of rows) {
      await ctx.tick();
      env.forest = prefixes.get(p.pid) ?? '';
      await ctx.print(renderRow(cols, (c, room) => c.def.value(p, env, room), activeCols, o.numeric));
    }
    return rows.length ? 0 : 1;
  },
});
