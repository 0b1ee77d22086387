// systemctl list-sockets and list-jobs (src/systemctl/systemctl-list-units.c,
// systemctl-list-jobs.c): tables over the manager's loaded sockets and queued jobs.
import { fnmatch } from '../../../shared/systemd/glob';
import { ANSI, formatTable, type CellInput } from '../../../shared/systemd/table';
import type { Ctx } from '../../lib/context';
import { page, wantPager } from '../../lib/pager';
import { legend } from './list-units';
import { unitArgs, units } from './manager-client';
import type { SystemctlOptions } from './options';

async function output(ctx: Ctx, text: string, opts: SystemctlOptions): Promise<void> {
  if (wantPager(ctx, opts.noPager)) await page(ctx, text, { vars: ['SYSTEMD_PAGER', 'PAGER'], less: 'FRSXMK' });
  else await ctx.out.write(text);
}

export async function listSockets(ctx: Ctx, patterns: string[], opts: SystemctlOptions): Promise<number> {
  // names without a type get ".socket"; with no pattern every loaded socket counts
  const names = patterns.length ? await unitArgs(ctx, patterns, '.socket', { quiet: opts.quiet }) : [];
  if (!names) return 1;
  const rows: { path: string; type: string; id: string; activates: string }[] = [];
  if (patterns.length === 0 || names.length) {
    for (const u of await units(ctx)) {
      if (u.type !== 'socket') continue;
      if (names.length && !names.some((n) => fnmatch(n, u.id))) continue;
      if (opts.states.length ? !opts.states.some((s) => s === u.loadState || s === u.activeState || s === u.subState) : !opts.all && u.activeState === 'inactive') continue;
      u.listen.forEach((path, i) => rows.push({ path, type: u.listenTypes?.[i] ?? 'Stream', id: u.id, activates: u.triggers.join('\n') }));
    }
  }
  rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  const headers = opts.showTypes ? ['LISTEN', 'TYPE', 'UNIT', 'ACTIVATES'] : ['LISTEN', 'UNIT', 'ACTIVATES'];
  const cells: CellInput[][] = rows.map((r) => (opts.showTypes ? [r.path, r.type, r.id, r.activates] : [r.path, r.id, r.activates]));
  let text = formatTable(headers, cells, { header: opts.legend !== false, colors: ctx.sys.isatty(1), ersatz: '-' });
  if (opts.legend !== false) text += legend('socket', rows.length, opts);
  await output(ctx, text, opts);
  return 0;
}

export async function listJobs(ctx: Ctx, patterns: string[], opts: SystemctlOptions): Promise<number> {
  const all = (await units(ctx)).filter((u) => u.job !== undefined);
  const shown = all.filter((u) => patterns.length === 0 || patterns.some((p) => fnmatch(p, u.id)));
  const color = ctx.sys.isatty(1);
  if (shown.length === 0) {
    if (opts.legend !== false) {
      const text = `No jobs ${shown.length < all.length ? 'listed' : 'running'}.`;
      await ctx.out.write(color ? `${ANSI.highlightGreen}${text}${ANSI.normal}\n` : `${text}\n`);
    }
    return 0;
  }
  shown.sort((a, b) => a.job!.id - b.job!.id);
  const rows: CellInput[][] = shown.map((u) => [String(u.job!.id), u.id, u.job!.type, u.job!.state]);
  let text = formatTable(['JOB', 'UNIT', 'TYPE', 'STATE'], rows, { header: opts.legend !== false, colors: color, ersatz: '-' });
  if (opts.legend !== false) text += `\n${shown.length} jobs listed.\n`;
  await output(ctx, text, opts);
  return 0;
}
