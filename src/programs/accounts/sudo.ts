// sudo 1.9.15 as Photon builds it (PAM, passprompt "[sudo] password for %p: "): sudoers
// decides, the caller's own password authenticates (three tries), a per-tty timestamp in
// /run/sudo/ts lasts 5 minutes, the lecture is shown once per user, and the command runs as
// a child with the target's ids.
import { syslog, ttyOf } from '../lib/syslog';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { Accounts, type PasswdEntry } from '../lib/accounts';
import { resolveCommand } from '../lib/execvp';
import { failDelay, Prompter, verifyPassword } from './auth';
import { has, opt, parseArgs } from './common';
import { Db, SHADOW } from './db';
import { childError, runAs, targetOf } from './session';
import { lookup, privilegeLines, readSudoers, type Who } from './sudoers';

const VERSION = 'Sudo version 1.9.15p5';
const USAGE = `usage: sudo -h | -K | -k | -V
usage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]
usage: sudo -l [-ABkNnS] [-g group] [-h host] [-p prompt] [-U user]
            [-u user] [command [arg ...]]
usage: sudo [-ABbEHkNnPS] [-C num] [-D directory]
            [-g group] [-h host] [-p prompt] [-R directory] [-T timeout]
            [-u user] [VAR=value] [-i | -s] [command [arg ...]]
usage: sudo -e [-ABkNnS] [-C num] [-D directory]
            [-g group] [-h host] [-p prompt] [-R directory] [-T timeout]
            [-u user] file ...
`;
const HELP = `sudo - run a command as another user

${USAGE}
Options:
  -E, --preserve-env            keep the caller's environment
  -g, --group=group             run with this group
  -h, --help                    show this help and exit
  -i, --login                   run the target user's login shell
  -K, --remove-timestamp        forget the cached credentials entirely
  -k, --reset-timestamp         forget the cached credentials
  -l, --list                    list what the user may run
  -n, --non-interactive         never ask for a password
  -p, --prompt=prompt           use this password prompt
  -S, --stdin                   read the password from standard input
  -s, --shell                   run a shell as the target user
  -U, --other-user=user         with -l, list another user's privileges
  -u, --user=user               run as this user (default root)
  -V, --version                 show the version and exit
  -v, --validate                refresh the cached credentials
  --                            end of options
`;

const OPTIONS = [
  { key: 'A', short: 'A', long: 'askpass' }, { key: 'b', short: 'b', long: 'background' },
  { key: 'B', short: 'B', long: 'bell' },
  { key: 'C', short: 'C', long: 'close-from', arg: 'required' as const }, { key: 'D', short: 'D', long: 'chdir', arg: 'required' as const },
  { key: 'E', short: 'E', long: 'preserve-env' }, { key: 'e', short: 'e', long: 'edit' },
  { key: 'g', short: 'g', long: 'group', arg: 'required' as const }, { key: 'H', short: 'H', long: 'set-home' },
  { key: 'h', short: 'h', long: 'help' }, { key: 'i', short: 'i', long: 'login' },
  { key: 'K', short: 'K', long: 'remove-timestamp' }, { key: 'k', short: 'k', long: 'reset-timestamp' },
  { key: 'l', short: 'l', long: 'list' }, { key: 'N', short: 'N', long: 'no-update' },
  { key: 'n', short: 'n', long: 'non-interactive' }, { key: 'P', short: 'P', long: 'preserve-groups' },
  { key: 'p', short: 'p', long: 'prompt', arg: 'required' as const }, { key: 'S', short: 'S', long: 'stdin' },
  { key: 's', short: 's', long: 'shell' }, { key: 'U', short: 'U', long: 'other-user', arg: 'required' as const },
  { key: 'u', short: 'u', long: 'user', arg: 'required' as const }, { key: 'V', short: 'V', long: 'version' },
  { key: 'v', short: 'v', long: 'validate' },
];

const TS_DIR = '/run/sudo/ts';
const LECTURE_DIR = '/var/db/sudo/lectured';
const TIMEOUT_MS = 5 * 60_000;
const LECTURE = `
We trust you have received the usual lecture from the local System
Administrator. It usually boils down to these three things:

    #1) Respect the privacy of others.
    #2) Think before you type.
    #3) With great power comes great responsibility.

For security reasons, the password you type will not be visible.

`;

const decoder = new TextDecoder();

async function warn(ctx: Ctx, msg: string): Promise<void> {
  await ctx.err.write(`sudo: ${msg}\n`);
}

async function mkdirs(ctx: Ctx, path: string, mode: number): Promise<void> {
  let p = '';
  for (const part of path.split('/').filter(Boolean)) {
    p += `/${part}`;
    try {
      await ctx.sys.mkdir(p, mode);
    } catch {
      // exists
    }
  }
}

