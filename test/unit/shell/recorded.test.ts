// Shell cases recorded from the real bash 5.2 on the host (fixtures/*.json, re-recorded with
// `node test/fixtures/programs/record.mjs test/unit/shell/fixtures/FILE.json`), replayed on
// a fresh machine: stdout, stderr and the status must match byte for byte.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newMachine, sh, type FileSpec } from '../programs/helpers';

interface Case {
  id: string;
  title: string;
  files?: Record<string, FileSpec>;
  script: string;
  stdout: string;
  stderr: string;
  exit: number;
}

const dir = join(__dirname, 'fixtures');

for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const cases = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Case[];
  describe(`shell ${file.replace(/\.json$/, '')}`, () => {
    it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
      const r = await sh(newMachine(c.files), c.script);
      expect({ stdout: r.stdout, stderr: r.stderr, exit: r.exit }).toEqual({ stdout: c.stdout, stderr: c.stderr, exit: c.exit });
    });
  });
}
