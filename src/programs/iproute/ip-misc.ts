// Small ip objects that mostly list kernel state the machine keeps empty or at its defaults:
// `ip netconf` (ipnetconf.c: per-device forwarding settings from the sysctl tree), `ip token`
// (iptoken.c: IPv6 interface identifiers, all ::),
// `ip tcp_metrics` (no cached metrics) and `ip xfrm state|policy` (no IPsec state).
import { IFF } from '../../shared/services/net';
import type { Ip } from './ip-session';
import { AF, matches } from './ip-util';
import { getPrefix, prefixText } from './ip-inet';

/** The value of /proc/sys/KEY (dotted), or undefined. */
async function sysctl(ip: Ip, key: string): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await ip.ctx.sys.readFile(`/proc/sys/${key.replace(/\./g, '/')}`)).trim();
  } catch {
    return undefined;
  }
}

const RP_FILTER = ['off', 'strict', 'loose'];

/** ipnetconf.c do_show: a dump by family (inet, then inet6): the devices, then all and default. */
async function netconfShow(ip: Ip, argv: string[]): Promise<number> {
  let ifindex = 0;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] !== 'dev') continue;
    const name = argv[++i];
    if (name === undefined) ip.incomplete();
    ifindex = await ip.index(name);
    if (ifindex <= 0) {
      ip.err(`Device "${name}" does not exist.\n`);
      return 1;
    }
  }
  const links = await ip.allLinks();
  const families = ip.family === AF.UNSPEC ? [AF.INET, AF.INET6] : [ip.family];
  const p = ip.printer;
  // a single device of one family is asked for directly: one message, no JSON list around it
  const single = ifindex !== 0 && ip.family !== AF.UNSPEC;
  if (!single) p.start();
  for (const fam of families) {
    if (fam !== AF.INET && fam !== AF.INET6) continue;
    const v4 = fam === AF.INET;
    const names: [number, string][] = [...links.map((l): [number, string] => [l.ifindex, l.name]), [-1, 'all'], [-2, 'default']];
    for (const [index, name] of names) {
      if (ifindex && index !== ifindex) continue;
      const base = `net.${v4 ? 'ipv4' : 'ipv6'}.conf.`;
      // a device the sysctl tree does not list has the default settings it was created with
      const get = async (key: string): Promise<number> => Number((await sysctl(ip, `${base}${name}.${key}`)) ?? (await sysctl(ip, `${base}default.${key}`)) ?? 0);
      p.openObject();
      p.any('family', `${v4 ? 'inet' : 'inet6'} `, v4 ? 'inet' : 'inet6');
      p.any('interface', `${name} `, name, 'ifname');
      const onOff = async (key: string, json: string): Promise<void> => {
        const on = (await get(key)) !== 0;
        p.any(json, `${json} ${on ? 'on' : 'off'} `, on);
      };
      await onOff('forwarding', 'forwarding');
      if (v4) {
        const rp = await get('rp_filter');
        const text = RP_FILTER[rp] ?? String(rp);
        p.any('rp_filter', `rp_filter ${text} `, RP_FILTER[rp] ?? rp);
      }
      await onOff('mc_forwarding', 'mc_forwarding');
      await onOff(v4 ? 'proxy_arp' : 'proxy_ndp', 'proxy_neigh');
      await onOff('ignore_routes_with_linkdown', 'ignore_routes_with_linkdown');
      p.closeObject();
      p.fp('\n');
    }
  }
  if (!single) p.finish();
  return 0;
}

export async function doNetconf(ip: Ip, argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined) return netconfShow(ip, []);
  if (matches(cmd, 'show') || matches(cmd, 'lst') || matches(cmd, 'list')) return netconfShow(ip, rest);
  if (matches(cmd, 'help')) return ip.fail('Usage: ip netconf show [ dev STRING ]\n');
  return ip.fail(`Command "${cmd}" is unknown, try "ip netconf help".\n`);
}

