// What every systemctl verb works with: the program context, the parsed options, and a fresh
// install environment over the file system for each unit-file operation.
import { InstallEnv, type InstallChange, type InstallFlags } from '../../../shared/systemd/install-types';
import { GLOBAL_LOOKUP_PATHS, SYSTEM_LOOKUP_PATHS } from '../../../shared/systemd/lookup-paths';
import { glyphs, type Glyphs } from '../../../shared/systemd/glyphs';
import { unitNameMangle } from '../../../shared/systemd/unit-name';
import type { Ctx } from '../../lib/context';
import { page, wantPager } from '../../lib/pager';
import type { SystemctlOptions } from './options';
import { sysInstallFs } from './sys-fs';

export class Session {
  readonly glyphs: Glyphs;

  constructor(
    readonly ctx: Ctx,
    readonly opts: SystemctlOptions,
  ) {
    this.glyphs = glyphs(ctx.env);
  }

  /** --root was given: the verbs that need the manager are refused. */
  get rooted(): boolean {
    return this.opts.root !== undefined && this.opts.root !== '';
  }

  /** --root or --global: the client does the unit-file work itself (install_client_side). */
  get offline(): boolean {
    return this.rooted || this.opts.scope === 'global';
  }

  /** lookup_paths_init() with --root: why the root directory cannot be used, if it cannot. */
  async rootProblem(): Promise<string | undefined> {
    if (!this.rooted) return undefined;
    try {
      const st = await this.ctx.sys.stat(this.rootPath());
      return st.kind === 'dir' ? undefined : 'Not a directory';
    } catch {
      return 'No such file or directory';
    }
  }

  /** --root= made absolute. */
  rootPath(): string {
    return absolutePath(this.ctx.sys.getcwd(), this.opts.root ?? '/');
  }

  /** The --root= directory as systemd prefixes its own paths with it ('' without one). */
  private rootPrefix(): string {
    return this.rooted ? this.rootPath().replace(/\/+$/, '') : '';
  }

  /**
   * The changes as systemctl shows them: with --root= the paths the install logic builds from
   * its lookup paths carry the root (links made and removed, the unit file of a dependency, the
   * file in the way); link targets, unit names and paths given as arguments stay as they are.
   */
  shownChanges(changes: readonly InstallChange[]): readonly InstallChange[] {
    const root = this.rootPrefix();
    if (root === '') return changes;
    const at = (p: string): string => (p.startsWith('/') ? root + p : p);
    return changes.map((c): InstallChange => {
      if (c.type === 'symlink' || c.type === 'unlink') return { ...c, path: at(c.path) };
      if (c.type === 'destination-not-present') return { ...c, source: c.source === undefined ? undefined : at(c.source) };
      if (c.type === 'error' && (c.errno === 'EEXIST' || c.errno === 'ERFKILL' || c.errno === 'ELOOP')) return { ...c, path: at(c.path) };
      return c;
    });
  }

  newEnv(): InstallEnv {
    const env = new InstallEnv(sysInstallFs(this.ctx.sys, this.opts.root), this.opts.scope === 'global' ? GLOBAL_LOOKUP_PATHS : SYSTEM_LOOKUP_PATHS);
    // systemctl reads the unit files itself and logs the parser's warnings (log_syntax), naming
    // the files it read, below the root with --root=
    const root = this.rootPrefix();
    env.warn = async (m) => {
      await this.ctx.err.write(`${m.startsWith('/') ? root : ''}${m}\n`);
    };
    env.arrow = this.glyphs.arrowRight;
    return env;
  }

  /** colors_enabled(): $SYSTEMD_COLORS, $NO_COLOR, TERM=dumb, else both outputs on a terminal. */
  colors(): boolean {
    const env = this.ctx.env;
    const forced = env.get('SYSTEMD_COLORS');
    if (forced !== undefined) return !['0', 'no', 'n', 'false', 'f', 'off'].includes(forced.toLowerCase());
    if (env.has('NO_COLOR') || env.get('TERM') === 'dumb') return false;
    return this.ctx.sys.isatty(1) && this.ctx.sys.isatty(2);
  }

  flags(): InstallFlags {
    return { runtime: this.opts.runtime, force: this.opts.force > 0 };
  }

  /** Prints to stdout, through the pager when stdout is a terminal (pager_open). */
  async output(text: string): Promise<void> {
    if (wantPager(this.ctx, this.opts.noPager)) await page(this.ctx, text, { vars: ['SYSTEMD_PAGER', 'PAGER'], less: 'FRSXMK' });
    else await this.ctx.print(text);
  }

  async error(msg: string): Promise<number> {
    await this.ctx.err.write(`${msg}\n`);
    return 1;
  }

  /**
   * The manager asks polkit before changing unit files; Photon has no polkit, so anyone but
   * root is refused, and sd-bus words that "Access denied" (bus_error_message).
   */
  async refusedByManager(prefix: string): Promise<boolean> {
    if (this.offline || this.ctx.sys.geteuid() === 0) return false;
    await this.error(`${prefix}: Access denied`);
    return true;
  }

  /**
   * Only the system manager runs here; --user has no bus to talk to, nor has --global for a
   * verb that needs one (`clientSide` false). Unit-file verbs do --global themselves.
   */
  async noBus(clientSide = true): Promise<boolean> {
    if (this.opts.scope === 'system' || (this.opts.scope === 'global' && clientSide)) return false;
    // the user bus is $XDG_RUNTIME_DIR/bus: without the variable there is no medium, and no
    // user manager listens on it here
    const dir = this.ctx.env.get('XDG_RUNTIME_DIR');
    await this.error(`Failed to connect to bus: ${dir ? 'No such file or directory' : 'No medium found'}`);
    return true;
  }

  /** mangle_names(): unit names get a suffix, paths become absolute; undefined after an error. */
  async mangleNames(operation: string, args: readonly string[]): Promise<string[] | undefined> {
    const out: string[] = [];
    for (const a of args) {
      if (a.includes('/')) {
        // path_make_absolute_cwd() alone: the path is not simplified here
        const cwd = this.ctx.sys.getcwd();
        out.push(a.startsWith('/') ? a : `${cwd}${cwd.endsWith('/') ? '' : '/'}${a}`);
        continue;
      }
      const m = unitNameMangle(a, '.service', { operation });
      if (!m) {
        await this.error(`Failed to mangle unit name or path '${a}': Invalid argument`);
        return undefined;
      }
      if (m.notice && !this.opts.quiet) await this.ctx.err.write(`${m.notice}\n`);
      out.push(m.name);
    }
    return out;
  }
}

/** path_make_absolute_cwd() followed by path_simplify(). */
export function absolutePath(cwd: string, p: string): string {
  const full = p.startsWith('/') ? p : `${cwd}/${p}`;
  const parts = full.split('/').filter((x) => x !== '' && x !== '.');
  return `/${parts.join('/')}`;
}
