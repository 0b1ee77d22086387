// iptables and ip: options, tables, chains and targets; ip's objects, their commands and
// interface names. Interfaces come from /sys/class/net when the machine has it, otherwise
// from the kernel's `net` service (the rtnetlink link dump ip itself reads), never by
// running a program.
import type { NfFamily, NfReply, NfRuleset } from '../../../../shared/services/netfilter';
import type { NetReply } from '../../../../shared/services/net';
import type { Sys } from '../../../../shared/sys';
import { listDir, type NativeContext, type NativeReply, optionBefore, registerCompletion, reply, valueWord } from '../native';

/** Network interface names. */
export async function interfaceNames(sys: Sys): Promise<string[]> {
  try {
    if ((await sys.stat('/sys/class/net')).kind === 'dir') return (await listDir(sys, '/sys/class/net')).sort();
  } catch {
    // no sysfs class directory: ask the network service
  }
  try {
    const r = (await sys.call('net', { kind: 'getlinks' })) as NetReply;
    if (r.ok && 'links' in r) return r.links.map((l) => l.name);
  } catch {
    // no network service
  }
  return [];
}

// ------------------------------------------------------------------ iptables

const TABLE_CHAINS: Record<string, string[]> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
};
const TABLE_TARGETS: Record<string, string[]> = {
  filter: ['REJECT'],
  nat: ['DNAT', 'SNAT', 'MASQUERADE', 'REDIRECT', 'NETMAP'],
  mangle: ['MARK', 'CONNMARK', 'TOS', 'TTL', 'DSCP', 'TCPMSS', 'CLASSIFY', 'CHECKSUM', 'TPROXY'],
  raw: ['CT', 'NOTRACK', 'TRACE'],
  security: ['SECMARK', 'CONNSECMARK'],
};
const COMMON_TARGETS = ['ACCEPT', 'DROP', 'RETURN', 'LOG', 'NFLOG', 'QUEUE', 'NFQUEUE', 'AUDIT'];
const IPT_OPTS = '-A --append -C --check -D --delete -I --insert -R --replace -L --list -S --list-rules -F --flush -Z --zero -N --new-chain -X --delete-chain -P --policy -E --rename-chain -h --help -V --version -4 --ipv4 -6 --ipv6 -p --protocol -s --source -d --destination -i --in-interface -o --out-interface -j --jump -g --goto -m --match -n --numeric -t --table -v --verbose -w --wait -W --wait-interval -x --exact -f --fragment --line-numbers --modprobe -c --set-counters --sport --dport --sports --dports --state --ctstate --tcp-flags --syn --icmp-type --to-destination --to-source --to-ports --log-prefix --log-level --reject-with --comment --limit --limit-burst --mac-source'.split(' ');
const CHAIN_OPTS = new Set(['-A', '--append', '-C', '--check', '-D', '--delete', '-I', '--insert', '-R', '--replace', '-L', '--list', '-S', '--list-rules', '-F', '--flush', '-Z', '--zero', '-X', '--delete-chain', '-P', '--policy', '-E', '--rename-chain']);
const PROTOCOLS = ['all', 'tcp', 'udp', 'udplite', 'icmp', 'icmpv6', 'esp', 'ah', 'sctp', 'mh'];
const MATCHES = ['addrtype', 'comment', 'conntrack', 'icmp', 'iprange', 'length', 'limit', 'mac', 'mark', 'multiport', 'owner', 'pkttype', 'recent', 'state', 'string', 'tcp', 'time', 'udp'];
const STATES = ['NEW', 'ESTABLISHED', 'RELATED', 'INVALID', 'UNTRACKED'];

/** User-defined chains of a table, from the netfilter service (empty without permission). */
async function userChains(sys: Sys, family: NfFamily, table: string): Promise<string[]> {
  try {
    const r = (await sys.call('netfilter', { op: 'get', family })) as NfReply;
    if (!r.ok || !('ruleset' in r)) return [];
    const rs: NfRuleset = r.ruleset;
    return rs.tables.find((t) => t.name === table)?.chains.filter((c) => !c.builtin).map((c) => c.name) ?? [];
  } catch {
    return [];
  }
}

