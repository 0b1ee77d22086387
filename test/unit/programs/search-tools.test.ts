// grep and sed behaviour that the Debian host cannot record: the egrep/fgrep scripts and the
// absence of grep 3.8's stray-backslash warning (Photon ships grep 3.7, which has neither
// warning; Debian patches both out of its 3.8), streaming through pipes, in-place editing
// details, and the help/version contract.
import { describe, expect, it } from 'vitest';
import { newMachine, sh } from './helpers';

describe('grep as Photon ships it', () => {
  it('egrep and fgrep run grep -E / -F without a warning', async () => {
    const r = await sh(newMachine({ t: 'a+b\naab\n' }), 'egrep "a+b" t; fgrep "a+b" t; /usr/bin/egrep -c a t');
    expect(r).toEqual({
      stdout: 'aab\na+b\n2\n',
      stderr: '',
      exit: 0,
    });
  });

  it('takes a stray backslash as the character after it, silently', async () => {
    const r = await sh(newMachine({ t: 'a/b\n' }), 'grep "a\\/b" t; grep -c "\\d" t');
    expect(r).toEqual({ stdout: 'a/b\n0\n', stderr: '', exit: 1 });
  });

  it('egrep without grep in PATH fails as its script does', async () => {
    const r = await sh(newMachine(), 'PATH=/nowhere /usr/bin/egrep x /dev/null');
    expect(r).toEqual({ stdout: '', stderr: '/usr/bin/egrep: line 2: exec: grep: not found\n', exit: 127 });
  });

  it('has its own --help and the real --version', async () => {
    const m = newMachine();
    const help = await sh(m, 'grep --help | head -1; grep --color=bogus | head -1; echo $?');
    expect(help.stdout).toBe('Usage: grep [OPTION]... PATTERNS [FILE]...\nUsage: grep [OPTION]... PATTERNS [FILE]...\n0\n');
    expect((await sh(m, 'grep -V | head -1')).stdout).toBe('grep (GNU grep) 3.8\n');
    expect((await sh(m, 'sed --help | head -1')).stdout).toBe('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n');
    expect(await sh(m, 'sed 2>&1 | head -1; sed -k p 2>&1 | head -2')).toMatchObject({
      stdout: "Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\nsed: invalid option -- 'k'\nUsage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n",
    });
  });
});

describe('streaming', () => {
  it.each([
    ['yes | grep -m2 y', 'y\ny\n'],
    ['yes | grep y | head -2', 'y\ny\n'],
    ['yes | sed 3q', 'y\ny\ny\n'],
    ['yes | sed -n "s/y/Y/p" | head -1', 'Y\n'],
    ['yes abc | grep -o b | head -1', 'b\n'],
    ['(grep -m1 x; cat) < f', 'x1\nx2\nx3\n'],
  ])('%s', async (cmd, stdout) => {
    expect(await sh(newMachine({ f: 'x1\nx2\nx3\n' }), cmd)).toEqual({ stdout, stderr: '', exit: 0 });
  });

  it('counts a large file', async () => {
    const line = 'the quick brown fox jumps over the lazy dog\n';
    const m = newMachine({ big: { repeat: `${line}${line}ERROR here\n`, count: 50000 } });
    expect(await sh(m, 'grep -c ERROR big; grep -vc ERROR big; sed -n "\\$=" big')).toEqual({ stdout: '50000\n100000\n150000\n', stderr: '', exit: 0 });
  });
});

describe('sed in place', () => {
  it('keeps mode and owner, and replaces a symlink by a file', async () => {
    const m = newMachine({ f: 'a\n', real: 'x\n' });
    const r = await sh(m, 'chmod 640 f; chown 65534:65533 f; sed -i s/a/b/ f; ls -ln f | cut -d" " -f1,3,4; cat f; ln -s real link; sed -i s/x/y/ link; [ -L link ] || echo regular; cat real link; ls');
    expect(r).toEqual({ stdout: '-rw-r----- 65534 65533\nb\nregular\nx\ny\nf\nlink\nreal\n', stderr: '', exit: 0 });
  });

  it('runs e commands with the shell', async () => {
    expect(await sh(newMachine(), 'echo x | sed "e echo hi"; echo "echo run" | sed e')).toEqual({ stdout: 'hi\nx\nrun\n', stderr: '', exit: 0 });
  });
});
