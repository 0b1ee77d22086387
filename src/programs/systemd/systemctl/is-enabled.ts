// is-enabled (src/systemctl/systemctl-is-enabled.c): one state per unit; exit 0 if any is
// enabled-like, 4 if none was found, 1 otherwise. With --full, the links that make it so.
import { InstallFailure } from '../../../shared/systemd/install-types';
import { unitFileLookupState } from '../../../shared/systemd/install-state';
import { unitFileDisable } from '../../../shared/systemd/install-ops';
import { installStrerror } from './changes';
import type { Session } from './session';
import { sysvUnitsCheck } from './sysv-compat';

const ENABLED_LIKE = new Set(['enabled', 'enabled-runtime', 'static', 'alias', 'indirect', 'generated']);

export async function verbIsEnabled(s: Session, args: string[]): Promise<number> {
  if (await s.noBus()) return 1;
  const names = await s.mangleNames('to check', args);
  if (!names) return 1;
  if (!(await sysvUnitsCheck(s, 'is-enabled', names))) return 1;
  let notFound = true;
  let enabled = false;
  for (const name of names) {
    const state = await unitFileLookupState(s.newEnv(), name);
    if (state instanceof InstallFailure) {
      // The shared recordings (systemd 252) report a missing unit as an error, exit 1; newer
      // systemd prints "not-found" instead. We follow the recordings.
      return s.error(`Failed to get unit file state for ${name}: ${installStrerror(state.errno)}`);
    }
    notFound = false;
    if (ENABLED_LIKE.has(state)) enabled = true;
    if (s.opts.quiet) continue;
    await s.ctx.print(`${state}\n`);
    if (s.opts.full) {
      const env = s.newEnv();
      const r = await unitFileDisable(env, { dryRun: true, runtime: s.opts.runtime }, [name]);
      if (r instanceof InstallFailure) return s.error(`Failed to get unit file links for ${name}: ${installStrerror(r.errno)}`);
      for (const c of env.changes) if (c.type === 'unlink') await s.ctx.print(`  ${c.path}\n`);
    }
  }
  return enabled ? 0 : notFound ? 4 : 1;
}
