// Programmable completion at the prompt: Tab, a second Tab's list, specs set with
// `complete`, COMP_* for -F functions, and the specs written in TypeScript.
import { describe, expect, it } from 'vitest';
import { ConsoleSession } from '../../integration/machine-helpers';
import { analyseLine } from '../../../src/programs/shell/completion/words';

const BELL = '\x07';

const PROMPT = '\x1b[1;31mroot@photon-machine [ \x1b[0m~\x1b[1;31m ]# \x1b[0m';

/**
 * A console at its first prompt, after the setup lines ran. `step(keys, shown)` types keys
 * and checks that the terminal shows exactly `shown` for them (waiting for it, no sleeps).
 */
async function session(setup: string[] = [], timeout = 4000): Promise<{ s: ConsoleSession; step: (keys: string, shown: string) => Promise<void> }> {
  const s = new ConsoleSession({ cols: 80 });
  await s.waitForPrompts(1);
  for (const line of setup) {
    const n = s.prompts();
    s.type(`${line}\r`);
    await s.waitForPrompts(n + 1);
  }
  const step = async (keys: string, shown: string): Promise<void> => {
    const mark = s.output.length;
    s.type(keys);
    await s.waitFor(shown, mark, timeout);
    expect(s.output.slice(mark)).toBe(shown);
  };
  return { s, step };
}

describe('completion at the prompt', () => {
  it('completes a -W word list: common prefix with the bell, then the bell, then a list', async () => {
    const { step } = await session(['complete -W "alpha beta betamax" foo']);
    await step('foo b\t', `foo b${BELL}eta`);
    await step('\t', BELL);
    await step('\t', `\r\nbeta     betamax  \r\n${PROMPT}foo beta`);
    await step('m\t', 'max ');
  });
});

describe('readline behaviour of completions', () => {
  it('completes file names: a slash for a directory, quoting, a list with slashes', async () => {
    const { step } = await session(['mkdir -p /tmp/fc/dira /tmp/fc/dirb', 'touch "/tmp/fc/my file" /tmp/fc/filea', 'cd /tmp/fc']);
    const prompt = PROMPT.replace('~', '/tmp/fc');
    await step('ls di\t', `ls di${BELL}r`);
    await step('\t', BELL);
    await step('\t', `\r\ndira/ dirb/ \r\n${prompt}ls dir`);
    await step('a\t', 'a/');
    await step('\x15', '\r\x1b[33C\x1b[J');
    await step('ls my\t', 'ls my\\ file ');
    await step('\x15', '\r\x1b[33C\x1b[J');
    await step('ls "my\t', 'ls "my file" ');
  });

  it('completes variables and user names', async () => {
    const { step } = await session(['export HOMEX=1']);
    await step('echo $HOM\t', `echo $HOM${BELL}E`);
    await step('\t', BELL);
    await step('\t', `\r\n$HOME   $HOMEX  \r\n${PROMPT}echo $HOME`);
    await step('\x15', '\r\x1b[27C\x1b[J');
    await step('echo ${HOMEX\t', 'echo ${HOMEX} ');
    await step('\x15', '\r\x1b[27C\x1b[J');
    await step('echo ~ro\t', 'echo ~root/');
  });

  it('honours -o filenames and -o nospace, and asks before listing 100 choices or more', async () => {
    const { step } = await session(['mkdir -p /tmp/fc/dira', 'cd /tmp/fc', 'complete -o filenames -W "dira filea" zz', 'complete -o nospace -W aa yy', 'complete -W "$(echo w{1..120})" many']);
    const prompt = PROMPT.replace('~', '/tmp/fc');
    await step('zz \t\t', `zz ${BELL}\r\ndira/  filea  \r\n${prompt}zz `);
    await step('\x15yy \t', '\r\x1b[33C\x1b[Jyy aa');
    await step('\x15many \t', `\r\x1b[33C\x1b[Jmany ${BELL}w`);
    await step('\t', BELL);
    await step('\t', '\r\nDisplay all 120 possibilities? (y or n)');
    await step('n', `\r\n${prompt}many w`);
  });

  it('gives a -F function COMP_WORDS, COMP_CWORD, COMP_LINE, COMP_POINT and its arguments, and uses COMPREPLY', async () => {
    const { s, step } = await session(['_f() { echo; declare -p COMP_WORDS COMP_CWORD COMP_LINE COMP_POINT COMP_TYPE COMP_KEY; echo "args: $1|$2|$3"; COMPREPLY=(x1 x2); }; complete -F _f foo']);
    // as the real bash 5.2 prints them for this line, the cursor before ` d`
    s.type('echo hi; foo a --opt=v "b c" d\x02\x02\t');
    await s.waitFor(`\r\ndeclare -a COMP_WORDS=([0]="foo" [1]="a" [2]="--opt" [3]="=" [4]="v" [5]="\\"b c\\"" [6]="d")\r\ndeclare -- COMP_CWORD="5"\r\ndeclare -- COMP_LINE="foo a --opt=v \\"b c\\" d"\r\ndeclare -- COMP_POINT="19"\r\ndeclare -- COMP_TYPE="9"\r\ndeclare -- COMP_KEY="9"\r\nargs: foo|"b c"|v\r\n${BELL}`);
    // the common prefix of the replies took the word's place
    const mark = s.output.length;
    s.type('\t');
    await s.waitFor('args: foo|x|v\r\n', mark);
    expect(s.output.slice(mark)).toContain('COMP_WORDS=([0]="foo" [1]="a" [2]="--opt" [3]="=" [4]="v" [5]="x" [6]="d")\r\ndeclare -- COMP_CWORD="5"\r\ndeclare -- COMP_LINE="foo a --opt=v x d"\r\ndeclare -- COMP_POINT="15"');
  });

  it('lets a -F function change its options with compopt; after `=` the word is empty', async () => {
    const { step } = await session(['_g() { compopt -o nospace; echo; echo "$COMP_CWORD $1|$2|$3"; COMPREPLY=(val); }; complete -F _g gg']);
    await step('gg --type=\t', `gg --type=\r\n2 gg||--type\r\nval`);
  });

  it('uses the -E and -D specs, and a spec set with complete before a built-in one', async () => {
    const { step } = await session(['complete -E -W emptyword', 'complete -D -W dflt', 'complete -W myverb systemctl']);
    await step('\t', 'emptyword ');
    await step('\x15nosuchcmd d\t', '\r\x1b[27C\x1b[Jnosuchcmd dflt ');
    await step('\x15systemctl my\t', '\r\x1b[27C\x1b[Jsystemctl myverb ');
  });
});

