// Word splitting (bash manual, Word Splitting) and pathname expansion of the fields.
import { glob } from './glob';
import { escapeGlob, hasGlob, matchPattern } from './pattern';
import { ExpansionError, type ExpandHost, type Piece } from './expand';
import { utf8Locale } from './ansi-c';

let wsFor = ' \t\n';
let wsOf = ' \t\n';

/** The IFS whitespace characters of `ifs` (remembered for the last IFS seen). */
function ifsWhitespace(ifs: string): string {
  if (ifs !== wsFor) {
    let ws = '';
    for (let i = 0; i < ifs.length; i++) {
      const c = ifs[i]!;
      if (c === ' ' || c === '\t' || c === '\n') ws += c;
    }
    wsFor = ifs;
    wsOf = ws;
  }
  return wsOf;
}

export function hasIfsChar(text: string, ifs: string): boolean {
  if (ifs.length === 1) return text.includes(ifs);
  for (let i = 0; i < text.length; i++) if (ifs.includes(text[i]!)) return true;
  return false;
}

export type Field = { text: string; quoted: boolean }[];

/** Word splitting of pieces into fields (each a list of pieces). */
export function splitFields(pieces: Piece[], ifs: string): Field[] {
  const fields: Field[] = [];
  let cur: Field = [];
  let started = false;
  let afterWs = false;
  const emit = (): void => {
    fields.push(cur);
    cur = [];
    started = false;
  };
  for (let p of pieces) {
    if ('brk' in p) {
      // unquoted $@ and ${a[@]} split as if joined by IFS's first character (so with IFS=: an
      // empty element is a field, with whitespace none); otherwise each element is a field
      if (p.soft && ifs !== '') p = { text: ifs[0]!, quoted: false, split: true };
      else {
        if (started) emit();
        afterWs = false;
        continue;
      }
    }
    if (!p.split || ifs === '' || !hasIfsChar(p.text, ifs)) {
      if (p.quoted || p.text !== '') {
        cur.push({ text: p.text, quoted: p.quoted });
        started = true;
        afterWs = false;
      }
      continue;
    }
    const ws = ifsWhitespace(ifs);
    let buf = '';
    for (const c of p.text) {
      if (!ifs.includes(c)) {
        buf += c;
        continue;
      }
      if (buf) {
        cur.push({ text: buf, quoted: false });
        started = true;
        buf = '';
      }
      if (ws.includes(c)) {
        if (started) {
          emit();
          afterWs = true;
        }
      } else {
        if (started) emit();
        else if (!afterWs) emit();
        afterWs = false;
      }
    }
    if (buf) {
      cur.push({ text: buf, quoted: false });
      started = true;
      afterWs = false;
    }
  }
  if (started) emit();
  return fields;
}

export function joinField(f: Field): string {
  if (f.length === 1) return f[0]!.text;
  let s = '';
  for (const x of f) s += x.text;
  return s;
}

function globbable(f: Field): boolean {
  for (const s of f) if (!s.quoted && hasGlob(s.text)) return true;
  return false;
}

/** Fields to arguments; pathname expansion (which waits on the file system) when a field asks for it. */
export function fieldsInto(h: ExpandHost, fields: Field[], out: string[]): Promise<void> | undefined {
  const noglob = h.state.options.has('noglob');
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (!noglob && globbable(f)) return globFields(h, fields, i, out);
    out.push(joinField(f));
  }
  return undefined;
}

export async function globFields(h: ExpandHost, fields: Field[], from: number, out: string[]): Promise<void> {
  for (let i = from; i < fields.length; i++) {
    const f = fields[i]!;
    if (globbable(f) && !h.state.options.has('noglob')) {
      const pattern = f.map((s) => (s.quoted ? escapeGlob(s.text) : s.text)).join('');
      let matches = await glob(h.sys, pattern, {
        dotglob: h.state.shopts.has('dotglob'),
        globstar: h.state.shopts.has('globstar'),
        extglob: h.state.shopts.has('extglob'),
        nocaseglob: h.state.shopts.has('nocaseglob'),
        keepDots: !h.state.shopts.has('globskipdots'),
        bytes: !utf8Locale(h.state),
      });
      // GLOBIGNORE: names matching one of its patterns go, and so do . and ..
      const ignore = h.state.get('GLOBIGNORE');
      if (ignore) {
        const pats = ignore.split(':').filter((p) => p !== '');
        matches = matches.filter((m) => !/(^|\/)\.\.?$/.test(m) && !pats.some((p) => matchPattern(m, p)));
      }
      if (matches.length > 0) {
        out.push(...matches);
        continue;
      }
      // failglob wins over nullglob
      if (h.state.shopts.has('failglob')) throw new ExpansionError(`no match: ${f.map((s) => s.text).join('')}`);
      if (h.state.shopts.has('nullglob')) continue;
    }
    out.push(joinField(f));
  }
}
