// The coreutils programs added later, where the recorded fixtures cannot reach: BLAKE2b against
// RFC 7693's vector and long inputs fed in pieces, shred's choice of pattern passes, hostid's
// sources, and that random shred passes really overwrite.
import { describe, expect, it } from 'vitest';
import { Blake2b } from '../../../src/programs/coreutils/blake2b';
import { passName, passTypes, RANDOM } from '../../../src/programs/coreutils/shred-passes';
import { newMachine, sh } from './helpers';

const hex = (b: Uint8Array): string => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

describe('BLAKE2b', () => {
  it('gives RFC 7693 appendix A digest of "abc"', () => {
    const d = new Blake2b().update(new TextEncoder().encode('abc')).digest();
    expect(hex(d)).toBe('ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923');
  });

  it('gives the same digest whatever the chunk sizes, across block boundaries', () => {
    const data = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) & 255);
    const whole = hex(new Blake2b(32).update(data).digest());
    for (const cut of [1, 127, 128, 129, 256, 999]) {
      const h = new Blake2b(32);
      h.update(data.subarray(0, cut));
      h.update(data.subarray(cut));
      expect(hex(h.digest())).toBe(whole);
    }
  });
});

describe('shred passes', () => {
  const first = (): number => 0;

  it('uses only random passes up to 3', async () => {
    for (const n of [1, 2, 3]) expect(await passTypes(n, first)).toEqual(Array(n).fill(RANDOM));
  });

  it('spreads the random passes with one first and one last', async () => {
    const shape = async (n: number): Promise<string> => (await passTypes(n, first)).map((t) => (t === RANDOM ? 'R' : 'P')).join('');
    expect(await shape(4)).toBe('RPPR');
    expect(await shape(5)).toBe('RPRPR');
    expect(await shape(8)).toBe('RPPRPRPR');
    expect(await shape(15)).toBe('RPPPRPPRPPPRPPR');
  });

  it('takes the 1- and 2-bit patterns first, and names patterns by their bytes', async () => {
    const six = (await passTypes(6, first)).filter((t) => t !== RANDOM).map(passName).sort();
    expect(six).toEqual(['000000', '555555', 'aaaaaa', 'ffffff']);
    expect(passName(0x1000)).toBe('800000');
    expect(passName(RANDOM)).toBe('random');
  });

  it('overwrites a file with random bytes and rounds it up to a block', async () => {
    const r = await sh(newMachine(), 'printf "%0100d" 0 > f; shred -n 1 f; stat -c %s f; tr -d 0 < f | wc -c | tr -d " " | { read n; [ "$n" -gt 3000 ] && echo changed; }');
    expect(r).toEqual({ stdout: '4096\nchanged\n', stderr: '', exit: 0 });
  });
});

describe('hostid', () => {
  it('takes /etc/hostid when present, else the host name address from /etc/hosts', async () => {
    const r = await sh(newMachine(), 'hostid; printf "\\x01\\x02\\x03\\x04" > /etc/hostid; hostid; rm /etc/hostid; echo "10.1.2.3 photon-machine" > /etc/hosts; hostid; : > /etc/hosts; hostid; hostid x');
    expect(r).toEqual({ stdout: '007f0100\n04030201\n010a0302\n00000000\n', stderr: "hostid: extra operand 'x'\nTry 'hostid --help' for more information.\n", exit: 1 });
  });
});
