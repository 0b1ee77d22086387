// Builtins turned off with `enable -n` (a program of that name runs instead).
import type { ShellState } from '../state';

export function builtinEnabled(state: ShellState, name: string): boolean {
  return !state.disabledBuiltins.has(name);
}
