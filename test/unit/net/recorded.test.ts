// ip, ifconfig and route against recordings of the real tools: each case runs on a fresh machine after the
// conformance prelude (eth0 down, no address, MAC 00:50:56:aa:bb:01) and must reproduce
// stdout, stderr and the exit status. The recorded eth0 was a veth, which reports
// `qdisc noqueue` where the VM's NIC has `mq`; that is compared loosely, as the shared
// conformance runner does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../../integration/machine-helpers';

interface Recorded {
  id: string;
  title: string;
  script: string;
  stdout: string;
  stderr: string;
  exit: number;
}

const PRELUDE = [
  'mkdir -p /tmp/oracle-w && cd /tmp/oracle-w || exit 99',
  'export HOME=/root LANG=C TZ=UTC PATH=/usr/sbin:/usr/bin:/sbin:/bin',
  '{ systemctl stop systemd-networkd; ip link set eth0 down; ip addr flush dev eth0; ip link set eth0 address 00:50:56:aa:bb:01; ip link set eth0 mtu 1500; } >/dev/null 2>&1',
].join('\n');

function loose(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/^(\d+: eth0: <[^>]*> mtu \d+) qdisc \S+ state UNKNOWN/, '$1 qdisc * state UP')
        .replace(/^(\d+: eth0: <[^>]*> mtu \d+) qdisc \S+ state (\S+)/, '$1 qdisc * state $2')
        .replace(/^(eth0\s+)UNKNOWN(\s)/, '$1UP     $2'),
    )
    .join('\n');
}

const { cases } = JSON.parse(readFileSync(join(__dirname, 'recorded.json'), 'utf8')) as { cases: Recorded[] };

describe('ip, ifconfig and route, recorded from the real tools', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const r = await runScript(`${PRELUDE}\n${c.script}`);
    expect(loose(r.stdout)).toBe(loose(c.stdout));
    expect(r.stderr).toBe(c.stderr);
    expect(r.code).toBe(c.exit);
  });
});
