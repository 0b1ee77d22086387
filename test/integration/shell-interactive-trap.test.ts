// ^C in an interactive shell whose SIGINT is trapped, as bash 5.2 behaves on a terminal
// (recorded through a pty): a foreground job that ^C kills gives status 130 and the command
// line goes on, without running the trap; in a loop the line is abandoned; at the prompt the
// trap runs at once, before the new line.
import { describe, expect, it } from 'vitest';
import { ConsoleSession } from './machine-helpers';

const PROMPT = /\x1b\[1;31mroot@photon-machine \[ \x1b\[0m~\x1b\[1;31m \]# \x1b\[0m/g;

async function session(): Promise<ConsoleSession> {
  const s = new ConsoleSession();
  await s.waitForPrompts(1);
  return s;
}

/** Types a line and waits for its prompt; returns the output it caused, prompts as `$ `. */
async function line(s: ConsoleSession, text: string): Promise<string> {
  const mark = s.output.length;
  const n = s.prompts() + 1;
  s.type(`${text}\r`);
  await s.waitForPrompts(n);
  return s.output.slice(mark).replace(PROMPT, '$ ');
}

/** Types a line that starts `prog`, waits until it owns the terminal, then types ^C. */
async function interrupt(s: ConsoleSession, text: string, prog = 'sleep'): Promise<string> {
  const mark = s.output.length;
  const n = s.prompts() + 1;
  s.type(`${text}\r`);
  const start = Date.now();
  for (;;) {
    const fg = s.machine.console.foreground;
    const p = [...s.machine.kernel.procs.values()].find((q) => q.comm === prog && q.state === 'running');
    if (p && fg === p.pgid) break;
    if (Date.now() - start > 20_000) throw new Error(`${prog} never took the terminal`);
    await new Promise((r) => setTimeout(r, 5));
  }
  s.type('\x03');
  await s.waitForPrompts(n);
  return s.output.slice(mark).replace(PROMPT, '$ ');
}

describe('interactive ^C with SIGINT trapped', () => {
  it('a foreground job killed by ^C: 130, the trap does not run, the line goes on', async () => {
    const s = await session();
    expect(await interrupt(s, 'trap "echo got" INT; sleep 50; echo after $?')).toBe(
      'trap "echo got" INT; sleep 50; echo after $?\r\n^C\r\nafter 130\r\n$ ',
    );
    expect(await interrupt(s, 'sleep 50 || echo or')).toBe('sleep 50 || echo or\r\n^C\r\nor\r\n$ ');
    expect(await interrupt(s, 'f() { sleep 50; echo in f; }; f; echo after')).toBe(
      'f() { sleep 50; echo in f; }; f; echo after\r\n^C\r\nin f\r\nafter\r\n$ ',
    );
  });

  it('in a loop the command line is abandoned with status 130', async () => {
    const s = await session();
    await line(s, 'trap "echo got" INT');
    expect(await interrupt(s, 'for i in 1 2; do sleep 50; done; echo end')).toBe(
      'for i in 1 2; do sleep 50; done; echo end\r\n^C\r\n$ ',
    );
    expect(await line(s, 'echo $?')).toBe('echo $?\r\n130\r\n$ ');
  });

  it('at the prompt the trap runs at once, then a new line and prompt; $? is 130', async () => {
    const s = await session();
    await line(s, 'trap "echo got" INT');
    const mark = s.output.length;
    s.type('\x03');
    await s.waitForPrompts(3);
    expect(s.output.slice(mark).replace(PROMPT, '$ ')).toBe('^Cgot\r\n\r\n$ ');
    expect(await line(s, 'echo $?')).toBe('echo $?\r\n130\r\n$ ');
  });

  it('without a trap ^C still abandons the whole line', async () => {
    const s = await session();
    expect(await interrupt(s, 'sleep 50; echo after')).toBe('sleep 50; echo after\r\n^C\r\n$ ');
  });
});
