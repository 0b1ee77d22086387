// The worker entry: one machine per worker, exposed to the page through comlink.
// Output is batched: the first chunk after a quiet spell goes out on the next turn (so a
// keystroke's echo is fast), and under a stream of output at most one message per frame.
// Output is paced by the page: it acknowledges each chunk once xterm.js has parsed it, and
// programs writing to the console wait while too much is unacknowledged (see OutputBatcher).
import * as Comlink from 'comlink';
import { consoleSender, type FirstScreen } from '../shared/console-channel';
import { HEARTBEAT_MS, type Heartbeat } from '../shared/heartbeat';
import { fail, ok, type KernelApi, type Result } from '../shared/api';
import type { SaveStatus } from '../shared/machines';
import type { LessonStatus } from '../shared/lessons';
import type { LessonController } from '../lessons/controller';
import { Workspace } from '../host/workspace';
import type { MachineStore } from '../persist/machine-store';
import type { Machine } from './machine';
import { getHostFile, putHostFile } from './host-files';
import { postTask, realNow } from './scheduler';
import type { OutputFlow, Tty } from './tty';
import { useLoginCheckpoint } from '../programs/shell/login-checkpoint';
import { loginCheckpoint } from './image/login-checkpoint-data';

const FRAME_MS = 16;
/** How long the page's first screen waits for the console's first prompt before it shows what came. */
const FIRST_SCREEN_MS = 500;
/**
 * Output goes out at most once a frame, so a flood reaches the page in few large messages; but
 * when the page has taken everything sent and the last message was no bigger than this (a
 * prompt, an echo, a boot log), the next goes at once: pacing it would only delay it.
 */
const TRICKLE_CHARS = 8192;

/**
 * How far console output may run ahead of the page, in characters: sent but not yet parsed by
 * xterm.js, plus waiting here. Above it programs writing to the console wait (as on a real tty
 * whose terminal is slow), so a flood such as `yes` never buries the page's message queue, and
 * what is still to be shown when ^C arrives stays small: xterm.js parses this much within a
 * frame or two (measured in Chromium: ^C to prompt under `yes` 20-70 ms, from 6.5 s unpaced; a
 * larger mark moved more output but made longer frames). Writers go on under half of it.
 */
export const OUTPUT_HIGH_WATER = 64 * 1024;

export interface OutputBatcher extends OutputFlow {
  /** Takes console output, for the page. */
  write(text: string): void;
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';
}

/**
 * Console output for the page. `send` delivers a chunk; when it returns a promise, the chunk
 * counts as unacknowledged until that settles (the page resolves it once xterm.js has parsed the
 * chunk), and nothing more is sent while `high` characters are unacknowledged. A `send` that
 * returns nothing (Node tests, the CLI) takes everything at once. While `unpaced()` says so,
 * what is written goes on the next turn without waiting for a frame (the high-water mark still
 * holds writers back).
 */
export function createOutputBatcher(send: (chunk: string) => unknown, high = OUTPUT_HIGH_WATER, unpaced?: () => boolean): OutputBatcher {
  const low = high / 2;
  let pending: string[] = [];
  let pendingChars = 0;
  /** characters sent whose acknowledgement has not come */
  let inFlight = 0;
  let scheduled = false;
  let lastFlush = -Infinity;
  let lastChars = 0;
  let waiters: (() => void)[] = [];
  const backlog = (): number => inFlight + pendingChars;
  const wake = (): void => {
    if (!waiters.length || backlog() >= low) return;
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };
  const acked = (n: number): void => {
    inFlight -= n;
    if (pendingChars) schedule();
    wake();
  };
  const flush = (): void => {
    scheduled = false;
    // a full page: the next acknowledgement sends what waits
    if (!pendingChars || inFlight >= high) return;
    lastFlush = realNow();
    const text = pending.join('');
    lastChars = text.length;
    pending = [];
    pendingChars = 0;
    inFlight += text.length;
    let r: unknown;
    try {
      r = send(text);
    } catch {
      r = undefined;
    }
    if (isThenable(r)) {
      // a page that went away acknowledges nothing more: a failed delivery counts as shown
      r.then(
        () => acked(text.length),
        () => acked(text.length),
      );
    } else acked(text.length);
  };
  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    const wait = unpaced?.() || (inFlight === 0 && lastChars <= TRICKLE_CHARS) ? 0 : Math.max(0, lastFlush + FRAME_MS - realNow());
    if (wait > 2) setTimeout(flush, wait);
    else postTask(flush);
  }
  return {
    write(text) {
      if (!text) return;
      pending.push(text);
      pendingChars += text.length;
      if (inFlight < high) schedule();
    },
    full: () => backlog() >= high,
    room: () => new Promise<void>((resolve) => {
      waiters.push(resolve);
      wake();
    }),
    discard() {
      pending = [];
      pendingChars = 0;
      wake();
    },
  };
}