describe('completion specs written in TypeScript', () => {
  it('systemctl: verbs, unit names from the unit directories, option values', async () => {
    const { step } = await session();
    await step('systemctl st\t', `systemctl st${BELL}`);
    await step('\t', `\r\nstart   status  stop    \r\n${PROMPT}systemctl st`);
    await step('art sshd\t', `art sshd${BELL}`);
    await step('.\t', '.service ');
    await step('\x15systemctl enable getty\t', `\r\x1b[27C\x1b[Jsystemctl enable getty${BELL}`);
    await step('\t', `\r\ngetty-pre.target  getty.target      getty@.service    \r\n${PROMPT}systemctl enable getty`);
    await step('\x15systemctl --ty\t', '\r\x1b[27C\x1b[Jsystemctl --type=');
    await step('ti\t', 'timer ');
    await step('\x15systemctl set-default mul\t', '\r\x1b[27C\x1b[Jsystemctl set-default multi-user.target ');
  });

  it('journalctl: options, unit names after -u, priorities, output modes', async () => {
    const { step } = await session();
    await step('journalctl -u systemd-networkd.s\t', `journalctl -u systemd-networkd.s${BELL}`);
    await step('\t', `\r\nsystemd-networkd.service  systemd-networkd.socket   \r\n${PROMPT}journalctl -u systemd-networkd.s`);
    await step('\x15journalctl -p em\t', '\r\x1b[27C\x1b[Jjournalctl -p emerg ');
    await step('--output=json-p\t', '--output=json-pretty ');
    await step('--no-p\t', '--no-pager ');
  });

  it('iptables: tables after -t, chains (built-in and user-defined), targets after -j, policies', async () => {
    // after boot has loaded the saved rules (which would drop the chain again)
    const { step } = await session(['until systemctl -q is-active iptables; do sleep 0.1; done; iptables -N MYCHAIN']);
    await step('iptables -t n\t', 'iptables -t nat ');
    await step('-A \t', `-A ${BELL}`);
    await step('\t', `\r\nINPUT        OUTPUT       POSTROUTING  PREROUTING   \r\n${PROMPT}iptables -t nat -A `);
    await step('\x15iptables -A MY\t', '\r\x1b[27C\x1b[Jiptables -A MYCHAIN ');
    await step('-j DR\t', '-j DROP ');
    await step('\x15iptables -P FORWARD \t\t', `\r\x1b[27C\x1b[Jiptables -P FORWARD ${BELL}\r\nACCEPT  DROP    \r\n${PROMPT}iptables -P FORWARD `);
  });

  it('ip: objects, their commands, `dev` and interface names', async () => {
    const { step } = await session();
    await step('ip li\t', 'ip link ');
    await step('set \t', `set ${BELL}`);
    await step('\t', `\r\naddress     dev         group       mtu         netns       txqueuelen\r\nalias       down        lo          multicast   nomaster    type\r\narp         eth0        master      name        promisc     up\r\n${PROMPT}ip link set `);
    await step('\x15ip -4 a show dev e\t', '\r\x1b[27C\x1b[Jip -4 a show dev eth0 ');
    await step('\x15ip ro\t', '\r\x1b[27C\x1b[Jip route ');
  });

  it('tdnf and docker: verbs, subcommands and options', async () => {
    const { step } = await session();
    await step('tdnf ins\t', 'tdnf install ');
    await step('\x15tdnf clean \t\t', `\r\x1b[27C\x1b[Jtdnf clean ${BELL}\r\nall           expire-cache  metadata      plugins       \r\ndbcache       keys          packages      \r\n${PROMPT}tdnf clean `);
    await step('\x15tdnf --assume\t', `\r\x1b[27C\x1b[Jtdnf --assume${BELL}`);
    await step('\x15docker st\t\t', `\r\x1b[27C\x1b[Jdocker st${BELL}\r\nstack  start  stats  stop   \r\n${PROMPT}docker st`);
    await step('\x15docker container p\t', `\r\x1b[27C\x1b[Jdocker container p${BELL}`);
    await step('r\t', 'rune ');
  });
});

