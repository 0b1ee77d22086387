// enable_sysv_units() (src/systemctl/systemctl-sysv-compat.c, a build with SysV compatibility as
// the recordings' systemd 252 is): before enable, disable and is-enabled touch anything, every
// NAME.service given is looked up with the generators left out, and a lookup that fails for
// another reason than "not there", masked, generated/transient or an alias in /etc stops the
// verb. The hand-over of units without a native file to systemd-sysv-install is not modelled:
// the machine has no SysV init scripts.
import { unitFileExists } from '../../../shared/systemd/install-discover';
import { InstallEnv, InstallFailure } from '../../../shared/systemd/install-types';
import { installStrerror } from './changes';
import type { Session } from './session';

const IGNORED = new Set(['ELOOP', 'ERFKILL', 'EADDRNOTAVAIL']);

/** False (after the message) when a unit's lookup failed; true to go on with the verb. */
export async function sysvUnitsCheck(s: Session, verb: string, names: readonly string[]): Promise<boolean> {
  if (s.opts.scope !== 'system' || !['enable', 'disable', 'is-enabled'].includes(verb)) return true;
  const skip = s.ctx.env.get('SYSTEMCTL_SKIP_SYSV')?.toLowerCase();
  if (skip !== undefined && ['1', 'yes', 'y', 'true', 't', 'on'].includes(skip)) return true;
  const base = s.newEnv();
  const lp = base.lp;
  const generated = new Set([lp.generator, lp.generatorEarly, lp.generatorLate]);
  const env = new InstallEnv(base.fs, { ...lp, searchPath: lp.searchPath.filter((d) => !generated.has(d)) });
  env.warn = base.warn;
  env.arrow = base.arrow;
  for (const name of names) {
    if (!name.endsWith('.service') || name.startsWith('/')) continue;
    const r = await unitFileExists(env, name);
    if (r instanceof InstallFailure && !IGNORED.has(r.errno)) {
      await s.ctx.err.write(`Failed to look up unit file state: ${installStrerror(r.errno)}\n`);
      return false;
    }
  }
  return true;
}
