import { isSysError, type SysError } from '../../shared/errno';
import { defineProgram, usageError } from '../define';
import type { Ctx } from '../lib/context';
import { flag, lastValue } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { parsePosixStamp } from '../lib/parse-datetime';
import { parseDate } from '../lib/parse-date';
import { localZone, localtime, mktime, msToTimespec, timespecToMs } from '../lib/tz';
import { argmatch, argmatchError, type ArgChoices } from '../lib/argmatch';
import { quote, quoteaf } from '../lib/quote';

const TIME_WORDS: ArgChoices<'a' | 'm'> = [['atime', 'a'], ['access', 'a'], ['use', 'a'], ['mtime', 'm'], ['modify', 'm']];

interface Plan {
  noCreate: boolean;
  noDeref: boolean;
  atime: boolean;
  mtime: boolean;
  /** Explicit times (from -d, -t or -r); undefined means "now". */
  times: { atime: number; mtime: number } | undefined;
}

/** touch opens with O_NONBLOCK, so a FIFO without a reader fails the open (ENXIO) and only its times change. */
async function isFifo(ctx: Ctx, file: string): Promise<boolean> {
  try {
    return (await ctx.sys.stat(file)).kind === 'fifo';
  } catch {
    return false;
  }
}

async function touchOne(ctx: Ctx, plan: Plan, file: string): Promise<boolean> {
  if (file === '-') return true; // stdout: nothing we can set times on here
  let openErr: SysError | undefined;
  if (!plan.noCreate && !plan.noDeref && !(await isFifo(ctx, file))) {
    try {
      const fd = await ctx.sys.open(file, { write: true, create: true }, 0o666);
      ctx.sys.close(fd);
    } catch (e) {
      if (!isSysError(e)) throw e;
      openErr = e;
    }
  }
  try {
    const follow = !plan.noDeref;
    if (plan.times === undefined && plan.atime && plan.mtime) {
      await ctx.sys.utimes(file, undefined, undefined, follow);
    } else {
      const now = ctx.sys.now();
      const want = plan.times ?? { atime: now, mtime: now };
      let current: { atime: number; mtime: number } | undefined;
      if (!plan.atime || !plan.mtime) current = follow ? await ctx.sys.stat(file) : await ctx.sys.lstat(file);
      await ctx.sys.utimes(file, plan.atime ? want.atime : current!.atime, plan.mtime ? want.mtime : current!.mtime, follow);
    }
    return true;
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (openErr && openErr.errno !== 'EISDIR') {
      await ctx.perror(openErr, `cannot touch ${quoteaf(file)}`);
      return false;
    }
    if (plan.noCreate && e.errno === 'ENOENT') return true;
    await ctx.perror(e, `setting times of ${quoteaf(file)}`);
    return false;
  }
}

