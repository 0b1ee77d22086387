import { describe, expect, it } from 'vitest';
import { firewallPicture, parseRule } from './firewall-picture';
import { formatDuration, shortBytes } from './format';

describe('parseRule', () => {
  const user = new Set(['DOCKER', 'DOCKER-USER']);
  it.each([
    ['-A INPUT -p tcp -m tcp --dport 80 -j ACCEPT', { match: '-p tcp -m tcp --dport 80', target: 'ACCEPT', targetOptions: '', goto: false, kind: 'accept' }],
    ['-A INPUT -j DROP', { match: '', target: 'DROP', targetOptions: '', goto: false, kind: 'drop' }],
    ['-A INPUT -p icmp -j REJECT --reject-with icmp-port-unreachable', { match: '-p icmp', target: 'REJECT', targetOptions: '--reject-with icmp-port-unreachable', goto: false, kind: 'reject' }],
    ['-A FORWARD -j DOCKER-USER', { match: '', target: 'DOCKER-USER', targetOptions: '', goto: false, kind: 'chain' }],
    ['-A FORWARD -o docker0 -g DOCKER', { match: '-o docker0', target: 'DOCKER', targetOptions: '', goto: true, kind: 'chain' }],
    ['-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80', { match: '! -i docker0 -p tcp -m tcp --dport 8080', target: 'DNAT', targetOptions: '--to-destination 172.17.0.2:80', goto: false, kind: 'nat' }],
    ['-A INPUT -s 10.0.0.0/8', { match: '-s 10.0.0.0/8', target: '', targetOptions: '', goto: false, kind: 'other' }],
    ['-A INPUT -j LOG --log-prefix "in: "', { match: '', target: 'LOG', targetOptions: '--log-prefix "in: "', goto: false, kind: 'other' }],
  ])('%s', (spec, want) => {
    expect(parseRule(spec, user)).toEqual(want);
  });
});

describe('firewallPicture', () => {
  it('orders tables and chains as a packet meets them, user chains after', () => {
    const pic = firewallPicture([
      { table: 'filter', chain: 'OUTPUT', policy: 'ACCEPT', rules: [] },
      { table: 'nat', chain: 'POSTROUTING', policy: 'ACCEPT', rules: [] },
      { table: 'filter', chain: 'DOCKER', rules: [] },
      { table: 'filter', chain: 'INPUT', policy: 'DROP', rules: [{ spec: '-A INPUT -j DOCKER', packets: 3, bytes: 180 }] },
      { table: 'filter', chain: 'FORWARD', policy: 'DROP', rules: [] },
      { table: 'nat', chain: 'PREROUTING', policy: 'ACCEPT', rules: [] },
    ]);
    expect(pic.map((t) => [t.name, t.chains.map((c) => c.name)])).toEqual([
      ['nat', ['PREROUTING', 'POSTROUTING']],
      ['filter', ['INPUT', 'FORWARD', 'OUTPUT', 'DOCKER']],
    ]);
    const input = pic[1]?.chains[0];
    expect(input).toMatchObject({ policy: 'DROP', builtin: true, anchor: 'fw-filter-INPUT' });
    expect(input?.rules[0]).toMatchObject({ target: 'DOCKER', kind: 'chain', packets: 3, bytes: 180 });
    expect(pic[1]?.chains[3]).toMatchObject({ name: 'DOCKER', builtin: false });
    expect(pic[1]?.chains[3]).not.toHaveProperty('policy');
  });
});

describe('format', () => {
  it.each([
    [0, '0 s'],
    [45_400, '45 s'],
    [252_000, '4 min 12 s'],
    [3_720_000, '1 h 02 min'],
  ])('formatDuration(%d) = %s', (ms, want) => expect(formatDuration(ms)).toBe(want));
  it.each([
    [0, '0'],
    [912, '912'],
    [1234, '1.2K'],
    [3_400_000, '3.4M'],
    [45_000_000, '45M'],
  ])('shortBytes(%d) = %s', (n, want) => expect(shortBytes(n)).toBe(want));
});
