import type { Machine } from '../kernel/machine';
import { ROOT_CRED } from '../kernel/machine';
import { createIn } from '../kernel/vfs/ops';

/** Writes host bytes to `path` inside the machine, creating missing directories (the CLI's script). */
export function writeFileIntoMachine(machine: Machine, path: string, bytes: Uint8Array): void {
  const vfs = machine.kernel.vfs;
  const ctx = { vfs, cred: ROOT_CRED, cwd: vfs.root, umask: 0o022 };
  let dir = vfs.root;
  const parts = path.split('/').filter(Boolean);
  const name = parts.pop()!;
  for (const part of parts) {
    dir = vfs.child(dir, part) ?? createIn(ctx, dir, part, 'dir', 0o755, 'mkdir', path);
  }
  const node = vfs.child(dir, name) ?? createIn(ctx, dir, name, 'file', 0o644, 'open', path);
  vfs.truncate(node, 0);
  vfs.write(node, 0, bytes);
}
