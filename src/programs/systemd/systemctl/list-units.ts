// systemctl list-units (and --failed), list-timers, list-dependencies: tables as
// src/systemctl/systemctl-list-units.c and systemctl-list-dependencies.c print them.
import type { UnitSnapshot } from '../../../shared/services/systemd';
import { fnmatch } from '../../../shared/systemd/glob';
import { glyphs } from '../../../shared/systemd/glyphs';
import { formatTable, type CellInput } from '../../../shared/systemd/table';
import { formatTimestamp, formatTimestampRelative } from '../../../shared/systemd/time-format';
import { UTC_ZONE } from '../../../shared/systemd/civil';
import type { Ctx } from '../../lib/context';
import { page, wantPager } from '../../lib/pager';
import { units, unitArgs } from './manager-client';
import type { SystemctlOptions } from './options';

const RED = '\x1b[0;1;31m';
const GREEN = '\x1b[0;1;32m';
const NORMAL = '\x1b[0m';

function globMatch(patterns: string[], id: string): boolean {
  return patterns.length === 0 || patterns.some((p) => fnmatch(p, id));
}

async function output(ctx: Ctx, text: string, opts: SystemctlOptions): Promise<void> {
  if (wantPager(ctx, opts.noPager)) await page(ctx, text, { vars: ['SYSTEMD_PAGER', 'PAGER'], less: 'FRSXMK' });
  else await ctx.out.write(text);
}

/** output_legend(): the count after a blank line, and the --all hint. */
export function legend(type: string, n: number, opts: SystemctlOptions): string {
  return `\n${n} ${type}s listed.\n${opts.all ? '' : `Pass --all to see loaded but inactive ${type}s, too.\n`}`;
}

export async function listUnits(ctx: Ctx, patterns: string[], opts: SystemctlOptions, failedOnly: boolean): Promise<number> {
  const color = ctx.sys.isatty(1);
  const g = glyphs(ctx.env);
  const states = failedOnly ? ['failed'] : opts.states;
  let list = (await units(ctx)).filter((u) => globMatch(patterns, u.id));
  list = list.filter((u) => {
    if (opts.types.length && !opts.types.includes(u.type)) return false;
    if (states.length) return states.includes(u.activeState) || states.includes(u.subState) || states.includes(u.loadState);
    if (opts.all) return true;
    return u.activeState !== 'inactive' || u.job !== undefined || u.loadState !== 'loaded' && u.loadState !== 'not-found';
  });
  list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const jobs = list.some((u) => u.job);
  const headers = opts.plain ? ['UNIT', 'LOAD', 'ACTIVE', 'SUB', ...(jobs ? ['JOB'] : []), 'DESCRIPTION'] : ['', 'UNIT', 'LOAD', 'ACTIVE', 'SUB', ...(jobs ? ['JOB'] : []), 'DESCRIPTION'];
  const rows: CellInput[][] = list.map((u: UnitSnapshot) => {
    const bad = u.activeState === 'failed' || u.loadState !== 'loaded';
    const paint = (s: string): CellInput => (color && bad ? { text: s, color: RED } : s);
    const cells: CellInput[] = [paint(u.id), paint(u.loadState), paint(u.activeState), paint(u.subState), ...(jobs ? [u.job?.type ?? ''] : []), u.description];
    if (opts.plain) return cells;
    return [bad ? (color ? { text: g.blackCircle, color: RED } : g.blackCircle) : ' ', ...cells];
  });
  const legendOn = opts.legend !== false;
  // the header row prints even when no unit is listed
  let text = formatTable(headers, rows, { header: legendOn, colors: color });
  if (legendOn) {
    if (rows.length) {
      text += '\nLOAD   = Reflects whether the unit definition was properly loaded.\nACTIVE = The high-level unit activation state, i.e. generalization of SUB.\nSUB    = The low-level unit activation state, values depend on unit type.\n';
      if (jobs) text += 'JOB    = Pending job for the unit.\n\n';
    }
    const n = rows.length;
    const more = "To show all installed unit files use 'systemctl list-unit-files'.\n";
    if (opts.all || states.includes('inactive')) text += `${n} loaded units listed.\n${more}`;
    else if (!states.length) text += `${n} loaded units listed. Pass --all to see loaded but inactive units, too.\n${more}`;
    else text += `${n} loaded units listed.\n`;
  }
  await output(ctx, text, opts);
  return 0;
}

