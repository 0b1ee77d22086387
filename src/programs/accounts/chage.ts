// chage and chpasswd (shadow 4.13). chage -l lays its report out with tabs exactly as
// list_fields does; a user may list only their own aging, only root changes it.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { Accounts } from '../lib/accounts';
import { hashPassword, passwordQuality } from './auth';
import { fail, has, lockAndRead, opt, parseArgs } from './common';
import { commitAll, Db, Locks, SHADOW, spValid, today, type SpEnt } from './db';
import { dayString, isoDay, parseDay } from './defs';
import { processRoot } from './root';

const CHAGE_USAGE = `Usage: chage [options] LOGIN

Options:
  -d, --lastday LAST_DAY        set the date of the last password change
  -E, --expiredate EXPIRE_DATE  set the date on which the account expires
  -h, --help                    show this help and exit
  -i, --iso8601                 print dates as YYYY-MM-DD
  -I, --inactive INACTIVE       days after password expiry until the account is disabled
  -l, --list                    show the account's aging information
  -m, --mindays MIN_DAYS        minimum days between password changes
  -M, --maxdays MAX_DAYS        maximum days a password stays valid
  -R, --root CHROOT_DIR         chroot into this directory first
  -W, --warndays WARN_DAYS      days of warning before the password expires

`;

const R = 'required' as const;

async function usage(ctx: Ctx, text: string, status: number): Promise<number> {
  await (status === 0 ? ctx.out : ctx.err).write(text);
  return status;
}

const num = (v: string): number => (v === '' ? -1 : Number(v));

function listFields(s: SpEnt | undefined, iso: boolean): string {
  const date = (d: number): string => (iso ? isoDay(d) : dayString(d));
  const last = num(s?.lastchg ?? '');
  const min = num(s?.min ?? '');
  const max = num(s?.max ?? '');
  const warn = num(s?.warn ?? '');
  const inact = num(s?.inactive ?? '');
  const exp = num(s?.expire ?? '');
  const never = (cond: boolean, d: number): string => (cond ? 'never' : date(d));
  const must = 'password must be changed';
  return [
    `Last password change\t\t\t\t\t: ${last < 0 ? 'never' : last === 0 ? must : date(last)}`,
    `Password expires\t\t\t\t\t: ${last === 0 ? must : never(last < 0 || max >= 10000 || max < 0, last + max)}`,
    `Password inactive\t\t\t\t\t: ${last === 0 ? must : never(last < 0 || inact < 0 || max >= 10000 || max < 0, last + max + inact)}`,
    `Account expires\t\t\t\t\t\t: ${never(exp < 0, exp)}`,
    `Minimum number of days between password change\t\t: ${min}`,
    `Maximum number of days between password change\t\t: ${max}`,
    `Number of days of warning before password expires\t: ${warn}`,
    '',
  ].join('\n');
}

export const chage = defineProgram({
  name: 'chage',
  installPath: '/usr/bin/chage',
  pkg: 'shadow',
  mode: 0o4755,
  async main(ctx) {
    const rooted = await processRoot(ctx);
    if (rooted !== undefined) return rooted;
    const a = await parseArgs(ctx, [
      { key: 'd', short: 'd', long: 'lastday', arg: R }, { key: 'E', short: 'E', long: 'expiredate', arg: R },
      { key: 'h', short: 'h', long: 'help' }, { key: 'i', short: 'i', long: 'iso8601' },
      { key: 'I', short: 'I', long: 'inactive', arg: R }, { key: 'l', short: 'l', long: 'list' },
      { key: 'm', short: 'm', long: 'mindays', arg: R }, { key: 'M', short: 'M', long: 'maxdays', arg: R },
      { key: 'R', short: 'R', long: 'root', arg: R }, { key: 'W', short: 'W', long: 'warndays', arg: R },
    ], () => CHAGE_USAGE);
    if (typeof a === 'number') return a;
    if (has(a, 'h')) return usage(ctx, CHAGE_USAGE, 0);
    for (const { key, value } of a.order) {
      const v = value ?? '';
      if ((key === 'd' || key === 'E') && parseDay(v) === undefined) return fail(ctx, `invalid date '${v}'`).then(() => usage(ctx, CHAGE_USAGE, 2));
      // getlong: a whole decimal number, and none of the four may be below -1
      if ('ImMW'.includes(key) && key !== '' && (!/^\s*[-+]?\d+$/.test(v) || Number(v) < -1 || Math.abs(Number(v)) > 2 ** 63)) return fail(ctx, `invalid numeric argument '${v}'`).then(() => usage(ctx, CHAGE_USAGE, 2));
    }
    if (a.operands.length !== 1) return usage(ctx, CHAGE_USAGE, 2);
    const changing = ['d', 'E', 'I', 'm', 'M', 'W'].filter((k) => has(a, k));
    if (has(a, 'l') && changing.length) return fail(ctx, 'do not include "l" with other flags').then(() => usage(ctx, CHAGE_USAGE, 2));
    const sys = ctx.sys;
    const amroot = sys.getuid() === 0;
    if (!amroot && !has(a, 'l')) return fail(ctx, 'Permission denied.').then(() => 1);
    const name = a.operands[0]!;
    const acc = await Accounts.load(sys);
    const pw = acc.userByName(name);
    if (!pw) return fail(ctx, `user '${name}' does not exist in /etc/passwd`).then(() => 1);
    if (has(a, 'l')) {
      if (!amroot && sys.getuid() !== pw.uid) return fail(ctx, 'Permission denied.').then(() => 1);
      const shadow = await Db.read(sys, '/etc/shadow', SHADOW);
      const sp = shadow.get(name);
      await ctx.print(listFields(sp && spValid(sp) ? sp : undefined, has(a, 'i')));
      return 0;
    }
    if (changing.length === 0) {
      await fail(ctx, 'error changing fields');
      return 1;
    }
    const locks = new Locks(ctx);
    try {
      const dbs = await lockAndRead(ctx, locks, ['/etc/passwd', '/etc/shadow']);
      if (!dbs) return 1;
      const base: SpEnt = dbs.shadow.get(name) ?? { name, hash: 'x', lastchg: '', min: '', max: '', warn: '', inactive: '', expire: '', flag: '' };
      const field = (k: string): string | undefined => {
        const v = opt(a, k);
        return v === undefined ? undefined : Number(v) < 0 ? '' : String(Number(v));
      };
      const dayField = (k: string): string | undefined => {
        const v = opt(a, k);
        if (v === undefined) return undefined;
        const d = parseDay(v)!;
        return d < 0 ? '' : String(d);
      };
      const next: SpEnt = {
        ...base,
        lastchg: dayField('d') ?? base.lastchg, expire: dayField('E') ?? base.expire,
        inactive: field('I') ?? base.inactive, min: field('m') ?? base.min, max: field('M') ?? base.max, warn: field('W') ?? base.warn,
      };
      dbs.shadow.put(next);
      await commitAll(sys, { shadow: dbs.shadow });
    } finally {
      await locks.release();
    }
    return 0;
  },
});

