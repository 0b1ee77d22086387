// bash -i without a terminal, startup files that fail under set -u, and the job table of a
// shell without job control (bash -c, scripts). Expected output is what bash 5.2 prints
// (checked against the real bash; process ids are replaced by PID).
import { describe, expect, it } from 'vitest';
import { newMachine, run, type Result } from '../programs/helpers';

const bash = (script: string): Promise<Result> => run(newMachine(), ['bash', '-c', script]);
/** Process ids in bash's messages and listings as PID. */
const pids = (s: string): string =>
  s
    .replace(/\((\d+)\)/g, '(PID)')
    .replace(/^\[(\d+)\] \d+$/gm, '[$1] PID')
    .replace(/^(\[\d+\][-+ ]) +\d+ /gm, '$1 PID ')
    .replace(/: +\d+ (Killed|Terminated)/g, ': PID $1');

describe('bash -i without a terminal', () => {
  it('says it has no job control, prompts on stderr and exits at end of input', async () => {
    const r = await bash(`echo $$ >&2; PS1='P\\$ ' bash --norc -i </dev/null; echo rc=$?`);
    const outer = r.stderr.split('\n')[0];
    expect(r.stdout).toBe('rc=0\n');
    // the group it went back to is its parent's (-1 when it leads its own)
    expect(r.stderr).toBe(`${outer}\nbash: cannot set terminal process group (${outer}): Inappropriate ioctl for device\nbash: no job control in this shell\nP# exit\n`);
  });

  it('names -1 when it leads its own process group', async () => {
    const r = await run(newMachine(), ['bash', '--norc', '-i'], [['PS1', 'P\\$ '], ['HOME', '/root']]);
    expect(r).toEqual({ stdout: '', stderr: 'bash: cannot set terminal process group (-1): Inappropriate ioctl for device\nbash: no job control in this shell\nP# exit\n', exit: 0 });
  });

  it('reads commands from a pipe, echoing each after the prompt; no job notices', async () => {
    const input = 'echo hi\\nsleep 0.2 &\\nwait\\necho $?\\nkill %%1\\njobs\\nset -o | grep monitor\\nfg\\nfalse\\nexit 4\\n';
    const r = await bash(`printf '${input}' | PS1='P\\$ ' bash --norc -i 2>&1; echo rc=$?`);
    expect(pids(r.stdout)).toBe([
      'bash: cannot set terminal process group (PID): Inappropriate ioctl for device',
      'bash: no job control in this shell',
      'P# echo hi', 'hi',
      'P# sleep 0.2 &', '[1] PID',
      'P# wait',
      'P# echo $?', '0',
      'P# kill %1', 'bash: kill: %1: no such job',
      'P# jobs',
      'P# set -o | grep monitor', 'monitor        \toff',
      'P# fg', 'bash: fg: no job control',
      'P# false',
      'P# exit 4', 'exit',
      'rc=4', '',
    ].join('\n'));
  });

  it('runs a last line with no newline, and takes a closed stdin for end of input', async () => {
    const r = await bash(`printf 'echo hi' | PS1='P\\$ ' bash --norc -i 2>&1; echo rc=$?; PS1='P\\$ ' bash --norc -i <&- 2>/dev/null; echo rc=$?`);
    expect(pids(r.stdout)).toBe('bash: cannot set terminal process group (PID): Inappropriate ioctl for device\nbash: no job control in this shell\nP# echo hi\nhi\nP# exit\nrc=0\nrc=0\n');
  });
});

