// util-linux programs added in util-linux-more/: what the recorded conformance cases cannot
// show (a terminal, other logins, locks held by background processes, the clock).
import { beforeAll, describe, expect, it } from 'vitest';
import { ConsoleSession } from '../../integration/machine-helpers';
import { newMachine, sh } from './helpers';

describe('on a terminal', () => {
  let session: ConsoleSession;
  const type = async (command: string): Promise<string> => (await session.command(command));

  beforeAll(async () => {
    session = new ConsoleSession({ cols: 80 });
    await session.waitForPrompts(1);
  });

  it('cal shows today in reverse video, and not when piped', async () => {
    const day = (await type('date +%-d')).trim();
    const shown = await type('cal');
    expect(shown).toContain(`\x1b[7m${day.padStart(2)}\x1b[27m`);
    expect(await type('cal | cat')).not.toContain('\x1b[7m');
  });

  it('wall writes its banner and message to the logged-in terminal', async () => {
    const out = await type('wall lunch is ready');
    expect(out).toMatch(/Broadcast message from root@\S+ \(tty1\) \(\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\):/);
    expect(out).toContain('lunch is ready');
  });
});

describe('locks between processes', () => {
  it('flock -n fails while a background command holds the lock, and succeeds after', async () => {
    const m = newMachine();
    const r = await sh(m, 'flock lk sleep 3 & sleep 1; flock -n lk echo got; echo "busy=$?"; wait; flock -n lk echo got; echo "free=$?"');
    expect(r.stdout).toBe('busy=1\ngot\nfree=0\n');
  });

  it('flock -w waits for the holder to finish', async () => {
    const m = newMachine();
    const r = await sh(m, 'flock lk sleep 2 & sleep 1; flock -w 5 lk echo waited; echo "rc=$?"');
    expect(r.stdout).toBe('waited\nrc=0\n');
  });

  it('a lock on a descriptor lasts as long as the subshell that holds it', async () => {
    const m = newMachine();
    const r = await sh(m, '( flock 9; sleep 2 ) 9>lk & sleep 1; flock -n lk true; echo "held=$?"; wait; flock -n lk true; echo "after=$?"');
    expect(r.stdout).toBe('held=1\nafter=0\n');
  });
});

describe('flock(2) in the kernel', () => {
  it('a lock belongs to the open file: closing the shell\'s descriptor frees it, flock -u too, shared locks share', async () => {
    const r = await sh(newMachine(), 'exec 9>lk; flock 9; flock -n lk true; echo "held=$?"; exec 9>&-; flock -n lk true; echo "free=$?"; exec 8>lk; flock -s 8; flock -ns lk true; echo "shared=$?"; flock -nx lk true; echo "excl=$?"; flock -u 8; flock -nx lk true; echo "after-u=$?"');
    expect(r.stdout).toBe('held=1\nfree=0\nshared=0\nexcl=1\nafter-u=0\n');
  });
});

describe('uuidgen and mcookie use the machine random source', () => {
  it('prints different random values each time, and the same name-based UUID', async () => {
    const m = newMachine();
    const r = await sh(m, 'uuidgen; uuidgen; mcookie; mcookie; uuidgen -s -n @dns -N example.com');
    const lines = r.stdout.trim().split('\n');
    expect(new Set(lines.slice(0, 2)).size).toBe(2);
    expect(new Set(lines.slice(2, 4)).size).toBe(2);
    expect(lines[4]).toBe('cfbff0d1-9375-5685-968c-48ce8b15ae17');
  });
});

describe('namespaces the simulated kernel does not have', () => {
  it('unshare refuses a namespace as a kernel without them does; nsenter finds no namespace files', async () => {
    const m = newMachine();
    const r = await sh(m, 'unshare -n true; echo "rc=$?"; nsenter -t 1 -n true; echo "rc=$?"; nsenter -a -t 1 echo entered-none');
    expect(r.stdout).toBe('rc=1\nrc=1\nentered-none\n');
    expect(r.stderr).toBe('unshare: unshare failed: Invalid argument\nnsenter: cannot open /proc/1/ns/net: No such file or directory\n');
  });
});

describe('ul and colcrt on an endless input', () => {
  it('charge what they read to the process: under ulimit -v the read ends, and the machine goes on', async () => {
    const m = newMachine();
    const r = await sh(m, 'ulimit -v 8192; colcrt /dev/zero | wc -l; echo "colcrt ${PIPESTATUS[0]}"; ul /dev/zero | wc -l; echo "ul ${PIPESTATUS[0]}"');
    expect(r.stdout).toMatch(/^\d+\ncolcrt 0\n\d+\nul 0\n$/);
    expect((await sh(m, 'echo still here')).stdout).toBe('still here\n');
  });
});
