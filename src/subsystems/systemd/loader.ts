// Finding a unit on disk as the manager does (src/core/load-fragment.c, unit-file.c): the first
// directory of the search path that has the name wins; a link to /dev/null masks it; a link to
// another unit file makes the name an alias of that unit; "name@inst.type" falls back to the
// template "name@.type"; drop-ins come from every "<name>.d/" (and the template's and the type's)
// in the search path, one file name overriding the same name further down, applied in name order.
import { SYSTEM_LOOKUP_PATHS } from '../../shared/systemd/lookup-paths';
import { loadUnitSettings } from '../../shared/systemd/unit-file';
import { unitNameTemplate, unitNameToType } from '../../shared/systemd/unit-name';
import { unitConfig, type UnitConfig } from './config';
import type { ManagerHost } from './host';

export interface LoadedUnit {
  id: string;
  names: string[];
  type: string;
  state: 'loaded' | 'not-found' | 'masked' | 'bad-setting' | 'error';
  fragmentPath?: string;
  dropIns: string[];
  /** Files read, with their mtimes, to notice later edits. */
  sources: Map<string, number | undefined>;
  /** The names whose ".d/" directories were searched for drop-ins. */
  dropInNames?: string[];
  config?: UnitConfig;
}

const SECTIONS = new Set(['Unit', 'Install', 'Service', 'Socket', 'Timer', 'Target', 'Mount', 'Path', 'Slice', 'Scope', 'Automount', 'Swap']);

function resolveLink(host: ManagerHost, path: string): { target: string } | undefined {
  const t = host.readLink(path);
  if (t === undefined) return undefined;
  return { target: t.startsWith('/') ? t : `${path.slice(0, path.lastIndexOf('/'))}/${t}` };
}

/** Finds `name`'s fragment: its path and the name it really has (after following aliases). */
function findFragment(host: ManagerHost, name: string): { path?: string; id: string; masked: boolean } {
  for (const dir of SYSTEM_LOOKUP_PATHS.searchPath) {
    const p = `${dir}/${name}`;
    if (!host.exists(p) && host.readLink(p) === undefined) continue;
    let path = p;
    let id = name;
    for (let hops = 0; hops < 8; hops++) {
      const link = resolveLink(host, path);
      if (!link) break;
      if (link.target === '/dev/null') return { id: name, masked: true };
      path = link.target;
      const base = path.slice(path.lastIndexOf('/') + 1);
      if (unitNameToType(base) !== undefined) id = base;
    }
    if (!host.exists(path)) continue;
    return { path, id, masked: false };
  }
  return { id: name, masked: false };
}

function dropInsFor(host: ManagerHost, names: string[]): string[] {
  const chosen = new Map<string, string>();
  for (const n of names) {
    for (const dir of SYSTEM_LOOKUP_PATHS.searchPath) {
      const d = `${dir}/${n}.d`;
      for (const f of host.readDir(d) ?? []) {
        if (!f.endsWith('.conf') || chosen.has(f)) continue;
        const path = `${d}/${f}`;
        if (host.readLink(path) !== undefined && resolveLink(host, path)?.target === '/dev/null') {
          chosen.set(f, '');
          continue;
        }
        chosen.set(f, path);
      }
    }
  }
  return [...chosen.entries()].filter(([, p]) => p !== '').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
}

