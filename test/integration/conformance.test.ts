// Cases recorded from the real bash 5.2, coreutils 9.1 and friends (copied from the shared
// conformance set into test/fixtures/conformance), replayed on a fresh machine with the same
// prelude the shared runner uses. Every case must match stdout byte for byte and the status.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileIntoMachine } from '../../src/cli/copy-in';
import { SCRIPT_ENV } from '../../src/cli/script-env';
import { Machine } from '../../src/kernel/machine';

interface Case {
  id: string;
  suite: string;
  title: string;
  script: string;
  stdout: string;
  stderr_contains?: string;
  exit: number;
}

const PRELUDE = [
  'mkdir -p /tmp/oracle-w && cd /tmp/oracle-w || exit 99',
  'umask 022',
  'export HOME=/root LANG=C TZ=UTC PATH=/usr/sbin:/usr/bin:/sbin:/bin',
].join('\n');

// The same per-suite preludes as ../shared/conformance/run.mjs: they bring a default machine to
// the state the recordings started from.
const SUITE_PRELUDE: Record<string, string> = {
  iptables: '{ iptables -F; iptables -X; iptables -P INPUT ACCEPT; iptables -P FORWARD ACCEPT; iptables -P OUTPUT ACCEPT; } >/dev/null 2>&1',
  systemd: 'R=\nSC=systemctl',
  ip: '{ systemctl stop systemd-networkd; ip link set eth0 down; ip addr flush dev eth0; ip link set eth0 address 00:50:56:aa:bb:01; ip link set eth0 mtu 1500; } >/dev/null 2>&1',
};

// The ip recordings used a virtual NIC that reports "qdisc noqueue state UNKNOWN" when up; the
// shared runner compares eth0's qdisc and operstate loosely, and so does this test.
function normalise(suite: string, text: string): string {
  if (suite !== 'ip') return text;
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

const dir = join(__dirname, '../fixtures/conformance');
const suites = readdirSync(dir).sort();

for (const suite of suites) {
  const cases: Case[] = readdirSync(join(dir, suite))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, suite, f), 'utf8')) as Case);
  describe(`conformance: ${suite}`, () => {
    for (const c of cases) {
      it(`${c.id}: ${c.title}`, async () => {
        const machine = new Machine({ clock: 'skip' });
        const out: Uint8Array[] = [];
        const err: Uint8Array[] = [];
        const file = `/tmp/conformance/${c.suite}-${c.id}.sh`;
        writeFileIntoMachine(machine, file, new TextEncoder().encode(`${PRELUDE}\n${SUITE_PRELUDE[suite] ?? ''}\n${c.script}`));
        // the environment the CLI gives a script (as `env -i` did for the recordings)
        const code = await machine.run(['/bin/bash', file], { stdout: (b) => out.push(b), stderr: (b) => err.push(b), env: new Map(SCRIPT_ENV) });
        // the machine is done with: its timers stop (a 'skip' clock would otherwise keep
        // jumping to them in the background of every later case)
        machine.stopClock();
        const stdout = Buffer.concat(out).toString('utf8');
        const stderr = Buffer.concat(err).toString('utf8');
        expect(normalise(suite, stdout)).toBe(normalise(suite, c.stdout));
        expect(code).toBe(c.exit);
        if (c.stderr_contains) expect(stderr).toContain(c.stderr_contains);
      });
    }
  });
}
