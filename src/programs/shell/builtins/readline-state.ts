// Which shells have set up readline (bind has run, or the shell is interactive): bash adds its
// own functions (shell-expand-line, magic-space...) to readline's list only then.
import type { ShellState } from '../state';

const started = new Set<string>();

const key = (state: ShellState): string => `${state.shellPid}:${state.startedAt}`;

export function markReadline(state: ShellState): void {
  if (started.size >= 64) started.delete(started.values().next().value!);
  started.add(key(state));
}

export function readlineStarted(state: ShellState): boolean {
  return state.interactive || started.has(key(state));
}
