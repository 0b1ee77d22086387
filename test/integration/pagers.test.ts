// less, more and man on the console: keys are typed into the machine's terminal and the
// test looks at the screen a learner would see (test/unit/man/screen.ts applies the bytes),
// with reverse video shown as [brackets] and bold as *stars*. Every wait is for a
// condition on the screen, never a fixed delay.
import { describe, expect, it } from 'vitest';
import { ScreenTerm } from './screen-term';
import { preinstallPrograms } from '../fixtures/tdnf/preinstall';

class Term extends ScreenTerm {
  constructor(cols: number, rows: number) {
    super(cols, rows);
    // man-db is not in the minimal install: lay its programs down as tdnf install would
    preinstallPrograms(this.session.machine, ['man-db']);
  }

  /** Starts a full-screen command and waits for its first screen. */
  async start(line: string, want: string[]): Promise<void> {
    await this.session.waitForPrompts(this.prompts);
    this.prompts++;
    await this.keys(`${line}\r`, want);
  }
}

const nums = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, k) => String(from + k));
/** The shell's prompt line with a command typed after it, and alone (trailing space cut). */
const ran = (cmd: string): string => `*root@photon-machine [ *~* ]# *${cmd}`;
const PS1 = '*root@photon-machine [ *~* ]#*';

