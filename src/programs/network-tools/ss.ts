// ss (iproute2 6.0): the machine's TCP and UDP sockets from the 'sockets' service, in ss's
// buffered column layout. -t -u -l -a -n -p -4 -6 -s -H, and the simple filters learners use
// (`state listening`, `sport = :22`, `dport :80`). This machine keeps no Unix-domain socket
// table, so only Internet sockets are listed.
import type { SocketInfo, SocketReply } from '../../shared/services/sockets';
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { getopt, GetoptError, type OptionDef } from '../lib/getopt';
import { NetDb } from '../netfilter/netdb';
import { renderColumns, ssColumns } from './ss-render';
import { SS_USAGE } from './ss-usage';
import { bitLen, parseAddr, samePrefix, type IpAddr } from '../../shared/services/net-addr';

const FLAGS = 'dhaletuwxnro460spTbEmMiVzZKHSO';
const DEFS: OptionDef[] = [
  ...FLAGS.split('').map((c) => ({ key: c, short: c })),
  ...'fADFN'.split('').map((c) => ({ key: c, short: c, arg: 'required' as const })),
  ...[['numeric', 'n'], ['resolve', 'r'], ['options', 'o'], ['extended', 'e'], ['memory', 'm'], ['info', 'i'], ['processes', 'p'], ['threads', 'T'], ['tcp', 't'], ['udp', 'u'], ['raw', 'w'], ['unix', 'x'], ['all', 'a'], ['listening', 'l'], ['ipv4', '4'], ['ipv6', '6'], ['packet', '0'], ['summary', 's'], ['version', 'V'], ['help', 'h'], ['no-header', 'H'], ['oneline', 'O'], ['kill', 'K'], ['context', 'Z'], ['contexts', 'z'], ['mptcp', 'M'], ['sctp', 'S'], ['dccp', 'd'], ['events', 'E'], ['bpf', 'b']]
    .map(([long, key]) => ({ key: key!, long: long! })),
  ...[['family', 'f'], ['socket', 'A'], ['query', 'A'], ['diag', 'D'], ['filter', 'F'], ['net', 'N']].map(([long, key]) => ({ key: key!, long: long!, arg: 'required' as const })),
];

/** The socket states in the kernel's order (SS_UNKNOWN .. SS_CLOSING) as ss shows them; a state set is a mask of 1 << index. */
const SS_NAMES = ['UNKNOWN', 'ESTAB', 'SYN-SENT', 'SYN-RECV', 'FIN-WAIT-1', 'FIN-WAIT-2', 'TIME-WAIT', 'UNCONN', 'CLOSE-WAIT', 'LAST-ACK', 'LISTEN', 'CLOSING'];
/** The long names `state` takes (sstate_namel), any case. */
const SS_LONG = ['unknown', 'established', 'syn-sent', 'syn-recv', 'fin-wait-1', 'fin-wait-2', 'time-wait', 'unconnected', 'close-wait', 'last-ack', 'listening', 'closing'];
const ss = (name: string): number => 1 << SS_NAMES.indexOf(name);
const SS_ALL = (1 << SS_NAMES.length) - 1;
const CLOSE = ss('UNCONN');
const LISTEN = ss('LISTEN');
/** What ss lists when no state is asked for (SS_CONN): neither listening, closed, TIME-WAIT nor SYN-RECV. */
const SS_CONN = SS_ALL & ~(LISTEN | CLOSE | ss('TIME-WAIT') | ss('SYN-RECV'));

/** scan_state: a state name or one of the groups; undefined for none. */
function scanState(word: string): number | undefined {
  const w = word.toLowerCase();
  if (w === 'close' || w === 'closed') return CLOSE;
  if (w === 'all') return SS_ALL;
  if (w === 'connected') return SS_ALL & ~(CLOSE | LISTEN);
  if (w === 'synchronized') return SS_ALL & ~(CLOSE | LISTEN | ss('SYN-SENT'));
  if (w === 'bucket') return ss('SYN-RECV') | ss('TIME-WAIT');
  if (w === 'big') return SS_ALL & ~(ss('SYN-RECV') | ss('TIME-WAIT'));
  const i = SS_LONG.indexOf(w);
  return i >= 0 ? 1 << i : undefined;
}

interface Term {
  field: 'sport' | 'dport';
  op: string;
  /** undefined: any port (a host condition without one) */
  port?: number;
  /** a host condition's address prefix (src / dst) */
  prefix?: { addr: IpAddr; len: number };
}

interface Filter {
  /** a mask of states (see SS_NAMES) */
  states: number;
  terms: Term[];
  join: 'and' | 'or';
}