const CHPASSWD_USAGE = `Usage: chpasswd [options]

Options:
  -c, --crypt-method METHOD     the crypt method (one of NONE DES MD5 SHA256 SHA512 YESCRYPT)
  -e, --encrypted               the passwords given are already encrypted
  -h, --help                    show this help and exit
  -m, --md5                     encrypt clear text passwords with MD5
  -R, --root CHROOT_DIR         chroot into this directory first
  -s, --sha-rounds              rounds for the SHA, BCRYPT or YESCRYPT methods

`;

export const chpasswd = defineProgram({
  name: 'chpasswd',
  installPath: '/usr/sbin/chpasswd',
  pkg: 'shadow',
  async main(ctx) {
    const rooted = await processRoot(ctx);
    if (rooted !== undefined) return rooted;
    const a = await parseArgs(ctx, [
      { key: 'c', short: 'c', long: 'crypt-method', arg: R }, { key: 'e', short: 'e', long: 'encrypted' },
      { key: 'h', short: 'h', long: 'help' }, { key: 'm', short: 'm', long: 'md5' },
      { key: 'R', short: 'R', long: 'root', arg: R }, { key: 's', short: 's', long: 'sha-rounds', arg: R },
    ], () => CHPASSWD_USAGE);
    if (typeof a === 'number') return a;
    if (has(a, 'h')) return usage(ctx, CHPASSWD_USAGE, 0);
    if ([has(a, 'c'), has(a, 'e'), has(a, 'm')].filter(Boolean).length > 1) return fail(ctx, 'the -c, -e, and -m flags are exclusive').then(() => usage(ctx, CHPASSWD_USAGE, 2));
    const method = opt(a, 'c');
    if (method !== undefined && !['NONE', 'DES', 'MD5', 'SHA256', 'SHA512', 'YESCRYPT'].includes(method)) return fail(ctx, `unsupported crypt method: ${method}`).then(() => 1);
    const sys = ctx.sys;
    const text = await ctx.readAll(0);
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    const updates: { name: string; hash: string }[] = [];
    let errors = 0;
    const acc = await Accounts.load(sys);
    for (let i = 0; i < lines.length; i++) {
      await ctx.tick();
      const line = lines[i]!;
      const colon = line.indexOf(':');
      if (colon < 0) {
        await fail(ctx, `line ${i + 1}: missing new password`);
        errors++;
        continue;
      }
      const name = line.slice(0, colon);
      const pass = line.slice(colon + 1);
      if (!acc.userByName(name) || (sys.getuid() !== 0 && !has(a, 'e'))) {
        if (!has(a, 'e')) {
          await ctx.err.write(`chpasswd: (user ${name}) pam_chauthtok() failed, error:\nAuthentication token manipulation error\n`);
          await fail(ctx, `(line ${i + 1}, user ${name}) password not changed`);
        } else await fail(ctx, `line ${i + 1}: user '${name}' does not exist`);
        errors++;
        continue;
      }
      if (!has(a, 'e') && !has(a, 'c') && !has(a, 'm')) {
        const bad = passwordQuality(pass, undefined, name);
        if (bad) await ctx.err.write(`BAD PASSWORD: ${bad}\n`);
      }
      updates.push({ name, hash: has(a, 'e') ? pass : method === 'NONE' ? pass : hashPassword(ctx, pass) });
    }
    if (updates.length) {
      const locks = new Locks(ctx);
      try {
        const dbs = await lockAndRead(ctx, locks, ['/etc/passwd', '/etc/shadow']);
        if (!dbs) return 1;
        const day = String(today(sys));
        for (const u of updates) {
          const s = dbs.shadow.get(u.name);
          if (s) dbs.shadow.put({ ...s, hash: u.hash, lastchg: day });
        }
        await commitAll(sys, { shadow: dbs.shadow });
      } finally {
        await locks.release();
      }
    }
    return errors ? 1 : 0;
  },
});
