// get-default and set-default (src/systemctl/systemctl-set-default.c).
import { InstallFailure } from '../../../shared/systemd/install-types';
import { unitFileGetDefault, unitFileSetDefault } from '../../../shared/systemd/install-ops';
import { unitNameMangle } from '../../../shared/systemd/unit-name';
import { busErrorMessage, installStrerror, printChangesOffline } from './changes';
import { reportInstall } from './enable';
import { reloadManager } from './runtime';
import type { Session } from './session';

async function determineDefault(s: Session): Promise<string | number> {
  const r = await unitFileGetDefault(s.newEnv());
  if (r instanceof InstallFailure) return s.error(`Failed to get default target: ${s.offline ? installStrerror(r.errno) : busErrorMessage([], r.errno)}`);
  return r;
}

export async function verbGetDefault(s: Session): Promise<number> {
  if (await s.noBus()) return 1;
  const name = await determineDefault(s);
  if (typeof name === 'number') return name;
  await s.ctx.print(`${name}\n`);
  return 0;
}

export async function verbSetDefault(s: Session, arg: string): Promise<number> {
  if (await s.noBus()) return 1;
  const m = unitNameMangle(arg, '.target', { operation: 'set-default' });
  if (!m) return s.error('Failed to mangle unit name: Invalid argument');
  if (m.notice && !s.opts.quiet) await s.ctx.err.write(`${m.notice}\n`);
  const unit = m.name;
  const env = s.newEnv();
  if (s.offline) {
    const r = await unitFileSetDefault(env, unit);
    await printChangesOffline(s.ctx, 'set default', s.shownChanges(env.changes), s.opts.quiet, s.glyphs.arrowRight, r instanceof InstallFailure ? r.errno : undefined);
    if (r instanceof InstallFailure) return 1;
  } else {
    if (await s.refusedByManager('Failed to set default target')) return 1;
    const r = await unitFileSetDefault(env, unit);
    if (!(await reportInstall(s, 'set default', env, r))) return 1;
    if (!s.opts.noReload) await reloadManager(s.ctx);
  }
  if (!s.opts.quiet) {
    const final = await determineDefault(s);
    if (typeof final === 'number') return final;
    if (final !== unit) await s.ctx.err.write(`Note: "${final}" is the default unit (possibly a runtime override).\n`);
  }
  return 0;
}
