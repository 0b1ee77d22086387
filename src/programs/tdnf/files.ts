// Files as rpm lays them down and takes them away: directories made as needed, symlinks,
// %config files the administrator changed kept (.rpmnew beside a noreplace file, .rpmsave for the
// rest), files another package still owns left alone on removal; and scriptlets run with the
// caller's output. Shared by tdnf's transactions and rpm -e.
import { isSysError } from '../../shared/errno';
import type { Sys } from '../../shared/sys';
import type { PayloadEntry } from '../../subsystems/rpmdb/payload';
import { digestText, S_IFDIR, S_IFLNK, S_IFREG, type FileRecord, type InstalledPackage } from '../../subsystems/rpmdb/rpmdb';

const decoder = new TextDecoder();

async function exists(io: { sys: Sys }, path: string): Promise<boolean> {
  try {
    await io.sys.lstat(path);
    return true;
  } catch {
    return false;
  }
}

export async function mkdirs(io: { sys: Sys }, path: string, mode = 0o755): Promise<void> {
  let cur = '';
  for (const part of path.split('/').filter(Boolean)) {
    cur += `/${part}`;
    if (!(await exists(io, cur))) await io.sys.mkdir(cur, mode);
  }
}

/** What the file and scriptlet helpers need (tdnf's session, or rpm's context). */
export interface Io {
  sys: Sys;
  env: Map<string, string>;
  /** rpm's warnings go to stderr. */
  warn(text: string): Promise<void>;
  flush(): Promise<void>;
}

/** Runs a scriptlet command with the caller's stdout and stderr (its output shows among theirs). */
export async function scriptlet(io: Io, path: string, argv: string[]): Promise<void> {
  if (!(await exists(io, path))) return;
  await io.flush();
  const pid = await io.sys.spawn({ path, argv, env: new Map(io.env), fds: new Map([[1, 1], [2, 2]]) });
  await io.sys.wait(pid);
}

export async function readTextOr(io: { sys: Sys }, path: string): Promise<string | undefined> {
  try {
    return decoder.decode(await io.sys.readFile(path));
  } catch {
    return undefined;
  }
}

/** Writes one payload entry; returns its database record. Config files the admin changed are kept. */
export async function writeEntry(io: Io, e: PayloadEntry, old: FileRecord | undefined): Promise<FileRecord> {
  const sys = io.sys;
  if (e.type === 'dir') {
    await mkdirs(io, e.path, e.mode);
    return { path: e.path, mode: S_IFDIR | e.mode, size: 4096, digest: '', flags: e.flags };
  }
  await mkdirs(io, e.path.slice(0, e.path.lastIndexOf('/')) || '/');
  if (e.type === 'symlink') {
    if (await exists(io, e.path)) await sys.unlink(e.path);
    await sys.symlink(e.target ?? '', e.path);
    return { path: e.path, mode: S_IFLNK | 0o777, size: (e.target ?? '').length, digest: e.target ?? '', flags: e.flags };
  }
  const text = e.text ?? '';
  const rec: FileRecord = { path: e.path, mode: S_IFREG | e.mode, size: new TextEncoder().encode(text).length, digest: digestText(text), flags: e.flags };
  const current = e.flags === 'c' || e.flags === 'n' ? await readTextOr(io, e.path) : undefined;
  const modified = current !== undefined && (old ? digestText(current) !== old.digest : digestText(current) !== rec.digest);
  if (modified && e.flags === 'n') {
    // %config(noreplace): the admin's file stays, the packaged one lands beside it
    await sys.writeFile(`${e.path}.rpmnew`, text, { mode: e.mode });
    await io.warn(`warning: ${e.path} created as ${e.path}.rpmnew\n`);
    return old ?? rec;
  }
  if (modified && e.flags === 'c') {
    await sys.rename(e.path, `${e.path}.rpmsave`);
    await io.warn(`warning: ${e.path} saved as ${e.path}.rpmsave\n`);
  }
  if (await exists(io, e.path)) await sys.unlink(e.path);
  await sys.writeFile(e.path, text, { mode: e.mode });
  await sys.chmod(e.path, e.mode);
  return rec;
}

/** Deletes a package's files (not those another package still owns); modified configs become .rpmsave. */
export async function removeFiles(io: Io, files: readonly FileRecord[], keep: ReadonlySet<string>): Promise<void> {
  const sys = io.sys;
  const dirs: string[] = [];
  for (const f of files) {
    if (keep.has(f.path)) continue;
    if ((f.mode & 0o170000) === S_IFDIR) {
      dirs.push(f.path);
      continue;
    }
    try {
      if (f.flags && (f.mode & 0o170000) === S_IFREG) {
        const text = await readTextOr(io, f.path);
        if (text !== undefined && digestText(text) !== f.digest) {
          await sys.rename(f.path, `${f.path}.rpmsave`);
          await io.warn(`warning: ${f.path} saved as ${f.path}.rpmsave\n`);
          continue;
        }
      }
      await sys.unlink(f.path);
    } catch (e) {
      if (!isSysError(e)) throw e;
    }
  }
  for (const d of dirs.sort().reverse()) await sys.rmdir(d).catch(() => undefined);
}

export function ownedElsewhere(db: ReadonlyMap<string, InstalledPackage>, except: string): Set<string> {
  const out = new Set<string>();
  for (const [name, p] of db) if (name !== except) for (const f of p.files) out.add(f.path);
  return out;
}
