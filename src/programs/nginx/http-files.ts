// Files as nginx's workers see them: the master reads through its Sys, but every lookup is
// checked against the worker's credentials (the `user` account, its group and supplementary
// groups): search permission on each directory on the way, read permission on the file. So a
// page the nginx user cannot read is a 403, as on Photon.
import { SysError } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import type { Sys } from '../../shared/sys';

export interface Cred {
  uid: number;
  gid: number;
  groups: number[];
}

export class WorkerFiles {
  constructor(
    private readonly sys: Sys,
    private readonly cred: Cred,
  ) {}

  private allowed(st: Stat, bit: number): boolean {
    if (this.cred.uid === 0) return bit !== 1 || (st.mode & 0o111) !== 0 || st.kind === 'dir';
    const m = st.mode;
    if (st.uid === this.cred.uid) return (m & (bit << 6)) !== 0;
    if (st.gid === this.cred.gid || this.cred.groups.includes(st.gid)) return (m & (bit << 3)) !== 0;
    return (m & bit) !== 0;
  }

  /** stat(2) of `path` with the worker's search permissions checked on the way. */
  async stat(path: string): Promise<Stat> {
    const parts = path.split('/').filter(Boolean);
    let cur = '';
    for (const [i, part] of parts.entries()) {
      const dir = await this.sys.stat(cur || '/');
      if (dir.kind !== 'dir') throw new SysError('ENOTDIR', 'stat', path);
      if (!this.allowed(dir, 1)) throw new SysError('EACCES', 'stat', path);
      cur += `/${part}`;
      if (i === parts.length - 1) break;
    }
    return this.sys.stat(cur || '/');
  }

  /** open(2) for reading and read it all. */
  async read(path: string): Promise<{ data: Uint8Array; st: Stat }> {
    const st = await this.stat(path);
    if (!this.allowed(st, 4)) throw new SysError('EACCES', 'open', path);
    // a directory opens (nginx then redirects to "dir/"); only files have contents to read
    return { data: st.kind === 'file' ? await this.sys.readFile(path) : new Uint8Array(), st };
  }

  /** opendir(3) and the entries with their stat (ngx_de_info), hidden ones skipped. */
  async list(path: string): Promise<{ name: string; st: Stat }[]> {
    const st = await this.stat(path);
    if (st.kind !== 'dir') throw new SysError('ENOTDIR', 'opendir', path);
    if (!this.allowed(st, 4)) throw new SysError('EACCES', 'opendir', path);
    const out: { name: string; st: Stat }[] = [];
    for (const name of await this.sys.readdir(path)) {
      if (name.startsWith('.')) continue;
      const child = await this.sys.stat(`${path.replace(/\/$/, '')}/${name}`).catch(() => undefined);
      if (child) out.push({ name, st: child });
    }
    return out;
  }
}