/**
 * parse_hostcond for inet sockets: `*`, ADDR, ADDR/LEN, ADDR:PORT, [V6ADDR]:PORT, :PORT, with
 * service names for ports; null when it is not one of those.
 */
function hostCond(text: string, db: NetDb): { prefix?: { addr: IpAddr; len: number }; port?: number } | 'port' | null {
  let host = text;
  let port: string | undefined;
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    if (end < 0) return null;
    const rest = host.slice(end + 1);
    host = host.slice(1, end);
    if (rest.startsWith(':')) port = rest.slice(1);
    else if (rest !== '') return null;
  } else if ((host.match(/:/g) ?? []).length === 1) {
    const at = host.lastIndexOf(':');
    port = host.slice(at + 1);
    host = host.slice(0, at);
  }
  const out: { prefix?: { addr: IpAddr; len: number }; port?: number } = {};
  if (port !== undefined && port !== '*' && port !== '') {
    const n = /^[0-9]+$/.test(port) ? Number(port) : db.serviceByName(port, 'tcp') ?? db.serviceByName(port, 'udp');
    if (n === undefined) return 'port';
    out.port = n;
  }
  if (host !== '' && host !== '*') {
    const [a, l] = host.split('/', 2) as [string, string?];
    const addr = parseAddr(a);
    if (!addr) return null;
    const len = l === undefined ? bitLen(addr.family) : /^[0-9]+$/.test(l) ? Number(l) : NaN;
    if (!(len >= 0 && len <= bitLen(addr.family))) return null;
    out.prefix = { addr, len };
  }
  return out;
}

async function parseFilter(ctx: Ctx, words: string[], defaultStates: number, db: NetDb): Promise<Filter | undefined | null> {
  const f: Filter = { states: defaultStates, terms: [], join: 'and' };
  let sawStates = false;
  // the grammar wants its parentheses paired
  let depth = 0;
  for (const ch of words.join(' ')) {
    depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
    if (depth < 0) break;
  }
  if (depth !== 0) {
    await ctx.err.write(`ss: bison bellows (while parsing filter): "syntax error!" Sorry.\n${SS_USAGE}`);
    return undefined;
  }
  const w = words.flatMap((x) => x.replace(/([()])/g, ' ').split(/\s+/)).filter((x) => x !== '');
  for (let i = 0; i < w.length; i++) {
    const word = w[i]!;
    if (word === 'state' || word === 'exclude') {
      // the first `state` replaces what -a, -l or the tables asked for; the first `exclude` starts from all
      const st = scanState(w[++i] ?? '');
      if (st === undefined) {
        await ctx.err.write(`ss: wrong state name: ${w[i] ?? ''}\n`);
        return undefined;
      }
      if (word === 'state') f.states = (sawStates ? f.states : 0) | st;
      else f.states = (sawStates ? f.states : SS_ALL) & ~st;
      sawStates = true;
    } else if (word === 'and' || word === 'or' || word === '&&' || word === '||') {
      f.join = word === 'or' || word === '||' ? 'or' : 'and';
    } else if (word === 'sport' || word === 'dport' || word === 'src' || word === 'dst') {
      let op = '=';
      if (/^(=|==|eq|!=|ne|>|<|>=|<=|gt|lt|ge|le)$/.test(w[i + 1] ?? '')) op = w[++i]!;
      const text = w[++i] ?? '';
      const field = word === 'src' || word === 'sport' ? 'sport' : 'dport';
      const cond = word === 'sport' || word === 'dport' ? hostCond(text.includes(':') ? text : `:${text}`, db) : hostCond(text, db);
      if (!cond || cond === 'port' || ((word === 'sport' || word === 'dport') && cond.port === undefined)) {
        // (ssfilter's parser then gives up on the whole expression)
        const why = cond === 'port' ? `"${text.slice(text.lastIndexOf(':') + 1)}" does not look like a port` : `an inet prefix is expected rather than "${text}"`;
        await ctx.err.write(`Error: ${why}.\nCannot parse dst/src address.\n`);
        return null;
      }
      f.terms.push({ field, op, ...cond });
    } else {
      await ctx.err.write(SS_USAGE);
      return undefined;
    }
  }
  return f;
}

function compare(op: string, a: number, b: number): boolean {
  switch (op) {
    case '!=': case 'ne': return a !== b;
    case '>': case 'gt': return a > b;
    case '<': case 'lt': return a < b;
    case '>=': case 'ge': return a >= b;
    case '<=': case 'le': return a <= b;
    default: return a === b;
  }
}

