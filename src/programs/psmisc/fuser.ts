// fuser (psmisc 23.6): which processes use the named files, filesystems (-m) or TCP/UDP ports.
// Names go to stderr padded to 20 columns, the PIDs to stdout (" %5d", no newline of their own),
// the access letters (c e r m; f/F only with -v) to stderr again, as psmisc interleaves them.
// Processes are found from /proc: cwd, exe, root and the fd links of each; sockets by the inodes
// of /proc/net/{tcp,udp}{,6} lines whose ports and remote address match. -k sends a signal
// (SIGKILL unless -SIGNAL), -i asks first, -w kills only writers; -s prints nothing.
import { isSysError, strerror, SysError } from '../../shared/errno';
import { SIGNALS } from '../../shared/signals';
import type { Stat } from '../../shared/stat';
import { defineProgram, ExitStatus } from '../define';
import type { Ctx } from '../lib/context';
import { Accounts } from '../lib/accounts';
import { servicePort } from '../lib/getserv';

const USAGE = `Usage: fuser [-fIMuvw] [-a|-s] [-4|-6] [-c|-m|-n SPACE]
             [-k [-i] [-SIGNAL]] NAME...
       fuser -l
       fuser -V
Show which processes use the named files, sockets, or filesystems.

  -a,--all              display unused files too
  -i,--interactive      ask before killing (ignored without -k)
  -I,--inode            use always inodes to compare files
  -k,--kill             kill processes accessing the named file
  -l,--list-signals     list available signal names
  -m,--mount            show all processes using the named filesystems or
                        block device
  -M,--ismountpoint     fulfill request only if NAME is a mount point
  -n,--namespace SPACE  search in this name space (file, udp, or tcp)
  -s,--silent           silent operation
  -SIGNAL               send this signal instead of SIGKILL
  -u,--user             display user IDs
  -v,--verbose          verbose output
  -w,--writeonly        kill only processes with write access
  -V,--version          display version information
  -4,--ipv4             search IPv4 sockets only
  -6,--ipv6             search IPv6 sockets only
  udp/tcp names: [local_port][,[rmt_host][,[rmt_port]]]

`;

export const PSMISC_VERSION = (prog: string, years = '1993-2022'): string => `${prog} (PSmisc) 23.6
Copyright (C) ${years} Werner Almesberger and Craig Small

PSmisc comes with ABSOLUTELY NO WARRANTY.
This is free software, and you are welcome to redistribute it under
the terms of the GNU General Public License.
For more information about these matters, see the files named COPYING.
`;

const LONG: Record<string, string> = {
  all: 'a', kill: 'k', interactive: 'i', inode: 'I', 'list-signals': 'l', mount: 'm', ismountpoint: 'M',
  namespace: 'n', silent: 's', user: 'u', verbose: 'v', writeonly: 'w', version: 'V', ipv4: '4', ipv6: '6',
};

/** psmisc's signal names: the kernel's, with POLL for IO. */
const SIG_NAMES = Object.entries(SIGNALS).map(([n, v]) => [n === 'SIGIO' ? 'POLL' : n.slice(3), v] as const);
const FIELD = 20;

const A_FILE = 1, A_ROOT = 2, A_CWD = 4, A_EXE = 8, A_MMAP = 16, A_WRITE = 32;

type Space = 'file' | 'tcp' | 'udp';

interface Match {
  pid: number;
  uid: number;
  access: number;
  /** a mount point rather than a process (shown as `kernel` with -v) */
  mount?: string;
  command: string | undefined;
}

interface Name {
  filename: string;
  space: Space;
  matches: Match[];
  /** what to look for: file identity, a filesystem, or socket inodes */
  st?: Stat;
  device?: number;
  /** with -m: the mount point of the filesystem the name is on */
  mountPoint?: string;
  /** with -m: the name is a block device (its filesystems' files match whatever their path) */
  block?: boolean;
  sockets: Set<number>;
}

interface Conn {
  name: Name;
  proto: 'tcp' | 'udp';
  lport: number;
  rport: number;
  /** remote address as /proc/net shows it (hex), or undefined for any */
  raddr4?: string;
  raddr6?: string;
}


export default defineProgram({
  name: 'fuser',
  installPath: '/usr/bin/fuser',
  pkg: 'psmisc',
  async main(ctx) {
    return run(ctx);
  },
});

async function say(ctx: Ctx, fd: 1 | 2, text: string): Promise<void> {
  const w = fd === 1 ? ctx.out : ctx.err;
  await w.write(text);
  await w.flush();
}

