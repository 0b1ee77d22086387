// The registry's lazy entries repeat each module's metadata (so the image can be laid out
// without loading the code); this keeps the two from drifting.
import { describe, expect, it } from 'vitest';
import { programs } from '../../src/programs/registry';

describe('program registry', () => {
  it('holds the same name, path, links and mode as each program module', async () => {
    for (const entry of programs.values()) {
      const p = await entry.load();
      expect({ name: p.name, installPath: p.installPath, aliases: p.aliases ?? [], mode: p.mode ?? 0o755 }, entry.name).toEqual({
        name: entry.name,
        installPath: entry.installPath,
        aliases: entry.aliases ?? [],
        mode: entry.mode ?? 0o755,
      });
    }
  });

  it('installs every program under a distinct path', () => {
    const paths = [...programs.values()].flatMap((e) => [e.installPath, ...(e.aliases ?? [])]);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
