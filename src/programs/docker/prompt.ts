// Helpers the newer docker commands share: docker's [y/N] confirmation (command.PromptForConfirmation:
// the prompt on stdout, only "y" or "Y" agrees) and the natural sort order of its listings
// (fvbommel/sortorder NaturalLess).
import type { Ctx } from '../lib/context';
import { readLine } from '../lib/yesno';

export async function confirm(ctx: Ctx, message: string): Promise<boolean> {
  await ctx.print(`${message} [y/N] `);
  await ctx.out.flush();
  const answer = (await readLine(ctx, 0)) ?? '';
  return answer.trim().toLowerCase() === 'y';
}

/** Digits compare as numbers, the rest byte by byte. */
export function naturalCompare(a: string, b: string): number {
  const chunks = (s: string): string[] => s.match(/\d+|\D+/g) ?? [];
  const x = chunks(a);
  const y = chunks(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    const pd = /^\d/.test(p);
    const qd = /^\d/.test(q);
    if (pd && qd) {
      const pn = p.replace(/^0+/, '');
      const qn = q.replace(/^0+/, '');
      if (pn.length !== qn.length) return pn.length - qn.length;
      if (pn !== qn) return pn < qn ? -1 : 1;
      return p.length - q.length;
    }
    return p < q ? -1 : 1;
  }
  return x.length - y.length;
}
