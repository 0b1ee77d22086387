// watch on the console: the title line and the command's output redrawn on the alternate
// screen every interval, until Ctrl-C gives the screen and the prompt back.
import { describe, expect, it } from 'vitest';
import { ConsoleSession } from './machine-helpers';

describe('watch', () => {
  it('reruns its command under a title line and ends on Ctrl-C with status 0', async () => {
    const s = new ConsoleSession({ cols: 80, rows: 24 });
    await s.waitForPrompts(1);
    s.type("watch -n 0.1 'echo tick >> /tmp/t; wc -l < /tmp/t'\r");
    const start = await s.waitFor('\x1b[?1049h');
    // the title: the interval and the command on the left (cut short with ...), host and time on the right
    await s.waitFor(/Every 0\.1s: echo tick >> \/tmp\/t; wc \.\.\. +photon-machine: \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\x1b\[K/, start);
    await s.waitFor(/\n3\x1b\[K/, start);
    s.type('\x03');
    await s.waitForPrompts(2);
    expect(s.output.slice(start)).toContain('\x1b[?1049l');
    expect(await s.command('echo status=$?')).toBe('status=0\r\n');
    s.machine.stopClock();
  });

  it('keeps only a screenful of an endless output, and Ctrl-C still ends it', async () => {
    const s = new ConsoleSession({ cols: 80, rows: 24 });
    await s.waitForPrompts(1);
    s.type('watch -n 0.5 yes\r');
    const start = await s.waitFor('\x1b[?1049h');
    // yes never ends, so nothing is drawn; the reading goes on, holding no more than a screen
    s.type('\x03');
    await s.waitForPrompts(2);
    expect(s.output.slice(start)).toContain('\x1b[?1049l');
    expect(s.output.slice(start)).not.toContain('internal error');
    s.machine.stopClock();
  });
});
