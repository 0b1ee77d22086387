// The traffic subsystem on its own: a Network configured as DHCP would, Photon's default
// firewall loaded into a Netfilter, a socket table, and the packet walks between them. Each case
// names the exchange and the outcome the sender sees, with the rule, policy or socket that
// decided it.
import { describe, expect, it } from 'vitest';
import type { NfAction, NfRule } from '../../../src/shared/services/netfilter';
import type { Caller } from '../../../src/shared/sys';
import { Network } from '../../../src/subsystems/net/network';
import { Netfilter } from '../../../src/subsystems/netfilter/netfilter';
import { Sockets } from '../../../src/subsystems/sockets/sockets';
import { exchangePasses } from '../../../src/subsystems/traffic/firewall';
import { Traffic } from '../../../src/subsystems/traffic/traffic';
import { DROP, rule, tcpDport } from '../netfilter/fixtures';

const ROOT: Caller = { pid: 1, uid: 0, euid: 0, gid: 0, egid: 0, groups: [0] };
const ACCEPT: NfRule['target'] = { kind: 'verdict', verdict: 'ACCEPT' };

/** /etc/systemd/scripts/ip4save as Photon ships it. */
function photonRules(): NfAction[] {
  const ctEstablished: NfRule['matches'][number] = {
    kind: 'conntrack', stateAlias: false, state: 2 | 4, stateInv: false, protoInv: false, origSrcInv: false, origDstInv: false,
    replSrcInv: false, replDstInv: false, statusInv: false, expireInv: false,
  };
  return [
    { op: 'policy', table: 'filter', chain: 'INPUT', policy: 'DROP' },
    { op: 'policy', table: 'filter', chain: 'FORWARD', policy: 'DROP' },
    { op: 'policy', table: 'filter', chain: 'OUTPUT', policy: 'DROP' },
    { op: 'append', table: 'filter', chain: 'INPUT', rule: rule({ inIface: 'lo', target: ACCEPT }) },
    { op: 'append', table: 'filter', chain: 'INPUT', rule: rule({ matches: [ctEstablished], target: ACCEPT }) },
    { op: 'append', table: 'filter', chain: 'INPUT', rule: rule({ proto: 6, matches: [tcpDport(22)], target: ACCEPT }) },
    { op: 'append', table: 'filter', chain: 'OUTPUT', rule: rule({ target: ACCEPT }) },
  ];
}

function setup(): { traffic: Traffic; nf: Netfilter; net: Network; sockets: Sockets; draws: () => number } {
  const net = new Network({ placeholderDhcp: true });
  const nf = new Netfilter();
  expect(nf.apply('ipv4', photonRules())).toEqual({ ok: true, applied: 7 });
  const sockets = new Sockets({ comm: (pid) => (pid === 700 ? 'sshd' : pid === 800 ? 'nginx' : '?') });
  sockets.handle({ ...ROOT, pid: 700 }, { kind: 'listen', proto: 'tcp', family: 4, address: '0.0.0.0', port: 22 });
  let seed = 1;
  let draws = 0;
  const traffic = new Traffic({
    net, netfilter: nf, sockets, now: () => 0, random: () => (draws++, (seed = (seed * 48271) % 2147483647) / 2147483647),
    sysctl: (k) => ({ 'net.ipv4.ip_default_ttl': '64', 'net.ipv4.icmp_echo_ignore_all': '0' })[k], readFile: () => '127.0.0.1   localhost\n', hostname: () => 'photon-machine',
  });
  return { traffic, nf, net, sockets, draws: () => draws };
}

const policy = (hook: 'INPUT' | 'OUTPUT', packet: 'request' | 'reply' = 'request') => ({ kind: 'netfilter', hook, table: 'filter', chain: hook, rule: 0, target: 'DROP', packet });

