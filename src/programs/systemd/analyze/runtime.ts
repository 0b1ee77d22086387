// The systemd-analyze verbs that need the running manager or its boot data; index.ts calls this
// for every verb it does not handle itself. time, blame and critical-chain are in boot-verbs.ts.
import type { Ctx } from '../../lib/context';
import { analyzeBlame, analyzeCriticalChain, analyzeTime } from './boot-verbs';
import type { AnalyzeOptions } from './options';

/** Runs a manager-backed verb; undefined when `verb` is not one of them. */
export async function runAnalyzeVerb(ctx: Ctx, verb: string, args: string[], _opts: AnalyzeOptions): Promise<number | undefined> {
  switch (verb) {
    case 'time':
      return analyzeTime(ctx);
    case 'blame':
      return analyzeBlame(ctx);
    case 'critical-chain':
      return analyzeCriticalChain(ctx, args);
    default:
      return undefined;
  }
}