describe('the command line as completion sees it', () => {
  // COMP_LINE, COMP_POINT, COMP_WORDS, COMP_CWORD, $2 and $3 as bash 5.2 gives them
  it.each([
    ['echo hi; foo a --opt=v "b c" d', 28, 'foo a --opt=v "b c" d', 19, ['foo', 'a', '--opt', '=', 'v', '"b c"', 'd'], 5, '"b c"', 'v'],
    ['foo  x  ', 8, 'foo  x  ', 8, ['foo', 'x', ''], 2, '', 'x'],
    ['  foo b:c', 9, 'foo b:c', 7, ['foo', 'b', ':', 'c'], 3, 'c', ':'],
    ['x=1 foo bar | foo q', 19, 'foo q', 5, ['foo', 'q'], 1, 'q', 'foo'],
    ['foo --type=', 11, 'foo --type=', 11, ['foo', '--type', '='], 2, '', '--type'],
    ['foo --type=a', 12, 'foo --type=a', 12, ['foo', '--type', '=', 'a'], 3, 'a', '='],
    ['foo a>b', 7, 'foo a>b', 7, ['foo', 'a', '>', 'b'], 3, 'b', '>'],
    ['foo a >', 7, 'foo a >', 7, ['foo', 'a', '>'], 2, '', 'a'],
  ])('%j at %i', (full, cursor, line, point, words, cword, cur, prev) => {
    const cl = analyseLine(full, cursor);
    expect({ line: cl.line, point: cl.point, words: cl.words, cword: cl.cword, cur: cl.cur, prev: cl.prev }).toEqual({ line, point, words, cword, cur, prev });
  });

  it('finds the command word after assignments and reserved words', () => {
    expect(analyseLine('x=1 foo b', 9).command).toBe('foo');
    expect(analyseLine('if foo b', 8).command).toBe('foo');
    expect(analyseLine('sudo systemctl st', 17).command).toBe('systemctl');
    expect(analyseLine('ls; sys', 7).inCommand).toBe(true);
  });
});
