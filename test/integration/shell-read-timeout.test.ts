// read -t on the machine's virtual clock, and process substitution's /dev/fd paths. Expected
// output is bash 5.2's.
import { describe, expect, it } from 'vitest';
import { ConsoleSession, runScript } from './machine-helpers';

describe('read -t', { timeout: 60_000 }, () => {
  it('times out with 142 after the virtual seconds, keeping what was read', async () => {
    const r = await runScript([
      // printf loads when it first runs; under vitest that takes real time the skipping clock would jump over
      "printf ''",
      's=$(date +%s%N)',
      'read -t 3 x < <(printf part; sleep 10); echo "st=$? x=[$x]"',
      'e=$(date +%s%N); echo "waited=$(( (e - s) / 100000000 ))"',
      'read -t 0.5 a b < <(printf "one two three"; sleep 1); echo "st=$? a=[$a] b=[$b]"',
      'read -t 0.5 -a arr < <(printf "p q"; sleep 1); echo "st=$? n=${#arr[@]}"',
      'read -t 0.5 < <(printf "r1 "; sleep 1); echo "st=$? REPLY=[$REPLY]"',
      'read -t 1 x <<<"in time"; echo "st=$? x=[$x]"',
      'read -t 0.0000001 x < <(sleep 1); echo "tiny st=$?"',
      'TMOUT=0.2; read x < <(sleep 1); echo "TMOUT st=$?"',
    ].join('\n'));
    expect(r.stdout).toBe([
      'st=142 x=[part]',
      'waited=30',
      'st=142 a=[one] b=[two three]',
      'st=142 n=2',
      'st=142 REPLY=[r1 ]',
      'st=0 x=[in time]',
      'tiny st=1',
      'TMOUT st=142',
      '',
    ].join('\n'));
    expect(r.stderr).toBe('');
  });

  it('-t 0 says whether input is waiting, without reading it', async () => {
    const r = await runScript([
      'read -t 0; echo "devnull $?"',
      'read -t 0 < <(sleep 1); echo "empty pipe $?"',
      'echo hi | { sleep 0.1; read -t 0; echo "data $?"; read x; echo "x=$x"; }',
      'true | { sleep 0.1; read -t 0; echo "eof $?"; }',
      'x=old; read -t 0 x <<<"new"; echo "st=$? x=$x"',
      'read -t 0 1x; echo "bad name $?"',
    ].join('\n'));
    expect(r.stdout).toBe('devnull 0\nempty pipe 1\ndata 0\nx=hi\neof 0\nst=0 x=old\nbad name 0\n');
  });

  it('reports bad timeouts, numbers and descriptors in option order', async () => {
    const r = await runScript([
      'read -t -1 x; echo $?', 'read -t 1.5.5 x; echo $?', 'read -t 0x10 x; echo $?',
      'read -n abc x; echo $?', 'read -u abc x; echo $?', 'read -u 7 -t abc x; echo $?', 'read -d; echo $?',
    ].join('\n'));
    expect(r.stdout).toBe('1\n1\n1\n1\n1\n1\n2\n');
    expect(r.stderr.split('\n').filter((l) => !l.startsWith('read: usage')).map((l) => l.replace(/^\/bin\/bash: line \d+: /, ''))).toEqual([
      'read: -1: invalid timeout specification',
      'read: 1.5.5: invalid timeout specification',
      'read: 0x10: invalid timeout specification',
      'read: abc: invalid number',
      'read: abc: invalid file descriptor specification',
      'read: 7: invalid file descriptor: Bad file descriptor',
      'read: -d: option requires an argument',
      '',
    ]);
  });

  it('a trapped signal runs its trap and the read goes on; set -e ends on 142', async () => {
    const r = await runScript([
      // kill loads when it first runs (see printf above)
      'kill -0 $$',
      "trap 'echo got' USR1; (sleep 0.2; kill -USR1 $$) & read x < <(sleep 1; echo late); echo \"st=$? x=$x\"",
      'set -e; read -t 0.1 x < <(sleep 1); echo not reached',
    ].join('\n'));
    expect(r).toEqual({ stdout: 'got\nst=0 x=late\n', stderr: '', code: 142 });
  });

  it('on a terminal: typed input in time is read, silence times out', async () => {
    const s = new ConsoleSession();
    await s.waitForPrompts(1);
    s.type('read -t 0.3 -p "ask> " v; echo "st=$? v=[$v]"\r');
    await s.waitFor('st=142 v=[]');
    await s.waitForPrompts(2);
    s.type('read -t 30 v; echo "st=$? v=[$v]"\r');
    await s.waitFor('read -t 30 v');
    s.type('typed\r');
    await s.waitFor('st=0 v=[typed]');
  });
});

describe('process substitution', { timeout: 60_000 }, () => {
  it('gives /dev/fd paths from 63 down that programs can open and stat', async () => {
    const r = await runScript([
      'echo <(true) <(true) >(true)',
      "diff <(printf 'a\\nb\\n') <(printf 'a\\nc\\n'); echo \"st=$?\"",
      'cmp <(echo a) <(echo b); echo "st=$?"',
      'sort -m <(printf "1\\n3\\n") <(printf "2\\n4\\n") | tr "\\n" " "; echo',
      'test -p <(true) && echo pipe; [[ -e <(true) ]] && echo exists',
      'ls -l <(true) | cut -c1-10',
      'exec 3< <(echo fromexec); cat <&3; exec 3<&-',
    ].join('\n'));
    expect(r.stdout).toBe([
      '/dev/fd/63 /dev/fd/62 /dev/fd/61',
      '2c2', '< b', '---', '> c', 'st=1',
      '/dev/fd/63 /dev/fd/62 differ: char 1, line 1', 'st=1',
      '1 2 3 4 ',
      'pipe', 'exists',
      'lr-x------',
      'fromexec',
      '',
    ].join('\n'));
  });
});
