// add-wants / add-requires (src/systemctl/systemctl-add-dependency.c) and preset-all
// (src/systemctl/systemctl-preset-all.c).
import { InstallFailure } from '../../../shared/systemd/install-types';
import { unitFileAddDependency } from '../../../shared/systemd/install-ops';
import { unitFilePresetAll } from '../../../shared/systemd/presets';
import { unitNameMangle } from '../../../shared/systemd/unit-name';
import { printChangesOffline } from './changes';
import { reportInstall } from './enable';
import { reloadManager } from './runtime';
import type { Session } from './session';

export async function verbAddDependency(s: Session, verb: 'add-wants' | 'add-requires', args: string[]): Promise<number> {
  if (await s.noBus()) return 1;
  const m = unitNameMangle(args[0]!, '.target', { operation: 'as target' });
  if (!m) return s.error('Failed to mangle unit name: Invalid argument');
  if (m.notice && !s.opts.quiet) await s.ctx.err.write(`${m.notice}\n`);
  const names = await s.mangleNames('as dependency', args.slice(1));
  if (!names) return 1;
  const dep = verb === 'add-wants' ? 'wants' : 'requires';
  const env = s.newEnv();
  if (s.offline) {
    const r = await unitFileAddDependency(env, s.flags(), names, m.name, dep);
    await printChangesOffline(s.ctx, 'add dependency on', s.shownChanges(env.changes), s.opts.quiet, s.glyphs.arrowRight, r instanceof InstallFailure ? r.errno : undefined);
    return r instanceof InstallFailure ? 1 : 0;
  }
  if (await s.refusedByManager('Failed to add dependency')) return 1;
  const r = await unitFileAddDependency(env, s.flags(), names, m.name, dep);
  if (!(await reportInstall(s, 'add dependency on', env, r))) return 1;
  if (!s.opts.noReload) await reloadManager(s.ctx);
  return 0;
}

export async function verbPresetAll(s: Session): Promise<number> {
  if (await s.noBus()) return 1;
  const env = s.newEnv();
  if (s.offline) {
    const r = await unitFilePresetAll(env, s.flags(), s.opts.presetMode);
    await printChangesOffline(s.ctx, 'preset', s.shownChanges(env.changes), s.opts.quiet, s.glyphs.arrowRight, r instanceof InstallFailure ? r.errno : undefined);
    return r instanceof InstallFailure ? 1 : 0;
  }
  if (await s.refusedByManager('Failed to preset all units')) return 1;
  const r = await unitFilePresetAll(env, s.flags(), s.opts.presetMode);
  if (!(await reportInstall(s, 'preset', env, r))) return 1;
  if (!s.opts.noReload) await reloadManager(s.ctx);
  return 0;
}
