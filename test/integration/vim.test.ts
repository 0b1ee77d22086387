// vim (vi, view) on the console: keys are typed into the machine's terminal and the test
// looks at the screen a learner would see (test/unit/man/screen.ts applies the bytes), with
// reverse video shown as [brackets] and bold as *stars*. Every wait is for a condition on the
// screen or the shell's prompt, never a fixed delay.
import { describe, expect, it } from 'vitest';
import { runScript } from './machine-helpers';
import { ScreenTerm } from './screen-term';

class Term extends ScreenTerm {
  /** The last row (the command line / message line). */
  last(): string {
    return this.view()[this.rows - 1]!;
  }

  /** Types keys, then waits until the last row is `want`. */
  async keysLast(keys: string, want: string): Promise<void> {
    this.session.type(keys);
    await this.until((lines) => lines[this.rows - 1] === want);
    expect(this.last()).toBe(want);
  }

  /** Starts vim and waits for its first screen (its ruler on the last row). */
  async start(line: string, want?: string[]): Promise<void> {
    await this.begin(line);
    if (want) {
      await this.until((lines) => lines.join('\n') === want.join('\n'), 20000);
      expect(this.view()).toEqual(want);
    } else await this.until((lines) => /\d+,\d+(-\d+)?\s+(All|Top|Bot|\d+%)$/.test(lines[this.rows - 1]!), 20000);
  }

  /** Sends keys that end a nested shell, and waits for root's next prompt. */
  async exitTo(keys: string): Promise<void> {
    this.prompts++;
    await this.finish(keys);
  }
}

/** A last row: the message, then the ruler from column `cols - 18` ([reverse] and *bold* marks take no cells). */
const bottom = (msg: string, ruler: string, cols = 80): string => {
  const marks = /^\[.*\]$|^\*.*\*$/.test(msg) ? 2 : 0;
  return `${msg}${' '.repeat(Math.max(0, cols - 18 - (msg.length - marks)))}${ruler}`;
};
const tildes = (n: number): string[] => Array.from({ length: n }, () => '~');
const PS1 = '*root@photon-machine [ *~* ]#*';

