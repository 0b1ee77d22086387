// Raw bytes inside JavaScript strings. Text is UTF-8, but escapes such as printf '\351' or
// $'\xe9' name single bytes that are not UTF-8. Such a byte b >= 0x80 is carried as the lone
// surrogate U+DC00+b (Python's "surrogateescape") and written back as the byte itself.

const encoder = new TextEncoder();

/** `parts` joined into one array (`total`: their summed length, when the caller knows it). */
export function concatBytes(parts: readonly Uint8Array[], total?: number): Uint8Array {
  const out = new Uint8Array(total ?? parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The character that stands for byte `b` (bytes below 0x80 are plain ASCII). */
export function byteChar(b: number): string {
  const v = b & 0xff;
  return v < 0x80 ? String.fromCharCode(v) : String.fromCharCode(0xdc00 + v);
}

/** UTF-8 bytes of `text`, with escaped bytes written as themselves. */
export function encodeText(text: string): Uint8Array {
  if (!/[\udc80-\udcff]/.test(text)) return encoder.encode(text);
  const parts: Uint8Array[] = [];
  let total = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // a lone low surrogate (not the second half of a pair)
    if (c >= 0xdc80 && c <= 0xdcff && !(i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) {
      const before = encoder.encode(text.slice(start, i));
      parts.push(before, Uint8Array.of(c - 0xdc00));
      total += before.length + 1;
      start = i + 1;
    }
  }
  const rest = encoder.encode(text.slice(start));
  parts.push(rest);
  total += rest.length;
  return concatBytes(parts, total);
}
