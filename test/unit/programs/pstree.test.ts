// pstree (psmisc 23.6) over the machine's own processes: the tree's drawing, the folding of
// identical children, -p/-c/-a/-u/-s/-n, the cut at COLUMNS, and its errors.
import { describe, expect, it } from 'vitest';
import { newMachine, sh } from './helpers';

describe('pstree', () => {
  it('draws a shell and its children, folding identical ones and sorting by name', async () => {
    const r = await sh(newMachine(), 'sleep 50 & sleep 50 & (sleep 50; :) & sleep 0.1; pstree $$; pstree -c $$; kill %1 %2 %3');
    expect(r).toEqual({
      stdout: 'bash-+-bash---sleep\n     |-pstree\n     `-2*[sleep]\nbash-+-bash---sleep\n     |-pstree\n     |-sleep\n     `-sleep\n',
      stderr: '',
      exit: 0,
    });
  });

  it('shows PIDs (unfolded) in PID order with -np, and arguments with -a', async () => {
    const r = await sh(newMachine(), 'sleep 50 & sleep 51 & sleep 0.1; pstree -np $$; pstree -a $$; kill %1 %2');
    const [first, second, third] = r.stdout.split('\n');
    expect(first).toMatch(/^bash\(\d+\)-\+-sleep\(\d+\)$/);
    // the branches line up under the -+- that follows bash(PID)
    const indent = ' '.repeat(first!.indexOf('-+-') + 1);
    expect(second).toMatch(new RegExp(`^${indent}\\|-sleep\\(\\d+\\)$`));
    expect(third).toMatch(new RegExp(`^${indent}\`-pstree\\(\\d+\\)$`));
    // (a newline in an argument shows as \012)
    expect(r.stdout.split('\n').slice(3).join('\n')).toMatch(/^bash -c umask 022\\012sleep 50 & sleep 51 & sleep 0\.1; pstree -np \$\$; pstree -a \$\$; kill %1 %2\n {2}\|-pstree -a \d+\n {2}\|-sleep 50\n {2}`-sleep 51\n$/);
  });

  it('shows the ancestors with -s, a user change with -u, and cuts lines at COLUMNS with +', async () => {
    const r = await sh(newMachine(), 'pstree -s $$; su -s /bin/bash nobody -c "sleep 50" & sleep 0.2; pstree -u $$ | grep -c "(nobody)"; COLUMNS=12 pstree -c $$; kill %1');
    expect(r.stdout).toMatch(/^systemd---bash---pstree\n|^\?---bash---pstree\n/);
    expect(r.stdout).toContain('\n1\n');
    expect(r.stdout).toMatch(/\nbash-\+-pstr\+\n/);
  });

  it('answers bad arguments as psmisc does', async () => {
    const r = await sh(newMachine(), 'pstree 999999; echo "rc=$?"; pstree nosuchuser; echo "rc=$?"; pstree -s 999999; echo "rc=$?"; pstree -q 2>&1 | head -2; pstree 1 2 2>/dev/null; echo "rc=$?"; pstree -V 2>&1 | head -1');
    expect(r.stdout).toBe("rc=0\nrc=1\nrc=1\npstree: invalid option -- 'q'\nUsage: pstree [-acglpsStTuZ] [ -h | -H PID ] [ -n | -N type ]\nrc=1\npstree (PSmisc) 23.6\n");
    expect(r.stderr).toBe('No such user name: nosuchuser\nProcess 999999 not found.\n');
  });
});
