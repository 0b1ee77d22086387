// Console output paced by the terminal (issue 12): the worker's batcher sends the page no more
// than a high-water mark ahead of what the page acknowledged, programs writing to the console
// wait meanwhile (as on a real tty whose terminal is slow), and ^C gets through at once and
// drops the output not yet sent. Every wait is for a condition.
import { describe, expect, it, vi } from 'vitest';
import { createKernelApi, createOutputBatcher, OUTPUT_HIGH_WATER } from '../../src/kernel/worker';
import type { OutputFlow } from '../../src/kernel/tty';
import { Tty } from '../../src/kernel/tty';
import { ConsoleSession } from './machine-helpers';

const until = (cond: () => boolean, what: string, timeout = 10_000): Promise<void> =>
  vi.waitFor(
    () => {
      if (!cond()) throw new Error(`waiting for ${what}`);
    },
    { timeout, interval: 2 },
  );

/** A page that acknowledges chunks when the test says so. */
function slowPage() {
  const page = { text: '', unacked: 0, maxUnacked: 0, auto: false, queue: [] as (() => void)[] };
  const send = (chunk: string): Promise<void> => {
    page.text += chunk;
    page.unacked += chunk.length;
    page.maxUnacked = Math.max(page.maxUnacked, page.unacked);
    return new Promise<void>((resolve) => {
      const ack = (): void => {
        page.unacked -= chunk.length;
        resolve();
      };
      if (page.auto) queueMicrotask(ack);
      else page.queue.push(ack);
    });
  };
  const ackAll = (): void => {
    const q = page.queue;
    page.queue = [];
    for (const a of q) a();
  };
  return { page, send, ackAll };
}

/**
 * Runs `f` with the frame timer fake and the clock standing still (nothing depends on how fast
 * the machine running the test is); `turns(cond)` lets real event loop turns pass until `cond`,
 * at most 1,000, and says whether it holds.
 */
async function withFrameTimer(f: (turns: (cond: () => boolean) => Promise<boolean>) => Promise<void>): Promise<void> {
  vi.useFakeTimers({ toFake: ['setTimeout'] });
  const now = vi.spyOn(performance, 'now').mockReturnValue(1000);
  const turns = async (cond: () => boolean): Promise<boolean> => {
    for (let i = 0; i < 1000 && !cond(); i++) await new Promise((r) => setImmediate(r));
    return cond();
  };
  try {
    await f(turns);
  } finally {
    now.mockRestore();
    vi.useRealTimers();
  }
}

