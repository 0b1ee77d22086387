// Sparse file data (holes read as zeros and take no blocks), the filesystem size limits,
// and the kernel's /proc/sys table parsing writes the way proc_dointvec does.
import { describe, expect, it } from 'vitest';
import { SysError } from '../../../src/shared/errno';
import { FileData } from '../../../src/kernel/vfs/file-data';
import { Vfs } from '../../../src/kernel/vfs/vfs';
import { statNode } from '../../../src/kernel/vfs/ops';
import { SysctlTable } from '../../../src/kernel/sysctl-table';

function errno(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof SysError) return e.errno;
    throw e;
  }
  return undefined;
}

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('sparse file data', () => {
  it('reads holes as zeros and counts only written blocks', () => {
    const d = new FileData();
    d.truncate(1 << 30);
    expect([d.size, d.allocated]).toEqual([1 << 30, 0]);
    expect([...d.read(123_456_789, 4)]).toEqual([0, 0, 0, 0]);
    d.write(5000, bytes('xy'));
    d.write(200_000, bytes('z'));
    expect(d.allocated).toBe(2);
    expect([...d.read(4999, 4)]).toEqual([0, 120, 121, 0]);
    // a write across a chunk boundary takes the blocks on both sides
    d.write(65_535, bytes('ab'));
    expect(d.allocated).toBe(4);
    expect(new TextDecoder().decode(d.read(65_535, 2))).toBe('ab');
  });

  it('frees blocks past a shrink and reads zeros when grown again', () => {
    const d = new FileData();
    d.write(0, new Uint8Array(10_000).fill(7));
    expect(d.allocated).toBe(3);
    d.truncate(5000);
    expect([d.size, d.allocated]).toEqual([5000, 2]);
    d.truncate(9000);
    expect([...d.read(4998, 4)]).toEqual([7, 7, 0, 0]);
    expect(d.read(8990, 100).length).toBe(10);
    d.truncate(0);
    expect([d.size, d.allocated]).toEqual([0, 0]);
  });

  it('gives a truncated file no blocks, and EFBIG past the filesystem limit', () => {
    const vfs = new Vfs(() => 0, 1 << 20);
    const fs = vfs.addFilesystem('ext4', '/dev/sda3', '/', 1 << 20);
    vfs.mountNew(fs, 0o755);
    const f = vfs.newInode(fs.id, 'file', 0o644, 0, 0);
    vfs.truncate(f, 1 << 30);
    expect([statNode(vfs, f).size, statNode(vfs, f).blocks, fs.stored]).toEqual([1 << 30, 0, 0]);
    vfs.write(f, 1 << 29, bytes('x'));
    expect([statNode(vfs, f).blocks, fs.stored]).toEqual([8, 4096]);
    expect(errno(() => vfs.truncate(f, 17592186040321))).toBe('EFBIG');
    expect(errno(() => vfs.write(f, 17592186040320, bytes('x')))).toBe('EFBIG');
    // only written blocks count against the disk: 256 of them fill this 1 MiB one
    expect(errno(() => vfs.write(f, 0, new Uint8Array(1 << 20)))).toBe('ENOSPC');
  });
});

describe('sysctl table', () => {
  const table = (): SysctlTable => new SysctlTable({ identity: { hostname: 'photon', release: 'r', version: 'v' }, random: () => 0x12345678 });

  it.each([
    ['vm.swappiness', '10\n', '10'],
    ['vm.swappiness', '  0x20 \n', '32'],
    ['vm.swappiness', '017', '15'],
    ['kernel.printk', '4 4', '4\t4\t1\t7'],
    ['net.ipv4.ip_local_port_range', '1024\t2048\n', '1024\t2048'],
    ['kernel.hostname', 'web01\nignored', 'web01'],
    ['net.core.default_qdisc', 'fq\n', 'fq'],
  ])('%s <- %j reads %j', (key, text, value) => {
    const t = table();
    t.write(key, text);
    expect(t.get(key)).toBe(value);
  });

  it.each([
    ['vm.swappiness', 'abc', 'EINVAL'],
    ['vm.swappiness', '201', 'EINVAL'],
    ['vm.swappiness', '\n', 'EINVAL'],
    ['vm.swappiness', '5x', 'EINVAL'],
    ['net.ipv4.ip_local_port_range', '2000 1000', 'EINVAL'],
    ['net.ipv4.tcp_congestion_control', 'bbr', 'ENOENT'],
    ['no.such.key', '1', 'ENOENT'],
  ])('%s <- %j fails with %s', (key, text, err) => {
    const t = table();
    const before = t.get(key);
    expect(errno(() => t.write(key, text))).toBe(err);
    expect(t.get(key)).toBe(before);
  });

  it('lists directories sorted, follows the hostname and ties forwarding together', () => {
    const t = table();
    expect(t.children('')).toEqual(['abi', 'debug', 'dev', 'fs', 'kernel', 'net', 'user', 'vm']);
    expect(t.children('net.ipv4.conf')).toEqual(['all', 'default', 'eth0', 'lo']);
    expect([t.isDir('net.ipv4'), t.isDir('vm.swappiness'), t.mode('vm.drop_caches'), t.mode('kernel.ostype')]).toEqual([true, false, 0o200, 0o444]);
    expect(t.get('kernel.hostname')).toBe('photon');
    t.write('net.ipv4.ip_forward', '1');
    expect(['net.ipv4.conf.all.forwarding', 'net.ipv4.conf.eth0.forwarding', 'net.ipv6.conf.all.forwarding'].map((k) => t.get(k))).toEqual(['1', '1', '0']);
    expect(t.get('kernel.random.uuid')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