describe('vim on a terminal', { timeout: 60_000 }, () => {
  it('opens a file as vim draws it, and a new file, and leaves with :q', async () => {
    const t = new Term(80, 8);
    await t.shell("printf 'one\\n\\ttwo\\nthree\\n' > /tmp/f; clear");
    await t.start('vi /tmp/f', ['one', '        two', 'three', ...tildes(4), bottom('"/tmp/f" 3L, 15B', '1,1           All')]);
    await t.keysLast('j', bottom('"/tmp/f" 3L, 15B', '2,1-8         All'));
    await t.keysLast('$', bottom('"/tmp/f" 3L, 15B', '2,4-11        All'));
    await t.finish(':q\r');
    await t.shell('echo status=$?');
    expect(t.tail(2)).toEqual(['status=0', PS1]);
    await t.start('vim /tmp/new.txt', ['', ...tildes(6), bottom('"/tmp/new.txt" [New]', '0,0-1         All')]);
    await t.keys('ihello\r', ['hello', '', ...tildes(5), bottom('*-- INSERT --*', '2,1           All')]);
    await t.keys('world\x1b', ['hello', 'world', ...tildes(5), bottom('', '2,5           All')]);
    await t.keysLast(':w\r', bottom('"/tmp/new.txt" [New] 2L, 12B written', '2,5           All'));
    await t.finish(':q\r');
    await t.shell('cat /tmp/new.txt');
    expect(t.tail(3)).toEqual(['hello', 'world', PS1]);
  });

  it('edits sshd_config: search, change the word, :wq, and the change is on disk', async () => {
    const t = new Term(80, 12);
    await t.shell("sed -i 's/^PermitRootLogin no/PermitRootLogin yes/' /etc/ssh/sshd_config; clear");
    await t.start('vi /etc/ssh/sshd_config');
    expect(t.last()).toBe(bottom('"/etc/ssh/sshd_config" 61L, 1100B', '1,1           Top'));
    t.session.type('/^PermitRootLogin\r');
    await t.until((l) => l.some((row) => row === 'PermitRootLogin yes') && t.last().startsWith('/^PermitRootLogin'));
    expect(t.last()).toBe(bottom('/^PermitRootLogin', '19,1          16%'));
    t.session.type('wcwno\x1b');
    await t.until((l) => l.includes('PermitRootLogin no'));
    expect(t.last()).toBe(bottom('', '19,18         16%'));
    await t.finish(':wq\r');
    await t.shell('grep -n ^PermitRootLogin /etc/ssh/sshd_config');
    expect(t.tail(2)).toEqual(['19:PermitRootLogin no', PS1]);
  });

  it('refuses :q on a changed buffer with E37, shows the :qa! hint on CTRL-C, and stays', async () => {
    const t = new Term(100, 6);
    await t.shell("printf 'a\\nb\\n' > /tmp/f; clear");
    await t.start('vi /tmp/f');
    await t.keys('dd', ['b', ...tildes(4), bottom('"/tmp/f" 2L, 4B', '1,1           All', 100)]);
    await t.keysLast(':q\r', bottom('[E37: No write since last change (add ! to override)]', '1,1           All', 100));
    await t.keysLast('\x03', bottom('Type  :qa!  and press <Enter> to abandon all changes and exit Vim', '1,1           All', 100));
    expect(t.view()[0]).toBe('b');
    // at 80 columns the hint is cut in the middle so it ends before the ruler ('T' in 'shortmess')
    t.resize(80, 6);
    await t.keysLast('\x03', bottom('Type  :qa!  and press <Enter>...ndon all changes and exit Vim', '1,1           All'));
    await t.finish(':q!\r');
    await t.shell('cat /tmp/f');
    expect(t.tail(3)).toEqual(['a', 'b', PS1]);
  });

  it('gives a user who may not write /etc/hosts the readonly warning, E45 and E212', async () => {
    const t = new Term(80, 6);
    await t.shell('useradd -m alice; clear');
    t.session.type('su - alice\r');
    const prompt = /alice \[ \S*~\S* \]\$ /;
    await t.session.waitFor(prompt);
    t.session.type('vi /etc/hosts\r');
    await t.until(() => /1,1\s+Top$/.test(t.last()), 20000);
    expect(t.last()).toBe(bottom('"/etc/hosts" [readonly] 8L, 208B', '1,1           Top'));
    await t.keysLast('x', bottom('*W10: Warning: Changing a readonly file*', '1,1           Top'));
    await t.keysLast(':w\r', bottom("[E45: 'readonly' option is set (add ! to override)]", '1,1           Top'));
    await t.keysLast(':w!\r', bottom('["/etc/hosts" E212: Can\'t open file for writing]', '1,1           Top'));
    await t.keysLast(':w /etc/newfile\r', bottom('["/etc/newfile" E212: Can\'t open file for writing]', '1,1           Top'));
    const mark = t.session.output.length;
    t.session.type(':q!\r');
    await t.session.waitFor(prompt, mark);
    await t.exitTo('exit\r');
    await t.shell('head -n 1 /etc/hosts; ls /etc/newfile');
    expect(t.tail(3)).toEqual(['# Begin /etc/hosts (network card version)', "ls: cannot access '/etc/newfile': No such file or directory", PS1]);
  });

  it('view and vi -R refuse :w with E45 until :w! is used', async () => {
    const t = new Term(80, 6);
    await t.shell("printf 'x\\n' > /tmp/ro; clear");
    await t.start('view /tmp/ro', ['x', ...tildes(4), bottom('"/tmp/ro" [readonly] 1L, 2B', '1,1           All')]);
    await t.keysLast(':w\r', bottom("[E45: 'readonly' option is set (add ! to override)]", '1,1           All'));
    await t.keysLast(':wq\r', bottom("[E45: 'readonly' option is set (add ! to override)]", '1,1           All'));
    await t.finish(':q\r');
    await t.start('vi -R /tmp/ro');
    // W10 is shown on the first change; the mode message replaces it, and leaving Insert mode clears that
    await t.keysLast('A', bottom('*-- INSERT --*', '1,2           All'));
    await t.keysLast('y\x1b', bottom('', '1,2           All'));
    await t.keysLast(':w\r', bottom("[E45: 'readonly' option is set (add ! to override)]", '1,2           All'));
    await t.keysLast(':w!\r', bottom('"/tmp/ro" 1L, 3B written', '1,2           All'));
    await t.finish(':q\r');
    await t.shell('cat /tmp/ro');
    expect(t.tail(2)).toEqual(['xy', PS1]);
  });

  it('keeps the text when the terminal is resized, wrapping long lines at the new width', async () => {
    const t = new Term(80, 8);
    const long = 'abcdefghij'.repeat(5);
    await t.shell(`printf '${long}\\nshort\\n' > /tmp/w; clear`);
    await t.start('vi /tmp/w', [long, 'short', ...tildes(5), bottom('"/tmp/w" 2L, 57B', '1,1           All')]);
    t.resize(30, 6);
    // the file message is cut to fit before the ruler, which starts at column 15 of 30
    const want30 = [long.slice(0, 30), long.slice(30), 'short', '~', '~', '"/tm... 57B    1,1        All'];
    await t.until((l) => l.join('\n') === want30.join('\n'));
    expect(t.view()).toEqual(want30);
    await t.keysLast('G', '"/tm... 57B    2,1        All');
    t.resize(80, 8);
    await t.until((l) => l[0] === long && l[1] === 'short');
    expect(t.view()).toEqual([long, 'short', ...tildes(5), bottom('"/tmp/w" 2L, 57B', '2,1           All')]);
    await t.finish(':q\r');
  });

  it('takes counts, undoes and redoes with vim messages, and repeats with .', async () => {
    const t = new Term(80, 8);
    await t.shell('seq 10 15 > /tmp/c; clear');
    await t.start('vi /tmp/c');
    await t.keys('3dd', ['13', '14', '15', ...tildes(4), bottom('3 fewer lines', '1,1           All')]);
    await t.keysLast('u', bottom('3 more lines; before #1  0 seconds ago', '1,1           All'));
    expect(t.view().slice(0, 6)).toEqual(['10', '11', '12', '13', '14', '15']);
    await t.keysLast('\x12', bottom('3 fewer lines; after #1  0 seconds ago', '1,1           All'));
    await t.keys('x.', ['', '14', '15', ...tildes(4), bottom('3 fewer lines; after #1  0 seconds ago', '1,0-1         All')]);
    await t.keysLast('2u', bottom('2 changes; before #2  0 seconds ago', '1,1           All'));
    expect(t.view()[0]).toBe('13');
    await t.keys('yy3p', ['13', '13', '13', '13', '14', '15', '~', bottom('3 more lines', '2,1           All')]);
    await t.keys('G2kJ', ['13', '13', '13', '13 14', '15', '~', '~', bottom('3 more lines', '4,3           All')]);
    await t.finish(':q!\r');
  });

  it('selects with v and V, changes text objects, and repeats a change with .', async () => {
    const t = new Term(80, 8);
    await t.shell(`printf 'one two three\\n\\tfour (five six)\\nseven "eight" nine\\n' > /tmp/v; clear`);
    await t.start('vi /tmp/v', ['one two three', '        four (five six)', 'seven "eight" nine', ...tildes(4), bottom('"/tmp/v" 3L, 50B', '1,1           All')]);
    await t.keysLast('wve', bottom('*-- VISUAL --*', '1,7           All'));
    await t.keys('d', ['one  three', '        four (five six)', 'seven "eight" nine', ...tildes(4), bottom('', '1,5           All')]);
    await t.keys('jf(ci(X\x1b', ['one  three', '        four (X)', 'seven "eight" nine', ...tildes(4), bottom('', '2,8-15        All')]);
    await t.keys('j0fici"Z\x1b', ['one  three', '        four (X)', 'seven "Z" nine', ...tildes(4), bottom('', '3,8           All')]);
    await t.keys('ggwdaw', ['one', '        four (X)', 'seven "Z" nine', ...tildes(4), bottom('', '1,3           All')]);
    await t.keys('jVjd', ['one', ...tildes(6), bottom('', '1,1           All')]);
    await t.keysLast('u', bottom('2 more lines; before #5  0 seconds ago', '2,1-8         All'));
    await t.keys('ggAs!\x1bj.', ['ones!', '        four (X)s!', 'seven "Z" nine', ...tildes(4), bottom('', '2,11-18       All')]);
    // a block: CTRL-V over three lines, then I inserts on each of them
    await t.keysLast('gg0\x16jj', bottom('*-- VISUAL BLOCK --*', '3,1           All'));
    await t.keys('I# \x1b', ['# ones!', '#       four (X)s!', '# seven "Z" nine', ...tildes(4), bottom('', '1,1           All')]);
    await t.finish(':q!\r');
  });

  it('searches with / ? n N * and substitutes with :s and :%s, with vim messages', async () => {
    const t = new Term(80, 8);
    await t.shell("printf 'alpha beta\\nbeta gamma beta\\n\\tdelta beta\\nomega\\n' > /tmp/s; clear");
    await t.start('vi /tmp/s');
    await t.keysLast('/zzz\r', bottom('[E486: Pattern not found: zzz]', '1,1           All'));
    await t.keysLast('/beta\r', bottom('/beta', '1,7           All'));
    await t.keysLast('n', bottom('/beta', '2,1           All'));
    await t.keysLast('N', bottom('?beta', '1,7           All'));
    await t.keysLast('G?beta\r', bottom('?beta', '3,8-15        All'));
    await t.keysLast('N', bottom('*search hit BOTTOM, continuing at TOP*', '1,7           All'));
    await t.keysLast('*', bottom('/\\<beta\\>', '2,1           All'));
    await t.keys(':s/beta/B/\r', ['alpha beta', 'B gamma beta', '        delta beta', 'omega', ...tildes(3), bottom(':s/beta/B/', '2,1           All')]);
    await t.keys(':%s/beta/BETA/g\r', ['alpha BETA', 'B gamma BETA', '        delta BETA', 'omega', ...tildes(3), bottom('3 substitutions on 3 lines', '3,2-9         All')]);
    await t.keysLast(':%s/nothing/x/\r', bottom('[E486: Pattern not found: nothing]', '3,2-9         All'));
    await t.keys(':g/BETA/d\r', ['omega', ...tildes(6), bottom('3 fewer lines', '1,1           All')]);
    await t.keysLast('u', bottom('3 more lines; before #3  0 seconds ago', '1,1           All'));
    await t.keys(':set nu list\r', ['  1 alpha BETA$', '  2 B gamma BETA$', '  3 ^Idelta BETA$', '  4 omega$', ...tildes(3), bottom(':set nu list', '1,1           All')]);
    await t.finish(':q!\r');
  });

  it('opens a 10 MB file at once and moves to its end', async () => {
    const t = new Term(80, 6);
    await t.shell('seq 1 1500000 > /tmp/big; clear');
    await t.start('vi /tmp/big', ['1', '2', '3', '4', '5', bottom('"/tmp/big" 1500000L, 10888896B', '1,1           Top')]);
    await t.keys('G', ['1499996', '1499997', '1499998', '1499999', '1500000', bottom('"/tmp/big" 1500000L, 10888896B', '1500000,1     Bot')]);
    await t.keys(':750000\r', ['749998', '749999', '750000', '750001', '750002', bottom(':750000', '750000,1      49%')]);
    await t.finish(':q\r');
  });
});

