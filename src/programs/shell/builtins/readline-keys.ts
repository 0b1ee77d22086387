// Readline's key sequences: read from inputrc notation ("\C-x\C-r", "\M-b", "\e[A", "\177",
// Control-u) into bytes, and written back the way readline's listings show them.

const ESC = 27;
const RUBOUT = 127;

const ctrl = (c: number): number => (c === 63 ? RUBOUT : c & 0x1f);

const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, d: RUBOUT, e: ESC, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, '"': 34, "'": 39 };

/** The bytes of a quoted key sequence's text (the part between the quotes). */
export function parseKeyseq(text: string): number[] {
  const out: number[] = [];
  let i = 0;
  // one key at i, with any \C- and \M- before it (\M- puts ESC in front: convert-meta)
  const key = (): void => {
    const c = text[i];
    if (c !== '\\') {
      out.push(text.charCodeAt(i++) & 0xff);
      return;
    }
    const n = text[i + 1];
    if (n === undefined) {
      out.push(92);
      i++;
      return;
    }
    if ((n === 'C' || n === 'M') && text[i + 2] === '-' && i + 3 < text.length) {
      i += 3;
      if (n === 'M') {
        out.push(ESC);
        key();
        return;
      }
      const at = out.length;
      key();
      if (out.length === at + 1) out[at] = ctrl(out[at]!);
      return;
    }
    i += 2;
    if (n in SIMPLE_ESCAPES) out.push(SIMPLE_ESCAPES[n]!);
    else if (/[0-7]/.test(n)) {
      let v = Number(n);
      for (let k = 0; k < 2 && /[0-7]/.test(text[i] ?? ''); k++) v = v * 8 + Number(text[i++]);
      out.push(v & 0xff);
    } else if (n === 'x' && /[0-9a-fA-F]/.test(text[i] ?? '')) {
      let v = 0;
      for (let k = 0; k < 2 && /[0-9a-fA-F]/.test(text[i] ?? ''); k++) v = v * 16 + parseInt(text[i++]!, 16);
      out.push(v);
    } else out.push(n.charCodeAt(0) & 0xff);
  };
  while (i < text.length) key();
  return out;
}

const KEY_NAMES: Record<string, number> = { del: RUBOUT, esc: ESC, escape: ESC, lfd: 10, newline: 10, ret: 13, return: 13, rubout: RUBOUT, space: 32, spc: 32, tab: 9 };

/** An unquoted key name: Control-u, C-u, Meta-Rubout, M-DEL, TAB... */
export function parseKeyname(name: string): number[] {
  let rest = name;
  let control = false;
  let meta = false;
  for (;;) {
    const m = /^(control-|c-|meta-|m-)/i.exec(rest);
    if (!m || rest.length === m[0].length) break;
    if (m[1]!.toLowerCase().startsWith('c')) control = true;
    else meta = true;
    rest = rest.slice(m[0].length);
  }
  let c = KEY_NAMES[rest.toLowerCase()] ?? (rest.length === 1 ? rest.charCodeAt(0) & 0xff : parseKeyseq(rest)[0] ?? 0);
  if (control) c = ctrl(c);
  return meta ? [ESC, c] : [c];
}

/** A key that leads on to others (readline's rl_invoking_keyseqs). */
function prefixName(c: number, convertMeta: boolean): string {
  if (c === ESC) return convertMeta ? '\\M-' : '\\e';
  let s = '';
  if (c < 32 || c === RUBOUT) {
    s = '\\C-';
    c = c === RUBOUT ? 63 : String.fromCharCode(c | 64).toLowerCase().charCodeAt(0);
  }
  if (c === 92 || c === 34) s += '\\';
  return s + String.fromCharCode(c);
}

/** The last key of a sequence (readline's _rl_get_keyname). */
function keyName(c: number): string {
  if (c === ESC) return '\\e';
  if (c === RUBOUT) return '\\C-?';
  let s = '';
  if (c < 32) {
    s = '\\C-';
    c = String.fromCharCode(c | 64).toLowerCase().charCodeAt(0);
  }
  if (c >= 128) return `\\${c.toString(8).padStart(3, '0')}`;
  if (c === 92 || c === 34) s += '\\';
  return s + String.fromCharCode(c);
}

/** A key sequence (its bytes as a string of char codes) as readline lists it. */
export function renderKeyseq(seq: string, convertMeta: boolean): string {
  let s = '';
  for (let i = 0; i < seq.length; i++) s += i < seq.length - 1 ? prefixName(seq.charCodeAt(i), convertMeta) : keyName(seq.charCodeAt(i));
  return s;
}

/** A macro's text as readline writes it back (_rl_untranslate_macro_value). */
export function renderMacro(value: string): string {
  let s = '';
  for (const ch of value) {
    const c = ch.charCodeAt(0);
    if (c === ESC) s += '\\e';
    else if (c === RUBOUT) s += '\\C-?';
    else if (c < 32) s += `\\C-${String.fromCharCode(c | 64).toLowerCase()}`;
    else if (c >= 128) s += `\\${c.toString(8).padStart(3, '0')}`;
    else if (c === 92 || c === 34) s += `\\${ch}`;
    else s += ch;
  }
  return s;
}