/** systemd.unit(5) "Specifiers" for the system manager. */
function expandSpecifiers(value: string, name: string, host: ManagerHost): string {
  const dot = name.lastIndexOf('.');
  const base = dot < 0 ? name : name.slice(0, dot);
  const at = base.indexOf('@');
  const prefix = at < 0 ? base : base.slice(0, at);
  const instance = at < 0 ? '' : base.slice(at + 1);
  const unescape = (s: string): string => s.replace(/\\x([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/-/g, '/');
  const table: Record<string, string> = {
    n: name, N: base, p: prefix, P: unescape(prefix), i: instance, I: unescape(instance), j: prefix.slice(prefix.lastIndexOf('-') + 1), J: unescape(prefix.slice(prefix.lastIndexOf('-') + 1)),
    f: `/${unescape(instance || prefix)}`, H: host.hostname(), l: host.hostname().split('.')[0]!, t: '/run', S: '/var/lib', C: '/var/cache', L: '/var/log', E: '/etc', T: '/tmp', V: '/var/tmp',
    h: '/root', u: 'root', U: '0', g: 'root', G: '0', s: '/bin/sh', m: (host.readFile('/etc/machine-id') ?? '').trim(), v: host.kernelRelease(), a: 'x86-64', '%': '%',
  };
  return value.replace(/%(.)/g, (all, c: string) => table[c] ?? all);
}

export function loadUnit(host: ManagerHost, name: string): LoadedUnit {
  const type = unitNameToType(name) ?? 'service';
  const sources = new Map<string, number | undefined>();
  let frag = findFragment(host, name);
  const template = unitNameTemplate(name);
  if (!frag.path && !frag.masked && template && template !== name) {
    const t = findFragment(host, template);
    if (t.path || t.masked) frag = { ...t, id: name };
  }
  const base: LoadedUnit = { id: frag.id, names: frag.id === name ? [name] : [frag.id, name], type, state: 'not-found', dropIns: [], sources };
  if (frag.masked) return { ...base, state: 'masked' };
  // drop-ins of the unit, its other names, its template and its type ("service.d")
  const dropInNames = [...new Set([frag.id, name, ...(template ? [template] : []), type])];
  const dropIns = dropInsFor(host, dropInNames);
  base.dropInNames = dropInNames;
  if (!frag.path && dropIns.length === 0) return base;
  const files: { path: string; text: string }[] = [];
  if (frag.path) {
    const text = host.readFile(frag.path);
    sources.set(frag.path, host.mtime(frag.path));
    if (text === undefined) return { ...base, state: 'error' };
    files.push({ path: frag.path, text });
  }
  for (const d of dropIns) {
    sources.set(d, host.mtime(d));
    files.push({ path: d, text: host.readFile(d) ?? '' });
  }
  if (!frag.path) return { ...base, state: 'not-found', dropIns };
  const settings = loadUnitSettings(files, { sections: SECTIONS });
  // a file the parser gave up on (a broken section header) leaves the unit unloaded
  if (settings.fatal) return { ...base, state: 'error', fragmentPath: frag.path, dropIns };
  // %-specifiers in everything but [Install] (that one is the install logic's business)
  for (const a of settings.assignments) if (a.section !== 'Install' && a.value.includes('%')) a.value = expandSpecifiers(a.value, name, host);
  const config = unitConfig(settings, type, name);
  // DefaultDependencies=yes (systemd.special(7)): ordinary units come after early boot
  if (config.defaultDependencies) {
    if (type === 'service') {
      config.requires.push('sysinit.target');
      config.after.push('sysinit.target', 'basic.target');
    } else if (type === 'socket') {
      config.after.push('sysinit.target');
      config.before.push('sockets.target');
    } else if (type === 'timer') {
      config.after.push('sysinit.target');
      config.before.push('timers.target');
    }
  }
  // "<name>.wants/" and "<name>.requires/" directories add dependencies (what enable creates)
  for (const n of new Set([frag.id, name])) {
    for (const dir of SYSTEM_LOOKUP_PATHS.searchPath) {
      config.wants.push(...(host.readDir(`${dir}/${n}.wants`) ?? []).filter((f) => unitNameToType(f) !== undefined));
      config.requires.push(...(host.readDir(`${dir}/${n}.requires`) ?? []).filter((f) => unitNameToType(f) !== undefined));
    }
  }
  if (config.loadError) return { ...base, state: 'error', fragmentPath: frag.path, dropIns };
  return { ...base, state: config.badSetting ? 'bad-setting' : 'loaded', fragmentPath: frag.path, dropIns, config };
}

/** True when a file a unit was loaded from changed (or appeared/vanished) since. */
export function changedOnDisk(host: ManagerHost, u: LoadedUnit): boolean {
  for (const [path, mtime] of u.sources) if (host.mtime(path) !== mtime) return true;
  // unit_need_daemon_reload(): a drop-in that appeared or went away since it was loaded
  if (u.state !== 'loaded' || !u.dropInNames) return false;
  const now = dropInsFor(host, u.dropInNames);
  return now.length !== u.dropIns.length || now.some((p, i) => p !== u.dropIns[i]);
}
