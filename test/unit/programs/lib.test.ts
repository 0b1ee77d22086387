// Helpers shared by the programs, checked against values printed by the real tools
// (GNU coreutils 9.1 with LANG=C).
import { describe, expect, it } from 'vitest';
import { adjustMode, compileMode } from '../../../src/programs/lib/mode-parse';
import { humanReadable } from '../../../src/programs/lib/human';
import { modeString } from '../../../src/programs/lib/mode-string';
import { parseDatetime, parsePosixStamp } from '../../../src/programs/lib/parse-datetime';
import { quotearg, quoteaf } from '../../../src/programs/lib/quotearg';
import { strftime } from '../../../src/programs/lib/strftime';
import { filevercmp } from '../../../src/programs/coreutils/ls/sort';
import { parseGroup, parsePasswd } from '../../../src/programs/lib/accounts';
import { argmatch } from '../../../src/programs/lib/argmatch';

describe('humanReadable', () => {
  // size, ls -lh, ls -l --si, --block-size=K, --block-size=KB (recorded with truncate -s)
  it.each([
    [0, '0', '0', '0K', '0kB'],
    [1, '1', '1', '1K', '1kB'],
    [999, '999', '999', '1K', '1kB'],
    [1000, '1000', '1.0k', '1K', '1kB'],
    [1023, '1023', '1.1k', '1K', '2kB'],
    [1024, '1.0K', '1.1k', '1K', '2kB'],
    [1025, '1.1K', '1.1k', '2K', '2kB'],
    [1536, '1.5K', '1.6k', '2K', '2kB'],
    [10239, '10K', '11k', '10K', '11kB'],
    [10240, '10K', '11k', '10K', '11kB'],
    [10241, '11K', '11k', '11K', '11kB'],
    [102400, '100K', '103k', '100K', '103kB'],
    [1047552, '1023K', '1.1M', '1023K', '1048kB'],
    [1048575, '1.0M', '1.1M', '1024K', '1049kB'],
    [1048576, '1.0M', '1.1M', '1024K', '1049kB'],
    [1048577, '1.1M', '1.1M', '1025K', '1049kB'],
    [10485759, '10M', '11M', '10240K', '10486kB'],
    [1073741824, '1.0G', '1.1G', '1048576K', '1073742kB'],
    [123456789012, '115G', '124G', '120563271K', '123456790kB'],
    [1099511627776, '1.0T', '1.1T', '1073741824K', '1099511628kB'],
  ])('%d bytes', (n, h, si, k, kb) => {
    expect(humanReadable(n, 1, 1, { autoscale: true, suffix: true })).toBe(h);
    expect(humanReadable(n, 1, 1, { autoscale: true, si: true, suffix: true })).toBe(si);
    expect(humanReadable(n, 1, 1024, { suffix: true })).toBe(k);
    expect(humanReadable(n, 1, 1000, { suffix: true, si: true, bytes: true })).toBe(kb);
  });

  it('counts 512-byte blocks in 1K units, rounding up', () => {
    expect(humanReadable(8, 512, 1024)).toBe('4');
    expect(humanReadable(3, 512, 1024)).toBe('2');
    expect(humanReadable(8, 512, 1, { autoscale: true, suffix: true })).toBe('4.0K');
  });
});

