// A restored machine has the kernel modules it had when saved: the ones loaded since the boot
// come back (in their order, with their users), boot modules removed stay removed, and the
// switches br_netfilter brings are there again.
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/kernel/machine';
import { decodeSnapshot, encodeSnapshot } from '../../src/kernel/snapshot/codec';
import { captureMachine, restoreSource } from '../../src/kernel/snapshot/machine-io';
import { runScript } from './machine-helpers';

describe('a saved machine with modules loaded and removed', () => {
  it('comes back with the same /proc/modules', async () => {
    const m = new Machine({ clock: 'skip' });
    const setup = await runScript('modprobe br_netfilter && modprobe overlay && rmmod vmw_balloon', m);
    expect(setup).toEqual({ stdout: '', stderr: '', code: 0 });
    const view = 'cut -d" " -f1-4 /proc/modules; sysctl -n net.bridge.bridge-nf-call-iptables';
    const before = await runScript(view, m);
    expect(before.stdout).toMatch(/^overlay 151552 0 -\nbr_netfilter 32768 0 -\nbridge 307200 1 br_netfilter,\n/);
    expect(before.stdout).not.toContain('vmw_balloon');
    const snap = await decodeSnapshot(await encodeSnapshot(captureMachine(m)));
    const r = new Machine({ clock: 'skip', restore: restoreSource(snap) });
    await r.booted;
    await r.restored;
    expect(await runScript(view, r)).toEqual(before);
  });
});
