// rpm -q output for one package (the default NVRA line, -i, -l, -c, -d, --requires, --provides,
// --changelog) and rpm -V's per-file report "SM5DLUGTP  c /path" (lib/verify.c layout).
import type { Build } from '../../subsystems/rpmdb/catalog';
import { digestText, S_IFLNK, S_IFREG, type InstalledPackage } from '../../subsystems/rpmdb/rpmdb';
import { parseRequirement } from '../../subsystems/rpmdb/deps';
import type { Ctx } from '../lib/context';

export interface QueryFlags {
  info: boolean;
  list: boolean;
  config: boolean;
  docs: boolean;
  requires: boolean;
  provides: boolean;
  changelog: boolean;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** strftime "%c" in the C locale ("Thu Nov 26 18:56:58 2026"), UTC. */
function cTime(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** "%a %b %d %Y" as changelog entries are dated. */
function dayStamp(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${d.getUTCFullYear()}`;
}

export function nvra(p: InstalledPackage): string {
  return p.arch === '(none)' ? `${p.name}-${p.version}-${p.release}` : `${p.name}-${p.version}-${p.release}.${p.arch}`;
}

/** A build date a few days before the package was installed (the facts carry none). */
const buildTime = (p: InstalledPackage): number => p.installTime - 86400 * (3 + (p.name.length % 9));

async function info(ctx: Ctx, p: InstalledPackage, b: Build): Promise<void> {
  // the header's size is what the package installs (tdnf shows the same figure)
  const size = b.installSize || p.files.reduce((n, f) => n + ((f.mode & 0o170000) === S_IFREG ? f.size : 0), 0);
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

const sorted = (l: readonly string[]): string[] => [...new Set(l)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

export async function queryPackage(ctx: Ctx, p: InstalledPackage, b: Build, f: QueryFlags): Promise<void> {
  const anyDetail = f.info || f.list || f.config || f.docs || f.requires || f.provides || f.changelog;
  if (!anyDetail) await ctx.print(`${nvra(p)}\n`);
  if (f.info) await info(ctx, p, b);
  const paths = (pred: (flags: string) => boolean): string[] => sorted(p.files.filter((x) => pred(x.flags)).map((x) => x.path));
  if (f.list) {
    const all = paths(() => true);
    await ctx.print(all.length ? `${all.join('\n')}\n` : '(contains no files)\n');
  }
  if (f.config) for (const x of paths((fl) => fl === 'c' || fl === 'n')) await ctx.print(`${x}\n`);
  if (f.docs) for (const x of paths((fl) => fl === 'd')) await ctx.print(`${x}\n`);
  if (f.requires) for (const r of sorted(b.requires.map((x) => parseRequirement(x).text))) await ctx.print(`${r}\n`);
  if (f.provides) {
    const vr = `${p.epoch ? `${p.epoch}:` : ''}${p.version}-${p.release}`;
    const own = [`${p.name} = ${vr}`, ...(p.arch === 'x86_64' ? [`${p.name}(x86-64) = ${vr}`] : []), ...b.provides];
    for (const x of sorted(own)) await ctx.print(`${x}\n`);
  }
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
