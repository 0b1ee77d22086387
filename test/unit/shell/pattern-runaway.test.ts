// Extglob patterns that repeat a group with choices in it (`*(a*)c`, `+(a|aa)b`) would make
// RegExp backtrack for ages on a long word (real bash takes ages too, but there Ctrl-C stops
// it; nothing stops RegExp). They run on the linear engine: each case below would not end
// within the test's time limit on RegExp.
import { describe, expect, it } from 'vitest';
import { newMachine, sh } from '../programs/helpers';

const A = 'a'.repeat(40);

describe('extglob patterns that would backtrack for ages', () => {
  it('match in [[ ]], case, ${x//} and ${x%%}, with the answers bash gives on short words', async () => {
    const m = newMachine();
    const r = await sh(
      m,
      [
        'shopt -s extglob',
        `[[ ${A} == *(a*)c ]]; echo rc=$?`,
        `[[ ${A} == +(a|aa)b ]]; echo rc=$?`,
        `[[ ${A} == *(a*) ]]; echo rc=$?`,
        `x=${A}; echo "\${x//+(a|aa)/X}" "\${x%%+(a)}." "\${#x}"`,
        `case ${A} in *(a*)c) echo no;; +(a)) echo yes;; esac`,
      ].join('\n'),
    );
    expect(r.stdout).toBe('rc=1\nrc=1\nrc=0\nX . 40\nyes\n');
  });
});
