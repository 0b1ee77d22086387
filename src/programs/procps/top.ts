// top (procps-ng 4.0.4): the summary area and task table of top-frame.ts. Batch mode (-b,
// or output that is not a terminal) prints -n iterations; on a terminal top-screen.ts runs it
// full screen, redrawing every -d seconds until q or Ctrl-C.
import { defineProgram } from '../define';
import { Accounts } from '../lib/accounts';
import { getopt, GetoptError } from '../lib/getopt';
import { Terminal } from '../pagers/terminal';
import { buildFrame, DEFAULT_VIEW, plain, takeSample, type SortField, type View } from './top-frame';
import { PRIME_MS, TopScreen } from './top-screen';

const R = 'required' as const;
// the -o field names this top knows (procps's are the column headers)
const FIELDS = new Set<SortField>(['%CPU', '%MEM', 'PID', 'TIME+', 'USER', 'COMMAND', 'RES', 'VIRT', 'NI', 'PR']);

/** The field names top knows (top -O), which -o accepts; case matters. */
const TOP_FIELDS = ('PID PPID UID USER RUID RUSER SUID SUSER GID GROUP PGRP TTY TPGID SID PR NI nTH P %CPU TIME TIME+ %MEM VIRT SWAP RES ' +
  'CODE DATA SHR nMaj nMin nDRT S COMMAND WCHAN Flags CGROUPS SUPGIDS SUPGRPS TGID OOMa OOMs ENVIRON vMj vMn USED nsIPC nsMNT nsNET ' +
  'nsPID nsUSER nsUTS LXC RSan RSfd RSlk RSsh CGNAME NU LOGID EXE RSS PSS PSan PSfd PSsh USS ioR ioRop ioW ioWop AGID AGNI STARTED ' +
  'ELAPSED %CUU %CUC nsCGROUP nsTIME').split(' ');

// top -h, in our words, laid out as procps-ng 4 lays it out
const TOP_USAGE = `
Usage:
 top [options]

Options:
 -b, --batch-mode                write plain frames, for pipes and files
 -c, --cmdline-toggle            flip the remembered 'c' (command line) state
 -d, --delay =SECS [.TENTHS]     wait this long between frames
 -E, --scale-summary-mem =SCALE  show summary memory in k,m,g,t,p or e units
 -e, --scale-task-mem =SCALE     show task memory in k,m,g,t or p units
 -H, --threads-show              list threads as well as tasks
 -i, --idle-toggle               flip the remembered 'i' (idle tasks) state
 -n, --iterations =NUMBER        stop after this many frames
 -O, --list-fields               print every field name and exit
 -o, --sort-override =FIELD      sort on the named FIELD
 -p, --pid =PIDLIST              watch only the tasks in PIDLIST
 -S, --accum-time-toggle         flip the remembered 'S' (cumulative time) state
 -s, --secure-mode               run with the secure-mode restrictions
 -U, --filter-any-user =USER     show only tasks with USER as any of their users
 -u, --filter-only-euser =USER   show only tasks whose effective user is USER
 -w, --width [=COLUMNS]          set the output width [to COLUMNS]
 -1, --single-cpu-toggle         flip the remembered '1' (one CPU line) state

 -h, --help                      show this help and exit
 -V, --version                   show the version and exit

For more details see top(1).
`;

