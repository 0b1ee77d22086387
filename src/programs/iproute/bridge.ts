// iproute2's `bridge`: ports (`bridge link [show|set]`), the forwarding database
// (`bridge fdb show`), VLANs and multicast groups (empty without VLAN filtering or
// snooped groups). It reads and changes the kernel's bridges through the `net` service.
import { isNetError, type BridgePortChange, type LinkMsg } from '../../shared/services/net';
import { defineProgram } from '../define';
import { bridgeFdb } from './bridge-fdb';
import { doVlan } from './bridge-vlan';
import { printPortBasics, printPortSwitches, stpStateArg } from './ip-link-bridge';
import { printLinkFlags, printNameAndLink } from './ip-link-print';
import { runIp, type Ip } from './ip-session';
import { atoi, matches, toSigned } from './ip-util';

const VERSION = 'bridge utility, 6.1.0';

const USAGE = `Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }
       bridge [ -force ] -batch filename
where  OBJECT := { link | fdb | mdb | vlan | monitor }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |
                    -o[neline] | -t[imestamp] | -n[etns] name |
                    -c[ompressvlans] -color -p[retty] -j[son] }
`;

const LINK_USAGE = `Usage: bridge link set dev DEV [ cost COST ] [ priority PRIO ] [ state STATE ]
                               [ guard {on | off} ]
                               [ hairpin {on | off} ]
                               [ fastleave {on | off} ]
                               [ root_block {on | off} ]
                               [ learning {on | off} ]
                               [ learning_sync {on | off} ]
                               [ flood {on | off} ]
                               [ mcast_router MULTICAST_ROUTER ]
                               [ mcast_flood {on | off} ]
                               [ bcast_flood {on | off} ]
                               [ mcast_to_unicast {on | off} ]
                               [ neigh_suppress {on | off} ]
                               [ vlan_tunnel {on | off} ]
                               [ isolated {on | off} ]
                               [ locked {on | off} ]
                               [ hwmode {vepa | veb} ]
                               [ backup_port DEVICE ] [ nobackup_port ]
                               [ self ] [ master ]
       bridge link show [dev DEV]
`;

const SWITCHES = ['guard', 'hairpin', 'fastleave', 'root_block', 'learning', 'learning_sync', 'flood', 'mcast_flood', 'bcast_flood', 'mcast_to_unicast', 'neigh_suppress', 'vlan_tunnel', 'isolated', 'locked'];

/** print_linkinfo of bridge/link.c: a port with its STP state, priority and cost. */
function printPort(ip: Ip, l: LinkMsg): void {
  const p = ip.printer;
  p.openObject();
  p.any('ifindex', `${l.ifindex}: `, l.ifindex);
  const mdown = printNameAndLink(ip, l, false);
  printLinkFlags(p, l.flags, mdown);
  p.any('mtu', `mtu ${l.mtu} `, l.mtu);
  if (l.master !== undefined) p.any('master', `master ${ip.cachedName(l.master)} `, ip.cachedName(l.master));
  if (l.port) {
    printPortBasics(p, l.port);
    if (ip.opts.details) {
      p.fp(`${p.sl}    `);
      printPortSwitches(p, l.port.switches);
    }
  }
  p.fp('\n');
  p.closeObject();
}

async function linkShow(ip: Ip, argv: string[]): Promise<number> {
  let dev: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === 'dev') {
      if (i + 1 >= argv.length) ip.fail('Command line is not complete. Try option "help"\n');
      dev = argv[++i];
    } else if (matches(argv[i]!, 'help')) {
      ip.fail(LINK_USAGE);
    }
  }
  const links = await ip.allLinks();
  let ifindex = 0;
  if (dev !== undefined) {
    ifindex = links.find((l) => l.name === dev)?.ifindex ?? 0;
    if (!ifindex) ip.fail(`Cannot find device "${dev}"\n`);
  }
  ip.printer.start();
  for (const l of links) {
    if (!l.port || (ifindex && l.ifindex !== ifindex)) continue;
    printPort(ip, l);
  }
  ip.printer.finish();
  return 0;
}

/** brlink_modify: each word matched exactly; numbers read as atoi (a state as strtol, or by
 *  name) and kept to the width ip stores them in, a negative one (or a cost of 0) not sent. */
