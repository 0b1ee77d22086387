// Cases recorded from the real bash 5.2, coreutils 9.1 and friends (copied from the shared
// conformance set into test/fixtures/conformance), replayed on a fresh machine with the same
// prelude the shared runner uses. Every case must match stdout byte for byte and the status.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileIntoMachine } from '../../src/cli/copy-in';
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
        writeFileIntoMachine(machine, file, new TextEncoder().encode(`${PRELUDE}\n${c.script}`));
        const code = await machine.run(['/bin/bash', file], { stdout: (b) => out.push(b), stderr: (b) => err.push(b) });
        const stdout = Buffer.concat(out).toString('utf8');
        const stderr = Buffer.concat(err).toString('utf8');
        expect(stdout).toBe(c.stdout);
        expect(code).toBe(c.exit);
        if (c.stderr_contains) expect(stderr).toContain(c.stderr_contains);
      });
    }
  });
}
