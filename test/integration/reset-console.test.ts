// reset on the console: the special characters and modes come back to sane values, the
// terminal's reset strings go out on standard error, and a changed character is reported.
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/kernel/machine';

async function until(cond: () => boolean): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > 15_000) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 2));
  }
}

describe('reset on the console', () => {
  it('restores erase and echo, sends the reset strings and reports the erase character', async () => {
    let out = '';
    // the skipping clock: reset's one-second settle passes as virtual time
    const m = new Machine({ clock: 'skip', onConsole: (t) => (out += t), winsize: { cols: 80, rows: 24 } });
    m.startConsoleShell();
    const prompts = (): number => out.split(']# ').length - 1;
    await until(() => prompts() === 1);
    m.input('stty erase ^H -echo\r');
    await until(() => prompts() === 2);
    m.input('TERM=xterm reset\r');
    await until(() => prompts() === 3);
    const shown = out.slice(out.lastIndexOf('stty erase'));
    // xterm's rs1 and rs2, then the tab stops, then the '\r' before the settle
    expect(shown).toContain('\x1bc\x1b[!p\x1b[?3;4l\x1b[4l\x1b>\x1b[?69l\r\x1b[3g');
    expect(shown).toContain('Erase set to delete.\r\n');
    m.input('stty -a | grep -o -e "erase = [^;]*" -e " -\\?echo "\r');
    await until(() => prompts() === 4);
    const after = out.slice(out.lastIndexOf('stty -a'));
    expect(after).toContain('erase = ^?');
    expect(after).toContain(' echo ');
  });
});
