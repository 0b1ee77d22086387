// fuser, prtstat, pslog and peekfd (psmisc 23.6) in what the recorded fixtures cannot show:
// listening sockets of the machine's services, mount points in use, -i answers, user names,
// and peekfd waiting for the process it attached to.
import { describe, expect, it } from 'vitest';
import { newMachine, sh } from './helpers';

describe('fuser', () => {
  it('finds the service listening on a TCP port, by number, by name and with -n', async () => {
    const r = await sh(newMachine(), 'systemctl start sshd; exec 2>&1; fuser -v 22/tcp; echo "rc=$?"; fuser ssh/tcp 2>/dev/null | wc -w; fuser -n tcp 22 2>&1 >/dev/null; fuser -4 22/tcp >/dev/null; echo "rc=$?"');
    expect(r.stdout).toMatch(/^                     USER        PID ACCESS COMMAND\n22\/tcp:              root +\d+ F\.\.\.\. sshd\nrc=0\n1\n22\/tcp: {13}\n22\/tcp: {13}\nrc=0\n$/);
  });

  it('shows a mount point in use as kernel with -v, and -m lists users of the filesystem', async () => {
    const r = await sh(newMachine(), 'mkdir -p /tmp/w/d && cd /tmp/w/d && fuser -v /tmp 2>&1; fuser /tmp; echo "rc=$?"; fuser -m /tmp >/tmp/o 2>&1; tr -s " " </tmp/o | sed "s/[0-9][0-9]*/N/"');
    expect(r.stdout).toBe('                     USER        PID ACCESS COMMAND\n/tmp:                root     kernel mount /tmp\nrc=1\n/tmp: Nc\n');
  });

  it('names the owner with -u and asks before killing with -i', async () => {
    const r = await sh(newMachine(), 'cd /tmp; touch f; su -s /bin/bash nobody -c "exec sleep 30" < /tmp/f & sleep 1; fuser -u f >o 2>&1; sed -E "s/[0-9]+/N/g" o; echo; echo n >a; fuser -k -i f <a >o 2>&1; echo "rc=$?"; sed -E "s/[0-9]+/N/g" o; echo; echo y >a; fuser -k -i f <a >/dev/null 2>&1; echo "rc=$?"');
    expect(r.stdout).toMatch(/^\/tmp\/f:( +N\((root|nobody)\))+\n\nrc=1\n\/tmp\/f:( +N)+\nKill process N \? \(y\/N\) (Kill process N \? \(y\/N\) )*\nrc=0\n$/);
    expect(r.stdout).toContain('N(nobody)');
  });

  it('reports the executable with e and a working directory with c', async () => {
    const r = await sh(newMachine(), 'cd /tmp; sleep 30 & sleep 0.2; fuser /usr/bin/sleep /tmp >o 2>&1; sed -E "s/ *[0-9]+/ N/g" o; kill $!');
    expect(r.stdout).toBe('/usr/bin/sleep: Ne\n/tmp: Nc Nc\n');
  });
});

describe('prtstat', () => {
  it('lays out a process and prints all fields with -r', async () => {
    const r = await sh(newMachine(), 'prtstat 1 | head -2; prtstat -r 1 | grep -c :');
    expect(r.stdout).toMatch(/^Process: systemd       \t\tState: S \(sleeping\)\n  CPU#:  \d  \t\tTTY: 0:0\tThreads: 1\n20\n$/);
  });
});

describe('pslog and peekfd', () => {
  it('pslog lists log files of another process', async () => {
    const r = await sh(newMachine(), 'cd /tmp; (exec 3>>x.log; sleep 30) & sleep 0.2; pslog $! | tail -n +2; kill $!');
    expect(r.stdout).toBe('Log path: /tmp/x.log\n');
  });

  it('peekfd attaches to a process and returns when it ends; refuses kernel threads', async () => {
    const r = await sh(newMachine(), 'sleep 1 & peekfd $!; echo "rc=$?"; peekfd 2; echo "rc=$?"');
    expect(r).toEqual({ stdout: 'rc=0\nrc=1\n', stderr: 'Error attaching to pid 2\n', exit: 0 });
  });
});
