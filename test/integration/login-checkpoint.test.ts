// The login checkpoint (src/programs/shell/login-checkpoint.ts): recorded from a fresh machine's
// login as the build does, replayed by another machine's login only when every system call of
// the startup files answers the same, and then leaving the same shell and kernel behind.
import { afterEach, describe, expect, it } from 'vitest';
import { Machine, type MachineOptions } from '../../src/kernel/machine';
import { recordLoginCheckpoint } from '../../src/kernel/image/login-checkpoint-record';
import { lastLoginReplay, useLoginCheckpoint, type LoginCheckpoint } from '../../src/programs/shell/login-checkpoint';
import { recordNextLogin } from '../../src/programs/shell/login-checkpoint-recorder';
import { decode } from '../../src/programs/shell/login-state-codec';

const PROMPT = ' ]# \x1b[0m';

/** A console whose login shell has printed its first prompt; `type` runs a line and returns its output. */
async function console_(opts: MachineOptions, before?: string): Promise<{ m: Machine; type: (line: string) => Promise<string> }> {
  let out = '';
  const m = new Machine({ clock: 'skip', services: false, winsize: { cols: 200, rows: 50 }, ...opts, onConsole: (t) => (out += t) });
  if (before) await m.run(['/bin/bash', '-c', before], { stdout: () => {}, stderr: () => {} });
  m.startConsoleShell();
  const until = async (from: number): Promise<number> => {
    const t0 = Date.now();
    for (;;) {
      const i = out.indexOf(PROMPT, from);
      if (i >= 0) return i + PROMPT.length;
      if (Date.now() - t0 > 15_000) throw new Error(`no prompt: ${JSON.stringify(out.slice(-300))}`);
      await new Promise((r) => setTimeout(r, 1));
    }
  };
  let at = await until(0);
  const type = async (line: string): Promise<string> => {
    const from = out.length;
    m.input(`${line}\r`);
    at = await until(from);
    return out.slice(from, at);
  };
  return { m, type };
}

/** What a login's startup files leave behind, in the shell and in the kernel. */
const SURVEY = [
  'declare -p | grep -v "^declare -[-a-zA-Z]* _="',
  'declare -f; alias; set -o; shopt; echo "$- $?"',
  'umask; echo "${BASH_SOURCE[*]} ${BASH_ARGC[*]} ${BASH_ARGV[*]} ${FUNCNAME[*]}"',
  // (times to the second differ between runs: whether reading the files set their atimes)
  'stat -c "%n %X %Y" /etc/profile /etc/profile.d /etc/profile.d/*.sh | awk \'{ print $1, $2 > $3 }\'',
  // (into a file, not a pipe: while ls runs, the shell may still hold a pipeline's pipe)
  'ls -l /proc/$$/fd > /tmp/fds; sed 1d /tmp/fds; grep -E "^(Vm|Rss)" /proc/$$/status',
  'type pathappend; history | wc -l; echo $((1+1)) $HISTSIZE "$HISTIGNORE" "$PS1"',
];

let made: Machine[] = [];
afterEach(() => {
  useLoginCheckpoint(undefined);
  for (const m of made) m.stopClock();
  made = [];
});

async function survey(opts: MachineOptions, before?: string): Promise<string[]> {
  const c = await console_(opts, before);
  made.push(c.m);
  const out = [];
  for (const line of SURVEY) out.push(await c.type(line));
  return out;
}

describe('the login checkpoint', () => {
  it('records what Photon\'s profile does: files read, no output, the umask, a function and variables', async () => {
    const c = await recordLoginCheckpoint();
    const read = c.calls.filter((x) => x.m === 'readFile').map((x) => decode(x.a[0]!));
    expect(read).toEqual(['/etc/profile', '/etc/profile.d/extrapaths.sh', '/etc/profile.d/i18n.sh', '/etc/profile.d/proxy.sh', '/etc/sysconfig/proxy', '/etc/profile.d/readline.sh']);
    expect(c.calls.filter((x) => x.m === 'umask').map((x) => decode(x.a[0]!))).toContain(0o027);
    expect(Object.keys(c.after.state)).toEqual(expect.arrayContaining(['globals', 'functions']));
    // it survives JSON, as the build carries it
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });

  it('leaves the same shell and kernel as reading the files, on a machine with another clock, size and seed', async () => {
    useLoginCheckpoint(JSON.parse(JSON.stringify(await recordLoginCheckpoint())) as LoginCheckpoint);
    const opts: MachineOptions = { clock: 'skip', start: Date.UTC(2026, 6, 1, 12), seed: 99, winsize: { cols: 132, rows: 43 } };
    const replayed = await survey(opts);
    expect(lastLoginReplay).toBe('replayed');
    useLoginCheckpoint(undefined);
    const read = await survey(opts);
    expect(replayed).toEqual(read);
    // the survey saw what the files did
    expect(read.join('')).toContain('0027');
    expect(read.join('')).toContain('pathappend is a function');
  });

  it('reads the files when one of them changed, or a new one appeared, and leaves no descriptor behind', async () => {
    const c = JSON.stringify(await recordLoginCheckpoint());
    for (const change of [
      "sed -i 's/^umask 027/umask 022/' /etc/profile",
      "echo 'export GREETING=hello' > /etc/profile.d/zz-local.sh",
      'chmod 000 /etc/profile.d/proxy.sh',
    ]) {
      useLoginCheckpoint(JSON.parse(c) as LoginCheckpoint);
      const changed = await survey({}, change);
      expect(lastLoginReplay).not.toBe('replayed');
      useLoginCheckpoint(undefined);
      expect(changed).toEqual(await survey({}, change));
    }
  });

  it('reads the files when the state after cannot be made, leaving nothing of the replay behind', async () => {
    const c = JSON.parse(JSON.stringify(await recordLoginCheckpoint())) as LoginCheckpoint;
    c.after.state.completions = { $c: 'NoSuchTable', $o: {} };
    useLoginCheckpoint(c);
    const broken = await survey({});
    expect(lastLoginReplay).toBe('the state after cannot be made here');
    useLoginCheckpoint(undefined);
    expect(broken).toEqual(await survey({}));
  });

  it('is not made from startup files that write output or run programs', async () => {
    for (const line of ['echo "Welcome"', 'x=$(id -u)', 'trap "echo bye" USR1']) {
      let got: LoginCheckpoint | string | undefined;
      recordNextLogin((r) => (got = r));
      const c = await console_({}, `echo '${line}' > /etc/profile.d/zz-local.sh`);
      made.push(c.m);
      expect(typeof got).toBe('string');
    }
  });
});
