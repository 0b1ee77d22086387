// Sparse files and size limits as coreutils 9.1 sees them on Linux: truncate makes a hole that
// ls counts and du does not, reads give zeros, dd seeks instead of reading through, and
// offsets beyond what the kernel or off_t allows fail with the texts the real tools print.
import { describe, expect, it } from 'vitest';
import { newMachine, sh } from './helpers';

const STATS0 = '0+0 records in\n0+0 records out\n';

const CASES: [string, string, string, number][] = [
  ['truncate -s 1G f; ls -l f | cut -d" " -f5; du f; du --apparent-size f; stat -c "%s %b %B" f', '1073741824\n0\tf\n1048576\tf\n1073741824 0 512\n', '', 0],
  ['truncate -s 1G f; od -An -tx1 -j 123456789 -N 4 f; tail -c 3 f | od -An -c', ' 00 00 00 00\n  \\0  \\0  \\0\n', '', 0],
  // one byte written in the middle takes one 4 KiB block
  ['truncate -s 1G f; printf x | dd of=f bs=1 seek=5000 conv=notrunc status=none; du f; ls -s f; od -An -c -j 4999 -N 3 f', '4\tf\n4 f\n  \\0   x  \\0\n', '', 0],
  ['printf abcdefgh > f; truncate -s 3 f; truncate -s 6 f; od -An -c f; du f', '   a   b   c  \\0  \\0  \\0\n4\tf\n', '', 0],
  ['truncate -s 4G f; dd if=f of=/dev/null bs=1M skip=4000 2>&1 | head -2', '96+0 records in\n96+0 records out\n', '', 0],
  ['truncate -s 64M f; cat f | wc -c', '67108864\n', '', 0],
  ['truncate -s 9E f', '', "truncate: Invalid number: '9E': Value too large for defined data type\n", 1],
  ['touch f; truncate -s 7E f; echo rc=$?; ls -l f | cut -d" " -f5', 'rc=1\n0\n', "truncate: failed to truncate 'f' at 8070450532247928832 bytes: File too large\n", 0],
  // the root filesystem is ext4: at most 16 TiB less a block
  ['truncate -s 17592186040320 /root/f; ls -l /root/f | cut -d" " -f5; truncate -s +1 /root/f', '17592186040320\n', "truncate: failed to truncate '/root/f' at 17592186040321 bytes: File too large\n", 1],
  ['head -c 99999999999999999999 /dev/null', '', "head: invalid number of bytes: '99999999999999999999': Value too large for defined data type\n", 1],
  ['dd if=/dev/zero of=/dev/null count=99999999999999999999', '', "dd: invalid number: '99999999999999999999': Value too large for defined data type\n", 1],
  ['dd if=/dev/zero of=f bs=1E seek=8 count=0; ls f', '', 'dd: offset too large: cannot truncate to a length of seek=8 (1152921504606846976-byte) blocks\nls: cannot access \'f\': No such file or directory\n', 2],
  ['printf abc > f; dd if=f of=/dev/null skip=9223372036854775807 bs=2 2>&1 | head -1', "dd: f: cannot skip: Value too large for defined data type\n", '', 0],
  ['touch /root/f; dd if=/dev/zero of=/root/f bs=1 count=0 seek=17T 2>&1 | head -2', "dd: failed to truncate to 18691697672192 bytes in output file '/root/f': File too large\ndd: /root/f: cannot seek: Invalid argument\n", '', 0],
  ['printf abcdef > s; dd if=s skip=10 bs=1 status=noxfer; echo rc=$?', 'rc=0\n', `dd: s: cannot skip to specified offset\n${STATS0}`, 0],
  ['printf abcdef | dd skip=2 bs=1 status=none; echo; printf abc | dd skip=20 bs=1 status=noxfer', 'cdef\n', `dd: 'standard input': cannot skip to specified offset\n${STATS0}`, 0],
  ['dd if=/dev/zero bs=1 count=1 seek=1 status=noxfer | wc -c', '0\n', `dd: 'standard output': cannot seek: Illegal seek\n${STATS0}`, 0],
  ['printf abcdef > s; dd if=s of=o seek=3 bs=1 status=none; od -An -c o', '  \\0  \\0  \\0   a   b   c   d   e   f\n', '', 0],
];

describe('sparse files and size limits', () => {
  it.each(CASES)('%s', async (cmd, stdout, stderr, exit) => {
    const r = await sh(newMachine(), cmd);
    expect({ stdout: r.stdout, stderr: r.stderr, exit: r.exit }).toEqual({ stdout, stderr, exit });
  });
});
