// Inode attribute flags (chattr/lsattr): an immutable or append-only file is held to it by the
// kernel for every program, and the flags and a set generation survive a saved machine.
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/kernel/machine';
import { captureMachine, restoreSource } from '../../src/kernel/snapshot/machine-io';
import { decodeSnapshot, encodeSnapshot } from '../../src/kernel/snapshot/codec';
import { runScript } from './machine-helpers';

describe('file attribute flags', () => {
  it('hold an immutable file against writes through a descriptor opened before, and truncation', async () => {
    const m = new Machine({ clock: 'skip', services: false });
    const r = await runScript('cd /root; echo a > f; exec 3>>f; chattr +i f; /bin/echo b >&3; echo "write: $?"; exec 3>&-; cat f; truncate -s 0 f; echo "truncate: $?"', m);
    expect(r.stdout).toBe('write: 1\na\ntruncate: 1\n');
    expect(r.stderr).toBe("/bin/echo: write error: Operation not permitted\ntruncate: cannot open 'f' for writing: Operation not permitted\n");
  });

  it('keeps tmpfs to the four flags it supports', async () => {
    const m = new Machine({ clock: 'skip', services: false });
    const r = await runScript('touch /tmp/t; chattr +iadA /tmp/t; lsattr /tmp/t; chattr +e /tmp/t; echo "e: $?"; lsattr -v /tmp/t; echo "v: $?"', m);
    expect(r.stdout).toBe('----iadA-------------- /tmp/t\ne: 1\nv: 1\n');
    expect(r.stderr).toBe('chattr: Operation not supported while setting flags on /tmp/t\nlsattr: Inappropriate ioctl for device While reading version on /tmp/t\n');
  });

  it('come back with a saved machine', async () => {
    const m = new Machine({ clock: 'skip', services: false });
    const setup = await runScript('cd /root; echo keep > f; mkdir d; chattr +i f; chattr +a d; chattr -v 4242 f; lsattr f; lsattr -d d', m);
    expect(setup.stdout).toBe('----i---------e------- f\n-----a--------e------- d\n');
    const snap = await decodeSnapshot(await encodeSnapshot(captureMachine(m)));
    const r = new Machine({ clock: 'skip', services: false, restore: restoreSource(snap) });
    await r.booted;
    const after = await runScript('cd /root; lsattr -v f; lsattr -d d; rm -f f; echo "rm: $?"; touch d/new; echo "create: $?"; rm d/new; echo "remove: $?"', r);
    expect(after.stdout).toBe('4242       ----i---------e------- f\n-----a--------e------- d\nrm: 1\ncreate: 0\nremove: 1\n');
  });
});
