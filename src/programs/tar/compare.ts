// -d (--diff, --compare): each member set against the file of its name on disk, in GNU tar's
// order of checks (type, mode, owner, group, time, size, then the bytes), one line
// "NAME: WHAT differs" on stdout for each difference (exit 1); a file that is not there is
// a warning that also makes the exit 1.
import { isSysError, strerror } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import type { ArchiveReader } from './archive';
import { hasData, longLine, shortLine, shownLink, skipData, type Entry } from './list';
import { safeName, trimSlashes } from './names';
import { qc, type Tar } from './state';

export class Comparer {
  constructor(
    private readonly tar: Tar,
    private readonly r: ArchiveReader,
  ) {}

  private async differs(name: string, what: string): Promise<void> {
    await this.tar.listing.write(`${qc(name)}: ${what}\n`);
    if (this.tar.status === 0) this.tar.status = 1;
  }

  async member(e: Entry): Promise<void> {
    const { tar } = this;
    const m = e.m;
    const name = await safeName(tar, e.name, 'member names');
    const link = await shownLink(tar, e);
    if (tar.o.verbose > 1) await tar.listing.write(longLine(tar, m, e.name, link));
    else if (tar.o.verbose === 1) await tar.listing.write(shortLine(e.name));
    const path = trimSlashes(name);
    let st: Stat;
    try {
      st = await tar.sys.lstat(path);
    } catch (e2) {
      if (!isSysError(e2)) throw e2;
      await tar.warn(`${qc(path)}: Warning: Cannot stat: ${strerror(e2.errno)}`);
      if (tar.status === 0) tar.status = 1;
      return skipData(tar, this.r, m);
    }
    switch (m.type) {
      case '5':
        if (st.kind !== 'dir') await this.differs(path, 'File type differs');
        else if ((st.mode & 0o7777) !== (m.mode & 0o7777)) await this.differs(path, 'Mode differs');
        return;
      case '2': {
        let target: string | undefined;
        try {
          target = st.kind === 'symlink' ? await tar.sys.readlink(path) : undefined;
        } catch {
          target = undefined;
        }
        if (target !== e.link) await this.differs(path, 'Symlink differs');
        return;
      }
      case '1': {
        const to = trimSlashes(link);
        let same = false;
        try {
          const t = await tar.sys.lstat(to);
          same = t.dev === st.dev && t.ino === st.ino;
        } catch {
          same = false;
        }
        if (!same) {
          await tar.listing.write(`${qc(path)}: Not linked to ${qc(to)}\n`);
          if (tar.status === 0) tar.status = 1;
        }
        return;
      }
      default:
        if (!hasData(m)) return;
    }
    if (st.kind !== 'file') {
      await this.differs(path, 'File type differs');
      return skipData(tar, this.r, m);
    }
    if ((st.mode & 0o7777) !== (m.mode & 0o7777)) await this.differs(path, 'Mode differs');
    if (st.uid !== m.uid) await this.differs(path, 'Uid differs');
    if (st.gid !== m.gid) await this.differs(path, 'Gid differs');
    if (Math.floor(st.mtime / 1000) !== m.mtime) await this.differs(path, 'Mod time differs');
    if (st.size !== m.size) {
      await this.differs(path, 'Size differs');
      return skipData(tar, this.r, m);
    }
    let disk: Uint8Array;
    try {
      disk = await tar.sys.readFile(path);
    } catch (e2) {
      await tar.sysError(e2, path, 'Cannot open');
      return skipData(tar, this.r, m);
    }
    let at = 0;
    let same = disk.length === m.size;
    const ok = await this.r.data(m.size, async (chunk) => {
      for (let i = 0; i < chunk.length && same; i++) if (disk[at + i] !== chunk[i]) same = false;
      at += chunk.length;
    });
    if (!ok) await tar.fatal('Unexpected EOF in archive');
    if (!same) await this.differs(path, 'Contents differ');
  }
}
