// find, xargs, diff, cmp, which, whereis, file and gzip: behaviour that the recordings on
// this Debian host cannot show (GNU which is not Debian's which, our binaries are stubs),
// larger inputs, and the libraries they share.
import { describe, expect, it } from 'vitest';
import { compileFnmatch } from '../../../src/programs/lib/fnmatch';
import { compileWholeMatch, RegexError } from '../../../src/programs/lib/gnu-regex';
import { crc32, inflateRaw } from '../../../src/programs/lib/inflate';
import { gzipDeflate } from '../../../src/programs/misc/gzip-deflate';
import { compress, decompress, gunzip } from '../../../src/programs/misc/gzip-format';
import { sha1Hex } from '../../../src/programs/misc/file-magic';
import { newMachine, sh } from './helpers';

describe('GNU which 2.21', () => {
  it('names the PATH it searched when a command is missing, and counts failures', async () => {
    const m = newMachine();
    expect(await sh(m, 'which nosuch; echo rc=$?')).toEqual({
      stdout: 'rc=1\n',
      stderr: 'which: no nosuch in (/usr/sbin:/usr/bin:/sbin:/bin)\n',
      exit: 0,
    });
    const two = await sh(m, 'which ls nosuch1 nosuch2; echo rc=$?');
    expect(two.stdout).toBe('/usr/bin/ls\nrc=2\n');
    expect(two.stderr).toBe('which: no nosuch1 in (/usr/sbin:/usr/bin:/sbin:/bin)\nwhich: no nosuch2 in (/usr/sbin:/usr/bin:/sbin:/bin)\n');
  });

  it('prints absolute paths for names with a slash and for relative PATH entries', async () => {
    const m = newMachine();
    const r = await sh(m, 'cp /usr/bin/true tool\nwhich ./tool\nPATH=.:/usr/bin which tool\nwhich ./missing; echo rc=$?');
    expect(r.stdout).toBe('/tmp/w/tool\n/tmp/w/tool\nrc=1\n');
    expect(r.stderr).toBe('which: no missing in (.)\n');
  });

  it('-a lists every match; no arguments prints usage with status 255; -v is the version', async () => {
    const m = newMachine();
    expect((await sh(m, 'which -a ls')).stdout).toBe('/usr/bin/ls\n/bin/ls\n');
    const none = await sh(m, 'which; echo rc=$?');
    expect(none.stdout).toBe('rc=255\n');
    expect(none.stderr).toMatch(/^Usage: which \[options\] \[--\] COMMAND \[\.\.\.\]\n/);
    expect((await sh(m, 'which -v')).stdout.split('\n')[0]).toBe('GNU which v2.21, Copyright (C) 1999 - 2015 Carlo Wood.');
  });

  it('reports an unknown option and carries on', async () => {
    expect(await sh(newMachine(), 'which -x ls')).toEqual({ stdout: '/usr/bin/ls\n', stderr: "which: invalid option -- 'x'\n", exit: 0 });
  });
});

describe('whereis', () => {
  it('lists each binary once although /bin is a link to /usr/bin', async () => {
    const m = newMachine();
    expect(await sh(m, 'whereis ls nosuch')).toEqual({ stdout: 'ls: /usr/bin/ls\nnosuch:\n', stderr: '', exit: 0 });
    expect((await sh(m, 'whereis -b find')).stdout).toBe('find: /usr/bin/find\n');
    expect(await sh(m, 'whereis')).toEqual({ stdout: '', stderr: "whereis: not enough arguments\nTry 'whereis --help' for more information.\n", exit: 1 });
  });
});

