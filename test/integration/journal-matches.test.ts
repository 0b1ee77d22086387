// journalctl's FIELD=VALUE matches as sd-journal combines them: two values of one field are
// alternatives, different fields must both match, and "+" joins groups of which any may match.
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/kernel/machine';
import { runScript } from './machine-helpers';

describe('journalctl matches', () => {
  it('ORs values of one field, ANDs fields, and ORs groups split by +', async () => {
    const m = new Machine({ clock: 'skip' });
    const r = await runScript(
      [
        'logger -t alpha one; logger -t beta two; logger -t alpha three',
        'q() { journalctl --no-pager -o cat "$@" | grep -E "^(one|two|three)$" | tr "\\n" " "; echo; }',
        'q SYSLOG_IDENTIFIER=alpha',
        'q SYSLOG_IDENTIFIER=alpha SYSLOG_IDENTIFIER=beta',
        'q SYSLOG_IDENTIFIER=alpha MESSAGE=three',
        'q SYSLOG_IDENTIFIER=beta MESSAGE=three',
        'q SYSLOG_IDENTIFIER=beta + MESSAGE=three',
      ].join('\n'),
      m,
    );
    expect(r.stdout).toBe('one three \none two three \nthree \n\ntwo three \n');
  });
});
