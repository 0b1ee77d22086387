// The console as a learner meets it: boot log, Photon's prompt, typing, Ctrl-C.
import { describe, expect, it } from 'vitest';
import { ConsoleSession } from './machine-helpers';

const PROMPT = '\x1b[1;31mroot@photon-machine [ \x1b[0m~\x1b[1;31m ]# \x1b[0m';

describe('console', () => {
  it('boots to Photon\'s red root prompt after a short boot log', async () => {
    const s = new ConsoleSession();
    await s.waitFor(PROMPT);
    expect(s.output).toContain('Welcome to Photon 5.0 (x86_64) - Kernel 6.1.138-1.ph5-esx (tty1)');
    expect(s.output.endsWith(PROMPT)).toBe(true);
  });

  it('echoes keys and runs a command line', async () => {
    const s = new ConsoleSession();
    await s.waitForPrompts(1);
    s.type('echo hello $((6*7))\r');
    await s.waitForPrompts(2);
    expect(s.output).toContain('echo hello $((6*7))\r\nhello 42\r\n');
  });

  it('interrupts a busy shell loop with Ctrl-C and returns to the prompt with status 130', async () => {
    const s = new ConsoleSession();
    await s.waitForPrompts(1);
    s.type('while true; do :; done\r');
    await s.waitFor('done\r\n');
    s.type('\x03');
    await s.waitForPrompts(2);
    expect(s.output).toMatch(/done\r\n\^C\r\n/);
    s.type('echo $?\r');
    await s.waitFor('130\r\n');
  });

  it('abandons the line when Ctrl-C ends a pipeline whose last stage had exited, as bash does', async () => {
    const s = new ConsoleSession();
    await s.waitForPrompts(1);
    s.type('sleep 30 | true; echo not-reached\r');
    // (bash looks at every process of the job: the first one a signal ended, here sleep)
    const t0 = Date.now();
    const sleeping = (): boolean => [...s.machine.kernel.procs.values()].some((p) => p.comm === 'sleep' && p.state !== 'zombie');
    const trueGone = (): boolean => ![...s.machine.kernel.procs.values()].some((p) => p.comm === 'true' && p.state !== 'zombie');
    while (!(sleeping() && trueGone())) {
      if (Date.now() - t0 > 15_000) throw new Error('the pipeline did not start');
      await new Promise((r) => setTimeout(r, 5));
    }
    s.type('\x03');
    await s.waitForPrompts(2);
    expect(s.output).toMatch(/not-reached\r\n\^C\r\n/);
    s.type('echo $?\r');
    await s.waitFor('130\r\n');
    expect(s.output).not.toMatch(/^not-reached/m);
  });

  it('interrupts a pipeline of programs streaming from /dev/zero', async () => {
    const s = new ConsoleSession();
    await s.waitForPrompts(1);
    s.type('cat /dev/zero | cat > /dev/null\r');
    await s.waitFor('null\r\n');
    s.type('\x03');
    await s.waitForPrompts(2);
    s.type('echo back $?\r');
    await s.waitFor('back 130\r\n');
    expect(s.output).not.toContain('command not found');
  });

  it('edits the line: backspace, left arrow insert, history recall with up', async () => {
    const s = new ConsoleSession();
    await s.waitForPrompts(1);
    s.type('echo abx\x7fc\r');
    await s.waitForPrompts(2);
    expect(s.output).toContain('\r\nabc\r\n');
    let mark = s.output.length;
    s.type('echo ac\x1b[Db\r');
    await s.waitForPrompts(3);
    expect(s.output.slice(mark)).toContain('\r\nabc\r\n');
    mark = s.output.length;
    s.type('\x1b[A\r');
    await s.waitForPrompts(4);
    expect(s.output.slice(mark)).toContain('echo abc');
    expect(s.output.slice(mark)).toContain('\r\nabc\r\n');
  });

  it('lists the history in a pipeline and a subshell as bash does (the subshell has a copy)', async () => {
    const s = new ConsoleSession();
    await s.waitForPrompts(1);
    s.type('echo one\r');
    await s.waitForPrompts(2);
    const mark = s.output.length;
    s.type('history | tail -2\r');
    await s.waitForPrompts(3);
    expect(s.output.slice(mark)).toContain('\r\n    1  echo one\r\n    2  history | tail -2\r\n');
    const mark2 = s.output.length;
    s.type('(history -c); history 1\r');
    await s.waitForPrompts(4);
    expect(s.output.slice(mark2)).toContain('\r\n    3  (history -c); history 1\r\n');
  });

  it('answers an unknown command with bash\'s message and status 127', async () => {
    const s = new ConsoleSession();
    await s.waitForPrompts(1);
    s.type('nosuchcmd; echo "rc=$?"\r');
    await s.waitFor('rc=127');
    expect(s.output).toContain('-bash: nosuchcmd: command not found\r\n');
  });

  it('tells the foreground program about a new window size', async () => {
    const s = new ConsoleSession();
    await s.waitForPrompts(1);
    s.machine.resize({ cols: 120, rows: 40 });
    expect(s.machine.console.winsize).toEqual({ cols: 120, rows: 40 });
  });

  it('keeps keys typed while a command runs, and names itself -bash in the subshells it forks', async () => {
    const s = new ConsoleSession();
    await s.waitForPrompts(1);
    s.type('nosuchcmd; nosuchcmd | head -1; (nosuchcmd); sleep 1\r');
    s.type('echo typed-ahead\r');
    const at = await s.waitFor('typed-ahead\r\n');
    expect(s.output.slice(0, at)).toContain('-bash: nosuchcmd: command not found\r\n-bash: nosuchcmd: command not found\r\n-bash: nosuchcmd: command not found\r\n');
    expect(s.output).not.toContain('line 1: nosuchcmd');
  });
});

describe('a console login without a home directory', () => {
  it('starts in / when /root is gone, as login does', async () => {
    const s = new ConsoleSession();
    await s.waitForPrompts(1);
    const from = s.output.length;
    s.type('rm -rf /root; exit\r');
    // login (shadow's setup_env, DEFAULT_HOME yes in login.defs) says so and sets HOME=/
    await s.waitFor('login: root (automatic login)\r\n\r\nNo directory, logging in with HOME=/\r\n', from, 15_000);
    await s.waitForPrompts(2);
    // bash abbreviates to ~ only a HOME longer than "/": the prompt shows the directory
    await s.waitFor('[ \x1b[0m/\x1b[1;31m ]# ', from);
    const at = s.output.length;
    s.type('pwd; echo "home=$HOME"\r');
    await s.waitFor(/\r\n\/\r\nhome=\/\r\n/, at);
  });
});