describe('set -u in the startup files of an interactive login shell', () => {
  it('abandons the command that failed, goes on with the files and the session', async () => {
    const r = await bash(`printf 'umask\\necho "[$INPUTRC]"\\necho after\\n' | bash -ul -i 2>&1; echo rc=$?`);
    expect(r.stdout).not.toContain('internal error');
    expect(r.stdout).toContain('bash: INPUTRC: unbound variable\n');
    // /etc/profile ran to its end (umask 027 is its last line)
    expect(r.stdout).toMatch(/umask\n0027\n/);
    expect(r.stdout).toMatch(/echo "\[\$INPUTRC\]"\nbash: INPUTRC: unbound variable\n/);
    expect(r.stdout).toMatch(/echo after\nafter\n/);
    // (~/.bash_logout clears the screen)
    expect(r.stdout).toMatch(/logout\n(\x1b\[[0-9;]*[A-Za-z])*rc=0\n$/);
  });

  it('a -c login shell abandons its startup files and runs the command', async () => {
    const r = await bash('bash -lu -c "echo hi"; echo rc=$?');
    expect(r.stdout).toBe('hi\nrc=0\n');
    expect(r.stderr).toContain('INPUTRC: unbound variable');
    expect(r.stderr).not.toContain('internal error');
  });
});

describe('eval, source and trap actions go on after an expansion error', () => {
  const files = `cd /tmp; printf 'echo s1\\necho \${x!!}; echo s1b\\necho s2; echo "st=$?"\\n' > bad.sh; printf 'echo u1\\necho $UNB; echo u1b\\necho u2 "st=$?"\\n' > unb.sh\n`;
  it.each([
    ['. ./bad.sh; echo "after $?"', 's1\ns2\nst=0\nafter 0\n', 0],
    ['set -u; . ./unb.sh; echo "after $?"', 'u1\n', 127],
    ['eval "echo e1; echo \\${x!!}; echo e1b\necho e2 \\$?"; echo "after $?"', 'e1\ne2 1\nafter 0\n', 0],
    ['f() { . ./bad.sh; echo "in f $?"; }; f; echo "after $?"', 's1\ns2\nst=0\nin f 0\nafter 0\n', 0],
    // a subshell's error ends the subshell
    ['( . ./bad.sh; echo x ); echo "after $?"', 's1\nafter 1\n', 0],
    ['echo "[$(eval "echo \\${x!!}; echo b")]"; echo after $?', '[]\nafter 0\n', 0],
    ['trap "echo \\${x!!}\necho t2" EXIT; echo main', 'main\nt2\n', 0],
  ])('%s', async (script, stdout, exit) => {
    const r = await bash(files + script);
    expect({ stdout: r.stdout, exit: r.exit }).toEqual({ stdout, exit });
    expect(r.stderr).toMatch(/(bad substitution|unbound variable)\n$/);
  });

  it('an interactive shell goes on with the rest of a sourced file under set -u', async () => {
    const r = await bash(`${files}printf 'set -u\\n. ./unb.sh; echo "after $?"\\n' | PS1='P\\$ ' bash --norc -i 2>&1`);
    expect(r.stdout).toMatch(/P# \. \.\/unb\.sh; echo "after \$\?"\nu1\nbash: UNB: unbound variable\nu2 st=1\nafter 0\nP# exit\n$/);
  });
});

describe('jobs in a shell without job control (bash -c)', () => {
  it.each([
    ['sleep 5 & kill %1; wait; echo $?', '0\n', ''],
    ['sleep 5 & kill %1; wait %1; echo $?', '143\n', ''],
    ['sleep 5 & kill %1; wait $!; echo $?', '143\n', ''],
    ['(sleep 5; echo hi) & kill %1; wait %1; echo $?; sleep 6', '143\n', ''],
    ['sleep 5 & jobs; jobs -l; jobs -p | grep -c "^$!$"; kill %1; echo k=$?', '[1]+  Running                 sleep 5 &\n[1]+ PID Running                 sleep 5 &\n1\nk=0\n', ''],
    ['sleep 0.1 & sleep 0.3; jobs; echo "j=$?"; wait %1; echo $?', 'j=0\n127\n', 'bash: line 1: wait: %1: no such job\n'],
    ['exit 3 & sleep 0.3; jobs; wait $!; echo $?; wait $!; echo $?', '3\n3\n', ''],
    ['sleep 0.1 & sleep 5 & sleep 0.3; jobs; kill %2; echo k=$?; wait', '[2]+  Running                 sleep 5 &\nk=0\n', ''],
    ['fg; echo $?; bg; echo $?; sleep 5 & fg %1; echo $?; kill %1', '1\n1\n1\n', 'bash: line 1: fg: no job control\nbash: line 1: bg: no job control\nbash: line 1: fg: no job control\n'],
    ['sleep 5 & sleep 6 & jobs %1; jobs %-; jobs %+; jobs %sl; echo $?; jobs %9; echo $?; jobs -r; jobs -s; kill %1 %2',
      '[1]-  Running                 sleep 5 &\n[1]-  Running                 sleep 5 &\n[2]+  Running                 sleep 6 &\n1\n1\n[1]-  Running                 sleep 5 &\n[2]+  Running                 sleep 6 &\n',
      'bash: line 1: jobs: sl: ambiguous job spec\nbash: line 1: jobs: %sl: no such job\nbash: line 1: jobs: %9: no such job\n'],
    ['sleep 5 & sleep 6 & kill %sl; echo $?; kill %?5; echo $?; kill %?e; echo $?; kill %2', '1\n0\n1\n', 'bash: line 1: kill: sl: ambiguous job spec\nbash: line 1: kill: e: ambiguous job spec\n'],
    ['sleep 5 & sleep 6 & wait %sl; echo $?; kill %1 %2', '127\n', 'bash: line 1: wait: sl: ambiguous job spec\n'],
    ['sleep 5 & kill %1; kill %1; echo $?; sleep 0.1; kill %1; echo $?', '0\n1\n', 'bash: line 1: kill: %1: no such job\n'],
    ['sleep 5 & kill -9 %1; sleep 0.1; echo a; jobs; echo b', 'a\nb\n', 'bash: line 1: PID Killed                  sleep 5\n'],
    ['sleep 5 & kill -9 %1; wait %1; echo $?; jobs', '137\n', 'bash: line 1: PID Killed                  sleep 5\n'],
    ['sleep 5 & p=$!; (sleep 0.1; kill -9 $p) & wait; echo after', 'after\n', 'bash: line 1: PID Killed                  sleep 5\n'],
    ['sleep 0.1 & sleep 0.3; kill %1; echo $?; kill $!; echo $?', '1\n1\n', 'bash: line 1: kill: %1: no such job\nbash: line 1: kill: (PID) - No such process\n'],
    ['sleep 5 & x=$(jobs); echo "[$x]"; jobs -p | wc -l; ( jobs; echo sub ); kill %1', '[[1]+  Running                 sleep 5 &]\n1\nsub\n', ''],
    ['sleep 5 & disown; jobs; kill %1; echo $?; kill $!', '1\n', 'bash: line 1: kill: %1: no such job\n'],
  ])('%s', async (script, stdout, stderr) => {
    const r = await bash(script);
    expect({ stdout: pids(r.stdout), stderr: pids(r.stderr), exit: r.exit }).toEqual({ stdout, stderr, exit: 0 });
  });
});