function ttyKey(ctx: Ctx): string {
  return ctx.sys.ttyname(0) ?? ctx.sys.ttyname(1) ?? ctx.sys.ttyname(2) ?? `ppid:${ctx.sys.getppid()}`;
}

async function ticketValid(ctx: Ctx, user: string): Promise<boolean> {
  try {
    const [tty, time] = decoder.decode(await ctx.sys.readFile(`${TS_DIR}/${user}`)).trim().split(' ');
    return tty === ttyKey(ctx) && ctx.sys.now() - Number(time) < TIMEOUT_MS && Number(time) <= ctx.sys.now();
  } catch {
    return false;
  }
}

async function updateTicket(ctx: Ctx, user: string): Promise<void> {
  await mkdirs(ctx, TS_DIR, 0o711);
  await ctx.sys.writeFile(`${TS_DIR}/${user}`, `${ttyKey(ctx)} ${ctx.sys.now()}\n`, { mode: 0o600 });
}

async function removeTicket(ctx: Ctx, user: string): Promise<void> {
  try {
    await ctx.sys.unlink(`${TS_DIR}/${user}`);
  } catch {
    // none
  }
}

/** check_user: lecture, prompt, three tries. True when authenticated. */
async function authenticate(ctx: Ctx, me: PasswdEntry, args: import('../lib/getopt').Parsed): Promise<boolean> {
  const sys = ctx.sys;
  const useStdin = has(args, 'S');
  if (has(args, 'n')) {
    await warn(ctx, 'a password is required');
    return false;
  }
  // tgetpass: the terminal, not standard input, unless -S
  let ttyFd: number | undefined;
  if (!useStdin) {
    try {
      ttyFd = await sys.open('/dev/tty', { read: true, write: true });
    } catch {
      await warn(ctx, 'a terminal is required to read the password; either use the -S option to read from standard input or configure an askpass helper');
      await warn(ctx, 'a password is required');
      return false;
    }
  }
  const lectured = `${LECTURE_DIR}/${me.name}`;
  let seen = true;
  try {
    await sys.stat(lectured);
  } catch {
    seen = false;
  }
  await ctx.flush();
  if (!seen) {
    if (ttyFd === undefined) await ctx.err.write(LECTURE);
    else await sys.write(ttyFd, LECTURE);
  }
  const hash = (await Db.read(sys, '/etc/shadow', SHADOW)).get(me.name)?.hash ?? '*';
  const prompt = (opt(args, 'p') ?? '[sudo] password for %p: ').replace(/%[pu]/g, me.name).replace(/%H/g, sys.uname().nodename).replace(/%h/g, sys.uname().nodename).replace(/%%/g, '%');
  const prompter = new Prompter(ctx, ttyFd ?? 0, ttyFd);
  let tries = 0;
  for (; tries < 3; tries++) {
    if (tries > 0) await ctx.err.write('Sorry, try again.\n');
    await ctx.err.flush();
    const answer = await prompter.secret(prompt);
    if (answer === undefined) break;
    if (verifyPassword(answer, hash)) {
      if (ttyFd !== undefined) sys.close(ttyFd);
      if (!seen) {
        await mkdirs(ctx, LECTURE_DIR, 0o700);
        await sys.writeFile(lectured, '', { mode: 0o600 });
      }
      return true;
    }
    await failDelay(ctx);
  }
  if (ttyFd !== undefined) sys.close(ttyFd);
  await warn(ctx, tries === 0 ? 'a password is required' : `${tries} incorrect password attempt${tries === 1 ? '' : 's'}`);
  if (tries > 0) {
    await syslog(sys, 'sudo', 5, `pam_unix(sudo:auth): authentication failure; logname=${me.name} uid=${me.uid} euid=0 tty=/dev/${ttyOf(sys)} ruser=${me.name} rhost=  user=${me.name}`);
  }
  failedTries = tries;
  return false;
}

/** Incorrect passwords of the last authenticate() (the journal line names them). */
let failedTries = 0;

function whoOf(acc: Accounts, pw: PasswdEntry, gids: number[]): Who {
  return { user: pw.name, uid: pw.uid, gids, groups: gids.map((g) => acc.groupName(g)).filter((n): n is string => n !== undefined) };
}

