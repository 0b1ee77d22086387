// awk behaviour the recorded fixtures cannot cover: Photon's gawk 5.1.1 version text, the
// awk -> gawk link, interrupting endless loops, streaming through pipes, UTF-8 locales.
import { describe, expect, it } from 'vitest';
import { SIGNALS } from '../../../src/shared/signals';
import { ENV, newMachine, run, sh } from './helpers';

describe('awk', () => {
  it('is gawk 5.1.1, installed as /usr/bin/gawk with /usr/bin/awk linked to it', async () => {
    const r = await sh(newMachine(), 'awk --version | head -2; gawk -W version | head -1; [ -L /usr/bin/awk ] && echo link; awk "BEGIN { print PROCINFO[\\"version\\"], ARGV[0] }"; gawk "BEGIN { print ARGV[0] }"');
    expect(r).toEqual({
      stdout: 'GNU Awk 5.1.1, API: 3.1 (GNU MPFR 4.1.0-p13, GNU MP 6.2.1)\nCopyright (C) 1989, 1991-2021 Free Software Foundation.\nGNU Awk 5.1.1, API: 3.1 (GNU MPFR 4.1.0-p13, GNU MP 6.2.1)\nlink\n5.1.1 awk\ngawk\n',
      stderr: '',
      exit: 0,
    });
  });

  it('names itself as invoked in messages', async () => {
    const r = await sh(newMachine(), "gawk '{' ; awk 'BEGIN { printf \"%d\" }'");
    expect(r.stderr).toBe("gawk: cmd. line:1: {\ngawk: cmd. line:1:  ^ unexpected newline or end of string\nawk: cmd. line:1: fatal: not enough arguments to satisfy format string\n\t`%d'\n\t ^ ran out for this one\n");
  });

  for (const program of ['BEGIN { while (1) n++ }', 'BEGIN { for (;;) ; }', 'function f() { while (1) x++ } BEGIN { f() }', 'BEGIN { do x++; while (1) }', 'BEGIN { while (1) { "echo" | getline; close("echo") } }']) {
    it(`stops on SIGINT: ${program}`, async () => {
      const m = newMachine();
      const done = run(m, ['/usr/bin/awk', program], ENV);
      const find = () => [...m.kernel.procs.values()].find((p) => p.argv[0] === '/usr/bin/awk' && p.state !== 'zombie');
      // wait for the condition (awk running), bounded, never a fixed sleep
      for (const end = Date.now() + 5000; !find() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 2));
      const awk = find();
      expect(awk).toBeDefined();
      m.kernel.signal(awk!, SIGNALS.SIGINT);
      expect((await done).exit).toBe(130);
    });
  }

  it('streams: an endless writer stops when its reader exits', async () => {
    const r = await sh(newMachine(), `awk 'BEGIN { while (1) print "y" }' | awk 'NR == 3 { print NR; exit }'; echo "\${PIPESTATUS[@]}"`);
    expect(r).toEqual({ stdout: '3\n141 0\n', stderr: '', exit: 0 });
  });

  it('counts characters in a UTF-8 locale and bytes in the C locale', async () => {
    const m = newMachine({ 'u.txt': 'héllo wörld\n' });
    const r = await sh(m, `LANG=en_US.UTF-8 awk '{ print length($1), substr($2, 2, 1), toupper($0) }' u.txt; awk '{ print length($1) }' u.txt`);
    expect(r).toEqual({ stdout: '5 ö HÉLLO WÖRLD\n6\n', stderr: '', exit: 0 });
  });

  it('seeds srand() and strftime() from the machine clock', async () => {
    const m = newMachine();
    const r = await sh(m, `awk 'BEGIN { srand(); s = srand(); t = systime(); print (s == t || s == t - 1), strftime("%Y", t) == strftime("%Y") }'`);
    expect(r).toEqual({ stdout: '1 1\n', stderr: '', exit: 0 });
  });

  it('keeps output files open until close() and appends with >>', async () => {
    const r = await sh(newMachine(), `awk 'BEGIN { for (i = 1; i <= 3; i++) print i > "o.txt"; print "x" >> "o.txt"; close("o.txt"); print "y" >> "o.txt" }'; cat o.txt`);
    expect(r).toEqual({ stdout: '1\n2\n3\nx\ny\n', stderr: '', exit: 0 });
  });

  it('is killed, as by the OOM killer, when a record would grow past memory (gawk allocates every field)', async () => {
    const r = await sh(newMachine(), `awk 'BEGIN { print "a"; $1000000000 = "x"; print "b" }'; echo rc=$?; awk 'BEGIN { NF = 2000000000 }'; echo rc=$?; awk 'BEGIN { $5 = "e"; print NF }'`);
    expect(r.stdout).toBe('rc=137\nrc=137\n5\n');
    expect(r.stderr).toMatch(/Killed +awk 'BEGIN \{ print "a"/);
  });
});
