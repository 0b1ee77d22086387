// su from shadow 4.13 (Photon ships shadow's su, not util-linux's; the environment follows
// util-linux's, see buildEnv), with Photon's PAM
// stack: root needs no password (pam_rootok), others give the target's password
// (pam_unix). A non-root caller must be on a terminal; a target whose shell is not in
// /etc/shells gets that shell anyway unless root asked for another with -s.
import { LOG_AUTH, syslog, ttyOf } from '../lib/syslog';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { Accounts } from '../lib/accounts';
import { failDelay, Prompter, verifyPassword } from './auth';
import { fail, has, opt, parseArgs, progName } from './common';
import { Db, SHADOW } from './db';
import { LoginDefs } from './defs';
import { childError, runAs, targetOf } from './session';

const USAGE = `Usage: su [options] [-] [username [args]]

Options:
  -c, --command COMMAND         give COMMAND to the shell to run
  -h, --help                    show this help and exit
  -, -l, --login                start a login shell
  -m, -p,
  --preserve-environment        keep the environment (and the current shell)
  -s, --shell SHELL             run SHELL instead of the one in passwd

With no username, su becomes root.
`;

const OPTIONS = [
  { key: 'c', short: 'c', long: 'command', arg: 'required' as const },
  { key: 'h', short: 'h', long: 'help' },
  { key: 'l', short: 'l', long: 'login' },
  { key: 'm', short: 'm' },
  { key: 'p', short: 'p', long: 'preserve-environment' },
  { key: 's', short: 's', long: 'shell', arg: 'required' as const },
];

const decoder = new TextDecoder();

/** getusershell(3): a shell missing from /etc/shells is "restricted". */
export async function restrictedShell(ctx: Ctx, shell: string): Promise<boolean> {
  let text = '';
  try {
    text = decoder.decode(await ctx.sys.readFile('/etc/shells'));
  } catch {
    text = '/bin/sh\n/bin/csh\n';
  }
  return !text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).includes(shell);
}

