// top and nano on the console: keys are typed into the machine's terminal and the test looks
// at the screen a learner would see (test/unit/man/screen.ts applies the bytes). Every wait is
// for a condition on the screen or the output, never a fixed delay.
import { describe, expect, it } from 'vitest';
import { ScreenTerm } from './screen-term';

class Term extends ScreenTerm {
  /** Waits until `pred` holds for the plain screen; fails with the screen if it never does. */
  async waitFor(what: string, pred: (lines: string[]) => boolean, ms = 10_000): Promise<string[]> {
    const start = Date.now();
    for (;;) {
      const lines = this.plain();
      if (pred(lines)) return lines;
      if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}; screen:\n${lines.join('\n')}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  type(keys: string): void {
    this.session.type(keys);
  }
}

/** The task rows of top's screen: after the header line. */
function tasks(lines: string[]): string[][] {
  const h = lines.findIndex((l) => /^\s+PID USER\s+PR\s+NI/.test(l));
  return h < 0 ? [] : lines.slice(h + 1).filter((l) => l.trim()).map((l) => l.trim().split(/\s+/));
}

/** The pid bash printed for background job `job` ("[1] 42"). */
const pidOf = (text: string, job = 1): number => Number(new RegExp(`\\[${job}\\] (\\d+)`).exec(text)?.[1] ?? NaN);

describe('top on a terminal', { timeout: 60_000 }, () => {
  it('puts a busy background job at the top with high %CPU, sorts by M and P, kills with k and quits with q', async () => {
    const t = new Term(100, 60);
    try {
      await busyTop(t);
    } finally {
      // a failed run must not leave yes spinning under the tests that follow
      const k = t.session.machine.kernel;
      for (const p of [...k.procs.values()]) if (p.comm === 'yes') k.signal(p, 9);
    }
  });

  it('shows the help screen, per-CPU lines with 1, renices with r, and quits on Ctrl-C', async () => {
    const t = new Term(80, 24);
    await t.shell('sleep 1000 &');
    const sleeper = pidOf(t.session.output);
    await t.begin('top');
    await t.waitFor('the first frame', (l) => /^%Cpu\(s\):/.test(l[2] ?? ''));
    t.type('h');
    const help = await t.waitFor('the help', (l) => l[0] === 'Help for Interactive Commands - procps-ng 4.0.4');
    expect(help[1]).toBe('Window 1:Def: Cumulative mode Off.  System: Delay 3.0 secs; Secure mode Off.');
    expect(help.at(-1)).toBe("Type 'q' or <Esc> to continue");
    t.type('q');
    await t.waitFor('the frame again', (l) => /^Tasks:/.test(l[1] ?? ''));
    t.type('1');
    await t.waitFor('a line per CPU', (l) => /^%Cpu0  :[ \d]/.test(l[2] ?? '') && /^%Cpu1  :[ \d]/.test(l[3] ?? ''));
    t.type('r');
    await t.waitFor('the renice prompt', (l) => /^PID to renice \[default pid = \d+\]$/.test(l[6] ?? ''));
    t.type(`${sleeper}\r`);
    await t.waitFor('the value prompt', (l) => l[6] === `Renice PID ${sleeper} to value`);
    t.type('5\r');
    await t.waitFor('the frame after the prompt', (l) => l[6] === '' && /^ +PID USER/.test(l[7] ?? ''));
    await t.finish('\x03');
    await t.shell('ps -o ni= -p $!');
    expect(t.plain().filter((l) => l.trim()).at(-2)?.trim()).toBe('5');
  });
});

/** The busy-job scenario: yes on top, TIME+ growing, M and P, an unknown key, k, q. */
async function busyTop(t: Term): Promise<void> {
  await t.shell('sleep 1000 &');
  const sleeper = pidOf(t.session.output);
  await t.shell('yes > /dev/null &');
  const yes = pidOf(t.session.output, 2);
  expect(yes).toBeGreaterThan(sleeper);
  await t.begin('top -d 1');
  // the summary, then the busy job first with most of a CPU, in state R
  let lines = await t.waitFor('yes at the top', (l) => tasks(l)[0]?.[0] === String(yes));
  expect(lines[0]).toMatch(/^top - \d\d:\d\d:\d\d up .*load average: /);
  expect(lines[1]).toMatch(/^Tasks: +\d+ total, +\d+ running, +\d+ sleeping, +0 stopped, +0 zombie$/);
  expect(lines[2]).toMatch(/^%Cpu\(s\): *[\d.]+ us, *[\d.]+ sy, *[\d.]+ ni, *[\d.]+ id,/);
  expect(Number(/([\d.]+) us/.exec(lines[2]!)?.[1])).toBeGreaterThan(5);
  expect(lines[3]).toMatch(/^MiB Mem : +1967\.0 total,/);
  expect(lines[4]).toMatch(/^MiB Swap: /);
  expect(lines[6]).toBe('    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND');
  expect(t.view()[6]).toMatch(/^\[ +PID USER .* COMMAND +\]$/);
  const row = tasks(lines)[0]!;
  expect(row[7]).toBe('R');
  // most of a CPU: how much depends on what else the host runs meanwhile
  expect(Number(row[8])).toBeGreaterThan(10);
  expect(row[11]).toBe('yes');
  // a task that waits uses no CPU
  expect(tasks(lines).find((r) => r[0] === String(sleeper))?.slice(7, 9)).toEqual(['S', '0.0']);
  // its TIME+ grows from one refresh to the next
  const time = (l: string[]): string => tasks(l).find((r) => r[0] === String(yes))?.[10] ?? '';
  const first = time(lines);
  lines = await t.waitFor('TIME+ to grow', (l) => time(l) !== '' && time(l) !== first);

  // M sorts by memory (the largest resident set first), P by CPU again
  t.type('M');
  lines = await t.waitFor('the memory sort', (l) => tasks(l)[0]?.[0] !== String(yes) && tasks(l).length > 3);
  const res = tasks(lines).map((r) => Number(r[5]));
  expect(res[0]).toBe(Math.max(...res));
  t.type('P');
  await t.waitFor('the CPU sort', (l) => tasks(l)[0]?.[0] === String(yes));

  // an unknown key is answered on the message line
  t.type('Q');
  await t.waitFor('the complaint', (l) => l[5] === " Unknown command - try 'h' for help");
  expect(t.view()[5]).toBe("[ Unknown command - try 'h' for help ]");

  // k: the pid defaults to the top row, the signal to 15
  await t.waitFor('yes at the top', (l) => tasks(l)[0]?.[0] === String(yes) && l[5] === '');
  t.type('k');
  await t.waitFor('the pid prompt', (l) => l[5] === `PID to signal/kill [default pid = ${yes}]`);
  t.type('\r');
  await t.waitFor('the signal prompt', (l) => l[5] === `Send pid ${yes} signal [15/sigterm]`);
  t.type('\r');
  // gone, or a zombie until the shell reaps it
  await t.waitFor('yes to end', (l) => tasks(l).length > 0 && !tasks(l).some((r) => r[0] === String(yes) && r[7] !== 'Z'));
  await t.finish('q');
  await t.shell('jobs; echo done');
  // (this shell reports a job ended by SIGTERM as "Exit 143")
  expect(t.session.output.slice(-600)).toMatch(/\[2\]\+ +(Terminated|Exit 143) +yes > \/dev\/null/);
}

// the network may still be coming up just after boot: try until tdnf gets through
const INSTALL = 'for i in 1 2 3 4 5 6 7 8 9 10; do tdnf install -y nano >/dev/null 2>&1 && break; sleep 0.5; done; echo rc=$?';

/** A status-bar message as nano centres it: "[ text ]" around the middle of 80 columns. */
const centred = (msg: string): string => `${' '.repeat(Math.floor((80 - msg.length) / 2) - 2)}[ ${msg} ]`;

const NANO_HELP = [
  '^G Help      ^O Write Out ^F Where Is  ^K Cut       ^T Execute   ^C Location',
  '^X Exit      ^R Read File ^\\ Replace   ^U Paste     ^J Justify   ^/ Go To Line',
];

describe('nano on a terminal', { timeout: 60_000 }, () => {
  it('is not there before tdnf installs it, then edits, writes with ^O and leaves with ^X', async () => {
    const t = new Term(80, 24);
    await t.shell('nano /tmp/notes.txt');
    expect(t.session.output).toContain('-bash: nano: command not found');
    await t.shell(INSTALL, 30_000);
    expect(t.session.output).toContain('rc=0');
    await t.shell("printf 'alpha\\nbeta\\ngamma\\n' > /tmp/notes.txt");

    await t.begin('nano /tmp/notes.txt');
    let s = await t.waitFor('the file', (l) => l[1] === 'alpha');
    // the name is centred in what the version and the room for "Modified" leave
    expect(s[0]).toBe(`  GNU nano 8.2${' '.repeat(21)}/tmp/notes.txt`);
    expect(t.view()[0]).toBe(`[  GNU nano 8.2${' '.repeat(21)}/tmp/notes.txt${' '.repeat(31)}]`);
    expect(s.slice(1, 5)).toEqual(['alpha', 'beta', 'gamma', '']);
    expect(s[21]).toBe('                                [ Read 3 lines ]');
    expect(s[21]).toBe(centred('Read 3 lines'));
    expect(s.slice(22)).toEqual(NANO_HELP);
    expect(t.view()[22]).toBe('[^G] Help      [^O] Write Out [^F] Where Is  [^K] Cut       [^T] Execute   [^C] Location');

    // typing, Enter, Backspace and Delete, with the arrow keys
    t.type('\x1b[B\x1b[F ray\r');
    s = await t.waitFor('the edit', (l) => l[3] === '' && l[2] === 'beta ray');
    expect(s[0]).toMatch(/^ {2}GNU nano 8\.2 +\/tmp\/notes\.txt +Modified$/);
    t.type('delta\x7f\x7fx\x1b[A\x1b[H\x1b[3~');
    s = await t.waitFor('more edits', (l) => l[2] === 'eta ray' && l[3] === 'delx');
    expect(s.slice(1, 6)).toEqual(['alpha', 'eta ray', 'delx', 'gamma', '']);

    // ^K cuts the line, ^U pastes it back above another
    t.type('\x0b');
    await t.waitFor('the cut', (l) => l[2] === 'delx' && l[3] === 'gamma');
    t.type('\x1b[B\x15');
    s = await t.waitFor('the paste', (l) => l.slice(1, 6).join('|') === 'alpha|delx|eta ray|gamma|');

    // ^W finds text; ^C tells where the cursor is
    t.type('\x17alp\r\x03');
    await t.waitFor('the location', (l) => l[21] === centred('line 1/5 (20%), col  1/ 6 ( 16%), char  0/25 ( 0%)'));
    t.type('\x17zzz\r');
    s = await t.waitFor('not found', (l) => l[21]?.includes('"zzz" not found') ?? false);
    // an error is bold white on red (the screen shows the bold), a remark in reverse video
    expect(t.view()[21]).toBe(`${' '.repeat(30)}*[ "zzz" not found ]*`);

    // ^O: the name to write, then the count of lines written
    t.type('\x0f');
    s = await t.waitFor('the write prompt', (l) => l[21] === 'File Name to Write: /tmp/notes.txt');
    expect(s[22]).toBe('^G Help             M-D DOS Format      M-A Append          M-B Backup File');
    expect(s[23]).toBe('^C Cancel           M-M Mac Format      M-P Prepend         ^T Browse');
    t.type('\r');
    s = await t.waitFor('the write', (l) => l[21] === centred('Wrote 4 lines'));
    expect(s[0]).toBe(`  GNU nano 8.2${' '.repeat(21)}/tmp/notes.txt`);

    // a failed write says why
    t.type('\x0f\x0b/nonexistent/x\r');
    await t.waitFor('the name question', (l) => l[21] === 'Save file under DIFFERENT NAME?');
    t.type('y');
    s = await t.waitFor('the error', (l) => l[21]?.includes('Error writing /nonexistent/x: No such file or directory') ?? false);

    // ^X with changes asks first; Y writes (after the name prompt) and leaves
    t.type('\x1b[Aomega');
    await t.waitFor('the change', (l) => l[1] === 'omegaalpha');
    t.type('\x18');
    s = await t.waitFor('the question', (l) => l[21] === 'Save modified buffer?');
    expect(s.slice(22)).toEqual([' Y Yes', ' N No           ^C Cancel']);
    t.type('y');
    await t.waitFor('the name prompt', (l) => l[21] === 'File Name to Write: /tmp/notes.txt');
    await t.finish('\r');
    await t.shell('cat /tmp/notes.txt; echo rc=$?');
    expect(t.session.output.slice(-400)).toContain('omegaalpha\r\ndelx\r\neta ray\r\ngamma\r\nrc=0');
  });

  it('starts a new file, cancels ^X with ^C, and quits without saving with N', async () => {
    const t = new Term(80, 24);
    await t.shell(INSTALL, 30_000);
    await t.begin('nano /tmp/new.txt');
    let s = await t.waitFor('the new file', (l) => l[21] === centred('New File'));
    expect(s[0]).toBe(`  GNU nano 8.2${' '.repeat(22)}/tmp/new.txt`);
    t.type('hello\x18');
    await t.waitFor('the question', (l) => l[21] === 'Save modified buffer?');
    t.type('\x03');
    s = await t.waitFor('cancelled', (l) => l[21] === centred('Cancelled'));
    expect(s.slice(22)).toEqual(NANO_HELP);
    t.type('\x18');
    await t.waitFor('the question', (l) => l[21] === 'Save modified buffer?');
    await t.finish('n');
    await t.shell('ls /tmp/new.txt');
    expect(t.session.output.slice(-200)).toContain("ls: cannot access '/tmp/new.txt': No such file or directory");
  });
});
