// `ip nexthop` (ipnexthop.c): nexthop objects added, replaced, listed, got, deleted and flushed.
import { isNetError, RTNH_F, type NhMsg, type NhSpec } from '../../shared/services/net';
import type { Ip } from './ip-session';
import { getAddr, prefixText } from './ip-inet';
import { protoA2n, protoN2a, scopeN2a } from './ip-names';
import { AF, getUnsigned, matches } from './ip-util';

const USAGE = `Usage: ip nexthop { list | flush } [ protocol ID ] SELECTOR
       ip nexthop { add | replace } id ID NH [ protocol ID ]
       ip nexthop { get | del } id ID
       ip nexthop bucket list BUCKET_SELECTOR
       ip nexthop bucket get id ID index INDEX
SELECTOR := [ id ID ] [ dev DEV ] [ vrf NAME ] [ master DEV ]
            [ groups ] [ fdb ]
BUCKET_SELECTOR := SELECTOR | [ nhid ID ]
NH := { blackhole | [ via ADDRESS ] [ dev DEV ] [ onlink ]
        [ encap ENCAPTYPE ENCAPHDR ] |
        group GROUP [ fdb ] [ type TYPE [ TYPE_ARGS ] ] }
GROUP := [ <id[,weight]>/<id[,weight]>/... ]
TYPE := { mpath | resilient }
TYPE_ARGS := [ RESILIENT_ARGS ]
RESILIENT_ARGS := [ buckets BUCKETS ] [ idle_timer IDLE ]
                  [ unbalanced_timer UNBALANCED ]
ENCAPTYPE := [ mpls ]
ENCAPHDR := [ MPLSLABEL ]
`;

function afFamily(af: number): 4 | 6 | 0 {
  return af === AF.INET ? 4 : af === AF.INET6 ? 6 : 0;
}

/** GROUP := id[,weight]/id[,weight]/... */
function parseGroup(ip: Ip, arg: string): { id: number; weight: number }[] {
  return arg.split('/').map((part) => {
    const [idText = '', weightText] = part.split(',');
    const id = getUnsigned(idText);
    if (id === null) ip.invarg('"group" value is invalid\n', arg);
    let weight = 1;
    if (weightText !== undefined) {
      const w = getUnsigned(weightText);
      if (w === null || w === 0 || w > 256) ip.invarg('"weight" is invalid\n', weightText);
      weight = w;
    }
    return { id, weight };
  });
}

/** ipnh_modify: add (create, exclusive) or replace (create or replace). */
async function modify(ip: Ip, argv: string[], replace: boolean): Promise<number> {
  let family = ip.family;
  const spec: NhSpec = { id: 0, family: 0, protocol: 0, flags: 0 };
  let groupType = 'mpath';
  const resilient = { buckets: 128, idleTimer: 120, unbalancedTimer: 0 };
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) ip.incomplete();
      return v;
    };
    if (w === 'id') {
      const v = next();
      const id = getUnsigned(v);
      if (id === null) ip.invarg('invalid id value', v);
      spec.id = id;
    } else if (w === 'dev') {
      const v = next();
      const idx = await ip.index(v);
      if (!idx) ip.invarg('Device does not exist\n', v);
      spec.oif = idx;
      if (family === AF.UNSPEC) family = AF.INET;
    } else if (w === 'via') {
      const a = getAddr(ip, next(), family);
      if (family === AF.UNSPEC) family = a.family;
      spec.gateway = prefixText(a);
    } else if (w === 'blackhole') {
      spec.blackhole = true;
      if (family === AF.UNSPEC) family = AF.INET;
    } else if (w === 'fdb') {
      spec.fdb = true;
    } else if (w === 'onlink') {
      spec.flags |= RTNH_F.ONLINK;
    } else if (w === 'group') {
      spec.group = parseGroup(ip, next());
    } else if (w === 'type') {
      groupType = next();
      if (groupType !== 'mpath' && groupType !== 'resilient') ip.invarg('"type" value is invalid\n', groupType);
    } else if (w === 'buckets' || w === 'idle_timer' || w === 'unbalanced_timer') {
      const v = next();
      const n = getUnsigned(v);
      if (n === null) ip.invarg(`"${w}" value is invalid\n`, v);
      if (w === 'buckets') resilient.buckets = n;
      else if (w === 'idle_timer') resilient.idleTimer = n;
      else resilient.unbalancedTimer = n;
    } else if (w === 'encap') {
      next();
      next();
      spec.encap = true;
    } else if (matches(w, 'protocol')) {
      const v = next();
      const p = protoA2n(v);
      if (p === null) ip.invarg('"protocol" value is invalid\n', v);
      spec.protocol = p;
    } else if (matches(w, 'help')) {
      ip.fail(USAGE);
    } else {
      ip.invarg('', w);
    }
  }
  spec.family = afFamily(family);
  if (spec.group && groupType === 'resilient') spec.resilient = resilient;
  await ip.talk({ kind: 'newnexthop', nlflags: replace ? { create: true, replace: true } : { create: true, excl: true }, nh: spec });
  return 0;
}