export default defineProgram({
  name: 'su',
  installPath: '/usr/bin/su',
  pkg: 'shadow',
  mode: 0o4755,
  async main(ctx) {
    const args = await parseArgs(ctx, OPTIONS, () => USAGE, 1);
    if (typeof args === 'number') return args;
    if (has(args, 'h')) {
      await ctx.print(USAGE);
      return 0;
    }
    const sys = ctx.sys;
    const callerUid = sys.getuid();
    const callerIsRoot = callerUid === 0;
    if (!sys.isatty(0) && !callerIsRoot) {
      await fail(ctx, 'must be run from a terminal');
      return 1;
    }
    const acc = await Accounts.load(sys);
    if (!acc.userById(callerUid)) {
      await fail(ctx, 'Cannot determine your user name.');
      return 1;
    }
    let login = has(args, 'l');
    const operands = [...args.operands];
    if (operands[0] === '-') {
      login = true;
      operands.shift();
    }
    const name = operands.shift() ?? acc.userById(0)?.name ?? 'root';
    const command = opt(args, 'c');
    let changeEnv = !(has(args, 'm') || has(args, 'p'));
    const pw = acc.userByName(name);
    if (!pw) {
      await ctx.err.write(`No passwd entry for user '${name}'\n`);
      return 1;
    }
    if (!callerIsRoot) {
      const shadow = await Db.read(sys, '/etc/shadow', SHADOW);
      const hash = shadow.get(name)?.hash ?? '*';
      const answer = await new Prompter(ctx).secret('Password: ');
      if (answer === undefined || !verifyPassword(answer, hash)) {
        const caller = acc.userById(callerUid)!.name;
        await syslog(sys, 'su', 5, `pam_unix(su:auth): authentication failure; logname=${caller} uid=${callerUid} euid=0 tty=/dev/${ttyOf(sys)} ruser=${caller} rhost=  user=${name}`);
        await syslog(sys, 'su', 4, `FAILED SU (to ${name}) ${caller} on ${ttyOf(sys)}`, LOG_AUTH);
        await failDelay(ctx);
        await ctx.err.write(`${progName(ctx)}: ${answer === undefined ? 'Authentication token manipulation error' : 'Authentication failure'}\n`);
        return 1;
      }
    }
    let shell = opt(args, 's');
    if (shell === undefined && !changeEnv) shell = ctx.env.get('SHELL');
    if (!callerIsRoot && (await restrictedShell(ctx, pw.shell))) {
      shell = undefined;
      changeEnv = true;
    }
    if (shell === undefined || shell === '') shell = pw.shell || '/bin/sh';
    const defs = await LoginDefs.load(sys);
    const env = buildEnv(ctx.env, pw, shell, login && changeEnv, changeEnv, defs);
    const base = shell.slice(shell.lastIndexOf('/') + 1);
    const argv0 = login ? `-${defs.str('SU_NAME', base)}` : base;
    const argv = command !== undefined ? [argv0, '-c', command, ...operands] : [argv0, ...operands];
    const doshell = command === undefined && operands.length === 0;
    const target = await targetOf(sys, pw);
    const finalShell = shell;
    const caller = acc.userById(callerUid)!;
    await syslog(sys, 'su', 5, `(to ${name}) ${caller.name} on ${ttyOf(sys)}`, LOG_AUTH);
    await syslog(sys, 'su', 6, `pam_unix(su${login ? '-l' : ''}:session): session opened for user ${name}(uid=${pw.uid}) by ${caller.name}(uid=${callerUid})`);
    const status = await runAs(ctx, {
      target, path: finalShell, argv, env,
      cwd: login && changeEnv ? pw.home : undefined,
      async onChdirFail(c) {
        if (!defs.bool('DEFAULT_HOME')) {
          await childError(c, `Unable to cd to '${pw.home}'\n`);
          return false;
        }
        await c.chdir('/');
        await c.write(1, 'No directory, logging in with HOME=/\n');
        env.set('HOME', '/');
        return true;
      },
      async onExecFail(c, errno) {
        const text = doshell ? `Cannot execute ${finalShell}: ${errnoText(errno)}\n` : `Cannot execute ${finalShell}\n`;
        await childError(c, text);
        return errno === 'ENOENT' ? 127 : 126;
      },
    });
    await syslog(sys, 'su', 6, `pam_unix(su${login ? '-l' : ''}:session): session closed for user ${name}`);
    return status;
  },
});

function errnoText(errno: string): string {
  return errno === 'ENOENT' ? 'No such file or directory' : errno === 'EACCES' ? 'Permission denied' : 'Exec format error';
}

/**
 * The environment the shell gets. PATH follows util-linux su (modify_environment), which the
 * recorded cases were made with: a login shell (-, -l) gets ENV_SUPATH or ENV_PATH from
 * login.defs, a plain su keeps the caller's PATH; shadow's su would set it either way. A
 * plain su sets USER and LOGNAME only for a target other than root.
 */
function buildEnv(old: Map<string, string>, pw: { name: string; uid: number; home: string }, shell: string, fresh: boolean, changeEnv: boolean, defs: LoginDefs): Map<string, string> {
  const env = new Map<string, string>();
  if (fresh) {
    for (const k of ['TERM', 'COLORTERM', 'DISPLAY', 'XAUTHORITY']) {
      const v = old.get(k);
      if (v !== undefined) env.set(k, v);
    }
  } else {
    for (const [k, v] of old) env.set(k, v);
  }
  if (changeEnv) {
    env.set('HOME', pw.home);
    env.set('SHELL', shell);
    if (fresh || pw.uid !== 0) {
      env.set('USER', pw.name);
      env.set('LOGNAME', pw.name);
    }
  }
  if (fresh) {
    const path = defs.str(pw.uid === 0 ? 'ENV_SUPATH' : 'ENV_PATH', pw.uid === 0 ? 'PATH=/sbin:/bin:/usr/sbin:/usr/bin' : 'PATH=/bin:/usr/bin');
    env.set('PATH', path.includes('=') ? path.slice(path.indexOf('=') + 1) : path);
  }
  return env;
}
