// Every case in test/fixtures/programs was recorded from GNU bash and coreutils 9.1 (see
// record.mjs there). Each runs on a fresh machine; stdout, stderr and the status must match
// byte for byte.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newMachine, sh, type FileSpec } from './helpers';

interface Case {
  id: string;
  title: string;
  files?: Record<string, FileSpec>;
  script: string;
  stdout: string;
  stderr: string;
  exit: number;
}

const dir = join(__dirname, '../../fixtures/programs');

for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const cases = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Case[];
  describe(file.replace(/\.json$/, ''), () => {
    it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
      const machine = newMachine(c.files);
      const r = await sh(machine, c.script);
      expect({ stdout: r.stdout, stderr: r.stderr, exit: r.exit }).toEqual({ stdout: c.stdout, stderr: c.stderr, exit: c.exit });
    });
  });
}
