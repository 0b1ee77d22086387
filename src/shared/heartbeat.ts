// The worker's heartbeat: a plain message it posts beside comlink's (which ignores messages
// without an id), so the page can tell a machine stuck in one long synchronous run of code (a
// program's bug) from one that is only busy. Such a machine cannot see Ctrl-C, and the page
// offers to restart it from its last save (src/ui/watchdog.ts).

/** How often the worker's event loop says it is alive, in ms. */
export const HEARTBEAT_MS = 1000;

/** Silence after which the page calls the machine stuck, in ms. */
export const STUCK_AFTER_MS = 6000;

export interface Heartbeat {
  photonHeartbeat: number;
}

export function isHeartbeat(data: unknown): data is Heartbeat {
  return typeof data === 'object' && data !== null && typeof (data as Heartbeat).photonHeartbeat === 'number';
}