function matches(f: Filter, s: SocketInfo): boolean {
  if (!(f.states & ss(s.state))) return false;
  if (!f.terms.length) return true;
  const hit = (t: Term): boolean => {
    const local = t.field === 'sport';
    if (t.prefix) {
      const a = parseAddr(local ? s.localAddress : s.peerAddress);
      if (!a || a.family !== t.prefix.addr.family || !samePrefix(a, t.prefix.addr, t.prefix.len)) return false;
    }
    return t.port === undefined || compare(t.op, local ? s.localPort : s.peerPort, t.port);
  };
  return f.join === 'or' ? f.terms.some(hit) : f.terms.every(hit);
}

export default defineProgram({
  name: 'ss',
  installPath: '/usr/sbin/ss',
  pkg: 'iproute2',
  async main(ctx) {
    let parsed;
    try {
      parsed = getopt(ctx.argv.slice(1), DEFS);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`ss: ${e.message}\n${SS_USAGE}`);
      return 255;
    }
    const has = (k: string): boolean => parsed.flags.has(k);
    if (has('h')) {
      await ctx.print(SS_USAGE);
      return 0;
    }
    if (has('V')) {
      await ctx.print('ss utility, iproute2-6.0.0\n');
      return 0;
    }
    const FAMILIES = ['inet', 'inet6', 'link', 'unix', 'netlink', 'tipc', 'vsock', 'xdp'];
    for (const fam of parsed.values.get('f') ?? []) {
      if (fam === 'help') {
        await ctx.print(SS_USAGE);
        return 0;
      }
      if (!FAMILIES.includes(fam)) {
        await ctx.err.write(`ss: "${fam}" is invalid family\n${SS_USAGE}`);
        return 255;
      }
    }
    // no SELinux on this machine
    if (has('Z') || has('z')) {
      await ctx.err.write('ss: SELinux is not enabled.\n');
      return 1;
    }
    for (const name of parsed.values.get('N') ?? []) {
      try {
        await ctx.sys.stat(`/run/netns/${name}`);
      } catch (e) {
        if (!isSysError(e)) throw e;
        await ctx.err.write(`Cannot open network namespace "${name}": ${strerror(e.errno)}\n`);
        return 1;
      }
      await ctx.sys.call('netns', { kind: 'enter', name });
    }
    const reply = (await ctx.sys.call('sockets', { kind: 'list' })) as SocketReply;
    const sockets = reply.kind === 'list' ? reply.sockets : [];
    if (has('s')) {
      await ctx.print(summary(sockets));
      return 0;
    }
    const db = await NetDb.load(ctx.sys);
    // -A: socket tables by name (filter_db_parse); only TCP and UDP ones exist here
    const TABLES: Record<string, string[]> = {
      all: ['udp', 'dccp', 'tcp', 'mptcp', 'raw', 'u_str', 'u_dgr', 'u_seq', 'p_raw', 'p_dgr', 'netlink', 'sctp', 'v_str', 'v_dgr', 'xdp'],
      inet: ['udp', 'dccp', 'tcp', 'mptcp', 'sctp', 'raw'], udp: ['udp'], dccp: ['dccp'], tcp: ['tcp'], mptcp: ['mptcp'], sctp: ['sctp'], raw: ['raw'],
      unix: ['u_str', 'u_dgr', 'u_seq'], unix_stream: ['u_str'], u_str: ['u_str'], unix_dgram: ['u_dgr'], u_dgr: ['u_dgr'],
      unix_seqpacket: ['u_seq'], u_seq: ['u_seq'], packet: ['p_raw', 'p_dgr'], packet_raw: ['p_raw'], p_raw: ['p_raw'],
      packet_dgram: ['p_dgr'], p_dgr: ['p_dgr'], netlink: ['netlink'], vsock: ['v_str', 'v_dgr'], vsock_stream: ['v_str'], v_str: ['v_str'],
      vsock_dgram: ['v_dgr'], v_dgr: ['v_dgr'], xdp: ['xdp'],
    };
    let query: Set<string> | undefined;
    for (const list of parsed.values.get('A') ?? []) {
      query ??= new Set();
      for (const raw of list.split(',')) {
        const name = raw.startsWith('!') ? raw.slice(1) : raw;
        const dbs = Object.prototype.hasOwnProperty.call(TABLES, name) ? TABLES[name] : undefined;
        if (!dbs) {
          await ctx.err.write(`ss: "${raw}" is illegal socket table id\n${SS_USAGE}`);
          return 255;
        }
        for (const d of dbs) {
          if (raw.startsWith('!')) query.delete(d);
          else query.add(d);
        }
      }
    }
    // the tables the options ask for (-t -u -w -x -0 -d -S -M, with -A's); none: every table
    const FLAG_TABLES: Record<string, string[]> = { t: ['tcp'], u: ['udp'], w: ['raw'], x: TABLES.unix!, 0: TABLES.packet!, d: ['dccp'], S: ['sctp'], M: ['mptcp'] };
    const asked = new Set(query);
    for (const [flag, dbs] of Object.entries(FLAG_TABLES)) if (has(flag)) dbs.forEach((d) => asked.add(d));
    const byDefault = query === undefined && asked.size === 0;
    const tables = byDefault ? new Set(TABLES.all) : asked;
    const tcp = tables.has('tcp');
    const udp = tables.has('udp');
    const family = has('4') && !has('6') ? 4 : has('6') && !has('4') ? 6 : 0;
    // -a, -l, else what the tables list by default: connections for stream tables, connected
    // UDP and raw sockets, closed ones for datagram unix, packet and netlink sockets
    const CLOSED_TABLES = new Set(['u_dgr', 'p_raw', 'p_dgr', 'netlink', 'v_dgr', 'xdp']);
    let defaultStates = SS_CONN;
    if (!byDefault) {
      defaultStates = 0;
      for (const t of tables) defaultStates |= t === 'udp' || t === 'raw' ? ss('ESTAB') : CLOSED_TABLES.has(t) ? CLOSE : SS_CONN;
    }
    if (has('a')) defaultStates = SS_ALL;
    else if (has('l')) defaultStates = LISTEN | CLOSE;
    const filter = await parseFilter(ctx, parsed.operands, defaultStates, db);
    if (filter === null) return 1;
    if (!filter) return 255;
    const cols = ssColumns();
    // the Netid column is there when more than one socket table is listed
    cols[0]!.disabled = tables.size < 2;
    // the State column is there when more than one state may be listed
    cols[1]!.disabled = (filter.states & (filter.states - 1)) === 0;
    const numeric = has('n');
    const port = (p: number, proto: string): string => (p === 0 ? '*' : numeric ? String(p) : db.serviceByPort(p, proto) ?? String(p));
    const addr = (s: SocketInfo, a: string): string => (s.family === 4 ? a : a === '::' && !s.v6only ? '*' : `[${a}]`);
    const euid = ctx.sys.geteuid();
    const shown = sockets
      .filter((s) => (s.proto === 'tcp' ? tcp : udp) && (!family || s.family === family) && matches(filter, s))
      .sort((a, b) => order(a) - order(b) || a.family - b.family || a.id - b.id);
    const rows = shown.map((s) => [
      s.proto, s.state, String(s.recvQ).padEnd(6), String(s.sendQ).padEnd(6),
      `${addr(s, s.localAddress)}:`, port(s.localPort, s.proto), `${addr(s, s.peerAddress)}:`, port(s.peerPort, s.proto),
      has('p') && (euid === 0 || s.uid === euid) ? ` users:(("${s.comm}",pid=${s.pid},fd=${s.fd}))` : '', '',
    ]);
    const tty = ctx.sys.isatty(1);
    await ctx.print(renderColumns(cols, rows, !has('H'), tty ? ctx.sys.winsize(1).cols : undefined));
    return 0;
  },
});

