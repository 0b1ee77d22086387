// `ip addrlabel` (ip/ipaddrlabel.c): the kernel's IPv6 address label table (RFC 6724 policy),
// which holds the built-in defaults on a machine nobody has changed it on.
import type { Ip } from './ip-session';
import { AF, matches } from './ip-util';

const DEFAULTS: [string, number, number][] = [
  ['::1', 128, 0], ['::', 96, 3], ['::ffff:0.0.0.0', 96, 4], ['2001::', 32, 6], ['2001:10::', 28, 7],
  ['3ffe::', 16, 12], ['2002::', 16, 2], ['fec0::', 10, 11], ['fc00::', 7, 5], ['::', 0, 1],
];

const USAGE = 'Usage: ip addrlabel { add | del } prefix PREFIX [ dev DEV ] [ label LABEL ]\n       ip addrlabel [ list | flush | help ]\n';

function list(ip: Ip): number {
  if (ip.family !== AF.UNSPEC && ip.family !== AF.INET6) {
    // the dump is only defined for IPv6
    ip.err('RTNETLINK answers: Operation not supported\nDump terminated\n');
    return 255;
  }
  const p = ip.printer;
  p.start();
  for (const [address, len, label] of DEFAULTS) {
    p.openObject();
    p.jsonOnly('address', address);
    p.jsonOnly('prefixlen', len);
    p.fp(`prefix ${address}/${len} `);
    p.any('label', `label ${label} `, label);
    p.fp('\n');
    p.closeObject();
  }
  p.finish();
  return 0;
}

export async function doAddrlabel(ip: Ip, argv: string[]): Promise<number> {
  const [cmd] = argv;
  if (cmd === undefined || matches(cmd, 'list') || matches(cmd, 'show')) return list(ip);
  if (matches(cmd, 'help')) return ip.fail(USAGE);
  return ip.fail(`Command "${cmd}" is unknown, try "ip addrlabel help".\n`);
}
