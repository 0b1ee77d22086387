// passwd (shadow 4.13 with PAM): without options it changes a password through Photon's
// password stack (pam_pwquality retry=3, then pam_unix sha512: a user first gives the
// current password, root does not); -l -u -d -e -n -x -w -i edit /etc/shadow directly and
// -S reports status.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { Accounts } from '../lib/accounts';
import { failDelay, hashPassword, passwordQuality, Prompter, verifyPassword } from './auth';
import { fail, has, lockAndRead, opt, parseArgs } from './common';
import { commitAll, Db, Locks, PASSWD, SHADOW, spValid, today, type SpEnt } from './db';
import { isoDay } from './defs';
import { processRoot } from './root';
import { parseLong } from './useradd-defaults';

const USAGE = `Usage: passwd [options] [LOGIN]

Options:
  -a, --all                     with -S, report on every account
  -d, --delete                  empty the account's password
  -e, --expire                  make the password expire now
  -h, --help                    show this help and exit
  -k, --keep-tokens             change the password only if it has expired
  -i, --inactive INACTIVE       days after expiry until the account is disabled
  -l, --lock                    lock the account's password
  -n, --mindays MIN_DAYS        minimum days between password changes
  -q, --quiet                   say less
  -r, --repository REPOSITORY   change the password in REPOSITORY
  -R, --root CHROOT_DIR         chroot into this directory first
  -S, --status                  report the account's password status
  -u, --unlock                  unlock the account's password
  -w, --warndays WARN_DAYS      days of warning before the password expires
  -x, --maxdays MAX_DAYS        maximum days a password stays valid

`;

const R = 'required' as const;
const OPTIONS = [
  { key: 'a', short: 'a', long: 'all' }, { key: 'd', short: 'd', long: 'delete' },
  { key: 'e', short: 'e', long: 'expire' }, { key: 'h', short: 'h', long: 'help' },
  { key: 'k', short: 'k', long: 'keep-tokens' }, { key: 'i', short: 'i', long: 'inactive', arg: R },
  { key: 'l', short: 'l', long: 'lock' }, { key: 'n', short: 'n', long: 'mindays', arg: R },
  { key: 'q', short: 'q', long: 'quiet' }, { key: 'r', short: 'r', long: 'repository', arg: R },
  { key: 'R', short: 'R', long: 'root', arg: R }, { key: 'S', short: 'S', long: 'status' },
  { key: 'u', short: 'u', long: 'unlock' }, { key: 'w', short: 'w', long: 'warndays', arg: R },
  { key: 'x', short: 'x', long: 'maxdays', arg: R },
];

async function usage(ctx: Ctx, status: number): Promise<number> {
  await (status === 0 ? ctx.out : ctx.err).write(USAGE);
  return status;
}

function pwStatus(hash: string): string {
  if (hash.startsWith('!') || hash.startsWith('*')) return 'L';
  return hash === '' ? 'NP' : 'P';
}

/**
 * The line -S prints. getspnam takes a shadow entry only when its number fields are digits or
 * empty; without one the status comes from the passwd file's password field alone.
 */
function statusLine(name: string, s: SpEnt | undefined, pwPasswd: string): string {
  if (!s || !spValid(s)) return `${name} ${pwStatus(pwPasswd)}`;
  const n = (v: string): string => (v === '' ? '-1' : v);
  const date = s.lastchg === '' ? 'never' : isoDay(Number(s.lastchg));
  return `${name} ${pwStatus(s.hash)} ${date} ${n(s.min)} ${n(s.max)} ${n(s.warn)} ${n(s.inactive)}`;
}

