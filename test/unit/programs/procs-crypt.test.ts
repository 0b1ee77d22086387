// SHA-512 and SHA-512 crypt against published vectors (FIPS 180-4, Drepper's sha-crypt
// specification) and hashes made by `openssl passwd -6`.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha512 } from '../../../src/programs/lib/sha512';
import { parseSetting, sha512Crypt, verifyPassword } from '../../../src/programs/lib/sha512-crypt';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('sha512', () => {
  it.each([0, 1, 3, 55, 111, 112, 127, 128, 129, 255, 256, 1000])('matches node:crypto for %i bytes', (n) => {
    const data = new Uint8Array(n).map((_, i) => (i * 7 + n) & 255);
    expect(hex(sha512(data))).toBe(createHash('sha512').update(data).digest('hex'));
  });
});

describe('sha512-crypt', () => {
  it.each([
    ['Hello world!', '$6$saltstring', '$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1'],
    ['Hello world!', '$6$rounds=10000$saltstringsaltstring', '$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.'],
    ['This is just a test', '$6$rounds=5000$toolongsaltstring', '$6$rounds=5000$toolongsaltstrin$lQ8jolhgVRVhY4b5pZKaysCLi0QBxGoNeKQzQ3glMhwllF7oGDZxUhx1yxdYcz/e1JSbq3y6JMxxl8audkUEm0'],
    ['changeme', '$6$saltsalt$', '$6$saltsalt$XfDjcODbNwh18F961gnY3h57N.LVD8n2SQ1Me6kjP7kHT6Gw.3k62XiIDH0H5JIpBtLyKwQqeisy0oi3As7q3.'],
  ])('crypt(%j, %s)', (password, setting, want) => {
    expect(sha512Crypt(password, setting)).toBe(want);
  });

  it('clamps rounds and salt as glibc does', () => {
    expect(parseSetting('$6$rounds=10$abc$')).toEqual({ salt: 'abc', rounds: 1000, explicitRounds: true });
    expect(parseSetting('$1$abc$')).toBeUndefined();
  });

  it('verifies only matching $6$ hashes; locked and empty fields behave as pam_unix', () => {
    const h = sha512Crypt('secret-1', '$6$0123456789abcdef$');
    expect(verifyPassword('secret-1', h)).toBe(true);
    expect(verifyPassword('secret-2', h)).toBe(false);
    expect(verifyPassword('secret-1', `!${h}`)).toBe(false);
    expect(verifyPassword('', '')).toBe(true);
    expect(verifyPassword('x', '*')).toBe(false);
  });
});