function iptables(family: NfFamily) {
  return async (ctx: NativeContext): Promise<NativeReply> => {
    const { words, cword } = ctx;
    let table = 'filter';
    for (let i = 1; i < cword; i++) if ((words[i] === '-t' || words[i] === '--table') && words[i + 1]) table = words[i + 1]!;
    const prev = optionBefore(ctx) ?? '';
    const cur = valueWord(ctx);
    const chains = async (): Promise<string[]> => [...(TABLE_CHAINS[table] ?? []), ...(await userChains(ctx.sys, family, table))];
    // -P CHAIN <policy>
    if (cword >= 3 && (words[cword - 2] === '-P' || words[cword - 2] === '--policy')) return reply(cur, ['ACCEPT', 'DROP']);
    switch (prev) {
      case '-t':
      case '--table': return reply(cur, Object.keys(TABLE_CHAINS));
      case '-j':
      case '--jump': return reply(cur, [...COMMON_TARGETS, ...(TABLE_TARGETS[table] ?? []), ...(await userChains(ctx.sys, family, table))]);
      case '-g':
      case '--goto': return reply(cur, await userChains(ctx.sys, family, table));
      case '-p':
      case '--protocol': return reply(cur, PROTOCOLS);
      case '-m':
      case '--match': return reply(cur, MATCHES);
      case '-i':
      case '--in-interface':
      case '-o':
      case '--out-interface': return reply(cur, await interfaceNames(ctx.sys));
      case '--state': return reply(cur, STATES);
      case '--ctstate': return reply(cur, [...STATES, 'SNAT', 'DNAT']);
      case '--reject-with': return reply(cur, ['icmp-net-unreachable', 'icmp-host-unreachable', 'icmp-port-unreachable', 'icmp-proto-unreachable', 'icmp-net-prohibited', 'icmp-host-prohibited', 'icmp-admin-prohibited', 'tcp-reset']);
      case '--log-level': return reply(cur, ['emerg', 'alert', 'crit', 'error', 'warning', 'notice', 'info', 'debug']);
    }
    if (CHAIN_OPTS.has(prev)) return reply(cur, await chains());
    if (ctx.cur.startsWith('-')) return reply(ctx.cur, IPT_OPTS);
    return { words: [] };
  };
}

registerCompletion('iptables', iptables('ipv4'));
registerCompletion('ip6tables', iptables('ipv6'));

// ------------------------------------------------------------------ ip

