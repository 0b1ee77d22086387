// `ip link` (ip/iplink.c): show, set/change, add, delete, help; the argument grammar of
// iplink_parse and the RTM_NEWLINK / RTM_DELLINK requests it makes.
import { afstats, xstats } from './ip-link-stats';
import type { LinkChange } from '../../shared/services/net';
import type { NetnsReply } from '../../subsystems/net/namespaces';
import { llAddr } from './ip-inet';
import { listOrFlush } from './ip-addr-list';
import { groupA2n } from './ip-names';
import { hasName, type Ip } from './ip-session';
import { LINK_USAGE } from './ip-usage';
import { parseVlan } from './ip-link-vlan';
import { parseBridgeOpts } from './ip-link-bridge-opts';
import { parseBridgePortOpts } from './ip-link-bridge-port-opts';
import { parseMacvlan } from './ip-link-macvlan';
import { parseVxlan } from './ip-link-vxlan';
import { parseVf } from './ip-link-vf';
import { parseUnmodelledKind } from './ip-link-kinds';
import { Args, getInteger, getUnsigned, IpExit, matches } from './ip-util';

const OPER_STATES = ['UNKNOWN', 'NOTPRESENT', 'DOWN', 'LOWERLAYERDOWN', 'TESTING', 'DORMANT', 'UP'];
const GEN_MODES = ['eui64', 'none', 'stable_secret', 'random'];

/** check_ifname: 1-15 bytes without a slash or white space. */
function validIfName(name: string): boolean {
  return name.length > 0 && name.length < 16 && !/[/\s]/.test(name);
}

interface Parsed {
  change: LinkChange;
  dev?: string;
  /** `link DEV`: the lower device of a stacked one. */
  link?: string;
  name?: string;
  type?: string;
  rest: string[];
  addrLen: number;
  /** `netns NAME|PID`: the namespace the device moves to (its peer's, for a veth's peer). */
  netns?: { name?: string; pid?: number };
  peerNetns?: { name?: string; pid?: number };
}

function onOff(ip: Ip, msg: string, v: string): boolean {
  if (v === 'on') return true;
  if (v === 'off') return false;
  ip.err(`Error: argument of "${msg}" must be "on" or "off", not "${v}"\n`);
  throw new IpExit(1);
}

/** parse_on_off as iplink_parse uses it (a bad word: exit 22). */
function parseOnOff(ip: Ip, msg: string, v: string): boolean {
  return ip.onOff(msg, v, 22);
}

/** ll_name_to_index over the device list read before parsing (0: no such device). */
type IndexOf = (name: string) => number;
/** nl_get_ll_addr_len: the device's link-layer address length (-1: no such device). */
type HalenOf = (name: string) => number;

/** The names under /run/netns (a `netns` word names one of them before it is taken as a pid). */
async function netnsNames(ip: Ip): Promise<string[]> {
  try {
    return await ip.ctx.sys.readdir('/run/netns');
  } catch {
    return [];
  }
}

/** IFLA_NET_NS_FD / IFLA_NET_NS_PID: the kernel's `netns` service moves the device. */
async function moveLink(ip: Ip, ifindex: number, target: NonNullable<Parsed['netns']>, created = false): Promise<number> {
  const r = (await ip.ctx.sys.call('netns', { kind: 'move', ifindex, ...target, created })) as NetnsReply;
  if (!r.ok) {
    ip.reportError({ ok: false, errno: r.errno as never, ...(r.msg ? { msg: r.msg } : {}) });
    throw new IpExit(2);
  }
  return 0;
}

