// The outputs of the real tdnf 3.5 (test/fixtures/tdnf/recorded, copied from the shared
// reference), replayed on a fresh machine brought to the recordings' start state (see
// test/fixtures/tdnf/start-state.ts). stdout must match byte for byte once the placeholder data
// (sizes, summaries, descriptions) is masked on both sides; exit status and stderr as recorded.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileIntoMachine } from '../../src/cli/copy-in';
import { Machine } from '../../src/kernel/machine';
import { applyRecordedStartState, maskData } from '../fixtures/tdnf/start-state';

interface Case {
  id: string;
  title: string;
  script: string;
  stdout: string;
  stderr_contains?: string;
  exit: number;
}

/** Cases the start state cannot reproduce, and why. */
const NOT_REPLAYED: Readonly<Record<string, string>> = {
  install_enablerepo: "the recording's photon-extras server held placeholder mc/emacs builds; Photon's extras repo here is empty",
  list_extras: "the recording's photon-extras server held placeholder mc/emacs builds; Photon's extras repo here is empty",
  err_history_nonroot: 'runs setpriv, which this machine does not have (tdnf-behaviour.test.ts covers the non-root cases with su)',
  err_install_nonroot: 'runs setpriv, which this machine does not have (tdnf-behaviour.test.ts covers the non-root cases with su)',
  install_nonroot_list_updates: 'runs setpriv, which this machine does not have (tdnf-behaviour.test.ts covers the non-root cases with su)',
  list_nonroot: 'runs setpriv, which this machine does not have (tdnf-behaviour.test.ts covers the non-root cases with su)',
};

const PRELUDE = 'cd /root\nexport HOME=/root LANG=C TZ=UTC PATH=/usr/sbin:/usr/bin:/sbin:/bin\n';
const dir = join(__dirname, '../fixtures/tdnf/recorded');
const cases: Case[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Case);

describe('tdnf: recorded cases', () => {
  for (const c of cases) {
    const skip = NOT_REPLAYED[c.id];
    (skip ? it.skip : it)(`${c.id}: ${c.title}`, async () => {
      const machine = new Machine({ clock: 'skip' });
      applyRecordedStartState(machine);
      const out: Uint8Array[] = [];
      const err: Uint8Array[] = [];
      writeFileIntoMachine(machine, '/tmp/case.sh', new TextEncoder().encode(PRELUDE + c.script));
      const code = await machine.run(['/bin/bash', '/tmp/case.sh'], { stdout: (b) => out.push(b), stderr: (b) => err.push(b) });
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      expect(maskData(stdout)).toBe(maskData(c.stdout));
      expect(code).toBe(c.exit);
      if (c.stderr_contains) expect(stderr).toContain(c.stderr_contains);
    }, 60_000);
  }
});
