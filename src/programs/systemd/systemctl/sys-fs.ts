// The file system the install logic sees, on top of the program's Sys. With --root=DIR every
// path is taken below DIR, as systemctl does for an offline tree; symlink targets are written
// and read as the tree sees them (absolute within DIR).
import type { Sys } from '../../../shared/sys';
import type { FsStat, InstallFs } from '../../../shared/systemd/install-types';
import type { Stat } from '../../../shared/stat';
import { UNRESOLVED } from '../../../shared/systemd/specifiers';
import { decodeUnitBytes } from '../../../shared/systemd/unit-file';

function kind(st: Stat): FsStat['kind'] {
  switch (st.kind) {
    case 'file':
    case 'dir':
    case 'symlink':
      return st.kind;
    case 'chardev':
    case 'blockdev':
      return 'device';
    default:
      return 'other';
  }
}

const decoder = new TextDecoder();

export function sysInstallFs(sys: Sys, root?: string): InstallFs {
  const base = root && root !== '/' ? root.replace(/\/+$/, '') : '';
  const at = (p: string): string => base + p;
  // Resolves symlinks inside the root (so an absolute target stays below it).
  const resolve = async (p: string): Promise<string> => {
    if (base === '') return p;
    const parts = p.split('/').filter(Boolean);
    let done = '';
    for (let i = 0, hops = 0; i < parts.length; i++) {
      const cur = `${done}/${parts[i]}`;
      let st: Stat;
      try {
        st = await sys.lstat(at(cur));
      } catch {
        return [cur, ...parts.slice(i + 1)].join('/');
      }
      if (st.kind !== 'symlink') {
        done = cur;
        continue;
      }
      if (++hops > 32) throw Object.assign(new Error('ELOOP'), { errno: 'ELOOP' });
      const t = await sys.readlink(at(cur));
      const rest = t.split('/').filter(Boolean);
      if (t.startsWith('/')) done = '';
      parts.splice(0, i + 1, ...rest);
      i = -1;
    }
    return done === '' ? '/' : done;
  };
  const host = sys.uname();
  const specifiers: Partial<Record<string, string>> = { H: host.nodename, l: host.nodename.split('.')[0] ?? '', q: host.nodename.split('.')[0] ?? '', v: host.release, a: 'x86-64' };
  // the machine id and os-release fields come from the root's files, the boot id from the running kernel
  const text = async (p: string): Promise<string | undefined> => {
    try {
      return decoder.decode(await sys.readFile(p));
    } catch {
      return undefined;
    }
  };
  // read on first use only (most verbs print no specifier)
  let ready: Promise<void> | undefined;
  const load = async (): Promise<void> => {
    const machineId = (await text(at('/etc/machine-id')))?.trim();
    specifiers.m = machineId ?? UNRESOLVED;
    // the boot id, as the journal numbers this boot
    try {
      const boots = (await sys.call('journal', { kind: 'boots' })) as { kind: string; boots?: { id: string }[] };
      specifiers.b = (boots.boots?.at(-1)?.id ?? '').replace(/-/g, '').toLowerCase();
    } catch {
      specifiers.b = '';
    }
    const osRelease = (await text(at('/etc/os-release'))) ?? (await text(at('/usr/lib/os-release')));
    const field = (k: string): string => {
      if (osRelease === undefined) return UNRESOLVED;
      const m = new RegExp(`^${k}=(.*)$`, 'm').exec(osRelease);
      return m ? m[1]!.trim().replace(/^(["'])(.*)\1$/, '$2') : '';
    };
    Object.assign(specifiers, { o: field('ID'), w: field('VERSION_ID'), W: field('VARIANT_ID'), B: field('BUILD_ID'), A: field('IMAGE_VERSION'), M: field('IMAGE_ID') });
  };
  return {
    lstat: async (p) => {
      const st = await sys.lstat(at(p));
      return { kind: kind(st), size: st.size };
    },
    stat: async (p) => {
      const st = await sys.stat(at(await resolve(p)));
      return { kind: kind(st), size: st.size };
    },
    readlink: (p) => sys.readlink(at(p)),
    readFile: async (p) => decodeUnitBytes(await sys.readFile(at(await resolve(p)))),
    readdir: (p) => sys.readdir(at(p)),
    symlink: (target, p) => sys.symlink(target, at(p)),
    unlink: (p) => sys.unlink(at(p)),
    mkdir: (p, mode) => sys.mkdir(at(p), mode),
    rmdir: (p) => sys.rmdir(at(p)),
    specifiers,
    get specifiersReady() {
      return (ready ??= load());
    },
  };
}