/** print_nexthop: one object, on one line. */
async function printNexthop(ip: Ip, nh: NhMsg): Promise<void> {
  const p = ip.printer;
  p.openObject();
  await printFields(ip, nh);
  p.closeObject();
  p.fp('\n');
}

/** A route's `nh_info` line under -d (print_cache_nexthop_id): the object it goes by. */
export async function printNhInfo(ip: Ip, id: number): Promise<void> {
  const r = await ip.call({ kind: 'getnexthops' });
  const nh = 'nexthops' in r ? r.nexthops.find((n) => n.id === id) : undefined;
  if (!nh) return;
  const p = ip.printer;
  p.fp(`${p.sl}\tnh_info `);
  p.openObject('nh_info');
  await printFields(ip, nh);
  p.closeObject();
}

async function printFields(ip: Ip, nh: NhMsg): Promise<void> {
  const p = ip.printer;
  const details = ip.opts.details > 0;
  p.any('id', `id ${nh.id} `, nh.id);
  if (nh.group) {
    p.openArray('group', 'group ');
    nh.group.forEach((m, i) => {
      p.openObject();
      p.any('id', `${i ? '/' : ''}${m.id}`, m.id);
      if (m.weight !== 1) p.any('weight', `,${m.weight}`, m.weight);
      p.closeObject();
    });
    p.closeArray(' ');
    if (nh.resilient) {
      const r = nh.resilient;
      p.any('type', 'type resilient ', 'resilient');
      p.openObject('resilient_args');
      p.any('buckets', `buckets ${r.buckets} `, r.buckets);
      p.any('idle_timer', `idle_timer ${r.idleTimer} `, r.idleTimer);
      p.any('unbalanced_timer', `unbalanced_timer ${r.unbalancedTimer} `, r.unbalancedTimer);
      p.any('unbalanced_time', 'unbalanced_time 0 ', 0);
      p.closeObject();
    }
  }
  if (nh.gateway !== undefined) {
    p.jsonOnly('gateway', nh.gateway);
    p.fp(`via ${nh.gateway} `);
  }
  if (nh.oif !== undefined) {
    const dev = await ip.name(nh.oif);
    p.any('dev', `dev ${dev} `, dev);
  }
  if (nh.scope !== 0 || details) {
    const sc = scopeN2a(nh.scope, ip.opts.numeric);
    p.any('scope', `scope ${sc} `, sc);
  }
  if (nh.blackhole) p.any('blackhole', 'blackhole ', null);
  if (nh.protocol !== 0 || details) {
    const pr = protoN2a(nh.protocol, ip.opts.numeric);
    p.any('protocol', `proto ${pr} `, pr);
  }
  p.openArrayJsonOnly('flags');
  if (nh.flags & RTNH_F.ONLINK) p.any(null, 'onlink ', 'onlink');
  p.closeArrayJsonOnly();
  if (nh.fdb) p.any('fdb', 'fdb', null);
}

interface Filter {
  id?: number;
  ifindex?: number;
  groups?: boolean;
  protocol?: number;
}

