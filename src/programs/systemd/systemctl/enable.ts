// enable, disable, reenable, link, preset, mask, unmask, revert (src/systemctl/systemctl-enable.c).
import { failed, type InstallEnv, type InstallResult } from '../../../shared/systemd/install-types';
import { unitFileDisable, unitFileEnable, unitFileLink, unitFileMask, unitFileReenable, unitFileRevert, unitFileUnmask } from '../../../shared/systemd/install-ops';
import { unitFilePreset } from '../../../shared/systemd/presets';
import { basename } from '../../../shared/systemd/lookup-paths';
import { reloadManager, runRuntimeVerb } from './runtime';
import { printChangesOffline } from './changes';
import type { Session } from './session';
import { sysvUnitsCheck } from './sysv-compat';

/** The notice printed when none of the units had [Install] rules (log_notice, verb_enable). */
export function noInstallConfigNotice(bullet: string): string {
  return (
    'The unit files have no installation config (WantedBy=, RequiredBy=, Also=,\n' +
    'Alias= settings in the [Install] section, and DefaultInstance= for template\n' +
    'units). This means they are not meant to be enabled using systemctl.\n' +
    ' \n' +
    'Possible reasons for having this kind of units are:\n' +
    `${bullet} A unit may be statically enabled by being symlinked from another unit's\n` +
    '  .wants/ or .requires/ directory.\n' +
    `${bullet} A unit's purpose may be to act as a helper for some other unit which has\n` +
    '  a requirement dependency on it.\n' +
    `${bullet} A unit may be started when needed via activation (socket, path, timer,\n` +
    '  D-Bus, udev, scripted systemctl call, ...).\n' +
    `${bullet} In case of template units, the unit is meant to be enabled with some\n` +
    '  instance name specified.\n'
  );
}

async function runOperation(s: Session, env: InstallEnv, verb: string, names: string[]): Promise<InstallResult> {
  const flags = s.flags();
  switch (verb) {
    case 'enable':
      return unitFileEnable(env, flags, names);
    case 'disable':
      return unitFileDisable(env, flags, names);
    case 'reenable':
      return unitFileReenable(env, flags, names);
    case 'link':
      return unitFileLink(env, flags, names);
    case 'preset':
      return unitFilePreset(env, flags, names, s.opts.presetMode);
    case 'mask':
      return unitFileMask(env, flags, names);
    case 'unmask':
      return unitFileUnmask(env, { runtime: flags.runtime }, names);
    default:
      return unitFileRevert(env, names);
  }
}

/**
 * Reports the result of a unit-file operation on the live machine. The conformance recordings
 * (systemd 252) were made with --root, where the client does the work and words the errors
 * itself, so the live machine prints them that way too: `Failed to VERB unit, ...`.
 */
export async function reportInstall(s: Session, verb: string, env: InstallEnv, r: InstallResult): Promise<boolean> {
  await printChangesOffline(s.ctx, verb, s.shownChanges(env.changes), s.opts.quiet, s.glyphs.arrowRight, failed(r) ? r.errno : undefined);
  return !failed(r);
}

export async function verbEnable(s: Session, verb: string, args: string[]): Promise<number> {
  if (await s.noBus()) return 1;
  let names = await s.mangleNames(`to ${verb}`, args);
  if (!names) return 1;
  if (!(await sysvUnitsCheck(s, verb, names))) return 1;
  if (verb === 'disable' && names.some((n) => n.includes('/'))) {
    names = names.map((n) => basename(n));
    await s.ctx.err.write("Warning: Can't execute disable on the unit file path. Proceeding with the unit name.\n");
  }
  if (verb === 'link') {
    for (const n of names) {
      if (n.startsWith('/')) continue;
      if (s.rooted) return s.error(`Non-absolute paths are not allowed when --root is used: ${n}`);
      return s.error(`Link argument must contain at least one directory separator.\nIf you intended to link a file in the current directory, try ./${n} instead.`);
    }
  }
  const carries = verb === 'enable' || verb === 'disable' || verb === 'reenable';
  if (await s.refusedByManager(`Failed to ${verb} unit`)) return 1;
  const env = s.newEnv();
  const r = await runOperation(s, env, verb, names);
  await reportInstall(s, verb, env, r);
  if (failed(r)) return 1;
  const carriesInfo = carries ? r : -1;
  if (!s.offline && !s.opts.noReload) await reloadManager(s.ctx);
  // as in the shared recordings (systemd 252), the notice follows enable and reenable only
  const ignoreCarries = s.opts.quiet || s.opts.noWarn || verb === 'preset' || verb === 'disable';
  if (carriesInfo === 0 && !ignoreCarries) await s.ctx.err.write(noInstallConfigNotice(s.glyphs.bullet));
  if (s.opts.now && (verb === 'enable' || verb === 'disable' || verb === 'mask')) {
    const rv = await runRuntimeVerb(s.ctx, verb === 'enable' ? 'start' : 'stop', names.map((n) => basename(n)), s.opts);
    return rv ?? 0;
  }
  return 0;
}
