// File and system programs whose behaviour depends on a terminal: tty, stty, who and users
// (the console login), nohup's redirections. Expected texts follow GNU coreutils 9.1 on a
// Linux console with sane settings (stty -a layout as captured under script(1)).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleSession } from '../../integration/machine-helpers';

describe('file and system programs on the console', () => {
  let session: ConsoleSession;
  const type = async (command: string): Promise<string> => (await session.command(command)).replace(/\r\n/g, '\n');

  beforeAll(async () => {
    session = new ConsoleSession({ cols: 80, rows: 24 });
    await session.waitForPrompts(1);
    await type('cd /tmp');
  });

  afterAll(() => undefined);

  it('tty names the console', async () => {
    expect(await type('tty; echo $?')).toBe('/dev/tty1\n0\n');
    expect(await type('tty </dev/null; echo $?')).toBe('not a tty\n1\n');
  });

  it('stty shows and changes settings', async () => {
    expect(await type('stty')).toBe('speed 38400 baud; line = 0;\n');
    expect(await type('stty size')).toBe('24 80\n');
    expect(await type('stty -a')).toBe([
      'speed 38400 baud; rows 24; columns 80; line = 0;',
      'intr = ^C; quit = ^\\; erase = ^?; kill = ^U; eof = ^D; eol = <undef>;',
      'eol2 = <undef>; swtch = <undef>; start = ^Q; stop = ^S; susp = ^Z; rprnt = ^R;',
      'werase = ^W; lnext = ^V; discard = ^O; min = 1; time = 0;',
      '-parenb -parodd -cmspar cs8 -hupcl -cstopb cread -clocal -crtscts',
      '-ignbrk brkint -ignpar -parmrk -inpck -istrip -inlcr -igncr icrnl ixon -ixoff',
      '-iuclc -ixany imaxbel -iutf8',
      'opost -olcuc -ocrnl onlcr -onocr -onlret -ofill -ofdel nl0 cr0 tab0 bs0 vt0 ff0',
      'isig icanon iexten echo echoe echok -echonl -noflsh -xcase -tostop -echoprt',
      'echoctl echoke -flusho -extproc',
      '',
    ].join('\n'));
    expect(await type('stty -g')).toBe('2502:5:bf:8a3b:3:1c:7f:15:4:0:1:0:11:13:1a:0:12:f:17:16:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0\n');
    expect(await type('stty intr ^X; stty; stty sane; stty')).toBe('speed 38400 baud; line = 0;\nintr = ^X;\nspeed 38400 baud; line = 0;\n');
    expect(await type('stty bogus; echo $?')).toBe("stty: invalid argument 'bogus'\nTry 'stty --help' for more information.\n1\n");
    expect(await type('stty -a -g; echo $?')).toBe('stty: the options for verbose and stty-readable output styles are\nmutually exclusive\n1\n');
  });

  it('stty -echo and echo', async () => {
    expect(await type('stty -echo; stty; stty echo; stty')).toBe('speed 38400 baud; line = 0;\n-echo\nspeed 38400 baud; line = 0;\n');
    expect(await type('stty raw; stty; stty -raw; stty')).toBe('speed 38400 baud; line = 0;\nmin = 1; time = 0;\n-brkint -icrnl -imaxbel\n-opost\n-isig -icanon\nspeed 38400 baud; line = 0;\n-imaxbel\n');
  });

  it('who and users see the console login', async () => {
    expect(await type('users')).toBe('root\n');
    expect(await type('who')).toMatch(/^root {5}tty1 {9}Jan 15 09:30\n$/);
    expect(await type('LANG=en_US.UTF-8 who')).toMatch(/^root {5}tty1 {9}2026-01-15 09:30\n$/);
    expect(await type('who -q')).toBe('root\n# users=1\n');
    expect(await type('who am i')).toMatch(/^root {5}tty1 {9}Jan 15 09:30\n$/);
    expect(await type('who -b')).toMatch(/^ {9}system boot {2}Jan 15 09:30\n$/);
  });

  it('nohup appends output to nohup.out', async () => {
    expect(await type('nohup echo hi; echo $?')).toBe("nohup: ignoring input and appending output to 'nohup.out'\n0\n");
    expect(await type('cat nohup.out; stat -c %a nohup.out')).toBe('hi\n600\n');
    expect(await type('nohup echo hi >/dev/null; echo $?')).toBe('nohup: ignoring input and redirecting stderr to stdout\n0\n');
    expect(await type('nohup echo hi >out 2>err; echo $?; cat out err')).toBe('0\nhi\nnohup: ignoring input\n');
    expect(await type('nohup nosuch; echo $?')).toBe("nohup: ignoring input and appending output to 'nohup.out'\nnohup: failed to run command 'nosuch': No such file or directory\n127\n");
  });
});
