// journalctl --facility= (alternatives of SYSLOG_FACILITY, ANDed with the other matches) and
// -o short-delta (time since boot, then the time since the entry shown before; blank for the first).
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/kernel/machine';
import { runScript } from './machine-helpers';

describe('journalctl --facility and short-delta', () => {
  it('keeps the entries of the named facilities only', async () => {
    const m = new Machine({ clock: 'skip' });
    const r = await runScript(
      [
        'logger -p local3.info one; logger -p mail.err two; logger -p local3.warning three',
        'q() { journalctl --no-pager -o cat "$@" | grep -E "^(one|two|three)$" | tr "\\n" " "; echo; }',
        'q --facility=local3',
        'q --facility=mail,19',
        'q --facility=mail --facility=local3 MESSAGE=three',
        'q --facility=kern',
      ].join('\n'),
      m,
    );
    expect(r.stdout).toBe('one three \none two three \nthree \n\n');
  });

  it('short-delta shows the gap to the entry before', async () => {
    const m = new Machine({ clock: 'skip' });
    const r = await runScript('logger -p local3.info one; sleep 2; logger -p local3.info two\njournalctl --no-pager --facility=local3 -o short-delta --no-hostname\n', m);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\[ {0,4}\d+\.\d{6} {16}\] root\[\d+\]: one$/);
    const m2 = /^\[ *(\d+\.\d{6}) < *(\d+)\.(\d{6}) >\] root\[\d+\]: two$/.exec(lines[1]!);
    expect(m2).not.toBeNull();
    expect(Number(m2![2])).toBeGreaterThanOrEqual(2);
  });
});