export default defineProgram({
  name: 'sudo',
  installPath: '/usr/bin/sudo',
  pkg: 'sudo',
  mode: 0o4755,
  async main(ctx) {
    const args = await parseArgs(ctx, OPTIONS, () => USAGE, 1, true);
    if (typeof args === 'number') return args;
    const sys = ctx.sys;
    if (has(args, 'V')) {
      await ctx.print(`${VERSION}\n${sys.getuid() === 0 ? 'Sudoers policy plugin version 1.9.15p5\nSudoers file grammar version 50\nSudoers I/O plugin version 1.9.15p5\nSudoers audit plugin version 1.9.15p5\n' : ''}`);
      return 0;
    }
    if (has(args, 'h')) {
      await ctx.print(HELP);
      return 0;
    }
    if (sys.geteuid() !== 0) {
      await warn(ctx, `effective uid is not 0, is ${ctx.name.includes('/') ? ctx.name : '/usr/bin/sudo'} on a file system with the 'nosuid' option set or an NFS file system without root privileges?`);
      return 1;
    }
    const acc = await Accounts.load(sys);
    const me = acc.userById(sys.getuid());
    if (!me) {
      await warn(ctx, `you do not exist in the passwd database`);
      return 1;
    }
    if (has(args, 'K') || (has(args, 'k') && args.operands.length === 0 && !has(args, 'l') && !has(args, 'v') && !has(args, 'i') && !has(args, 's'))) {
      await removeTicket(ctx, me.name);
      return 0;
    }
    const operands = [...args.operands];
    const setEnv = new Map<string, string>();
    while (operands.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(operands[0]!)) {
      const a = operands.shift()!;
      setEnv.set(a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1));
    }
    const mode = has(args, 'l') ? 'list' : has(args, 'v') ? 'validate' : 'run';
    // -U: whose privileges -l lists (root, or a user sudoers lets run anything, may ask)
    const otherName = opt(args, 'U');
    if (otherName !== undefined && mode !== 'list') {
      await warn(ctx, 'the -U option may only be used with the -l option');
      await ctx.err.write(USAGE);
      return 1;
    }
    const other = otherName === undefined ? undefined : acc.userByName(otherName);
    if (otherName !== undefined && !other) {
      await warn(ctx, `unknown user ${otherName}`);
      return 1;
    }
    if (mode === 'run' && operands.length === 0 && !has(args, 'i') && !has(args, 's')) {
      await ctx.err.write(USAGE);
      return 1;
    }
    const runasName = opt(args, 'u') ?? 'root';
    const runas = runasName.startsWith('#') ? acc.userById(Number(runasName.slice(1))) : acc.userByName(runasName);
    if (!runas) {
      await warn(ctx, `unknown user ${runasName}`);
      return 1;
    }
    const groupName = opt(args, 'g');
    if (groupName !== undefined && !acc.groupByName(groupName)) {
      await warn(ctx, `unknown group ${groupName}`);
      return 1;
    }
    const sudoers = await readSudoers(sys);
    if (sudoers.error) {
      await ctx.err.write(`sudo: ${sudoers.error.file}:${sudoers.error.line}:${sudoers.error.column}: syntax error\n${sudoers.error.text}\n^\n`);
      await warn(ctx, 'no valid sudoers sources found, quitting');
      return 1;
    }
    const who = whoOf(acc, me, acc.groupList(me.name, me.gid));
    const target = await targetOf(sys, runas);
    const runasGroups = target.groups.map((g) => acc.groupName(g) ?? '');
    if (groupName !== undefined) target.gid = acc.groupByName(groupName)!.gid;
    // what to run
    const env = new Map<string, string>();
    let path = '';
    let argv: string[] = [];
    const shellOf = (pw: PasswdEntry): string => pw.shell || '/bin/sh';
    if (mode === 'run') {
      if (has(args, 'i') || has(args, 's')) {
        const shell = has(args, 'i') ? shellOf(runas) : (ctx.env.get('SHELL') ?? shellOf(me));
        const base = shell.slice(shell.lastIndexOf('/') + 1);
        path = shell;
        argv = [has(args, 'i') ? `-${base}` : base, ...(operands.length ? ['-c', operands.map((a) => a.replace(/([^A-Za-z0-9_\-+=.,/:@])/g, '\\$1')).join(' ')] : [])];
      } else {
        const found = await resolveCommand(ctx, operands[0]!, ctx.env);
        path = typeof found === 'string' ? found : '';
        argv = operands;
      }
    }
    const verdict = lookup(sudoers, who, { user: runas.name, uid: runas.uid, group: groupName, groupsOfRunas: runasGroups }, mode === 'run' ? path || operands[0] || '' : 'list', mode === 'run' ? argv.slice(1) : []);
    const listAllowed = mode !== 'run' && verdict.userListed;
    const permitted = mode === 'run' ? verdict.allowed : listAllowed;
    // authentication: root and the NOPASSWD rules need none; a fresh ticket is enough
    const selfRun = runas.uid === me.uid && groupName === undefined;
    const needAuth = me.uid !== 0 && !selfRun && !(permitted && verdict.nopasswd) && (has(args, 'k') || !(await ticketValid(ctx, me.name)));
    const cmdText = [path || operands[0] || '', ...argv.slice(1)].join(' ');
    const logLine = (what: string): string => `${me.name.padStart(8)} : ${what}TTY=${ttyOf(sys)} ; PWD=${sys.getcwd()} ; USER=${runas.name} ; COMMAND=${cmdText}`;
    if (needAuth && !(await authenticate(ctx, me, args))) {
      if (failedTries > 0 && mode === 'run') await syslog(sys, 'sudo', 1, logLine(`${failedTries} incorrect password attempt${failedTries === 1 ? '' : 's'} ; `));
      return 1;
    }
    if (me.uid !== 0 && (permitted || !needAuth) && !has(args, 'N')) await updateTicket(ctx, me.name);
    if (!verdict.userListed && me.uid !== 0) {
      if (mode === 'run') await syslog(sys, 'sudo', 1, logLine('user NOT in sudoers ; '));
      await ctx.err.write(`${me.name} is not in the sudoers file.\n`);
      return 1;
    }
    if (mode === 'validate') return 0;
    if (mode === 'list') {
      const host = sys.uname().nodename;
      const listed = other ?? me;
      const lines = privilegeLines(sudoers, other ? whoOf(acc, other, acc.groupList(other.name, other.gid)) : who);
      if (!lines.length) {
        await ctx.print(`User ${listed.name} is not allowed to run sudo on ${host}.\n`);
        return 0;
      }
      const defaults = sudoers.defaults.filter((d) => d !== '');
      await ctx.print(`${defaults.length ? `Matching Defaults entries for ${listed.name} on ${host}:\n    ${defaults.join(', ')}\n\n` : ''}User ${listed.name} may run the following commands on ${host}:\n${lines.join('\n')}\n`);
      return 0;
    }
    if (!permitted && me.uid !== 0) {
      await syslog(sys, 'sudo', 1, logLine('command not allowed ; '));
      const cmd = [path || operands[0] || '', ...argv.slice(1)].join(' ');
      await ctx.err.write(`Sorry, user ${me.name} is not allowed to execute '${cmd}' as ${runas.name}${groupName ? `:${groupName}` : ''} on ${sys.uname().nodename}.\n`);
      return 1;
    }
    if (!path) {
      await warn(ctx, `${operands[0]}: command not found`);
      return 1;
    }
    await syslog(sys, 'sudo', 5, logLine(''));
    await syslog(sys, 'sudo', 6, `pam_unix(sudo:session): session opened for user ${runas.name}(uid=${runas.uid}) by ${me.name}(uid=${me.uid})`);
    buildEnv(ctx, env, me, runas, has(args, 'E') && verdict.setenv, has(args, 'i'), [path, ...argv.slice(1)].join(' '));
    for (const [k, v] of setEnv) env.set(k, v);
    const status = await runAs(ctx, {
      target, path, argv, env,
      cwd: has(args, 'i') ? runas.home : opt(args, 'D'),
      async onChdirFail(c) {
        if (has(args, 'i')) {
          await childError(c, `sudo: unable to change directory to ${runas.home}: No such file or directory\n`);
          return true;
        }
        return false;
      },
      async onExecFail(c, errno) {
        await childError(c, `sudo: unable to execute ${path}: ${errno === 'EACCES' ? 'Permission denied' : errno === 'ENOENT' ? 'No such file or directory' : 'Exec format error'}\n`);
        return 1;
      },
    });
    await syslog(sys, 'sudo', 6, `pam_unix(sudo:session): session closed for user ${runas.name}`);
    return status;
  },
});

