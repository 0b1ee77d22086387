// `ip rule` (iprule.c: list, add, del, flush). The rules live in the kernel's
// `net` service (subsystems/net/rules.ts).
import type { NetReply, NetRequest } from '../../shared/services/net';
import { isNetError } from '../../shared/services/net';
import type { FibRule, RuleRequest, RuleSpec } from '../../subsystems/net/rules';
import { afToFamily, getPrefix, prefixText } from './ip-inet';
import { dsfieldA2n, dsfieldN2a, groupA2n, groupN2a, inetProtoA2n, inetProtoN2a, protoA2n, protoN2a, realmN2a, realmsA2n, rtntypeN2a, tableA2n, tableN2a } from './ip-names';
import type { Ip } from './ip-session';
import { RULE_USAGE } from './ip-usage';
import { AF, getUnsigned, IpExit, matches } from './ip-util';

const TYPES: Readonly<Record<string, number>> = { unicast: 1, local: 2, broadcast: 3, anycast: 4, multicast: 5, blackhole: 6, unreachable: 7, prohibit: 8, throw: 9, nat: 10, xresolve: 11 };
const ACTION_NAMES: Readonly<Record<number, string>> = { 3: 'nop', 6: 'blackhole', 7: 'unreachable', 8: 'prohibit' };

/**
 * sscanf(v, "%u-%u") (bits 32) or "%hu-%hu" (bits 16): how many numbers were read and their
 * values, each as strtoul takes it (blanks, a sign) cut to the conversion's width.
 */
function scanPair(v: string, bits: 16 | 32): { n: number; a: number; b: number } {
  const out = { n: 0, a: 0, b: 0 };
  let i = 0;
  const num = (): number | null => {
    while (i < v.length && /\s/.test(v[i]!)) i++;
    let neg = false;
    if (v[i] === '+' || v[i] === '-') neg = v[i++] === '-';
    const m = /^\d+/.exec(v.slice(i));
    if (!m) return null;
    i += m[0].length;
    let x = BigInt(m[0]);
    const max = (1n << 64n) - 1n;
    if (x > max) x = max;
    if (neg) x = ((1n << 64n) - x) & max;
    return Number(x & ((1n << BigInt(bits)) - 1n));
  };
  const a = num();
  if (a === null) return out;
  out.n = 1;
  out.a = a;
  if (v[i] !== '-') return out;
  i++;
  const b = num();
  if (b === null) return out;
  out.n = 2;
  out.b = b;
  return out;
}

/** A port range as ip reads it: one number stands for itself; `msg` when there is none. */
function portRange(ip: Ip, v: string, msg: string): [number, number] {
  const r = scanPair(v, 16);
  if (r.n === 0) ip.invarg(msg, v);
  return [r.a, r.n === 1 ? r.a : r.b];
}

/** A UID range: both numbers are needed. */
function uidRange(ip: Ip, v: string): [number, number] {
  const r = scanPair(v, 32);
  if (r.n !== 2) ip.invarg('invalid UID range\n', v);
  return [r.a, r.b];
}


async function ruleCall(ip: Ip, req: RuleRequest): Promise<NetReply & { rules?: FibRule[] }> {
  const reply = (await ip.call(req as unknown as NetRequest)) as NetReply & { rules?: FibRule[] };
  if (isNetError(reply)) {
    ip.reportError(reply);
    throw new IpExit(2);
  }
  return reply;
}

function familyOf(ip: Ip): 4 | 6 {
  return ip.family === AF.INET6 ? 6 : 4;
}

/** What `ip rule show SELECTOR` keeps (iprule.c filter_nlmsg). */
interface RuleFilter {
  table?: number;
  pref?: number;
  iif?: string;
  oif?: string;
  not?: boolean;
  tos?: number;
  fwmark?: number;
  fwmask?: number;
  l3mdev?: boolean;
  protocol?: number;
  src?: { text?: string; len: number };
  dst?: { text?: string; len: number };
  uidrange?: [number, number];
  /** 0 selects nothing (ip tests the value). */
  ipproto?: number;
  sport?: [number, number];
  dport?: [number, number];
}

