// The net subsystem's late chunk (late-ops.ts): loaded once, then used synchronously.
let late: typeof import('./late-ops') | undefined;
let loading: Promise<void> | undefined;

export function loadLate(): Promise<void> {
  return (loading ??= import('./late-ops').then((m) => {
    late = m;
  }));
}

export const lateOps = (): typeof import('./late-ops') | undefined => late;