export async function listTimers(ctx: Ctx, patterns: string[], opts: SystemctlOptions): Promise<number> {
  const now = ctx.sys.now() * 1000;
  const list = (await units(ctx)).filter((u) => u.type === 'timer' && (opts.all || u.activeState !== 'inactive') && globMatch(patterns, u.id)).sort((a, b) => (a.nextElapse ?? Infinity) - (b.nextElapse ?? Infinity));
  const rows: CellInput[][] = list.map((u) => [
    u.nextElapse ? formatTimestamp(u.nextElapse * 1000, UTC_ZONE)! : '-',
    u.nextElapse ? formatTimestampRelative(u.nextElapse * 1000, now)! : '-',
    u.lastTrigger ? formatTimestamp(u.lastTrigger * 1000, UTC_ZONE)! : '-',
    u.lastTrigger ? formatTimestampRelative(u.lastTrigger * 1000, now)! : '-',
    u.id,
    u.triggers.join(', '),
  ]);
  let text = formatTable(['NEXT', 'LEFT', 'LAST', 'PASSED', 'UNIT', 'ACTIVATES'], rows, { header: opts.legend !== false, colors: ctx.sys.isatty(1) });
  if (opts.legend !== false) text += legend('timer', rows.length, opts);
  await output(ctx, text, opts);
  return 0;
}

const DEP_KEYS: Record<SystemctlOptions['dependency'], string[]> = {
  forward: ['Requires', 'Requisite', 'Wants', 'BindsTo', 'PartOf'],
  reverse: [],
  after: ['After'],
  before: ['Before'],
};

export async function listDependencies(ctx: Ctx, args: string[], opts: SystemctlOptions): Promise<number> {
  const color = ctx.sys.isatty(1);
  const names = args.length ? await unitArgs(ctx, args, '.service', opts) : ['default.target'];
  if (!names) return 1;
  const lines: string[] = [];
  const g = glyphs(ctx.env);
  const dot = (u: UnitSnapshot | undefined): string => {
    if (!u || u.activeState === 'inactive') return g.whiteCircle;
    if (u.activeState === 'failed') return color ? `${RED}${g.crossMark}${NORMAL}` : g.crossMark;
    return color ? `${GREEN}${g.blackCircle}${NORMAL}` : g.blackCircle;
  };
  const cache = new Map<string, UnitSnapshot>();
  const get = async (n: string): Promise<UnitSnapshot | undefined> => {
    if (!cache.has(n)) {
      const [u] = await units(ctx, [n]);
      if (u) cache.set(n, u);
    }
    return cache.get(n);
  };
  const walk = async (n: string, prefix: string, depth: number, seen: Set<string>): Promise<void> => {
    const u = await get(n);
    if (!u) return;
    const keys = DEP_KEYS[opts.dependency];
    const children = [...new Set(keys.flatMap((k) => u.deps[k] ?? []))].sort();
    for (let i = 0; i < children.length; i++) {
      const c = children[i]!;
      const last = i === children.length - 1;
      const cu = await get(c);
      lines.push(`${dot(cu)} ${prefix}${last ? g.treeRight : g.treeBranch}${c}`);
      if (seen.has(c) || depth > 20) continue;
      if (opts.all || c.endsWith('.target')) await walk(c, `${prefix}${last ? '  ' : g.treeVertical}`, depth + 1, new Set([...seen, c]));
    }
  };
  for (const n of names) {
    const u = await get(n);
    lines.push(u?.id ?? n);
    await walk(u?.id ?? n, '', 0, new Set([u?.id ?? n]));
  }
  await output(ctx, `${lines.join('\n')}\n`, opts);
  return 0;
}