export default defineProgram({
  name: 'passwd',
  installPath: '/usr/bin/passwd',
  pkg: 'shadow',
  mode: 0o4755,
  async main(ctx) {
    const rooted = await processRoot(ctx);
    if (rooted !== undefined) return rooted;
    const a = await parseArgs(ctx, OPTIONS, () => USAGE, 6);
    if (typeof a === 'number') return a;
    // as getopt returns them: -h shows the help, a bad number shows the usage too
    for (const { key, value } of a.order) {
      if (key === 'h') return usage(ctx, 0);
      if (!['i', 'n', 'w', 'x'].includes(key)) continue;
      const n = parseLong(value ?? '');
      if (n === undefined || n < -1) {
        await fail(ctx, `invalid numeric argument '${value}'`);
        return usage(ctx, 6);
      }
    }
    const sys = ctx.sys;
    const acc = await Accounts.load(sys);
    const me = acc.userById(sys.getuid());
    if (!me) {
      await fail(ctx, 'Cannot determine your user name.');
      return 1;
    }
    const amroot = sys.getuid() === 0;
    const anyflag = ['d', 'e', 'i', 'l', 'n', 'u', 'w', 'x'].some((k) => has(a, k));
    if (a.operands.length > 1) return usage(ctx, 2);
    if (has(a, 'a')) {
      if (anyflag || !has(a, 'S') || a.operands.length) return usage(ctx, 2);
      if (!amroot) return fail(ctx, 'Permission denied.').then(() => 1);
      const shadow = await Db.read(sys, '/etc/shadow', SHADOW);
      const pwdb = await Db.read(sys, '/etc/passwd', PASSWD);
      await ctx.print(acc.users.map((u) => `${statusLine(u.name, shadow.get(u.name), pwdb.get(u.name)?.passwd ?? 'x')}\n`).join(''));
      return 0;
    }
    const name = a.operands[0] ?? me.name;
    if (anyflag && a.operands.length === 0) return usage(ctx, 2);
    if ((has(a, 'S') && has(a, 'k')) || (anyflag && (has(a, 'S') || has(a, 'k')))) return usage(ctx, 2);
    if (anyflag && !amroot) return fail(ctx, 'Permission denied.').then(() => 1);
    const pw = acc.userByName(name);
    if (!pw) return fail(ctx, `user '${name}' does not exist`).then(() => 1);
    if (!amroot && pw.uid !== sys.getuid()) return fail(ctx, `You may not view or modify password information for ${name}.`).then(() => 1);
    if (has(a, 'S')) {
      const shadow = await Db.read(sys, '/etc/shadow', SHADOW);
      const pwdb = await Db.read(sys, '/etc/passwd', PASSWD);
      await ctx.print(`${statusLine(name, shadow.get(name), pwdb.get(name)?.passwd ?? 'x')}\n`);
      return 0;
    }
    if (!anyflag) return changePassword(ctx, name, amroot, has(a, 'q'));
    const locks = new Locks(ctx);
    try {
      const dbs = await lockAndRead(ctx, locks, ['/etc/passwd', '/etc/shadow']);
      if (!dbs) return 5;
      const s = dbs.shadow.get(name);
      if (!s) return fail(ctx, `user '${name}' does not exist in /etc/shadow`).then(() => 3);
      let hash = s.hash;
      if (has(a, 'd')) hash = '';
      if (has(a, 'u') && hash.startsWith('!')) {
        if (hash.length === 1) {
          await ctx.err.write('passwd: unlocking the password would result in a passwordless account.\nYou should set a password with usermod -p to unlock the password of this account.\n');
          return 3;
        }
        hash = hash.slice(1);
      }
      if (has(a, 'l') && !hash.startsWith('!')) hash = `!${hash}`;
      const next: SpEnt = { ...s, hash };
      if (has(a, 'x')) next.max = opt(a, 'x')!;
      if (has(a, 'n')) next.min = opt(a, 'n')!;
      if (has(a, 'w')) next.warn = opt(a, 'w')!;
      if (has(a, 'i')) next.inactive = opt(a, 'i')!;
      if (has(a, 'e')) next.lastchg = '0';
      dbs.shadow.put(next);
      await commitAll(sys, { shadow: dbs.shadow });
    } finally {
      await locks.release();
    }
    if (!has(a, 'q')) await ctx.print('passwd: password changed.\n');
    return 0;
  },
});

/** do_pam_passwd: the chauthtok conversation, then pam_unix writes the new hash. */
async function changePassword(ctx: Ctx, name: string, amroot: boolean, quiet: boolean): Promise<number> {
  const sys = ctx.sys;
  const unchanged = async (reason: string): Promise<number> => {
    await ctx.err.write(`passwd: ${reason}\npasswd: password unchanged\n`);
    return 10;
  };
  const shadow = await Db.read(sys, '/etc/shadow', SHADOW);
  const current = shadow.get(name)?.hash ?? '*';
  const p = new Prompter(ctx);
  let old: string | undefined;
  if (!amroot && current !== '') {
    if (!quiet) await ctx.print(`Changing password for ${name}.\n`);
    old = await p.secret('Current password: ');
    if (old === undefined) return unchanged('Authentication token manipulation error');
    if (!verifyPassword(old, current)) {
      await failDelay(ctx);
      return unchanged('Authentication token manipulation error');
    }
  }
  let chosen: string | undefined;
  for (let tries = 0; tries < 3 && chosen === undefined; tries++) {
    const pw = await p.secret('New password: ');
    if (pw === undefined) {
      await ctx.err.write('Password change has been aborted.\n');
      return unchanged('Authentication token manipulation error');
    }
    const bad = passwordQuality(pw, old, name);
    if (bad) {
      await ctx.err.write(`BAD PASSWORD: ${bad}\n`);
      if (!amroot) continue;
    }
    const again = await p.secret('Retype new password: ');
    if (again === undefined) {
      await ctx.err.write('Password change has been aborted.\n');
      return unchanged('Authentication token manipulation error');
    }
    if (again !== pw) {
      await ctx.err.write('Sorry, passwords do not match.\n');
      continue;
    }
    if (pw === '' || (old !== undefined && old === pw)) {
      await ctx.err.write(pw === '' ? 'No password has been supplied.\n' : 'The password has not been changed.\n');
      return unchanged('Authentication token manipulation error');
    }
    chosen = pw;
  }
  if (chosen === undefined) return unchanged('Have exhausted maximum number of retries for service');
  const locks = new Locks(ctx);
  try {
    const dbs = await lockAndRead(ctx, locks, ['/etc/shadow']);
    if (!dbs) return unchanged('Authentication token lock busy');
    const s = dbs.shadow.get(name);
    if (s) dbs.shadow.put({ ...s, hash: hashPassword(ctx, chosen), lastchg: String(today(sys)) });
    await commitAll(sys, { shadow: dbs.shadow });
  } finally {
    await locks.release();
  }
  await ctx.err.write('passwd: password updated successfully\n');
  return 0;
}
