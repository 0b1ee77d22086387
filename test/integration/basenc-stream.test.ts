// base64, base32 and basenc stream as basenc.c does: an endless input is encoded a block at a
// time (it used to be read whole, and /dev/zero ran the machine out of memory), the wrap size
// is checked before the operands, and z85 refuses a short last block after the whole ones.
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/kernel/machine';
import { runScript } from './machine-helpers';

describe('base64, base32 and basenc', () => {
  it('encode an endless input as it comes', async () => {
    const r = await runScript("base32 /dev/zero | head -c 20; echo \" ${PIPESTATUS[0]}\"; base64 -w 0 /dev/zero | head -c 8; echo", new Machine({ clock: 'skip' }));
    expect(r.stdout).toBe('AAAAAAAAAAAAAAAAAAAA 141\nAAAAAAAA\n');
    expect(r.stderr).toBe('');
  });

  it('check the wrap size before the operands, and keep whole z85 blocks before the error', async () => {
    const r = await runScript('base64 -w x a b; echo "rc=$?"; head -c 30722 /dev/zero | basenc --z85 | wc -c', new Machine({ clock: 'skip' }));
    expect(r.stdout).toBe('rc=1\n38905\n');
    expect(r.stderr).toBe("base64: invalid wrap size: 'x'\nbasenc: invalid input (length must be multiple of 4 characters)\n");
  });
});

describe('tools that hold their whole input', () => {
  it('are charged for it: an endless input meets the OOM killer, and the machine goes on', async () => {
    const m = new Machine({ clock: 'skip' });
    const r = await runScript('for c in tsort shuf rev column; do $c /dev/zero | head -c 1; echo "$c ${PIPESTATUS[0]}"; done; echo alive', m);
    expect(r.stdout).toBe('tsort 137\nshuf 137\nrev 137\ncolumn 137\nalive\n');
  });
});
