// Patterns on which JavaScript's backtracking RegExp runs for ages ((a*)*c on a long run of
// a's) must not hold the machine: pgrep, killall, sysctl -r, diff -I, and less's and more's
// searches run them on the linear engine (lib/safe-regex.ts). Each case would not finish
// within the test's time limit on RegExp.
import { describe, expect, it } from 'vitest';
import { matchMarks, type Row } from '../../../src/programs/pagers/less/render';
import { SafeRegExp } from '../../../src/programs/lib/safe-regex';
import { gnuRegexSource } from '../../../src/programs/lib/gnu-regex';
import { newMachine, sh } from './helpers';

const RUN = 'a'.repeat(40);

describe('regular expressions that would backtrack for ages', () => {
  it('pgrep -f and killall -r match command lines on the linear engine', async () => {
    const m = newMachine();
    // (`; :` keeps bash -c from exec'ing sleep, so its own command line stays to be matched)
    const r = await sh(m, `bash -c 'sleep 100; :' ${RUN} & until pgrep -x sleep >/dev/null; do :; done; pgrep -f '(a*)*c$'; echo rc=$?; pgrep -f '^bash -c sleep 100; : (a*)*$' >/dev/null; echo rc=$?; killall -r '(a*)*c$'; echo rc=$?`);
    expect(r.stdout).toBe('rc=1\nrc=0\nrc=1\n');
  });

  it('diff -I filters with such a pattern, and sysctl -r filters keys', async () => {
    const m = newMachine();
    const r = await sh(m, `printf 'x\\n${RUN}\\ny\\n' > /tmp/a; printf 'x\\n${RUN}a\\ny\\n' > /tmp/b; diff -I '^\\(a*\\)*$' /tmp/a /tmp/b; echo rc=$?; diff -I '^\\(a*\\)*c$' /tmp/a /tmp/b >/dev/null; echo rc=$?; sysctl -a -r '^kernel\\.(o|h)stype$'; sysctl -a -r '^(a*)*q$'; echo rc=$?`);
    expect(r.stdout).toBe('rc=0\nrc=1\nkernel.ostype = Linux\nrc=0\n');
  });

  it("less's highlighting marks the longest matches", () => {
    const cells = [...`${RUN}b ${RUN}`].map((ch) => ({ ch }));
    const rows = [{ cells }] as unknown as Row[];
    expect(matchMarks(rows, new SafeRegExp(gnuRegexSource('(a*)*c', 'extended')))).toBeUndefined();
    const marks = matchMarks(rows, new SafeRegExp(gnuRegexSource('(a*)*b', 'extended')))!;
    expect(marks[0]!.filter(Boolean).length).toBe(RUN.length + 1);
  });
});
