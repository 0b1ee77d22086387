// The text filters (head, tail, sort, uniq, ...): what recorded cases cannot show — the option
// contract of each program, following a growing file on the virtual clock, Ctrl-C, ending
// early when the reader of a pipe goes away, the seeded -R order, and speed.
import { describe, expect, it } from 'vitest';
import { SIGNALS } from '../../../src/shared/signals';
import { ENV, newMachine, run, sh } from './helpers';

const TEXT: [name: string, usageStatus: number][] = [
  ['base64', 1], ['basename', 1], ['comm', 1], ['cut', 1], ['dirname', 1], ['expand', 1], ['fold', 1], ['head', 1], ['join', 1],
  ['md5sum', 1], ['nl', 1], ['od', 1], ['paste', 1], ['seq', 1], ['sha256sum', 1], ['sort', 2], ['split', 1], ['tac', 1],
  ['tail', 1], ['tee', 1], ['tr', 1], ['unexpand', 1], ['uniq', 1], ['wc', 1], ['yes', 1],
];

describe('the GNU option contract of the text filters', () => {
  it.each(TEXT)('%s --help, --version and an unknown option', async (name, status) => {
    const m = newMachine();
    const help = await run(m, [`/usr/bin/${name}`, '--help'], ENV);
    expect(help.exit).toBe(0);
    // the usage line names the program as it was invoked (argv[0]), as coreutils' does
    expect(help.stdout).toMatch(new RegExp(`^Usage: /usr/bin/${name} `));
    expect(help.stdout).toContain(`<https://www.gnu.org/software/coreutils/${name}>`);
    const version = await run(m, [`/usr/bin/${name}`, '--version'], ENV);
    expect(version.stdout.split('\n')[0]).toBe(`${name} (GNU coreutils) 9.1`);
    const bad = await run(m, [`/usr/bin/${name}`, '--no-such-option'], ENV);
    expect(bad).toEqual({ stdout: '', stderr: `/usr/bin/${name}: unrecognized option '--no-such-option'\nTry '/usr/bin/${name} --help' for more information.\n`, exit: status });
  });

  it('printf takes --help and --version only as its one argument', async () => {
    const m = newMachine();
    expect((await run(m, ['/usr/bin/printf', '--help'], ENV)).stdout).toMatch(/^Usage: \/usr\/bin\/printf FORMAT/);
    expect((await run(m, ['/usr/bin/printf', '--version'], ENV)).stdout.split('\n')[0]).toBe('printf (GNU coreutils) 9.1');
    expect(await run(m, ['/usr/bin/printf', '%s|', '--help', '-x'], ENV)).toEqual({ stdout: '--help|-x|', stderr: '', exit: 0 });
  });
});

/** Lets the machine run until `cond` holds (real time, bounded). */
async function until(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
}

describe('tail -f', () => {
  it('prints what is appended, polling on the virtual clock, until Ctrl-C', async () => {
    const m = newMachine({ log: 'one\n' }, 'manual');
    let out = '';
    const finished = m.run(['/usr/bin/tail', '-f', 'log'], { stdout: (b) => (out += new TextDecoder().decode(b)), stderr: () => {}, cwd: '/tmp/w', env: new Map(ENV) });
    await until(() => out === 'one\n');
    expect(out).toBe('one\n');
    await sh(m, 'echo two >> log');
    m.advance(1000);
    await until(() => out.includes('two'));
    expect(out).toBe('one\ntwo\n');
    await sh(m, ': > log; echo three >> log');
    m.advance(1000);
    await until(() => out.includes('three'));
    expect(out).toBe('one\ntwo\nthree\n');
    const tail = [...m.kernel.procs.values()].find((p) => p.argv[0] === '/usr/bin/tail' && p.state !== 'zombie');
    m.kernel.signal(tail!, SIGNALS.SIGINT);
    expect(await finished).toBe(130);
  });

  it('-F notices a file that goes away and comes back', async () => {
    const m = newMachine({ log: 'a\n' });
    const r = await sh(m, 'tail -F log > out 2> err & sleep 1.5; rm log; sleep 1; echo b > log; sleep 1.5; kill $!; wait; cat out err');
    expect(r.stdout).toBe("a\nb\ntail: 'log' has become inaccessible: No such file or directory\ntail: 'log' has appeared;  following new file\n");
  });

  it('ends when the reader of its output goes away', async () => {
    const r = await sh(newMachine({ log: 'x\ny\n' }), 'tail -f log | head -1; echo done');
    expect(r).toEqual({ stdout: 'x\ndone\n', stderr: '', exit: 0 });
  });

  it('--pid stops following once that process has ended', async () => {
    const r = await sh(newMachine({ log: 'x\n' }), 'sleep 2 & tail -f --pid=$! log; echo rc=$?');
    expect(r).toEqual({ stdout: 'x\nrc=0\n', stderr: '', exit: 0 });
  });
});

describe('streaming into a closed pipe', () => {
  it.each([
    ['yes | head -1', 'y\n'],
    ['seq 1 1000000000 | head -3', '1\n2\n3\n'],
    ['yes abc | tr a-z A-Z | head -2', 'ABC\nABC\n'],
    ['seq 1000000000 | uniq | cut -c1 | head -2', '1\n2\n'],
    ['yes | nl | fold -w 3 | paste - - | head -1', '   \t  1\n'],
    ['seq 1000000000 | tee /dev/null | head -1', '1\n'],
    ['yes 0123456789 | od -c | head -2', '0000000   0   1   2   3   4   5   6   7   8   9  \\n   0   1   2   3   4\n0000020   5   6   7   8   9  \\n   0   1   2   3   4   5   6   7   8   9\n'],
  ])('%s', async (script, stdout) => {
    const t = Date.now();
    const r = await sh(newMachine(), script);
    if (stdout) expect(r.stdout).toBe(stdout);
    expect(r.stderr).toBe('');
    expect(Date.now() - t).toBeLessThan(5000);
  });
});

describe('sort', () => {
  it('-R is a seeded shuffle that keeps equal lines together', async () => {
    const script = 'seq 20 | sed p | sort -R | uniq | wc -l; seq 20 | sort -R | tr "\\n" " "';
    const a = await sh(newMachine(), script);
    const b = await sh(newMachine(), script);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout.split('\n')[0]).toBe('20');
    expect(a.stdout.split('\n')[1]).not.toBe(Array.from({ length: 20 }, (_, i) => i + 1).join(' ') + ' ');
  });

  it('sort | uniq -c | sort -rn over 100,000 lines is quick', async () => {
    const m = newMachine();
    await sh(m, '{ seq 1 50000; seq 1 30000; seq 1 20000; } > big');
    const t = Date.now();
    const r = await sh(m, 'sort big | uniq -c | sort -rn | head -3');
    expect(r.stdout).toBe('      3 9999\n      3 9998\n      3 9997\n');
    expect(Date.now() - t).toBeLessThan(4000);
  });
});
