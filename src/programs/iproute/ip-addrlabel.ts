// `ip addrlabel` (ip/ipaddrlabel.c): the kernel's IPv6 address label table (RFC 6724 policy),
// which holds the built-in defaults until someone changes it (add, del, flush).
import type { AddrLabel } from '../../shared/services/net';
import { getPrefix, prefixText, type InetPrefix } from './ip-inet';
import type { Ip } from './ip-session';
import { AF, getUnsigned, matches } from './ip-util';

const USAGE = 'Usage: ip addrlabel { add | del } prefix PREFIX [ dev DEV ] [ label LABEL ]\n       ip addrlabel [ list | flush | help ]\n';

async function list(ip: Ip): Promise<number> {
  if (ip.family !== AF.UNSPEC && ip.family !== AF.INET6) {
    // the dump is only defined for IPv6
    ip.err('RTNETLINK answers: Operation not supported\nDump terminated\n');
    return 255;
  }
  const labels = await dump(ip);
  const p = ip.printer;
  p.start();
  for (const l of labels) {
    p.openObject();
    p.jsonOnly('address', l.prefix);
    p.jsonOnly('prefixlen', l.prefixlen);
    p.fp(`prefix ${l.prefix}/${l.prefixlen} `);
    if (l.ifindex) {
      const dev = ip.cachedName(l.ifindex);
      p.fp('dev ');
      p.any('ifname', `${dev} `, dev);
    }
    p.any('label', `label ${l.label} `, l.label);
    p.fp('\n');
    p.closeObject();
  }
  p.finish();
  return 0;
}

async function dump(ip: Ip): Promise<AddrLabel[]> {
  await ip.allLinks();
  const r = await ip.call({ kind: 'getaddrlabels' });
  return 'labels' in r ? r.labels : [];
}

/** ipaddrlabel_modify: `prefix PREFIX [dev DEV] label LABEL`; other words are passed over. */
async function modify(ip: Ip, del: boolean, argv: string[]): Promise<number> {
  let prefix: InetPrefix | undefined;
  let ifindex = 0;
  let label: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    const next = (): string => {
      i++;
      if (i >= argv.length) ip.incomplete();
      return argv[i]!;
    };
    if (w === 'prefix') prefix = getPrefix(ip, next(), ip.family);
    else if (w === 'dev') {
      const v = next();
      ifindex = await ip.index(v);
      if (!ifindex) ip.invarg('dev is invalid\n', v);
    } else if (w === 'label') {
      const v = next();
      const n = getUnsigned(v);
      if (n === null || n === 0xffffffff) ip.invarg('label is invalid\n', v);
      label = n;
    }
  }
  if (!prefix) return ip.fail('Not enough information: "prefix" argument is required.\n', 1);
  if (label === undefined) return ip.fail('Not enough information: "label" argument is required.\n', 1);
  const text = prefixText(prefix) ?? '::';
  const req: AddrLabel = { prefix: text, prefixlen: prefix.bitlen < 0 ? prefix.bytelen * 8 : prefix.bitlen, ifindex, label };
  await ip.talk({ kind: del ? 'deladdrlabel' : 'newaddrlabel', label: req });
  return 0;
}

/** ipaddrlabel_flush: every entry of the dump is deleted. */
async function flush(ip: Ip, argv: string[]): Promise<number> {
  if (argv.length > 0) return ip.fail('"ip addrlabel flush" does not allow extra arguments\n', 1);
  for (const l of await dump(ip)) await ip.call({ kind: 'deladdrlabel', label: l });
  return 0;
}

export async function doAddrlabel(ip: Ip, argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || matches(cmd, 'list') || matches(cmd, 'lst') || matches(cmd, 'show')) return list(ip);
  if (matches(cmd, 'add')) return modify(ip, false, rest);
  if (matches(cmd, 'delete')) return modify(ip, true, rest);
  if (matches(cmd, 'flush')) return flush(ip, rest);
  if (matches(cmd, 'help')) return ip.fail(USAGE);
  return ip.fail(`Command "${cmd}" is unknown, try "ip addrlabel help".\n`);
}
