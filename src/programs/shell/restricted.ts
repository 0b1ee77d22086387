// The restricted shell (bash -r, set -r, a shell run as rbash): what it refuses, and the
// variables it freezes. bash checks each limit where the refused thing happens; these helpers
// keep the wording in one place.
import type { Interpreter } from './interpreter';
import type { ShellState } from './state';

/** The variables a restricted shell makes readonly (they stay unset if they were). */
const FROZEN = ['PATH', 'SHELL', 'ENV', 'BASH_ENV', 'HISTFILE'];

/** Turns the restrictions on; from then on set +r is refused. */
export function makeRestricted(st: ShellState): void {
  for (const name of FROZEN) {
    const holder = st.globals;
    const v = holder.get(name);
    if (v) v.readonly = true;
    else holder.set(name, { readonly: true });
  }
  st.restricted = true;
}

/** A builtin refusing: `cd: restricted`, or `hash: /bin/ls: restricted` naming what it was given. */
export async function refuse(sh: Interpreter, builtin: string, what?: string): Promise<number> {
  await sh.error(what === undefined ? `${builtin}: restricted` : `${builtin}: ${what}: restricted`);
  return 1;
}
