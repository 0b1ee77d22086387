// The page's one link to the machine: the only module that calls comlink's wrap().
// startMachine() runs first thing in the page entry: it starts the worker and boots the
// machine at an estimated terminal size, so the kernel boots while the terminal's code loads.
// Console output that arrives before the terminal exists is kept and written on connect().
// The output comes on a console channel of its own (shared/console-channel.ts), and every chunk
// is acknowledged once xterm.js has parsed it: the machine sends no more than a few dozen KB
// ahead of that, and its programs wait meanwhile, so a flood like `yes` runs at the speed the
// terminal shows it and Ctrl-C is seen at once.
import * as Comlink from 'comlink';
import type { Terminal } from '@xterm/xterm';
import type { BootInfo, KernelApi, Result } from '../shared/api';
import type { LessonStatus } from '../shared/lessons';
import type { SaveStatus } from '../shared/machines';
import { bootName } from './boot-options';
import { writeNow } from './xterm-write-now';
import { consoleReceiver, isFirstScreen } from '../shared/console-channel';

export { SAVED_KEY } from './boot-options';

export type MachineApi = Comlink.Remote<KernelApi>;

export interface MachineHandle {
  api: MachineApi;
  worker: Worker;
  booted: Promise<Result<BootInfo>>;
  /** Where console output goes (resolving once it is shown): into `early` until a terminal is connected. */
  sink: ((chunk: string) => Promise<void>) | undefined;
  early: { chunk: string; shown: () => void }[];
}

let machine: MachineHandle | undefined;

/** Starts the machine's worker and boots it (once; later calls return the same machine). */
/** The machine of this page, started now if it is not running yet (`size` is read only then). */
export function startMachine(size: () => { cols: number; rows: number }): MachineHandle {
  if (machine) return machine;
  // started by index.html's inline script (built pages), or now: the boot options travel in
  // the worker's name, so the machine boots as soon as its code runs (a message from this
  // thread would wait until the page's code has loaded)
  const early = globalThis.__photonEarly;
  const grid = early?.size ?? size();
  const worker = early?.worker ?? new Worker(new URL('../kernel/worker.ts', import.meta.url), { type: 'module', name: bootName(grid) });
  const api = Comlink.wrap<KernelApi>(worker);
  const m: MachineHandle = { api, worker, booted: Promise.resolve({ ok: false, error: 'not booted' }), sink: undefined, early: [] };
  const show = (chunk: string): Promise<void> => (m.sink ? m.sink(chunk) : new Promise((shown) => m.early.push({ chunk, shown })));
  const channel = new MessageChannel();
  consoleReceiver(channel.port1, show);
  // the first screen may come on the worker's own port, before the channel has reached it; the
  // inline script's listener has kept what came before this one (a message nobody hears is lost)
  if (early) {
    early.show = (text) => void show(text);
    for (const text of early.screens.splice(0)) void show(text);
  } else {
    worker.addEventListener('message', (e: MessageEvent) => {
      if (isFirstScreen(e.data)) void show(e.data.photonFirstScreen);
    });
  }
  m.booted = api.boot(grid, Comlink.transfer(channel.port2, [channel.port2])).catch((e: unknown): Result<BootInfo> => ({ ok: false, error: e instanceof Error ? e.message : String(e) }));
  machine = m;
  return m;
}

export interface Connection {
  api: MachineApi;
  /** the machine's worker (the watchdog listens for its heartbeat) */
  worker: Worker;
  /** Resolves once the machine has booted (or failed to). */
  booted: Promise<Result<BootInfo>>;
  /** Resolves once the terminal has parsed the first output the machine sent (its first screen). */
  firstShown: Promise<void>;
  dispose(): void;
}

/** Connects `term` to the machine: its output to the terminal, the terminal's keys and size to it. */
export function connect(term: Terminal): Connection {
  const m = startMachine(() => ({ cols: term.cols, rows: term.rows }));
  // the real size first, so nothing the machine prints from now on uses the estimate
  void m.api.resize(term.cols, term.rows);
  // chunks written and not yet parsed: acknowledged when the terminal goes away
  const unshown = new Set<() => void>();
  // the first screen (the boot log and the prompt, held by the worker and sent in one piece) is
  // parsed as it comes, in time for the next frame (xterm-write-now.ts)
  let firstScreen = true;
  let firstShown: () => void = () => {};
  const firstParsed = new Promise<void>((resolve) => (firstShown = resolve));
  const write = (chunk: string, shown: () => void): void => {
    unshown.add(shown);
    const parsed = (): void => {
      unshown.delete(shown);
      shown();
    };
    if (firstScreen) {
      writeNow(term, chunk, () => {
        parsed();
        firstShown();
      });
    } else term.write(chunk, parsed);
    firstScreen = false;
  };
  const early = m.early;
  m.early = [];
  if (early.length) write(early.map((e) => e.chunk).join(''), () => early.forEach((e) => e.shown()));
  m.sink = (chunk) => new Promise((shown) => write(chunk, shown));
  const data = term.onData((keys) => void m.api.input(keys));
  const size = term.onResize(({ cols, rows }) => void m.api.resize(cols, rows));
  return {
    api: m.api,
    worker: m.worker,
    booted: m.booted,
    firstShown: firstParsed,
    dispose() {
      m.sink = undefined;
      data.dispose();
      size.dispose();
      for (const shown of unshown) shown();
      unshown.clear();
    },
  };
}

/**
 * Calls `listener` with the lesson's progress whenever a check changes. The callback crosses
 * to the worker as a comlink proxy, made here so comlink stays this module's business.
 */
export function watchLesson(api: MachineApi, listener: (status: LessonStatus | null) => void): Promise<void> {
  return api.watchLesson(Comlink.proxy(listener));
}

/** Calls `listener` after every save of the machine, failed save and machine switch. */
export function watchSave(api: MachineApi, listener: (status: SaveStatus) => void): Promise<void> {
  return api.watchSave(Comlink.proxy(listener));
}

/** Sends bytes to the worker without copying them (the page's buffer moves there). */
export function transferBytes(bytes: Uint8Array): Uint8Array {
  return Comlink.transfer(bytes, [bytes.buffer]);
}