async function usage(ctx: Ctx, message?: string): Promise<never> {
  await ctx.out.flush();
  await say(ctx, 2, (message !== undefined ? `${message}\n` : '') + USAGE);
  throw new ExitStatus(1);
}

async function readText(ctx: Ctx, path: string): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await ctx.sys.readFile(path));
  } catch (e) {
    if (isSysError(e)) return undefined;
    throw e;
  }
}

async function tryStat(ctx: Ctx, path: string): Promise<Stat | undefined> {
  try {
    return await ctx.sys.stat(path);
  } catch (e) {
    if (isSysError(e)) return undefined;
    throw e;
  }
}

async function tryReadlink(ctx: Ctx, path: string): Promise<string | undefined> {
  try {
    return await ctx.sys.readlink(path);
  } catch (e) {
    if (isSysError(e)) return undefined;
    throw e;
  }
}

/** The name made absolute with its symlinks followed; undefined when a component is missing. */
async function expandPath(ctx: Ctx, path: string): Promise<string | undefined> {
  if (path === '') return undefined;
  const out: string[] = path.startsWith('/') ? [] : ctx.sys.getcwd().split('/').filter(Boolean);
  let rest = path.split('/').filter(Boolean);
  let depth = 0;
  while (rest.length) {
    const part = rest.shift()!;
    if (part === '.') continue;
    if (part === '..') {
      out.pop();
      continue;
    }
    out.push(part);
    const here = `/${out.join('/')}`;
    let target: string;
    try {
      target = await ctx.sys.readlink(here);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.errno === 'EINVAL') continue;
      return undefined;
    }
    if (++depth > 40) return undefined;
    out.pop();
    if (target.startsWith('/')) out.length = 0;
    rest = [...target.split('/').filter(Boolean), ...rest];
  }
  return `/${out.join('/')}`;
}

/** The mount points of /proc/mounts, longest first, with the device of each. */
async function mountPoints(ctx: Ctx): Promise<{ point: string; source: string }[]> {
  const text = (await readText(ctx, '/proc/mounts')) ?? '';
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(' '))
    .map((f) => ({ source: f[0] ?? '', point: (f[1] ?? '').replace(/\\040/g, ' ') }));
}

function ipv4Hex(addr: string): string | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(addr);
  if (!m) return undefined;
  const b = m.slice(1).map(Number);
  if (b.some((x) => x > 255)) return undefined;
  return b.reverse().map((x) => x.toString(16).padStart(2, '0')).join('').toUpperCase();
}

function ipv6Hex(addr: string): string | undefined {
  if (!addr.includes(':')) return undefined;
  const [head, tail] = addr.split('::') as [string, string | undefined];
  const hs = head ? head.split(':') : [];
  const ts = tail ? tail.split(':') : [];
  if (addr.split('::').length > 2) return undefined;
  const groups = tail === undefined ? hs : [...hs, ...Array(8 - hs.length - ts.length).fill('0'), ...ts];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  const bytes = groups.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 255]);
  let hex = '';
  for (let i = 0; i < 16; i += 4) hex += bytes.slice(i, i + 4).reverse().map((x) => x.toString(16).padStart(2, '0')).join('');
  return hex.toUpperCase();
}

