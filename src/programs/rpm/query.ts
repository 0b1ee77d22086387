// rpm -q output for one package (the default NVRA line, -i, -l, -c, -d, --requires, --provides,
// --changelog) and rpm -V's per-file report "SM5DLUGTP  c /path" (lib/verify.c layout).
import type { Build } from '../../subsystems/rpmdb/catalog';
import { digestText, S_IFLNK, S_IFREG, type InstalledPackage } from '../../subsystems/rpmdb/rpmdb';
import { parseRequirement } from '../../subsystems/rpmdb/deps';
import type { Ctx } from '../lib/context';
import { cTime, dayStamp, type Header, type TagValue } from './query-format';

export interface QueryFlags {
  info: boolean;
  list: boolean;
  config: boolean;
  docs: boolean;
  requires: boolean;
  provides: boolean;
  changelog: boolean;
  /** -s: list the files with their states ("normal" for every file of an installed package) */
  state: boolean;
}

const sorted = (l: readonly string[]): string[] => [...new Set(l)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

export function nvra(p: InstalledPackage): string {
  return p.arch === '(none)' ? `${p.name}-${p.version}-${p.release}` : `${p.name}-${p.version}-${p.release}.${p.arch}`;
}

/** A build date a few days before the package was installed (the facts carry none). */
const buildTime = (p: InstalledPackage): number => p.installTime - 86400 * (3 + (p.name.length % 9));

/** What the package installs, in bytes (the header's SIZE; tdnf shows the same figure). */
const installedSize = (p: InstalledPackage, b: Build): number =>
  b.installSize || p.files.reduce((n, f) => n + ((f.mode & 0o170000) === S_IFREG ? f.size : 0), 0);

/** The package's own provides: what the spec lists, its name and its name(arch), at its EVR. */
function provides(p: InstalledPackage, b: Build): string[] {
  const vr = `${p.epoch ? `${p.epoch}:` : ''}${p.version}-${p.release}`;
  return sorted([`${p.name} = ${vr}`, ...(p.arch === 'x86_64' ? [`${p.name}(x86-64) = ${vr}`] : []), ...b.provides]);
}

/** rpm's sense flags of a dependency's operator (RPMSENSE_LESS 2, GREATER 4, EQUAL 8). */
const SENSE: Record<string, number> = { '<': 2, '<=': 10, '=': 8, '>=': 12, '>': 4 };

/** NAME, VERSION and FLAGS arrays of dependency strings ("glibc >= 2.36", "(a or b)"). */
function depColumns(list: readonly string[]): { names: string[]; versions: string[]; flags: number[]; nevrs: string[] } {
  const cols = { names: [] as string[], versions: [] as string[], flags: [] as number[], nevrs: [] as string[] };
  for (const text of list) {
    const t = text.trim();
    const m = /^(\S+)\s+(<=|>=|<|>|=)\s+(\S+)$/.exec(t);
    cols.names.push(m ? m[1]! : t);
    cols.versions.push(m ? m[3]! : '');
    cols.flags.push(m ? SENSE[m[2]!]! : 0);
    cols.nevrs.push(m ? `${m[1]} ${m[2]} ${m[3]}` : t);
  }
  return cols;
}

/** The package's header as query formats read it (tags the facts do not give are absent). */
export function headerOf(p: InstalledPackage, b: Build): Header {
  const evr = `${p.epoch ? `${p.epoch}:` : ''}${p.version}-${p.release}`;
  const files = [...p.files].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
  const req = depColumns(sorted(b.requires.map((x) => parseRequirement(x).text)));
  const prov = depColumns(provides(p, b));
  const built = buildTime(p);
  const one = (v: TagValue): TagValue[] => [v];
  const tags: Record<string, TagValue[] | undefined> = {
    NAME: one(p.name), VERSION: one(p.version), RELEASE: one(p.release), ARCH: one(p.arch), OS: one('linux'),
    EPOCH: p.epoch ? one(p.epoch) : undefined, EPOCHNUM: one(p.epoch),
    EVR: one(evr), NEVR: one(`${p.name}-${evr}`), NEVRA: one(`${p.name}-${evr}.${p.arch}`), NVR: one(`${p.name}-${p.version}-${p.release}`), NVRA: one(nvra(p)),
    SUMMARY: one(b.summary), DESCRIPTION: one(b.description), GROUP: one(b.group || 'Unspecified'), LICENSE: one(b.license),
    URL: b.url ? one(b.url) : undefined, VENDOR: one('VMware, Inc.'), BUILDHOST: one('photon-builder'), BUILDTIME: one(built),
    INSTALLTIME: one(p.installTime), INSTALLTID: one(p.installTime), SIZE: one(installedSize(p, b)), LONGSIZE: one(installedSize(p, b)),
    SOURCERPM: one(`${b.source}-${p.version}-${p.release}.src.rpm`),
    FILENAMES: files.length ? files.map((f) => f.path) : undefined,
    FILESIZES: files.length ? files.map((f) => f.size) : undefined,
    FILEMODES: files.length ? files.map((f) => f.mode) : undefined,
    FILEUSERNAME: files.length ? files.map(() => 'root') : undefined,
    FILEGROUPNAME: files.length ? files.map(() => 'root') : undefined,
    FILEFLAGS: files.length ? files.map((f) => (f.flags === 'c' ? 1 : f.flags === 'n' ? 17 : f.flags === 'd' ? 2 : 0)) : undefined,
    FILELINKTOS: files.length ? files.map((f) => ((f.mode & 0o170000) === S_IFLNK ? f.digest : '')) : undefined,
    REQUIRENAME: req.names.length ? req.names : undefined, REQUIREVERSION: req.names.length ? req.versions : undefined,
    REQUIREFLAGS: req.names.length ? req.flags : undefined, REQUIRENEVRS: req.names.length ? req.nevrs : undefined,
    PROVIDENAME: prov.names, PROVIDEVERSION: prov.versions, PROVIDEFLAGS: prov.flags, PROVIDENEVRS: prov.nevrs,
    CHANGELOGTIME: one(built), CHANGELOGNAME: one(`The Photon OS team ${p.version}-${p.release}`), CHANGELOGTEXT: one('- Built for Photon OS 5.0.'),
  };
  return (tag) => tags[tag];
}

async function info(ctx: Ctx, p: InstalledPackage, b: Build): Promise<void> {
  const size = installedSize(p, b);
  const lines = [
    `Name        : ${p.name}`,
    ...(p.epoch ? [`Epoch       : ${p.epoch}`] : []),
    `Version     : ${p.version}`,
    `Release     : ${p.release}`,
    `Architecture: ${p.arch}`,
    `Install Date: ${cTime(p.installTime)}`,
    `Group       : ${b.group || 'Unspecified'}`,
    `Size        : ${size}`,
    `License     : ${b.license}`,
    'Signature   : (none)',
    `Source RPM  : ${b.source}-${p.version}-${p.release}.src.rpm`,
    `Build Date  : ${cTime(buildTime(p))}`,
    'Build Host  : photon-builder',
    'Vendor      : VMware, Inc.',
    `URL         : ${b.url}`,
    `Summary     : ${b.summary}`,
    'Description :',
    b.description,
  ];
  await ctx.print(`${lines.join('\n')}\n`);
}

/** What rpm -q prints for one package; `formatted`: a query format replaced the NVRA line. */
export async function queryPackage(ctx: Ctx, p: InstalledPackage, b: Build, f: QueryFlags, formatted = false): Promise<void> {
  const anyDetail = f.info || f.list || f.config || f.docs || f.requires || f.provides || f.changelog || f.state;
  if (!anyDetail && !formatted) await ctx.print(`${nvra(p)}\n`);
  if (f.info) await info(ctx, p, b);
  const paths = (pred: (flags: string) => boolean): string[] => sorted(p.files.filter((x) => pred(x.flags)).map((x) => x.path));
  // -c and -d list only their files; -s puts each file's state first (lib/query.c)
  const state = f.state ? 'normal        ' : '';
  if (f.list || f.state || f.config || f.docs) {
    const chosen = f.config || f.docs ? paths((fl) => (f.config && (fl === 'c' || fl === 'n')) || (f.docs && fl === 'd')) : paths(() => true);
    if (p.files.length === 0) await ctx.print('(contains no files)\n');
    else for (const x of chosen) await ctx.print(`${state}${x}\n`);
  }
  if (f.requires) for (const r of sorted(b.requires.map((x) => parseRequirement(x).text))) await ctx.print(`${r}\n`);
  if (f.provides) for (const x of provides(p, b)) await ctx.print(`${x}\n`);
  if (f.changelog) await ctx.print(`* ${dayStamp(buildTime(p))} The Photon OS team ${p.version}-${p.release}\n- Built for Photon OS 5.0.\n\n`);
}

/** rpm -V: one line per file that differs; 1 when anything does. */
export async function verifyPackage(ctx: Ctx, p: InstalledPackage, b: Build, db: readonly InstalledPackage[], builds: ReadonlyMap<InstalledPackage, Build>): Promise<number> {
  let status = 0;
  // dependencies first, as rpm -V checks them before the files
  const unmet: string[] = [];
  for (const r of b.requires) {
    const req = parseRequirement(r);
    const ok = req.anyOf.some((d) => db.some((q) => q.name === d.name || builds.get(q)?.provides.some((x) => x.split(/\s/)[0] === d.name) || q.files.some((x) => x.path === d.name)));
    if (!ok) unmet.push(`\t${req.text} is needed by (installed) ${nvra(p)}\n`);
  }
  if (unmet.length) {
    await ctx.print(`Unsatisfied dependencies for ${nvra(p)}:\n${unmet.join('')}`);
    status = 1;
  }
  for (const f of p.files) {
    const attr = f.flags === 'c' || f.flags === 'n' ? 'c' : f.flags === 'd' ? 'd' : ' ';
    let st;
    try {
      st = await ctx.sys.lstat(f.path);
    } catch {
      await ctx.print(`missing   ${attr} ${f.path}\n`);
      status = 1;
      continue;
    }
    const flags = ['.', '.', '.', '.', '.', '.', '.', '.', '.'];
    const type = f.mode & 0o170000;
    if (type === S_IFREG) {
      const text = new TextDecoder().decode(await ctx.sys.readFile(f.path));
      if (st.size !== f.size) flags[0] = 'S';
      // the database keeps no mtime: a changed file has been written since, so T goes with 5
      if (digestText(text) !== f.digest) {
        flags[2] = '5';
        flags[7] = 'T';
      }
    } else if (type === S_IFLNK) {
      if (st.kind !== 'symlink' || (await ctx.sys.readlink(f.path)) !== f.digest) flags[4] = 'L';
    }
    if ((st.mode & 0o7777) !== (f.mode & 0o7777) || (st.mode & 0o170000) !== type) flags[1] = 'M';
    if (st.uid !== 0) flags[5] = 'U';
    if (st.gid !== 0) flags[6] = 'G';
    if (flags.some((c) => c !== '.')) {
      await ctx.print(`${flags.join('')}  ${attr} ${f.path}\n`);
      status = 1;
    }
  }
  return status;
}
