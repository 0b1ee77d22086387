// iconv reads its input a chunk at a time: a character cut between two reads, a byte-order mark
// arriving alone, and //IGNORE's end position across reads all come out as with one read.
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/kernel/machine';
import { runScript } from './machine-helpers';

describe('iconv across reads', () => {
  it('joins a character split between two writes to a pipe', async () => {
    const m = new Machine({ clock: 'skip', services: false });
    const r = await runScript(
      [
        '{ printf "\\xc3"; sleep 0.1; printf "\\xa9\\n"; } | iconv -f utf8 -t latin1 | od -An -tx1',
        '{ printf "\\xff\\xfe"; sleep 0.1; printf "h\\0"; } | iconv -f utf-16 -t utf8; echo',
        '{ printf "a\\xff"; sleep 0.1; printf "bcd"; } | iconv -f utf8 -t ascii//IGNORE; echo " $?"',
        'head -c 200000 /dev/zero | tr "\\0" "\\351" | iconv -f latin1 -t utf8 | wc -c',
      ].join('\n'),
      m,
    );
    expect(r.stdout).toBe(' e9 0a\nh\nabcd 1\n400000\n');
    expect(r.stderr).toBe('iconv: illegal input sequence at position 5\n');
  });
});
