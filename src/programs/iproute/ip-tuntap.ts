// `ip tuntap` (ip/iptuntap.c): persistent tun and tap devices. `add` opens the tun device,
// names the interface (TUNSETIFF) and makes it persist; `del` takes the persistence away;
// `show` lists the tun/tap devices with their flags and owner.
import { isNetError, type LinkMsg, type TunData } from '../../shared/services/net';
import { Accounts } from '../lib/accounts';
import type { Ip } from './ip-session';
import { getUnsigned, matches } from './ip-util';

export const TUNTAP_USAGE = `Usage: ip tuntap { add | del | show | list | lst | help } [ dev PHYS_DEV ]
       [ mode { tun | tap } ] [ user USER ] [ group GROUP ]
       [ one_queue ] [ pi ] [ vnet_hdr ] [ multi_queue ] [ name NAME ]

Where: USER  := { STRING | NUMBER }
       GROUP := { STRING | NUMBER }
`;

interface Request {
  name?: string;
  mode?: 'tun' | 'tap';
  tun: Omit<TunData, 'type'>;
}

/** parse_args: the words of add and del. */
async function parseArgs(ip: Ip, argv: string[]): Promise<Request> {
  const r: Request = { tun: { pi: false, vnetHdr: false, multiQueue: false, oneQueue: false } };
  let accounts: Accounts | undefined;
  const load = async (): Promise<Accounts> => (accounts ??= await Accounts.load(ip.ctx.sys));
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    const next = (): string => {
      i++;
      if (i >= argv.length) ip.incomplete();
      return argv[i]!;
    };
    if (w === 'mode') {
      const v = next();
      if (matches(v, 'tun')) r.mode = 'tun';
      else if (matches(v, 'tap')) r.mode = 'tap';
      else ip.fail(`Unknown tunnel mode "${v}"\n`);
    } else if (w === 'user') {
      const v = next();
      const uid = getUnsigned(v) ?? (await load()).userByName(v)?.uid;
      if (uid === undefined) ip.fail(`invalid user "${v}"\n`);
      r.tun.owner = uid;
    } else if (w === 'group') {
      const v = next();
      const gid = getUnsigned(v) ?? (await load()).groupByName(v)?.gid;
      if (gid === undefined) ip.fail(`invalid group "${v}"\n`);
      r.tun.group = gid;
    } else if (w === 'one_queue') r.tun.oneQueue = true;
    else if (w === 'vnet_hdr') r.tun.vnetHdr = true;
    else if (w === 'multi_queue') r.tun.multiQueue = true;
    else if (w === 'pi') r.tun.pi = true;
    else {
      const v = w === 'dev' || w === 'name' ? next() : w;
      if (matches(v, 'help')) ip.fail(TUNTAP_USAGE);
      if (r.name !== undefined) ip.duparg2('name', v);
      r.name = v;
    }
  }
  return r;
}

/** The kernel's name for an unnamed device: the lowest free tunN or tapN. */
function freeName(links: readonly LinkMsg[], mode: string): string {
  let i = 0;
  while (links.some((l) => l.name === `${mode}${i}`)) i++;
  return `${mode}${i}`;
}

async function add(ip: Ip, argv: string[]): Promise<number> {
  const r = await parseArgs(ip, argv);
  if (!r.mode) {
    ip.err('You failed to specify a tunnel mode\n');
    return 1;
  }
  const links = await ip.allLinks();
  const name = r.name ?? freeName(links, r.mode);
  if (links.some((l) => l.name === name)) {
    // the name is taken (by another tun/tap device in use, or a device of another kind)
    ip.err('ioctl(TUNSETIFF): Device or resource busy\n');
    return 1;
  }
  const reply = await ip.call({ kind: 'newlink', nlflags: { create: true, excl: true }, name, type: 'tun', change: { tun: { type: r.mode, ...r.tun } } });
  if (isNetError(reply)) {
    ip.err(`ioctl(TUNSETIFF): ${reply.errno === 'EINVAL' ? 'Invalid argument' : 'Device or resource busy'}\n`);
    return 1;
  }
  return 0;
}

async function del(ip: Ip, argv: string[]): Promise<number> {
  const r = await parseArgs(ip, argv);
  if (!r.mode) {
    ip.err('You failed to specify a tunnel mode\n');
    return 1;
  }
  const l = r.name !== undefined ? (await ip.allLinks()).find((x) => x.name === r.name) : undefined;
  // a name nobody uses gets a device made and dropped at once: nothing to see
  if (!l) return 0;
  if (!l.tun || l.tun.type !== r.mode || l.tun.multiQueue !== r.tun.multiQueue) {
    ip.err(`ioctl(TUNSETIFF): ${l.tun ? 'Invalid argument' : 'Device or resource busy'}\n`);
    return 1;
  }
  await ip.talk({ kind: 'dellink', ifindex: l.ifindex });
  return 0;
}

async function show(ip: Ip, argv: string[]): Promise<number> {
  // the words are read, but every tun/tap device is listed
  await parseArgs(ip, argv);
  const p = ip.printer;
  p.start();
  for (const l of await ip.allLinks()) {
    const t = l.tun;
    if (!t) continue;
    p.openObject();
    p.any('ifname', `${l.name}:`, l.name);
    p.openArray('flags');
    p.any(null, ` ${t.type}`, t.type);
    if (t.pi) p.any(null, ' pi', 'pi');
    if (t.oneQueue) p.any(null, ' one_queue', 'one_queue');
    if (t.multiQueue) p.any(null, ' multi_queue', 'multi_queue');
    if (t.vnetHdr) p.any(null, ' vnet_hdr', 'vnet_hdr');
    p.any(null, ' persist', 'persist');
    // IFF_NOFILTER shares its bit with IFF_NO_PI: a device with packet info reads as filtering
    if (t.pi) p.any(null, ' filter', 'filter');
    p.closeArray();
    if (t.owner !== undefined) p.any('user', ` user ${t.owner}`, t.owner);
    if (t.group !== undefined) p.any('group', ` group ${t.group}`, t.group);
    if (ip.opts.details) {
      // show_processes: who holds the device open through /dev/net/tun (no program does here)
      p.fp(`${p.sl}\tAttached to processes:`);
      p.openArrayJsonOnly('processes');
      p.closeArrayJsonOnly();
    }
    p.fp('\n');
    p.closeObject();
  }
  p.finish();
  return 0;
}

export async function doTuntap(ip: Ip, argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined) return show(ip, []);
  if (matches(cmd, 'add')) return add(ip, rest);
  if (matches(cmd, 'delete')) return del(ip, rest);
  if (matches(cmd, 'show') || matches(cmd, 'list') || matches(cmd, 'lst')) return show(ip, rest);
  if (matches(cmd, 'help')) return ip.fail(TUNTAP_USAGE);
  return ip.fail(`Command "${cmd}" is unknown, try "ip tuntap help".\n`);
}