describe('the output batcher', () => {
  it('passes everything through, in order, to a page that does not acknowledge (Node, the CLI)', async () => {
    let got = '';
    const b = createOutputBatcher((c) => {
      got += c;
    }, 10);
    for (let i = 0; i < 100; i++) b.write(`${i},`);
    await until(() => got.length === 290, 'all of it');
    expect(got).toBe(Array.from({ length: 100 }, (_, i) => `${i},`).join(''));
    expect(b.full()).toBe(false);
  });

  it('keeps at most the high-water mark unacknowledged, and is full until the page catches up', async () => {
    const { page, send, ackAll } = slowPage();
    const b = createOutputBatcher(send, 100);
    b.write('a'.repeat(60));
    await until(() => page.unacked === 60, 'the first chunk sent');
    b.write('b'.repeat(60));
    await until(() => page.unacked === 120, 'the second chunk sent (60 were below the mark)');
    b.write('c'.repeat(30));
    expect(b.full()).toBe(true);
    let roomy = false;
    void b.room().then(() => (roomy = true));
    // nothing more goes out while 120 are unacknowledged
    await until(() => page.queue.length === 2, 'two chunks waiting for their acknowledgement');
    expect(page.text).not.toContain('c');
    ackAll();
    await until(() => page.text.endsWith('c'.repeat(30)), 'the rest sent after the acknowledgement');
    await until(() => roomy, 'room for writers again');
    ackAll();
    await until(() => page.unacked === 0 && !b.full(), 'everything acknowledged');
  });

  it('a small chunk goes at once when the page has taken everything; a large one waits a frame', async () => {
    await withFrameTimer(async (turns) => {
      const { page, send, ackAll } = slowPage();
      const b = createOutputBatcher(send, 100_000);
      b.write('boot log\r\n');
      expect(await turns(() => page.unacked > 0)).toBe(true);
      ackAll();
      expect(await turns(() => page.unacked === 0)).toBe(true);
      // no frame's wait: sent without the timer
      b.write('prompt# ');
      expect(await turns(() => page.text.endsWith('prompt# '))).toBe(true);
      ackAll();
      expect(await turns(() => page.unacked === 0)).toBe(true);
      b.write('x'.repeat(20_000));
      expect(await turns(() => page.text.endsWith('x'))).toBe(true);
      ackAll();
      expect(await turns(() => page.unacked === 0)).toBe(true);
      // after a large chunk the next one waits for the frame's timer
      b.write('after');
      expect(await turns(() => page.text.endsWith('after'))).toBe(false);
      vi.advanceTimersByTime(20);
      expect(await turns(() => page.text.endsWith('after'))).toBe(true);
    });
  });

  it('while unpaced (the first screen held), a write after an unacknowledged chunk goes without a frame\'s wait', async () => {
    await withFrameTimer(async (turns) => {
      let unpaced = true;
      for (const expectAtOnce of [true, false]) {
        const { page, send } = slowPage();
        const b = createOutputBatcher(send, 100_000, () => unpaced);
        b.write('boot log\r\n');
        expect(await turns(() => page.unacked > 0)).toBe(true);
        // the boot log is not acknowledged: paced, the prompt would wait for the frame's timer
        b.write('prompt# ');
        expect(await turns(() => page.text.endsWith('prompt# '))).toBe(expectAtOnce);
        vi.advanceTimersByTime(20);
        expect(await turns(() => page.text.endsWith('prompt# '))).toBe(true);
        unpaced = false;
      }
    });
  });

  it('discard() drops what was not sent yet (^C), not what the page already has', async () => {
    const { page, send, ackAll } = slowPage();
    const b = createOutputBatcher(send, 50);
    b.write('x'.repeat(60));
    await until(() => page.unacked === 60, 'a chunk over the mark on its way');
    b.write('dropped');
    b.discard();
    b.write('^C');
    ackAll();
    await until(() => page.text.endsWith('^C'), 'the echo after the discard');
    expect(page.text).toBe(`${'x'.repeat(60)}^C`);
  });
});

describe('the tty and its writers', () => {
  function tty(flow?: OutputFlow) {
    let shown = '';
    const t = new Tty('tty1', [4, 1], { signalGroup: () => {}, output: (x) => (shown += x) });
    t.foreground = 7;
    t.flow = flow;
    return { t, shown: () => shown };
  }

  it('holds writers while ^S stopped the output and lets them go on ^Q', async () => {
    const { t } = tty();
    expect(t.outputFull()).toBe(false);
    t.input('\x13');
    expect(t.outputFull()).toBe(true);
    let resumed = false;
    void t.waitOutputRoom().then(() => (resumed = true));
    t.input('\x11');
    await until(() => resumed, 'the waiting writer woken');
    expect(t.outputFull()).toBe(false);
  });

  it('^C flushes held and pending output, restarts stopped output and wakes its writers', async () => {
    let discarded = 0;
    const { t, shown } = tty({ full: () => false, room: () => Promise.resolve(), discard: () => void discarded++ });
    t.input('\x13');
    t.write(new TextEncoder().encode('never shown\n'));
    let resumed = false;
    void t.waitOutputRoom().then(() => (resumed = true));
    t.input('\x03');
    await until(() => resumed, 'the writer woken by ^C');
    expect(shown()).toBe('^C');
    expect(discarded).toBe(1);
    // with noflsh nothing is dropped
    t.termios = { ...t.termios, noflsh: true };
    t.input('\x03');
    expect(discarded).toBe(1);
  });

  it('turning ixon off restarts stopped output (stty -ixon)', () => {
    const { t, shown } = tty();
    t.input('\x13');
    t.write(new TextEncoder().encode('held\n'));
    expect(shown()).toBe('');
    t.setTermios({ ...t.termios, ixon: false });
    expect(shown()).toBe('held\r\n');
    expect(t.outputFull()).toBe(false);
  });

  it('a writer on a full terminal is blocked in the kernel until there is room; ^C still ends it', async () => {
    const s = new ConsoleSession();
    await s.waitForPrompts(1);
    let full = false;
    let release: () => void = () => {};
    let waits = 0;
    let discards = 0;
    s.machine.console.flow = {
      full: () => full,
      room: () => {
        waits++;
        return new Promise<void>((r) => (release = r));
      },
      discard: () => void discards++,
    };
    s.type('yes\r');
    await s.waitFor('y\r\ny\r\n');
    full = true;
    await until(() => waits > 0, 'yes waiting for room');
    const yes = [...s.machine.kernel.procs.values()].find((p) => p.comm === 'yes');
    expect(yes?.blockers.size).toBe(1);
    const shown = s.output.length;
    // a blocked writer writes nothing, however often the event loop turns
    for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
    expect(s.output.length).toBe(shown);
    s.type('\x03');
    await s.waitFor('^C', shown);
    expect(discards).toBe(1);
    // the shell's prompt waits for room like any writer: the terminal catches up
    full = false;
    release();
    await s.waitForPrompts(2);
    expect(yes?.state).toBe('zombie');
    s.type('echo after $?\r');
    await s.waitFor('after 130\r\n');
  });
});

