import { describe, expect, it } from 'vitest';
import { SysError } from '../../../src/shared/errno';
import { Vfs } from '../../../src/kernel/vfs/vfs';
import * as ops from '../../../src/kernel/vfs/ops';
import type { Cred } from '../../../src/kernel/vfs/permissions';

const root: Cred = { uid: 0, gid: 0, euid: 0, egid: 0, groups: [0] };
const bob: Cred = { uid: 1000, gid: 100, euid: 1000, egid: 100, groups: [100] };

function fresh(capacity = 1 << 20, quota = 1 << 24) {
  let t = 1000;
  const vfs = new Vfs(() => t++, quota);
  const fs = vfs.addFilesystem('ext4', '/dev/sda3', '/', capacity);
  vfs.mountNew(fs, 0o755);
  const ctx = (cred: Cred = root, umask = 0o022): ops.FsContext => ({ vfs, cred, cwd: vfs.root, umask });
  return { vfs, ctx };
}

function errno(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof SysError) return e.errno;
    throw e;
  }
  return undefined;
}

describe('vfs', () => {
  it('creates directories with the umask applied and counts links', () => {
    const { vfs, ctx } = fresh();
    ops.mkdir(ctx(root, 0o027), '/d', 0o777);
    const d = vfs.resolve(root, vfs.root, '/d', { follow: true });
    expect(d.perm).toBe(0o750);
    expect(vfs.root.nlink).toBe(3);
    expect(errno(() => ops.mkdir(ctx(), '/d', 0o777))).toBe('EEXIST');
    expect(errno(() => ops.mkdir(ctx(), '/nope/x', 0o777))).toBe('ENOENT');
  });

  it('resolves symlinks, detects loops and ENOTDIR', () => {
    const { vfs, ctx } = fresh();
    ops.mkdir(ctx(), '/usr', 0o755);
    ops.mkdir(ctx(), '/usr/bin', 0o755);
    ops.symlink(ctx(), 'usr/bin', '/bin');
    expect(vfs.pathOf(vfs.resolve(root, vfs.root, '/bin', { follow: true }))).toBe('/usr/bin');
    ops.symlink(ctx(), '/loop', '/loop');
    expect(errno(() => vfs.resolve(root, vfs.root, '/loop/x', { follow: true }))).toBe('ELOOP');
    const f = ops.createIn(ctx(), vfs.root, 'file', 'file', 0o644, 'open', '/file');
    expect(f.type).toBe('file');
    expect(errno(() => vfs.resolve(root, vfs.root, '/file/x', { follow: true }))).toBe('ENOTDIR');
  });

  it('enforces permissions for ordinary users, and the sticky bit', () => {
    const { vfs, ctx } = fresh();
    ops.mkdir(ctx(), '/secret', 0o700);
    expect(errno(() => vfs.resolve(bob, vfs.root, '/secret/x', { follow: true }))).toBe('EACCES');
    expect(errno(() => ops.mkdir(ctx(bob), '/mine', 0o777))).toBe('EACCES');
    ops.mkdir(ctx(), '/tmp', 0o777);
    ops.chmod(ctx(), '/tmp', 0o1777);
    const rootFile = ops.createIn(ctx(), vfs.node(vfs.resolve(root, vfs.root, '/tmp', { follow: true }).ino), 'r', 'file', 0o644, 'open', '/tmp/r');
    expect(rootFile.uid).toBe(0);
    expect(errno(() => ops.unlink(ctx(bob), '/tmp/r'))).toBe('EPERM');
    expect(errno(() => ops.chmod(ctx(bob), '/tmp/r', 0o777))).toBe('EPERM');
    expect(errno(() => ops.chown(ctx(bob), '/tmp/r', 1000, -1))).toBe('EPERM');
  });

  it('renames with Linux\'s rules and refuses moving a directory into itself', () => {
    const { vfs, ctx } = fresh();
    ops.mkdir(ctx(), '/a', 0o755);
    ops.mkdir(ctx(), '/a/b', 0o755);
    expect(errno(() => ops.rename(ctx(), '/a', '/a/b/c'))).toBe('EINVAL');
    ops.mkdir(ctx(), '/x', 0o755);
    ops.rename(ctx(), '/a', '/x/a2');
    expect(vfs.pathOf(vfs.resolve(root, vfs.root, '/x/a2/b', { follow: true }))).toBe('/x/a2/b');
    ops.mkdir(ctx(), '/full', 0o755);
    ops.mkdir(ctx(), '/full/sub', 0o755);
    expect(errno(() => ops.rename(ctx(), '/x', '/full'))).toBe('ENOTEMPTY');
    expect(errno(() => ops.rmdir(ctx(), '/full'))).toBe('ENOTEMPTY');
  });

  it('gives ENOSPC when the disk is full and frees space on unlink', () => {
    const { vfs, ctx } = fresh(8192);
    const f = ops.createIn(ctx(), vfs.root, 'big', 'file', 0o644, 'open', '/big');
    vfs.write(f, 0, new Uint8Array(8192));
    expect(errno(() => vfs.write(f, 8192, new Uint8Array(1)))).toBe('ENOSPC');
    ops.unlink(ctx(), '/big');
    const g = ops.createIn(ctx(), vfs.root, 'g', 'file', 0o644, 'open', '/g');
    vfs.write(g, 0, new Uint8Array(4096));
    expect(vfs.size(g)).toBe(4096);
  });

  it('keeps the data of an unlinked file that is still open', () => {
    const { vfs, ctx } = fresh();
    const f = ops.createIn(ctx(), vfs.root, 'f', 'file', 0o644, 'open', '/f');
    vfs.write(f, 0, new TextEncoder().encode('hello'));
    vfs.retain(f);
    ops.unlink(ctx(), '/f');
    expect(new TextDecoder().decode(vfs.read(f))).toBe('hello');
    vfs.releaseRef(f);
    expect(vfs.inodes.has(f.ino)).toBe(false);
  });
});
