// tdnf's configuration: /etc/tdnf/tdnf.conf ([main]), the .repo files of its repodir (sections
// read in directory order, reversed within a file as tdnf's list building does), the protected
// package lists in /etc/tdnf/protected.d, and --enablerepo/--disablerepo/--repo applied on top.
import type { Sys } from '../../shared/sys';
import { fnmatch } from '../lib/fnmatch';
import { listOpt, type CmdArgs } from './args';
import { E, TdnfError } from './errors';

export const RELEASEVER = '5.0';
export const BASEARCH = 'x86_64';

export interface TdnfConf {
  gpgcheck: boolean;
  repodir: string;
  cachedir: string;
  keepcache: boolean;
  cleanRequirementsOnRemove: boolean;
  checkUpdateCompat: boolean;
  excludes: string[];
  protectedNames: Set<string>;
}

export interface Repo {
  id: string;
  name: string;
  baseurls: string[];
  enabled: boolean;
  gpgcheck: boolean;
  gpgkeys: string[];
  skipIfUnavailable: boolean;
  priority: number;
  /** Seconds; -1 means never. */
  metadataExpire: number;
  retries: number;
}

type Ini = Map<string, Map<string, string>>;

/** A minimal INI reader: [section], key=value, # and ; comments. */
export function parseIni(text: string): Ini {
  const out: Ini = new Map();
  let section: Map<string, string> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const m = /^\[(.*)\]$/.exec(line);
    if (m) {
      section = new Map();
      out.set(m[1]!.trim(), section);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0 || !section) continue;
    section.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return out;
}

const isTrue = (v: string | undefined): boolean => v !== undefined && (v.toLowerCase() === 'true' || parseInt(v, 10) !== 0 && !Number.isNaN(parseInt(v, 10)));
const vars = (s: string): string => s.replace(/\$\{?releasever\}?/g, RELEASEVER).replace(/\$\{?basearch\}?/g, BASEARCH);

async function readText(sys: Sys, path: string): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await sys.readFile(path));
  } catch {
    return undefined;
  }
}

/** metadata_expire: seconds with an optional s/m/h/d suffix, or "never". */
function parseExpire(v: string): number {
  if (v.toLowerCase() === 'never') return -1;
  const m = /^(-?\d+)([smhd]?)$/.exec(v);
  if (!m) throw new TdnfError(E.METADATA_EXPIRE_PARSE);
  const n = Number(m[1]);
  if (n < 0) return -1;
  return n * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd']);
}

export async function readConf(sys: Sys, path = '/etc/tdnf/tdnf.conf'): Promise<TdnfConf> {
  const main = parseIni((await readText(sys, path)) ?? '').get('main') ?? new Map<string, string>();
  const protectedNames = new Set<string>();
  try {
    for (const f of (await sys.readdir('/etc/tdnf/protected.d')).sort()) {
      if (!f.endsWith('.conf')) continue;
      for (const line of ((await readText(sys, `/etc/tdnf/protected.d/${f}`)) ?? '').split('\n')) {
        const n = line.trim();
        if (n !== '' && !n.startsWith('#')) protectedNames.add(n);
      }
    }
  } catch {
    // no protected.d: nothing is protected
  }
  return {
    gpgcheck: main.has('gpgcheck') ? isTrue(main.get('gpgcheck')) : true,
    repodir: main.get('repodir') ?? main.get('reposdir') ?? '/etc/yum.repos.d',
    cachedir: main.get('cachedir') ?? '/var/cache/tdnf',
    keepcache: isTrue(main.get('keepcache')),
    cleanRequirementsOnRemove: isTrue(main.get('clean_requirements_on_remove')),
    checkUpdateCompat: isTrue(main.get('dnf_check_update_compat')),
    excludes: (main.get('excludepkgs') ?? '').split(/[\s,]+/).filter(Boolean),
    protectedNames,
  };
}

/** Every configured repo (not @cmdline), in tdnf's order. */
export async function readRepos(sys: Sys, conf: TdnfConf): Promise<Repo[]> {
  let files: string[];
  try {
    files = await sys.readdir(conf.repodir);
  } catch {
    throw new TdnfError(E.REPO_DIR_OPEN);
  }
  const repos: Repo[] = [];
  for (const f of files) {
    if (!f.endsWith('.repo')) continue;
    const text = await readText(sys, `${conf.repodir}/${f}`);
    if (text === undefined) continue;
    const sections = [...parseIni(text)].reverse();
    for (const [id, kv] of sections) {
      if (repos.some((r) => r.id === id)) throw new TdnfError(E.DUPLICATE_REPO_ID);
      repos.push({
        id,
        name: vars(kv.get('name') ?? id),
        baseurls: vars(kv.get('baseurl') ?? '').split(/\s+/).filter(Boolean),
        enabled: isTrue(kv.get('enabled')),
        gpgcheck: kv.has('gpgcheck') ? isTrue(kv.get('gpgcheck')) : true,
        gpgkeys: vars(kv.get('gpgkey') ?? '').split(/\s+/).filter(Boolean),
        skipIfUnavailable: isTrue(kv.get('skip_if_unavailable')),
        priority: kv.has('priority') ? parseInt(kv.get('priority')!, 10) || 0 : 50,
        metadataExpire: kv.has('metadata_expire') ? parseExpire(kv.get('metadata_expire')!) : 172800,
        retries: kv.has('retries') ? parseInt(kv.get('retries')!, 10) || 0 : 10,
      });
    }
  }
  return repos;
}

/** --enablerepo / --disablerepo (globs; unknown ids are ignored) and --repo (only those). */
export function applyRepoOptions(repos: Repo[], args: CmdArgs): void {
  const only = [...listOpt(args, 'repo'), ...listOpt(args, 'repoid')];
  if (only.length > 0) for (const r of repos) r.enabled = only.some((p) => fnmatch(p, r.id));
  // the options apply in the order given, as tdnf walks its setopt list
  for (const [name, values] of args.opts) {
    if (name !== 'enablerepo' && name !== 'disablerepo') continue;
    for (const pattern of values.flatMap((v) => v.split(','))) {
      for (const r of repos) if (fnmatch(pattern, r.id)) r.enabled = name === 'enablerepo';
    }
  }
}
