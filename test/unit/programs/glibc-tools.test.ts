// locale, getconf, ldd, localedef, gencat and tzselect: the parts the recorded conformance cases
// (test/fixtures/conformance/userland/gl10_*) do not pin down: option parsing, values that follow
// the machine, the stubs ldd reads and the catalogs gencat writes.
import { describe, expect, it } from 'vitest';
import { argpParse } from '../../../src/programs/glibc/argp';
import { loadLocale } from '../../../src/programs/glibc/locale';
import { newMachine, sh } from './helpers';

describe('argp-style option parsing', () => {
  const opts = [
    { key: 'a', short: 'a', long: 'all-locales' },
    { key: 'c', short: 'c', long: 'category-name' },
    { key: 'f', short: 'f', long: 'charmap', arg: true },
  ];
  it('bundles short options, takes values attached or separate, and abbreviates long names', () => {
    expect(argpParse(['-ac', '-fUTF-8', 'x', '--all', '--charmap', 'y'], opts)).toEqual({
      opts: [{ key: 'a' }, { key: 'c' }, { key: 'f', value: 'UTF-8' }, { key: 'a' }, { key: 'f', value: 'y' }],
      operands: ['x'],
    });
    expect(argpParse(['--', '-a'], opts).operands).toEqual(['-a']);
  });
  it('reports the errors getopt prints', () => {
    expect(argpParse(['-x'], opts).error).toBe("invalid option -- 'x'");
    expect(argpParse(['--nope'], opts).error).toBe("unrecognized option '--nope'");
    expect(argpParse(['-f'], opts).error).toBe("option requires an argument -- 'f'");
    expect(argpParse(['--c'], opts).error).toBe("option '--c' is ambiguous; possibilities: '--category-name' '--charmap'");
    expect(argpParse(['--all=1'], opts).error).toBe("option '--all-locales' doesn't allow an argument");
  });
});

describe('locale names', () => {
  it('loads C, POSIX and the spellings of C.utf8, nothing else', () => {
    expect(['C', 'POSIX', 'C.UTF-8', 'C.utf8', 'C.utf_8@x'].map(loadLocale)).toEqual(['C', 'C', 'C.utf8', 'C.utf8', 'C.utf8']);
    expect(['c.utf8', 'en_US.UTF-8', 'POSIX.UTF-8', 'C.', './C.utf8', ''].map(loadLocale)).toEqual([null, null, null, null, null, null]);
  });
});

describe('glibc tools on the machine', () => {
  it('getconf follows the process limits and the machine', async () => {
    const r = await sh(newMachine(), 'ulimit -n 77; getconf OPEN_MAX; [ "$(getconf _NPROCESSORS_ONLN)" = "$(nproc)" ] && echo cpus; getconf PAGESIZE /');
    expect(r).toEqual({ stdout: '77\ncpus\n', stderr: 'Usage: getconf [-v specification] variable_name [pathname]\n       getconf -a [pathname]\n', exit: 2 });
  });

  it('ldd reads the program stubs and lists a fixed set of libraries', async () => {
    const r = await sh(newMachine(), 'ldd /usr/bin/bash; ldd /usr/bin/getent | wc -l');
    expect(r.stdout).toBe(
      '\tlinux-vdso.so.1 (0x00007ffd3c5f1000)\n' +
        '\tlibtinfo.so.6 => /lib/libtinfo.so.6 (0x00007f8a2c08b000)\n' +
        '\tlibc.so.6 => /lib/libc.so.6 (0x00007f8a2c400000)\n' +
        '\t/lib64/ld-linux-x86-64.so.2 (0x00007f8a2c6e4000)\n' +
        '3\n',
    );
  });

  it('gencat writes a catalog with both byte orders of its table', async () => {
    const r = await sh(newMachine(), "printf '$set 1\\n1 hello\\n2 world\\n$set 2\\n5 five\\n' > m.msg; gencat o.cat m.msg; od -An -tx1 o.cat");
    expect(r.stdout).toBe(
      ' de 08 04 96 03 00 00 00 01 00 00 00 03 00 00 00\n' +
        ' 05 00 00 00 00 00 00 00 02 00 00 00 02 00 00 00\n' +
        ' 0b 00 00 00 02 00 00 00 01 00 00 00 05 00 00 00\n' +
        ' 00 00 00 03 00 00 00 05 00 00 00 00 00 00 00 02\n' +
        ' 00 00 00 02 00 00 00 0b 00 00 00 02 00 00 00 01\n' +
        ' 00 00 00 05 66 69 76 65 00 68 65 6c 6c 6f 00 77\n' +
        ' 6f 72 6c 64 00\n',
    );
    expect(r.exit).toBe(0);
  });

  it('localedef and locale -m without the glibc-i18n sources (as recorded with them hidden)', async () => {
    const m = newMachine();
    expect(await sh(m, 'localedef -i en_US -f UTF-8 en_US.UTF-8')).toEqual({
      stdout: '',
      stderr: "[error] character map file `UTF-8' not found: No such file or directory\n[error] cannot read character map directory `/usr/share/i18n/charmaps': No such file or directory\n",
      exit: 1,
    });
    expect(await sh(m, 'localedef x')).toEqual({ stdout: '', stderr: "[error] default character map file `ANSI_X3.4-1968' not found: No such file or directory\n", exit: 4 });
    expect(await sh(m, 'localedef --add-to-archive x')).toEqual({ stdout: 'Adding x\n', stderr: 'stat of "x" failed: No such file or directory: ignored\n', exit: 0 });
    expect(await sh(m, 'localedef --delete-from-archive x')).toEqual({ stdout: '', stderr: 'locale "x" not in archive\n', exit: 0 });
    expect(await sh(m, 'locale -m')).toEqual({ stdout: '', stderr: "locale: [error] cannot read character map directory `/usr/share/i18n/charmaps': No such file or directory\n", exit: 1 });
  });

  it('tzselect stops when the zone tables are missing', async () => {
    const r = await sh(newMachine(), 'TZDIR=/nonexist tzselect');
    expect(r).toEqual({
      stdout: '',
      stderr: '/usr/bin/tzselect: line 179: /nonexist/iso3166.tab: No such file or directory\n/usr/bin/tzselect: time zone files are not set up correctly\n',
      exit: 1,
    });
  });
});
