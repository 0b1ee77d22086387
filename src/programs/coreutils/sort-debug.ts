// sort --debug: the warnings about keys and options written before sorting, and under each
// output line a row of underscores per key (then one for the whole line, the last-resort
// comparison) showing the part that is compared. C locale only.
import { strtold } from '../lib/cfloat';
import { begfield, getmonth, isBlank, keyOpts, limfield, type Key } from '../lib/sort-keys';

export interface DebugSetup {
  keys: Key[];
  gkey: Key;
  /** The keys are only the global options (no -k was given). */
  gkeyOnly: boolean;
  tab: number;
  stable: boolean;
  unique: boolean;
  /** Keys written the obsolescent way (+POS1 -POS2). */
  oldStyle?: Set<Key>;
}

const isNumericKey = (k: Key): boolean => k.numeric || k.general || k.human;

/** The messages sort writes (each after "sort: ") before it reads its input. */
export function debugWarnings(s: DebugSetup): string[] {
  const out = ['text ordering performed using simple byte comparison'];
  const ug = { ...s.gkey };
  let numeric = false;
  let numericSpan = false;
  s.keys.forEach((key, i) => {
    const n = i + 1;
    if (isNumericKey(key)) numeric = true;
    if (s.oldStyle?.has(key)) {
      const sword = Math.max(key.sword, 0);
      const end = key.eword >= 0 ? key.eword + 1 : undefined;
      out.push(`obsolescent key '+${sword}${end === undefined ? '' : ` -${end}`}' used; consider '-k ${sword + 1}${end === undefined ? '' : `,${end}`}' instead`);
    }
    const zeroWidth = key.sword >= 0 && key.eword >= 0 && key.eword < key.sword;
    if (zeroWidth) out.push(`key ${n} has zero width and will be ignored`);
    const implicitSkip = isNumericKey(key) || key.month;
    const lineOffset = key.eword === 0 && key.echar !== 0;
    if (!zeroWidth && !s.gkeyOnly && s.tab < 0 && !lineOffset
      && ((!key.skipsblanks && !implicitSkip) || (!key.skipsblanks && key.schar !== 0) || (!key.skipeblanks && key.echar !== 0))) {
      out.push(`leading blanks are significant in key ${n}; consider also specifying 'b'`);
    }
    if (!s.gkeyOnly && isNumericKey(key)) {
      const sword = key.sword + 1 || 1;
      const eword = key.eword + 1;
      if (!eword || sword < eword) {
        out.push(`key ${n} is numeric and spans multiple fields`);
        numericSpan = true;
      }
    }
    if (ug.ignore && ug.ignore === key.ignore) ug.ignore = undefined;
    if (ug.translate && key.translate) ug.translate = false;
    ug.skipsblanks &&= !key.skipsblanks;
    ug.skipeblanks &&= !key.skipeblanks;
    ug.month &&= !key.month;
    ug.numeric &&= !key.numeric;
    ug.general &&= !key.general;
    ug.human &&= !key.human;
    ug.version &&= !key.version;
    ug.random &&= !key.random;
    ug.reverse &&= !key.reverse;
  });
  const DOT = 46;
  if (numericSpan && s.tab === DOT) out.push("field separator '.' is treated as a decimal point in numbers");
  else if (numeric) out.push(`${s.tab === DOT ? '' : 'note '}numbers use '.' as a decimal point in this locale`);
  const keyed = s.keys.length > 0;
  const plainUg = !(ug.ignore || ug.translate || ug.skipsblanks || ug.skipeblanks || ug.numeric || ug.general || ug.human || ug.month || ug.version || ug.random);
  if (!plainUg || (ug.reverse && (s.stable || s.unique) && keyed)) {
    const opts = keyOpts({ ...ug, reverse: ug.reverse && (s.stable || s.unique) });
    out.push(opts.length === 1 ? `option '-${opts}' is ignored` : `options '-${opts}' are ignored`);
  }
  if (ug.reverse && !(s.stable || s.unique) && keyed) out.push("option '-r' only applies to last-resort comparison");
  return out;
}

/** Columns a stretch of the line takes under the C locale (a tab counts one, as it prints '>'). */
function width(line: string, from: number, to: number): number {
  let w = 0;
  for (let i = from; i < to; i++) {
    const c = line.charCodeAt(i);
    if (c === 9 || (c >= 32 && c !== 127)) w++;
  }
  return w;
}

/** The numeric prefix (traverse_raw_number): its end, or -1 without a digit. */
function numberEnd(line: string, p: number, lim: number): number {
  let digits = false;
  while (p < lim && line.charCodeAt(p) >= 48 && line.charCodeAt(p) <= 57) {
    p++;
    digits = true;
  }
  if (p < lim && line[p] === '.') {
    p++;
    while (p < lim && line.charCodeAt(p) >= 48 && line.charCodeAt(p) <= 57) {
      p++;
      digits = true;
    }
  }
  return digits ? p : -1;
}

const UNITS = 'KkMGTPEZY';

function markKey(line: string, key: Key | undefined, tab: number): string {
  let beg = 0;
  let lim = line.length;
  if (key) {
    if (key.sword >= 0) beg = begfield(line, key, tab);
    if (key.eword >= 0) lim = limfield(line, key, tab);
    if ((key.skipsblanks && key.sword < 0) || key.month || isNumericKey(key)) {
      while (beg < lim && isBlank(line.charCodeAt(beg))) beg++;
      let tight = beg;
      if (lim < beg) tight = lim;
      else if (key.month) {
        if (getmonth(line.slice(beg, lim))) tight = beg + 3;
      } else if (key.general) tight = beg + strtold(line.slice(beg, lim)).end;
      else if (key.numeric || key.human) {
        const p = beg + (beg < lim && line[beg] === '-' ? 1 : 0);
        const end = numberEnd(line, p, lim);
        if (end >= 0) tight = end + (key.human && end < lim && UNITS.includes(line[end]!) ? 1 : 0);
      } else tight = lim;
      lim = tight;
    }
  }
  const offset = width(line, 0, beg);
  const w = lim > beg ? width(line, beg, lim) : 0;
  return ' '.repeat(offset) + (w ? `${'_'.repeat(w)}\n` : '^ no match for key\n');
}

/** One output line as --debug writes it: tabs shown as '>', then the key marks. */
export function debugLine(line: string, s: DebugSetup): string {
  let out = `${line.replace(/\t/g, '>')}\n`;
  for (const key of s.keys) out += markKey(line, key, s.tab);
  if (s.keys.length === 0 || !(s.unique || s.stable)) out += markKey(line, undefined, s.tab);
  return out;
}
