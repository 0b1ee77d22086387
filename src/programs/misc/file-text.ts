// file(1)'s view of text (encoding.c and ascmagic.c): which encoding, what kind of text
// (scripts by their #! line, JSON, markup, keys, diffs, C), and the remarks on line
// terminators, very long lines, escape sequences and overstriking.
import type { Magic } from './file-magic';

const decoder = new TextDecoder();
// F never in text, T ASCII text, I ISO-8859, X non-ISO extended ASCII
const F = 0;
const T = 1;
const I = 2;
const X = 3;
const TEXT_CHARS: number[] = [];
for (let c = 0; c < 256; c++) {
  if (c < 0x20) TEXT_CHARS.push([7, 8, 9, 10, 11, 12, 13, 27].includes(c) ? T : F);
  else if (c < 0x7f) TEXT_CHARS.push(T);
  else if (c === 0x7f) TEXT_CHARS.push(F);
  else if (c < 0xa0) TEXT_CHARS.push(c === 0x85 ? T : X);
  else TEXT_CHARS.push(I);
}

type Encoding = { code: string; charset: string; text: Uint8Array };

/** UTF-8 with at least one multibyte sequence, unless `asciiOk` (text after a BOM may be plain ASCII). */
function validUtf8(b: Uint8Array, asciiOk = false): boolean {
  let multi = false;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c < 0x80) {
      if (TEXT_CHARS[c] !== T) return false;
      continue;
    }
    const n = c >= 0xf0 && c <= 0xf4 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 && c < 0xe0 ? 1 : -1;
    if (n < 0) return false;
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return false;
    i += n;
    multi = true;
  }
  return multi || asciiOk;
}

export function encodingOf(b: Uint8Array): Encoding | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf && validUtf8(b.subarray(3), true)) return { code: 'Unicode text, UTF-8 (with BOM)', charset: 'utf-8', text: b.subarray(3) };
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
    const le = b[0] === 0xff;
    const chars: number[] = [];
    for (let i = 2; i + 1 < b.length; i += 2) chars.push(le ? b[i]! | (b[i + 1]! << 8) : (b[i]! << 8) | b[i + 1]!);
    return { code: `Unicode text, UTF-16, ${le ? 'little' : 'big'}-endian`, charset: le ? 'utf-16le' : 'utf-16be', text: Uint8Array.from(chars.map((c) => (c < 256 ? c : 0x41))) };
  }
  let cls = T;
  for (const c of b) {
    const t = TEXT_CHARS[c]!;
    if (t === F) return undefined;
    if (t > cls) cls = t;
  }
  if (cls === T) return { code: 'ASCII', charset: 'us-ascii', text: b };
  if (validUtf8(b)) return { code: 'Unicode text, UTF-8', charset: 'utf-8', text: b };
  if (cls === I) return { code: 'ISO-8859', charset: 'iso-8859-1', text: b };
  return { code: 'Non-ISO extended-ASCII', charset: 'unknown-8bit', text: b };
}

/** ", with very long lines (N), with CRLF line terminators, ..." */
function remarks(b: Uint8Array): string {
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  let longest = 0;
  let cur = 0;
  let esc = false;
  let backspace = false;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c === 13) {
      if (b[i + 1] === 10) {
        crlf++;
        i++;
      } else cr++;
      longest = Math.max(longest, cur);
      cur = 0;
    } else if (c === 10) {
      lf++;
      longest = Math.max(longest, cur);
      cur = 0;
    } else {
      cur++;
      if (c === 27) esc = true;
      if (c === 8) backspace = true;
    }
  }
  longest = Math.max(longest, cur);
  let out = '';
  if (longest > 300) out += `, with very long lines (${longest})`;
  if (crlf || cr || !lf) {
    out += ', with';
    if (!crlf && !cr && !lf) out += ' no';
    else {
      if (crlf) out += ` CRLF${cr || lf ? ',' : ''}`;
      if (cr) out += ` CR${lf ? ',' : ''}`;
      if (lf) out += ' LF';
    }
    out += ' line terminators';
  }
  if (esc) out += ', with escape sequences';
  if (backspace) out += ', with overstriking';
  return out;
}

const INTERPRETERS: [RegExp, string, string][] = [
  [/^bash$/, 'Bourne-Again shell script', 'text/x-shellscript'],
  [/^sh$/, 'POSIX shell script', 'text/x-shellscript'],
  [/^zsh$/, "Paul Falstad's zsh script", 'text/x-shellscript'],
  [/^ksh$/, 'Korn shell script', 'text/x-shellscript'],
  [/^tcsh$/, 'Tenex C shell script', 'text/x-shellscript'],
  [/^csh$/, 'C shell script', 'text/x-shellscript'],
  [/^python[0-9.]*$/, 'Python script', 'text/x-script.python'],
  [/^ruby$/, 'Ruby script', 'text/x-ruby'],
  [/^php$/, 'PHP script', 'text/x-php'],
  [/^lua$/, 'Lua script', 'text/x-lua'],
  [/^(g|n|m)?awk$/, 'awk script', 'text/x-awk'],
  [/^tclsh$|^wish$/, 'Tcl/Tk script', 'text/x-tcl'],
];