async function run(ctx: Ctx): Promise<number> {
  const argv = ctx.argv;
  const opt = new Set<string>();
  let sig = 9;
  let space: Space = 'file';
  const names: Name[] = [];
  const conns: Conn[] = [];
  let v4 = false, v6 = false;
  const services = (await readText(ctx, '/etc/services')) ?? '';
  const hosts = (await readText(ctx, '/etc/hosts')) ?? '';

  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('-')) {
      let letters = arg.slice(1);
      if (arg.startsWith('--')) {
        if (arg === '--') break;
        const l = Object.prototype.hasOwnProperty.call(LONG, arg.slice(2)) ? LONG[arg.slice(2)] : undefined;
        if (l === undefined) {
          await say(ctx, 2, `${argv[0]}: Invalid option ${arg}\n`);
          await usage(ctx);
        }
        letters = l!;
      }
      for (const c of letters) {
        if (c === '4') v4 = true;
        else if (c === '6') v6 = true;
        else if (c === 'a' || c === 'i' || c === 'I' || c === 'k' || c === 'M' || c === 's' || c === 'u' || c === 'v' || c === 'w') opt.add(c);
        else if (c === 'c' || c === 'm') opt.add('m');
        else if (c === 'f') continue;
        else if (c === 'h') await usage(ctx);
        else if (c === 'l') {
          const all = SIG_NAMES.map(([n]) => n);
          await ctx.print(`${all.slice(0, 16).join(' ')}\n${all.slice(16).join(' ')}\n`);
          return 0;
        } else if (c === 'V') {
          await say(ctx, 2, PSMISC_VERSION('fuser'));
          return 0;
        } else if (c === 'n') {
          const ns = argv[++i];
          if (ns === undefined) await usage(ctx, 'Namespace option requires an argument.');
          if (ns === 'tcp' || ns === 'udp' || ns === 'file') space = ns;
          else await usage(ctx, 'Invalid namespace name');
          break;
        } else if (/[A-Z0-9]/.test(c)) {
          sig = await signalNumber(ctx, arg.slice(1));
          break;
        } else {
          await say(ctx, 2, `${argv[0]}: Invalid option ${c}\n`);
          await usage(ctx);
        }
      }
      continue;
    }
    const name: Name = { filename: arg, space, matches: [], sockets: new Set() };
    const slash = arg.indexOf('/');
    if (slash > 0) {
      const suffix = arg.slice(slash + 1);
      if (suffix === 'tcp' || suffix === 'udp' || suffix === 'file') {
        name.space = suffix;
        name.filename = arg.slice(0, slash);
      }
    }
    if ((opt.has('m') || opt.has('M')) && name.space !== 'file') await usage(ctx, 'You can only use files with mountpoint options');
    if (name.space === 'file') await parseFile(ctx, name, opt.has('m'));
    else {
      name.filename = `${name.filename}/${name.space}`;
      await parseInet(ctx, name, services, hosts, v4, v6, conns);
    }
    names.push(name);
  }
  if (!names.length) await usage(ctx, 'No process specification given');

  let list = names;
  if (opt.has('M')) {
    const points = new Set((await mountPoints(ctx)).map((m) => m.point));
    list = [];
    for (const n of names) {
      const trimmed = n.filename.replace(/(.)\/+$/, '$1');
      if (n.space === 'file' && !points.has(trimmed)) await say(ctx, 2, `Specified filename ${n.filename} is not a mountpoint.\n`);
      else list.push(n);
    }
  }
  if (opt.has('s')) {
    opt.delete('v');
    opt.delete('u');
    if (opt.has('a')) await usage(ctx, 'all option cannot be used with silent option.');
  }
  if (v4 && v6) await usage(ctx, 'You cannot search for only IPv4 and only IPv6 sockets at the same time');

  await findSockets(ctx, conns, v4, v6);
  await scanProcs(ctx, list);
  await scanMounts(ctx, list);
  return printMatches(ctx, list, opt, sig);
}

async function signalNumber(ctx: Ctx, text: string): Promise<number> {
  if (/^\d/.test(text)) return parseInt(text, 10);
  const name = text.startsWith('SIG') ? text.slice(3) : text;
  const hit = SIG_NAMES.find(([n]) => n === name);
  if (hit) return hit[1];
  await say(ctx, 2, `${name}: unknown signal; ${ctx.argv[0]} -l lists signals.\n`);
  throw new ExitStatus(1);
}

async function parseFile(ctx: Ctx, name: Name, mounts: boolean): Promise<void> {
  name.filename = (await expandPath(ctx, name.filename)) ?? name.filename;
  let st: Stat;
  try {
    st = await ctx.sys.stat(name.filename);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await say(ctx, 2, e.errno === 'ENOENT' ? `Specified filename ${name.filename} does not exist.\n` : `Cannot stat ${name.filename}: ${strerror(e.errno)}\n`);
    return;
  }
  if (!mounts) {
    name.st = st;
    return;
  }
  if (st.kind === 'blockdev') {
    // a block device: the filesystems mounted from it
    name.block = true;
    const points = (await mountPoints(ctx)).filter((m) => m.source === name.filename);
    for (const m of points) {
      const ms = await tryStat(ctx, m.point);
      if (ms) name.device = ms.dev;
    }
    if (name.device === undefined) name.device = -1;
    name.mountPoint = points[0]?.point;
  } else {
    name.device = st.dev;
    const under = (p: string): boolean => p === '/' || name.filename === p || name.filename.startsWith(`${p}/`);
    name.mountPoint = (await mountPoints(ctx)).map((m) => m.point).filter(under).sort((a, b) => b.length - a.length)[0];
  }
}

