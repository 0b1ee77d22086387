// The REJECT and LOG targets (libipt_REJECT / libip6t_REJECT, libxt_LOG).
import type { NfTarget } from '../../../shared/services/netfilter';
import { paramError } from '../errors';
import { strtouiWhole } from '../strtoul';
import { saveString } from './common';
import type { TargetExtension, TargetFormatter } from './types';

type Reject = Extract<NfTarget, { kind: 'REJECT' }>;
type Log = Extract<NfTarget, { kind: 'LOG' }>;

/** [name, alias] in the kernel's enum order; prefixes of either select the first hit */
const REJECT_V4: readonly [string, string][] = [
  ['icmp-net-unreachable', 'net-unreach'],
  ['icmp-host-unreachable', 'host-unreach'],
  ['icmp-proto-unreachable', 'proto-unreach'],
  ['icmp-port-unreachable', 'port-unreach'],
  ['icmp-net-prohibited', 'net-prohib'],
  ['icmp-host-prohibited', 'host-prohib'],
  ['tcp-reset', 'tcp-rst'],
  ['icmp-admin-prohibited', 'admin-prohib'],
];

const REJECT_V6: readonly [string, string][] = [
  ['icmp6-no-route', 'no-route'],
  ['icmp6-adm-prohibited', 'adm-prohibited'],
  ['icmp6-not-neighbor', 'not-neighbor'],
  ['icmp6-addr-unreachable', 'addr-unreach'],
  ['icmp6-port-unreachable', 'port-unreach'],
  ['tcp-reset', 'tcp-reset'],
  ['icmp6-policy-fail', 'policy-fail'],
  ['icmp6-reject-route', 'reject-route'],
];

export const rejectTarget: TargetExtension<Reject> = {
  name: 'REJECT',
  kind: 'target',
  x6: true,
  opts: [{ name: 'reject-with', id: 0, hasArg: 1 }],
  init: (env) => ({ kind: 'REJECT', with: env.family === 'ipv4' ? 'icmp-port-unreachable' : 'icmp6-port-unreachable' }),
  parse(_opt, arg, _invert, d, _st, env) {
    const a = (arg ?? '').toLowerCase();
    const table = env.family === 'ipv4' ? REJECT_V4 : REJECT_V6;
    const hit = table.find(([n, alias]) => n.startsWith(a) || alias.startsWith(a));
    if (hit) {
      d.with = hit[0];
      return;
    }
    // libipt_REJECT still names the type it dropped (libip6t_REJECT does not)
    if (env.family === 'ipv4' && ['echo-reply', 'echoreply'].some((n) => n.startsWith(a))) env.warn?.('--reject-with echo-reply no longer supported\n');
    throw paramError(`unknown reject type "${arg ?? ''}"`);
  },
  build: (d) => d,
};

export const rejectFormat: TargetFormatter<Reject> = {
  print: (t) => ` reject-with ${t.with}`,
  save: (t) => ` --reject-with ${t.with}`,
};

const LOG_LEVELS: readonly [string, number][] = [
  ['alert', 1],
  ['crit', 2],
  ['debug', 7],
  ['emerg', 0],
  ['error', 3],
  ['info', 6],
  ['notice', 5],
  ['panic', 0],
  ['warning', 4],
];

/** syslog's prioritynames: the first name of each level. */
const LEVEL_NAMES = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];
const LOG_FLAGS: readonly [string, number][] = [
  ['log-tcp-sequence', 1],
  ['log-tcp-options', 2],
  ['log-ip-options', 4],
  ['log-uid', 8],
  ['log-macdecode', 32],
];
const DEFAULT_LEVEL = 4;

export const logTarget: TargetExtension<Log> = {
  name: 'LOG',
  kind: 'target',
  x6: true,
  opts: [
    { name: 'log-level', id: 6, hasArg: 1 },
    { name: 'log-prefix', id: 7, hasArg: 1 },
    { name: 'log-tcp-sequence', id: 0, hasArg: 0 },
    { name: 'log-tcp-options', id: 1, hasArg: 0 },
    { name: 'log-ip-options', id: 2, hasArg: 0 },
    { name: 'log-uid', id: 3, hasArg: 0 },
    { name: 'log-macdecode', id: 5, hasArg: 0 },
  ],
  init: () => ({ kind: 'LOG', level: DEFAULT_LEVEL, prefix: '', flags: 0 }),
  parse(opt, arg, _invert, d) {
    const a = arg ?? '';
    if (opt.id === 6) {
      const n = strtouiWhole(a, 0, 7);
      const named = LOG_LEVELS.find(([name]) => name === a);
      if (n === null && !named) throw paramError(`log level "${a}" unknown\n`);
      d.level = n ?? named![1];
      return;
    }
    if (opt.id === 7) {
      if (a.length < 1) throw paramError('Argument must have a minimum length of 1 characters\n');
      if (a.includes('\n')) throw paramError('Newlines not allowed in --log-prefix');
      // the kernel structure holds 29 characters and a terminator
      d.prefix = a.slice(0, 29);
      return;
    }
    d.flags |= 1 << opt.id;
  },
  build: (d) => d,
};

export const logFormat: TargetFormatter<Log> = {
  print(t, env) {
    let s = ' LOG';
    if (env.numeric) s += ` flags ${t.flags} level ${t.level}`;
    else {
      const name = LEVEL_NAMES[t.level];
      s += name ? ` level ${name}` : ` UNKNOWN level ${t.level}`;
      const words: [number, string][] = [
        [1, 'tcp-sequence'],
        [2, 'tcp-options'],
        [4, 'ip-options'],
        [8, 'uid'],
        [32, 'macdecode'],
      ];
      for (const [bit, w] of words) if (t.flags & bit) s += ` ${w}`;
      if (t.flags & ~(1 | 2 | 4 | 8 | 32)) s += ' unknown-flags';
    }
    if (t.prefix !== '') s += ` prefix "${t.prefix}"`;
    return s;
  },
  save(t) {
    let s = t.prefix !== '' ? ` --log-prefix${saveString(t.prefix)}` : '';
    if (t.level !== DEFAULT_LEVEL) s += ` --log-level ${t.level}`;
    for (const [name, bit] of LOG_FLAGS) if (t.flags & bit) s += ` --${name}`;
    return s;
  },
};