function parse(ip: Ip, argv: string[], create: boolean, indexOf: IndexOf, halenOf: HalenOf, nsNames: ReadonlySet<string> = new Set()): Parsed {
  let netns: Parsed['netns'];
  const c: LinkChange = {};
  const flags: NonNullable<LinkChange['flags']> = {};
  const args = new Args(argv);
  let dev: string | undefined;
  let name: string | undefined;
  let devIsName = false;
  let type: string | undefined;
  let link: string | undefined;
  let addrLen = 0;
  let mtuSet = false;
  let qlenSet = false;
  let groupSet = false;
  const next = (): string => {
    args.advance();
    if (args.done) ip.incomplete();
    return args.cur;
  };
  for (; !args.done; args.advance()) {
    const w = args.cur;
    if (w === 'up') c.up = true;
    else if (w === 'down') c.up = false;
    else if (w === 'name') {
      const v = next();
      if (name !== undefined) ip.duparg('name', v);
      if (!validIfName(v)) ip.invarg('"name" not a valid ifname', v);
      name = v;
      if (dev === undefined) {
        dev = v;
        devIsName = true;
      }
    } else if (matches(w, 'link')) {
      link = next();
    } else if (matches(w, 'address')) {
      c.address = llAddr(ip, next());
      addrLen = c.address.length;
    } else if (matches(w, 'broadcast') || w === 'brd') {
      c.broadcast = llAddr(ip, next());
    } else if (matches(w, 'txqueuelen') || w === 'qlen' || matches(w, 'txqlen')) {
      const v = next();
      if (qlenSet) ip.duparg('txqueuelen', v);
      const n = getInteger(v);
      if (n === null) ip.invarg('Invalid "txqueuelen" value\n', v);
      c.txqlen = n;
      qlenSet = true;
    } else if (w === 'mtu') {
      const v = next();
      if (mtuSet) ip.duparg('mtu', v);
      const n = getInteger(v);
      if (n === null) ip.invarg('Invalid "mtu" value\n', v);
      c.mtu = n;
      mtuSet = true;
    } else if (w === 'multicast') flags.MULTICAST = onOff(ip, 'multicast', next());
    else if (w === 'allmulticast') flags.ALLMULTI = onOff(ip, 'allmulticast', next());
    else if (w === 'promisc') flags.PROMISC = onOff(ip, 'promisc', next());
    else if (w === 'trailers') flags.NOTRAILERS = !onOff(ip, 'trailers', next());
    else if (w === 'arp') flags.NOARP = !onOff(ip, 'arp', next());
    else if (w === 'carrier') c.carrier = parseOnOff(ip, 'carrier', next());
    else if (matches(w, 'master')) {
      const v = next();
      const idx = indexOf(v);
      if (!idx) ip.invarg('Device does not exist\n', v);
      c.master = idx;
    } else if (w === 'vrf') {
      ip.invarg('Not a valid VRF name\n', next());
    } else if (matches(w, 'nomaster')) {
      c.master = 0;
    } else if (matches(w, 'dynamic')) flags.DYNAMIC = onOff(ip, 'dynamic', next());
    else if (matches(w, 'type')) {
      type = next();
      args.advance();
      break;
    } else if (matches(w, 'alias')) {
      const v = next();
      if (v.length >= 256) ip.invarg('alias too long\n', v);
      c.alias = v;
    } else if (w === 'group') {
      const v = next();
      if (groupSet) ip.duparg('group', v);
      const g = groupA2n(v);
      if (g === null) ip.invarg('Invalid "group" value\n', v);
      c.group = g;
      groupSet = true;
    } else if (w === 'mode') {
      const v = next();
      const mode = ['default', 'dormant'].indexOf(v.toLowerCase());
      if (mode < 0) ip.invarg('Invalid link mode\n', v);
      c.linkmode = mode;
    } else if (w === 'state') {
      const v = next();
      if (!OPER_STATES.includes(v.toUpperCase())) ip.invarg('Invalid operstate\n', v);
    } else if (matches(w, 'numtxqueues') || matches(w, 'numrxqueues')) {
      const v = next();
      if (getInteger(v) === null) ip.invarg(`Invalid "${matches(w, 'numtxqueues') ? 'numtxqueues' : 'numrxqueues'}" value\n`, v);
    } else if (matches(w, 'addrgenmode')) {
      const v = next();
      const mode = GEN_MODES.indexOf(v.toLowerCase());
      if (mode < 0) ip.invarg('Invalid address generation mode\n', v);
      c.addrGenMode = mode;
    } else if (w === 'netns') {
      // a name under /run/netns, else the id of a process whose namespace the device moves to
      const v = next();
      if (nsNames.has(v)) netns = { name: v };
      else {
        const pid = getInteger(v);
        if (pid === null) ip.invarg('Invalid "netns" value\n', v);
        if (!ip.ctx.sys.processes().some((p) => p.pid === pid)) {
          ip.reportError({ ok: false, errno: 'ESRCH' });
          throw new IpExit(2);
        }
        netns = { pid };
      }
    } else if (['xdp', 'xdpgeneric', 'xdpdrv', 'xdpoffload'].includes(w) && (args.remaining === 1 || (['off', 'none'].includes(args.rest[1]!) && args.remaining === 2))) {
      // xdp_parse: `off` or `none` as the last word detaches the program (none is attached here)
      next();
    } else if (w === 'index') {
      const v = next();
      if (c.index) ip.duparg('index', v);
      // atoi: the leading number, 0 when there is none
      const n = Number(/^\s*[+-]?\d+/.exec(v)?.[0] ?? 0);
      if (!(n > 0)) ip.invarg('Invalid "index" value', v);
      c.index = n | 0;
    } else if (w === 'vf') {
      const v = next();
      const vf = getInteger(v);
      if (vf === null) ip.invarg('Invalid "vf" value\n', v);
      if (dev === undefined) ip.fail('Error: argument "dev" is required\n');
      if (parseVf(ip, args, halenOf(dev)) < 0) throw new IpExit(1);
      c.vf = vf;
    } else if (w === 'protodown') {
      c.protoDown = parseOnOff(ip, 'protodown', next());
    } else if (w === 'gso_max_size' || w === 'gso_max_segs' || w === 'gro_max_size') {
      const v = next();
      const n = getUnsigned(v);
      if (n === null || (w === 'gso_max_segs' && n > 65535)) ip.invarg(`Invalid "${w}" value\n`, v);
      if (w === 'gso_max_size') c.gsoMaxSize = n;
      else if (w === 'gso_max_segs') c.gsoMaxSegs = n;
      else c.groMaxSize = n;
    } else {
      if (matches(w, 'help')) ip.fail(LINK_USAGE);
      let v = w;
      if (w === 'dev') v = next();
      if (dev !== undefined && !devIsName) ip.duparg2('dev', v);
      if (v.length === 0 || /[/\s]/.test(v)) ip.invarg('"dev" not a valid ifname', v);
      dev = v;
      devIsName = false;
    }
  }
  if (Object.keys(flags).length) c.flags = flags;
  if (c.index && !create) ip.fail('index can be used only when creating devices or when moving device to another netns.\n');
  if (name === undefined) name = dev;
  else if (dev === undefined) dev = name;
  const out: Parsed = { change: c, rest: args.rest, addrLen };
  if (dev !== undefined) out.dev = dev;
  if (name !== undefined) out.name = name;
  if (type !== undefined) out.type = type;
  if (link !== undefined) out.link = link;
  if (netns !== undefined) out.netns = netns;
  return out;
}

