// gnulib mode_compile's one extension to the symbolic grammar: an operator followed by octal
// digits ("=755", "-7000", "+x,=644") sets, adds or clears exactly those bits, the set-ID
// bits of directories included. Only without a who part, and only at the end of a clause.
import { compileMode, type ModeChange } from '../lib/mode-parse';

const ALL = 0o7777;

/** compileMode with [-+=]OCTAL clauses; undefined when MODE is invalid. */
export function compileModeWithOctalOps(s: string): ModeChange[] | undefined {
  if (/^[0-7]/.test(s) || !/[-+=][0-7]/.test(s)) return compileMode(s);
  const changes: ModeChange[] = [];
  for (const clause of s.split(',')) {
    const m = /^(.*?)([-+=])([0-7]+)$/.exec(clause);
    if (!m) {
      const c = compileMode(clause);
      if (!c) return undefined;
      changes.push(...c);
      continue;
    }
    const [, head = '', op, digits = ''] = m;
    if (/^[ugoa]/.test(head) || /[-+=][0-7]/.test(head)) return undefined;
    if (head !== '') {
      const c = compileMode(head);
      if (!c) return undefined;
      changes.push(...c);
    }
    let value = 0;
    for (const ch of digits) {
      value = value * 8 + (ch.charCodeAt(0) - 48);
      if (value > ALL) return undefined;
    }
    changes.push({ op: op as ModeChange['op'], flag: 'ordinary', affected: ALL, value, mentioned: ALL });
  }
  return changes;
}
