// Code that programs want at hand but that has no place on the way to the first prompt: each
// module registers how to load it, and the machine starts the loads a moment after the
// console's first prompt (or before the first command it runs headless, awaiting them). In the
// browser a dynamic import started during the boot costs the worker tens of milliseconds.
const loaders: (() => Promise<unknown>)[] = [];
let started: Promise<void> | undefined;

/** Registers a load; once the loads have started it runs at once. */
export function loadWhenLate(load: () => Promise<unknown>): void {
  if (started) void load().catch(() => {});
  else loaders.push(load);
}

/** Starts every registered load (once); resolves when they have settled. */
export function startLateLoads(): Promise<void> {
  return (started ??= Promise.all(loaders.splice(0).map((l) => l().catch(() => {}))).then(() => {}));
}
