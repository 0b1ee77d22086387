// systemctl status: the unit block of src/systemctl/systemctl-show.c (print_status_info) and,
// with no unit, the host overview. Layout facts in ../shared/reference/photon/formats.md §1.
import type { JournalEntry, JournalReply } from '../../../shared/services/journal';
import type { ManagerSnapshot, UnitSnapshot } from '../../../shared/services/systemd';
import { SYSTEM_LOOKUP_PATHS } from '../../../shared/systemd/lookup-paths';
import { InstallEnv, InstallFailure } from '../../../shared/systemd/install-types';
import { unitFileLookupState } from '../../../shared/systemd/install-state';
import { readPresets, queryPreset } from '../../../shared/systemd/presets';
import { formatTimestamp, formatTimestampRelative } from '../../../shared/systemd/time-format';
import { formatTimespan } from '../../../shared/systemd/time-span';
import type { Zone } from '../../../shared/systemd/civil';
import { glyphs, type Glyphs } from '../../../shared/systemd/glyphs';
import { exitStatusText, signalShort } from '../../../shared/systemd/exit-status';
import type { Ctx } from '../../lib/context';
import { page, wantPager } from '../../lib/pager';
import { localZone } from '../../lib/tz';
import { formatEntry } from '../journalctl/format';
import { ask, invalidNameError, unitArgs, units } from './manager-client';
import type { SystemctlOptions } from './options';
import { sysInstallFs } from './sys-fs';

const GREEN = '\x1b[0;1;32m';
const CYAN = '\x1b[0;1;36m';
const RED = '\x1b[0;1;31m';
const YELLOW = '\x1b[0;1;38;5;185m';
const NORMAL = '\x1b[0m';

function exitText(code: string | undefined, status: number | undefined): string {
  const s = status ?? 0;
  if (code === 'exited') return `code=exited, status=${exitStatusText(s)}`;
  return `code=${code}, signal=${signalShort(s)}`;
}

/** A stable pseudo-measure per unit, so Memory: and CPU: look alive without real accounting. */
function measure(id: string, salt: number): number {
  let h = salt;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h;
}

export interface FileStates {
  state?: string;
  preset?: string;
}

export async function fileStates(ctx: Ctx, names: string[]): Promise<Map<string, FileStates>> {
  const env = new InstallEnv(sysInstallFs(ctx.sys), SYSTEM_LOOKUP_PATHS);
  const presets = await readPresets(env);
  const out = new Map<string, FileStates>();
  for (const n of names) {
    const st = await unitFileLookupState(env, n);
    const state = st instanceof InstallFailure ? undefined : st;
    const preset = queryPreset(n, presets).enable ? 'enabled' : 'disabled';
    out.set(n, { state, preset });
  }
  return out;
}

/** unit_active_state_to_glyph(), in the locale's glyphs (ASCII "*" and "x" outside UTF-8). */
function glyph(u: UnitSnapshot, color: boolean, g: Glyphs): string {
  if (u.activeState === 'failed') return color ? `${RED}${g.crossMark}${NORMAL}` : g.crossMark;
  if (u.activeState === 'active' || u.activeState === 'reloading') return color ? `${GREEN}${g.blackCircle}${NORMAL}` : g.blackCircle;
  if (u.activeState === 'activating' || u.activeState === 'deactivating') return g.blackCircle;
  return g.whiteCircle;
}

