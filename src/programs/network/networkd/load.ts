// Finding and reading networkd's files (network_load, netdev_load): *.network and *.netdev in
// /etc/systemd/network, /run/systemd/network, /usr/local/lib/systemd/network and
// /usr/lib/systemd/network, a name in an earlier directory hiding the same name in a later one,
// read in file-name order. systemd-networkd runs as the systemd-network user, so a file it may
// not read (root's 0640 under Photon's umask 027) fails to open and is skipped, with the log
// lines networkd 253 writes for it.
import { isSysError, strerror } from '../../../shared/errno';
import type { Stat } from '../../../shared/stat';
import type { Sys } from '../../../shared/sys';
import { parsePasswd } from '../../lib/accounts';
import { parseIni, type LogLine } from './ini';
import { NETDEV_KEYS, NETWORK_KEYS } from './keys';
import { matchIsEmpty } from './match';
import { networkFromAssignments, type NetworkConfig } from './network-file';

export const NETWORK_DIRS = ['/etc/systemd/network', '/run/systemd/network', '/usr/local/lib/systemd/network', '/usr/lib/systemd/network'];

export interface NetDevConfig {
  file: string;
  name: string;
  kind: string;
}

export interface Loaded {
  networks: NetworkConfig[];
  netdevs: NetDevConfig[];
  logs: LogLine[];
  /** Modification times, to tell which networks changed on reload. */
  mtimes: Map<string, number>;
}

const decoder = new TextDecoder();
const R_OK = 4;

/** conf_files_list: the files of `suffix`, earlier directories winning, sorted by name. */
async function listFiles(sys: Sys, suffix: string): Promise<string[]> {
  const byName = new Map<string, string>();
  for (const dir of NETWORK_DIRS) {
    let names: string[];
    try {
      names = await sys.readdir(dir);
    } catch {
      continue;
    }
    for (const n of names.sort()) if (n.endsWith(suffix) && !byName.has(n)) byName.set(n, `${dir}/${n}`);
  }
  return [...byName.keys()].sort().map((n) => byName.get(n)!);
}

/** The credentials systemd-networkd runs with (User=systemd-network). */
async function networkUser(sys: Sys): Promise<{ uid: number; gid: number }> {
  try {
    const e = parsePasswd(decoder.decode(await sys.readFile('/etc/passwd'))).find((p) => p.name === 'systemd-network');
    if (e) return { uid: e.uid, gid: e.gid };
  } catch {
    // fall through to the uid Photon builds with (-Dsystemd-network-uid=76)
  }
  return { uid: 76, gid: 76 };
}

function mayRead(st: Stat, user: { uid: number; gid: number }, bit: number): boolean {
  const shift = st.uid === user.uid ? 6 : st.gid === user.gid ? 3 : 0;
  return ((st.mode >> shift) & bit) !== 0;
}

/** Opens `path` as the systemd-network user would: EACCES when the mode does not allow it. */
async function readAsNetworkUser(sys: Sys, path: string, user: { uid: number; gid: number }): Promise<{ text: string; st: Stat } | { errno: string }> {
  try {
    const st = await sys.stat(path);
    const dir = await sys.stat(path.slice(0, path.lastIndexOf('/')) || '/');
    if (!mayRead(dir, user, 1) || !mayRead(st, user, R_OK)) return { errno: 'EACCES' };
    return { text: decoder.decode(await sys.readFile(path)), st };
  } catch (e) {
    if (isSysError(e)) return { errno: e.errno };
    throw e;
  }
}

/** stat_warn_permissions(): modes systemd asks to fix but proceeds with. */
function permissionWarnings(path: string, st: Stat, logs: LogLine[]): void {
  if (st.kind !== 'file') return;
  if (st.mode & 0o111) logs.push({ priority: 4, message: `Configuration file ${path} is marked executable. Please remove executable permission bits. Proceeding anyway.` });
  if (st.mode & 0o002) logs.push({ priority: 4, message: `Configuration file ${path} is marked world-writable. Please remove world writability permission bits. Proceeding anyway.` });
}

async function readConfig(sys: Sys, path: string, user: { uid: number; gid: number }, logs: LogLine[]): Promise<{ text: string; st: Stat } | undefined> {
  let st: Stat;
  try {
    st = await sys.stat(path);
  } catch {
    return undefined;
  }
  // null_or_empty_path(): /dev/null links and empty files mask a name silently
  if (st.kind === 'chardev' || st.size === 0) return undefined;
  const r = await readAsNetworkUser(sys, path, user);
  if ('errno' in r) {
    const why = strerror(r.errno as Parameters<typeof strerror>[0]);
    logs.push({ priority: 3, message: `Failed to open configuration file '${path}': ${why}` });
    logs.push({ priority: 3, message: `Failed to load ${path}, ignoring: ${why}` });
    return undefined;
  }
  permissionWarnings(path, r.st, logs);
  return r;
}

export async function loadConfig(sys: Sys): Promise<Loaded> {
  const out: Loaded = { networks: [], netdevs: [], logs: [], mtimes: new Map() };
  const user = await networkUser(sys);
  for (const path of await listFiles(sys, '.netdev')) {
    const r = await readConfig(sys, path, user, out.logs);
    if (!r) continue;
    const kinds = Object.keys(NETDEV_KEYS).filter((s) => s !== 'Match' && s !== 'NetDev');
    const ini = parseIni(path, r.text, NETDEV_KEYS, kinds);
    out.logs.push(...ini.logs);
    if (ini.failed) {
      out.logs.push({ priority: 3, message: `Failed to load ${path}, ignoring: ${ini.failed}` });
      continue;
    }
    const get = (key: string): string | undefined => ini.assignments.filter((a) => a.section === 'NetDev' && a.key === key).at(-1)?.value;
    const kind = get('Kind');
    const name = get('Name');
    if (!kind) out.logs.push({ priority: 4, message: `NetDev has no Kind= configured in "${path}", ignoring.` });
    else if (!name) out.logs.push({ priority: 4, message: `NetDev without Name= configured in "${path}", ignoring.` });
    else if (!out.netdevs.some((d) => d.name === name)) out.netdevs.push({ file: path, name, kind });
  }
  for (const path of await listFiles(sys, '.network')) {
    const r = await readConfig(sys, path, user, out.logs);
    if (!r) continue;
    const ini = parseIni(path, r.text, NETWORK_KEYS);
    if (ini.failed) {
      out.logs.push(...ini.logs, { priority: 3, message: `Failed to load ${path}, ignoring: ${ini.failed}` });
      continue;
    }
    // the syntax and the values are checked in one pass over the lines; checks of whole
    // sections come after it
    const logs = [...ini.logs];
    const n = networkFromAssignments(path, ini.assignments, logs);
    out.logs.push(...logs.filter((l) => l.line !== undefined).sort((a, b) => a.line! - b.line!), ...logs.filter((l) => l.line === undefined));
    if (matchIsEmpty(n.match) && n.match.conditions === 0) {
      out.logs.push({ priority: 4, message: `${path}: No valid settings found in the [Match] section, ignoring file. To match all interfaces, add Name=* in the [Match] section.` });
      continue;
    }
    out.networks.push(n);
    out.mtimes.set(path, r.st.mtime);
  }
  return out;
}
