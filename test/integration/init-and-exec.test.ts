// Edges of process 1, service spawning and exec found by fuzzing (test/fuzz/known.ts): init
// takes only the signals it handles (kernel/signal.c, SIGNAL_UNKILLABLE); a service without
// /dev/null fails at step STDIN (208/STDIN, systemd's exec_child); a huge sparse unit file is
// read in bounded pieces; and a program that crashes after sudo, xargs or find exec'd it is
// reported as bash reports a crashing program, not as an exec failure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SysError } from '../../src/shared/errno';
import { Machine } from '../../src/kernel/machine';
import { defineProgram } from '../../src/programs/define';
import { eager } from '../../src/programs/entry';
import { programs } from '../../src/programs/registry';
import { runScript } from './machine-helpers';

const unit = (name: string, body: string): string => `cat > /etc/systemd/system/${name} <<'UNIT'\n${body}\nUNIT\n`;

describe('signals to init (pid 1)', () => {
  it('ignores SIGKILL, SIGTERM, SIGSTOP and other unhandled signals from root, with success', async () => {
    const r = await runScript(`kill -9 1; echo "kill -9: $?"
kill -TERM 1; kill -STOP 1; kill -HUP 1; kill -SEGV 1; echo "others: $?"
ps -o pid=,stat=,comm= -p 1`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('kill -9: 0\nothers: 0\n      1 Ss   systemd\n');
  });

  it('refuses a user the signal (EPERM), as for any root process', async () => {
    const r = await runScript('su -s /bin/bash nobody -c "kill -9 1"; echo "status $?"; ps -o comm= -p 1');
    expect(r.stdout).toBe('status 1\nsystemd\n');
    expect(r.stderr).toBe('bash: line 1: kill: (1) - Operation not permitted\n');
  });

  it('spares init and the killer with kill -9 -1, and the machine still reboots', async () => {
    const m = new Machine({ clock: 'skip' });
    const r = await runScript(`sleep 1000 & s=$!
kill -9 -1; echo "kill: $?"
wait $s; echo "sleep: $?"
ps -o comm= -p 1,$$
reboot
echo "not reached"`, m);
    expect(r.stdout).toBe('kill: 0\nsleep: 137\nsystemd\nbash\n');
    expect(r.code).toBe(143);
    const after = await runScript('systemctl is-active sshd; ps -o comm= -p 1; journalctl --list-boots --no-pager | wc -l', m);
    expect(after.stdout).toBe('active\nsystemd\n3\n');
  });
});

describe('a service started without /dev/null', () => {
  it('fails at step STDIN with 208/STDIN, as systemd does', async () => {
    const r = await runScript(`${unit('s.service', '[Service]\nExecStart=/usr/bin/sleep 100')}
rm /dev/null
systemctl start s; echo "start: $?"
sleep 1
systemctl is-failed s
systemctl show -p ExecMainStatus --value s
journalctl -u s -o cat --no-pager | grep -e STDIN -e 'standard input'`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`start: 0
failed
208
s.service: Failed to set up standard input: No such file or directory
s.service: Failed at step STDIN spawning /usr/bin/sleep: No such file or directory
s.service: Main process exited, code=exited, status=208/STDIN
`);
  });
});

describe('a unit file of 10 TiB (truncate -s 10T)', () => {
  it('is read in bounded pieces: its zeros are empty lines, so it has no ExecStart=', async () => {
    const r = await runScript(`truncate -s 10T /etc/systemd/system/big.service
systemctl status big.service; echo "status: $?"
systemctl start big.service; echo "start: $?"`);
    expect(r.stdout).toBe(`* big.service
     Loaded: bad-setting (Reason: Unit big.service has a bad unit file setting.)
     Active: inactive (dead)

Jan 15 09:30:00 photon-machine systemd[1]: big.service: Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing.
status: 3
start: 1
`);
    expect(r.stderr).toBe("Failed to start big.service: Unit big.service has a bad unit file setting.\nSee system logs and 'systemctl status big.service' for details.\n");
  });

  it('keeps what was written before and after the holes', async () => {
    const r = await runScript(`printf '[Service]\\nExecStart=/usr/bin/sleep 1000\\n' > /etc/systemd/system/gap.service
truncate -s 1T /etc/systemd/system/gap.service
echo 'Environment=AT_END=1' >> /etc/systemd/system/gap.service
systemctl start gap; echo "start: $?"
systemctl show -p Environment --value gap; systemctl is-active gap`);
    expect(r).toEqual({ stdout: 'start: 0\nAT_END=1\nactive\n', stderr: '', code: 0 });
  });
});

describe('a program that crashes after exec', () => {
  const added = ['crash-syserror', 'crash-error'];
  beforeAll(() => {
    programs.set('crash-syserror', eager(defineProgram({ name: 'crash-syserror', installPath: '/usr/local/bin/crash-syserror', main: () => { throw new SysError('EIO', 'read'); } })));
    programs.set('crash-error', eager(defineProgram({ name: 'crash-error', installPath: '/usr/local/bin/crash-error', main: () => { throw new TypeError('x is undefined'); } })));
  });
  afterAll(() => {
    for (const n of added) programs.delete(n);
  });
  const install = added.map((n) => `printf '\\177ELF\\002\\001\\001\\000photon-sim:${n}\\n' > /usr/local/bin/${n}; chmod +x /usr/local/bin/${n}`).join('\n');

  // find -exec ... \; only takes the status as the test's value: find itself exits 0
  it('is reported by sudo, xargs, find and env as bash reports it: internal error, status 70', async () => {
    const r = await runScript(`exec 2>&1
${install}
for p in crash-syserror crash-error; do
  $p; echo "bash: $?"
  bash -c "$p"; echo "bash -c: $?"
  sudo $p; echo "sudo: $?"
  echo | xargs $p; echo "xargs: $?"
  find /etc/hostname -exec $p \\;; echo "find: $?"
  env $p; echo "env: $?"
done`);
    const crash = (p: string, msg: string): string => `${p}: internal error: ${msg}\n`;
    const block = (p: string, msg: string): string => [
      `${crash(p, msg)}bash: 70`, `${crash(p, msg)}bash -c: 70`, `${crash(p, msg)}sudo: 70`, `${crash(p, msg)}xargs: 123`, `${crash(p, msg)}find: 0`, `${crash(p, msg)}env: 70`,
    ].join('\n');
    expect(r.stdout).toBe(`${block('crash-syserror', 'read: Input/output error')}\n${block('crash-error', 'TypeError: x is undefined')}\n`);
    expect(r.stdout).not.toContain('Exec format error');
  });
});

describe('systemctl is-system-running', () => {
  it('says "running" once the boot is over (exit 0), "degraded" with a failed unit (exit 1), nothing with -q', async () => {
    const r = await runScript(`systemctl is-system-running --wait; echo "rc $?"
${unit('bad.service', '[Service]\nType=oneshot\nExecStart=/usr/bin/false')}
systemctl start bad; echo "start $?"
systemctl is-system-running; echo "rc $?"
systemctl is-system-running -q; echo "rc $?"
systemctl reset-failed bad; systemctl is-system-running; echo "rc $?"
systemctl is-system-running extra; echo "rc $?"`);
    expect(r.stdout).toBe('running\nrc 0\nstart 1\ndegraded\nrc 1\nrc 1\nrunning\nrc 0\nrc 1\n');
    expect(r.stderr).toContain('Too many arguments.');
  });
});
