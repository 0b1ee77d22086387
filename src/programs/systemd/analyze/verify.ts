// systemd-analyze verify (src/analyze/analyze-verify-util.c): loads each unit file as a test
// manager would, with the files' directories put before the usual unit search path. Loading
// logs the parser's warnings and refuses unusable units; then every loaded unit is checked for a
// start job its hard dependencies allow, a socket's service, executables that exist, and man
// pages that `man` can show.
import { InstallEnv } from '../../../shared/systemd/install-types';
import { SYSTEM_LOOKUP_PATHS } from '../../../shared/systemd/lookup-paths';
import { decodeUnitBytes, parseBoolean, loadUnitSettings, type UnitSettings } from '../../../shared/systemd/unit-file';
import {
  NAME_ANY, NAME_TEMPLATE, unitNameIsValid, unitNamePrefix, unitNameReplaceInstance, unitNameToType,
} from '../../../shared/systemd/unit-name';
import { findUnitPaths } from '../../../shared/systemd/unit-paths';
import { isSysError, strerror, type Errno } from '../../../shared/errno';
import { statusCode } from '../../../shared/process';
import { loadUnitKeys, unitConfig, type ExecCommand, type UnitConfig } from '../../../subsystems/systemd/config';
import type { Ctx } from '../../lib/context';
import { sysInstallFs } from '../systemctl/sys-fs';
import type { AnalyzeOptions } from './options';
import { userUnitPaths } from './table-verbs';
import { verifyOrder, type UnitState } from './verify-order';

/** The sections a unit type's parser knows: [Unit], [Install] and its own ([Service] ...). */
function sectionsOf(type: string): ReadonlySet<string> {
  return new Set(['Unit', 'Install', type[0]!.toUpperCase() + type.slice(1)]);
}

export interface Loaded {
  name: string;
  state: 'loaded' | 'not-found' | 'masked' | 'bad-setting' | 'error';
  /** Why an 'error' unit did not load. */
  errno?: string;
  config?: UnitConfig;
  settings?: UnitSettings;
}

export class Verifier {
  private readonly cache = new Map<string, Loaded>();
  private readonly env: InstallEnv;
  /** The units whose files drew a syntax warning ("FILE:LINE: ..."), for --recursive-errors=. */
  readonly syntaxWarned = new Set<string>();

  constructor(
    readonly ctx: Ctx,
    dirs: string[],
    /** --recursive-errors=no: the test manager does not pull in dependencies. */
    readonly ignoreDependencies = false,
    /** The manager's own unit directories (a user manager's with --user). */
    base: readonly string[] = SYSTEM_LOOKUP_PATHS.searchPath,
    /** --root=: units, their files and their commands are looked for below it ('' for none). */
    readonly root = '',
  ) {
    const searchPath = [...new Set([...dirs, ...base])];
    this.env = new InstallEnv(sysInstallFs(ctx.sys, root || undefined), { ...SYSTEM_LOOKUP_PATHS, searchPath });
  }

  private async read(path: string): Promise<string | undefined> {
    try {
      return decodeUnitBytes(await this.ctx.sys.readFile(path));
    } catch {
      return undefined;
    }
  }

  /** unit_load(): the fragment and drop-ins, parsed; `warn` prints what the parser says. */
  async load(name: string, warn: boolean): Promise<Loaded> {
    const cached = this.cache.get(name);
    if (cached) return cached;
    let out: Loaded = { name, state: 'not-found' };
    const paths = await findUnitPaths(this.env, name);
    if (paths?.masked) out = { name, state: 'masked' };
    else if (paths?.fragment !== undefined) {
      const files: { path: string; text: string }[] = [];
      for (const p of [paths.fragment, ...paths.dropins]) files.push({ path: this.root + p, text: (await this.read(this.root + p)) ?? '' });
      const settings = loadUnitSettings(files, { sections: sectionsOf(unitNameToType(name) ?? 'service') });
      if (settings.fatal) {
        if (warn) for (const w of settings.warnings) await this.ctx.err.write(`${w.file}:${w.line}: ${w.message}\n`);
        out = { name, state: 'error', errno: { EBADMSG: 'Bad message', ENOBUFS: 'No buffer space available', EINVAL: 'Invalid argument' }[settings.fatal] };
        this.cache.set(name, out);
        return out;
      }
      const config = unitConfig(settings, unitNameToType(name) ?? 'service', name);
      if (warn) for (const w of config.warnings) await this.ctx.err.write(`${w}\n`);
      if (warn && config.warnings.some((w) => /^\/.*?:\d+: /.test(w))) this.syntaxWarned.add(name);
      if (config.badSetting && warn) await this.ctx.err.write(`${name}: ${config.badSetting}\n`);
      if (warn) for (const n of config.notices ?? []) await this.ctx.err.write(`${name}: ${n}\n`);
      out = config.loadError ? { name, state: 'error', errno: config.loadError } : { name, state: config.badSetting ? 'bad-setting' : 'loaded', config, settings };
    }
    this.cache.set(name, out);
    return out;
  }

