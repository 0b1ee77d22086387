// Showing a solved transaction and asking for it (tools/cli/lib/installcmd.c): the blocks
// Installing/Upgrading/Downgrading/Removing/Reinstalling/Obsoleting with rows
// "%-*s %-*s %-*s %-*s %-*s %*s" at 20/15/20/15/10/10 % of the console width, each block in
// reverse solver order and followed by its totals; or the same as JSON; then "Is this ok [y/N]: ".
import type { Solvable } from '../../subsystems/rpmdb/pool';
import type { Plan } from '../../subsystems/rpmdb/solver';
import { readLine } from '../lib/yesno';
import { evrText } from './cmd-query';
import { E, TdnfError } from './errors';
import { formatSize, padEnd, padStart } from './output';
import type { Session } from './session';

type Block = [title: string, key: string, list: readonly Solvable[]];

function blocks(plan: Plan): Block[] {
  return [
    ['Installing', 'Install', plan.install],
    ['Upgrading', 'Upgrade', plan.upgrade],
    ['Downgrading', 'Downgrade', plan.downgrade],
    ['Removing', 'Remove', plan.remove],
    ['Reinstalling', 'Reinstall', plan.reinstall],
    ['Obsoleting', 'Obsolete', plan.obsolete],
  ];
}

export function needsAction(plan: Plan): boolean {
  return blocks(plan).some(([, , l]) => l.length > 0);
}

const downloadOf = (s: Solvable): number => (s.installed ? 0 : s.build.downloadSize);

export async function printSolved(session: Session, plan: Plan): Promise<void> {
  const out = session.out;
  if (out.json) {
    const obj: Record<string, unknown> = {};
    for (const [, key, list] of blocks(plan)) {
      if (list.length === 0) continue;
      obj[key] = [...list].reverse().map((s) => ({ Name: s.build.name, Arch: s.build.arch, Evr: `${s.build.version}-${s.build.release}`, InstallSize: s.build.installSize, Repo: s.repo }));
    }
    await out.jsonOut(obj);
    return;
  }
  const w = out.columns([20, 15, 20, 15, 10, 10]);
  for (const [title, , list] of blocks(plan)) {
    if (list.length === 0) continue;
    await out.info(`\n${title}:\n`);
    let install = 0;
    let download = 0;
    for (const s of [...list].reverse()) {
      install += s.build.installSize;
      download += downloadOf(s);
      const cells = [s.build.name, s.build.arch, evrText(s), s.repo, formatSize(s.build.installSize)];
      await out.info(`${cells.map((c, i) => padEnd(c, w[i] ?? 0)).join(' ')} ${padStart(formatSize(downloadOf(s)), w[5] ?? 0)}\n`);
    }
    await out.info(`\nTotal installed size: ${formatSize(install)}\n`);
    await out.info(`Total download size: ${formatSize(download)}\n`);
  }
}

/** TDNFYesOrNo: -y and --assumeno answer at once; otherwise ask until y, yes, n, no or empty. */
export async function confirm(session: Session): Promise<void> {
  const args = session.args;
  if (args.assumeYes) return;
  if (args.assumeNo) throw new TdnfError(E.OPERATION_ABORTED);
  for (let tries = 0; tries < 1000; tries++) {
    await session.out.crit('Is this ok [y/N]: ');
    await session.out.flush();
    let line: string | null;
    try {
      line = await readLine(session.ctx);
    } catch {
      line = null;
    }
    if (line === null) throw new TdnfError(E.INVALID_INPUT);
    const a = line.toLowerCase();
    if (a === 'y' || a === 'yes') return;
    if (a === 'n' || a === 'no' || a === '') throw new TdnfError(E.OPERATION_ABORTED);
  }
  throw new TdnfError(E.INVALID_INPUT);
}