/** iptoken.c set/del: RTM_SETLINK with the token (:: for del) for one device. */
async function tokenSet(ip: Ip, argv: string[], del: boolean): Promise<number> {
  let ifindex = 0;
  let token: string | undefined = del ? '::' : undefined;
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    if (w === 'dev') {
      const name = argv[++i];
      if (name === undefined) ip.incomplete();
      if (!ifindex) {
        ifindex = await ip.index(name);
        if (!ifindex) ip.invarg('dev is invalid\n', name);
      }
    } else {
      if (matches(w, 'help')) ip.fail(TOKEN_USAGE);
      if (token === undefined) token = prefixText(getPrefix(ip, w, AF.INET6)) ?? '::';
    }
  }
  if (token === undefined) return ip.fail('Not enough information: token is required.\n', 1);
  if (!ifindex) return ip.fail('Not enough information: "dev" argument is required.\n', 1);
  await ip.talk({ kind: 'setlink', ifindex, change: { token } });
  return 0;
}

const TOKEN_USAGE = 'Usage: ip token [ list | set | del | get ] [ TOKEN ] [ dev DEV ]\n';

/** iptoken.c list: every device with IPv6 but the loopback and NOARP ones, with its token. */
async function tokenList(ip: Ip, argv: string[]): Promise<number> {
  let ifindex = 0;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] !== 'dev') continue;
    const name = argv[++i];
    if (name === undefined) ip.incomplete();
    ifindex = await ip.index(name);
    if (!ifindex) ip.invarg('dev is invalid\n', name);
    break;
  }
  const p = ip.printer;
  p.start();
  for (const l of await ip.allLinks()) {
    // no inet6 device below the IPv6 minimum MTU
    if ((ifindex && l.ifindex !== ifindex) || l.flags & (IFF.LOOPBACK | IFF.NOARP) || l.mtu < 1280) continue;
    p.openObject();
    const token = l.token ?? '::';
    p.fp('token ');
    p.any('token', token, token, 'inet6');
    p.fp(' dev ');
    p.any('ifname', `${l.name}\n`, l.name, 'ifname');
    p.closeObject();
  }
  p.finish();
  return 0;
}

export async function doToken(ip: Ip, argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined) return tokenList(ip, []);
  if (matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst') || matches(cmd, 'get')) return tokenList(ip, rest);
  if (matches(cmd, 'set') || matches(cmd, 'add')) return tokenSet(ip, rest, false);
  if (matches(cmd, 'delete')) return tokenSet(ip, rest, true);
  if (matches(cmd, 'help')) return ip.fail(TOKEN_USAGE);
  return ip.fail(`Command "${cmd}" is unknown, try "ip token help".\n`);
}

/** tcp_metrics.c: nothing cached; asking for one address finds none (ESRCH). */
export async function doTcpMetrics(ip: Ip, argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || matches(cmd, 'show') || matches(cmd, 'list') || matches(cmd, 'lst') || matches(cmd, 'flush') || matches(cmd, 'delete')) {
    const addr = rest.find((w) => w !== 'address' && w !== 'addr');
    if (addr !== undefined && cmd !== undefined && !matches(cmd, 'flush')) {
      ip.err('RTNETLINK answers: No such process\n');
      return 2;
    }
    return 0;
  }
  return ip.fail(`Usage: ip tcp_metrics/tcpmetrics { COMMAND | help }\n`);
}

/** xfrm: no states or policies; listing and flushing them print nothing. */
export async function doXfrm(ip: Ip, argv: string[]): Promise<number> {
  const [obj, cmd] = argv;
  const usage = 'Usage: ip xfrm XFRM-OBJECT { COMMAND | help }\nwhere  XFRM-OBJECT := state | policy | monitor\n';
  if (obj === undefined || !(matches(obj, 'state') || matches(obj, 'policy'))) return ip.fail(usage);
  if (cmd === undefined || matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'flush') || matches(cmd, 'count')) {
    if (cmd !== undefined && matches(cmd, 'count')) ip.out(`${matches(obj, 'state') ? 'xfrm state' : 'xfrm policy'} count:\n`);
    return 0;
  }
  return ip.fail(`Command "${cmd}" is unknown, try "ip xfrm ${matches(obj, 'state') ? 'state' : 'policy'} help".\n`);
}