/** env_reset: a small kept set, the target's identity, and the SUDO_* variables. */
function buildEnv(ctx: Ctx, env: Map<string, string>, me: PasswdEntry, runas: PasswdEntry, preserve: boolean, login: boolean, command: string): void {
  const old = ctx.env;
  if (preserve) for (const [k, v] of old) env.set(k, v);
  else {
    const keep = login ? ['TERM', 'DISPLAY', 'XAUTHORITY'] : ['COLORS', 'DISPLAY', 'HOSTNAME', 'LS_COLORS', 'PATH', 'PS1', 'PS2', 'TZ', 'XAUTHORITY', 'XAUTHORIZATION', 'TERM', 'LANG', 'LANGUAGE', 'LC_ALL', 'COLORTERM'];
    for (const k of keep) {
      const v = old.get(k);
      if (v !== undefined) env.set(k, v);
    }
  }
  if (login || !env.has('PATH')) env.set('PATH', old.get('PATH') ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
  env.set('MAIL', `/var/mail/${runas.name}`);
  env.set('HOME', runas.home);
  env.set('LOGNAME', runas.name);
  env.set('USER', runas.name);
  env.set('SHELL', runas.shell || '/bin/sh');
  env.set('SUDO_COMMAND', command);
  env.set('SUDO_USER', me.name);
  env.set('SUDO_UID', String(me.uid));
  env.set('SUDO_GID', String(me.gid));
}