async function parseFilter(ip: Ip, rest: string[]): Promise<RuleFilter> {
  const f: RuleFilter = {};
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i]!;
    const next = (): string => {
      const v = rest[++i];
      if (v === undefined) return ip.incomplete();
      return v;
    };
    if (matches(w, 'table') || w === 'lookup') {
      const v = next();
      const t = tableA2n(v);
      if (t === null) ip.invarg('table id value is invalid\n', v);
      f.table = t;
    } else if (matches(w, 'preference') || matches(w, 'order') || matches(w, 'priority')) {
      const v = next();
      const n = getUnsigned(v);
      if (n === null) ip.invarg('preference value is invalid\n', v);
      f.pref = n;
    } else if (w === 'iif' || w === 'dev') f.iif = next();
    else if (w === 'oif') f.oif = next();
    else if (w === 'not') f.not = true;
    else if (w === 'tos') {
      const v = next();
      const n = dsfieldA2n(v);
      if (n === null) ip.invarg('TOS value is invalid\n', v);
      f.tos = n;
    } else if (w === 'fwmark') {
      const v = next();
      const [m, k] = v.split('/', 2) as [string, string | undefined];
      const mark = getUnsigned(m);
      if (mark === null) ip.invarg('fwmark value is invalid\n', m);
      f.fwmark = mark;
      if (k !== undefined) {
        const mask = getUnsigned(k);
        if (mask === null) ip.invarg('fwmask value is invalid\n', k);
        f.fwmask = mask;
      }
    } else if (w === 'l3mdev') {
      // no VRF devices here: nothing carries l3mdev
      f.l3mdev = true;
    } else if (matches(w, 'protocol')) {
      // (`all` selects every protocol; the selection counts for flush, a listing shows all)
      const v = next();
      const n = protoA2n(v);
      if (n === null && v !== 'all') ip.invarg('invalid "protocol"\n', v);
      if (n !== null) f.protocol = n;
    } else if (w === 'uidrange') {
      f.uidrange = uidRange(ip, next());
    } else if (w === 'ipproto') {
      const v = next();
      const n = await inetProtoA2n(ip.ctx.sys, v);
      if (n === null) ip.invarg('Invalid "ipproto" value\n', v);
      f.ipproto = n!;
    } else if (w === 'sport' || w === 'dport') {
      f[w] = portRange(ip, next(), w === 'sport' ? 'invalid port range\n' : 'invalid dport range\n');
    } else {
      // a bare word (or `from`/`dst` and a word) selects by source prefix
      let dir = 'from';
      let v = w;
      if (w === 'to') v = next();
      else if (matches(w, 'dst') || matches(w, 'from')) v = next();
      if (w === 'to') dir = 'to';
      const pfx = getPrefix(ip, v, ip.family === AF.UNSPEC ? AF.INET : ip.family);
      const sel = { text: prefixText(pfx), len: pfx.bitlen < 0 ? pfx.bytelen * 8 : pfx.bitlen };
      if (dir === 'from') f.src = sel;
      else f.dst = sel;
    }
  }
  return f;
}

function keep(f: RuleFilter, r: FibRule, flush = false): boolean {
  if (f.table !== undefined && f.table !== r.table) return false;
  if (f.pref !== undefined && f.pref !== r.pref) return false;
  if (f.iif !== undefined && f.iif !== r.iif) return false;
  if (f.oif !== undefined && f.oif !== r.oif) return false;
  if (f.not && !r.not) return false;
  if (f.tos !== undefined && f.tos !== r.tos) return false;
  if (f.fwmark !== undefined && (f.fwmark !== (r.fwmark ?? 0) || (f.fwmask ?? 0xffffffff) !== (r.fwmask ?? 0xffffffff))) return false;
  if (f.l3mdev && !r.l3mdev) return false;
  if (f.uidrange && (!r.uidrange || r.uidrange[0] !== f.uidrange[0] || r.uidrange[1] !== f.uidrange[1])) return false;
  if (f.ipproto && f.ipproto !== (r.ipproto ?? 0)) return false;
  // (a range starting at 0 selects nothing)
  for (const k of ['sport', 'dport'] as const) {
    const want = f[k];
    if (want && want[0] && (!r[k] || r[k]![0] !== want[0] || r[k]![1] !== want[1])) return false;
  }
  if (flush && f.protocol !== undefined && f.protocol !== (r.protocol ?? 0)) return false;
  if (f.src && (f.src.len !== r.srcLen || (f.src.text !== undefined && f.src.text !== r.src))) return false;
  if (f.dst && (f.dst.len !== r.dstLen || (f.dst.text !== undefined && f.dst.text !== r.dst))) return false;
  return true;
}

const range = (r: [number, number]): string => (r[0] === r[1] ? `${r[0]}` : `${r[0]}-${r[1]}`);

