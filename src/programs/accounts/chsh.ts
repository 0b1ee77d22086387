// chsh (shadow 4.13): changes a user's login shell in /etc/passwd. Root may set any shell
// (with a warning when it is missing or not executable); others only their own, only from a
// shell listed in /etc/shells to another listed, executable one. Without -s it asks on
// standard input, as shadow's change_field does.
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { fail, has, lockAndRead, opt, parseArgs } from './common';
import { commitAll, Locks, readAll } from './db';
import { processRoot } from './root';
import { restrictedShell } from './su';

const USAGE = `Usage: chsh [options] [LOGIN]

Options:
  -h, --help                    show this help and exit
  -R, --root CHROOT_DIR         chroot into this directory first
  -s, --shell SHELL             the new login shell

`;

const OPTIONS = [
  { key: 'h', short: 'h', long: 'help' },
  { key: 'R', short: 'R', long: 'root', arg: 'required' as const },
  { key: 's', short: 's', long: 'shell', arg: 'required' as const },
];

async function usage(ctx: Ctx, status: number): Promise<number> {
  await (status === 0 ? ctx.out : ctx.err).write(USAGE);
  return status;
}

/** fgets on standard input: one line with its newline, or what was left at end of input. */
async function readLine(ctx: Ctx): Promise<string> {
  let text = '';
  const decoder = new TextDecoder();
  for (let guard = 0; guard < 10_000 && !text.includes('\n'); guard++) {
    const chunk = await ctx.sys.read(0, 1);
    if (!chunk || chunk.length === 0) break;
    text += decoder.decode(chunk, { stream: true });
  }
  return text;
}

/**
 * change_field: prints `\tPROMPT [current]: `; a line (with its newline) that is not empty
 * replaces the value, trimmed of blanks at both ends (so a blank line empties it).
 */
export async function changeField(ctx: Ctx, prompt: string, current: string): Promise<string> {
  await ctx.print(`\t${prompt} [${current}]: `);
  await ctx.out.flush();
  const line = await readLine(ctx);
  const nl = line.indexOf('\n');
  if (nl < 0) return current;
  const value = line.slice(0, nl);
  return value === '' ? current : value.trim();
}

async function access(ctx: Ctx, path: string, mode: number): Promise<boolean> {
  try {
    await ctx.sys.access(path, mode);
    return true;
  } catch {
    return false;
  }
}

export default defineProgram({
  name: 'chsh',
  installPath: '/usr/bin/chsh',
  pkg: 'shadow',
  mode: 0o4755,
  async main(ctx) {
    const rooted = await processRoot(ctx);
    if (rooted !== undefined) return rooted;
    const a = await parseArgs(ctx, OPTIONS, () => USAGE);
    if (typeof a === 'number') return a;
    if (has(a, 'h')) return usage(ctx, 0);
    if (a.operands.length > 1) return usage(ctx, 2);
    const sys = ctx.sys;
    const amroot = sys.getuid() === 0;
    const peek = await readAll(sys);
    let name = a.operands[0];
    const pw = name !== undefined ? peek.passwd.get(name) : peek.passwd.entries().find((u) => u.uid === sys.getuid());
    if (!pw) {
      await fail(ctx, name !== undefined ? `user '${name}' does not exist` : 'Cannot determine your user name.');
      return 1;
    }
    name = pw.name;
    // check_perms: only one's own entry, and only away from a listed shell
    if (!amroot && (pw.uid !== sys.getuid() || (await restrictedShell(ctx, pw.shell)))) {
      await ctx.err.write(`You may not change the shell for '${name}'.\n`);
      return 1;
    }
    let shell = opt(a, 's');
    if (shell === undefined) {
      await ctx.print(`Changing the login shell for ${name}\nEnter the new value, or press ENTER for the default\n`);
      shell = await changeField(ctx, 'Login Shell', pw.shell);
    }
    if (/[:,=\n]/.test(shell)) {
      await fail(ctx, `Invalid entry: ${shell}`);
      return 1;
    }
    if (!amroot && ((await restrictedShell(ctx, shell)) || !(await access(ctx, shell, 1)))) {
      await fail(ctx, `${shell} is an invalid shell`);
      return 1;
    }
    // even root is warned about a shell that cannot run
    if (!(await access(ctx, shell, 0))) await fail(ctx, `Warning: ${shell} does not exist`);
    else if (!(await access(ctx, shell, 1))) await fail(ctx, `Warning: ${shell} is not executable`);
    const locks = new Locks(ctx);
    try {
      const dbs = await lockAndRead(ctx, locks, ['/etc/passwd']);
      if (!dbs) return 1;
      const cur = dbs.passwd.get(name);
      if (!cur) {
        await fail(ctx, `user '${name}' does not exist in /etc/passwd`);
        return 1;
      }
      dbs.passwd.put({ ...cur, shell });
      await commitAll(sys, { passwd: dbs.passwd });
    } finally {
      await locks.release();
    }
    return 0;
  },
});
