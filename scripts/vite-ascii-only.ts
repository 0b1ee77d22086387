// A Vite plugin that writes every JavaScript chunk in ASCII: each other character becomes a
// \uXXXX escape. A script with even one character past U+00FF is held by the browser as a
// two-byte string, and V8 compiles such a source markedly slower (the worker's bundle compiled
// in about 20 ms with its seven curly quotes and micro signs, 11 ms without). Escapes mean the
// same in strings, template literals, regular expressions, identifiers and comments; a chunk
// that reads templates' raw text (String.raw, a tag's .raw) is left as it is, since there an
// escape would be read as written.
import type { Plugin } from 'vite';

const NON_ASCII = /(\\*)([^\x00-\x7f])/g;

function escape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `code` with every non-ASCII UTF-16 unit escaped (a backslash before one, an identity escape, goes with it). */
export function asciiOnly(code: string): string {
  return code.replace(NON_ASCII, (_m, slashes: string, c: string) => (slashes.length % 2 ? slashes.slice(1) : slashes) + escape(c));
}

/** After minifying (which writes such characters as themselves), so in generateBundle. */
export function asciiChunks(): Plugin {
  return {
    name: 'photon-ascii-chunks',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !/[^\x00-\x7f]/.test(chunk.code) || /\.raw\b/.test(chunk.code)) continue;
        chunk.code = asciiOnly(chunk.code);
      }
    },
  };
}