async function listRules(ip: Ip, rest: string[]): Promise<number> {
  const filter = await parseFilter(ip, rest);
  const reply = await ruleCall(ip, { kind: 'getrules', family: familyOf(ip) });
  const host = familyOf(ip) === 6 ? 128 : 32;
  const p = ip.printer;
  p.start();
  for (const r of reply.rules ?? []) {
    if (!keep(filter, r)) continue;
    p.openObject();
    p.any('priority', `${r.pref}:\t`, r.pref);
    let first = true;
    const emit = (key: string | null, text: string, value: string | number | null): void => {
      p.any(key, `${first ? '' : ' '}${text}`, value);
      first = false;
    };
    if (r.not) emit('not', 'not', null);
    if (r.src !== undefined) {
      emit('src', `from ${r.src}${r.srcLen !== host ? `/${r.srcLen}` : ''}`, r.src);
      if (r.srcLen !== host) p.jsonOnly('srclen', r.srcLen);
    } else if (r.srcLen) {
      emit('src', `from 0/${r.srcLen}`, '0');
      p.jsonOnly('srclen', r.srcLen);
    } else emit('src', 'from all', 'all');
    if (r.dst !== undefined) {
      emit('dst', `to ${r.dst}${r.dstLen !== host ? `/${r.dstLen}` : ''}`, r.dst);
      if (r.dstLen !== host) p.jsonOnly('dstlen', r.dstLen);
    } else if (r.dstLen) {
      emit('dst', `to 0/${r.dstLen}`, '0');
      p.jsonOnly('dstlen', r.dstLen);
    }
    if (r.tos) emit('tos', `tos ${dsfieldN2a(r.tos, ip.opts.numeric)}`, dsfieldN2a(r.tos, ip.opts.numeric));
    if (r.fwmark !== undefined || r.fwmask !== undefined) {
      const mark = `0x${(r.fwmark ?? 0).toString(16)}`;
      const mask = r.fwmask ?? 0xffffffff;
      emit('fwmark', mask !== 0xffffffff ? `fwmark ${mark}/0x${mask.toString(16)}` : `fwmark ${mark}`, mark);
      if (mask !== 0xffffffff) p.jsonOnly('fwmask', `0x${mask.toString(16)}`);
    }
    if (r.iif !== undefined) emit('iif', `iif ${r.iif}`, r.iif);
    if (r.oif !== undefined) emit('oif', `oif ${r.oif}`, r.oif);
    if (r.uidrange) {
      emit('uid_start', `uidrange ${r.uidrange[0]}-${r.uidrange[1]}`, r.uidrange[0]);
      p.jsonOnly('uid_end', r.uidrange[1]);
    }
    if (r.ipproto !== undefined) {
      const name = inetProtoN2a(r.ipproto);
      emit('ipproto', `ipproto ${name}`, name);
    }
    // a single port is a number in JSON, a range its two ends
    for (const [key, ports] of [['sport', r.sport], ['dport', r.dport]] as const) {
      if (!ports) continue;
      if (ports[0] === ports[1]) {
        emit(key, `${key} ${range(ports)}`, ports[0]);
      } else {
        emit(`${key}_start`, `${key} ${range(ports)}`, ports[0]);
        p.jsonOnly(`${key}_end`, ports[1]);
      }
    }
    // the suppressors show only beside a table; the group by its name
    if (r.table) {
      emit('table', `lookup ${tableN2a(r.table, ip.opts.numeric)}`, tableN2a(r.table, ip.opts.numeric));
      if (r.suppressPrefixlen !== undefined) emit('suppress_prefixlen', `suppress_prefixlength ${r.suppressPrefixlen}`, r.suppressPrefixlen);
      if (r.suppressIfgroup !== undefined) {
        const group = groupN2a(r.suppressIfgroup, false);
        emit('suppress_ifgroup', `suppress_ifgroup ${group}`, group);
      }
    }
    if (r.flow) {
      const from = r.flow >>> 16;
      const to = realmN2a(r.flow & 0xffff, ip.opts.numeric);
      if (from) emit('flow_from', `realms ${realmN2a(from, ip.opts.numeric)}/`, realmN2a(from, ip.opts.numeric));
      else p.fp(' realms ');
      p.any('flow_to', to, to);
    }
    if (r.l3mdev) emit('l3mdev', 'lookup [l3mdev-table]', null);
    if (r.action === 2) emit('goto', `goto ${r.target ?? 'none'}`, r.target ?? 'none');
    if (r.unresolved) p.any('unresolved', ' [unresolved]', null);
    if (r.action === 10) emit('masquerade', 'masquerade', null);
    const action = ACTION_NAMES[r.action];
    if (r.action === 3) emit('nop', 'nop', null);
    else if (r.action !== 1 && action) {
      const text = rtntypeN2a(r.action, ip.opts.numeric);
      emit('action', text, text);
    }
    const proto = r.protocol ?? 0;
    if ((proto && proto !== 2) || ip.opts.details > 0) {
      const name = protoN2a(proto, ip.opts.numeric);
      emit('protocol', `proto ${name}`, name);
    }
    p.fp('\n');
    p.closeObject();
  }
  p.finish();
  return 0;
}