const VETH_USAGE = "Usage: ip link <options> type veth [peer <options>]\nTo get <options> type 'ip link add help'\n";

/** veth's parse_opt: nothing, or `peer` and the other end's own link options. */
function vethPeer(ip: Ip, p: Parsed, indexOf: IndexOf, halenOf: HalenOf, nsNames: ReadonlySet<string>, create = true): number {
  if (p.rest.length === 0) return 0;
  if (p.rest[0] !== 'peer') {
    ip.out(VETH_USAGE);
    return 1;
  }
  const peer = parse(ip, p.rest.slice(1), create, indexOf, halenOf, nsNames);
  if (!create) {
    // a change names an existing peer (by dev or name), as iplink_parse requires of any change
    const dev = peer.dev ?? peer.name;
    if (dev === undefined) ip.fail('Not enough information: "dev" argument is required.\n');
    if (!indexOf(dev!)) ip.nodev(dev!);
  }
  if (peer.type !== undefined) ip.duparg('type', peer.type);
  p.change.peer = { name: peer.name ?? peer.dev ?? '', change: peer.change };
  if (peer.netns) p.peerNetns = peer.netns;
  p.rest = [];
  return 0;
}

async function modify(ip: Ip, argv: string[], mode: 'add' | 'set' | 'delete' | 'replace'): Promise<number> {
  const create = mode === 'add' || mode === 'replace';
  const links = await ip.allLinks();
  const indexOf: IndexOf = (name) => links.find((l) => hasName(l, name))?.ifindex ?? 0;
  const halenOf: HalenOf = (name) => {
    const l = links.find((x) => hasName(x, name));
    return l ? (l.address ? l.address.split(':').length : 0) : -1;
  };
  const nsNames = new Set(await netnsNames(ip));
  const p = parse(ip, argv, create, indexOf, halenOf, nsNames);
  if (p.dev !== undefined && p.addrLen && !create) {
    const l = (await ip.allLinks()).find((x) => hasName(x, p.dev!));
    const halen = l ? l.address.split(':').length : -1;
    if (halen >= 0 && halen !== p.addrLen) {
      ip.err(`Invalid address length ${p.addrLen} - must be ${halen} bytes\n`);
      return 1;
    }
  }
  if (p.dev === undefined && p.change.group !== undefined) {
    // `group GROUP` without a device: the request goes to every device of the group
    // (rtnl_group_changelink); none is created that way
    if (p.rest.length) return ip.fail(`Garbage instead of arguments "${p.rest[0]} ...". Try "ip link help".\n`);
    if (create) return ip.fail('group cannot be used when creating devices.\n');
    if (mode === 'set') {
      for (const l of links.filter((x) => x.group === p.change.group)) await ip.talk({ kind: 'setlink', ifindex: l.ifindex, change: p.change });
      return 0;
    }
    if (mode === 'delete') {
      await ip.talk({ kind: 'dellink', ifindex: 0, group: p.change.group });
      return 0;
    }
  }
  if (!create) {
    if (p.dev === undefined) return ip.fail('Not enough information: "dev" argument is required.\n');
    const ifindex = await ip.index(p.dev);
    if (!ifindex) ip.nodev(p.dev);
    if (p.type === 'veth' && vethPeer(ip, p, indexOf, halenOf, nsNames, false)) return 1;
    kindOptions(ip, p, false, indexOf);
    if (p.type !== undefined && p.rest.length) return garbage(ip, p.rest);
    if (mode === 'delete') {
      await ip.talk({ kind: 'dellink', ifindex });
      return 0;
    }
    if (p.name !== undefined && p.name !== p.dev) p.change.name = p.name;
    // the move comes first (do_setlink); what else was asked is then the other namespace's
    if (p.netns) return moveLink(ip, ifindex, p.netns);
    await ip.talk({ kind: 'setlink', ifindex, change: p.change });
    return 0;
  }
  if (p.name !== undefined && p.dev !== undefined && p.name !== p.dev) {
    return ip.fail('both "name" and "dev" cannot be used when creating devices.\n');
  }
  if (p.type === undefined) {
    ip.err('Not enough information: "type" argument is required\n');
    return 1;
  }
  if (p.link !== undefined) {
    const lower = indexOf(p.link);
    if (!lower) ip.nodev(p.link);
    p.change.link = lower;
  }
  if (p.type === 'veth' && vethPeer(ip, p, indexOf, halenOf, nsNames)) return 1;
  kindOptions(ip, p, true, indexOf);
  if (p.rest.length) return garbage(ip, p.rest);
  await ip.talk({ kind: 'newlink', nlflags: { create: true, excl: mode === 'add', replace: mode === 'replace' }, name: p.name ?? '', type: p.type, change: p.change });
  // a device (or a veth's peer) made in another namespace: made here, then moved
  const moves: [string, NonNullable<Parsed['netns']>][] = [];
  if (p.netns) moves.push([p.name ?? p.dev ?? '', p.netns]);
  if (p.peerNetns && p.change.peer?.name) moves.push([p.change.peer.name, p.peerNetns]);
  for (const [name, target] of moves) {
    const r = await ip.call({ kind: 'getlinks' });
    const l = 'links' in r ? r.links.find((x) => x.name === name) : undefined;
    if (l) {
      const rc = await moveLink(ip, l.ifindex, target, true);
      if (rc) return rc;
    }
  }
  return 0;
}

