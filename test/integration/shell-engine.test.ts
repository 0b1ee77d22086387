// The shell's engine (src/programs/shell/engine.ts: parser, expansions, builtins) is a chunk of
// its own. A login shell whose profile is replayed prints its first prompt without it and loads
// it behind that prompt; a line typed before it has arrived waits for it. The test loads the
// machine's modules afresh (vi.resetModules) so that nothing has loaded the engine yet, as in a
// new page's worker.
import { describe, expect, it, vi } from 'vitest';
import { recordLoginCheckpoint } from '../../src/kernel/image/login-checkpoint-record';
import type { LoginCheckpoint } from '../../src/programs/shell/login-checkpoint';

const PROMPT = ' ]# \x1b[0m';

describe('the shell engine, loaded behind the first prompt', () => {
  it('is not needed for a replayed login\'s first prompt, and a line typed at once still runs', async () => {
    const checkpoint = JSON.parse(JSON.stringify(await recordLoginCheckpoint())) as LoginCheckpoint;
    vi.resetModules();
    const { Machine } = await import('../../src/kernel/machine');
    const login = await import('../../src/programs/shell/login-checkpoint');
    const interp = await import('../../src/programs/shell/interpreter');
    expect(interp.engineLoaded()).toBe(false);
    login.useLoginCheckpoint(checkpoint);
    let out = '';
    let loadedAtPrompt: boolean | undefined;
    const m = new Machine({
      clock: 'skip',
      services: false,
      winsize: { cols: 120, rows: 40 },
      onConsole: (t) => {
        out += t;
        if (loadedAtPrompt === undefined && out.includes(PROMPT)) loadedAtPrompt = interp.engineLoaded();
      },
    });
    try {
      m.startConsoleShell();
      const t0 = Date.now();
      while (loadedAtPrompt === undefined) {
        if (Date.now() - t0 > 15_000) throw new Error(`no prompt: ${JSON.stringify(out.slice(-300))}`);
        await new Promise((r) => setTimeout(r, 1));
      }
      expect(login.lastLoginReplay).toBe('replayed');
      expect(loadedAtPrompt).toBe(false);
      // typed as soon as the prompt shows: parsed and run once the engine is in
      m.input('for i in 1 2; do echo "n$((i*21))"; done; type pathappend | head -1\r');
      const t1 = Date.now();
      while (out.split(PROMPT).length < 3) {
        if (Date.now() - t1 > 15_000) throw new Error(`no second prompt: ${JSON.stringify(out.slice(-300))}`);
        await new Promise((r) => setTimeout(r, 1));
      }
      expect(interp.engineLoaded()).toBe(true);
      expect(out.slice(out.indexOf(PROMPT) + PROMPT.length)).toContain('\r\nn21\r\nn42\r\npathappend is a function\r\n');
    } finally {
      login.useLoginCheckpoint(undefined);
      m.stopClock();
    }
  });
});