describe('less on a terminal', { timeout: 30_000 }, () => {
  it('pages through a file with the movement keys', async () => {
    const t = new Term(80, 10);
    await t.shell('seq 1 100 > /tmp/n');
    await t.start('less /tmp/n', [...nums(1, 9), '[/tmp/n]']);
    const steps: [string, string[]][] = [
      [' ', [...nums(10, 18), ':']],
      ['b', [...nums(1, 9), ':']],
      ['j', [...nums(2, 10), ':']],
      ['3j', [...nums(5, 13), ':']],
      ['k', [...nums(4, 12), ':']],
      ['d', [...nums(8, 16), ':']],
      ['u', [...nums(4, 12), ':']],
      ['\x1b[6~', [...nums(13, 21), ':']],
      ['\x1b[5~', [...nums(4, 12), ':']],
      ['G', [...nums(92, 100), '[(END)]']],
      [' ', [...nums(92, 100), '[(END)]']],
      ['g', [...nums(1, 9), ':']],
      ['50g', [...nums(50, 58), ':']],
      ['98g', [...nums(98, 100), '~', '~', '~', '~', '~', '~', '[(END)]']],
      ['<', [...nums(1, 9), ':']],
      ['=', [...nums(1, 9), '[/tmp/n lines 1-9/100 byte 18/292 6%  (press RETURN)]']],
      ['\r', [...nums(1, 9), ':']],
    ];
    for (const [keys, want] of steps) await t.keys(keys, want);
    await t.finish('q');
    expect(t.tail(2)).toEqual([ran('less /tmp/n'), PS1]);
  });

  it('searches forward and backward, highlights matches, and says when nothing matches', async () => {
    const t = new Term(80, 10);
    await t.shell('seq 1 100 > /tmp/n');
    await t.start('less /tmp/n', [...nums(1, 9), '[/tmp/n]']);
    await t.keys('/7', [...nums(1, 9), '/7']);
    await t.keys('\r', ['[7]', '8', '9', '10', '11', '12', '13', '14', '15', ':']);
    await t.keys('n', ['1[7]', '18', '19', '20', '21', '22', '23', '24', '25', ':']);
    await t.keys('N', ['[7]', '8', '9', '10', '11', '12', '13', '14', '15', ':']);
    await t.keys('2n', ['2[7]', '28', '29', '30', '31', '32', '33', '34', '35', ':']);
    await t.keys('?^1.$\r', ['[19]', ...nums(20, 27), ':']);
    // the failed pattern becomes the current one, so nothing is highlighted any more
    await t.keys('/zzz\r', [...nums(19, 27), '[Pattern not found  (press RETURN)]']);
    await t.keys('\r', [...nums(19, 27), ':']);
    await t.keys('n', [...nums(19, 27), '[Pattern not found  (press RETURN)]']);
    await t.keys('/2[0-2]\r', ['[20]', '[21]', '[22]', ...nums(23, 28), ':']);
    await t.keys('\x1bu', [...nums(20, 28), ':']);
    await t.finish('q');
  });

  it('numbers lines with -N, chops with -S and wraps otherwise', async () => {
    const t = new Term(40, 6);
    await t.shell("printf 'short\\n%s\\nend\\n' $(printf 'x%.0s' $(seq 1 50)) > /tmp/long");
    const x50 = 'x'.repeat(50);
    await t.start('less /tmp/long', ['short', x50.slice(0, 40), x50.slice(40), 'end', '[/tmp/long (END)]', '']);
    await t.finish('q');
    await t.start('less -N /tmp/long', ['      1 short', `      2 ${x50.slice(0, 32)}`, `        ${x50.slice(32)}`, '      3 end', '[/tmp/long (END)]', '']);
    await t.keys('-N', ['short', x50.slice(0, 40), x50.slice(40), 'end', '[Don\'t use line numbers  (press RETURN)]', '']);
    await t.finish('\rq');
    await t.start('less -S /tmp/long', ['short', x50.slice(0, 40), 'end', '[/tmp/long (END)]', '', '']);
    await t.keys('\x1b[C', ['', x50.slice(20, 50), '', '[(END)]', '', '']);
    await t.finish('q');
  });

  it('keeps the screen with -X, prints a short file at once with -F, and reads +commands', async () => {
    const t = new Term(80, 10);
    await t.shell('seq 1 100 > /tmp/n; seq 1 3 > /tmp/s');
    await t.shell('less -F /tmp/s');
    expect(t.tail(5)).toEqual([ran('less -F /tmp/s'), '1', '2', '3', PS1]);
    await t.start('less +G /tmp/n', [...nums(92, 100), '[/tmp/n (END)]']);
    await t.finish('q');
    await t.start('less +/^42 /tmp/n', ['[42]', ...nums(43, 50), '[/tmp/n]']);
    await t.finish('q');
    await t.shell('clear');
    await t.start('less -X /tmp/s', [ran('less -X /tmp/s'), '1', '2', '3', '[/tmp/s (END)]', '', '', '', '', '']);
    await t.finish('q');
    expect(t.tail(5)).toEqual([ran('less -X /tmp/s'), '1', '2', '3', PS1]);
  });

  it('shows its help with h, survives Ctrl-C, redraws after a resize, and leaves with status 0', async () => {
    const t = new Term(80, 10);
    await t.shell('seq 1 100 > /tmp/n');
    await t.start('less /tmp/n', [...nums(1, 9), '[/tmp/n]']);
    t.session.type('h');
    await t.until((l) => l[1] === '                   SUMMARY OF LESS COMMANDS');
    expect(t.view()[9]).toBe('[HELP -- Press RETURN for more, or q when done]');
    await t.keys('q', [...nums(1, 9), ':']);
    await t.keys('\x03', [...nums(1, 9), ':']);
    t.resize(30, 5);
    await t.until((l) => l.join('\n') === [...nums(1, 4), ':'].join('\n'));
    expect(t.view()).toEqual([...nums(1, 4), ':']);
    await t.keys(' ', [...nums(5, 8), ':']);
    await t.finish('q');
    await t.shell('echo status=$?');
    expect(t.tail(2)).toEqual(['status=0', PS1]);
  });

  it('gives the screen back on Ctrl-Z and takes it again with fg', async () => {
    const t = new Term(80, 10);
    await t.shell('seq 1 100 > /tmp/n; clear');
    await t.start('less /tmp/n', [...nums(1, 9), '[/tmp/n]']);
    await t.finish('\x1a');
    expect(t.tail(4)).toEqual([ran('less /tmp/n'), '', '[1]+  Stopped                 less /tmp/n', PS1]);
    await t.keys('fg\r', [...nums(1, 9), ':']);
    await t.keys(' ', [...nums(10, 18), ':']);
    await t.finish('q');
  });

  it('starts at once on an endless pipe; Ctrl-C stops G, and q ends the pipeline', async () => {
    const t = new Term(80, 6);
    await t.start('yes | less', ['y', 'y', 'y', 'y', 'y', ':']);
    t.session.type('G');
    t.session.type('\x03');
    await t.until((l) => l[5] === '[(END)]' || l[5] === ':');
    expect(t.view().slice(0, 5)).toEqual(['y', 'y', 'y', 'y', 'y']);
    await t.finish('q');
    expect(t.tail(1)).toEqual([PS1]);
  });

  it('says why a file cannot be shown and exits 1 when none can', async () => {
    const t = new Term(80, 10);
    await t.shell('less /nonexistent; echo status=$?');
    expect(t.tail(4)).toEqual([ran('less /nonexistent; echo status=$?'), '/nonexistent: No such file or directory', 'status=1', PS1]);
    await t.shell('less; echo status=$?');
    expect(t.tail(3)).toEqual(['Missing filename ("less --help" for help)', 'status=1', PS1]);
  });
});

