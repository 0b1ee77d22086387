// iproute2's `tc` (6.0 on Photon OS 5.0), the listing side: `tc qdisc show` gives each device's
// queueing disciplines as the kernel attached them: noop until a device first comes up, then
// noqueue for virtual devices, mq with one fq_codel per transmit queue for the multiqueue NIC
// (net.core.default_qdisc is fq_codel), fq_codel alone for single-queue ones. Classes and
// filters are empty. Changing qdiscs is not modelled: kinds the kernel lacks are refused as it
// refuses them, the rest with EOPNOTSUPP.
import type { LinkMsg } from '../../shared/services/net';
import { defineProgram } from '../define';
import { runIp, type Ip } from './ip-session';
import { matches } from './ip-util';

const VERSION = 'tc utility, iproute2-6.0.0';

const USAGE = `Usage:\ttc [ OPTIONS ] OBJECT { COMMAND | help }
\ttc [-force] -batch filename
where  OBJECT := { qdisc | class | filter | chain |
\t\t    action | monitor | exec }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[aw] |
\t\t    -o[neline] | -j[son] | -p[retty] | -c[olor]
\t\t    -b[atch] [filename] | -n[etns] name | -N[umeric] |
\t\t     -nm | -nam[es] | { -cf | -conf } path
\t\t     -br[ief] }
`;

const QDISC_USAGE = `Usage: tc qdisc [ add | del | replace | change | show ] dev STRING
       [ handle QHANDLE ] [ root | ingress | clsact | parent CLASSID ]
       [ estimator INTERVAL TIME_CONSTANT ]
       [ stab [ help | STAB_OPTIONS] ]
       [ ingress_block BLOCK_INDEX ]
       [ egress_block BLOCK_INDEX ]
       [ [ QDISC_KIND ] [ help | OPTIONS ] ]

       tc qdisc { show | list } [ dev STRING ] [ QDISC_ID ] [ invisible ]
Where:
QDISC_KIND := { [p|b]fifo | tbf | prio | red | etc. }
OPTIONS := ... try tc qdisc add <desired QDISC_KIND> help
STAB_OPTIONS := ... try tc qdisc add stab help
QDISC_ID := { root | ingress | handle QHANDLE | parent CLASSID }
`;

/** Schedulers Photon's kernel has (built in or as modules); others are unknown to it. */
const KINDS = new Set(['pfifo', 'bfifo', 'pfifo_fast', 'pfifo_head_drop', 'fq_codel', 'htb', 'hfsc', 'cbq', 'sfq', 'multiq', 'etf', 'mq', 'noqueue']);

interface Qdisc {
  kind: string;
  parent?: string;
  refcnt?: number;
}

/**
 * The qdiscs the kernel shows for a device: the root, then an mq's children (highest queue
 * first); the builtin noop of a device that never came up is not dumped (TCQ_F_BUILTIN).
 */
function qdiscsOf(l: LinkMsg): Qdisc[] {
  if (l.qdisc === 'noop') return [];
  if (l.qdisc === 'mq') {
    const children: Qdisc[] = [];
    for (let q = l.numTxQueues; q >= 1; q--) children.push({ kind: 'fq_codel', parent: `:${q.toString(16)}` });
    return [{ kind: 'mq' }, ...children];
  }
  return [{ kind: l.qdisc, refcnt: 2 }];
}