  /**
   * The units `u` refers to, loaded as the manager's load queue does once `u` is loaded: the
   * unit a socket, timer or path unit triggers, then those named by dependency settings; each
   * logs its parser's warnings the first time it is loaded.
   */
  async loadDependencies(u: Loaded): Promise<void> {
    const cfg = u.config;
    if (!cfg) return;
    const type = unitNameToType(u.name);
    const prefix = unitNamePrefix(u.name) ?? u.name;
    const triggered: string[] = [];
    if (type === 'socket') {
      const accept = parseBoolean(u.settings?.get('Socket', 'Accept') ?? '') ?? false;
      if (!accept) triggered.push(cfg.socket?.service ?? `${prefix}.service`);
    } else if (type === 'timer') triggered.push(cfg.timer?.unit ?? `${prefix}.service`);
    else if (type === 'automount') triggered.push(`${prefix}.mount`);
    else if (type === 'path') {
      const named = [...(u.settings?.values('Path', 'Unit') ?? [])].reverse().find((n) => unitNameIsValid(n) && n !== u.name);
      triggered.push(named ?? `${prefix}.service`);
    }
    const deps = this.ignoreDependencies ? triggered : [...triggered, ...cfg.requires, ...cfg.requisite, ...cfg.wants, ...cfg.bindsTo, ...cfg.partOf, ...cfg.conflicts, ...cfg.onFailure, ...cfg.before, ...cfg.after];
    for (const dep of deps) {
      if (this.cache.has(dep) || !unitNameIsValid(dep)) continue;
      await this.loadDependencies(await this.load(dep, true));
    }
  }

  /** A loaded unit's settings, or why a unit that exists takes no job (from what is loaded already). */
  state(name: string): UnitState {
    const d = this.cache.get(name);
    if (!d || d.state === 'not-found') return {};
    if (d.state === 'loaded') return { config: d.config };
    if (d.state === 'masked') return { refusal: `Unit ${name} is masked.` };
    if (d.state === 'bad-setting') return { refusal: `Unit ${name} has a bad unit file setting.` };
    return { refusal: `Unit ${name} failed to load properly, please adjust/correct and reload service manager: ${d.errno}` };
  }

  /** The first unit a start job cannot pull in through Requires=, Requisite= or BindsTo=. */
  async startError(u: Loaded, seen = new Set<string>()): Promise<string | undefined> {
    seen.add(u.name);
    const cfg = u.config;
    if (!cfg || this.ignoreDependencies) return undefined;
    // the default dependencies come first: a service, socket, timer or path unit needs
    // sysinit.target (on this machine it is always there; below a --root= it may not be)
    const type = unitNameToType(u.name) ?? '';
    const implicit = this.root !== '' && cfg.defaultDependencies && ['service', 'socket', 'timer', 'path'].includes(type) ? ['sysinit.target'] : [];
    for (const dep of [...implicit, ...cfg.requires, ...cfg.requisite, ...cfg.bindsTo]) {
      if (seen.has(dep) || !unitNameIsValid(dep)) continue;
      const d = await this.load(dep, false);
      // device and slice units load without a file (unit_vtable's can_fragment / perpetual)
      if (d.state === 'not-found' && /\.(device|slice)$/.test(dep)) continue;
      if (d.state === 'not-found') return `Unit ${dep} not found.`;
      if (d.state === 'masked') return `Unit ${dep} is masked.`;
      if (d.state === 'bad-setting') return `Unit ${dep} has a bad unit file setting.`;
      if (d.state === 'error') return `Unit ${dep} failed to load properly, please adjust/correct and reload service manager: ${d.errno}`;
      const deeper = await this.startError(d, seen);
      if (deeper) return deeper;
    }
    return undefined;
  }