describe('man on a terminal', { timeout: 30_000 }, () => {
  it('formats the page for the screen and shows it through less with its prompt', async () => {
    const t = new Term(80, 12);
    await t.start('man ls', [
      'LS(1)                            User Commands                           LS(1)',
      '',
      '*NAME*',
      '       ls - list directory contents',
      '',
      '*SYNOPSIS*',
      '       *ls *[_OPTION_]... [_FILE_]...',
      '',
      '*DESCRIPTION*',
      '       *ls  *lists  each _FILE_ that is not a directory, then the contents of each',
      '       directory named (the current directory when nothing is named).  Entries',
      '[ Manual page ls(1) line 1 (press h for help or q to quit)]',
    ]);
    t.session.type('G');
    await t.until((l) => l[11]!.includes('(END)'));
    expect(t.view().slice(9)).toEqual(['', 'GNU coreutils 9.1                 April 2022                             LS(1)', '[ Manual page ls(1) line 202/212 (END) (press h for help or q to quit)]']);
    await t.finish('q');
    await t.shell('echo status=$?');
    expect(t.tail(2)).toEqual(['status=0', PS1]);
  });

  it('uses MANPAGER, and reports a pager that cannot run', async () => {
    const t = new Term(80, 12);
    await t.shell('MANPAGER=cat MANWIDTH=40 man true | head -0; MANPAGER=cat man -P nosuch true; echo status=$?');
    expect(t.tail(4)).toEqual([
      "man: can't execute nosuch: No such file or directory",
      "man: command exited with status 255: sed -e '/^[[:space:]]*$/{ N; /^[[:space:]]*\\n[[:space:]]*$/D; }' | LESS=-ix8RmPm Manual page true(1) ?ltline %lt?L/%L.:byte %bB?s/%s..?e (END):?pB %pB\\%.. (press h for help or q to quit)$PM Manual page true(1) ?ltline %lt?L/%L.:byte %bB?s/%s..?e (END):?pB %pB\\%.. (press h for help or q to quit)$ MAN_PN=true(1) nosuch",
      'status=3',
      PS1,
    ].flatMap((l) => (l.length > 80 ? l.match(/.{1,80}/g)! : [l])).slice(-4));
    await t.shell('MANPAGER=cat man false | tail -1');
    expect(t.tail(2)).toEqual(['GNU coreutils 9.1                 April 2022                          FALSE(1)', PS1]);
  });
});

describe('more on a terminal', { timeout: 30_000 }, () => {
  it('shows a screenful, then --More--(NN%), and scrolls on', async () => {
    const t = new Term(80, 6);
    await t.shell('seq 1 30 > /tmp/m');
    await t.start('more /tmp/m', [...nums(1, 5), '[--More--(12%)]']);
    await t.keys(' ', [...nums(6, 10), '[--More--(25%)]']);
    await t.keys('\r', [...nums(7, 11), '[--More--(29%)]']);
    await t.keys('b', [...nums(2, 6), '[--More--(14%)]']);
    await t.keys('/2.\r', [...nums(18, 22), '[--More--(70%)]']);
    await t.keys('/zz\r', [...nums(18, 22), '[Pattern not found]']);
    await t.finish('q');
    expect(t.tail(2)).toEqual(['22', PS1]);
  });

  it('ends by itself at the end of the last file', async () => {
    const t = new Term(80, 6);
    await t.shell('seq 1 7 > /tmp/m');
    await t.start('more /tmp/m', [...nums(1, 5), '[--More--(71%)]']);
    await t.finish(' ');
    expect(t.tail(4)).toEqual(['5', '6', '7', PS1]);
  });
});
