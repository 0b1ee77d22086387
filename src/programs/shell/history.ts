// History expansion (bash manual, HISTORY EXPANSION): !! !n !-n !string !?string? ^old^new,
// word designators :0 :n :^ :$ :* :n-m and the shortcuts !$ !^ !*, modifiers :h :t :r :e :p :s.

export class EventNotFound extends Error {
  constructor(readonly event: string) {
    super(`${event}: event not found`);
    this.name = 'EventNotFound';
  }
}

export class SubstitutionFailed extends EventNotFound {
  constructor(spec: string) {
    super(spec);
    this.message = `${spec}: substitution failed`;
  }
}

/** Splits a history line into words roughly as bash's history library does (quotes kept). */
export function historyWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      cur += c;
      if (c === quote) quote = '';
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      cur += c;
      continue;
    }
    if (c === ' ' || c === '\t') {
      if (cur) words.push(cur);
      cur = '';
      continue;
    }
    if ('|&;<>()'.includes(c)) {
      if (cur) words.push(cur);
      cur = '';
      let op = c;
      if (i + 1 < line.length && (line[i + 1] === c || (c === '>' && line[i + 1] === '&'))) op += line[++i];
      words.push(op);
      continue;
    }
    cur += c;
  }
  if (cur) words.push(cur);
  return words;
}

function selectWords(words: string[], spec: string, event: string): string {
  const last = words.length - 1;
  const index = (s: string): number => (s === '$' ? last : s === '^' ? 1 : Number(s));
  let m: RegExpExecArray | null;
  if (spec === '*') return words.slice(1).join(' ');
  if ((m = /^(\d+|\^|\$)?-(\d+|\$)?$/.exec(spec))) {
    const a = m[1] === undefined ? 0 : index(m[1]);
    const b = m[2] === undefined ? last - 1 : index(m[2]);
    if (a > last || b > last || a > b) throw new EventNotFound(`${event}`);
    return words.slice(a, b + 1).join(' ');
  }
  if ((m = /^(\d+|\^|\$)\*$/.exec(spec))) return words.slice(index(m[1]!)).join(' ');
  const i = index(spec);
  if (Number.isNaN(i) || i > last || i < 0) throw new EventNotFound(event);
  return words[i]!;
}

/** Expands history references in `line`; returns null when nothing was expanded. */
export function expandHistory(line: string, history: readonly string[]): { line: string; printOnly: boolean } | null {
  if (!line.includes('!') && !line.startsWith('^')) return null;
  let printOnly = false;
  const prev = history[history.length - 1];
  if (line.startsWith('^')) {
    const m = /^\^([^^]*)\^([^^]*)\^?(.*)$/.exec(line);
    if (!m || prev === undefined) throw new EventNotFound(line);
    if (!prev.includes(m[1]!)) throw new SubstitutionFailed(`:s^${m[1]}^${m[2]}^`);
    return { line: prev.replace(m[1]!, m[2]!) + m[3], printOnly };
  }
  let out = '';
  let changed = false;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && line[i + 1] === '!') {
      out += '\\!';
      i++;
      continue;
    }
    if (quote === "'") {
      if (c === "'") quote = '';
      out += c;
      continue;
    }
    if (c === "'" && quote === '') {
      quote = "'";
      out += c;
      continue;
    }
    if (c === '"') quote = quote === '"' ? '' : '"';
    if (c !== '!') {
      out += c;
      continue;
    }
    const rest = line.slice(i + 1);
    if (rest === '' || /^[\s=(]/.test(rest) || (quote === '"' && rest.startsWith('"'))) {
      out += c;
      continue;
    }
    let event: string | undefined;
    let text: string;
    let m: RegExpExecArray | null;
    let consumed: number;
    if (rest.startsWith('!')) {
      text = prev ?? '';
      event = '!!';
      consumed = 1;
      if (prev === undefined) throw new EventNotFound('!!');
    } else if ((m = /^-?\d+/.exec(rest))) {
      const n = Number(m[0]);
      const idx = n < 0 ? history.length + n : n - 1;
      const h = history[idx];
      if (h === undefined) throw new EventNotFound(`!${m[0]}`);
      text = h;
      consumed = m[0].length;
    } else if ((m = /^\?([^?\n]*)\??/.exec(rest))) {
      const needle = m[1]!;
      const h = [...history].reverse().find((x) => x.includes(needle));
      if (h === undefined) throw new EventNotFound(`!?${needle}`);
      text = h;
      consumed = m[0].length;
    } else if (rest[0] === '$' || rest[0] === '^' || rest[0] === '*') {
      if (prev === undefined) throw new EventNotFound(`!${rest[0]}`);
      out += selectWords(historyWords(prev), rest[0], `!${rest[0]}`);
      i += 1;
      changed = true;
      continue;
    } else if ((m = /^[^\s:;&|<>()"'`$]+/.exec(rest))) {
      const prefix = m[0];
      const h = [...history].reverse().find((x) => x.startsWith(prefix));
      if (h === undefined) throw new EventNotFound(`!${prefix}`);
      text = h;
      consumed = prefix.length;
    } else {
      out += c;
      continue;
    }
    i += consumed;
    // word designators and modifiers
    for (;;) {
      const after = line.slice(i + 1);
      const wm = /^:(\d+-?\d*|\^|\$|\*|-\d+|\d*\*)/.exec(after);
      if (wm) {
        text = selectWords(historyWords(text), wm[1]!, `!${event ?? ''}${wm[0]}`);
        i += wm[0].length;
        continue;
      }
      const mm = /^:([htrep])/.exec(after);
      if (mm) {
        const mod = mm[1];
        if (mod === 'h') text = text.includes('/') ? text.slice(0, text.lastIndexOf('/')) : text;
        else if (mod === 't') text = text.slice(text.lastIndexOf('/') + 1);
        else if (mod === 'r') text = text.replace(/\.[^./]*$/, '');
        else if (mod === 'e') text = /\.[^./]*$/.exec(text)?.[0] ?? '';
        else printOnly = true;
        i += mm[0].length;
        continue;
      }
      const sm = /^:s(.)([^]*?)\1([^]*?)(\1|$)/.exec(after);
      if (sm) {
        text = text.replace(sm[2]!, sm[3]!);
        i += sm[0].length;
        continue;
      }
      break;
    }
    out += text;
    changed = true;
  }
  return changed ? { line: out, printOnly } : null;
}
