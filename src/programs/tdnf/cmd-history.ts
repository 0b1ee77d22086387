// history [list|init|update|undo|redo|rollback] and mark (tools/cli/lib/api.c,
// parsehistoryargs.c, client/api.c TDNFHistoryResolve / TDNFMark).
import { HISTORY_PATH, serializeHistory, setAfter, type HistoryDb, type HistoryEntry } from '../../subsystems/rpmdb/history';
import { nevra, type Solvable } from '../../subsystems/rpmdb/pool';
import { solveAndRun } from './cmd-alter';
import { E, TdnfError } from './errors';
import { padEnd } from './output';
import { readHistory, type Session } from './session';
import { select } from './spec';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** strftime "%a %b %d %Y %H:%M" (the machine's clock is UTC). */
function stamp(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

interface HistoryArgs {
  command: 'list' | 'init' | 'rollback' | 'undo' | 'redo';
  from: number;
  to: number;
  info: boolean;
  reverse: boolean;
}

function parseHistoryArgs(session: Session): HistoryArgs {
  const cmds = session.args.cmds;
  const sub = cmds[1];
  const command = sub === 'init' || sub === 'update' ? 'init' : sub === 'rollback' || sub === 'undo' || sub === 'redo' ? sub : 'list';
  let from = 0;
  let to = 0;
  const range = cmds[2];
  if (range !== undefined && /^\d/.test(range)) {
    const [a = '0', b] = range.split('-');
    from = parseInt(a, 10) || 0;
    if (b !== undefined) to = parseInt(b, 10) || 0;
  }
  const o = session.args.opts;
  if (o.has('from')) from = parseInt(o.get('from')!.at(-1)!, 10) || 0;
  if (o.has('to')) to = parseInt(o.get('to')!.at(-1)!, 10) || 0;
  if (to === 0) to = from;
  return { command, from, to, info: o.has('info'), reverse: o.has('reverse') };
}

/** The history, created with a "(set)" entry from the rpm database when it does not exist yet. */
async function historyOrInit(session: Session): Promise<HistoryDb> {
  const h = await readHistory(session.ctx);
  if (h) return h;
  const db: HistoryDb = { entries: [{ id: 1, cmdline: '(set)', time: Math.floor(session.sys.now() / 1000), added: session.installedPkgs.map((p) => nevra(session.buildOf(p))).sort(), removed: [] }], auto: new Set() };
  await session.sys.writeFile(HISTORY_PATH, serializeHistory(db));
  return db;
}

async function list(session: Session, h: HistoryDb, a: HistoryArgs): Promise<void> {
  if (a.from < 0 || a.to < 0 || (a.from && a.to && a.from > a.to)) throw new TdnfError(E.SYSTEM_BASE + 22);
  let entries = h.entries.filter((e) => (a.from ? e.id >= a.from : true) && (a.to ? e.id <= a.to : true));
  if (a.reverse) entries = [...entries].reverse();
  const out = session.out;
  if (out.json) {
    await out.jsonOut(entries.map((e) => ({
      Id: e.id, CmdLine: e.cmdline, TimeStamp: e.time, AddedCount: e.added.length, RemovedCount: e.removed.length,
      ...(a.info ? { Added: e.added, Removed: e.removed } : {}),
    })));
    return;
  }
  const cmdWidth = out.width() - 4 - 21 - 9 - 7;
  await out.crit(`ID   ${padEnd('cmd line', cmdWidth)} date/time             +add  / -rem\n`);
  for (const e of entries) {
    await out.crit(`${String(e.id).padStart(4)} ${padEnd(e.cmdline, cmdWidth)} ${padEnd(stamp(e.time), 21)} +${padEnd(String(e.added.length), 4)} / -${padEnd(String(e.removed.length), 4)}\n`);
    if (a.info) {
      if (e.added.length) await out.crit(`added: ${e.added.join(', ')}\n`);
      if (e.removed.length) await out.crit(`removed: ${e.removed.join(', ')}\n`);
      await out.crit('\n');
    }
  }
}

/** What to install and erase to reach `target` (NEVRAs) from the installed set. */
async function alterTo(session: Session, add: readonly string[], remove: readonly string[]): Promise<void> {
  const pool = session.pool;
  const byNevra = (k: string): Solvable | undefined => pool.available.find((s) => nevra(s.build) === k);
  const installedNevra = (k: string): Solvable | undefined => pool.installed.find((s) => nevra(s.build) === k);
  const install: Solvable[] = [];
  const erase: Solvable[] = [];
  const notResolved: string[] = [];
  const addNames = new Set<string>();
  for (const k of add) {
    if (installedNevra(k)) continue;
    const s = byNevra(k);
    if (!s) notResolved.push(k);
    else {
      install.push(s);
      addNames.add(s.build.name);
    }
  }
  for (const k of remove) {
    const s = installedNevra(k);
    // a build replaced by another of the same name is an up- or downgrade, not an erase
    if (s && !addNames.has(s.build.name)) erase.push(s);
  }
  if (notResolved.length) {
    const out = session.out;
    await out.crit('The following packages could not be resolved:\n\n');
    for (const n of notResolved) await out.crit(`${n}\n`);
    await out.crit('\nThe package(s) may have been moved out of the enabled repositories since the\nlast time they were installed. You may be able to resolve this by enabling\nadditional repositories.\n');
    throw new TdnfError(E.NO_MATCH);
  }
  await solveAndRun(session, { install, erase }, { user: addNames, notResolved: [] });
}

export async function cmdHistory(session: Session): Promise<void> {
  const a = parseHistoryArgs(session);
  const h = await historyOrInit(session);
  if (a.command === 'list') return list(session, h, a);
  if (a.command === 'init') return;
  const entry = (id: number): HistoryEntry => {
    const e = h.entries.find((x) => x.id === id);
    if (!e) throw new TdnfError(E.SYSTEM_BASE + 22);
    return e;
  };
  await session.refresh();
  if (a.command === 'undo') {
    const e = entry(a.from);
    return alterTo(session, e.removed, e.added);
  }
  if (a.command === 'redo') {
    const e = entry(a.from);
    return alterTo(session, e.added, e.removed);
  }
  entry(a.from);
  const last = h.entries.at(-1)?.id ?? 0;
  const target = setAfter(h, a.from);
  const now = setAfter(h, last);
  // rollback undoes the later transactions: what they removed comes back, what they added goes
  const removedSince: string[] = [];
  const addedSince: string[] = [];
  for (const e of h.entries) {
    if (e.id <= a.from) continue;
    for (const r of e.removed) if (target.has(r) && !now.has(r) && !removedSince.includes(r)) removedSince.push(r);
    for (const x of e.added) if (!target.has(x) && now.has(x) && !addedSince.includes(x)) addedSince.push(x);
  }
  return alterTo(session, removedSince, addedSince);
}

/** mark install|remove PKG...: whether autoremove may take the packages. */
export async function cmdMark(session: Session): Promise<void> {
  const cmds = session.args.cmds;
  const action = cmds[1];
  const out = session.out;
  if (action === undefined) {
    await out.crit("need action ('install' or 'remove') as argument\n");
    throw new TdnfError(E.CLI_INVALID_ARGUMENT);
  }
  if (action !== 'install' && action !== 'remove') {
    await out.crit(`unknown action '${action}'\n`);
    throw new TdnfError(E.CLI_INVALID_ARGUMENT);
  }
  const specs = cmds.slice(2);
  if (specs.length === 0) {
    await out.crit('need package spec(s) as argument\n');
    throw new TdnfError(E.CLI_INVALID_ARGUMENT);
  }
  session.buildPool();
  const h = await historyOrInit(session);
  for (const spec of specs) {
    const hits = select(session.pool, spec, session.pool.installed).hits;
    if (hits.length === 0) throw new TdnfError(E.NO_MATCH);
    for (const s of hits) {
      await out.info(`marking ${s.build.name} as ${action === 'remove' ? 'auto' : 'user'}installed\n`);
      if (action === 'remove') h.auto.add(s.build.name);
      else h.auto.delete(s.build.name);
    }
  }
  await session.sys.writeFile(HISTORY_PATH, serializeHistory(h));
}