describe('file on the simulated binaries', () => {
  it('describes a stub as the x86-64 PIE it stands for, with a BuildID derived from its name', async () => {
    const r = await sh(newMachine(), 'file /usr/bin/ls; file -b -i /usr/bin/find');
    const id = sha1Hex(new TextEncoder().encode('photon-sim:ls'));
    expect(r.stdout).toBe(
      `/usr/bin/ls: ELF 64-bit LSB pie executable, x86-64, version 1 (SYSV), dynamically linked, interpreter /lib64/ld-linux-x86-64.so.2, BuildID[sha1]=${id}, for GNU/Linux 3.2.0, stripped\napplication/x-pie-executable; charset=binary\n`,
    );
  });

  it('sha1 is SHA-1', () => {
    expect(sha1Hex(new TextEncoder().encode('abc'))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(sha1Hex(new Uint8Array())).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
  });
});

describe('gzip format', () => {
  it('round-trips data of every size, with CRC-32 and the original size in the trailer', () => {
    let seed = 7;
    for (const size of [0, 1, 100, 70000, 140000]) {
      const data = new Uint8Array(size);
      for (let i = 0; i < size; i++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        data[i] = i % 3 ? seed & 0xff : 97 + (i % 7);
      }
      const gz = compress(data, 6, 'x.bin', 1705314600);
      const back = decompress(gz);
      expect(back.data.length).toBe(size);
      expect(Buffer.compare(back.data, data)).toBe(0);
      expect(back.header).toMatchObject({ name: 'x.bin', mtime: 1705314600 });
    }
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('reads stored blocks and reports where the stream ended', () => {
    const raw = Uint8Array.from([0x01, 0x03, 0x00, 0xfc, 0xff, 0x61, 0x62, 0x63, 0xaa]);
    expect(inflateRaw(raw)).toEqual({ data: Uint8Array.from([0x61, 0x62, 0x63]), end: 8 });
  });

  it("stops where gzip does: a truncated stream gives what was decoded; trailing bytes and bad CRCs are told apart", () => {
    const text = new TextEncoder().encode(Array.from({ length: 20000 }, (_, i) => `${i + 1}\n`).join(''));
    const gz = compress(text, 6, 's', 0);
    const cut = gunzip(gz.subarray(0, gz.length - 4), false, false);
    expect(cut.data.length).toBe(text.length);
    expect(cut.errors.map((e) => e.kind)).toEqual(['eof']);
    expect(cut.fatal).toBe(true);
    const half = gunzip(gz.subarray(0, 2000), false, false);
    expect(half.data.length).toBeGreaterThan(0);
    expect(half.data.length).toBeLessThan(text.length);
    expect(Buffer.compare(half.data, text.subarray(0, half.data.length))).toBe(0);
    const two = Uint8Array.from([...gz, ...gz, 0, 0]);
    expect(gunzip(two, false, false)).toMatchObject({ members: 2, size: text.length, trailing: 'zeros', errors: [] });
    expect(gunzip(Uint8Array.from([...gz, 0x78, 0x79]), false, false).trailing).toBe('garbage');
    const bad = Uint8Array.from(gz);
    bad[bad.length - 8] = bad[bad.length - 8]! ^ 1;
    const r = gunzip(bad, false, true);
    expect(r.errors.map((e) => e.kind)).toEqual(['crc']);
    expect(r.fatal).toBe(false);
    expect(gunzip(new Uint8Array(0), false, false).errors[0]!.kind).toBe('eof');
    expect(gunzip(Uint8Array.from([0]), false, false).errors[0]!.kind).toBe('format');
    expect(gunzip(Uint8Array.from([0x78]), true, false)).toMatchObject({ copied: true, errors: [] });
  });

  it("writes GNU gzip's bytes: its lazy matching, block splitting and Huffman trees", () => {
    const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
    expect(hex(gzipDeflate(new TextEncoder().encode('hello\n'), 6))).toBe('cb48cdc9c9e70200');
    expect(hex(gzipDeflate(new TextEncoder().encode('hello world hello world hello world\n'), 6))).toBe('cb48cdc9c95728cf2fca4951c8c0cee60200');
    const text = new TextEncoder().encode(Array.from({ length: 3000 }, (_, i) => `line ${i % 97} of ${i % 13}\n`).join(''));
    for (const level of [1, 6, 9]) expect(decompress(compress(text, level, undefined, 0)).data.length).toBe(text.length);
  });
});

describe('fnmatch and GNU regular expressions', () => {
  it('fnmatch: *, ?, brackets, classes, escapes, case folding', () => {
    const t = (p: string, s: string, casefold = false): boolean => compileFnmatch(p, { casefold })(s);
    expect(t('*.c', 'a/b.c')).toBe(true);
    expect(t('*', '.hidden')).toBe(true);
    expect(t('x[!0-9]', 'xa')).toBe(true);
    expect(t('x[!0-9]', 'x1')).toBe(false);
    expect(t('[[:upper:]]*', 'Abc')).toBe(true);
    expect(t('a\\*b', 'a*b')).toBe(true);
    expect(t('a\\*b', 'axb')).toBe(false);
    expect(t('[]x]', ']')).toBe(true);
    expect(t('[a', '[a')).toBe(true);
    expect(t('ab\\', 'ab\\')).toBe(false);
    expect(t('*.MD', 'x.md', true)).toBe(true);
  });

  it('Emacs syntax (find default), basic and extended', () => {
    const m = (p: string, s: string, syn: 'emacs' | 'basic' | 'extended' = 'emacs'): boolean => compileWholeMatch(p, syn, false).test(s);
    expect(m('.*/util\\.\\(c\\|h\\)', './src/util.h')).toBe(true);
    expect(m('.*[[:alpha:]]', './a')).toBe(false);
    expect(m('.*[[:alpha:]]', './a', 'extended')).toBe(true);
    expect(m('a+', 'aaa')).toBe(true);
    expect(m('a\\{2\\}', 'aa', 'basic')).toBe(true);
    expect(m('(a|b)+', 'abba', 'extended')).toBe(true);
    expect(m('\\(a\\)\\1', 'aa')).toBe(true);
    expect(m('*a', '*a')).toBe(true);
    expect(() => compileWholeMatch('*a', 'extended', false)).toThrow(RegexError);
    expect(() => compileWholeMatch('a**', 'basic', false)).toThrow('Invalid preceding regular expression');
    expect(() => compileWholeMatch('[a', 'emacs', false)).toThrow('Unmatched [, [^, [:, [., or [=');
    expect(() => compileWholeMatch('\\(', 'emacs', false)).toThrow('Unmatched ( or \\(');
  });
});

describe('find and xargs at a terminal and with signals', () => {
  it('-ok reads the answer from standard input', async () => {
    const r = await sh(newMachine(), 'mkdir d; touch d/a d/b\nprintf "y\\nn\\n" | find d -type f -ok echo run {} \\;');
    expect(r.stdout).toBe('run d/a\n');
    expect(r.stderr).toBe('< echo ... d/a > ? < echo ... d/b > ? ');
  });

  it('diff handles thousands of lines quickly', async () => {
    const r = await sh(newMachine(), 'seq 1 4000 > a\n(seq 1 1000; seq 1500 4000; echo end) > b\ndiff a b | head -3\necho rc=${PIPESTATUS[0]}');
    expect(r.stdout).toBe('1001,1499d1000\n< 1001\n< 1002\nrc=1\n');
  });

  it('find over the whole image finishes and lists the stub binaries', async () => {
    const r = await sh(newMachine(), 'find / -path /proc -prune -o -name find -type f -print');
    expect(r.stdout).toBe('/usr/bin/find\n');
    expect(r.exit).toBe(0);
  });
});