describe('quotearg', () => {
  // outputs of `ls --quoting-style=STYLE NAME` and of coreutils messages
  it.each([
    ['plain', 'shell-escape', 'plain'],
    ['a b', 'shell-escape', "'a b'"],
    ["it's", 'shell-escape', '"it\'s"'],
    ['x$y', 'shell-escape', "'x$y'"],
    ["q'$z", 'shell-escape', "'q'\\''$z'"],
    ['nl\nx', 'shell-escape', "'nl'$'\\n''x'"],
    ['é', 'shell-escape', "''$'\\303\\251'"],
    ['#h', 'shell-escape', "'#h'"],
    ['h#', 'shell-escape', 'h#'],
    ['~t', 'shell-escape', "'~t'"],
    ['{', 'shell-escape', "'{'"],
    ['a{', 'shell-escape', 'a{'],
    ['c:d', 'shell-escape', 'c:d'],
    ['x\\y', 'shell-escape', "'x\\y'"],
    ['', 'shell-escape', "''"],
    ['nl\nx', 'shell', "'nl\nx'"],
    ['plain', 'shell-always', "'plain'"],
    ['tab\there', 'c', '"tab\\there"'],
    ['a"b', 'c', '"a\\"b"'],
    ['a b', 'escape', 'a b'],
    ['tab\there', 'escape', 'tab\\there'],
    ["it's", 'locale', "'it\\'s'"],
    ['a b', 'literal', 'a b'],
  ] as const)('%j in %s style', (name, style, want) => {
    expect(quotearg(name, { style })).toBe(want);
  });

  it('quotes extra characters on request (ls -b quotes spaces)', () => {
    expect(quotearg('a b', { style: 'escape', quoteToo: ' ' })).toBe('a\\ b');
    expect(quotearg('a:b', { style: 'shell-escape', quoteToo: ':' })).toBe("'a:b'");
    expect(quotearg('a:b', { style: 'literal', quoteToo: ':' })).toBe('a:b');
  });

  it('keeps printable UTF-8 in a UTF-8 locale', () => {
    expect(quotearg('é', { style: 'shell-escape', utf8: true })).toBe('é');
  });

  it('quoteaf is what messages use', () => {
    expect(quoteaf("it's")).toBe('"it\'s"');
    expect(quoteaf('a b')).toBe("'a b'");
    expect(quoteaf('n\nl')).toBe("'n'$'\\n''l'");
    expect(quoteaf('x')).toBe("'x'");
  });
});

describe('modes', () => {
  it.each([
    [0o100644, '-rw-r--r--'],
    [0o040755, 'drwxr-xr-x'],
    [0o041777, 'drwxrwxrwt'],
    [0o041776, 'drwxrwxrwT'],
    [0o104755, '-rwsr-xr-x'],
    [0o104644, '-rwSr--r--'],
    [0o102755, '-rwxr-sr-x'],
    [0o120777, 'lrwxrwxrwx'],
    [0o020666, 'crw-rw-rw-'],
    [0o060660, 'brw-rw----'],
    [0o010644, 'prw-r--r--'],
    [0o140755, 'srwxr-xr-x'],
  ])('%o is %s', (mode, want) => {
    expect(modeString(mode)).toBe(want);
  });

  // mkdir -m MODE starts from a=rwx; chmod applies to an existing mode
  it.each([
    ['700', 0o777, true, 0o022, 0o700],
    ['u+s,g=rx', 0o777, true, 0o022, 0o4757],
    ['a-w', 0o777, true, 0o022, 0o555],
    ['g+s', 0o777, true, 0o022, 0o2777],
    ['+x', 0o644, false, 0o022, 0o755],
    ['+w', 0o444, false, 0o022, 0o644],
    ['o=u', 0o750, false, 0o022, 0o757],
    ['a+X', 0o644, false, 0o022, 0o644],
    ['a+X', 0o744, false, 0o022, 0o755],
    ['go-rwx', 0o755, false, 0o022, 0o700],
    ['1777', 0o755, true, 0o022, 0o1777],
    ['755', 0o2755, true, 0o022, 0o2755],
    ['00755', 0o2755, true, 0o022, 0o755],
  ] as const)('%s on %o', (spec, from, dir, umask, want) => {
    const changes = compileMode(spec);
    expect(changes).toBeDefined();
    expect(adjustMode(from, dir, umask, changes!).mode).toBe(want);
  });

  it.each(['zz', '8', 'u+q', 'u', '', '07777777', 'a=r,'])('rejects %j', (spec) => {
    expect(compileMode(spec)).toBeUndefined();
  });
});

