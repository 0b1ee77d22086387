import { defineProgram, usageError } from '../define';
import { flag } from '../lib/getopt';
import { coreutilsHelpFooter, coreutilsVersion, HELP_LINES } from '../lib/gnu';
import { formatTime } from '../lib/nstrftime';
import { quote } from '../lib/quote';
import { localZone } from '../lib/tz';
import { hardTimeLocale, readUtmp, type UtmpEntry } from '../lib/utmp';

const spec = {
  name: 'who',
  installPath: '/usr/bin/who',
  pkg: 'coreutils',
  usage: 'who [OPTION]... [ FILE | ARG1 ARG2 ]',
  help: `Show who is logged on, from the login records.

  -a, --all         like -b -d --login -p -r -t -T -u
  -b, --boot        time of the last system boot
  -d, --dead        dead processes
  -H, --heading     print a line of column headings
  -l, --login       system login processes
      --lookup      canonicalize host names through DNS
  -m                only the terminal of standard input
  -p, --process     active processes spawned by init
  -q, --count       all login names and the number of users logged on
  -r, --runlevel    current runlevel
  -s, --short       only name, line and time (the default)
  -t, --time        last system clock change
  -T, -w, --mesg    add the user's message status as +, - or ?
  -u, --users       list users logged in
      --message     same as -T
      --writable    same as -T
${HELP_LINES}

'who am i' (any two operands) is the same as -m.
${coreutilsHelpFooter('who')}`,
  version: coreutilsVersion('who', ['Joseph Arceneaux', 'David MacKenzie', 'Michael Stone']),
  options: [
    { key: 'a', short: 'a', long: 'all' }, { key: 'b', short: 'b', long: 'boot' }, { key: 'd', short: 'd', long: 'dead' },
    { key: 'H', short: 'H', long: 'heading' }, { key: 'l', short: 'l', long: 'login' }, { key: 'lookup', long: 'lookup' },
    { key: 'm', short: 'm' }, { key: 'p', short: 'p', long: 'process' }, { key: 'q', short: 'q', long: 'count' },
    { key: 'r', short: 'r', long: 'runlevel' }, { key: 's', short: 's', long: 'short' }, { key: 't', short: 't', long: 'time' },
    { key: 'T', short: 'T', long: 'mesg' }, { key: 'T', short: 'w', long: 'message' }, { key: 'T', long: 'writable' },
    { key: 'u', short: 'u', long: 'users' },
  ],
};

export default defineProgram({
  ...spec,
  async main(ctx, args) {
    const f = (k: string): boolean => flag(args, k);
    const all = f('a');
    const needBoot = all || f('b');
    const needRunlevel = all || f('r');
    let needUsers = all || f('u');
    let shortOutput = f('s');
    const includeMesg = all || f('T');
    const includeIdle = all || f('d') || f('l') || f('r') || f('u');
    const includeExit = all || f('d');
    const assumptions = !(all || f('b') || f('d') || f('l') || f('p') || f('r') || f('t') || f('u'));
    if (assumptions) {
      needUsers = true;
      shortOutput = true;
    }
    if (includeExit) shortOutput = false;
    let myLineOnly = f('m');
    const ops = args.operands;
    if (ops.length > 2) return usageError(ctx, spec, `extra operand ${quote(ops[2]!)}`);
    if (ops.length === 2) myLineOnly = true;
    let entries = await readUtmp(ctx.sys);
    if (ops.length === 1 && ops[0] !== '/var/run/utmp' && ops[0] !== '/run/utmp') entries = [];
    if (f('q')) {
      const names = entries.filter((e) => e.kind === 'user').map((e) => e.user);
      await ctx.print(`${names.join(' ')}\n# users=${names.length}\n`);
      return 0;
    }
    const hard = hardTimeLocale(ctx.env);
    const timeFormat = hard ? '%Y-%m-%d %H:%M' : '%b %e %H:%M';
    const timeWidth = hard ? 16 : 12;
    const tz = await localZone(ctx.sys);
    const now = ctx.sys.now();
    const timeOf = (e: UtmpEntry): string => formatTime(timeFormat, Math.floor(e.time / 1000), 0, tz);
    const line = (user: string, state: string, tty: string, time: string, idle: string, pid: string, comment: string, exit: string): string => {
      const xIdle = includeIdle && !shortOutput ? ` ${idle.padEnd(6)}` : '';
      const xPid = !shortOutput ? ` ${pid.padStart(10)}` : '';
      const xExit = includeExit ? ` ${exit.padEnd(12)}` : '';
      const mesg = includeMesg ? ` ${state}` : '';
      return `${user.padEnd(8)}${mesg} ${tty.padEnd(12)} ${time.padEnd(timeWidth)}${xIdle}${xPid} ${comment.padEnd(8)}${xExit}`.replace(/ +$/, '');
    };
    const out: string[] = [];
    if (f('H')) out.push(line('NAME', ' ', 'LINE', 'TIME', 'IDLE', 'PID', 'COMMENT', 'EXIT'));
    let mine: string | undefined;
    if (myLineOnly) {
      mine = ctx.sys.ttyname(0)?.replace(/^\/dev\//, '');
      if (mine === undefined) entries = [];
    }
    let boottime = -Infinity;
    for (const e of entries) {
      if (mine === undefined || e.line === mine) {
        if (needUsers && e.kind === 'user') {
          let state = '?';
          let idle = '  ?';
          try {
            const st = await ctx.sys.stat(`/dev/${e.line}`);
            state = st.mode & 0o020 ? '+' : '-';
            const when = Math.floor(st.atime / 1000);
            const nowS = Math.floor(now / 1000);
            if (boottime < when && nowS - 86400 < when && when <= nowS) {
              const s = nowS - when;
              idle = s < 60 ? '  .  ' : `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}`;
            } else idle = ' old ';
          } catch {
            // no such terminal
          }
          out.push(line(e.user, state, e.line, timeOf(e), idle, String(e.pid), e.host ? `(${e.host})` : '', ''));
        } else if (needRunlevel && e.kind === 'runlevel') {
          out.push(line('', ' ', `run-level ${String.fromCharCode(e.pid % 256)}`, timeOf(e), '', '', '', ''));
        } else if (needBoot && e.kind === 'boot') {
          out.push(line('', ' ', 'system boot', timeOf(e), '', '', '', ''));
        }
      }
      if (e.kind === 'boot') boottime = Math.floor(e.time / 1000);
    }
    if (out.length) await ctx.print(`${out.join('\n')}\n`);
    return 0;
  },
});
