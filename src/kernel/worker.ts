// The worker entry: one machine per worker, exposed to the page through comlink.
// Output is batched: the first chunk after a quiet spell goes out on the next turn (so a
// keystroke's echo is fast), and under a stream of output at most one message per frame.
import * as Comlink from 'comlink';
import { fail, ok, type KernelApi } from '../shared/api';
import type { LessonController } from '../lessons/controller';
import { Machine } from './machine';
import { postTask, realNow } from './scheduler';

const FRAME_MS = 16;

export function createOutputBatcher(send: (chunk: string) => void): (text: string) => void {
  let pending: string[] = [];
  let scheduled = false;
  let lastFlush = -Infinity;
  const flush = (): void => {
    scheduled = false;
    lastFlush = realNow();
    const text = pending.join('');
    pending = [];
    if (text) send(text);
  };
  return (text) => {
    pending.push(text);
    if (scheduled) return;
    scheduled = true;
    const wait = Math.max(0, lastFlush + FRAME_MS - realNow());
    if (wait > 2) setTimeout(flush, wait);
    else postTask(flush);
  };
}

export interface EarlyBoot {
  cols: number;
  rows: number;
  start?: number;
  seed?: number;
}

/**
 * The worker's API. With `early`, the machine boots at once, before the page has said
 * anything (messages from a busy page thread reach a new worker late); its console output
 * waits in a buffer until boot() attaches the page.
 */
export function createKernelApi(early?: EarlyBoot): KernelApi {
  let machine: Machine | undefined;
  let sink: ((chunk: string) => void) | undefined;
  let buffered: string[] = [];
  const batch = createOutputBatcher((chunk) => {
    if (sink) sink(chunk);
    else buffered.push(chunk);
  });
  const start = (o: EarlyBoot): Machine => {
    // the host's wall clock is read once, here at the boundary; the machine's clock runs from it
    const m = new Machine({ clock: 'realtime', start: o.start ?? Date.now(), seed: o.seed, onConsole: batch, winsize: { cols: o.cols, rows: o.rows }, servicesAfterPrompt: true });
    m.startConsoleShell();
    return m;
  };
  let size = { cols: early?.cols ?? 80, rows: early?.rows ?? 24 };
  let seed = early?.seed;
  /** A machine the console no longer shows shuts down out of sight: its services stop, its timers end. */
  const retire = (m: Machine): void => {
    m.setConsoleOutput(() => {});
    if (m.power === 'running') void m.run(['/usr/bin/systemctl', 'poweroff'], { stdout: () => {}, stderr: () => {} }).catch(() => {});
  };
  // the lesson engine, its lessons, YAML parser and validator load the first time a lesson
  // method is called, not at boot
  let controller: Promise<LessonController> | undefined;
  const lessons = (): Promise<LessonController> =>
    (controller ??= import('../lessons/controller').then(({ LessonController }) => new LessonController({
      current: () => {
        if (!machine) throw new Error('the machine has not booted');
        return machine;
      },
      fresh: () => new Machine({ clock: 'realtime', start: Date.now(), seed, winsize: { ...size } }),
      retire,
      swap: (m) => {
        const old = machine;
        machine = m;
        if (old) retire(old);
        m.setConsoleOutput(batch);
        // a clean screen for the new machine's console
        batch('\x1b[H\x1b[2J\x1b[3J');
        m.startConsoleShell();
      },
    })).catch((e: unknown) => {
      // a chunk that failed to load may load next time
      controller = undefined;
      throw e;
    }));
  let earlyError: unknown;
  if (early) {
    try {
      machine = start(early);
    } catch (e) {
      earlyError = e;
    }
  }
  return {
    async boot(options, output) {
      try {
        if (earlyError) throw earlyError;
        sink = (chunk) => void output(chunk);
        if (buffered.length) sink(buffered.join(''));
        buffered = [];
        size = { cols: options.cols, rows: options.rows };
        seed ??= options.seed;
        if (machine) machine.resize({ cols: options.cols, rows: options.rows });
        else machine = start(options);
        return ok({ hostname: machine.kernel.identity.hostname, bootMs: machine.bootMs });
      } catch (e) {
        return fail(e);
      }
    },
    async input(data) {
      machine?.input(data);
    },
    async resize(cols, rows) {
      size = { cols, rows };
      machine?.resize({ cols, rows });
    },
    async lessons() {
      try {
        return ok((await lessons()).lessons());
      } catch (e) {
        return fail(e);
      }
    },
    async startLesson(id) {
      try {
        return ok(await (await lessons()).start(id));
      } catch (e) {
        return fail(e);
      }
    },
    async lessonStatus() {
      try {
        return ok(controller ? (await controller).status() : null);
      } catch (e) {
        return fail(e);
      }
    },
    async watchLesson(listener) {
      (await lessons()).watch(listener);
    },
    async nextHint(checkId) {
      try {
        return ok((await lessons()).nextHint(checkId));
      } catch (e) {
        return fail(e);
      }
    },
    async solution() {
      try {
        return ok((await lessons()).solution());
      } catch (e) {
        return fail(e);
      }
    },
    async machineState() {
      try {
        return ok(await (await lessons()).machineState());
      } catch (e) {
        return fail(e);
      }
    },
    async importLessonPack(text, name) {
      try {
        return ok((await lessons()).importPack(text, name));
      } catch (e) {
        return fail(e);
      }
    },
    async removeLessonPack(id) {
      try {
        (await lessons()).removePack(id);
        return ok(undefined);
      } catch (e) {
        return fail(e);
      }
    },
    async lessonPacks() {
      try {
        return ok((await lessons()).packList());
      } catch (e) {
        return fail(e);
      }
    },
  };
}

/** Boot options the page put in the worker's name: `photon-machine {"cols":80,...}`. */
export function earlyBootFrom(name: string): EarlyBoot | undefined {
  const json = name.slice(name.indexOf(' ') + 1);
  try {
    const o = JSON.parse(json) as unknown;
    if (typeof o !== 'object' || o === null) return undefined;
    const r = o as Record<string, unknown>;
    if (typeof r.cols !== 'number' || typeof r.rows !== 'number') return undefined;
    return {
      cols: Math.max(2, Math.min(1000, Math.floor(r.cols))),
      rows: Math.max(1, Math.min(1000, Math.floor(r.rows))),
      ...(typeof r.start === 'number' ? { start: r.start } : {}),
      ...(typeof r.seed === 'number' ? { seed: r.seed } : {}),
    };
  } catch {
    return undefined;
  }
}

declare const WorkerGlobalScope: unknown;
if (typeof WorkerGlobalScope !== 'undefined' && typeof self !== 'undefined') {
  // a killed process's leftover promise may reject after its end: that is not an error
  self.addEventListener('unhandledrejection', (e) => {
    const reason = (e as PromiseRejectionEvent).reason as { name?: string } | undefined;
    if (reason?.name === 'ProcessKilled') e.preventDefault();
  });
  Comlink.expose(createKernelApi(earlyBootFrom((self as unknown as { name: string }).name ?? '')));
}