async function modifyRule(ip: Ip, add: boolean, args: string[]): Promise<number> {
  if (args.length === 0) return ip.fail(`"ip rule ${add ? 'add' : 'del'}" requires arguments.\n`, 1);
  let family = ip.family;
  const spec: Partial<RuleSpec> = { not: false };
  let tableOk = false;
  // the request keeps ip's family (inet by default) whatever family the prefixes have
  const prefixFamilies: [string, number][] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const next = (): string => {
      const v = args[++i];
      if (v === undefined) return ip.incomplete();
      return v;
    };
    if (w === 'not') spec.not = true;
    else if (w === 'from' || w === 'to') {
      const v = next();
      const pfx = getPrefix(ip, v, family);
      if (pfx.family !== AF.UNSPEC) prefixFamilies.push([w, pfx.family]);
      const len = pfx.bitlen < 0 ? pfx.bytelen * 8 : pfx.bitlen;
      const text = prefixText(pfx);
      if (w === 'from') {
        spec.srcLen = len;
        if (text !== undefined) spec.src = text;
      } else {
        spec.dstLen = len;
        if (text !== undefined) spec.dst = text;
      }
    } else if (matches(w, 'preference') || matches(w, 'order') || matches(w, 'priority')) {
      const v = next();
      const n = getUnsigned(v);
      if (n === null) ip.invarg('preference value is invalid\n', v);
      spec.pref = n;
    } else if (w === 'tos' || matches(w, 'dsfield')) {
      const v = next();
      const n = dsfieldA2n(v);
      if (n === null) ip.invarg('TOS value is invalid\n', v);
      spec.tos = n;
    } else if (w === 'fwmark') {
      const v = next();
      const [m, k] = v.split('/', 2) as [string, string | undefined];
      const mark = getUnsigned(m);
      if (mark === null) ip.invarg('fwmark value is invalid\n', m);
      spec.fwmark = mark;
      if (k !== undefined) {
        const mask = getUnsigned(k);
        if (mask === null) ip.invarg('fwmask value is invalid\n', k);
        spec.fwmask = mask;
      }
    } else if (matches(w, 'realms')) {
      const v = next();
      const n = realmsA2n(v);
      if (n === null) ip.invarg('invalid realms\n', v);
      spec.flow = n;
    } else if (matches(w, 'table') || w === 'lookup') {
      const v = next();
      const t = tableA2n(v);
      if (t === null) ip.invarg('invalid table ID\n', v);
      spec.table = t;
      tableOk = true;
    } else if (w === 'dev' || w === 'iif') {
      spec.iif = next();
    } else if (w === 'oif') {
      spec.oif = next();
    } else if (w === 'ipproto') {
      const v = next();
      const n = await inetProtoA2n(ip.ctx.sys, v);
      if (n === null) ip.invarg('Invalid "ipproto" value\n', v);
      spec.ipproto = n!;
    } else if (w === 'sport' || w === 'dport') {
      spec[w] = portRange(ip, next(), w === 'sport' ? 'invalid port range\n' : 'invalid dport range\n');
    } else if (w === 'uidrange') {
      spec.uidrange = uidRange(ip, next());
    } else if (w === 'suppress_prefixlength' || w === 'sup_pl') {
      const v = next();
      const n = getUnsigned(v);
      if (n === null) ip.invarg('suppress_prefixlength value is invalid\n', v);
      spec.suppressPrefixlen = n;
    } else if (w === 'suppress_ifgroup' || w === 'sup_group') {
      const v = next();
      const g = groupA2n(v);
      if (g === null) ip.invarg('Invalid "suppress_ifgroup" value\n', v);
      spec.suppressIfgroup = g;
    } else if (w === 'l3mdev') {
      spec.l3mdev = true;
      tableOk = true;
    } else if (w === 'nat' || matches(w, 'map-to')) {
      const v = next();
      ip.err('Warning: route NAT is deprecated\n');
      getPrefix(ip, v, AF.INET);
      // the kernel keeps no gateway for it: the rule lists as "masquerade"
      spec.action = 10;
    } else if (matches(w, 'protocol')) {
      const v = next();
      const n = protoA2n(v);
      if (n === null) ip.invarg('"protocol" value is invalid\n', v);
      spec.protocol = n;
    } else if (matches(w, 'goto')) {
      const v = next();
      const n = getUnsigned(v);
      if (n === null) ip.invarg('invalid target\n', v);
      spec.action = 2;
      spec.target = n;
      tableOk = true;
    } else {
      const word = w === 'type' ? next() : w;
      if (matches(word, 'help')) return ip.fail(RULE_USAGE);
      const type = matches(word, 'nop') ? 3 : (TYPES[word] ?? (/^\d+$/.test(word) ? Number(word) : undefined));
      if (type === undefined) ip.invarg('Failed to parse rule type', word);
      spec.action = type;
      tableOk = true;
    }
  }
  if (spec.l3mdev && spec.table) {
    ip.err('table can not be specified for l3mdev rules\n');
    return 22;
  }
  const fam = afToFamily(family === AF.UNSPEC ? AF.INET : family);
  // fib_nl2rule: an address of the other family has the wrong length
  for (const which of ['from', 'to']) {
    const bad = prefixFamilies.find(([w, f]) => w === which && afToFamily(f) !== fam);
    if (!bad) continue;
    ip.reportError({ ok: false, errno: 'EINVAL', msg: which === 'from' ? 'Invalid source address' : 'Invalid destination address' });
    return 2;
  }
  if (add) {
    const rule: RuleSpec = {
      family: fam,
      not: spec.not ?? false,
      srcLen: spec.srcLen ?? 0,
      dstLen: spec.dstLen ?? 0,
      tos: spec.tos ?? 0,
      table: spec.table ?? (tableOk && spec.action !== 10 ? 0 : 254),
      action: spec.action ?? 1,
      ...(spec.pref !== undefined ? { pref: spec.pref } : {}),
      ...(spec.src !== undefined ? { src: spec.src } : {}),
      ...(spec.dst !== undefined ? { dst: spec.dst } : {}),
      ...(spec.fwmark !== undefined ? { fwmark: spec.fwmark, fwmask: spec.fwmask ?? 0xffffffff } : {}),
      ...(spec.iif !== undefined ? { iif: spec.iif } : {}),
      ...(spec.oif !== undefined ? { oif: spec.oif } : {}),
      ...(spec.ipproto !== undefined ? { ipproto: spec.ipproto } : {}),
      ...(spec.sport ? { sport: spec.sport } : {}),
      ...(spec.dport ? { dport: spec.dport } : {}),
      ...(spec.uidrange ? { uidrange: spec.uidrange } : {}),
      ...(spec.suppressPrefixlen !== undefined ? { suppressPrefixlen: spec.suppressPrefixlen } : {}),
      ...(spec.suppressIfgroup !== undefined ? { suppressIfgroup: spec.suppressIfgroup } : {}),
      ...(spec.l3mdev ? { l3mdev: true } : {}),
      ...(spec.target !== undefined ? { target: spec.target } : {}),
      ...(spec.protocol !== undefined ? { protocol: spec.protocol } : {}),
      ...(spec.flow !== undefined ? { flow: spec.flow } : {}),
    };
    if (rule.action > 8 && rule.action !== 10) {
      ip.reportError({ ok: false, errno: 'EINVAL' });
      return 2;
    }
    await ruleCall(ip, { kind: 'newrule', rule });
    return 0;
  }
  const del: Partial<RuleSpec> & { family: 4 | 6 } = { family: fam };
  for (const [k, v] of Object.entries(spec)) if (v !== undefined && !(k === 'not' && v === false)) (del as Record<string, unknown>)[k] = v;
  if (del.table === 0) delete del.table;
  if (spec.fwmark !== undefined && spec.fwmask === undefined) del.fwmask = 0xffffffff;
  await ruleCall(ip, { kind: 'delrule', rule: del });
  return 0;
}

export async function doRule(ip: Ip, argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst')) return listRules(ip, rest);
  if (matches(cmd, 'add') || matches(cmd, 'insert')) return modifyRule(ip, true, rest);
  if (matches(cmd, 'delete')) return modifyRule(ip, false, rest);
  if (matches(cmd, 'flush')) {
    if (rest.length === 0) {
      await ruleCall(ip, { kind: 'flushrules', family: familyOf(ip) });
      return 0;
    }
    // with a selector: each listed rule that has a priority is deleted
    const filter = await parseFilter(ip, rest);
    const reply = await ruleCall(ip, { kind: 'getrules', family: familyOf(ip) });
    for (const r of reply.rules ?? []) if (r.pref !== 0 && keep(filter, r, true)) await ruleCall(ip, { kind: 'delrule', rule: r });
    return 0;
  }
  if (matches(cmd, 'help')) return ip.fail(RULE_USAGE);
  return ip.fail(`Command "${cmd}" is unknown, try "ip rule help".\n`);
}