async function parseInet(ctx: Ctx, name: Name, services: string, hosts: string, v4: boolean, v6: boolean, conns: Conn[]): Promise<void> {
  const proto = name.space as 'tcp' | 'udp';
  const spec = name.filename.slice(0, name.filename.lastIndexOf('/')).slice(0, 99);
  const parts = spec.split(',');
  const lportStr = parts[0] || undefined;
  const raddrStr = parts[1] || undefined;
  const rportStr = parts.length > 2 ? parts.slice(2).join(',') || undefined : undefined;
  let lport = 0;
  if (lportStr !== undefined) {
    const p = servicePort(services, lportStr, proto);
    if (p === undefined) {
      await say(ctx, 2, `Cannot resolve local port ${lportStr}: Servname not supported for ai_socktype\n`);
      return;
    }
    lport = p;
  }
  if (raddrStr === undefined && rportStr === undefined) {
    conns.push({ name, proto, lport, rport: 0 });
    return;
  }
  let rport = 0;
  if (rportStr !== undefined) {
    const p = servicePort(services, rportStr, proto);
    if (p === undefined) return;
    rport = p;
  }
  if (raddrStr === undefined) {
    conns.push({ name, proto, lport, rport });
    return;
  }
  const addrs = ipv4Hex(raddrStr) || ipv6Hex(raddrStr) ? [raddrStr] : hostAddrs(hosts, raddrStr);
  for (const a of addrs) {
    const h4 = ipv4Hex(a);
    const h6 = ipv6Hex(a);
    if (h4 && !v6) conns.push({ name, proto, lport, rport, raddr4: h4 });
    if (h6 && !v4) conns.push({ name, proto, lport, rport, raddr6: h6 });
  }
}