function printQdisc(ip: Ip, l: LinkMsg, q: Qdisc, filtered: boolean): void {
  const p = ip.printer;
  p.openObject();
  p.any('kind', `qdisc ${q.kind} `, q.kind);
  p.any('handle', '0: ', '0:');
  if (!filtered) p.any('dev', `dev ${l.name} `, l.name);
  if (q.parent) p.any('parent', `parent ${q.parent} `, q.parent);
  else p.any('root', 'root ', true);
  if (q.refcnt !== undefined) p.any('refcnt', `refcnt ${q.refcnt} `, q.refcnt);
  p.openObject('options');
  if (q.kind === 'fq_codel') {
    // the defaults: 10240 packets, 1024 flows, a quantum of one frame, target 5ms, interval 100ms
    const quantum = l.mtu + 14;
    p.any('limit', 'limit 10240p ', 10240);
    p.any('flows', 'flows 1024 ', 1024);
    p.any('quantum', `quantum ${quantum} `, quantum);
    p.any('target', 'target 5ms ', 4999);
    p.any('interval', 'interval 100ms ', 99999);
    p.any('memory_limit', 'memory_limit 32Mb ', 33554432);
    p.any('ecn', 'ecn ', true);
    p.any('drop_batch', 'drop_batch 64 ', 64);
  } else if (q.kind === 'pfifo_fast') {
    p.any('bands', 'bands 3 ', 3);
    p.openArray('priomap', 'priomap');
    for (const band of [1, 2, 2, 2, 1, 2, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1]) p.any(null, ` ${band}`, band);
    p.closeArray('');
    p.jsonOnly('multiqueue', false);
  }
  p.closeObject();
  p.fp('\n');
  if (ip.opts.stats) {
    // the device's transmit counters, all on the first queue; a root mq sums its children
    const counted = q.kind !== 'noqueue' && (!q.parent || q.parent === ':1');
    const bytes = counted ? l.stats.txBytes : 0;
    const pkts = counted ? l.stats.txPackets : 0;
    p.fp(` Sent ${bytes} bytes ${pkts} pkt (dropped 0, overlimits 0 requeues 0) \n backlog 0b 0p requeues 0\n`);
    if (ip.opts.json) {
      p.jsonOnly('bytes', bytes);
      p.jsonOnly('packets', pkts);
      p.jsonOnly('drops', 0);
      p.jsonOnly('overlimits', 0);
      p.jsonOnly('requeues', 0);
      p.jsonOnly('backlog', 0);
      p.jsonOnly('qlen', 0);
    }
    if (q.kind === 'fq_codel') p.fp('  maxpacket 0 drop_overlimit 0 new_flow_count 0 ecn_mark 0\n  new_flows_len 0 old_flows_len 0\n');
  }
  p.closeObject();
}

async function qdiscShow(ip: Ip, argv: string[]): Promise<number> {
  let dev: string | undefined;
  let only: 'root' | 'ingress' | undefined;
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    if (w === 'dev') {
      dev = argv[++i];
      if (dev === undefined) ip.incomplete();
    } else if (w === 'root' || w === 'ingress' || w === 'clsact') only = w === 'root' ? 'root' : 'ingress';
    else if (w === 'handle' || w === 'parent') i++;
    else if (w === 'invisible') continue;
    else if (matches(w, 'help')) return ip.fail(QDISC_USAGE);
    else return ip.fail(`What is "${w}"? Try "tc qdisc help".\n`);
  }
  const links = await ip.allLinks();
  let shown = links;
  if (dev !== undefined) {
    const l = links.find((x) => x.name === dev);
    if (!l) {
      ip.err(`Cannot find device "${dev}"\n`);
      return 1;
    }
    shown = [l];
  }
  const p = ip.printer;
  p.start();
  for (const l of shown) {
    if (only === 'ingress') continue;
    for (const q of qdiscsOf(l)) if (!only || !q.parent) printQdisc(ip, l, q, dev !== undefined);
  }
  p.finish();
  return 0;
}

async function qdiscChange(ip: Ip, cmd: string, argv: string[]): Promise<number> {
  let dev: string | undefined;
  let kind: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    if (w === 'dev') dev = argv[++i];
    else if (w === 'handle' || w === 'parent' || w === 'estimator' || w === 'ingress_block' || w === 'egress_block') i += w === 'estimator' ? 2 : 1;
    else if (w === 'root' || w === 'ingress' || w === 'clsact' || w === 'stab') continue;
    else if (matches(w, 'help')) return ip.fail(QDISC_USAGE);
    else {
      kind = w;
      break;
    }
  }
  if (dev === undefined) return ip.fail('Not enough information: "dev" argument is required.\n', 1);
  const l = (await ip.allLinks()).find((x) => x.name === dev);
  if (!l) return ip.fail(`Cannot find device "${dev}"\n`, 1);
  if (matches(cmd, 'delete')) {
    // every qdisc here is a default one, attached with handle 0: not deletable
    ip.err('Error: Cannot delete qdisc with handle of zero.\n');
    return 2;
  } else if (kind !== undefined && !KINDS.has(kind)) {
    ip.err('Error: Specified qdisc kind is unknown.\n');
    return 2;
  }
  ip.err('RTNETLINK answers: Operation not supported\n');
  return 2;
}