/** Kinds whose words after the type ip passes over without reading them. */
const IGNORED_OPTIONS = new Set(['dummy', 'ifb', 'nlmon', 'vcan', 'team', 'team_slave', 'virt_wifi', 'netdevsim']);
/** Kinds ip has an option parser for that the simulation does not model (their options are taken as given). */
const OWN_PARSER = new Set([
  'gre', 'gretap', 'ip6gre', 'ip6gretap', 'erspan', 'ip6erspan', 'ipip', 'sit', 'ip6tnl', 'vti', 'vti6', 'xfrm',
  'bond', 'bond_slave', 'ipvlan', 'ipvtap', 'geneve', 'bareudp', 'macsec', 'vrf', 'hsr', 'rmnet', 'amt', 'batadv',
  'can', 'ipoib', 'wwan', 'vxcan',
]);

/** The options a link kind's own parser takes after `type KIND`. */
function kindOptions(ip: Ip, p: Parsed, create: boolean, indexOf: IndexOf): void {
  if (p.type === 'bridge') {
    if (p.rest.length) p.change.bridgeOpts = parseBridgeOpts(ip, p.rest);
    p.rest = [];
    return;
  }
  if (p.type === 'bridge_slave') {
    // (the port settings go out only when there are words to read)
    if (p.rest.length) p.change.brport = parseBridgePortOpts(ip, p.rest, indexOf);
    p.rest = [];
    return;
  }
  if (p.type === 'vlan') p.change.vlan = parseVlan(ip, p.rest);
  else if (p.type === 'vxlan') p.change.vxlan = parseVxlan(ip, p.rest, create, indexOf);
  else if (p.type === 'macvlan' || p.type === 'macvtap') p.change.macvlan = parseMacvlan(ip, p.type, p.rest);
  else if (p.type !== undefined && OWN_PARSER.has(p.type)) parseUnmodelledKind(ip, p.type, p.rest, indexOf);
  else if (p.type === undefined || !IGNORED_OPTIONS.has(p.type)) return;
  // kinds whose options ip reads but the simulated kernel does not offer: the request goes
  // out and the kernel refuses the kind
  p.rest = [];
}

