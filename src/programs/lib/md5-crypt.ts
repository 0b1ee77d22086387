// MD5 crypt ("$1$salt$hash", Poul-Henning Kamp's scheme as FreeBSD, glibc and OpenSSL compute
// it): 1,000 rounds of MD5 over the password, the salt (at most 8 characters) and the magic.
import { Md5 } from './md5';
import { ITOA64 } from './sha512-crypt';

const encoder = new TextEncoder();

const md5 = (...parts: Uint8Array[]): Uint8Array => {
  const h = new Md5();
  for (const p of parts) h.update(p);
  return h.digest();
};

/**
 * `salt` is cut at its first '$' as crypt(3) does, unless `rawSalt` (openssl passwd takes up to 8
 * characters whatever they are); `magicId` is 1, Apache's apr1 or '' (AIX's, no prefix).
 */
export function md5Crypt(password: string, salt: string, magicId = '1', rawSalt = false): string {
  const s = (rawSalt ? salt : salt.split('$')[0]!).slice(0, 8);
  const P = encoder.encode(password);
  const S = encoder.encode(s);
  const prefix = magicId ? `$${magicId}$` : '';
  const magic = encoder.encode(prefix);
  const alt = md5(P, S, P);
  const ctx = new Md5().update(P).update(magic).update(S);
  for (let left = P.length; left > 0; left -= 16) ctx.update(alt.subarray(0, Math.min(16, left)));
  for (let i = P.length; i; i >>= 1) ctx.update(i & 1 ? new Uint8Array(1) : P.subarray(0, 1));
  let final = ctx.digest();
  for (let i = 0; i < 1000; i++) {
    const parts: Uint8Array[] = [i & 1 ? P : final];
    if (i % 3) parts.push(S);
    if (i % 7) parts.push(P);
    parts.push(i & 1 ? final : P);
    final = md5(...parts);
  }
  let out = `${prefix}${s}$`;
  const to64 = (v: number, n: number): void => {
    for (let i = 0; i < n; i++) {
      out += ITOA64[v & 0x3f];
      v >>>= 6;
    }
  };
  for (const [a, b, c] of [[0, 6, 12], [1, 7, 13], [2, 8, 14], [3, 9, 15], [4, 10, 5]] as const) to64((final[a]! << 16) | (final[b]! << 8) | final[c]!, 4);
  to64(final[11]!, 2);
  return out;
}
