// patch (GNU patch 2.7.6), end to end: each script runs in bash on a fresh machine with patch
// installed (Photon's minimal install lacks it) next to a 10-line file `a`, its copy `b` with
// lines 5 and 9 changed, and their diffs in unified (u.diff), normal (n.diff) and context
// (c.diff) form; its whole stdout, stderr and exit status are compared with what GNU patch
// 2.7.6 printed for the same script on a Linux machine (as root, LANG=C, TZ=UTC, in /tmp/w,
// no terminal: patch's questions get their default answers).
import { describe, expect, it } from 'vitest';
import { preinstallPrograms } from '../../fixtures/tdnf/preinstall';
import { newMachine, sh, type Result } from './helpers';

const TREE = 'seq 1 10 > a; seq 1 10 | sed "s/5/FIVE/; s/9/NINE/" > b; touch -d "2026-01-15 09:30" a b; diff -u a b > u.diff; diff a b > n.diff; diff -c a b > c.diff';

async function patch(script: string): Promise<Result> {
  const m = newMachine();
  preinstallPrograms(m, ['patch', 'diffutils']);
  return sh(m, `${TREE}\n${script}`);
}

type Case = [name: string, script: string, stdout: string, stderr: string, exit: number];

const CASES: Case[] = [
  ['apply', 'cp a x; patch x < u.diff; echo rc=$?; cat x | tr "\\n" " "; echo; patch -R x u.diff; cmp a x && echo back; patch x n.diff; patch -R x c.diff; cmp a x && echo back; patch --dry-run x u.diff; ls',
    'patching file x\nrc=0\n1 2 3 4 FIVE 6 7 8 NINE 10 \npatching file x\nback\npatching file x\npatching file x\nback\nchecking file x\na\nb\nc.diff\nn.diff\nu.diff\nx\n',
    '', 0],
  ['reversed', 'cp a x; patch x u.diff; patch x < u.diff; echo rc=$?; ls; cat x.rej; patch -N x u.diff; echo rc=$?; patch -t x u.diff; echo rc=$?; cmp a x && echo back; patch -R x u.diff; echo rc=$?',
    'patching file x\npatching file x\nReversed (or previously applied) patch detected!  Assume -R? [n] \nApply anyway? [n] \nSkipping patch.\n1 out of 1 hunk ignored -- saving rejects to file x.rej\nrc=1\na\nb\nc.diff\nn.diff\nu.diff\nx\nx.rej\n--- a\t2026-01-15 09:30:00.000000000 +0000\n+++ b\t2026-01-15 09:30:00.000000000 +0000\n@@ -2,9 +2,9 @@\n 2\n 3\n 4\n-5\n+FIVE\n 6\n 7\n 8\n-9\n+NINE\n 10\npatching file x\nReversed (or previously applied) patch detected!  Skipping patch.\n1 out of 1 hunk ignored -- saving rejects to file x.rej\nrc=1\npatching file x\nReversed (or previously applied) patch detected!  Assuming -R.\nrc=0\nback\npatching file x\nUnreversed patch detected!  Ignore -R? [n] \nApply anyway? [n] \nSkipping patch.\n1 out of 1 hunk ignored -- saving rejects to file x.rej\nrc=1\n',
    '', 0],
  ['offset_fuzz', '( seq 1 3; seq 1 10 ) > off; patch off u.diff; echo rc=$?; ls off*; seq 1 10 | sed "s/4/four/" > fz; patch fz u.diff; echo rc=$?; ls fz*; seq 1 20 > h; seq 1 20 | sed "s/^10$/TEN/" > h2; diff -u h h2 > hh.diff; seq 1 20 | sed "s/^7$/seven/" > h3; patch h3 hh.diff; seq 1 20 | sed "s/^8$/eight/" > h5; patch -s h5 hh.diff; echo rc=$?; patch -F0 h3 hh.diff; echo rc=$?; cat h5.rej',
    'patching file off\nHunk #1 succeeded at 5 (offset 3 lines).\nrc=0\noff\noff.orig\npatching file fz\nHunk #1 FAILED at 2.\n1 out of 1 hunk FAILED -- saving rejects to file fz.rej\nrc=1\nfz\nfz.orig\nfz.rej\npatching file h3\nHunk #1 succeeded at 7 with fuzz 1.\nrc=0\npatching file h3\nHunk #1 FAILED at 7.\n1 out of 1 hunk FAILED -- saving rejects to file h3.rej\nrc=1\n',
    'cat: h5.rej: No such file or directory\n', 1],
  ['headers', 'mkdir -p o/s n/s w/s; printf "1\\n2\\n" > o/s/f; printf "1\\nX\\n" > n/s/f; printf "new\\n" > n/s/g; cp o/s/f w/s/; touch -d "2026-01-15 09:30" o/s/f n/s/*; diff -ruN o n > r.diff; cd w; patch -p1 --dry-run < ../r.diff; patch -p1 < ../r.diff; echo rc=$?; cat s/f s/g; patch -p1 -R < ../r.diff; echo rc=$?; ls s; patch -p1 -R < ../r.diff; echo rc=$?; patch < ../r.diff; echo rc=$?',
    'checking file s/f\nchecking file s/g\npatching file s/f\npatching file s/g\nrc=0\n1\nX\nnew\npatching file s/f\npatching file s/g\nrc=0\nf\npatching file s/f\nUnreversed patch detected!  Ignore -R? [n] \nApply anyway? [n] \nSkipping patch.\n1 out of 1 hunk ignored -- saving rejects to file s/f.rej\nThe next patch, when reversed, would delete the file s/g,\nwhich does not exist!  Ignore -R? [n] \nApply anyway? [n] \nSkipping patch.\n1 out of 1 hunk ignored\nrc=1\ncan\'t find file to patch at input line 4\nPerhaps you should have used the -p or --strip option?\nThe text leading up to this was:\n--------------------------\n|diff -ruN o/s/f n/s/f\n|--- o/s/f\t2026-01-15 09:30:00.000000000 +0000\n|+++ n/s/f\t2026-01-15 09:30:00.000000000 +0000\n--------------------------\nFile to patch: \nSkip this patch? [y] \nSkipping patch.\n1 out of 1 hunk ignored\npatching file g\nrc=1\n',
    '', 0],
  ['missing', 'cd /tmp; mkdir pw; cd pw; patch < /tmp/w/u.diff; echo rc=$?; patch -f -p1 < /tmp/w/u.diff; echo rc=$?; cd /tmp/w; patch nonexist u.diff; echo rc=$?; rm -r /tmp/pw',
    'can\'t find file to patch at input line 3\nPerhaps you should have used the -p or --strip option?\nThe text leading up to this was:\n--------------------------\n|--- a\t2026-01-15 09:30:00.000000000 +0000\n|+++ b\t2026-01-15 09:30:00.000000000 +0000\n--------------------------\nFile to patch: \nSkip this patch? [y] \nSkipping patch.\n1 out of 1 hunk ignored\nrc=1\ncan\'t find file to patch at input line 3\nPerhaps you used the wrong -p or --strip option?\nThe text leading up to this was:\n--------------------------\n|--- a\t2026-01-15 09:30:00.000000000 +0000\n|+++ b\t2026-01-15 09:30:00.000000000 +0000\n--------------------------\nNo file to patch.  Skipping patch.\n1 out of 1 hunk ignored\nrc=1\npatching file nonexist\nHunk #1 FAILED at 2.\nrc=2\n',
    'patch: **** Can\'t reopen file nonexist : No such file or directory\n', 0],
  ['options', 'patch -o out a u.diff; cat out | tr "\\n" " "; echo; cp a c; patch -b c u.diff; ls c*; patch -s -b -z .bak c -R u.diff; echo rc=$?; ls c*; echo garbage > g.diff; patch a g.diff; echo rc=$?; : > e.diff; patch a e.diff; echo rc=$?; patch a nofile.diff; echo rc=$?; patch -p x a u.diff; echo rc=$?; patch --bogus; echo rc=$?; patch a u.diff extra; echo rc=$?',
    'patching file out (read from a)\n1 2 3 4 FIVE 6 7 8 NINE 10 \npatching file c\nc\nc.diff\nc.orig\nrc=0\nc\nc.bak\nc.diff\nc.orig\nrc=2\nrc=0\nrc=2\nrc=2\nrc=2\nrc=2\n',
    'patch: **** Only garbage was found in the patch input.\npatch: **** Can\'t open patch file nofile.diff : No such file or directory\npatch: **** strip count x is not a number\npatch: unrecognized option \'--bogus\'\npatch: Try \'patch --help\' for more information.\npatch: extra: extra operand\npatch: Try \'patch --help\' for more information.\n', 0],
  ['create', 'printf "x\\n" > exists; printf -- "--- /dev/null\\n+++ exists\\n@@ -0,0 +1 @@\\n+x\\n" > cr.diff; patch < cr.diff; echo rc=$?; patch -N < cr.diff; echo rc=$?; patch -t < cr.diff; echo rc=$?; ls exists; patch -f < cr.diff; echo rc=$?; cat exists; printf "a\\nb\\n" > r; printf "2c2\\n< b\\n---\\n> B\\n3a4\\n> d\\n" > qn.diff; patch r qn.diff; echo rc=$?; cat r',
    'The next patch would create the file exists,\nwhich already exists!  Assume -R? [n] \nApply anyway? [n] \nSkipping patch.\n1 out of 1 hunk ignored\nrc=1\nThe next patch would create the file exists,\nwhich already exists!  Skipping patch.\n1 out of 1 hunk ignored\nrc=1\nThe next patch would create the file exists,\nwhich already exists!  Assuming -R.\npatching file exists\nrc=0\npatching file exists\nrc=0\nx\npatching file r\nrc=0\na\nB\nd\n',
    'ls: cannot access \'exists\': No such file or directory\n', 0],
  ['two_hunks', 'seq 1 12 > g; (echo 0; seq 1 12) | sed "s/^8$/EIGHT/" > g2; touch -d "2026-01-15 09:30" g g2; diff -u g g2 > gg.diff; seq 2 12 > g3; patch g3 gg.diff; echo rc=$?; cat g3.rej; seq 1 12 | sed 1i\\\\Z\\\\nZ > g4; patch g4 gg.diff',
    'patching file g3\nHunk #1 FAILED at 1.\nHunk #2 succeeded at 4 (offset -1 lines).\n1 out of 2 hunks FAILED -- saving rejects to file g3.rej\nrc=1\n--- g\t2026-01-15 09:30:00.000000000 +0000\n+++ g2\t2026-01-15 09:30:00.000000000 +0000\n@@ -1,3 +1,4 @@\n+0\n 1\n 2\n 3\npatching file g4\nHunk #1 FAILED at 1.\nHunk #2 succeeded at 7 (offset 2 lines).\n1 out of 2 hunks FAILED -- saving rejects to file g4.rej\n',
    '', 1],
  ['context_normal', 'printf "a\\nb\\nc\\n" > q; printf "a\\nB\\nc\\nd\\n" > q2; diff q q2 > qn.diff; diff -c q q2 | sed "s/\\t.*//" > qc.diff; cp q q3; patch q qn.diff; cat q; patch -R q qn.diff; cmp q q3 && echo back; patch q3 qc.diff; cat q3; patch q3 qc.diff; echo rc=$?; cat q3.rej',
    'patching file q\na\nB\nc\nd\npatching file q\nback\npatching file q3\na\nB\nc\nd\npatching file q3\nReversed (or previously applied) patch detected!  Assume -R? [n] \nApply anyway? [n] \nSkipping patch.\n1 out of 1 hunk ignored -- saving rejects to file q3.rej\nrc=1\n*** q\n--- q2\n***************\n*** 1,3 ****\n  a\n! b\n  c\n--- 1,4 ----\n  a\n! B\n  c\n+ d\n',
    '', 0],
  ['noeol', 'printf "x\\ny" > e1; printf "x\\nz" > e2; diff -u e1 e2 > e.diff; cp e1 e3; patch e3 e.diff; od -c e3; printf "x\\ny\\n" > e4; patch e4 e.diff; echo rc=$?',
    'patching file e3\n0000000   x  \\n   z\n0000003\npatching file e4\nHunk #1 FAILED at 1.\n1 out of 1 hunk FAILED -- saving rejects to file e4.rej\nrc=1\n',
    '', 0],
  ['git_style', 'mkdir src; printf "one\\ntwo\\nthree\\n" > src/m.c; printf "diff --git a/src/m.c b/src/m.c\\nindex 1111111..2222222 100644\\n--- a/src/m.c\\n+++ b/src/m.c\\n@@ -1,3 +1,3 @@\\n one\\n-two\\n+TWO\\n three\\ndiff --git a/src/new.c b/src/new.c\\nnew file mode 100644\\nindex 0000000..3333333\\n--- /dev/null\\n+++ b/src/new.c\\n@@ -0,0 +1,2 @@\\n+hello\\n+world\\n" > g.patch; patch -p1 < g.patch; echo rc=$?; cat src/m.c src/new.c; patch -p1 -R < g.patch; echo rc=$?; ls src',
    'patching file src/m.c\npatching file src/new.c\nrc=0\none\nTWO\nthree\nhello\nworld\npatching file src/m.c\npatching file src/new.c\nrc=0\nm.c\n',
    '', 0],
  ['line_endings', 'printf "one\\r\\ntwo\\r\\nthree\\r\\n" > crlf; printf -- "--- crlf\\n+++ crlf\\n@@ -1,3 +1,3 @@\\n one\\n-two\\n+TWO\\n three\\n" > cr.diff; patch crlf cr.diff; echo rc=$?; printf "a\\nb\\nc\\n" > ws; printf -- "--- ws\\n+++ ws\\n@@ -1,3 +1,3 @@\\n a\\n-b \\n+B\\n c\\n" > ws.diff; patch ws ws.diff; echo rc=$?; patch -l ws ws.diff; echo rc=$?; cat ws',
    'patching file crlf\nHunk #1 FAILED at 1 (different line endings).\n1 out of 1 hunk FAILED -- saving rejects to file crlf.rej\nrc=1\npatching file ws\nHunk #1 FAILED at 1.\n1 out of 1 hunk FAILED -- saving rejects to file ws.rej\nrc=1\npatching file ws\nrc=0\na\nB\nc\n',
    '', 0],
  ['multi_hunk', 'seq 1 30 > m; seq 1 30 | sed "s/^5$/five/;s/^15$/fifteen/;s/^25$/tf/" > m2; touch -d "2026-01-15 09:30" m m2; diff -u m m2 > mu.diff; (echo x; echo y; seq 1 30) | sed "s/^14$/fourteen/" > c; patch c mu.diff; echo rc=$?; cat c | tr "\\n" " "; echo; seq 1 30 > e; patch -o - e mu.diff | head -6; patch -s -o - e u.diff | sed -n 5p; patch -F 0 c mu.diff; echo rc=$?',
    'patching file c\nHunk #1 succeeded at 4 (offset 2 lines).\nHunk #2 FAILED at 12.\nHunk #3 succeeded at 24 (offset 2 lines).\n1 out of 3 hunks FAILED -- saving rejects to file c.rej\nrc=1\nx y 1 2 3 4 five 6 7 8 9 10 11 12 13 fourteen 15 16 17 18 19 20 21 22 23 24 tf 26 27 28 29 30 \n1\n2\n3\n4\nfive\n6\nFIVE\npatching file c\nReversed (or previously applied) patch detected!  Assume -R? [n] \nApply anyway? [n] \nSkipping patch.\n3 out of 3 hunks ignored -- saving rejects to file c.rej\nrc=1\n',
    'patching file - (read from e)\n', 0],
  ['empty_sides', 'mkdir -p o n w; printf "gone\\\\n" > o/old; printf "new file\\\\n" > n/new; cp o/old w/; printf -- "--- o/new\\\\n+++ n/new\\\\n@@ -0,0 +1 @@\\\\n+new file\\\\n--- o/old\\\\n+++ n/old\\\\n@@ -1 +0,0 @@\\\\n-gone\\\\n" > e.diff; cd w; patch -p1 < ../e.diff; echo rc=$?; ls; cat new; wc -c < old; patch -p1 < ../e.diff; echo rc=$?; ls',
    'patching file new\npatching file old\nrc=0\nnew\nold\nnew file\n0\npatching file new\nThe next patch would empty out the file old,\nwhich is already empty!  Assume -R? [n] \nApply anyway? [n] \nSkipping patch.\n1 out of 1 hunk ignored\nrc=1\nnew\nold\n',
    '', 0],
  ['verbose', 'cp a x; patch --verbose x < u.diff; echo rc=$?; patch --verbose x u.diff; echo rc=$?; patch --verbose -R x n.diff; cp a y; patch --verbose y c.diff; ( echo z; cat a ) > o; patch --verbose o u.diff; patch --verbose -s o u.diff; echo rc=$?',
    'Hmm...  Looks like a unified diff to me...\nThe text leading up to this was:\n--------------------------\n|--- a	2026-01-15 09:30:00.000000000 +0000\n|+++ b	2026-01-15 09:30:00.000000000 +0000\n--------------------------\npatching file x\nUsing Plan A...\nHunk #1 succeeded at 2.\ndone\nrc=0\nHmm...  Looks like a unified diff to me...\nThe text leading up to this was:\n--------------------------\n|--- a	2026-01-15 09:30:00.000000000 +0000\n|+++ b	2026-01-15 09:30:00.000000000 +0000\n--------------------------\npatching file x\nUsing Plan A...\nReversed (or previously applied) patch detected!  Assume -R? [n] \nApply anyway? [n] \nSkipping patch.\nHunk #1 ignored at 2.\n1 out of 1 hunk ignored -- saving rejects to file x.rej\ndone\nrc=1\nHmm...  Looks like a normal diff to me...\npatching file x\nUsing Plan A...\nHunk #1 succeeded at 5.\nHunk #2 succeeded at 9.\ndone\nHmm...  Looks like a new-style context diff to me...\nThe text leading up to this was:\n--------------------------\n|*** a	Thu Jan 15 09:30:00 2026\n|--- b	Thu Jan 15 09:30:00 2026\n--------------------------\npatching file y\nUsing Plan A...\nHunk #1 succeeded at 2.\ndone\nHmm...  Looks like a unified diff to me...\nThe text leading up to this was:\n--------------------------\n|--- a	2026-01-15 09:30:00.000000000 +0000\n|+++ b	2026-01-15 09:30:00.000000000 +0000\n--------------------------\npatching file o\nUsing Plan A...\nHunk #1 succeeded at 3 (offset 1 line).\ndone\nReversed (or previously applied) patch detected!  Assume -R? [n] \nApply anyway? [n] \n1 out of 1 hunk ignored -- saving rejects to file o.rej\nrc=1\n',
    '', 0],
  ['silent_skips', 'cp b x; patch -s x u.diff; echo rc=$?; mkdir q; cd q; patch -s < ../u.diff; echo rc=$?; patch -s -f < ../u.diff; echo rc=$?',
    'Reversed (or previously applied) patch detected!  Assume -R? [n] \nApply anyway? [n] \n1 out of 1 hunk ignored -- saving rejects to file x.rej\nrc=1\nThe text leading up to this was:\n--------------------------\n|--- a	2026-01-15 09:30:00.000000000 +0000\n|+++ b	2026-01-15 09:30:00.000000000 +0000\n--------------------------\nFile to patch: \nSkip this patch? [y] \n1 out of 1 hunk ignored\nrc=1\nThe text leading up to this was:\n--------------------------\n|--- a	2026-01-15 09:30:00.000000000 +0000\n|+++ b	2026-01-15 09:30:00.000000000 +0000\n--------------------------\nNo file to patch.  Skipping patch.\n1 out of 1 hunk ignored\nrc=1\n',
    '', 0],
  ['version_control', 'cp a v; patch -b -V numbered v u.diff; patch -b -V t -R v u.diff; ls v*; patch -b -V existing v u.diff; ls v*; patch -V bogus v u.diff; echo rc=$?; cp a w; VERSION_CONTROL=numbered patch -b w u.diff; PATCH_VERSION_CONTROL=simple patch -b -R w u.diff; SIMPLE_BACKUP_SUFFIX=.sv patch -b w u.diff; ls w*',
    'patching file v\npatching file v\nv\nv.~1~\nv.~2~\npatching file v\nv\nv.~1~\nv.~2~\nv.~3~\nrc=2\npatching file w\npatching file w\npatching file w\nw\nw.orig\nw.~1~\nw.~2~\n',
    'patch: invalid argument \'bogus\' for \'--version-control or -V option\'\nValid arguments are:\n  - \'none\', \'off\'\n  - \'simple\', \'never\'\n  - \'existing\', \'nil\'\n  - \'numbered\', \'t\'\n', 0],
];

describe('patch, as GNU patch 2.7.6 behaves', () => {
  it.each(CASES)('%s', async (_name, script, stdout, stderr, exit) => {
    expect(await patch(script)).toEqual({ stdout, stderr, exit });
  });
});
