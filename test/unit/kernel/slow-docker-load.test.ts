// docker's engine is code the machine loads the first time dockerd asks for it. On a busy
// machine that fetch is slow; the skipping clock must hold still meanwhile, or it can jump over
// docker.service's start timeout and the stop and start that follow go wrong.
import { describe, expect, it, vi } from 'vitest';
import { Machine } from '../../../src/kernel/machine';
import { runScript } from '../../integration/machine-helpers';

const probe = vi.hoisted(() => ({ machine: undefined as { kernel: { clock: { busy: number } } } | undefined, busyWhileLoading: [] as number[] }));

vi.mock('../../../src/kernel/docker-start', async (importOriginal) => {
  // a fetch that takes real time, as on a loaded CI machine; the clock is looked at meanwhile
  await new Promise((resolve) => setTimeout(resolve, 150));
  probe.busyWhileLoading.push(probe.machine?.kernel.clock.busy ?? -1);
  await new Promise((resolve) => setTimeout(resolve, 150));
  return importOriginal();
});

describe('a slow load of docker engine code', () => {
  it('holds the skipping clock; docker starts, stops and starts again', async () => {
    const machine = new Machine({ clock: 'skip' });
    probe.machine = machine;
    const r = await runScript(
      'sleep 1; systemctl start docker; echo rc=$?; systemctl -q stop docker; systemctl start docker; echo rc=$?; systemctl -q stop docker\n' +
        "journalctl -u docker --no-pager -o cat | grep -c 'timed out'; systemctl show -p Result docker",
      machine,
    );
    expect(probe.busyWhileLoading.length).toBe(1);
    expect(probe.busyWhileLoading[0]).toBeGreaterThan(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('rc=0\nrc=0\n0\nResult=success\n');
  });
});
