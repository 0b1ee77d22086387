// Go's encoding/json Marshal output for the JS stand-ins of Go values: compact, map keys in
// sorted order, struct fields in declaration (insertion) order, floats in Go's format, and the
// string escaping of encodeState.string (Go 1.22+: \b and \f are short escapes; U+2028 and
// U+2029 are always escaped; <, > and & only when escapeHTML is set, which docker's `json`
// template function turns off with SetEscapeHTML(false)).

import { formatFloat } from './ftoa';
import { dataEntries, GoNumber, isRecord, kindOf, numberValue, sortedKeys } from './values';

export class JsonError extends Error {}

const HEX = '0123456789abcdef';

export function jsonString(s: string, escapeHTML: boolean): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0xfffd;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      out += '\\ufffd';
      continue;
    }
    if (cp === 0x22) out += '\\"';
    else if (cp === 0x5c) out += '\\\\';
    else if (cp === 0x0a) out += '\\n';
    else if (cp === 0x0d) out += '\\r';
    else if (cp === 0x09) out += '\\t';
    else if (cp === 0x08) out += '\\b';
    else if (cp === 0x0c) out += '\\f';
    else if (cp < 0x20 || (escapeHTML && (cp === 0x3c || cp === 0x3e || cp === 0x26))) {
      out += '\\u00' + HEX[cp >> 4] + HEX[cp & 0xf];
    } else if (cp === 0x2028 || cp === 0x2029) out += '\\u202' + HEX[cp & 0xf];
    else out += ch;
  }
  return out + '"';
}

function jsonFloat(v: number): string {
  if (!Number.isFinite(v)) throw new JsonError(`json: unsupported value: ${formatFloat(v, 'g', -1)}`);
  const abs = Math.abs(v);
  let fmt: 'f' | 'e' = 'f';
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) fmt = 'e';
  let s = formatFloat(v, fmt, -1);
  // Go cleans e-09 to e-9.
  if (fmt === 'e') s = s.replace(/e-0(\d)$/, 'e-$1');
  return s;
}

function encode(v: unknown, escapeHTML: boolean, depth: number): string {
  if (depth > 1000) throw new JsonError('json: unsupported value: encountered a cycle');
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return 'null';
    case 'bool':
      return v ? 'true' : 'false';
    case 'string':
      return jsonString(v as string, escapeHTML);
    case 'int':
    case 'uint':
      return typeof v === 'bigint' ? v.toString() : String(Math.trunc(numberValue(v)));
    case 'float':
      return jsonFloat(numberValue(v));
    case 'func':
      throw new JsonError('json: unsupported type: func()');
    case 'slice':
      return '[' + (v as unknown[]).map((e) => encode(e, escapeHTML, depth + 1)).join(',') + ']';
    case 'map': {
      const obj = v as Record<string, unknown>;
      const marshal = marshalJSON(obj);
      if (marshal !== undefined) return marshal;
      return '{' + sortedKeys(obj).map((k) => jsonString(k, escapeHTML) + ':' + encode(obj[k], escapeHTML, depth + 1)).join(',') + '}';
    }
    case 'struct': {
      const obj = v as Record<string, unknown>;
      const marshal = marshalJSON(obj);
      if (marshal !== undefined) return marshal;
      return '{' + dataEntries(obj).map(([k, e]) => jsonString(k, escapeHTML) + ':' + encode(e, escapeHTML, depth + 1)).join(',') + '}';
    }
  }
  return 'null';
}

/** A MarshalJSON method (returning the JSON text) stands for Go's json.Marshaler. */
function marshalJSON(obj: Record<string, unknown>): string | undefined {
  if (!isRecord(obj) || obj instanceof GoNumber) return undefined;
  const m = obj['MarshalJSON'];
  if (typeof m !== 'function') return undefined;
  return String((m as () => unknown).call(obj));
}

/** json.Marshal (escapeHTML true) or an Encoder with SetEscapeHTML(false), without the newline. */
export function jsonEncode(v: unknown, escapeHTML = true): string {
  return encode(v, escapeHTML, 0);
}