  /** find_executable_full(): a path is checked as it is, a bare name along $PATH. */
  async executableError(cmd: ExecCommand): Promise<string | undefined> {
    const name = cmd.argv[0] ?? cmd.path;
    const candidates = name.includes('/')
      ? [name]
      : (this.ctx.env.get('PATH') ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin').split(':').filter(Boolean).map((d) => `${d}/${name}`);
    let last: Errno = 'ENOENT';
    for (const p of candidates) {
      try {
        const st = await this.ctx.sys.stat(this.root + p);
        if (st.kind === 'dir') {
          last = 'EISDIR';
          continue;
        }
        await this.ctx.sys.access(this.root + p, 1);
        return undefined;
      } catch (e) {
        if (!isSysError(e)) throw e;
        if (e.errno !== 'ENOENT' || last === 'ENOENT') last = e.errno;
      }
    }
    return `Command ${name} is not executable: ${strerror(last)}`;
  }

  /** show_man_page(): `man [SECTION] PAGE` with its output thrown away; its exit status. */
  async man(page: string): Promise<number> {
    const m = /^(.+)\(([^()]+)\)$/.exec(page);
    const argv = m ? ['man', m[2]!, m[1]!] : ['man', page];
    const sys = this.ctx.sys;
    // execvp() failing in the child ends it with EXIT_FAILURE
    let path: string | undefined;
    for (const d of (this.ctx.env.get('PATH') ?? '/usr/bin:/bin').split(':')) {
      try {
        await sys.access(`${d}/man`, 1);
        path = `${d}/man`;
        break;
      } catch {
        // next directory
      }
    }
    if (path === undefined) return 1;
    const fd = await sys.open('/dev/null', { write: true });
    try {
      const pid = await sys.spawn({ path, argv, env: new Map(this.ctx.env), fds: new Map([[1, fd], [2, fd]]) });
      const r = await sys.wait(pid);
      return r ? statusCode(r.status) : 1;
    } catch {
      return 1;
    } finally {
      sys.close(fd);
    }
  }
}

/** verify_executables(): the first command of each Exec*= list (the head the check is given). */
function execCommands(cfg: UnitConfig): ExecCommand[] {
  const s = cfg.service;
  const lists = s ? [s.execCondition, s.execStartPre, s.execStart, s.execStartPost, s.execReload, s.execStop, s.execStopPost] : cfg.socket?.exec ?? [];
  return lists.flatMap((l) => (l.length ? [l[0]!] : []));
}

/** prepare_filename(): an absolute path whose base name is a unit name; templates get an instance. */
export function prepare(cwd: string, arg: string): { dir: string; name: string } | undefined {
  const abs = arg.startsWith('/') ? arg : `${cwd === '/' ? '' : cwd}/${arg}`;
  const parts = abs.split('/').filter((p) => p !== '' && p !== '.');
  const base = parts.pop() ?? '';
  if (!unitNameIsValid(base, NAME_ANY)) return undefined;
  const name = unitNameIsValid(base, NAME_TEMPLATE) ? (unitNameReplaceInstance(base, 'i') ?? base) : base;
  return { dir: `/${parts.join('/')}`, name };
}

/**
 * A user manager (--user) keeps its state in $XDG_RUNTIME_DIR/systemd/, made before anything is
 * loaded: without an absolute XDG_RUNTIME_DIR, or where that directory cannot be made, the test
 * manager does not start.
 */
async function userManagerProblem(ctx: Ctx): Promise<string | undefined> {
  const runtime = ctx.env.get('XDG_RUNTIME_DIR');
  if (!runtime?.startsWith('/')) return 'Failed to lookup RuntimeDirectory path: No such device or address\nFailed to initialize manager: No such device or address\n';
  const dir = `${runtime}/systemd/`;
  try {
    await ctx.sys.mkdir(dir, 0o755);
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (e.errno !== 'EEXIST') return `Failed to create directory '${dir}': ${strerror(e.errno)}\n`;
  }
  return undefined;
}

export async function verbVerify(ctx: Ctx, args: string[], opts: AnalyzeOptions): Promise<number> {
  if (opts.scope === 'global') {
    // systemd 252's test manager takes the system or a user scope only, and asserts it
    await ctx.err.write("Assertion 'IN_SET(scope, LOOKUP_SCOPE_SYSTEM, LOOKUP_SCOPE_USER)' failed at src/core/manager.c:782, function manager_new(). Aborting.\n");
    await ctx.flush();
    ctx.sys.signal(6, 'default');
    ctx.sys.kill(ctx.sys.pid, 6);
    await ctx.sys.sleep(1);
    return 134;
  }
  if (opts.scope === 'user') {
    const problem = await userManagerProblem(ctx);
    if (problem !== undefined) {
      await ctx.err.write(problem);
      return 1;
    }
  }
  await ctx.sys.loadCode(loadUnitKeys);
  const manArg = opts.raw.get('man')?.at(-1);
  const checkMan = manArg === undefined || manArg === '' ? true : parseBoolean(manArg) ?? true;
  const cwd = ctx.sys.getcwd();
  const prepared = args.map((a) => prepare(cwd, a));
  const recursive = opts.raw.get('recursive-errors')?.at(-1);
  const base = opts.scope === 'user' ? userUnitPaths(ctx.env) : SYSTEM_LOOKUP_PATHS.searchPath;
  // below a --root= only the root's unit directories are searched, not the arguments' own
  const root = opts.root && opts.root !== '/' ? opts.root.replace(/\/+$/, '') : '';
  const v = new Verifier(ctx, root ? [] : prepared.flatMap((p) => (p ? [p.dir] : [])), recursive === 'no', base, root);
  let rc = 0;
  const units: Loaded[] = [];
  for (let i = 0; i < args.length; i++) {
    const p = prepared[i];
    if (!p) {
      await ctx.err.write(`Failed to prepare filename ${args[i]}: Invalid argument\n`);
      rc = 1;
      continue;
    }
    const u = await v.load(p.name, true);
    await v.loadDependencies(u);
    // bus_unit_validate_load_state()
    const refusal =
      u.state === 'not-found' ? `Unit ${u.name} not found.` : u.state === 'masked' ? `Unit ${u.name} is masked.` : u.state === 'bad-setting' ? `Unit ${u.name} has a bad unit file setting.` : u.state === 'error' ? `Unit ${u.name} failed to load properly, please adjust/correct and reload service manager: ${u.errno}` : undefined;
    if (refusal) {
      await ctx.err.write(`${refusal}\n`);
      rc = 1;
      continue;
    }
    units.push(u);
  }
  for (const u of units) {
    const cfg = u.config!;
    const fail = async (msg: string): Promise<void> => {
      await ctx.err.write(`${u.name}: ${msg}\n`);
      rc = 1;
    };
    const start = await v.startError(u);
    if (start) await fail(`Failed to create ${u.name}/start: ${start}`);
    else if (!v.ignoreDependencies) {
      const order = verifyOrder(u.name, (n) => v.state(n));
      for (const line of order.lines) await ctx.err.write(`${line}\n`);
      if (order.error) {
        await ctx.err.write(`Requested transaction contains an unfixable cyclic ordering dependency: ${order.error}\n`);
        await fail(`Failed to create ${u.name}/start: ${order.error}`);
      }
    }
    if (unitNameToType(u.name) === 'socket') {
      const prefix = unitNamePrefix(u.name) ?? u.name;
      const accept = parseBoolean(u.settings?.get('Socket', 'Accept') ?? '') ?? false;
      const service = cfg.socket?.service ?? (accept ? `${prefix}@internal.service` : `${prefix}.service`);
      const s = await v.load(service, false);
      if (s.state !== 'loaded') await fail(`service ${service} not loaded, socket cannot be started.`);
    }
    for (const cmd of execCommands(cfg)) {
      if (cmd.ignoreFailure) continue;
      const e = await v.executableError(cmd);
      if (e) await fail(e);
    }
    if (checkMan) {
      for (const doc of cfg.documentation) {
        if (!doc.startsWith('man:')) continue;
        const code = await v.man(doc.slice(4));
        if (code !== 0) await fail(`Command 'man ${doc.slice(4)}' failed with code ${code}`);
      }
    }
  }
  // with --recursive-errors= a syntax warning fails the run too: one in any unit loaded ("yes",
  // "no"), or only in the units named ("one")
  if (rc === 0 && recursive !== undefined) {
    const named = prepared.flatMap((p) => (p ? [p.name] : []));
    if (recursive === 'one' ? named.some((n) => v.syntaxWarned.has(n)) : v.syntaxWarned.size > 0) rc = 1;
  }
  return rc;
}
