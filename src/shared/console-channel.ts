// The console's output from the machine's worker to the page, on a MessagePort of its own: each
// chunk is one message, and the page answers each with an empty message once it has shown it
// (in order: the terminal parses chunks in the order they came). The worker's sender returns a
// promise per chunk that settles with that answer, which is how the page paces the machine.
// Plain messages, not a comlink proxy: the first screen is the first message on the way to the
// prompt, and a proxy's call (its ids, wire values and reply listeners, all run for the first
// time then) cost both threads more than the message itself.

/** The worker's end: sends each chunk; the promise settles once the page has shown it. */
export function consoleSender(port: MessagePort): (chunk: string) => Promise<void> {
  const waiting: (() => void)[] = [];
  let head = 0;
  port.onmessage = () => {
    const shown = waiting[head];
    waiting[head++] = noop;
    if (head === waiting.length) waiting.length = head = 0;
    shown?.();
  };
  return (chunk) =>
    new Promise<void>((shown) => {
      waiting.push(shown);
      port.postMessage(chunk);
    });
}

/** The page's end: `show` each chunk as it comes, and answer once it is shown. */
export function consoleReceiver(port: MessagePort, show: (chunk: string) => Promise<void>): void {
  port.onmessage = (e: MessageEvent) => {
    const chunk = typeof e.data === 'string' ? e.data : '';
    void show(chunk).then(
      () => port.postMessage(0),
      () => port.postMessage(0),
    );
  };
}

function noop(): void {}

/**
 * The first screen, when the machine has it before the page's end of the channel has reached the
 * worker: the worker posts it on its own port (src/kernel/worker.ts), and the page shows it first.
 */
export interface FirstScreen {
  photonFirstScreen: string;
}

export function isFirstScreen(data: unknown): data is FirstScreen {
  return typeof data === 'object' && data !== null && typeof (data as FirstScreen).photonFirstScreen === 'string';
}
