// What chown and chgrp share (coreutils chown-core.c and gnulib userspec.c): the OWNER:GROUP
// parser, the tree walk with its messages, and the --preserve-root check.
import { isSysError } from '../../shared/errno';
import type { Stat } from '../../shared/stat';
import { usageError } from '../define';
import type { Accounts } from '../lib/accounts';
import type { Ctx } from '../lib/context';
import { flag, lastValue, type Parsed } from '../lib/getopt';
import { quote } from '../lib/quote';
import { quoteaf } from '../lib/quotearg';
import { walk, type WalkEntry } from '../lib/walk';

/** ROOT_DEV_INO_CHECK / ROOT_DEV_INO_WARN: true (after the warning) when `st` is '/'. */
export async function rootCheck(ctx: Ctx, st: Stat, name: string): Promise<boolean> {
  const root = await ctx.sys.stat('/');
  if (root.dev !== st.dev || root.ino !== st.ino) return false;
  if (name === '/') await ctx.error(`it is dangerous to operate recursively on ${quoteaf('/')}`);
  else await ctx.error(`it is dangerous to operate recursively on ${quoteaf(name)} (same as ${quoteaf('/')})`);
  await ctx.error('use --no-preserve-root to override this failsafe');
  return true;
}

export interface Spec {
  uid: number;
  gid: number;
  user: string | undefined;
  group: string | undefined;
}

const MAXID = 0xfffffffe;
const numericId = (s: string): number | undefined => (/^\s*\+?\d+$/.test(s) && Number(s) <= MAXID ? Number(s) : undefined);

function withSeparator(acc: Accounts, spec: string, sep: number): Spec | string {
  const u = sep < 0 ? (spec === '' ? undefined : spec) : sep === 0 ? undefined : spec.slice(0, sep);
  const g = sep < 0 || sep === spec.length - 1 ? undefined : spec.slice(sep + 1);
  let uid = -1;
  let gid = -1;
  let gname: string | undefined;
  if (u !== undefined) {
    const pw = u.startsWith('+') ? undefined : acc.userByName(u);
    if (!pw) {
      if (sep >= 0 && g === undefined) return 'invalid spec';
      const n = numericId(u);
      if (n === undefined) return 'invalid user';
      uid = n;
    } else {
      uid = pw.uid;
      if (g === undefined && sep >= 0) {
        gid = pw.gid;
        gname = acc.groupName(gid) ?? String(gid);
      }
    }
  }
  if (g !== undefined) {
    const gr = g.startsWith('+') ? undefined : acc.groupByName(g);
    if (!gr) {
      const n = numericId(g);
      if (n === undefined) return 'invalid group';
      // a numeric group has no name: "-v :2" reports a group change, ":bin" an ownership one
      gid = n;
      gname = undefined;
    } else {
      gid = gr.gid;
      gname = g;
    }
  }
  return { uid, gid, user: u, group: gname };
}

/** parse_user_spec_warn: the spec, or [message, isWarning]. */
export function parseUserSpec(acc: Accounts, spec: string): { spec: Spec; warning?: string } | { error: string } {
  const colon = spec.indexOf(':');
  const r = withSeparator(acc, spec, colon);
  if (typeof r !== 'string') return { spec: r };
  if (colon < 0) {
    const dot = spec.indexOf('.');
    if (dot >= 0) {
      const r2 = withSeparator(acc, spec, dot);
      if (typeof r2 !== 'string') return { spec: r2, warning: "warning: '.' should be ':'" };
    }
  }
  return { error: r };
}

export interface ChownOpts {
  recurse: boolean;
  silent: boolean;
  verbosity: 'off' | 'changes' | 'high';
  referent: boolean;
  preserveRoot: boolean;
  follow: 'physical' | 'comfollow' | 'logical';
  requiredUid: number;
  requiredGid: number;
}

/**
 * How chown, chgrp and chcon walk a tree (-H -L -P), treat links (-h, --dereference: 0, 1,
 * or -1 when neither was given) and the root (--[no-]preserve-root); the last option wins.
 */
export function traversalOptions(args: Parsed): { follow: ChownOpts['follow']; deref: number; preserveRoot: boolean } {
  let follow: ChownOpts['follow'] = 'physical';
  let deref = -1;
  let preserveRoot = false;
  for (const { key } of args.order) {
    if (key === 'H') follow = 'comfollow';
    else if (key === 'L') follow = 'logical';
    else if (key === 'P') follow = 'physical';
    else if (key === 'h') deref = 0;
    else if (key === 'deref') deref = 1;
    else if (key === 'preserve') preserveRoot = true;
    else if (key === 'no-preserve') preserveRoot = false;
  }
  return { follow, deref, preserveRoot };
}

/** The common option handling of chown and chgrp; a status to return, or the options. */
export async function chownOptions(ctx: Ctx, spec: { name: string }, args: Parsed): Promise<ChownOpts | number> {
  let { follow, deref, preserveRoot } = traversalOptions(args);
  let verbosity: ChownOpts['verbosity'] = 'off';
  for (const { key } of args.order) {
    if (key === 'c') verbosity = 'changes';
    else if (key === 'v') verbosity = 'high';
  }
  const recurse = flag(args, 'R');
  if (recurse) {
    if (follow === 'physical') {
      if (deref === 1) {
        await ctx.error('-R --dereference requires either -H or -L');
        return 1;
      }
      deref = 0;
    }
  } else follow = 'physical';
  return { recurse, silent: flag(args, 'f'), verbosity, referent: deref !== 0, preserveRoot, follow, requiredUid: -1, requiredGid: -1 };
}