describe('the first screen', () => {
  it('reaches the page as one piece: the boot log waits for the first prompt, and a command then runs', async () => {
    // the machine starts with the worker (early boot) and the page attaches at once, as in the app
    const api = createKernelApi({ cols: 80, rows: 24, seed: 7, start: Date.UTC(2026, 0, 1) });
    const chunks: string[] = [];
    expect((await api.boot({ cols: 80, rows: 24 }, (chunk) => void chunks.push(chunk))).ok).toBe(true);
    await until(() => chunks.join('').includes(']# '), 'the prompt');
    expect(chunks[0]).toContain('Welcome to Photon 5.0');
    expect(chunks[0]).toContain('root@photon-machine [ ');
    await api.input('echo one-$((1+1))\r');
    await until(() => chunks.join('').includes('one-2\r\n'), 'a command run');
  });
});

describe('the first screen before the page has attached', () => {
  it('goes out by firstScreen as soon as the prompt is there, and what follows by boot()\'s output', async () => {
    // (in the worker, the page's boot() message is taken only once the machine lets the event
    // loop turn: the first screen does not wait for it)
    const screens: string[] = [];
    const api = createKernelApi({ cols: 80, rows: 24, seed: 7, start: Date.UTC(2026, 0, 1) }, { firstScreen: (t) => void screens.push(t) });
    await until(() => screens.length > 0, 'the first screen');
    expect(screens).toHaveLength(1);
    expect(screens[0]).toContain('Welcome to Photon 5.0');
    expect(screens[0]).toContain('root@photon-machine [ ');
    const chunks: string[] = [];
    expect((await api.boot({ cols: 80, rows: 24 }, (chunk) => void chunks.push(chunk))).ok).toBe(true);
    await api.input('echo two-$((1+1))\r');
    await until(() => chunks.join('').includes('two-2\r\n'), 'a command run');
    expect(chunks.join('')).not.toContain('Welcome to Photon 5.0');
    expect(screens).toHaveLength(1);
  });
});

describe('the kernel API paced by its page', () => {
  it('yes runs only as fast as the page acknowledges, ^C gets through, and little is sent after it', async () => {
    const api = createKernelApi();
    const { page, send, ackAll } = slowPage();
    page.auto = true;
    const booted = await api.boot({ cols: 80, rows: 24 }, send);
    expect(booted.ok).toBe(true);
    await until(() => page.text.endsWith(']# \x1b[0m'), 'the prompt');
    page.auto = false;
    await api.input('yes\r');
    await until(() => page.unacked >= OUTPUT_HIGH_WATER, 'the page a high-water mark behind');
    // however long the page takes, what it has not acknowledged stays bounded: the mark plus
    // about one write of yes (8 KiB) and one frame's batch
    await until(() => page.queue.length > 0, 'chunks waiting');
    await api.input('\x03');
    const atCtrlC = page.text.length;
    page.auto = true;
    ackAll();
    await until(() => /\^C\r\n.*\]# \x1b\[0m$/.test(page.text.slice(-200)), 'a prompt after ^C');
    expect(page.maxUnacked).toBeLessThanOrEqual(OUTPUT_HIGH_WATER + 3 * 8192);
    expect(page.text.length - atCtrlC).toBeLessThanOrEqual(OUTPUT_HIGH_WATER + 3 * 8192);
    await api.input('echo after $?\r');
    await until(() => page.text.includes('after 130\r\n'), 'a command after ^C');
    // the services start behind the prompt: their code has loaded before the file ends
    await api.input('systemctl is-system-running --wait; getent hosts localhost >/dev/null; echo booted-$?\r');
    await until(() => page.text.includes('booted-0'), 'the boot over');
  });
});
