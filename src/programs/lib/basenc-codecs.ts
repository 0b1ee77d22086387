// The encodings of base32 and basenc (RFC 4648 base64, base64url, base32, base32hex,
// base16; base2 with either bit order; Z85), on binary strings. Decoding goes a group at a
// time as gnulib does: the bytes of a group are written as far as its characters are
// valid, and an incomplete or invalid group ends the output with an error.

export interface Codec {
  /** Characters of one encoded group and bytes of one decoded group. */
  encGroup: number;
  decGroup: number;
  alphabet: string;
  /** Characters -i keeps besides the alphabet. */
  extra: string;
  encode(data: string): string | { error: string };
  /** Decoded bytes and whether every group was valid. */
  decode(text: string): { data: string; ok: boolean };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B32HEX = '0123456789ABCDEFGHIJKLMNOPQRSTUV';
const Z85 = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#';

const chr = (n: number): string => String.fromCharCode(n & 0xff);

function table(alphabet: string): Map<string, number> {
  return new Map([...alphabet].map((c, i) => [c, i]));
}

/** Every group of `size` characters from text, the last possibly shorter. */
function groups(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function base64(alphabet: string): Codec {
  const val = table(alphabet);
  return {
    encGroup: 4,
    decGroup: 3,
    alphabet,
    extra: '=',
    encode(data) {
      let s = '';
      for (let i = 0; i < data.length; i += 3) {
        const a = data.charCodeAt(i);
        const b = i + 1 < data.length ? data.charCodeAt(i + 1) : 0;
        const c = i + 2 < data.length ? data.charCodeAt(i + 2) : 0;
        s += alphabet[a >> 2]! + alphabet[((a << 4) | (b >> 4)) & 63]!;
        s += i + 1 < data.length ? alphabet[((b << 2) | (c >> 6)) & 63]! : '=';
        s += i + 2 < data.length ? alphabet[c & 63]! : '=';
      }
      return s;
    },
    decode(text) {
      let data = '';
      for (const g of groups(text, 4)) {
        const v = (k: number): number | undefined => val.get(g[k] ?? '');
        const a = v(0);
        const b = v(1);
        if (a === undefined || b === undefined) return { data, ok: false };
        data += chr((a << 2) | (b >> 4));
        if (g.length === 2) return { data, ok: false };
        if (g[2] === '=') {
          if (g.length === 4 && g[3] === '=') continue;
          return { data, ok: false };
        }
        const c = v(2);
        if (c === undefined) return { data, ok: false };
        data += chr((b << 4) | (c >> 2));
        if (g.length === 3) return { data, ok: false };
        if (g[3] === '=') continue;
        const d = v(3);
        if (d === undefined) return { data, ok: false };
        data += chr((c << 6) | d);
      }
      return { data, ok: true };
    },
  };
}

function base32(alphabet: string): Codec {
  const val = table(alphabet);
  // characters used for 1..5 bytes of a final group
  const used = [0, 2, 4, 5, 7, 8];
  return {
    encGroup: 8,
    decGroup: 5,
    alphabet,
    extra: '=',
    encode(data) {
      let s = '';
      for (let i = 0; i < data.length; i += 5) {
        const n = Math.min(5, data.length - i);
        let bits = 0n;
        for (let k = 0; k < 5; k++) bits = (bits << 8n) | BigInt(k < n ? data.charCodeAt(i + k) : 0);
        let g = '';
        for (let k = 0; k < 8; k++) g += alphabet[Number((bits >> BigInt(35 - 5 * k)) & 31n)]!;
        s += g.slice(0, used[n]) + '='.repeat(8 - used[n]!);
      }
      return s;
    },
    decode(text) {
      let data = '';
      const pad = (g: string, from: number): boolean => [...g.slice(from)].every((c) => c === '=');
      for (const g of groups(text, 8)) {
        if (g.length < 8) return { data, ok: false };
        const v = [...g].map((c) => val.get(c));
        if (v[0] === undefined || v[1] === undefined) return { data, ok: false };
        data += chr((v[0] << 3) | (v[1] >> 2));
        if (g[2] === '=') {
          if (pad(g, 3)) continue;
          return { data, ok: false };
        }
        if (v[2] === undefined || v[3] === undefined) return { data, ok: false };
        data += chr((v[1] << 6) | (v[2] << 1) | (v[3] >> 4));
        if (g[4] === '=') {
          if (pad(g, 5)) continue;
          return { data, ok: false };
        }
        if (v[4] === undefined) return { data, ok: false };
        data += chr((v[3] << 4) | (v[4] >> 1));
        if (g[5] === '=') {
          if (pad(g, 6)) continue;
          return { data, ok: false };
        }
        if (v[5] === undefined || v[6] === undefined) return { data, ok: false };
        data += chr((v[4] << 7) | (v[5] << 2) | (v[6] >> 3));
        if (g[7] === '=') continue;
        if (v[7] === undefined) return { data, ok: false };
        data += chr((v[6] << 5) | v[7]);
      }
      return { data, ok: true };
    },
  };
}

const HEX = '0123456789ABCDEF';
const base16: Codec = {
  encGroup: 2,
  decGroup: 1,
  alphabet: HEX,
  extra: '',
  encode(data) {
    let s = '';
    for (let i = 0; i < data.length; i++) {
      const c = data.charCodeAt(i);
      s += HEX[c >> 4]! + HEX[c & 15]!;
    }
    return s;
  },
  decode(text) {
    let data = '';
    for (let i = 0; i < text.length; i += 2) {
      const a = HEX.indexOf(text[i]!);
      const b = i + 1 < text.length ? HEX.indexOf(text[i + 1]!) : -1;
      if (a < 0 || b < 0) return { data, ok: false };
      data += chr((a << 4) | b);
    }
    return { data, ok: true };
  },
};

function base2(msbFirst: boolean): Codec {
  return {
    encGroup: 8,
    decGroup: 1,
    alphabet: '01',
    extra: '',
    encode(data) {
      let s = '';
      for (let i = 0; i < data.length; i++) {
        const bits = data.charCodeAt(i).toString(2).padStart(8, '0');
        s += msbFirst ? bits : [...bits].reverse().join('');
      }
      return s;
    },
    decode(text) {
      let data = '';
      for (const g of groups(text, 8)) {
        if (g.length < 8 || /[^01]/.test(g)) return { data, ok: false };
        data += chr(parseInt(msbFirst ? g : [...g].reverse().join(''), 2));
      }
      return { data, ok: true };
    },
  };
}

const z85val = table(Z85);
const z85: Codec = {
  encGroup: 5,
  decGroup: 4,
  alphabet: Z85,
  extra: '',
  encode(data) {
    if (data.length % 4) return { error: 'invalid input (length must be multiple of 4 characters)' };
    let s = '';
    for (let i = 0; i < data.length; i += 4) {
      let n = 0;
      for (let k = 0; k < 4; k++) n = n * 256 + data.charCodeAt(i + k);
      let g = '';
      for (let k = 0; k < 5; k++) {
        g = Z85[n % 85]! + g;
        n = Math.floor(n / 85);
      }
      s += g;
    }
    return s;
  },
  decode(text) {
    if (text.length % 5) return { data: '', ok: false };
    let data = '';
    for (const g of groups(text, 5)) {
      let n = 0;
      for (const c of g) {
        const v = z85val.get(c);
        if (v === undefined) return { data, ok: false };
        n = n * 85 + v;
      }
      if (n > 0xffffffff) return { data, ok: false };
      data += chr(n >>> 24) + chr(n >>> 16) + chr(n >>> 8) + chr(n);
    }
    return { data, ok: true };
  },
};

export const CODECS: Record<string, Codec> = {
  base64: base64(B64),
  base64url: base64(B64URL),
  base32: base32(B32),
  base32hex: base32(B32HEX),
  base16,
  base2msbf: base2(true),
  base2lsbf: base2(false),
  z85,
};