export const CHOWN_OPTIONS = [
  { key: 'H', short: 'H' }, { key: 'L', short: 'L' }, { key: 'P', short: 'P' }, { key: 'R', short: 'R', long: 'recursive' },
  { key: 'c', short: 'c', long: 'changes' }, { key: 'f', short: 'f', long: 'silent' }, { key: 'f', long: 'quiet' },
  { key: 'h', short: 'h', long: 'no-dereference' }, { key: 'deref', long: 'dereference' }, { key: 'v', short: 'v', long: 'verbose' },
  { key: 'no-preserve', long: 'no-preserve-root' }, { key: 'preserve', long: 'preserve-root' },
  { key: 'reference', long: 'reference', arg: 'required' as const },
];

/** Operands after option parsing: the reference file if any, or the missing-operand error. */
export async function chownOperands(ctx: Ctx, spec: { name: string }, args: Parsed): Promise<{ reference: string | undefined } | number> {
  const reference = lastValue(args, 'reference');
  const ops = args.operands;
  if (ops.length < (reference !== undefined ? 1 : 2)) {
    return usageError(ctx, spec, ops.length === 0 ? 'missing operand' : `missing operand after ${quote(ctx.argv[ctx.argv.length - 1]!)}`);
  }
  return { reference };
}

function describe(file: string, status: 'failed' | 'not-applied' | 'no-change' | 'succeeded', oldUser: string | undefined, oldGroup: string | undefined, user: string | undefined, group: string | undefined): string {
  const q = quoteaf(file);
  if (status === 'not-applied') return `neither symbolic link ${q} nor referent has been changed\n`;
  const join = (u: string | undefined, g: string | undefined): string | undefined => (u !== undefined ? (g !== undefined ? `${u}:${g}` : u) : g);
  const spec = join(user, group);
  const old = join(user !== undefined ? oldUser : undefined, group !== undefined ? oldGroup : undefined);
  const what = user !== undefined ? 'ownership' : 'group';
  if (status === 'succeeded') return user === undefined && group === undefined ? `no change to ownership of ${q}\n` : `changed ${what} of ${q} from ${old} to ${spec}\n`;
  if (status === 'failed') {
    if (user === undefined && group === undefined) return `failed to change ownership of ${q}\n`;
    return old !== undefined ? `failed to change ${what} of ${q} from ${old} to ${spec}\n` : `failed to change ${what} of ${q} to ${spec}\n`;
  }
  // the old owner is what printf shows here (coreutils passes old_spec first)
  return user === undefined && group === undefined ? `ownership of ${q} retained\n` : `${what} of ${q} retained as ${old}\n`;
}

/** chown_files: applies uid/gid (-1 = unchanged) to every file. */
export async function chownFiles(ctx: Ctx, acc: Accounts, o: ChownOpts, files: string[], s: Spec): Promise<boolean> {
  let ok = true;
  const nameOfUser = (id: number): string => acc.userName(id) ?? String(id);
  const nameOfGroup = (id: number): string => acc.groupName(id) ?? String(id);
  const one = async (e: WalkEntry): Promise<void | 'skip'> => {
    const name = e.path;
    let good = true;
    if (e.info === 'D' && o.recurse) {
      if (o.preserveRoot && e.stat && (await rootCheck(ctx, e.stat, name))) {
        ok = false;
        return 'skip';
      }
      return undefined;
    }
    if (e.info === 'DP' && !o.recurse) return undefined;
    if (e.info === 'NS') {
      if (!o.silent) await ctx.perror(e.error, `cannot access ${quoteaf(name)}`);
      good = false;
    } else if (e.info === 'DNR') {
      if (!o.silent) await ctx.perror(e.error, `cannot read directory ${quoteaf(name)}`);
      good = false;
    } else if (e.info === 'DC') {
      await ctx.error(`WARNING: Circular directory structure.\nThis almost certainly means that you have a corrupted file system.\nNOTIFY YOUR SYSTEM MANAGER.\nThe following directory is part of the cycle:\n  ${quoteaf(name)}\n`);
      ok = false;
      return 'skip';
    }
    let st = e.stat;
    let doChown = good;
    if (good && st && o.referent && st.kind === 'symlink') {
      try {
        st = await ctx.sys.stat(name);
      } catch (err) {
        if (!isSysError(err)) throw err;
        if (!o.silent) await ctx.perror(err, `cannot dereference ${quoteaf(name)}`);
        good = false;
        st = undefined;
      }
    }
    if (good && st) doChown = (o.requiredUid === -1 || o.requiredUid === st.uid) && (o.requiredGid === -1 || o.requiredGid === st.gid);
    else doChown = false;
    if (doChown) {
      try {
        if (o.referent) await ctx.sys.chown(name, s.uid, s.gid);
        else await ctx.sys.lchown(name, s.uid, s.gid);
      } catch (err) {
        if (!isSysError(err)) throw err;
        good = false;
        if (!o.silent) await ctx.perror(err, `${s.uid !== -1 ? 'changing ownership of' : 'changing group of'} ${quoteaf(name)}`);
      }
    }
    if (o.verbosity !== 'off') {
      const changed = doChown && good && st !== undefined && !((s.uid === -1 || s.uid === st.uid) && (s.gid === -1 || s.gid === st.gid));
      if (changed || o.verbosity === 'high') {
        const status = !good ? 'failed' : !changed ? 'no-change' : 'succeeded';
        const user = s.user ?? (s.uid !== -1 ? String(s.uid) : undefined);
        const group = s.group ?? (s.gid !== -1 ? String(s.gid) : undefined);
        await ctx.print(describe(name, status, st ? nameOfUser(st.uid) : undefined, st ? nameOfGroup(st.gid) : undefined, user, group));
      }
    }
    ok = good && ok;
    return o.recurse ? undefined : 'skip';
  };
  await walk(ctx, files, { follow: o.follow }, one);
  return ok;
}

