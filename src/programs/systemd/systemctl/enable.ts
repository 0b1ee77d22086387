// enable, disable, reenable, link, preset, mask, unmask, revert (src/systemctl/systemctl-enable.c).
import { failed, InstallFailure, type InstallEnv, type InstallErrno, type InstallResult } from '../../../shared/systemd/install-types';
import { unitFileExists } from '../../../shared/systemd/install-discover';
import { unitFileDisable, unitFileEnable, unitFileLink, unitFileMask, unitFileReenable, unitFileRevert, unitFileUnmask } from '../../../shared/systemd/install-ops';
import { unitFilePreset } from '../../../shared/systemd/presets';
import { basename } from '../../../shared/systemd/lookup-paths';
import { reloadManager, runRuntimeVerb } from './runtime';
import { busErrorMessage, printChanges, printChangesOffline } from './changes';
import type { Session } from './session';

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
 * Sends the result through the manager's rules (reply_install_changes_and_free): a failure, or
 * failed changes with no successful one, becomes the error; otherwise the good changes print.
 */
export async function reportThroughManager(s: Session, prefix: string, env: InstallEnv, r: InstallResult): Promise<boolean> {
  const bad = env.changes.some((c) => c.type === 'error');
  const good = env.changes.some((c) => c.type !== 'error');
  if (failed(r) || (bad && !good)) {
    const fallback: InstallErrno = failed(r) ? r.errno : 'EINVAL';
    await s.error(`${prefix}: ${busErrorMessage(env.changes, fallback)}`);
    return false;
  }
  await printChanges(s.ctx, env.changes.filter((c) => c.type !== 'error'), s.opts.quiet, s.glyphs.arrowRight);
  return true;
}

export async function verbEnable(s: Session, verb: string, args: string[]): Promise<number> {
  if (await s.noBus()) return 1;
  let names = await s.mangleNames(`to ${verb}`, args);
  if (!names) return 1;
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
  let carriesInfo = -1;
  if (s.offline) {
    const env = s.newEnv();
    const r = await runOperation(s, env, verb, names);
    await printChangesOffline(s.ctx, verb, env.changes, s.opts.quiet, s.glyphs.arrowRight, failed(r) ? r.errno : undefined);
    if (failed(r)) return 1;
    if (carries) carriesInfo = r;
  } else {
    if (verb === 'mask' || verb === 'unmask') {
      for (const n of names) {
        const exists = await unitFileExists(s.newEnv(), n);
        if (exists === false) await s.ctx.err.write(`Unit ${n} does not exist, proceeding anyway.\n`);
      }
    }
    if (await s.refusedByManager(`Failed to ${verb} unit`)) return 1;
    const env = s.newEnv();
    const r = await runOperation(s, env, verb, names);
    if (!failed(r) && env.changes.length > 0 && env.changes.every((c) => c.type === 'error')) {
      // Only failed changes (disable of a unit that does not exist): the manager would turn
      // them into an error, but the systemd 252 recordings (client side) list them and exit 0.
      await printChangesOffline(s.ctx, verb, env.changes, s.opts.quiet, s.glyphs.arrowRight, undefined);
    } else {
      if (!(await reportThroughManager(s, `Failed to ${verb} unit`, env, r))) return 1;
      if (carries || verb === 'preset') carriesInfo = r instanceof InstallFailure ? -1 : r;
      if (!s.opts.noReload) await reloadManager(s.ctx);
    }
  }
  // as in the shared recordings (systemd 252), the notice follows enable and reenable only
  const ignoreCarries = s.opts.quiet || s.opts.noWarn || verb === 'preset' || verb === 'disable';
  if (carriesInfo === 0 && !ignoreCarries) await s.ctx.err.write(noInstallConfigNotice(s.glyphs.bullet));
  if (s.opts.now && (verb === 'enable' || verb === 'disable' || verb === 'mask')) {
    const rv = await runRuntimeVerb(s.ctx, verb === 'enable' ? 'start' : 'stop', names.map((n) => basename(n)), s.opts);
    return rv ?? 0;
  }
  return 0;
}
