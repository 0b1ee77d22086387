// Job notices and interactive shells without a terminal, on a booted machine: what the CLI
// (`npm run sim -- -c ...`) and the console show. Expected output is bash 5.2's.
import { describe, expect, it } from 'vitest';
import { ConsoleSession, runScript } from './machine-helpers';

describe('bash without a terminal (the CLI)', { timeout: 60_000 }, () => {
  it('bash -i </dev/null runs without job control and exits at end of input', async () => {
    const r = await runScript('bash -i </dev/null; echo rc=$?');
    expect(r.stdout).toBe('rc=0\n');
    expect(r.stderr).toMatch(/^bash: cannot set terminal process group \(\d+\): Inappropriate ioctl for device\nbash: no job control in this shell\n.*# .*exit\n$/s);
  });

  it('bash -ul -i </dev/null: an unbound variable in /etc/profile abandons one command', async () => {
    const r = await runScript('bash -ul -i </dev/null; echo rc=$?');
    expect(r.stdout).toMatch(/rc=0\n$/);
    expect(r.stderr).toContain('bash: no job control in this shell\nbash: INPUTRC: unbound variable\n');
    expect(r.stderr).toMatch(/logout\n$/);
    expect(r.stderr).not.toContain('internal error');
  });

  it('kill %1 reaches a background job of bash -c', async () => {
    const r = await runScript("bash -c 'sleep 5 & kill %1; wait %1; echo $?; sleep 5 & jobs'");
    expect(r).toEqual({ stdout: '143\n[1]+  Running                 sleep 5 &\n', stderr: '', code: 0 });
  });
});

describe('job notices on the console (job control)', { timeout: 60_000 }, () => {
  it('lists ended jobs in jobs, and reports a killed one right after the next command', async () => {
    const s = new ConsoleSession();
    await s.waitForPrompts(1);
    s.type('sleep 0.1 & sleep 0.3; jobs; echo x\r');
    await s.waitForPrompts(2);
    expect(s.output).toMatch(/\[1\] \d+\r\n\[1\]\+  Done                    sleep 0\.1\r\nx\r\n/);
    s.type('sleep 5 &\r');
    await s.waitForPrompts(3);
    s.type('kill -9 %1; sleep 0.2; echo y\r');
    await s.waitForPrompts(4);
    expect(s.output).toMatch(/echo y\r\n\[1\]\+  Killed                  sleep 5\r\ny\r\n/);
    s.type('sleep 5 &\r');
    await s.waitForPrompts(5);
    s.type('kill %1; sleep 0.2; jobs; echo z\r');
    await s.waitForPrompts(6);
    expect(s.output).toMatch(/echo z\r\n\[1\]\+  Terminated              sleep 5\r\nz\r\n/);
  });
});
