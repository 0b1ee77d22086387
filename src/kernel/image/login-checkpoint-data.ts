// The login checkpoint the worker installs (src/programs/shell/login-checkpoint.ts). In the
// sources there is none: the browser build replaces this module with the one recorded from a
// fresh machine's login at build time (scripts/vite-login-checkpoint.ts).
import type { LoginCheckpoint } from '../../programs/shell/login-checkpoint';

export function loginCheckpoint(): LoginCheckpoint | undefined {
  return undefined;
}
