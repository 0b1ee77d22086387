// Programs whose output depends on standard output being a terminal: ls lays names out in
// columns as wide as the terminal, quotes awkward names, colours with --color=auto; clear
// writes its terminfo sequence. Expected bytes were captured from GNU ls 9.1 and ncurses 6.4
// under script(1) in an 80-column xterm-256color with LANG=C TZ=UTC (the tty turns \n into
// \r\n).
import { beforeAll, describe, expect, it } from 'vitest';
import { ConsoleSession } from '../../integration/machine-helpers';

const SETUP = "umask 022; mkdir /tmp/t; cd /tmp/t; touch alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima 'a b'; mkdir dir; cp -s alpha link; touch -h -d 2020-01-01 * .";

const CASES: [string, string][] = [
  ['ls', "'a b'\t bravo\t   delta   echo      golf    india    kilo   link\r\n alpha\t charlie   dir\t   foxtrot   hotel   juliet   lima\r\n"],
  ['ls --color=auto', "'a b'    bravo     delta   echo      golf    india    kilo   \x1b[0m\x1b[01;36mlink\x1b[0m\r\n alpha   charlie   \x1b[01;34mdir\x1b[0m     foxtrot   hotel   juliet   lima\r\n"],
  ['ls -l dir alpha link', '-rw-r--r-- 1 root root    0 Jan  1  2020 alpha\r\nlrwxrwxrwx 1 root root    5 Jan  1  2020 link -> alpha\r\n\r\ndir:\r\ntotal 0\r\n'],
  ['ls -l --color=auto alpha dir link', '-rw-r--r-- 1 root root    0 Jan  1  2020 alpha\r\nlrwxrwxrwx 1 root root    5 Jan  1  2020 \x1b[0m\x1b[01;36mlink\x1b[0m -> alpha\r\n\r\ndir:\r\ntotal 0\r\n'],
  ['ls -x', "'a b'\t alpha\t  bravo   charlie   delta   dir   echo\t foxtrot   golf   hotel\r\n india\t juliet   kilo\t  lima\t    link\r\n"],
  ['ls -m', "'a b', alpha, bravo, charlie, delta, dir, echo, foxtrot, golf, hotel, india,\r\njuliet, kilo, lima, link\r\n"],
  ['ls -1', "'a b'\r\nalpha\r\nbravo\r\ncharlie\r\ndelta\r\ndir\r\necho\r\nfoxtrot\r\ngolf\r\nhotel\r\nindia\r\njuliet\r\nkilo\r\nlima\r\nlink\r\n"],
  ['ls -F', "'a b'\t bravo\t   delta   echo      golf    india    kilo   link@\r\n alpha\t charlie   dir/    foxtrot   hotel   juliet   lima\r\n"],
  ['ls --color=auto -F', "'a b'    bravo     delta   echo      golf    india    kilo   \x1b[0m\x1b[01;36mlink\x1b[0m@\r\n alpha   charlie   \x1b[01;34mdir\x1b[0m/    foxtrot   hotel   juliet   lima\r\n"],
  ['ls | cat', 'a b\r\nalpha\r\nbravo\r\ncharlie\r\ndelta\r\ndir\r\necho\r\nfoxtrot\r\ngolf\r\nhotel\r\nindia\r\njuliet\r\nkilo\r\nlima\r\nlink\r\n'],
  ['ls -w 40', "'a b'\t   delta     golf     kilo\r\n alpha\t   dir\t     hotel    lima\r\n bravo\t   echo      india    link\r\n charlie   foxtrot   juliet\r\n"],
  ['clear', '\x1b[H\x1b[2J\x1b[3J'],
  ['clear -x', '\x1b[H\x1b[2J'],
];

describe('on a terminal', () => {
  let session: ConsoleSession;
  const type = async (command: string): Promise<string> => (await session.command(command));

  beforeAll(async () => {
    session = new ConsoleSession({ cols: 80 });
    await session.waitForPrompts(1);
    await type(SETUP);
  });

  it.each(CASES)('%s', async (command, want) => {
    expect(await type(command)).toBe(want);
  });
});
