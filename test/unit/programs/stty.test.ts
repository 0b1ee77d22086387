// stty (coreutils 9.1) on the console, whose termios the kernel keeps in full, and the line
// discipline acting on what stty sets. Expected texts as GNU stty prints them on a Linux
// terminal (recorded under script(1), with the console's sane settings).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleSession } from '../../integration/machine-helpers';
import { newMachine, sh } from './helpers';

const SANE_G = '2502:5:bf:8a3b:3:1c:7f:15:4:0:1:0:11:13:1a:0:12:f:17:16:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0';

describe('stty on the console', () => {
  let session: ConsoleSession;
  const type = async (command: string): Promise<string> => (await session.command(command)).replace(/\r\n/g, '\n');

  beforeAll(async () => {
    session = new ConsoleSession({ cols: 80, rows: 24 });
    await session.waitForPrompts(1);
  });

  afterAll(() => undefined);

  it.each([
    ['stty size', '24 80\n'],
    // (the line editor wraps at the new width: commands stay short)
    ['stty rows 5 cols 60 size', '5 60\n'],
    ['stty size', '5 60\n'],
    ['stty rows 24 cols 80', ''],
    ['s=$(stty -g)', ''],
    // raw and -echo are saved by -g and restored from it
    ['stty raw -echo; stty -g', '0:4:bf:8a30:3:1c:7f:15:4:0:1:0:11:13:1a:0:12:f:17:16:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0\n'],
    ['stty $s; stty -g', `${SANE_G}\n`],
    ['stty intr ^X quit undef; stty', 'speed 38400 baud; line = 0;\nintr = ^X; quit = <undef>;\n'],
    ['stty sane; stty', 'speed 38400 baud; line = 0;\n'],
    ['stty 9600; stty; stty speed', 'speed 9600 baud; line = 0;\n9600\n'],
    ['stty 38400 line 3; stty', 'speed 38400 baud; line = 3;\n'],
    ['stty sane line 0', ''],
    ['stty -icanon min 5 time 2; stty', 'speed 38400 baud; line = 0;\nmin = 5; time = 2;\n-icanon\n'],
    ['stty sane -opost tab3 -echoctl; stty', 'speed 38400 baud; line = 0;\n-opost tab3\n-echoctl\n'],
    ['stty -g; stty sane', '2502:1804:bf:883b:3:1c:7f:15:4:0:1:0:11:13:1a:0:12:f:17:16:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0\n'],
    ['stty 12345; echo rc=$?', "stty: invalid argument '12345'\nTry 'stty --help' for more information.\nrc=1\n"],
    ['stty rows x; echo rc=$?', "stty: invalid integer argument: 'x'\nrc=1\n"],
    ['stty intr; echo rc=$?', "stty: missing argument to 'intr'\nTry 'stty --help' for more information.\nrc=1\n"],
    ['stty -cs8; echo rc=$?', "stty: invalid argument '-cs8'\nTry 'stty --help' for more information.\nrc=1\n"],
  ])('%s', async (command, expected) => {
    expect(await type(command)).toBe(expected);
  });

  it('sets the window size and prints every setting with -a, wrapped at its width', async () => {
    await type('stty rows 30 cols 100');
    expect(await type('stty -a')).toBe([
      'speed 38400 baud; rows 30; columns 100; line = 0;',
      'intr = ^C; quit = ^\\; erase = ^?; kill = ^U; eof = ^D; eol = <undef>; eol2 = <undef>;',
      'swtch = <undef>; start = ^Q; stop = ^S; susp = ^Z; rprnt = ^R; werase = ^W; lnext = ^V; discard = ^O;',
      'min = 1; time = 0;',
      '-parenb -parodd -cmspar cs8 -hupcl -cstopb cread -clocal -crtscts',
      '-ignbrk brkint -ignpar -parmrk -inpck -istrip -inlcr -igncr icrnl ixon -ixoff -iuclc -ixany imaxbel',
      '-iutf8',
      'opost -olcuc -ocrnl onlcr -onocr -onlret -ofill -ofdel nl0 cr0 tab0 bs0 vt0 ff0',
      'isig icanon iexten echo echoe echok -echonl -noflsh -xcase -tostop -echoprt echoctl echoke -flusho',
      '-extproc',
      '',
    ].join('\n'));
    await type('stty rows 24 cols 80');
  });

});

describe('stty without a terminal', () => {
  it.each([
    ['stty -a', "stty: 'standard input': Inappropriate ioctl for device\n", 1],
    ['stty -g </dev/null', "stty: 'standard input': Inappropriate ioctl for device\n", 1],
    ['stty -F /dev/null', "stty: /dev/null: Inappropriate ioctl for device\n", 1],
  ])('%s', async (cmd, stderr, exit) => {
    const r = await sh(newMachine(), cmd);
    expect({ stdout: r.stdout, stderr: r.stderr, exit: r.exit }).toEqual({ stdout: '', stderr, exit });
  });
});
