// runuser (util-linux 2.38, su-common.c in runuser mode): root runs a command as another user
// without authentication. `-u USER [--] COMMAND...` execs the command itself (PATH search)
// with HOME, USER and LOGNAME of the target; without -u it behaves as su: the target's shell
// (or -s), -c, -l/- for a login environment. -g/-G pick the groups. Anyone but root is refused.
import { type Errno, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { Accounts } from '../lib/accounts';
import { resolveCommand } from '../lib/execvp';
import { getopt, GetoptError } from '../lib/getopt';
import { childError, runAs, targetOf } from '../accounts/session';
import { LoginDefs } from '../accounts/defs';
import { utilLinuxVersion } from './common';

const HELP = `
Usage:
 runuser [options] -u <user> [[--] <command>]
 runuser [options] [-] [<user> [<argument>...]]

Runs <command> as <user> (root only, no password asked). Without -u it works as su(1)
does and starts a shell. -u cannot be combined with -c, -f, -l or -s.

Options:
 -u, --user <user>               the user to run as
 -m, -p, --preserve-environment      keep the environment as it is
 -w, --whitelist-environment <list>  variables a login environment keeps

 -g, --group <group>             primary group to use
 -G, --supp-group <group>        add a supplementary group

 -, -l, --login                  start a login shell
 -c, --command <command>         hand <command> to the shell with -c
 --session-command <command>     the same, staying in this session
 -f, --fast                      give the shell -f (csh, tcsh)
 -s, --shell <shell>             use this shell
 -P, --pty                       use a new pseudo-terminal

 -h, --help                      display this help
 -V, --version                   display version


For more details see runuser(1).
`;

const DEFPATH = '/usr/local/bin:/bin:/usr/bin';
const DEFPATH_ROOT = '/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin';

/** logindefs_setenv: a value written as `NAME=value` loses its prefix. */
function pathValue(v: string): string {
  const eq = v.indexOf('=');
  return eq >= 0 && v.startsWith('PATH') && eq + 1 < v.length ? v.slice(eq + 1) : v;
}

async function die(ctx: Ctx, msg: string): Promise<number> {
  await ctx.err.write(`runuser: ${msg}\n`);
  return 1;
}

export default defineProgram({
  name: 'runuser',
  installPath: '/usr/sbin/runuser',
  pkg: 'util-linux',
  async main(ctx) {
    const sys = ctx.sys;
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: 'c', short: 'c', long: 'command', arg: 'required' }, { key: 'C', long: 'session-command', arg: 'required' },
        { key: 'f', short: 'f', long: 'fast' }, { key: 'g', short: 'g', long: 'group', arg: 'required' },
        { key: 'G', short: 'G', long: 'supp-group', arg: 'required' }, { key: 'l', short: 'l', long: 'login' },
        { key: 'm', short: 'm' }, { key: 'p', short: 'p', long: 'preserve-environment' }, { key: 'P', short: 'P', long: 'pty' },
        { key: 's', short: 's', long: 'shell', arg: 'required' }, { key: 'u', short: 'u', long: 'user', arg: 'required' },
        { key: 'h', short: 'h', long: 'help' }, { key: 'V', short: 'V', long: 'version' },
        { key: 'w', short: 'w', long: 'whitelist-environment', arg: 'required' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`runuser: ${e.message}\nTry 'runuser --help' for more information.\n`);
      return 1;
    }
    const acc = await Accounts.load(sys);
    let command: string | undefined;
    let login = false;
    let changeEnv = true;
    let shell: string | undefined;
    let user: string | undefined;
    let fast = false;
    const keep: string[] = [];
    const groups: number[] = [];
    let gid: number | undefined;
    let supp = false;
    // err_exclusive_options: each row remembers the first of its options seen
    const rows = [['m', 'w'], ['p', 'w']];
    const seen: (string | undefined)[] = rows.map(() => undefined);
    const optName: Record<string, string> = { m: '-m', p: '--preserve-environment', w: '--whitelist-environment' };
    for (const { key, value } of p.order) {
      const v = value ?? '';
      for (let r = 0; r < rows.length; r++) {
        if (!rows[r]!.includes(key)) continue;
        if (seen[r] === undefined) seen[r] = key;
        else if (seen[r] !== key) {
          await ctx.err.write(`runuser: mutually exclusive arguments: ${rows[r]!.map((k) => optName[k]).join(' ')}\n`);
          return 1;
        }
      }
      switch (key) {
        case 'c': case 'C': command = v; break;
        case 'f': fast = true; break;
        case 'g': case 'G': {
          const g = acc.groupByName(v);
          if (!g) return die(ctx, `group ${v} does not exist`);
          groups.push(g.gid);
          if (key === 'g') gid = g.gid;
          else supp = true;
          break;
        }
        case 'l': login = true; break;
        case 'm': case 'p': changeEnv = false; break;
        case 'w': keep.push(...v.split(',').filter(Boolean)); break;
        case 's': shell = v; break;
        case 'u': user = v; break;
        case 'h': return ctx.print(HELP).then(() => 0);
        case 'V': return ctx.print(`${utilLinuxVersion('runuser')}\n`).then(() => 0);
        case 'P': break;
      }
    }
    const operands = [...p.operands];
    if (operands[0] === '-') {
      login = true;
      operands.shift();
    }
    if (login && !changeEnv) {
      await ctx.err.write("runuser: ignoring --preserve-environment, it's mutually exclusive with --login\n");
      changeEnv = true;
    }
    const uopt = user !== undefined;
    if (uopt) {
      if (shell !== undefined || fast || command !== undefined || login) return die(ctx, 'options --{shell,fast,command,session-command,login} and --user are mutually exclusive');
      if (!operands.length) return die(ctx, 'no command was specified');
    } else if (operands.length) user = operands.shift();
    const root = sys.getuid() === 0 && sys.geteuid() === 0;
    if (groups.length && !root) return die(ctx, 'only root can specify alternative groups');
    const name = user ?? 'root';
    const pw = acc.userByName(name);
    if (!pw || pw.home === '') return die(ctx, `user ${name} does not exist or the user entry does not contain all the required fields`);
    if (!root) return die(ctx, 'may not be used by non-root users');
    const target = await targetOf(sys, pw);
    if (groups.length) {
      target.gid = gid ?? (supp ? groups[0]! : target.gid);
      target.groups = groups;
    }
    const pwShell = pw.shell || '/bin/sh';
    if (!uopt) {
      if (shell === undefined && !changeEnv) shell = ctx.env.get('SHELL');
      shell = shell ?? pwShell;
    }
    const defs = await LoginDefs.load(sys);
    const setPath = (env: Map<string, string>): void => {
      const v = pw.uid ? defs.str('ENV_PATH', DEFPATH) : defs.str('ENV_SUPATH', defs.str('ENV_ROOTPATH', DEFPATH_ROOT));
      env.set('PATH', pathValue(v));
    };
    let env = new Map(ctx.env);
    if (login) {
      const saved = new Map<string, string>();
      for (const k of ['TERM', ...keep]) if (ctx.env.has(k)) saved.set(k, ctx.env.get(k)!);
      env = new Map();
      if (shell) env.set('SHELL', shell);
      setPath(env);
      env.set('HOME', pw.home);
      env.set('USER', pw.name);
      env.set('LOGNAME', pw.name);
      for (const [k, v] of saved) if (!env.has(k)) env.set(k, v);
    } else if (changeEnv) {
      env.set('HOME', pw.home);
      if (shell) env.set('SHELL', shell);
      if (defs.bool('ALWAYS_SET_PATH')) setPath(env);
      if (pw.uid) {
        env.set('USER', pw.name);
        env.set('LOGNAME', pw.name);
      }
    }
    let path: string;
    let argv: string[];
    let execError: string | undefined;
    if (shell) {
      const base = shell.slice(shell.lastIndexOf('/') + 1);
      argv = [login ? `-${base}` : base, ...(fast ? ['-f'] : []), ...(command !== undefined ? ['-c', command] : []), ...operands];
      path = shell;
    } else {
      argv = operands;
      const found = await resolveCommand(ctx, operands[0]!, env);
      if (typeof found === 'string') path = found;
      else {
        path = operands[0]!;
        execError = found.errno;
      }
    }
    const finalShell = shell;
    return runAs(ctx, {
      target, path, argv, env, execError,
      cwd: login ? pw.home : undefined,
      async onChdirFail(c, errno) {
        await childError(c, `runuser: warning: cannot change directory to ${pw.home}: ${strerror(errno as Errno)}\n`);
        return true;
      },
      async onExecFail(c, errno) {
        await childError(c, `runuser: failed to execute ${finalShell ?? operands[0]}: ${strerror(errno as Errno)}\n`);
        return finalShell ? (errno === 'ENOENT' ? 127 : 126) : 1;
      },
    });
  },
});