async function parseFilter(ip: Ip, argv: string[]): Promise<Filter> {
  const f: Filter = {};
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) ip.incomplete();
      return v;
    };
    if (w === 'dev') {
      const v = next();
      const idx = await ip.index(v);
      if (!idx) ip.invarg('Device does not exist\n', v);
      f.ifindex = idx;
    } else if (w === 'groups') {
      f.groups = true;
    } else if (w === 'fdb') {
      // (listed as the kernel answers it: every object)
    } else if (w === 'master' || w === 'vrf') {
      next();
    } else if (w === 'id') {
      const v = next();
      const id = getUnsigned(v);
      if (id === null) ip.invarg('invalid id value', v);
      f.id = id;
    } else if (matches(w, 'protocol')) {
      const v = next();
      const n = getUnsigned(v);
      if (n === null || n > 255) ip.invarg('invalid protocol value', v);
      f.protocol = n;
    } else if (matches(w, 'help')) {
      ip.fail(USAGE);
    } else {
      ip.invarg('', w);
    }
  }
  return f;
}

async function dump(ip: Ip, f: Filter): Promise<NhMsg[]> {
  const r = await ip.talk({ kind: 'getnexthops' });
  const all = 'nexthops' in r ? r.nexthops : [];
  const fam = afFamily(ip.family);
  return all.filter((n) => (!fam || n.family === fam) && (f.ifindex === undefined || n.oif === f.ifindex) && (!f.groups || n.group) && (f.protocol === undefined || n.protocol === f.protocol));
}

async function list(ip: Ip, argv: string[]): Promise<number> {
  const f = await parseFilter(ip, argv);
  const p = ip.printer;
  if (f.id !== undefined) {
    // one object, asked of the kernel (RTM_GETNEXTHOP)
    const nh = (await dump(ip, {})).find((n) => n.id === f.id);
    if (!nh) return ip.fail('RTNETLINK answers: No such file or directory\n', 2);
    p.start();
    await printNexthop(ip, nh);
    p.finish();
    return 0;
  }
  const nhs = await dump(ip, f);
  p.start();
  for (const nh of nhs) await printNexthop(ip, nh);
  p.finish();
  return 0;
}

async function flush(ip: Ip, argv: string[]): Promise<number> {
  const f = await parseFilter(ip, argv);
  // a flush naming an id deletes that object, quietly
  if (f.id !== undefined) {
    const r = await ip.call({ kind: 'delnexthop', id: f.id });
    if (!isNetError(r)) return 0;
    ip.reportError(r);
    return 1;
  }
  const nhs = await dump(ip, f);
  if (nhs.length === 0) {
    ip.out('Nothing to flush\n');
    return 0;
  }
  // every object listed is asked to go (one that went with another still counts)
  for (const nh of nhs) await ip.call({ kind: 'delnexthop', id: nh.id });
  ip.out(`Flushed ${nhs.length} nexthops\n`);
  return 0;
}

async function del(ip: Ip, argv: string[]): Promise<number> {
  let id = 0;
  let other = false;
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    if (w === 'id') {
      const v = argv[++i];
      if (v === undefined) ip.incomplete();
      const n = getUnsigned(v);
      if (n === null) ip.invarg('invalid id value', v);
      id = n;
    } else if (w === 'via' || w === 'dev' || w === 'group' || matches(w, 'protocol')) {
      if (argv[++i] === undefined) ip.incomplete();
      other = true;
    } else if (w === 'blackhole' || w === 'onlink' || w === 'fdb') {
      other = true;
    } else if (matches(w, 'help')) {
      ip.fail(USAGE);
    } else {
      ip.invarg('', w);
    }
  }
  // the kernel takes nothing but the id in a delete
  if (other) return ip.fail('Error: Unknown attribute type.\n', 2);
  const r = await ip.call({ kind: 'delnexthop', id });
  if (isNetError(r)) {
    ip.reportError(r);
    return 2;
  }
  return 0;
}

export async function doNexthop(ip: Ip, argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined) return list(ip, []);
  if (matches(cmd, 'add')) return modify(ip, rest, false);
  if (matches(cmd, 'replace')) return modify(ip, rest, true);
  if (matches(cmd, 'delete')) return del(ip, rest);
  if (matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst')) return list(ip, rest);
  if (matches(cmd, 'get')) return list(ip, rest);
  if (matches(cmd, 'flush')) return flush(ip, rest);
  if (matches(cmd, 'help')) return ip.fail(USAGE);
  return ip.fail(`Command "${cmd}" is unknown, try "ip nexthop help".\n`);
}