describe('packets this machine sends', () => {
  const cases: { name: string; req: unknown; before?: (s: ReturnType<typeof setup>) => void; want: Record<string, unknown> }[] = [
    { name: 'an echo to a pinging internet host comes back ESTABLISHED', req: { kind: 'echo', dst: '142.250.72.14', size: 56 }, want: { kind: 'reply', from: '142.250.72.14', ttl: 120 } },
    { name: 'an echo to a LAN host', req: { kind: 'echo', dst: '192.168.1.20', size: 56 }, want: { kind: 'reply', from: '192.168.1.20', ttl: 64 } },
    { name: 'a host that ignores pings', req: { kind: 'echo', dst: '45.60.11.104', size: 56 }, want: { kind: 'lost', why: { kind: 'remote', host: 'vmware.com', answer: 'ignored' } } },
    { name: 'a LAN address nobody has fails ARP', req: { kind: 'echo', dst: '192.168.1.77', size: 56 }, want: { kind: 'icmp-error', from: '192.168.1.50', type: 3, code: 1, afterUs: 3_003_000 } },
    { name: 'TTL 1 dies at the gateway', req: { kind: 'echo', dst: '8.8.8.8', size: 56, ttl: 1 }, want: { kind: 'icmp-error', from: '192.168.1.1', type: 11, code: 0 } },
    { name: 'an echo to ourselves goes over lo', req: { kind: 'echo', dst: '192.168.1.50', size: 56 }, want: { kind: 'reply', from: '192.168.1.50', ttl: 64 } },
    { name: 'a connection to a LAN web server', req: { kind: 'connect', dst: '192.168.1.30', port: 80 }, want: { kind: 'connected', src: '192.168.1.50', peer: { kind: 'remote', name: 'fileserver', http: expect.objectContaining({ status: 200 }) } } },
    { name: 'a closed port of a LAN host resets', req: { kind: 'connect', dst: '192.168.1.20', port: 80 }, want: { kind: 'refused', why: { kind: 'remote', host: 'client', answer: 'refused' } } },
    { name: 'a closed port on the internet is filtered', req: { kind: 'connect', dst: '142.250.72.14', port: 8080 }, want: { kind: 'timeout', why: { kind: 'remote', host: 'google.com', answer: 'ignored' } } },
    { name: 'nothing listens on a local port', req: { kind: 'connect', dst: '127.0.0.1', port: 80 }, want: { kind: 'refused', why: { kind: 'nothing-listening', proto: 'tcp', port: 80 } } },
    { name: 'sshd listens on 22', req: { kind: 'connect', dst: '127.0.0.1', port: 22 }, want: { kind: 'connected', peer: { kind: 'local', pid: 700, comm: 'sshd', socket: 1 }, conn: 1 } },
    { name: 'no route without a matching route', before: (s) => void s.net.handle(ROOT, { kind: 'delroute', route: { family: 4, table: 254, type: 0, protocol: 0, scope: 255, tos: 0, flags: 0, dstLen: 0 } }), req: { kind: 'echo', dst: '8.8.8.8', size: 56 }, want: { kind: 'error', errno: 'ENETUNREACH', why: { kind: 'no-route', dst: '8.8.8.8' } } },
    { name: 'a SYN OUTPUT drops is lost (TCP sends it again), the connect times out', before: (s) => void s.nf.apply('ipv4', [{ op: 'insert', table: 'filter', chain: 'OUTPUT', rulenum: 1, rule: rule({ proto: 6, matches: [tcpDport(443)], target: DROP }) }]), req: { kind: 'connect', dst: '142.250.72.14', port: 443 }, want: { kind: 'timeout', why: { kind: 'netfilter', hook: 'OUTPUT', table: 'filter', chain: 'OUTPUT', rule: 1, target: 'DROP', packet: 'request' } } },
    { name: 'the answer is dropped when INPUT no longer accepts ESTABLISHED', before: (s) => void s.nf.apply('ipv4', [{ op: 'deleteNum', table: 'filter', chain: 'INPUT', rulenum: 2 }]), req: { kind: 'echo', dst: '192.168.1.20', size: 56 }, want: { kind: 'lost', why: policy('INPUT', 'reply') } },
    { name: 'a UDP probe reaching a host is answered port unreachable', req: { kind: 'udp', dst: '192.168.1.20', port: 44444 }, want: { kind: 'port-unreachable', from: '192.168.1.20', ttl: 64 } },
    { name: 'reverse names from /etc/hosts, the gateway and the world', req: { kind: 'reverse', address: '192.168.1.1' }, want: { kind: 'name', name: '_gateway' } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = setup();
      c.before?.(s);
      expect(s.traffic.handle(ROOT, c.req)).toMatchObject(c.want);
    });
  }

  it('counts the packets on the links and in the rules', () => {
    const s = setup();
    const stats = (): number[] => {
      const e = s.net.links().find((l) => l.name === 'eth0')!.stats;
      return [e.txPackets, e.txBytes, e.rxPackets, e.rxBytes];
    };
    const before = stats();
    s.traffic.handle(ROOT, { kind: 'echo', dst: '192.168.1.20', size: 56 });
    // one 84-byte IP packet each way, plus the 14-byte Ethernet header the counters include
    expect(stats().map((n, i) => n - before[i]!)).toEqual([1, 98, 1, 98]);
    const filter = s.nf.ruleset('ipv4').tables.find((t) => t.name === 'filter')!;
    const counts = (chain: string): number[] => filter.chains.find((c) => c.name === chain)!.rules.map((r) => r.counters.packets);
    expect({ input: counts('INPUT'), output: counts('OUTPUT') }).toEqual({ input: [0, 1, 0], output: [1] });
  });
});