async function doQdisc(ip: Ip, argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst')) return qdiscShow(ip, rest);
  if (matches(cmd, 'help')) return ip.fail(QDISC_USAGE);
  if (['add', 'change', 'replace', 'link', 'delete'].some((c) => matches(cmd, c))) return qdiscChange(ip, cmd, rest);
  return ip.fail(`Command "${cmd}" is unknown, try "tc qdisc help".\n`);
}

/** tc class / filter / chain show: nothing is attached; a named device must exist. */
async function doEmpty(ip: Ip, object: string, argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd !== undefined && !(matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst'))) {
    if (matches(cmd, 'help')) return ip.fail(`Usage: tc ${object} [ add | del | change | replace | show ] ...\n`);
    ip.err('RTNETLINK answers: Operation not supported\n');
    return 2;
  }
  const at = rest.indexOf('dev');
  if (at >= 0) {
    const name = rest[at + 1];
    if (name === undefined) ip.incomplete();
    if (!(await ip.allLinks()).some((l) => l.name === name)) {
      ip.err(`Cannot find device "${name}"\n`);
      return 1;
    }
  }
  ip.printer.start();
  ip.printer.finish();
  return 0;
}

async function run(ip: Ip, argv: string[]): Promise<number> {
  let i = 0;
  for (; i < argv.length && argv[i]!.startsWith('-') && argv[i] !== '-'; i++) {
    let opt = argv[i]!;
    if (opt.startsWith('--')) opt = opt.slice(1);
    if (matches(opt, '-Version')) {
      ip.out(`${VERSION}\n`);
      return 0;
    }
    if (matches(opt, '-help')) {
      ip.err(USAGE);
      return 0;
    }
    if (matches(opt, '-statistics')) ip.opts.stats++;
    else if (matches(opt, '-details')) ip.opts.details++;
    else if (matches(opt, '-json')) ip.opts.json = true;
    else if (matches(opt, '-pretty')) ip.opts.pretty = true;
    else if (matches(opt, '-oneline')) ip.opts.oneline = true;
    else if (matches(opt, '-raw') || matches(opt, '-iec') || matches(opt, '-graph') || matches(opt, '-Numeric') || matches(opt, '-force') || opt === '-nm' || matches(opt, '-names') || matches(opt, '-brief')) continue;
    else if (opt.startsWith('-color') || opt === '-c') continue;
    else return ip.fail(`Option "${argv[i]}" is unknown, try "tc -help".\n`);
  }
  ip.printer = ip.makePrinter();
  const obj = argv[i];
  if (obj === undefined) {
    ip.err(USAGE);
    return 0;
  }
  const rest = argv.slice(i + 1);
  if (matches(obj, 'qdisc')) return doQdisc(ip, rest);
  if (matches(obj, 'class')) return doEmpty(ip, 'class', rest);
  if (matches(obj, 'filter')) return doEmpty(ip, 'filter', rest);
  if (matches(obj, 'chain')) return doEmpty(ip, 'chain', rest);
  if (matches(obj, 'help')) {
    ip.err(USAGE);
    return 0;
  }
  return ip.fail(`Object "${obj}" is unknown, try "tc help".\n`);
}

export default defineProgram({
  name: 'tc',
  installPath: '/usr/sbin/tc',
  pkg: 'iproute2',
  main: (ctx) => runIp(ctx, (ip) => run(ip, ctx.argv.slice(1))),
});
