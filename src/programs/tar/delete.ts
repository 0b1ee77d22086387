// --delete: the archive read whole, the members the names select (and what lies under them)
// left out, the rest written back in place with a new end marker and the file cut after the
// last record (never longer than it was); `-f -` filters stdin to stdout. A compressed
// archive cannot be updated.
import { ArchiveReader, detectCompression } from './archive';
import { BLOCK, checksumOk } from './header';
import { readArchive, skipData } from './list';
import { Selector } from './names';
import type { Tar } from './state';

export interface DeleteResult {
  read: number;
  written: number;
}

async function readAll(tar: Tar, fd: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let c: Uint8Array | null;
    try {
      c = await tar.sys.read(fd, 65536);
    } catch (e) {
      return tar.sysFatal(e, tar.archiveName === '-' ? 'stdin' : tar.archiveName, 'Cannot read');
    }
    if (!c || c.length === 0) break;
    parts.push(c);
    total += c.length;
    await tar.tick();
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

/** Deletes the members `names` select; returns the bytes read and written (for --totals). */
export async function deleteMembers(tar: Tar, names: readonly { name: string; dir: string; recursive: boolean }[]): Promise<DeleteResult> {
  const sys = tar.sys;
  const toStdout = tar.archiveName === '-';
  let fd = 0;
  if (!toStdout) {
    try {
      fd = await sys.open(tar.archiveName, { read: true, write: true, create: true }, 0o666);
    } catch (e) {
      return tar.sysFatal(e, tar.archiveName, 'Cannot open');
    }
  }
  try {
    const data = await readAll(tar, fd);
    const head = data.subarray(0, BLOCK);
    if (!(head.length === BLOCK && checksumOk(head)) && detectCompression(head)) await tar.fatal('Cannot update compressed archives');
    const selector = new Selector(names, sys.getcwd(), tar.o);
    const r = new ArchiveReader(tar, fd, data);
    const keep: [number, number][] = [];
    let deleted = 0;
    await readArchive(tar, r, { compressed: false, appending: true }, async (e) => {
      const start = e.start ?? r.blockNo - 1;
      const gone = names.length > 0 && selector.select(e.name) !== undefined;
      await skipData(tar, r, e.m);
      if (gone) deleted++;
      else keep.push([start * BLOCK, r.blockNo * BLOCK]);
    });
    const record = tar.o.blocking * BLOCK;
    await selector.reportMissing(tar);
    // an archive nothing is deleted from is left as it is
    if (deleted === 0 && !toStdout) return { read: Math.ceil(data.length / record) * record, written: data.length };
    const kept = keep.reduce((n, [a, b]) => n + b - a, 0);
    let size = Math.ceil((kept + 2 * BLOCK) / record) * record;
    if (!toStdout && size > data.length) size = Math.max(data.length, kept + 2 * BLOCK);
    const out = new Uint8Array(size);
    let at = 0;
    for (const [a, b] of keep) {
      out.set(data.subarray(a, b), at);
      at += b - a;
    }
    try {
      if (toStdout) {
        await tar.ctx.out.flush();
        await sys.write(1, out);
      } else {
        sys.lseek(fd, 0, 'set');
        await sys.write(fd, out);
        sys.ftruncate(fd, size);
      }
    } catch (e) {
      return tar.sysFatal(e, toStdout ? 'stdout' : tar.archiveName, 'Cannot write');
    }
    return { read: Math.ceil(data.length / record) * record, written: size };
  } finally {
    if (!toStdout) sys.close(fd);
  }
}