describe('vim -es without a terminal', { timeout: 60_000 }, () => {
  it('runs -c commands, then Ex commands from standard input; :p prints, errors only set the status', async () => {
    const r = await runScript(`printf 'one\\ntwo foo\\n' > /tmp/x
vim -es -c '%s/o/0/g' -c wq /tmp/x; echo rc=$?
cat /tmp/x
printf '%%p\\nset ts?\\ns/zz/y/\\n' | vim -es /tmp/x; echo rc=$?`);
    expect(r.stdout).toBe('rc=0\n0ne\ntw0 f00\n0ne\ntw0 f00\n  tabstop=8\nrc=1\n');
    // vim -es shows no messages, errors included (checked against vim 9.0)
    expect(r.stderr).toBe('');
  });
});

describe('vim substitute with confirmation', { timeout: 60_000 }, () => {
  it('asks before each replacement with :s///c and counts what was replaced', async () => {
    const t = new Term(80, 6);
    await t.shell("printf 'a a a\\nb a\\n' > /tmp/q; clear");
    await t.start('vi /tmp/q');
    await t.keysLast(':%s/a/X/gc\r', bottom('*replace with X (y/n/a/q/l/^E/^Y)?*', '1,1           All'));
    await t.keysLast('y', bottom('*replace with X (y/n/a/q/l/^E/^Y)?*', '1,3           All'));
    await t.keysLast('n', bottom('*replace with X (y/n/a/q/l/^E/^Y)?*', '1,5           All'));
    await t.keys('a', ['X a X', 'b X', '~', '~', '~', bottom('3 substitutions on 2 lines', '2,1           All')]);
    await t.finish(':q!\r');
  });
});
