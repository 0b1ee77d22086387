// gnulib argmatch/XARGMATCH: an option argument may be any unambiguous prefix of a valid
// word; a bad one gets "invalid argument" or "ambiguous argument" and the list of valid
// words, synonyms (words with the same value) on one line. An empty argument is a prefix of
// every word, so it is ambiguous unless all words mean the same.
import type { Ctx } from './context';
import { quotearg } from './quotearg';

export type ArgChoices<T> = readonly (readonly [string, T])[];

/** The value for `arg`, or the reason it matched none. */
export function argmatch<T>(arg: string, choices: ArgChoices<T>): { value: T } | { error: 'invalid' | 'ambiguous' } {
  const exact = choices.find(([w]) => w === arg);
  if (exact) return { value: exact[1] };
  const prefixed = choices.filter(([w]) => w.startsWith(arg));
  if (prefixed.length === 0) return { error: 'invalid' };
  const first = prefixed[0]!;
  if (prefixed.some(([, v]) => v !== first[1])) return { error: 'ambiguous' };
  return { value: first[1] };
}

/** Prints the argmatch_die diagnostics for `--option`; the caller adds the Try line. */
export async function argmatchError<T>(ctx: Ctx, option: string, arg: string, error: 'invalid' | 'ambiguous', choices: ArgChoices<T>): Promise<void> {
  const q = (s: string): string => quotearg(s, { style: 'locale' });
  await ctx.error(`${error} argument ${q(arg)} for ${q(option)}`);
  let text = 'Valid arguments are:';
  let last: T | undefined;
  choices.forEach(([word, value], i) => {
    if (i === 0 || value !== last) text += `\n  - ${q(word)}`;
    else text += `, ${q(word)}`;
    last = value;
  });
  await ctx.err.write(`${text}\n`);
}
