// The kernel's module tree, /usr/lib/modules/RELEASE: one file per loadable module of the
// index (shared/kernel-modules.ts) and the index files depmod writes (modules.dep,
// modules.builtin, modules.order). The .ko.xz files are stand-ins: xz's magic bytes and
// a note, as the machine loads modules by name from the index, not from these bytes.
import { BUILTIN_MODULES, KERNEL_MODULES, MODULE_BY_NAME } from '../../shared/kernel-modules';
import type { ImageWriter } from './build';

const BUILTIN_PATHS: Record<string, string> = {
  ext4: 'fs/ext4', ipv6: 'net/ipv6', af_packet: 'net/packet', unix: 'net/unix', crc32c_generic: 'crypto', x_tables: 'net/netfilter',
  libcrc32c: 'lib', loop: 'drivers/block',
};

/** xz's stream header (CRC64 check) and the module's name: what `file` and a glance show. */
function stub(name: string): Uint8Array {
  const text = new TextEncoder().encode(`${name}\n`);
  const out = new Uint8Array(12 + text.length);
  out.set([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00, 0x04, 0xe6, 0xd6, 0xb4, 0x46]);
  out.set(text, 12);
  return out;
}

export function writeModuleFiles(w: ImageWriter, release: string): void {
  const root = `/usr/lib/modules/${release}`;
  const dirs = new Set<string>();
  for (const m of KERNEL_MODULES) {
    const dir = `${root}/${m.path.slice(0, m.path.lastIndexOf('/'))}`;
    for (let d = dir; d.length > root.length && !dirs.has(d); d = d.slice(0, d.lastIndexOf('/'))) dirs.add(d);
  }
  w.dir(root);
  for (const d of [...dirs].sort()) w.dir(d);
  for (const m of KERNEL_MODULES) w.file(`${root}/${m.path}`, stub(m.name));
  const dep = KERNEL_MODULES.map((m) => {
    // every module it needs, nearest first (depmod lists the whole chain)
    const chain: string[] = [];
    const visit = (n: string): void => {
      for (const d of MODULE_BY_NAME.get(n)?.depends ?? []) {
        if (!chain.includes(d)) chain.push(d);
        visit(d);
      }
    };
    visit(m.name);
    return `${m.path}:${chain.map((d) => ` ${MODULE_BY_NAME.get(d)!.path}`).join('')}\n`;
  });
  w.file(`${root}/modules.dep`, dep.join(''));
  w.file(`${root}/modules.order`, KERNEL_MODULES.map((m) => `${m.path.replace(/\.xz$/, '')}\n`).join(''));
  w.file(`${root}/modules.builtin`, [...BUILTIN_MODULES].map((n) => `kernel/${BUILTIN_PATHS[n] ?? 'kernel'}/${n}.ko\n`).join(''));
}