async function linkSet(ip: Ip, argv: string[]): Promise<number> {
  let dev: string | undefined;
  const c: BridgePortChange = {};
  const switches: Record<string, boolean> = {};
  let self = false;
  let master = false;
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    const next = (): string => {
      if (i + 1 >= argv.length) ip.fail('Command line is not complete. Try option "help"\n');
      return argv[++i]!;
    };
    if (w === 'dev') dev = next();
    else if (SWITCHES.includes(w)) switches[w] = ip.onOff(w, next(), 256 - 22);
    else if (w === 'cost') {
      const n = atoi(next()) >>> 0;
      if (n > 0) c.cost = n;
      else delete c.cost;
    } else if (w === 'priority') {
      const n = toSigned(atoi(next()), 16);
      if (n >= 0) c.priority = n;
      else delete c.priority;
    } else if (w === 'state') {
      const v = stpStateArg(next());
      if (v === null) ip.fail('Error: invalid STP port state\n');
      const n = toSigned(v!, 8);
      if (n >= 0) c.state = n;
      else delete c.state;
    } else if (w === 'hwmode') {
      const v = next();
      if (v !== 'vepa' && v !== 'veb') ip.fail('Mode argument must be "vepa" or "veb".\n');
      self = true;
    } else if (w === 'self') {
      self = true;
    } else if (w === 'master') {
      master = true;
    } else if (w === 'nobackup_port') {
      // (the simulated ports keep no backup port)
    } else if (w === 'mcast_router') {
      next();
    } else if (w === 'backup_port') {
      const v = next();
      if (!(await ip.index(v))) ip.fail(`Error: device ${v} does not exist\n`);
    } else {
      ip.fail(LINK_USAGE);
    }
  }
  if (dev === undefined) ip.fail('Device is a required argument.\n');
  const ifindex = await ip.index(dev);
  if (!ifindex) ip.fail(`Cannot find bridge device "${dev}"\n`);
  if (Object.keys(switches).length) c.switches = switches;
  // the port's bridge takes the request unless only `self` was asked for; BRIDGE_FLAGS_SELF then
  // goes to the device's own driver, and only a bridge has one (which takes it)
  if (master || !self) {
    const reply = await ip.call({ kind: 'setlink', ifindex, change: { brport: c } });
    if (isNetError(reply)) {
      ip.reportError(reply);
      return 255;
    }
  }
  if (self && (await ip.allLinks()).find((x) => x.ifindex === ifindex)?.kind !== 'bridge') {
    ip.reportError({ ok: false, errno: 'EOPNOTSUPP' });
    return 255;
  }
  return 0;
}

async function doLink(ip: Ip, argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined) return linkShow(ip, []);
  if (matches(cmd, 'set') || matches(cmd, 'change')) return linkSet(ip, rest);
  if (matches(cmd, 'show') || matches(cmd, 'lst') || matches(cmd, 'list')) return linkShow(ip, rest);
  if (matches(cmd, 'help')) ip.fail(LINK_USAGE);
  return ip.fail(`Command "${cmd}" is unknown, try "bridge link help".\n`);
}

/** No multicast group has been snooped: nothing to list. */
async function doMdb(ip: Ip, argv: string[]): Promise<number> {
  const [cmd] = argv;
  if (cmd !== undefined && !matches(cmd, 'show') && !matches(cmd, 'list')) {
    return ip.fail(`Command "${cmd}" is unknown, try "bridge mdb help".\n`);
  }
  if (ip.opts.json) ip.out('[]\n');
  return 0;
}

type Handler = (ip: Ip, argv: string[]) => Promise<number>;
const OBJECTS: [string, Handler][] = [['link', doLink], ['fdb', bridgeFdb], ['mdb', doMdb], ['vlan', doVlan]];

async function run(ip: Ip, argv: string[]): Promise<number> {
  let i = 0;
  for (; i < argv.length && argv[i]!.startsWith('-') && argv[i] !== '-'; i++) {
    let opt = argv[i]!;
    if (opt.startsWith('--')) opt = opt.slice(1);
    if (matches(opt, '-Version')) {
      ip.out(`${VERSION}\n`);
      return 0;
    }
    if (matches(opt, '-help')) ip.fail(USAGE);
    if (matches(opt, '-statistics')) ip.opts.stats++;
    else if (matches(opt, '-details')) ip.opts.details++;
    else if (matches(opt, '-oneline')) ip.opts.oneline = true;
    else if (matches(opt, '-json')) ip.opts.json = true;
    else if (matches(opt, '-pretty')) ip.opts.pretty = true;
    else if (matches(opt, '-compressvlans') || matches(opt, '-timestamp') || matches(opt, '-force')) continue;
    else if (opt.startsWith('-color') || opt === '-c') continue;
    else ip.fail(`Option "${argv[i]}" is unknown, try "bridge help".\n`);
  }
  ip.printer = ip.makePrinter();
  const obj = argv[i];
  if (obj === undefined) return ip.fail(USAGE);
  const handler = OBJECTS.find(([name]) => matches(obj, name))?.[1];
  if (matches(obj, 'help')) return ip.fail(USAGE);
  if (!handler) return ip.fail(`Object "${obj}" is unknown, try "bridge help".\n`);
  return handler(ip, argv.slice(i + 1));
}

export default defineProgram({
  name: 'bridge',
  installPath: '/usr/sbin/bridge',
  pkg: 'iproute2',
  main: (ctx) => runIp(ctx, (ip) => run(ip, ctx.argv.slice(1))),
});