/** ss lists UDP before TCP (its tables are walked in that order). */
function order(s: SocketInfo): number {
  return s.proto === 'udp' ? 0 : 1;
}

function summary(sockets: SocketInfo[]): string {
  const n = (proto: string, family?: number): number => sockets.filter((s) => s.proto === proto && (family === undefined || s.family === family)).length;
  const estab = sockets.filter((s) => s.proto === 'tcp' && s.state === 'ESTAB').length;
  const tw = sockets.filter((s) => s.proto === 'tcp' && s.state === 'TIME-WAIT').length;
  const row = (name: string, all: number, v4: number, v6: number): string => `${name}\t  ${String(all).padEnd(9)} ${String(v4).padEnd(9)} ${String(v6).padEnd(9)}\n`;
  const u4 = n('udp', 4), u6 = n('udp', 6), t4 = n('tcp', 4), t6 = n('tcp', 6);
  return `Total: ${sockets.length}\nTCP:   ${n('tcp')} (estab ${estab}, closed 0, orphaned 0, timewait ${tw})\n\nTransport Total     IP        IPv6\n`
    + row('RAW', 0, 0, 0) + row('UDP', u4 + u6, u4, u6) + row('TCP', t4 + t6, t4, t6) + row('INET', u4 + u6 + t4 + t6, u4 + t4, u6 + t6) + row('FRAG', 0, 0, 0) + '\n';
}
