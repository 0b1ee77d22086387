// What --owner, --group, --mode, --mtime (and --clamp-mtime) and --numeric-owner change in the
// headers tar writes: the owner and group given by name, number or "NAME:ID"; a chmod-style
// mode applied to each file's own; one time for every member (or only for those newer).
import type { Accounts } from '../lib/accounts';
import { adjustMode, type ModeChange } from '../lib/mode-parse';
import { parseDate } from '../lib/parse-date';
import { localtime, msToTimespec, type TimeZone } from '../lib/tz';
import type { Member } from './header';
import { qc, qq, type Tar } from './state';

/** An --owner or --group value: an id, a name, or both ("NAME:ID"). */
export interface IdSpec {
  id: number | undefined;
  name: string | undefined;
}

const ID_MAX = 2 ** 32 - 1;

/** Reads an --owner/--group value; returns the text to report when its number is not valid. */
export function parseIdSpec(arg: string): IdSpec | { invalid: string } {
  const colon = arg.indexOf(':');
  if (colon >= 0) {
    const num = arg.slice(colon + 1);
    if (!/^\d+$/.test(num) || Number(num) > ID_MAX) return { invalid: num };
    return { id: Number(num), name: colon > 0 ? arg.slice(0, colon) : undefined };
  }
  const lead = /^\d+/.exec(arg)?.[0];
  // a number with something after it is a name; one too large is an error
  if (lead === undefined || lead.length < arg.length) return { id: undefined, name: arg };
  if (Number(lead) > ID_MAX) return { invalid: arg };
  return { id: Number(lead), name: undefined };
}

export interface Overrides {
  owner?: IdSpec;
  group?: IdSpec;
  mode?: ModeChange[];
  /** --mtime as given, resolved by resolveMtime; with --clamp-mtime only newer files take it. */
  mtimeArg?: string;
  mtime?: number;
  clamp: boolean;
  /** -N and friends: files older than this (seconds) are not stored. */
  newer?: { arg: string; option: string; mtimeOnly: boolean; time?: number };
}

/** tartime(t, true): the local time with seconds, and nanoseconds when there are some. */
function fullTime(sec: number, ns: number, tz: TimeZone): string {
  const t = localtime(sec, tz);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  const base = `${p(t.year, 4)}-${p(t.mon + 1)}-${p(t.mday)} ${p(t.hour)}:${p(t.min)}:${p(t.sec)}`;
  return ns ? `${base}.${p(ns, 9)}` : base;
}

/**
 * The time --mtime names: that of a file when it starts with "/" or ".", else a date as
 * `date -d` reads it (reported under -v when tar read it as something other than written).
 * Returns false after a usage error was printed.
 */
export async function resolveMtime(tar: Tar, ov: Overrides): Promise<boolean> {
  if (ov.newer) {
    const t = await resolveDate(tar, ov.newer.arg, ov.newer.option);
    if (t === false) return false;
    ov.newer.time = t ?? -Infinity;
  }
  if (ov.mtimeArg === undefined) return true;
  const t = await resolveDate(tar, ov.mtimeArg, '--mtime');
  if (t === false) return false;
  if (t !== undefined) ov.mtime = t;
  return true;
}

/** A date option's time in seconds: undefined for one it could not read, false after a usage error. */
async function resolveDate(tar: Tar, arg: string, option: string): Promise<number | undefined | false> {
  if (arg.startsWith('/') || arg.startsWith('.')) {
    try {
      return Math.floor((await tar.sys.stat(arg)).mtime / 1000);
    } catch (e) {
      await tar.sysError(e, arg, 'Cannot stat');
      await tar.warn('Date sample file not found');
      await tar.ctx.err.write(`Try '${tar.ctx.name} --help' or '${tar.ctx.name} --usage' for more information.\n`);
      return false;
    }
  }
  const r = parseDate(arg, msToTimespec(tar.sys.now()), tar.tz);
  if (r === undefined) {
    await tar.warn(`Substituting -9223372036854775807 for unknown date format ${qq(arg)}`);
    return undefined;
  }
  const shown = fullTime(r.sec, r.ns, tar.tz);
  if (tar.o.verbose && shown !== arg) await tar.warn(`Option ${option}: Treating date '${arg}' as ${shown}`);
  return r.sec;
}

/** -N: whether a file (not a directory) is too old to store (said under -v). */
export async function tooOld(tar: Tar, path: string, st: { kind: string; mtime: number; ctime: number }): Promise<boolean> {
  const n = tar.o.overrides.newer;
  if (!n || n.time === undefined || st.kind === 'dir') return false;
  const t = n.time * 1000;
  if (st.mtime >= t || (!n.mtimeOnly && st.ctime >= t)) return false;
  if (tar.o.verbose) await tar.warn(`${qc(path)}: file is unchanged; not dumped`);
  return true;
}

/**
 * The header of a file as the options make it; its verbose line shows the new owner and
 * mode, but the file's own time (kept in fileMtime).
 */
export function override(tar: Tar, m: Member, isDir: boolean, accounts: Accounts | undefined, umask: number): Member {
  const ov = tar.o.overrides;
  const out = { ...m };
  const owner = ov.owner;
  const group = ov.group;
  if (owner) out.uid = owner.id ?? (owner.name !== undefined ? accounts?.userByName(owner.name)?.uid : undefined) ?? out.uid;
  if (group) out.gid = group.id ?? (group.name !== undefined ? accounts?.groupByName(group.name)?.gid : undefined) ?? out.gid;
  if (ov.mode) out.mode = adjustMode(m.mode, isDir, umask, ov.mode).mode;
  if (tar.o.numericOwner) {
    out.uname = '';
    out.gname = '';
  } else {
    out.uname = owner?.name ?? (owner ? (accounts?.userName(out.uid) ?? '') : m.uname);
    out.gname = group?.name ?? (group ? (accounts?.groupName(out.gid) ?? '') : m.gname);
  }
  if (ov.mtime !== undefined && (!ov.clamp || m.mtime > ov.mtime)) {
    out.fileMtime = m.mtime;
    out.mtime = ov.mtime;
  }
  return out;
}
