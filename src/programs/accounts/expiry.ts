// expiry (shadow 4.13): the caller's password aging. -c warns of a coming expiry ("Your password
// will expire in N days.", "... tomorrow.", "... today.", "You must change your password.")
// and exits with isexpired's verdict (0 fine, 1 expired, 2 inactive, 3 account expired); -f
// makes an expired user choose a new password with passwd (or says to contact the
// administrator when that is not allowed) and succeeds otherwise.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { Accounts } from '../lib/accounts';
import { fail, has, parseArgs } from './common';
import { Db, PASSWD, SHADOW, spValid, today, type SpEnt } from './db';

const E_USAGE = 2;

const usageText = (prog: string): string => `Usage: ${prog} [options]

Options:
  -c, --check                   check whether your password has expired
  -f, --force                   make you change an expired password
  -h, --help                    show this help and exit

`;

const n = (v: string): number => (v === '' ? -1 : Number(v));

/** isexpired: 0 fine, 1 password expired, 2 inactive, 3 account expired. */
function isExpired(passwd: string, sp: SpEnt | undefined, now: number): number {
  if (!sp) return 0;
  const last = n(sp.lastchg);
  const max = n(sp.max);
  const inact = n(sp.inactive);
  const expire = n(sp.expire);
  if (expire > 0 && now >= expire) return 3;
  if (last === 0 && passwd === 'x') return 1;
  if (last > 0 && max >= 0 && inact >= 0 && now >= last + max + inact) return 2;
  if (last === -1 || max === -1 || max >= 10000) return 0;
  return now >= last + max ? 1 : 0;
}

/** agecheck: the warning -c prints before its verdict. */
function ageWarning(sp: SpEnt | undefined, now: number): string {
  if (!sp) return '';
  const last = n(sp.lastchg);
  const max = n(sp.max);
  const warn = n(sp.warn);
  if (last === -1 || max === -1 || warn === -1) return '';
  if (last === 0) return 'You must change your password.\n';
  const remain = last + max - now;
  if (remain > warn) return '';
  if (remain > 1) return `Your password will expire in ${remain} days.\n`;
  if (remain === 1) return 'Your password will expire tomorrow.\n';
  return remain === 0 ? 'Your password will expire today.\n' : '';
}

async function main(ctx: Ctx): Promise<number> {
  const prog = ctx.name.slice(ctx.name.lastIndexOf('/') + 1);
  const a = await parseArgs(ctx, [
    { key: 'c', short: 'c', long: 'check' }, { key: 'f', short: 'f', long: 'force' }, { key: 'h', short: 'h', long: 'help' },
  ], () => usageText(prog), E_USAGE);
  if (typeof a === 'number') return a;
  const usage = async (): Promise<number> => {
    await ctx.err.write(usageText(prog));
    return E_USAGE;
  };
  if (has(a, 'h')) {
    await ctx.print(usageText(prog));
    return 0;
  }
  const check = has(a, 'c');
  const force = has(a, 'f');
  if (!check && !force) return usage();
  if (check && force) {
    await fail(ctx, 'options -c and -f conflict');
    return usage();
  }
  if (a.operands.length) {
    await fail(ctx, `unexpected argument: ${a.operands[0]}`);
    return usage();
  }
  const sys = ctx.sys;
  const pw = (await Accounts.load(sys)).userById(sys.getuid());
  if (!pw) {
    await fail(ctx, 'Cannot determine your user name.');
    return 10;
  }
  const passwd = (await Db.read(sys, '/etc/passwd', PASSWD)).get(pw.name)?.passwd ?? 'x';
  const entry = (await Db.read(sys, '/etc/shadow', SHADOW)).get(pw.name);
  const sp = entry && spValid(entry) ? entry : undefined;
  const now = today(sys);
  const status = isExpired(passwd, sp, now);
  if (check) {
    await ctx.print(ageWarning(sp, now));
    return status;
  }
  if (!sp || status === 0) return 0;
  await ctx.print(['', 'Your password has expired.', 'Your password is inactive.', 'Your login has expired.'][status]!);
  if (status > 1 || n(sp.max) < n(sp.min)) {
    await ctx.print('  Contact the system administrator.\n');
    return 1;
  }
  await ctx.print('  Choose a new password.\n');
  await ctx.flush();
  const pid = await sys.spawn({ path: '/usr/bin/passwd', argv: ['/usr/bin/passwd', pw.name], env: new Map(ctx.env) });
  const w = await sys.wait(pid);
  return w?.status.kind === 'exited' && w.status.code === 0 ? 0 : 1;
}

export default defineProgram({
  name: 'expiry',
  installPath: '/usr/bin/expiry',
  pkg: 'shadow',
  mode: 0o4755,
  main,
});