/** iplink_prop: `property {add|del} dev DEV [altname NAME]...`. */
async function property(ip: Ip, argv: string[]): Promise<number> {
  const [op, ...rest] = argv;
  if (op === undefined) ip.fail(LINK_USAGE);
  if (matches(op, 'help')) ip.fail(LINK_USAGE);
  if (!matches(op, 'add') && !matches(op, 'del')) ip.fail('Operator required\n');
  // check_altifname: not empty, no slash or white space (any length: the kernel checks that)
  const valid = (v: string): boolean => v.length > 0 && !/[/\s]/.test(v);
  const altnames: string[] = [];
  let dev: string | undefined;
  const args = new Args(rest);
  for (; !args.done; args.advance()) {
    const w = args.cur;
    const next = (): string => {
      args.advance();
      if (args.done) ip.incomplete();
      return args.cur;
    };
    if (matches(w, 'altname')) {
      const v = next();
      if (!valid(v)) ip.invarg('not a valid altname', v);
      altnames.push(v);
    } else if (matches(w, 'help')) {
      ip.fail(LINK_USAGE);
    } else {
      const v = w === 'dev' ? next() : w;
      if (dev !== undefined) ip.duparg2('dev', v);
      if (!valid(v)) ip.invarg('"dev" not a valid ifname', v);
      dev = v;
    }
  }
  if (dev === undefined) ip.fail('Not enough of information: "dev" argument is required.\n');
  const ifindex = await ip.index(dev);
  if (!ifindex) ip.nodev(dev);
  await ip.talk({ kind: 'linkprop', ifindex, op: matches(op, 'add') ? 'add' : 'del', altnames });
  return 0;
}

function garbage(ip: Ip, rest: string[]): number {
  if (matches(rest[0]!, 'help')) ip.fail(LINK_USAGE);
  ip.err(`Garbage instead of arguments "${rest[0]} ...". Try "ip link help".\n`);
  return 1;
}

/** do_help: `ip link help KIND` prints the kind's own help (the text its `help` option
 *  explains on stderr) on stdout; a kind without one gets ip link's usage. */
function kindHelp(ip: Ip, argv: string[], usage: () => never): number {
  const kind = argv[0];
  if (kind === undefined) usage();
  const mark = ip.chunks.length;
  const p: Parsed = { change: {}, type: kind, rest: ['help'], addrLen: 0 };
  try {
    if (kind === 'veth') vethPeer(ip, p, () => 0, () => -1, new Set());
    else kindOptions(ip, p, true, () => 0);
  } catch (e) {
    if (!(e instanceof IpExit)) throw e;
  }
  const help = ip.chunks.splice(mark);
  // the kinds with no options of their own name themselves (virt_wifi with a blank after)
  if (help.length === 0 && IGNORED_OPTIONS.has(kind!)) help.push({ fd: 1, text: `Usage: ... ${kind}${kind === 'virt_wifi' ? ' ' : ''}\n` });
  if (help.length === 0) usage();
  for (const c of help) ip.out(c.text);
  return 0;
}

export async function doLink(ip: Ip, argv: string[]): Promise<number> {
  const usage = (): never => ip.fail(LINK_USAGE);
  const [cmd, ...rest] = argv;
  if (cmd === undefined) return listOrFlush(ip, [], 'list', true, usage);
  if (matches(cmd, 'add')) return modify(ip, rest, 'add');
  if (matches(cmd, 'set') || matches(cmd, 'change')) return modify(ip, rest, 'set');
  if (matches(cmd, 'replace')) return modify(ip, rest, 'replace');
  if (matches(cmd, 'delete')) return modify(ip, rest, 'delete');
  if (matches(cmd, 'show') || matches(cmd, 'lst') || matches(cmd, 'list')) return listOrFlush(ip, rest, 'list', true, usage);
  if (matches(cmd, 'xstats')) return xstats(ip, rest);
  if (matches(cmd, 'afstats')) return afstats(ip, rest);
  if (matches(cmd, 'property')) return property(ip, rest);
  if (matches(cmd, 'help')) return kindHelp(ip, rest, usage);
  return ip.fail(`Command "${cmd}" is unknown, try "ip link help".\n`);
}