/** ip's objects in its own order (the first that starts with a word is the one meant). */
const IP_OBJECTS = ['address', 'addrlabel', 'amt', 'fou', 'help', 'ila', 'ioam', 'l2tp', 'link', 'macsec', 'maddress', 'monitor', 'mptcp', 'mroute', 'mrule', 'neighbor', 'neighbour', 'netconf', 'netns', 'nexthop', 'ntable', 'ntbl', 'route', 'rule', 'sr', 'tap', 'tcpmetrics', 'token', 'tunnel', 'tuntap', 'vrf', 'xfrm'];
const IP_OPTIONS = ['-V', '-Version', '-s', '-stats', '-d', '-details', '-h', '-human', '-r', '-resolve', '-f', '-family', '-4', '-6', '-B', '-0', '-l', '-loops', '-o', '-oneline', '-t', '-timestamp', '-b', '-batch', '-rc', '-rcvbuf', '-n', '-netns', '-N', '-Numeric', '-a', '-all', '-c', '-color', '-br', '-brief', '-j', '-json', '-p', '-pretty'];
const IP_COMMANDS: Record<string, string[]> = {
  address: ['add', 'change', 'replace', 'del', 'delete', 'show', 'list', 'flush', 'save', 'restore', 'showdump', 'help'],
  link: ['add', 'delete', 'set', 'show', 'list', 'xstats', 'afstats', 'property', 'help'],
  route: ['add', 'change', 'replace', 'delete', 'append', 'show', 'list', 'flush', 'get', 'save', 'restore', 'help'],
  neighbour: ['add', 'del', 'delete', 'change', 'replace', 'show', 'list', 'flush', 'get', 'help'],
  rule: ['add', 'del', 'delete', 'flush', 'show', 'list', 'save', 'restore', 'help'],
  netns: ['list', 'add', 'attach', 'delete', 'set', 'identify', 'pids', 'exec', 'monitor', 'list-id'],
  maddress: ['add', 'del', 'delete', 'show', 'list', 'help'],
  tunnel: ['add', 'change', 'del', 'delete', 'show', 'list', 'prl', '6rd', 'help'],
  tuntap: ['add', 'del', 'delete', 'show', 'list', 'help'],
  monitor: ['all', 'link', 'address', 'route', 'neigh', 'rule', 'nexthop', 'netconf', 'help'],
  nexthop: ['add', 'replace', 'del', 'delete', 'show', 'list', 'flush', 'get', 'bucket', 'help'],
  netconf: ['show'],
};
IP_COMMANDS.neighbor = IP_COMMANDS.neighbour!;
/** Keywords after the command, per object (the ones learners meet). */
const IP_KEYWORDS: Record<string, string[]> = {
  address: ['dev', 'label', 'scope', 'broadcast', 'local', 'peer', 'valid_lft', 'preferred_lft', 'to', 'up', 'permanent', 'dynamic', 'secondary', 'primary'],
  link: ['dev', 'up', 'down', 'mtu', 'address', 'name', 'master', 'nomaster', 'alias', 'txqueuelen', 'arp', 'multicast', 'promisc', 'type', 'group', 'netns'],
  route: ['dev', 'via', 'src', 'table', 'metric', 'proto', 'scope', 'type', 'mtu', 'onlink', 'default', 'from', 'to'],
  neighbour: ['dev', 'lladdr', 'nud', 'proxy', 'router', 'to'],
  rule: ['from', 'to', 'iif', 'oif', 'fwmark', 'table', 'lookup', 'priority', 'pref', 'dev'],
  maddress: ['dev', 'address'],
};
IP_KEYWORDS.neighbor = IP_KEYWORDS.neighbour!;
const IP_VALUES: Record<string, string[]> = {
  scope: ['global', 'site', 'link', 'host'],
  type: ['dummy', 'bridge', 'bond', 'veth', 'vlan', 'vxlan', 'macvlan', 'ipvlan', 'tun', 'tap'],
  proto: ['kernel', 'boot', 'static', 'dhcp', 'redirect'],
  nud: ['permanent', 'noarp', 'reachable', 'stale', 'none', 'incomplete', 'delay', 'probe', 'failed'],
  arp: ['on', 'off'],
  multicast: ['on', 'off'],
  promisc: ['on', 'off'],
  table: ['main', 'local', 'default', 'all'],
  lookup: ['main', 'local', 'default'],
};
/** Keywords whose value is an interface name. */
const DEV_KEYWORDS = new Set(['dev', 'master', 'iif', 'oif']);

async function ip(ctx: NativeContext): Promise<NativeReply> {
  const { words, cword, cur } = ctx;
  let i = 1;
  // global options come first (-4, -s, -family inet, -netns name)
  while (i < cword && words[i]!.startsWith('-')) i += words[i] === '-f' || words[i] === '-family' || words[i] === '-n' || words[i] === '-netns' || words[i] === '-b' || words[i] === '-batch' || words[i] === '-rc' ? 2 : 1;
  if (i === cword) {
    if (cur.startsWith('-')) return reply(cur, IP_OPTIONS);
    if (words[cword - 1] === '-f' || words[cword - 1] === '-family') return reply(cur, ['inet', 'inet6', 'link', 'mpls', 'bridge']);
    return reply(cur, IP_OBJECTS);
  }
  const object = IP_OBJECTS.find((o) => o.startsWith(words[i]!)) ?? words[i]!;
  const commands = IP_COMMANDS[object] ?? [];
  if (i + 1 === cword) return reply(cur, commands);
  const command = commands.find((c) => c.startsWith(words[i + 1]!)) ?? words[i + 1]!;
  const prev = words[cword - 1]!;
  if (DEV_KEYWORDS.has(prev)) return reply(cur, await interfaceNames(ctx.sys));
  if (IP_VALUES[prev]) return reply(cur, IP_VALUES[prev]!);
  const keywords = IP_KEYWORDS[object] ?? ['dev'];
  // `ip link set|show|delete DEV` and `ip address show DEV` name the device directly
  const devFirst = (object === 'link' && ['set', 'show', 'list', 'delete'].includes(command)) || (object === 'address' && ['show', 'list', 'flush'].includes(command));
  if (devFirst && i + 2 === cword) return reply(cur, [...(await interfaceNames(ctx.sys)), ...keywords]);
  return reply(cur, keywords);
}

registerCompletion('ip', ip);