export interface EarlyBoot {
  cols: number;
  rows: number;
  start?: number;
  seed?: number;
  /**
   * false: the page knows no machine was ever saved here, so a fresh one boots at once and the
   * store's code loads after the prompt (a first visit neither waits for IndexedDB nor loads it)
   */
  resume?: boolean;
}

export interface ApiOptions {
  /** where machines are kept (the worker: IndexedDB); none: nothing is kept */
  store?: () => Promise<MachineStore | undefined>;
  /**
   * Where the first screen goes when it is ready before boot() has attached the page. The worker
   * posts it to the page at once: the page's boot() message, sent long before, is taken only once
   * the machine's own work lets the worker's event loop turn, which was after its first prompt.
   * Without it, the first screen waits for boot().
   */
  firstScreen?: (text: string) => void;
}

/**
 * The worker's API. With `early`, the machine starts at once, before the page has said
 * anything (messages from a busy page thread reach a new worker late): the machine used last,
 * restored from the browser's store, or a fresh one. Its console output waits in a buffer
 * until boot() attaches the page; keys typed meanwhile wait too.
 */
export function createKernelApi(early?: EarlyBoot, opts: ApiOptions = {}): KernelApi {
  let sink: ((chunk: string) => unknown) | undefined;
  let buffered: string[] = [];
  // output from before boot() attached the page counts as on its way until the page has it
  let attach: (shown: unknown) => void = () => {};
  const attached = new Promise<unknown>((resolve) => (attach = resolve));
  let prompted = false;
  /**
   * Until the first prompt (or FIRST_SCREEN_MS after the page attached), what the console
   * writes waits here and then goes out as one piece: the page parses and draws the boot log
   * and the prompt once, instead of drawing the boot log while the prompt is on its way.
   */
  let holding = true;
  const release = (): unknown => {
    holding = false;
    const text = buffered.join('');
    buffered = [];
    return text && sink ? sink(text) : undefined;
  };
  const batch = createOutputBatcher((chunk) => {
    // the first prompt's way out, for the benchmark's breakdown (once: marks are kept)
    if (!prompted && chunk.includes(']# ')) {
      prompted = true;
      globalThis.performance?.mark('photon:prompt-out');
      buffered.push(chunk);
      if (!sink && opts.firstScreen) {
        // (what comes after it waits for boot(), and goes out then)
        holding = false;
        const text = buffered.join('');
        buffered = [];
        opts.firstScreen(text);
        return undefined;
      }
      if (!sink) return attached;
      const shown = release();
      attach(shown);
      return shown;
    }
    if (sink && !holding) return sink(chunk);
    buffered.push(chunk);
    return attached;
    // what is held for the first screen is not drawn chunk by chunk: the prompt goes out as soon
    // as it is written, not a frame after the boot log's last line (the page waited for it)
  }, OUTPUT_HIGH_WATER, () => holding);
  /** the page acknowledges what it has shown (its output callback returns promises) */
  let pageAcks = false;
  /** the console whose writers the page paces (the console's machine changes with lessons) */
  let paced: Tty | undefined;
  const consoleOutput = (text: string): void => {
    const tty = pageAcks ? ws.machine?.console : undefined;
    if (tty !== paced) {
      if (paced) paced.flow = undefined;
      paced = tty;
      if (tty) tty.flow = batch;
    }
    batch.write(text);
  };
  let size = { cols: early?.cols ?? 80, rows: early?.rows ?? 24 };
  let seed = early?.seed;
  let startAt = early?.start;
  const ws = new Workspace({
    store: undefined,
    output: consoleOutput,
    size: () => size,
    get seed() {
      return seed;
    },
    now: () => startAt ?? Date.now(),
    after: (ms, fn) => {
      const id = setTimeout(fn, ms);
      return () => clearTimeout(id);
    },
  });
  const saveListeners = new Set<(s: SaveStatus) => void>();
  ws.onStatus = (s) => {
    for (const l of saveListeners) {
      const r = l(s) as unknown;
      if (r instanceof Promise) r.catch(() => saveListeners.delete(l));
    }
  };
  let problem: string | undefined;
  let starting: Promise<Machine> | undefined;
  let storeOpened: Promise<void> | undefined;
  /** Opens the store (once); the workspace keeps machines from then on. */
  const openStore = (): Promise<void> =>
    (storeOpened ??= (async () => {
      ws.setStore(opts.store ? await opts.store().catch(() => undefined) : undefined);
    })());
  const begin = (): Promise<Machine> =>
    (starting ??= (async () => {
      const later = early?.resume === false;
      if (!later) await openStore();
      const r = await ws.resume();
      if (later) {
        // nothing to resume: the machine boots now, and the store opens a moment after the
        // console's first prompt
        const m = r.machine;
        const first = (): void => {
          m.console.idleListeners.delete(first);
          setTimeout(() => void openStore(), 300);
        };
        m.console.idleListeners.add(first);
      }
      // the clock runs from the boot: later machines read the host's clock anew
      startAt = undefined;
      problem = r.problem;
      globalThis.performance?.mark('photon:machine-ready');
      return r.machine;
    })());
  if (early) void begin().catch(() => {});
  /** The console's machine, booted (the store may still be opening: see ready()). */
  const booted = async (): Promise<Machine> => {
    await begin();
    return ws.machine!;
  };
  /** The console's machine with the store open: for everything that makes or keeps machines. */
  const ready = async (): Promise<Machine> => {
    await begin();
    await openStore();
    return ws.machine!;
  };
  // the lesson engine, its lessons, YAML parser and validator load the first time a lesson
  // method is called, not at boot
  let controller: Promise<LessonController> | undefined;
  const lessons = (): Promise<LessonController> =>
    (controller ??= (async () => {
      await ready();
      const { LessonController } = await import('../lessons/controller');
      return new LessonController(ws);
    })().catch((e: unknown) => {
      // a chunk that failed to load may load next time
      controller = undefined;
      throw e;
    }));
  /** The controller, following the console's machine (a lesson machine resumed or opened). */
  const synced = async (): Promise<LessonController> => {
    const c = await lessons();
    await c.sync();
    return c;
  };
  /** After the console's machine changed: the lesson engine follows it; its lesson's progress. */
  const followLesson = async (): Promise<LessonStatus | null> => {
    const c = controller || ws.record?.lessonId ? await synced() : undefined;
    const status = c?.status() ?? null;
    c?.emit(status);
    return status;
  };
  const guard = async <T>(f: () => Promise<T> | T): Promise<Result<T>> => {
    try {
      return ok(await f());
    } catch (e) {
      return fail(e);
    }
  };
  return {
    async boot(options, output) {
      try {
        // the page's callback settles once xterm.js has parsed the chunk: that paces the output
        const send = typeof output === 'function' ? output : consoleSender(output);
        sink = (chunk) => {
          const shown = send(chunk);
          if (isThenable(shown)) pageAcks = true;
          return shown;
        };
        if (prompted || !holding) attach(release());
        // (a console that does not prompt soon shows what it has written so far)
        else setTimeout(() => {
          if (holding) attach(release());
        }, FIRST_SCREEN_MS);
        size = { cols: options.cols, rows: options.rows };
        seed ??= options.seed;
        startAt ??= options.start;
        const m = await booted();
        m.resize({ cols: options.cols, rows: options.rows });
        return ok({ hostname: m.kernel.identity.hostname, bootMs: m.bootMs, restored: ws.record !== undefined && ws.record.savedAt > 0, ...(problem ? { problem } : {}) });
      } catch (e) {
        return fail(e);
      }
    },
    async input(data) {
      const m = ws.machine ?? (await booted().catch(() => undefined));
      m?.input(data);
    },
    async resize(cols, rows) {
      size = { cols, rows };
      ws.machine?.resize({ cols, rows });
    },
    lessons: () => guard(async () => (await lessons()).lessons()),
    startLesson: (id) => guard(async () => (await lessons()).start(id)),
    resetLesson: () => guard(async () => (await synced()).reset()),
    lessonStatus: () => guard(async () => {
      // a machine resumed for a lesson brings its lesson back, which loads the lesson engine
      if (!controller && !ws.record?.lessonId) return null;
      return (await synced()).status();
    }),
    async watchLesson(listener) {
      (await lessons()).watch(listener);
    },
    nextHint: (checkId) => guard(async () => (await synced()).nextHint(checkId)),
    solution: () => guard(async () => (await synced()).solution()),
    machineState: () => guard(async () => (await lessons()).machineState()),
    importLessonPack: (text, name) => guard(async () => (await lessons()).importPack(text, name)),
    removeLessonPack: (id) => guard(async () => {
      (await lessons()).removePack(id);
    }),
    lessonPacks: () => guard(async () => (await lessons()).packList()),

    machines: () => guard(async () => {
      await ready();
      return ws.list();
    }),
    openMachine: (id) => guard(async () => {
      await ready();
      await ws.open(id);
      return followLesson();
    }),
    checkpoints: () => guard(async () => ws.checkpoints.entries().map((c) => ({ at: c.at, after: c.after, ...(c.step !== undefined ? { step: c.step } : {}) }))),
    undoCommand: () => guard(async () => {
      await ready();
      await ws.undoCommand();
      return followLesson();
    }),
    rewindToStep: (step) => guard(async () => {
      await ready();
      await ws.rewindToStep(step);
      return followLesson();
    }),
    renameMachine: (id, name) => guard(async () => ws.rename(id, name)),
    resetMachine: (id) => guard(async () => {
      await ready();
      const rec = ws.record?.id === id ? ws.record : (await ws.list()).find((m) => m.id === id);
      if (!rec) throw new Error(`no machine ${id}`);
      if (rec.lessonId) {
        if (ws.record?.id !== id) await ws.open(id);
        return (await synced()).reset();
      }
      await ws.create({ lessonId: null, replace: id });
      await ws.save().catch(() => {});
      return followLesson();
    }),
    duplicateMachine: (id) => guard(async () => ws.duplicate(id)),
    deleteMachine: (id) => guard(async () => ws.remove(id)),
    exportMachine: (id, learner) => guard(async () => {
      await ready();
      const r = await ws.exportMachine(id ?? ws.record?.id ?? '', learner);
      return Comlink.transfer(r, [r.bytes.buffer]);
    }),
    exportAllMachines: (learner) => guard(async () => {
      await ready();
      const r = await ws.exportAll(learner);
      return Comlink.transfer(r, [r.bytes.buffer]);
    }),
    importMachine: (bytes, name) => guard(async () => {
      await ready();
      return ws.importMachine(bytes, name);
    }),
    saveNow: () => guard(async () => {
      await ready();
      await ws.save();
      return ws.saveStatus();
    }),
    saveStatus: () => guard(async () => ws.saveStatus()),
    async watchSave(listener) {
      saveListeners.add(listener);
    },
    classReport: (files) => guard(async () => (await lessons()).report(files)),
    putFile: (name, bytes) => guard(async () => {
      const m = await ready();
      const path = putHostFile(m.kernel, m.consoleCwd(), name, bytes);
      ws.scheduleSave();
      return path;
    }),
    getFile: (path) => guard(async () => {
      const m = await ready();
      const bytes = getHostFile(m.kernel, path.startsWith('/') ? path : `${m.consoleCwd()}/${path}`);
      return Comlink.transfer(bytes, [bytes.buffer]);
    }),
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
      ...(typeof r.resume === 'boolean' ? { resume: r.resume } : {}),
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
  // the store's code is its own chunk: a first visit loads it after the prompt
  const store = async (): Promise<MachineStore | undefined> => {
    if (typeof indexedDB === 'undefined') return undefined;
    const [{ database }, { MachineStore }] = await Promise.all([import('../persist/db'), import('../persist/machine-store')]);
    return new MachineStore(await database());
  };
  // a fresh machine's login shell replays the build's record of its startup files
  useLoginCheckpoint(loginCheckpoint());
  performance.mark('photon:worker-start');
  // alive while the event loop turns: the page calls a long silence stuck (src/ui/watchdog.ts)
  let beats = 0;
  setInterval(() => self.postMessage({ photonHeartbeat: ++beats } satisfies Heartbeat), HEARTBEAT_MS);
  const firstScreen = (text: string): void => self.postMessage({ photonFirstScreen: text } satisfies FirstScreen);
  Comlink.expose(createKernelApi(earlyBootFrom((self as unknown as { name: string }).name ?? ''), { store, firstScreen }));
}