describe('lesson probes', () => {
  const cases: { name: string; spec: Parameters<Traffic['probe']>[0]; want: Record<string, unknown> }[] = [
    { name: 'the client cannot reach port 80 under the default rules', spec: { direction: 'in', proto: 'tcp', peer: '192.168.1.20', port: 80 }, want: { outcome: 'dropped', why: policy('INPUT'), reason: 'the packet met the policy of chain INPUT (table filter): DROP' } },
    { name: 'the client reaches sshd', spec: { direction: 'in', proto: 'tcp', peer: '192.168.1.20', port: 22 }, want: { outcome: 'answered', reason: 'sshd (pid 700) listens on tcp port 22' } },
    { name: 'the client is not answered when it pings', spec: { direction: 'in', proto: 'icmp', peer: '192.168.1.20' }, want: { outcome: 'dropped', why: policy('INPUT') } },
    { name: 'hosts on the internet cannot come in through the router', spec: { direction: 'in', proto: 'tcp', peer: '8.8.8.8', port: 22 }, want: { outcome: 'dropped' } },
    { name: 'outwards, google answers on 443', spec: { direction: 'out', proto: 'tcp', peer: '142.250.72.14', port: 443 }, want: { outcome: 'answered' } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = setup();
      expect(s.traffic.probe(c.spec)).toMatchObject(c.want);
      // nothing moved
      const filter = s.nf.ruleset('ipv4').tables.find((t) => t.name === 'filter')!;
      expect(filter.chains.flatMap((ch) => [ch.counters.packets, ...ch.rules.map((r) => r.counters.packets)]).every((n) => n === 0)).toBe(true);
      expect(s.nf.conntrack.view()).toEqual([]);
      expect(s.draws()).toBe(0);
    });
  }

  it('tells the rule that opened the port and the listener behind it', () => {
    const s = setup();
    s.nf.apply('ipv4', [{ op: 'append', table: 'filter', chain: 'INPUT', rule: rule({ proto: 6, matches: [tcpDport(80)], target: ACCEPT }) }]);
    expect(s.traffic.probe({ direction: 'in', proto: 'tcp', peer: '192.168.1.20', port: 80 })).toEqual({ outcome: 'refused', why: { kind: 'nothing-listening', proto: 'tcp', port: 80 }, reason: 'nothing listens on tcp port 80' });
    s.sockets.handle({ ...ROOT, pid: 800 }, { kind: 'listen', proto: 'tcp', family: 4, address: '0.0.0.0', port: 80 });
    expect(s.traffic.probe({ direction: 'in', proto: 'tcp', peer: '192.168.1.20', port: 80 })).toMatchObject({ outcome: 'answered', why: { kind: 'socket', comm: 'nginx' } });
  });
});

describe('the firewall check offered to the resolver', () => {
  it('lets a DNS query and its answer through Photon\'s rules, and not past a DROP for port 53', () => {
    const s = setup();
    const q = { proto: 'udp' as const, src: '192.168.1.50', dst: '192.168.1.1', sport: 53000, dport: 53, oif: 'eth0' };
    expect(exchangePasses(s.nf, () => 0, q)).toBe(true);
    s.nf.apply('ipv4', [{ op: 'insert', table: 'filter', chain: 'OUTPUT', rulenum: 1, rule: rule({ proto: 17, matches: [{ kind: 'udp', sport: [0, 65535], dport: [53, 53], sportInv: false, dportInv: false }], target: DROP }) }]);
    expect(exchangePasses(s.nf, () => 0, q)).toBe(false);
  });
});
