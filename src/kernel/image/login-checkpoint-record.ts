// Records the login checkpoint of a fresh machine (src/programs/shell/login-checkpoint.ts): the
// build runs this once (scripts/vite-login-checkpoint.ts), tests too.
import { Machine } from '../machine';
import type { LoginCheckpoint } from '../../programs/shell/login-checkpoint';
import { recordNextLogin } from '../../programs/shell/login-checkpoint-recorder';

/** Boots a fresh machine, lets its console's login shell record its startup files, and stops it. */
export async function recordLoginCheckpoint(): Promise<LoginCheckpoint> {
  let made: LoginCheckpoint | string | undefined;
  recordNextLogin((c) => (made = c));
  const m = new Machine({ clock: 'skip', services: false });
  try {
    m.startConsoleShell();
    const t0 = Date.now();
    while (made === undefined) {
      if (Date.now() - t0 > 30_000) throw new Error('the login shell did not read its startup files');
      await new Promise((r) => setTimeout(r, 1));
    }
  } finally {
    recordNextLogin(undefined);
    m.stopClock();
  }
  if (typeof made === 'string') throw new Error(`no login checkpoint: ${made}`);
  return made;
}
