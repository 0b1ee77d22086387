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
        { key: 'e', short: 'e', long: 'scale-task-mem', arg: R }, { key: 'h', short: 'h', long: 'help' }, { key: 'V', short: 'v', long: 'version' },
      ]);
    } catch (e) {
      if (!(e instanceof GetoptError)) throw e;
      await ctx.err.write(`top: ${e.message}\nUsage:\n  top -hv | -bcEeHiOSs1 -d secs -n max -u|U user -p pid(s) -o field -w [cols]\n`);
      return 1;
    }
    if (p.flags.has('h') || p.flags.has('V')) {
      await ctx.print('  procps-ng 4.0.4\nUsage:\n  top -hv | -bcEeHiOSs1 -d secs -n max -u|U user -p pid(s) -o field -w [cols]\n');
      return 0;
    }
    const sys = ctx.sys;
    const v = (k: string): string | undefined => p.values.get(k)?.at(-1);
    const iterations = v('n') !== undefined ? Number(v('n')) : Infinity;
    if (v('n') !== undefined && !(iterations >= 0)) {
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