function cmdline(c: string): string {
  return c.split(' ').map((w) => (/[\s"]/.test(w) ? `"${w}"` : w)).join(' ');
}

export function renderUnit(u: UnitSnapshot, fs: FileStates, now: number, color: boolean, journal: JournalEntry[], lines: number, zone: Zone, triggers: Map<string, UnitSnapshot>, g: Glyphs): string {
  const out: string[] = [];
  const paint = (c: string, s: string): string => (color ? `${c}${s}${NORMAL}` : s);
  out.push(`${glyph(u, color, g)} ${u.id}${u.description !== u.id ? ` - ${u.description}` : ''}`);
  if (u.loadState === 'loaded') {
    const parts = [u.fragmentPath ?? ''];
    if (fs.state) {
      const st = fs.state === 'enabled' ? paint(GREEN, 'enabled') : fs.state === 'disabled' ? paint(YELLOW, 'disabled') : fs.state;
      parts.push(st);
      if (!['static', 'alias', 'generated', 'transient'].includes(fs.state) && fs.preset) parts.push(`preset: ${fs.preset === 'enabled' ? paint(GREEN, 'enabled') : paint(YELLOW, 'disabled')}`);
    }
    out.push(`     Loaded: loaded (${parts.join('; ')})`);
  } else if (u.loadState === 'masked') {
    out.push(`     Loaded: ${paint(RED, 'masked')} (Reason: Unit ${u.id} is masked.)`);
  } else if (u.loadState === 'not-found') {
    out.push(`     Loaded: not-found (Reason: Unit ${u.id} not found.)`);
  } else {
    out.push(`     Loaded: ${paint(RED, u.loadState)} (Reason: Unit ${u.id} has a bad unit file setting.)`);
  }
  if (u.dropIns.length) {
    const byDir = new Map<string, string[]>();
    for (const d of u.dropIns) {
      const dir = d.slice(0, d.lastIndexOf('/'));
      byDir.set(dir, [...(byDir.get(dir) ?? []), d.slice(d.lastIndexOf('/') + 1)]);
    }
    let first = true;
    for (const [dir, files] of byDir) {
      out.push(`${first ? '    Drop-In: ' : '             '}${dir}`);
      first = false;
      out.push(`             ${g.treeRight}${files.join(', ')}`);
    }
  }
  let state = u.subState && u.subState !== u.activeState ? `${u.activeState} (${u.subState})` : u.activeState;
  if (u.activeState === 'failed' || (u.result !== 'success' && u.activeState !== 'active')) state += ` (Result: ${u.result})`;
  if (u.activeState === 'active' || u.activeState === 'reloading') state = paint(GREEN, state);
  else if (u.activeState === 'failed') state = paint(RED, state);
  const ts = u.activeState === 'active' || u.activeState === 'reloading' ? u.activeEnter : u.activeState === 'activating' ? u.inactiveExit : u.activeState === 'deactivating' ? u.activeExit : u.inactiveEnter;
  const usec = ts === undefined ? undefined : ts * 1000;
  const since = usec !== undefined ? `since ${formatTimestamp(usec, zone)}; ${formatTimestampRelative(usec, now * 1000)}` : '';
  out.push(`     Active: ${state}${since ? ` ${since}` : ''}`);
  if ((u.activeState === 'inactive' || u.activeState === 'failed') && u.activeEnter !== undefined && u.inactiveEnter !== undefined && u.inactiveEnter >= u.activeEnter) {
    out.push(`   Duration: ${formatTimespan(BigInt(Math.round((u.inactiveEnter - u.activeEnter) * 1000)), 1000n)}`);
  }
  if (u.triggeredBy.length) out.push(`TriggeredBy: ${u.triggeredBy.map((t) => `${triggers.get(t) ? glyph(triggers.get(t)!, color, g) : g.whiteCircle} ${t}`).join('\n             ')}`);
  if (u.documentation.length) out.push(u.documentation.map((d, i) => `${i === 0 ? '       Docs: ' : '             '}${d}`).join('\n'));
  u.listen.forEach((l, i) => out.push(`     Listen: ${l} (${u.listenTypes?.[i] ?? 'Stream'})`));
  const running = u.mainPid;
  for (const e of [...u.pastExecs, ...(u.execMain && u.execMain.code !== undefined ? [u.execMain] : [])]) {
    if (e.pid === 0) continue;
    const argv = e.command.replace(/^[-@+!:]+/, '');
    out.push(`    Process: ${e.pid} ${e.kind}=${argv} (${exitText(e.code, e.status)})`);
  }
  if (running !== undefined) {
    const p = u.processes.find((x) => x.pid === running);
    out.push(`   Main PID: ${running} (${p?.comm ?? 'n/a'})`);
  } else if (u.execMain && u.execMain.pid && u.execMain.code !== undefined) {
    out.push(`   Main PID: ${u.execMain.pid} (${exitText(u.execMain.code, u.execMain.status)})`);
  }
  if (u.statusText) out.push(`     Status: "${paint(CYAN, u.statusText)}"`);
  if (u.processes.length) {
    // the limit is TasksMax=, left out when there is none
    const limit = u.properties.find(([k]) => k === 'TasksMax')?.[1] ?? '4915';
    out.push(`      Tasks: ${u.processes.length}${limit === 'infinity' ? '' : ` (limit: ${limit})`}`);
    out.push(`     Memory: ${((measure(u.id, 7) % 60) / 10 + 0.8 * u.processes.length).toFixed(1)}M`);
    out.push(`        CPU: ${(measure(u.id, 3) % 90) + 10}ms`);
    out.push(`     CGroup: ${u.cgroup}`);
    const width = Math.max(...u.processes.map((p) => String(p.pid).length));
    u.processes.forEach((p, i) => {
      out.push(`             ${i === u.processes.length - 1 ? g.treeRight : g.treeBranch}${String(p.pid).padStart(width)} ${cmdline(p.cmdline)}`);
    });
  } else if (u.type === 'service' && u.execMain && u.activeState !== 'inactive') {
    out.push(`        CPU: ${(measure(u.id, 3) % 20) + 2}ms`);
  }
  if (journal.length && lines > 0) {
    out.push('');
    const fmt = { mode: 'short' as const, zone, machineId: '', color, noHostname: false, all: false };
    for (const e of journal.slice(-lines)) out.push(formatEntry(e, fmt));
  }
  if (u.needDaemonReload) out.push(`${color ? RED : ''}Warning:${color ? NORMAL : ''} The unit file, source configuration file or drop-ins of ${u.id} changed on disk. Run 'systemctl daemon-reload' to reload units.`);
  return out.join('\n');
}

async function overview(ctx: Ctx, color: boolean, g: Glyphs): Promise<string> {
  const r = await ask(ctx, { kind: 'manager' });
  if (r.kind !== 'manager') return '';
  const m: ManagerSnapshot = r.manager;
  const now = ctx.sys.now() * 1000;
  const host = ctx.sys.uname().nodename;
  const dot = m.state === 'running' ? (color ? `${GREEN}${g.blackCircle}${NORMAL}` : g.blackCircle) : color ? `${RED}${g.blackCircle}${NORMAL}` : g.blackCircle;
  const state = m.state === 'running' ? (color ? `${GREEN}running${NORMAL}` : 'running') : color ? `${RED}${m.state}${NORMAL}` : m.state;
  // kernel threads are not shown in the tree (systemd hides them)
  const procs = ctx.sys.processes().filter((p) => p.state !== 'Z' && !p.kthread);
  return [
    `${dot} ${host}`,
    `    State: ${state}`,
    `    Units: ${m.units} loaded (incl. loaded aliases)`,
    `     Jobs: ${m.jobs} queued`,
    `   Failed: ${m.failed} units`,
    `    Since: ${formatTimestamp(m.since * 1000, await localZone(ctx.sys))}; ${formatTimestampRelative(m.since * 1000, now)}`,
    `  systemd: ${m.version}`,
    '   CGroup: /',
    ...procs.map((p, i) => `           ${i === procs.length - 1 ? g.treeRight : g.treeBranch}${p.pid} ${p.argv.join(' ')}`),
  ].join('\n');
}

async function journalFor(ctx: Ctx, unit: string, lines: number): Promise<JournalEntry[]> {
  const boots = (await ctx.sys.call('journal', { kind: 'boots' })) as JournalReply;
  const current = boots.kind === 'boots' ? boots.boots.at(-1)?.id : undefined;
  const r = (await ctx.sys.call('journal', { kind: 'query', query: { units: [unit], tail: lines, ...(current ? { boots: [current] } : {}) } })) as JournalReply;
  return r.kind === 'entries' && !r.limited ? r.entries : [];
}

export async function status(ctx: Ctx, args: string[], opts: SystemctlOptions): Promise<number> {
  const color = ctx.sys.isatty(1);
  const g = glyphs(ctx.env);
  if (args.length === 0) {
    const text = await overview(ctx, color, g);
    if (wantPager(ctx, opts.noPager)) await page(ctx, `${text}\n`, { vars: ['SYSTEMD_PAGER', 'PAGER'], less: 'FRSXMK' });
    else await ctx.print(`${text}\n`);
    return 0;
  }
  const all = await unitArgs(ctx, args, '.service', opts);
  if (!all) return 1;
  // a name the manager refuses ends the listing after the units before it
  const badAt = all.findIndex((n) => invalidNameError(n) !== undefined);
  const names = badAt < 0 ? all : all.slice(0, badAt);
  const snaps = names.length ? await units(ctx, names) : [];
  const fsStates = await fileStates(ctx, snaps.map((u) => u.id));
  const blocks: string[] = [];
  let status = 0;
  let anyShown = false;
  const zone = await localZone(ctx.sys);
  for (const u of snaps) {
    if (u.loadState === 'not-found' && u.activeState === 'inactive' && !u.execMain) {
      await ctx.err.write(`Unit ${u.id} could not be found.\n`);
      status = 4;
      continue;
    }
    anyShown = true;
    const journal = await journalFor(ctx, u.id, opts.lines);
    const triggers = new Map((u.triggeredBy.length ? await units(ctx, u.triggeredBy) : []).map((t) => [t.id, t]));
    blocks.push(renderUnit(u, fsStates.get(u.id) ?? {}, ctx.sys.now(), color, journal, opts.lines, zone, triggers, g));
    if (!(u.activeState === 'active' || u.activeState === 'reloading') && status === 0) status = 3;
  }
  if (anyShown) {
    const text = `${blocks.join('\n\n')}\n`;
    if (wantPager(ctx, opts.noPager)) await page(ctx, text, { vars: ['SYSTEMD_PAGER', 'PAGER'], less: 'FRSXMK' });
    else await ctx.out.write(text);
  }
  if (badAt >= 0) {
    await ctx.err.write(`Failed to get properties: ${invalidNameError(all[badAt]!)}\n`);
    return 1;
  }
  return status;
}
