// Units under the resource limits: zeros that take no memory, /proc/<pid>/limits, /dev/kmsg
// records and setrlimit's checks.
import { describe, expect, it } from 'vitest';
import { SysError } from '../../../src/shared/errno';
import { FileData } from '../../../src/kernel/vfs/file-data';
import { kmsgLine } from '../../../src/kernel/klog';
import { checkSetrlimit, defaultRlimits, limitsText } from '../../../src/kernel/rlimit';

describe('file data', () => {
  it('keeps written zeros as allocated blocks without holding their bytes', () => {
    const d = new FileData();
    d.write(0, new Uint8Array(1 << 20));
    expect({ size: d.size, allocated: d.allocated, held: d.held }).toEqual({ size: 1 << 20, allocated: 256, held: 0 });
    d.write(5, Uint8Array.of(7));
    expect(d.held).toBe(64);
    expect([...d.read(4, 3)]).toEqual([0, 7, 0]);
    // zeros over stored bytes replace them
    d.write(5, Uint8Array.of(0));
    expect([...d.read(4, 3)]).toEqual([0, 0, 0]);
    expect(d.memoryToAdd(100_000, new Uint8Array(10))).toBe(0);
    // a chunk keeps its leading bytes: a byte far into one holds the zeros before it
    expect(d.memoryToAdd(100_000, Uint8Array.of(1))).toBe(100_000 - 65536 + 1);
    d.truncate(0);
    expect({ allocated: d.allocated, held: d.held }).toEqual({ allocated: 0, held: 0 });
  });
});

describe('resource limits', () => {
  it('reads /proc/<pid>/limits as fs/proc/base.c lays it out', () => {
    const lines = limitsText(defaultRlimits(15674)).split('\n');
    expect(lines[0]).toBe('Limit                     Soft Limit           Hard Limit           Units     ');
    expect(lines[7]).toBe('Max processes             7837                 7837                 processes ');
    expect(lines[8]).toBe('Max open files            1024                 524288               files     ');
    expect(lines[14]).toBe('Max nice priority         0                    0                    ');
  });

  it('checks setrlimit as do_prlimit does', () => {
    const cur = { soft: 1024, hard: 4096 };
    const errno = (f: () => void): string | undefined => {
      try {
        f();
        return undefined;
      } catch (e) {
        return (e as SysError).errno;
      }
    };
    expect(errno(() => checkSetrlimit(cur, { soft: 2048, hard: 2048 }, 'nofile', false, 1048576))).toBeUndefined();
    expect(errno(() => checkSetrlimit(cur, { soft: 5000, hard: 4096 }, 'nofile', false, 1048576))).toBe('EINVAL');
    expect(errno(() => checkSetrlimit(cur, { soft: 1024, hard: 8192 }, 'nofile', false, 1048576))).toBe('EPERM');
    expect(errno(() => checkSetrlimit(cur, { soft: 1024, hard: 8192 }, 'nofile', true, 1048576))).toBeUndefined();
    expect(errno(() => checkSetrlimit(cur, { soft: 1024, hard: Infinity }, 'nofile', true, 1048576))).toBe('EPERM');
    expect(errno(() => checkSetrlimit(cur, { soft: 1024, hard: Infinity }, 'nproc', true, 1048576))).toBeUndefined();
  });
});

describe('/dev/kmsg', () => {
  it('gives "prio,seq,usec,flags;text" with newlines escaped', () => {
    expect(kmsgLine({ seq: 42, level: 4, facility: 0, time: 12.5, text: 'Mem-Info:' })).toBe('4,42,12500000,-;Mem-Info:\n');
    expect(kmsgLine({ seq: 3, level: 6, facility: 1, time: 0, text: 'a\nb\\c' })).toBe('14,3,0,-;a\\x0ab\\x5cc\n');
  });
});
