// `ip mroute` (ipmroute.c) and `ip mrule` (ip rule for the multicast routing family): the
// machine routes no multicast, so the multicast cache is empty and the multicast rules are
// the kernel's default one (lookup default for IPv4, main for IPv6).
import type { Ip } from './ip-session';
import { RULE_USAGE } from './ip-usage';
import { AF, matches } from './ip-util';

const MROUTE_USAGE = `Usage: ip mroute show [ [ to ] PREFIX ] [ from PREFIX ] [ iif DEVICE ]
                      [ table TABLE_ID ]
TABLE_ID := [ local | main | default | all | NUMBER ]
`;

export async function doMroute(ip: Ip, argv: string[]): Promise<number> {
  const [cmd] = argv;
  if (cmd === undefined || matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst')) return 0;
  if (matches(cmd, 'help')) return ip.fail(MROUTE_USAGE);
  return ip.fail(`Command "${cmd}" is unknown, try "ip mroute help".\n`);
}

export async function doMrule(ip: Ip, argv: string[]): Promise<number> {
  const [cmd] = argv;
  if (cmd === undefined || matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst')) {
    ip.out(`32767:\tfrom all lookup ${ip.family === AF.INET6 ? 'main' : 'default'}\n`);
    return 0;
  }
  if (matches(cmd, 'help')) return ip.fail(RULE_USAGE);
  return ip.fail(`Command "${cmd}" is unknown, try "ip rule help".\n`);
}