const spec = {
  name: 'touch',
  installPath: '/usr/bin/touch',
  pkg: 'coreutils',
  usage: 'touch [OPTION]... FILE...',
  help: `Set the access and modification times of each FILE to now (or to another
time given below). A FILE that does not exist is created empty, unless -c or
-h is given. A FILE of - means standard output.

Long options take the same arguments as their short forms.
  -a                     change the access time only
  -c, --no-create        create nothing
  -d, --date=STRING      use the time STRING describes instead of now
  -f                     accepted and ignored
  -h, --no-dereference   change a symbolic link itself, not what it points to
  -m                     change the modification time only
  -r, --reference=FILE   use FILE's times instead of now
  -t STAMP               use [[CC]YY]MMDDhhmm[.ss] instead of now
      --time=WORD        access, atime and use mean -a; modify and mtime mean -m
${HELP_LINES}

-d accepts dates such as '2024-01-15 10:30', 'yesterday', '@1700000000' or
'2 hours ago'.
${coreutilsHelpFooter('touch')}`,
  version: coreutilsVersion('touch', ['Paul Rubin', 'Arnold Robbins', 'Jim Kingdon', 'David MacKenzie', 'Randy Smith']),
  options: [
    { key: 'a', short: 'a' },
    { key: 'c', short: 'c', long: 'no-create' },
    { key: 'd', short: 'd', long: 'date', arg: 'required' as const },
    { key: 'f', short: 'f' },
    { key: 'h', short: 'h', long: 'no-dereference' },
    { key: 'm', short: 'm' },
    { key: 'r', short: 'r', long: 'reference', arg: 'required' as const },
    { key: 't', short: 't', arg: 'required' as const },
    { key: 'time', long: 'time', arg: 'required' as const },
  ],
};

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    let atime = flag(args, 'a');
    let mtime = flag(args, 'm');
    for (const word of args.values.get('time') ?? []) {
      const m = argmatch(word, TIME_WORDS);
      if ('value' in m && m.value === 'a') atime = true;
      else if ('value' in m) mtime = true;
      else {
        await argmatchError(ctx, '--time', word, m.error, TIME_WORDS);
        await ctx.err.write(`Try '${ctx.name} --help' for more information.\n`);
        return 1;
      }
    }
    if (!atime && !mtime) atime = mtime = true;
    const noDeref = flag(args, 'h');
    const now = ctx.sys.now();
    let times: Plan['times'];
    const stamp = lastValue(args, 't');
    // -d and -t read their times in the local zone (TZ, else /etc/localtime)
    const tz = await localZone(ctx.sys);
    const parseDatetime = (text: string, base: number): number | undefined => {
      const r = parseDate(text, msToTimespec(base), tz);
      return r === undefined ? undefined : timespecToMs(r.sec, r.ns);
    };
    if (stamp !== undefined) {
      // the stamp's fields are a wall time; an 8-digit one takes the local year
      const wall = parsePosixStamp(stamp, (now / 1000 + localtime(Math.floor(now / 1000), tz).gmtoff) * 1000);
      if (wall === undefined) {
        await ctx.error(`invalid date format ${quote(stamp)}`);
        return 1;
      }
      const f = localtime(Math.floor(wall / 1000));
      const sec = mktime(f, tz);
      // posixtime rejects a wall time mktime moves (one the zone skips at a DST change)
      const back = localtime(sec, tz);
      if (back.year !== f.year || back.mon !== f.mon || back.mday !== f.mday || back.hour !== f.hour || back.min !== f.min || back.sec !== f.sec) {
        await ctx.error(`invalid date format ${quote(stamp)}`);
        return 1;
      }
      const t = sec * 1000 + (wall % 1000);
      times = { atime: t, mtime: t };
    }
    const date = lastValue(args, 'd');
    const ref = lastValue(args, 'r');
    if (times && (date !== undefined || ref !== undefined)) return usageError(ctx, spec, 'cannot specify times from more than one source');
    if (ref !== undefined) {
      try {
        const st = noDeref ? await ctx.sys.lstat(ref) : await ctx.sys.stat(ref);
        times = { atime: st.atime, mtime: st.mtime };
      } catch (e) {
        await ctx.perror(e, `failed to get attributes of ${quoteaf(ref)}`);
        return 1;
      }
      if (date !== undefined) {
        const a = parseDatetime(date, times.atime);
        const m = parseDatetime(date, times.mtime);
        if (a === undefined || m === undefined) {
          await ctx.error(`invalid date format ${quote(date)}`);
          return 1;
        }
        times = { atime: a, mtime: m };
      }
    } else if (date !== undefined) {
      const t = parseDatetime(date, now);
      if (t === undefined) {
        await ctx.error(`invalid date format ${quote(date)}`);
        return 1;
      }
      // "-d now" alone is treated like no date, so write permission is enough
      if (!(atime && mtime && t === now && parseDatetime(date, now + 1000) === now + 1000)) times = { atime: t, mtime: t };
    }
    if (args.operands.length === 0) return usageError(ctx, spec, 'missing file operand');
    const plan: Plan = { noCreate: flag(args, 'c'), noDeref, atime, mtime, times };
    let ok = true;
    for (const file of args.operands) {
      await ctx.tick();
      if (!(await touchOne(ctx, plan, file))) ok = false;
    }
    return ok ? 0 : 1;
  },
});