describe('dates', () => {
  const now = Date.UTC(2026, 0, 15, 9, 30, 0);
  it.each([
    ['2024-01-15 10:30:00', Date.UTC(2024, 0, 15, 10, 30)],
    ['2024-01-15', Date.UTC(2024, 0, 15)],
    ['2024-01-15T10:30:00Z', Date.UTC(2024, 0, 15, 10, 30)],
    ['2024-01-15 10:30:00 +0200', Date.UTC(2024, 0, 15, 8, 30)],
    ['@86400', 86400000],
    ['@1.5', 1500],
    ['Jan 15 2024', Date.UTC(2024, 0, 15)],
    ['15 Jan 2024 10:00', Date.UTC(2024, 0, 15, 10)],
    ['2024-01-15 3:04:05 pm', Date.UTC(2024, 0, 15, 15, 4, 5)],
    ['2024-01-15 + 2 days', Date.UTC(2024, 0, 17)],
    ['2024-01-15 3 hours ago', Date.UTC(2024, 0, 14, 21)],
    ['now', now],
    ['yesterday', now - 86400000],
    ['1 month ago', Date.UTC(2025, 11, 15, 9, 30)],
    ['10:00', Date.UTC(2026, 0, 15, 10)],
    ['01/02/2024', Date.UTC(2024, 0, 2)],
  ])('%s', (text, want) => {
    expect(parseDatetime(text, now)).toBe(want);
  });

  it.each(['bogus', '2024-02-30', '2024-13-01', '25:00'])('rejects %s', (text) => {
    expect(parseDatetime(text, now)).toBeUndefined();
  });

  it.each([
    ['202401021234.56', Date.UTC(2024, 0, 2, 12, 34, 56)],
    ['2401021234', Date.UTC(2024, 0, 2, 12, 34)],
    ['6901021234', Date.UTC(1969, 0, 2, 12, 34)],
    ['01021234', Date.UTC(2026, 0, 2, 12, 34)],
  ])('touch -t %s', (stamp, want) => {
    expect(parsePosixStamp(stamp, now)).toBe(want);
  });

  it('formats like strftime in UTC', () => {
    const t = Date.UTC(2024, 0, 5, 3, 4, 5, 678);
    expect(strftime('%b %e  %Y|%b %e %H:%M|%F %T.%N %z|%a %A %j %u %s', t)).toBe(
      'Jan  5  2024|Jan  5 03:04|2024-01-05 03:04:05.678000000 +0000|Fri Friday 005 5 1704423845',
    );
  });
});

describe('filevercmp (ls -v)', () => {
  it('orders like GNU ls -v', () => {
    const names = ['file10', 'file9', 'file1', 'file1.5', 'FILE', 'a.txt', '.hidden', '..', '.', 'file1~', 'b-1.10.tar.gz', 'b-1.9.tar.gz', 'x'];
    expect([...names].sort(filevercmp)).toEqual(['.', '..', '.hidden', 'FILE', 'a.txt', 'b-1.9.tar.gz', 'b-1.10.tar.gz', 'file1~', 'file1', 'file1.5', 'file9', 'file10', 'x']);
  });
});

describe('accounts and argmatch', () => {
  it('parses passwd and group lines, skipping broken ones', () => {
    expect(parsePasswd('root:x:0:0:root:/root:/bin/bash\nbad\nu:x:a:1::/:/bin/sh\n')).toEqual([
      { name: 'root', uid: 0, gid: 0, gecos: 'root', home: '/root', shell: '/bin/bash' },
    ]);
    expect(parseGroup('wheel:x:10:alice,bob\nempty:x:11:\n')).toEqual([
      { name: 'wheel', gid: 10, members: ['alice', 'bob'] },
      { name: 'empty', gid: 11, members: [] },
    ]);
  });

  it('accepts unambiguous abbreviations', () => {
    const when = [['always', 1], ['yes', 1], ['never', 0], ['auto', 2]] as const;
    expect(argmatch('al', when)).toEqual({ value: 1 });
    expect(argmatch('a', when)).toEqual({ error: 'ambiguous' });
    expect(argmatch('x', when)).toEqual({ error: 'invalid' });
    // an empty word abbreviates every choice (GNU: "ambiguous argument ''")
    expect(argmatch('', when)).toEqual({ error: 'ambiguous' });
    expect(argmatch('', [['yes', 1], ['y', 1]] as const)).toEqual({ value: 1 });
  });
});
