// A dockerd that ends while the engine's code is still loading: when the engine comes up it must
// not take the dead process for its daemon (its exit came before the engine could see it), or
// every later dockerd is refused as "already running".
import { describe, expect, it, vi } from 'vitest';
import { runScript } from '../integration/machine-helpers';

vi.mock('../../src/kernel/docker-start', async (importOriginal) => {
  // a slow fetch of the engine's code, as on a loaded machine
  await new Promise((resolve) => setTimeout(resolve, 300));
  return importOriginal();
});

describe('dockerd gone before the engine loaded', () => {
  it('is not the daemon: the next dockerd starts', async () => {
    const r = await runScript(
      'sleep 1; /usr/bin/dockerd >/dev/null 2>&1 & sleep 0.05; kill -9 $!; wait\n' +
        'systemctl start docker; echo rc=$?; systemctl is-active docker; docker info --format "{{.ServerVersion}}"',
    );
    expect(r.stderr).toMatch(/^\/bin\/bash: line 1: +\d+ Killed +\/usr\/bin\/dockerd > \/dev\/null 2>&1\n$/);
    expect(r.stdout).toBe('rc=0\nactive\n27.3.1\n');
  });
});