function scriptKind(line: string, hasNewline: boolean): { desc: string; mime: string; special?: 'perl' | 'node' } | undefined {
  const rest = line.slice(2).replace(/^[ \t]+/, '');
  if (!rest.startsWith('/')) return undefined;
  const words = rest.split(/[ \t\r]+/).filter(Boolean);
  const terminated = words.length > 1 || hasNewline;
  const viaEnv = /^\/(usr\/)?bin\/env$/.test(words[0]!) && words.length > 1;
  const prog = viaEnv ? words[1]! : words[0]!;
  const base = prog.slice(prog.lastIndexOf('/') + 1);
  const dirOk = viaEnv ? !prog.includes('/') : /^\/(usr\/(local\/)?)?bin\/[^/]+$/.test(prog);
  if (terminated && dirOk) {
    if (/^perl/.test(base)) return { desc: 'Perl script text executable', mime: 'text/x-perl', special: 'perl' };
    if (base === 'node' || base === 'nodejs') return { desc: 'Node.js script executable', mime: 'application/javascript', special: 'node' };
    for (const [re, desc, mime] of INTERPRETERS) if (re.test(base) && !(viaEnv && base === 'sh')) return { desc, mime };
  }
  return { desc: `a ${viaEnv ? words.slice(1).join(' ') : words.join(' ')} script`, mime: 'text/plain' };
}

function isJson(s: string): boolean {
  const t = s.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

/** Classifies text; undefined when the bytes are not text. */
export function textMagic(b: Uint8Array): Magic | undefined {
  const enc = encodingOf(b);
  if (!enc) return undefined;
  const s = decoder.decode(enc.text.subarray(0, 65536));
  const rem = remarks(enc.text);
  const text = (prefix: string, mime: string, exec = false): Magic => ({
    desc: `${prefix ? `${prefix}, ` : ''}${enc.code} text${exec ? ' executable' : ''}${rem}`,
    mime,
    charset: enc.charset,
  });
  if (s.startsWith('#!')) {
    const k = scriptKind(s.split('\n')[0]!, s.includes('\n'));
    if (k) {
      if (k.special === 'perl') return { desc: `${k.desc}${rem}`, mime: k.mime, charset: enc.charset };
      if (k.special === 'node') return { desc: `${k.desc}, ${enc.code} text${rem}`, mime: k.mime, charset: enc.charset };
      return text(k.desc, k.mime, true);
    }
  }
  const head = s.slice(0, 4096);
  if (/^-----BEGIN CERTIFICATE-----/m.test(head)) return { desc: 'PEM certificate', mime: 'text/plain', charset: enc.charset };
  if (/^-----BEGIN OPENSSH PRIVATE KEY-----/.test(head)) return { desc: 'OpenSSH private key', mime: 'text/plain', charset: enc.charset };
  const pem = /^-----BEGIN (RSA|DSA|EC) PRIVATE KEY-----/.exec(head);
  if (pem) return { desc: `PEM ${pem[1]} private key`, mime: 'text/plain', charset: enc.charset };
  if (/^-----BEGIN PRIVATE KEY-----/.test(head)) return { desc: 'OpenSSH private key (no password)', mime: 'text/plain', charset: enc.charset };
  const pub = /^ssh-(rsa|dss|ed25519) /.exec(head);
  if (pub) return { desc: `OpenSSH ${pub[1] === 'rsa' ? 'RSA' : pub[1] === 'dss' ? 'DSA' : 'ED25519'} public key`, mime: 'text/plain', charset: enc.charset };
  if (isJson(s)) return { desc: 'JSON text data', mime: 'application/json', charset: enc.charset };
  // soft magic that looks at the start of the text: mail headers, awk, FORTRAN comments
  if (head.startsWith('From:')) return text('news or mail', 'message/rfc822');
  if (/^\s{0,100}BEGIN\s{0,100}\{/.test(head)) return text('awk or perl script', 'text/plain');
  if (/^[Cc][ \t]/.test(head)) return text('FORTRAN program', 'text/x-fortran');
  const xml = /^<\?xml version="([^"]+)"/.exec(head);
  if (xml) return text(`XML ${xml[1]} document`, 'text/xml');
  if (/^\s*<!DOCTYPE html/i.test(head) || /^\s*<html/i.test(head) || /^\s*<head/i.test(head)) return text('HTML document', 'text/html');
  if (/^diff /.test(head)) return text('diff output', 'text/x-diff');
  if (/^--- .*\n\+\+\+ .*\n@@ /.test(head)) return text('unified diff output', 'text/x-diff');
  if (/^#include\s*[<"]/m.test(head) || /^#define\s/m.test(head)) return text('C source', 'text/x-c');
  return text('', 'text/plain');
}
