// systemctl's verbs that talk to the running manager (start, stop, status, list-units, show,
// daemon-reload, ...). The unit-file verbs (enable, disable, mask, list-unit-files, ...) live
// beside this file; main.ts dispatches here for every verb it does not own.
import type { Ctx } from '../../lib/context';

/** Runs a manager verb; undefined when `verb` is not one of them. */
export async function runRuntimeVerb(_ctx: Ctx, _verb: string, _args: string[], _opts: unknown): Promise<number | undefined> {
  return undefined;
}

/** Asks the manager to reload unit files (what enable/disable do after changing links). */
export async function reloadManager(_ctx: Ctx): Promise<void> {}
