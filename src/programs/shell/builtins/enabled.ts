// Builtins turned off with `enable -n` (a program of that name runs instead).

export const disabledBuiltins = new Set<string>();

export function builtinEnabled(name: string): boolean {
  return !disabledBuiltins.has(name);
}