export default defineProgram({
  name: 'top',
  installPath: '/usr/bin/top',
  pkg: 'procps-ng',
  async main(ctx) {
    let p;
    try {
      p = getopt(ctx.argv.slice(1), [
        { key: 'b', short: 'b', long: 'batch-mode' }, { key: 'c', short: 'c', long: 'cmdline-toggle' },
        { key: 'd', short: 'd', long: 'delay', arg: R }, { key: 'H', short: 'H', long: 'threads-show' },
        { key: 'i', short: 'i', long: 'idle-toggle' }, { key: 'n', short: 'n', long: 'iterations', arg: R },
        { key: 'o', short: 'o', long: 'sort-override', arg: R }, { key: 'p', short: 'p', long: 'pid', arg: R },
        { key: 's', short: 's', long: 'secure-mode' }, { key: 'S', short: 'S', long: 'accum-time-toggle' },
        { key: 'u', short: 'u', long: 'filter-only-euser', arg: R }, { key: 'U', short: 'U', long: 'filter-any-user', arg: R },
        { key: 'w', short: 'w', long: 'width', arg: 'optional' }, { key: 'E', short: 'E', long: 'scale-summary-mem', arg: R },
        { key: 'e', short: 'e', long: 'scale-task-mem', arg: R }, { key: 'h', short: 'h', long: 'help' }, { key: 'V', short: 'V', long: 'version' },
        { key: 'O', short: 'O', long: 'list-fields' }, { key: '1', short: '1', long: 'single-cpu-toggle' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      // top 4 leaves the message to getopt and leaves quietly (bye_bye), status 0
      await ctx.err.write(`top: ${e.message}\n`);
      return 0;
    }
    if (p.flags.has('h')) {
      await ctx.print(TOP_USAGE);
      return 0;
    }
    if (p.flags.has('V')) {
      await ctx.print('top from procps-ng 4.0.4\n');
      return 0;
    }
    if (p.flags.has('O')) {
      await ctx.print(TOP_FIELDS.map((f) => `${f}\n`).join(''));
      return 0;
    }
    const sys = ctx.sys;
    const v = (k: string): string | undefined => p.values.get(k)?.at(-1);
    const sortArg = v('o')?.replace(/^[+-]/, '');
    if (sortArg !== undefined && !TOP_FIELDS.includes(sortArg)) {
      await ctx.err.write(`top: unrecognized field name '${sortArg}'\n`);
      return 1;
    }
    const badPid = v('p')?.split(',').find((x) => !/^\d+$/.test(x));
    if (badPid !== undefined) {
      await ctx.err.write(`top: bad pid '${badPid}'\n`);
      return 1;
    }
    const iterations = v('n') !== undefined ? Number(v('n')) : Infinity;
    if (v('n') !== undefined && !(iterations >= 1)) {
      await ctx.err.write(`top: bad iterations argument '${v('n')}'\n`);
      return 1;
    }
    const delay = v('d') !== undefined ? Number(v('d')) : 3;
    if (!(delay >= 0)) {
      await ctx.err.write(`top: bad delay interval '${v('d')}'\n`);
      return 1;
    }
    const user = v('u') ?? v('U');
    let uid: number | undefined;
    if (user !== undefined) {
      const acc = await Accounts.load(sys);
      uid = /^\d+$/.test(user) ? Number(user) : acc.userByName(user)?.uid;
      if (uid === undefined) {
        await ctx.err.write(`top: Invalid user\n`);
        return 1;
      }
    }
    const pids = v('p')?.split(',').map(Number);
    const batch = p.flags.has('b') || !sys.isatty(1);
    const widthOpt = p.values.get('w');
    const sortName = v('o')?.replace(/^[+-]/, '').toUpperCase();
    const view: View = {
      ...DEFAULT_VIEW, pids, uid, cmdline: p.flags.has('c'),
      sort: sortName && FIELDS.has(sortName as SortField) ? (sortName as SortField) : '%CPU',
      reverse: v('o')?.startsWith('-') ?? false, idle: !p.flags.has('i'),
    };
    // top primes its sampling: the first frame's %CPU covers a short wait before it
    let before = await takeSample(sys);
    await sys.sleep(PRIME_MS);
    const term = batch ? undefined : await Terminal.open(sys);
    if (!term) {
      const width = widthOpt ? (widthOpt[0] ? Number(widthOpt[0]) : 512) : 512;
      for (let i = 0; i < iterations; i++) {
        if (i > 0) {
          await ctx.out.flush();
          await sys.sleep(delay * 1000);
          await ctx.print('\n');
        }
        const now = await takeSample(sys);
        const f = await buildFrame(ctx, before, now, view, width);
        before = now;
        await ctx.print(`${[...f.summary.map(plain), '', f.header, ...f.rows.map((r) => r.text)].join('\n')}\n`);
      }
      return 0;
    }
    await ctx.flush();
    term.raw();
    term.write('\x1b[?1049h\x1b[?25l\x1b[H\x1b[2J');
    try {
      await new TopScreen(ctx, term, view, delay).run(iterations, before);
    } finally {
      term.write('\x1b[?25h\x1b[?1049l');
      await term.flush();
      term.restore();
      term.close();
    }
    return 0;
  },
});
