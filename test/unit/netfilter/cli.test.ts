// iptables on a booted machine: ip6tables (recorded from the real ip6tables 1.8.9, after both
// families are reset the way the iptables conformance prelude resets IPv4), the binary's
// names, and what a user other than root gets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../../integration/machine-helpers';

interface Recorded {
  script: string;
  stdout: string;
  stderr: string;
  exit: number;
}

const RESET = ['iptables', 'ip6tables'].map((c) => `{ ${c} -F; ${c} -X; ${c} -P INPUT ACCEPT; ${c} -P FORWARD ACCEPT; ${c} -P OUTPUT ACCEPT; } >/dev/null 2>&1`).join('\n');

describe('ip6tables (recorded)', () => {
  const rec = JSON.parse(readFileSync(join(__dirname, 'ip6tables-recorded.json'), 'utf8')) as Recorded;
  it('lists, saves and refuses like ip6tables 1.8.9', async () => {
    const r = await runScript(`${RESET}\n${rec.script}`);
    expect(r.stdout).toBe(rec.stdout);
    expect(r.stderr).toBe(rec.stderr);
    expect(r.code).toBe(rec.exit);
  });
});

type Case = [title: string, script: string, stdout: string, stderr: string, exit: number];

const DENIED = 'Could not fetch rule set generation id: Permission denied (you must be root)\n';

const cases: Case[] = [
  ['-V', 'iptables -V', 'iptables v1.8.9 (nf_tables)\n', '', 0],
  ['the program name comes from the link', 'iptables-nft -V; ip6tables-save -V; /usr/sbin/iptables-restore -V', 'iptables v1.8.9 (nf_tables)\nip6tables-save v1.8.9 (nf_tables)\niptables-restore v1.8.9 (nf_tables)\n', '', 0],
  ['the links point at xtables-nft-multi', 'readlink /usr/sbin/iptables /usr/sbin/ip6tables-restore', 'xtables-nft-multi\nxtables-nft-multi\n', '', 0],
  ['the subcommand may come first', `${RESET}\nxtables-nft-multi iptables -S INPUT`, '-P INPUT ACCEPT\n', '', 0],
  ['an unknown name', 'xtables-nft-multi frob', '', 'ERROR: No valid subcommand given.\nValid subcommands:\n', 1],
  ['non-root cannot read', "su -s /bin/bash nobody -c '/usr/sbin/iptables -L'", '', `iptables v1.8.9 (nf_tables): ${DENIED}`, 4],
  ['non-root cannot save', "su -s /bin/bash nobody -c '/usr/sbin/iptables-save'", '', `iptables-save v1.8.9 (nf_tables): ${DENIED}`, 4],
  ['non-root parse errors come first', "su -s /bin/bash nobody -c '/usr/sbin/iptables -t foo -L'", '', "iptables v1.8.9 (nf_tables): table 'foo' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n", 3],
  // iptables 1.8.9 reads a directory as empty input (fgets fails): nothing restored, status 0 (found by fuzzing)
  ['restoring from a directory changes nothing', 'iptables -A INPUT -p tcp --dport 22 -j ACCEPT; iptables-restore /tmp; echo rc=$?; iptables-restore --test /; echo rc=$?; iptables -S INPUT | tail -1', 'rc=0\nrc=0\n-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT\n', '', 0],
  ['-h starts with the version and usage', 'iptables -h | head -3', 'iptables v1.8.9 (nf_tables)\n\nUsage: iptables -[ACD] chain rule-specification [options]\n', '', 0],
];

describe('iptables commands', () => {
  for (const [title, script, stdout, stderr, exit] of cases) {
    it(title, async () => {
      const r = await runScript(script);
      expect(r.stdout).toBe(stdout);
      if (stderr.endsWith('\n') && title !== 'an unknown name') expect(r.stderr).toBe(stderr);
      else expect(r.stderr.startsWith(stderr)).toBe(true);
      expect(r.code).toBe(exit);
    });
  }
});