function hostAddrs(hosts: string, host: string): string[] {
  const out: string[] = [];
  for (const line of hosts.split('\n')) {
    const f = line.replace(/#.*/, '').trim().split(/\s+/);
    if (f.length > 1 && f.slice(1).includes(host)) out.push(f[0]!);
  }
  return out;
}

/** The inodes of the sockets each TCP/UDP name stands for, from /proc/net. */
async function findSockets(ctx: Ctx, conns: Conn[], v4: boolean, v6: boolean): Promise<void> {
  for (const proto of ['tcp', 'udp'] as const) {
    const mine = conns.filter((c) => c.proto === proto);
    if (!mine.length) continue;
    for (const six of [false, true]) {
      if ((six && v4) || (!six && v6)) continue;
      const text = await readText(ctx, `/proc/net/${proto}${six ? '6' : ''}`);
      if (text === undefined) {
        if (!six) await say(ctx, 2, `Cannot open protocol file "/proc/net/${proto}": No such file or directory\n`);
        continue;
      }
      for (const line of text.split('\n').slice(1)) {
        const f = line.trim().split(/\s+/);
        const local = /:([0-9A-Fa-f]+)$/.exec(f[1] ?? '');
        const remote = /^([0-9A-Fa-f]+):([0-9A-Fa-f]+)$/.exec(f[2] ?? '');
        const inode = Number(f[9]);
        if (!local || !remote || !Number.isFinite(inode)) continue;
        const lport = parseInt(local[1]!, 16);
        const rport = parseInt(remote[2]!, 16);
        for (const c of mine) {
          if (c.lport && c.lport !== lport) continue;
          if (c.rport && c.rport !== rport) continue;
          const want = six ? c.raddr6 : c.raddr4;
          if ((six ? c.raddr4 : c.raddr6) !== undefined && want === undefined) continue;
          if (want !== undefined && want !== remote[1]!.toUpperCase()) continue;
          c.name.sockets.add(inode);
        }
      }
    }
  }
}

function addMatch(ctx: Ctx, name: Name, pid: number, uid: number, access: number, comms: Map<number, string>): void {
  const m = name.matches.find((x) => x.pid === pid && x.mount === undefined);
  if (m) {
    m.access |= access;
    return;
  }
  name.matches.push({ pid, uid, access, command: comms.get(pid) });
}

/** The command as fuser prints it: /proc/PID/stat's up to the first `)`, non-printables octal. */
function commandOf(comm: string): string {
  let out = '';
  for (const ch of comm.split(')')[0]!) {
    const code = ch.charCodeAt(0);
    if (code >= 32 && code < 127) out += ch;
    else if (out.length < 15 - 4) out += `\\${code.toString(8).padStart(3, '0')}`;
    if (out.length >= 15) break;
  }
  return out.slice(0, 15);
}

async function exeStat(ctx: Ctx, pid: number): Promise<Stat | undefined> {
  const target = await tryReadlink(ctx, `/proc/${pid}/exe`);
  if (target === undefined || target === '') return undefined;
  if (target.startsWith('/')) return tryStat(ctx, target);
  // a program started by a bare name: where PATH finds it
  for (const dir of ['/usr/bin', '/usr/sbin', '/bin', '/sbin']) {
    const st = await tryStat(ctx, `${dir}/${target}`);
    if (st) return st;
  }
  return undefined;
}

async function scanProcs(ctx: Ctx, names: Name[]): Promise<void> {
  if (!names.some((n) => n.st || n.device !== undefined || n.sockets.size)) return;
  const procs = ctx.sys.processes();
  const comms = new Map(procs.map((p) => [p.pid, commandOf(p.comm)]));
  // sockets the network stack holds for services (their descriptors)
  const owners = new Map<number, number[]>();
  if (names.some((n) => n.sockets.size)) {
    try {
      const reply = (await ctx.sys.call('sockets', { kind: 'list' })) as { kind: string; sockets?: { inode: number; pid: number }[] };
      for (const s of reply.sockets ?? []) owners.set(s.inode, [...(owners.get(s.inode) ?? []), s.pid]);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }
  const self = ctx.sys.pid;
  let pids: number[];
  try {
    pids = (await ctx.sys.readdir('/proc')).filter((d) => /^\d/.test(d)).map((d) => parseInt(d, 10));
  } catch (e) {
    if (!isSysError(e)) throw e;
    await say(ctx, 2, `Cannot open /proc directory: ${strerror(e.errno)}\n`);
    throw new ExitStatus(1);
  }
  pids.sort((a, b) => a - b);
  for (const pid of pids) {
    if (pid === self) continue;
    const uid = (await tryStat(ctx, `/proc/${pid}`))?.uid ?? 0;
    const cwd = await tryStat(ctx, `/proc/${pid}/cwd`);
    const exe = await exeStat(ctx, pid);
    const root = await tryStat(ctx, `/proc/${pid}/root`);
    for (const n of names) {
      let access = 0;
      const same = (s: Stat | undefined): boolean => (n.st ? s !== undefined && s.dev === n.st.dev && s.ino === n.st.ino : n.device !== undefined && s?.dev === n.device);
      if (!n.st && n.device === undefined) continue;
      if (same(exe)) access |= A_EXE;
      if (same(root)) access |= A_ROOT;
      if (same(cwd)) access |= A_CWD;
      if (access) addMatch(ctx, n, pid, uid, access, comms);
    }
    let fds: string[] = [];
    try {
      fds = await ctx.sys.readdir(`/proc/${pid}/fd`);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
    for (const fd of fds.filter((d) => /^\d/.test(d)).sort((a, b) => Number(a) - Number(b))) {
      const path = `/proc/${pid}/fd/${fd}`;
      const target = await tryReadlink(ctx, path);
      if (target === undefined) continue;
      const link = await ctx.sys.lstat(path).catch(() => undefined);
      const writes = link !== undefined && (link.mode & 0o200) !== 0;
      const access = A_FILE | (writes ? A_WRITE : 0);
      const sock = /^socket:\[(\d+)\]$/.exec(target);
      if (sock) {
        for (const n of names) if (n.sockets.has(Number(sock[1]))) addMatch(ctx, n, pid, uid, access, comms);
        continue;
      }
      const st = await tryStat(ctx, path);
      if (!st) continue;
      for (const n of names) {
        if (n.st && st.dev === n.st.dev && st.ino === n.st.ino) addMatch(ctx, n, pid, uid, access, comms);
        else if (!n.st && n.device !== undefined && st.dev === n.device && (n.block || target.startsWith(n.filename))) addMatch(ctx, n, pid, uid, access, comms);
      }
    }
    for (const n of names) {
      for (const inode of n.sockets) if (owners.get(inode)?.includes(pid)) addMatch(ctx, n, pid, uid, A_FILE | A_WRITE, comms);
    }
  }
}

/** Mount points in use: the named mount point itself, or (with -m) the filesystem's own. */
async function scanMounts(ctx: Ctx, names: Name[]): Promise<void> {
  if (!names.some((n) => n.st || n.device !== undefined)) return;
  const points = await mountPoints(ctx);
  for (const m of points) {
    const st = await tryStat(ctx, m.point);
    if (!st) continue;
    for (const n of names) {
      const hit = n.st ? st.dev === n.st.dev && st.ino === n.st.ino : n.device !== undefined && st.dev === n.device && m.point === n.mountPoint;
      if (hit && !n.matches.some((x) => x.mount !== undefined)) n.matches.unshift({ pid: 0, uid: 0, access: 0, mount: m.point, command: m.point });
    }
  }
}

async function ask(ctx: Ctx, pid: number): Promise<boolean> {
  await ctx.out.flush();
  for (;;) {
    await say(ctx, 2, `Kill process ${pid} ? (y/N) `);
    let line = '';
    for (;;) {
      const b = await ctx.sys.read(0, 1);
      if (b === null || b.length === 0) {
        if (line === '') return false;
        break;
      }
      const ch = String.fromCharCode(b[0]!);
      line += ch;
      if (ch === '\n') break;
    }
    if (line[0] === '\n') return false;
    if (/^[yY]/.test(line)) return true;
    if (/^[nN]/.test(line)) return false;
  }
}

async function printMatches(ctx: Ctx, names: Name[], opt: Set<string>, sig: number): Promise<number> {
  const verbose = opt.has('v');
  const acc = opt.has('v') || opt.has('u') ? await Accounts.load(ctx.sys) : undefined;
  let head = false;
  let haveMatch = false;
  let haveKill = false;
  for (const n of names) {
    if (opt.has('s')) {
      if (n.matches.some((m) => m.mount === undefined)) haveMatch = true;
    } else {
      const hasProcs = verbose ? n.matches.length > 0 : n.matches.some((m) => m.mount === undefined);
      let len = 0;
      if (hasProcs || opt.has('a')) {
        if (!head && verbose) {
          await say(ctx, 2, `${' '.repeat(FIELD)} USER        PID ACCESS COMMAND\n`);
          head = true;
        }
        await say(ctx, 2, `${n.filename}:`);
        len = n.filename.length + 1;
      }
      let first = true;
      for (const m of n.matches) {
        if (!verbose && m.mount !== undefined) continue;
        haveMatch = true;
        const user = acc?.userName(m.uid);
        let lead = '';
        if (len > FIELD && verbose) {
          lead += '\n';
          len = 0;
        }
        if (verbose || first) lead += ' '.repeat(Math.max(0, FIELD - len));
        if (verbose) lead += ` ${(user ?? '(unknown)').padEnd(8)} `;
        if (lead) await say(ctx, 2, lead);
        await say(ctx, 1, m.mount === undefined ? ` ${String(m.pid).padStart(5)}` : 'kernel');
        let tail = '';
        if (verbose) {
          if (m.mount !== undefined) tail += ' mount ';
          else {
            const a = m.access;
            tail += ` ${a & A_FILE ? (a & A_WRITE ? 'F' : 'f') : '.'}${a & A_ROOT ? 'r' : '.'}${a & A_CWD ? 'c' : '.'}${a & A_EXE ? 'e' : '.'}${a & A_MMAP && !(a & A_EXE) ? 'm' : '.'} `;
          }
        } else {
          if (m.access & A_ROOT) tail += 'r';
          if (m.access & A_CWD) tail += 'c';
          if (m.access & A_EXE) tail += 'e';
          else if (m.access & A_MMAP) tail += 'm';
        }
        if (opt.has('u')) tail += user === undefined ? ` ${'(unknown)'.padEnd(8)} ` : `(${user})`;
        if (verbose) tail += `${m.command ?? '???'}\n`;
        if (tail) await say(ctx, 2, tail);
        len = 0;
        first = false;
      }
      if (verbose ? n.matches.length === 0 && opt.has('a') : hasProcs || opt.has('a')) await say(ctx, 2, '\n');
    }
    if (opt.has('k')) {
      for (const m of n.matches) {
        if (m.mount !== undefined || m.pid === ctx.sys.pid) continue;
        if (opt.has('w') && !(m.access & A_WRITE)) continue;
        if (opt.has('i') && !(await ask(ctx, m.pid))) continue;
        try {
          // kill(2) refuses numbers that name no signal
          if (sig < 0 || sig > 64) throw new SysError('EINVAL', 'kill');
          ctx.sys.kill(m.pid, sig);
        } catch (e) {
          if (!isSysError(e)) throw e;
          await say(ctx, 2, `Could not kill process ${m.pid}: ${strerror(e.errno)}\n`);
          continue;
        }
        haveKill = true;
      }
    }
  }
  if (opt.has('k')) return haveKill ? 0 : 1;
  return haveMatch ? 0 : 1;
}
