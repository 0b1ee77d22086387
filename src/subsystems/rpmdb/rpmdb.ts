// The rpm database: which packages are installed and which files each owns, with the size,
// mode and digest each file had when installed (what `rpm -V` compares against). The file lives
// at /var/lib/rpm/rpmdb.sqlite as on Photon 5.0, but its contents are this simulator's own
// format: a header line, then one JSON object per package. tdnf and rpm both read and write it.

export const RPMDB_PATH = '/var/lib/rpm/rpmdb.sqlite';
const HEADER = '# photon-sim rpm database, format 1';

export interface FileRecord {
  path: string;
  /** st_mode including the file type bits. */
  mode: number;
  size: number;
  /** Digest of the contents (digestText) for regular files; the target for symlinks. */
  digest: string;
  /** 'c' %config, 'n' %config(noreplace), 'd' %doc, '' otherwise. */
  flags: string;
}

export interface InstalledPackage {
  name: string;
  epoch: number;
  version: string;
  release: string;
  arch: string;
  /** Seconds since the epoch. */
  installTime: number;
  /** The repository it came from (tdnf's `from_repo`), or '' when unknown. */
  from: string;
  files: FileRecord[];
}

export class RpmDbError extends Error {}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseFile(v: unknown, what: string): FileRecord {
  if (!Array.isArray(v) || v.length !== 5) throw new RpmDbError(`${what}: bad file entry`);
  const [path, mode, size, digest, flags] = v as unknown[];
  if (typeof path !== 'string' || typeof mode !== 'number' || typeof size !== 'number' || typeof digest !== 'string' || typeof flags !== 'string') {
    throw new RpmDbError(`${what}: bad file entry`);
  }
  return { path, mode, size, digest, flags };
}

/** Parses the database text; throws RpmDbError when a line is not a package record. */
export function parseRpmDb(text: string): InstalledPackage[] {
  const out: InstalledPackage[] = [];
  text.split('\n').forEach((line, i) => {
    if (line === '' || line.startsWith('#')) return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw new RpmDbError(`line ${i + 1}: not JSON`);
    }
    if (!isRecord(v)) throw new RpmDbError(`line ${i + 1}: not a record`);
    const { name, epoch, version, release, arch, time, from, files } = v;
    if (typeof name !== 'string' || typeof version !== 'string' || typeof release !== 'string' || typeof arch !== 'string') throw new RpmDbError(`line ${i + 1}: bad package`);
    if (!Array.isArray(files)) throw new RpmDbError(`line ${i + 1}: bad file list`);
    out.push({
      name, version, release, arch,
      epoch: typeof epoch === 'number' ? epoch : 0,
      installTime: typeof time === 'number' ? time : 0,
      from: typeof from === 'string' ? from : '',
      files: files.map((f, j) => parseFile(f, `line ${i + 1} file ${j}`)),
    });
  });
  return out;
}

export function serializeRpmDb(pkgs: readonly InstalledPackage[]): string {
  const lines = [HEADER];
  // in installation order, as rpm -qa lists them
  for (const p of pkgs) {
    lines.push(JSON.stringify({ name: p.name, epoch: p.epoch, version: p.version, release: p.release, arch: p.arch, time: p.installTime, from: p.from, files: p.files.map((f) => [f.path, f.mode, f.size, f.digest, f.flags]) }));
  }
  return `${lines.join('\n')}\n`;
}

/** A content digest (FNV-1a, 2 x 32 bits): enough to tell a changed file from an unchanged one. */
export function digestText(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

export const S_IFREG = 0o100000;
export const S_IFDIR = 0o040000;
export const S_IFLNK = 0o120000;
