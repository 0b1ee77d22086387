// `ip rule` and `ip netns`: the policy rules are the kernel's three defaults (no rule can be
// added here), and the machine has no named network namespaces.
import { tableA2n, tableN2a } from './ip-names';
import type { Ip } from './ip-session';
import { AF, matches } from './ip-util';

const RULES4: [number, number][] = [[0, 255], [32766, 254], [32767, 253]];
const RULES6: [number, number][] = [[0, 255], [32766, 254]];

export async function doRule(ip: Ip, argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd !== undefined && !(matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst'))) {
    if (matches(cmd, 'help')) return ip.fail('Usage: ip rule [ list [ SELECTOR ]]\n');
    ip.reportError({ ok: false, errno: 'EOPNOTSUPP' });
    return 2;
  }
  let table: number | undefined;
  for (let i = 0; i < rest.length; i++) {
    if (matches(rest[i]!, 'table') || rest[i] === 'lookup') {
      const v = rest[++i];
      if (v === undefined) ip.incomplete();
      const t = tableA2n(v);
      if (t === null) ip.invarg('table id value is invalid\n', v);
      table = t;
    }
  }
  const p = ip.printer;
  p.start();
  for (const [prio, tb] of ip.family === AF.INET6 ? RULES6 : RULES4) {
    if (table !== undefined && table !== tb) continue;
    const name = tableN2a(tb, ip.opts.numeric);
    p.openObject();
    p.any('priority', `${prio}:\t`, prio);
    p.any('src', 'from all ', 'all');
    p.any('table', `lookup ${name} `.trimEnd(), name);
    p.fp('\n');
    p.closeObject();
  }
  p.finish();
  return 0;
}

export async function doNetns(ip: Ip, argv: string[]): Promise<number> {
  const [cmd] = argv;
  if (cmd === undefined || matches(cmd, 'list') || matches(cmd, 'show')) return 0;
  return ip.fail(`Cannot open network namespace "${argv[1] ?? cmd}": No such file or directory\n`, 1);
}
