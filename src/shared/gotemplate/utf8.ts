// UTF-8 helpers. Go strings are byte strings: len(), slicing, %x and error columns all count
// bytes, while fmt's width and precision count runes. JS strings are UTF-16, so the places
// where Go works on bytes convert explicitly through these helpers (no TextEncoder: the module
// stays free of DOM and Node APIs).

/** The code points of `s`; a lone surrogate is kept as is (it encodes as U+FFFD). */
export function runes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0) ?? 0xfffd);
  return out;
}

export function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function isSurrogate(cp: number): boolean {
  return cp >= 0xd800 && cp <= 0xdfff;
}

/** Appends the UTF-8 encoding of one code point (U+FFFD for a surrogate or an invalid value). */
export function encodeRune(out: number[], cp: number): void {
  if (cp < 0 || cp > 0x10ffff || isSurrogate(cp)) cp = 0xfffd;
  if (cp < 0x80) out.push(cp);
  else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
}

export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) encodeRune(out, ch.codePointAt(0) ?? 0xfffd);
  return out;
}

export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0xfffd;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Decodes bytes as Go's range-over-string does: each invalid byte becomes U+FFFD. */
export function decodeUtf8(bytes: readonly number[]): string {
  let s = '';
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i] ?? 0;
    let cp = 0xfffd;
    let size = 1;
    if (b0 < 0x80) {
      cp = b0;
    } else {
      const need = b0 >= 0xf0 && b0 <= 0xf4 ? 3 : b0 >= 0xe0 && b0 <= 0xef ? 2 : b0 >= 0xc2 && b0 <= 0xdf ? 1 : 0;
      if (need > 0) {
        let v = b0 & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
        let ok = true;
        for (let k = 1; k <= need; k++) {
          const b = bytes[i + k];
          if (b === undefined || (b & 0xc0) !== 0x80) {
            ok = false;
            break;
          }
          v = (v << 6) | (b & 0x3f);
        }
        const min = need === 1 ? 0x80 : need === 2 ? 0x800 : 0x10000;
        if (ok && v >= min && v <= 0x10ffff && !isSurrogate(v)) {
          cp = v;
          size = need + 1;
        }
      }
    }
    s += String.fromCodePoint(cp);
    i += size;
  }
  return s;
}

/** s[start:end] in bytes, as Go slices a string. */
export function sliceBytes(s: string, start: number, end?: number): string {
  const b = utf8Bytes(s);
  return decodeUtf8(b.slice(start, end));
}
