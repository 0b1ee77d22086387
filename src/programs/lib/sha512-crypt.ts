// SHA-512 crypt ("$6$salt$hash", Ulrich Drepper's specification, as glibc and libxcrypt
// implement it): the hash pam_unix writes to /etc/shadow with its `sha512` option. The same
// scheme over SHA-256 is "$5$" (openssl passwd -5).
import { Sha256 } from './sha256';
import { sha512 } from './sha512';

/** crypt(3)'s base-64 alphabet (for salts and hashes of every scheme). */
export const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ROUNDS_DEFAULT = 5000;
const ROUNDS_MIN = 1000;
const ROUNDS_MAX = 999_999_999;
const SALT_MAX = 16;

const encoder = new TextEncoder();

function concat(parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** `len` bytes of `digest` repeated (the P and S sequences of the specification). */
function stretch(digest: Uint8Array, len: number): Uint8Array {
  const out = new Uint8Array(len);
  for (let i = 0; i < len; i++) out[i] = digest[i % digest.length]!;
  return out;
}

const sha256 = (data: Uint8Array): Uint8Array => new Sha256().update(data).digest();

/** The digest's bytes in the order the output's base-64 groups take them, per scheme. */
const ORDER = {
  '6': [
    [0, 21, 42], [22, 43, 1], [44, 2, 23], [3, 24, 45], [25, 46, 4], [47, 5, 26], [6, 27, 48],
    [28, 49, 7], [50, 8, 29], [9, 30, 51], [31, 52, 10], [53, 11, 32], [12, 33, 54], [34, 55, 13],
    [56, 14, 35], [15, 36, 57], [37, 58, 16], [59, 17, 38], [18, 39, 60], [40, 61, 19], [62, 20, 41],
  ],
  '5': [[0, 10, 20], [21, 1, 11], [12, 22, 2], [3, 13, 23], [24, 4, 14], [15, 25, 5], [6, 16, 26], [27, 7, 17], [18, 28, 8], [9, 19, 29]],
} as const;

/** Parses `$6$[rounds=N$]salt[$...]` (or `$5$...`): the salt (at most 16 chars) and rounds, or undefined. */
export function parseSetting(setting: string): { salt: string; rounds: number; explicitRounds: boolean } | undefined {
  if (!setting.startsWith('$6$') && !setting.startsWith('$5$')) return undefined;
  let rest = setting.slice(3);
  let rounds = ROUNDS_DEFAULT;
  let explicitRounds = false;
  const m = /^rounds=(\d+)\$/.exec(rest);
  if (m) {
    rounds = Math.min(ROUNDS_MAX, Math.max(ROUNDS_MIN, Number(m[1])));
    explicitRounds = true;
    rest = rest.slice(m[0].length);
  }
  const end = rest.indexOf('$');
  const salt = (end < 0 ? rest : rest.slice(0, end)).slice(0, SALT_MAX);
  return { salt, rounds, explicitRounds };
}

/** crypt(3) with a `$6$` setting: the full `$6$salt$hash` string. */
export function sha512Crypt(password: string, setting: string): string {
  if (!setting.startsWith('$6$')) throw new Error('not a $6$ setting');
  return shaCrypt(password, setting, '6');
}

/** crypt(3) with a `$5$` setting: the full `$5$salt$hash` string. */
export function sha256Crypt(password: string, setting: string): string {
  if (!setting.startsWith('$5$')) throw new Error('not a $5$ setting');
  return shaCrypt(password, setting, '5');
}

function shaCrypt(password: string, setting: string, id: '5' | '6'): string {
  const { salt, rounds, explicitRounds } = parseSetting(setting)!;
  return shaCryptWith(password, id, salt, rounds, explicitRounds);
}

/** The crypt of an already parsed setting (openssl passwd keeps a '$' inside its -salt). */
export function shaCryptWith(password: string, id: '5' | '6', salt: string, rounds: number, explicitRounds: boolean): string {
  const hash = id === '6' ? sha512 : sha256;
  const P = encoder.encode(password);
  const S = encoder.encode(salt);
  const B = hash(concat([P, S, P]));
  const aParts: Uint8Array[] = [P, S, stretch(B, P.length)];
  for (let n = P.length; n > 0; n >>= 1) aParts.push(n & 1 ? B : P);
  let A = hash(concat(aParts));
  const DP = hash(concat(Array.from({ length: P.length }, () => P)));
  const Pseq = stretch(DP, P.length);
  const DS = hash(concat(Array.from({ length: 16 + A[0]! }, () => S)));
  const Sseq = DS.subarray(0, S.length);
  for (let i = 0; i < rounds; i++) {
    const parts: Uint8Array[] = [i & 1 ? Pseq : A];
    if (i % 3) parts.push(Sseq);
    if (i % 7) parts.push(Pseq);
    parts.push(i & 1 ? A : Pseq);
    A = hash(concat(parts));
  }
  let out = `$${id}$${explicitRounds ? `rounds=${rounds}$` : ''}${salt}$`;
  const b64 = (b2: number, b1: number, b0: number, n: number): void => {
    let w = (b2 << 16) | (b1 << 8) | b0;
    for (let i = 0; i < n; i++) {
      out += ITOA64[w & 0x3f];
      w >>>= 6;
    }
  };
  for (const [x, y, z] of ORDER[id]) b64(A[x]!, A[y]!, A[z]!, 4);
  if (id === '6') b64(0, 0, A[63]!, 2);
  else b64(0, A[31]!, A[30]!, 3);
  return out;
}

/** A salt of `length` characters (16 by default, pam_unix's for sha512) from random bytes. */
export function makeSalt(bytes: Uint8Array, length = SALT_MAX): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ITOA64[(bytes[i] ?? 0) & 0x3f];
  return s;
}

/**
 * Does `password` match the stored `hash`? Only `$6$` hashes are computed; an empty hash
 * matches the empty password; locked (`!`, `*`) or unknown schemes never match.
 */
export function verifyPassword(password: string, hash: string): boolean {
  if (hash === '') return password === '';
  if (!hash.startsWith('$6$')) return false;
  return sha512Crypt(password, hash) === hash;
}
