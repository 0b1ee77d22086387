// More systemctl verbs that talk to the running manager: set-property's drop-ins and errors,
// the environment verbs, list-sockets/list-jobs, empty tables, the stop warning for units a
// socket can start again, and templates refused by start (systemd 253 sources).
import { describe, expect, it } from 'vitest';
import { ConsoleSession, runScript } from '../../integration/machine-helpers';

const PRE = 'export LANG=C TZ=UTC\n';

describe('systemctl set-property', () => {
  it('writes one 50-<Property>.conf per assignment below system.control, as the manager words them', async () => {
    const r = await runScript(
      `${PRE}systemctl set-property sshd CPUQuota=12.5% MemoryMax=1.5K TasksMax=50% MemoryLow= CPUWeight=idle IOAccounting=on; echo rc=$?\n` +
        'cd /etc/systemd/system.control/sshd.service.d && for f in *; do echo "$f: $(tail -1 $f)"; done; head -3 50-CPUQuota.conf\n' +
        'systemctl set-property --runtime sshd MemoryHigh=25% Description=x; tail -n 2 /run/systemd/system.control/sshd.service.d/*',
    );
    expect(r.stdout).toBe(
      'rc=0\n50-CPUQuota.conf: CPUQuota=12%\n50-CPUWeight.conf: CPUWeight=idle\n50-IOAccounting.conf: IOAccounting=yes\n' +
        '50-MemoryLow.conf: MemoryLow=0\n50-MemoryMax.conf: MemoryMax=1536\n50-TasksMaxScale.conf: TasksMax=5.1%\n' +
        '# This is a drop-in unit file extension, created via "systemctl set-property"\n# or an equivalent operation. Do not edit.\n[Service]\n' +
        '==> /run/systemd/system.control/sshd.service.d/50-Description.conf <==\n[Unit]\nDescription=x\n\n' +
        '==> /run/systemd/system.control/sshd.service.d/50-MemoryHighScale.conf <==\n[Service]\nMemoryHigh=25.00%\n',
    );
  });

  it('client-side parse errors, then the manager refusing unknown units and read-only settings', async () => {
    const r = await runScript(
      `${PRE}for a in "sshd Foo=1" "sshd CPUQuota=10" "sshd CPUQuota=0%" "sshd MemoryMax=abc" "sshd CPUWeight=0" "sshd CPUAccounting" "sshd CPUAccounting=maybe" "nosuch CPUQuota=5%" "sshd MemoryMax=0" "sshd Restart=no" "multi-user.target CPUQuota=5%"; do systemctl set-property $a; echo rc=$?; done; test -e /etc/systemd/system.control || echo none`,
    );
    expect(r.stdout).toBe(`${'rc=1\n'.repeat(11)}none\n`);
    expect(r.stderr).toBe(
      'Unknown assignment: Foo=1\nCPU quota \'10\' invalid.\nCPU quota too small.\nFailed to parse MemoryMax=abc: Invalid argument\n' +
        'Failed to parse CPUWeight=0: Numerical result out of range\nNot an assignment: CPUAccounting\nFailed to parse CPUAccounting: maybe\n' +
        'Failed to set unit properties on nosuch.service: Unit nosuch.service not found.\n' +
        'Failed to set unit properties on sshd.service: Value specified in MemoryMax is out of range\n' +
        'Failed to set unit properties on sshd.service: Cannot set property Restart, or unknown property.\n' +
        'Unknown assignment: CPUQuota=5%\n',
    );
  });
});

describe('systemctl show after set-property', () => {
  it('reports the new limits and the drop-ins; ExecStart= of a running or never-run command says status=0/0', async () => {
    const r = await runScript(
      `${PRE}systemctl set-property sshd CPUQuota=20% MemoryMax=512M TasksMax=100\nsystemctl show sshd -p CPUQuotaPerSecUSec,MemoryMax,TasksMax,Nice,DropInPaths\n` +
        'systemctl show docker -p ExecStart,DropInPaths,TasksMax; systemctl status sshd | grep Tasks:',
    );
    expect(r.stdout).toBe(
      'Nice=0\nCPUQuotaPerSecUSec=200ms\nMemoryMax=536870912\nTasksMax=100\n' +
        'DropInPaths=/etc/systemd/system.control/sshd.service.d/50-CPUQuota.conf /etc/systemd/system.control/sshd.service.d/50-MemoryMax.conf /etc/systemd/system.control/sshd.service.d/50-TasksMax.conf\n' +
        'ExecStart={ path=/usr/bin/dockerd ; argv[]=/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock ; ignore_errors=no ; start_time=[n/a] ; stop_time=[n/a] ; pid=0 ; code=(null) ; status=0/0 }\n' +
        'TasksMax=infinity\nDropInPaths=\n      Tasks: 1 (limit: 100)\n',
    );
  });
});

describe('systemctl environment verbs', () => {
  it('set/unset change the client environment over LANG and PATH; values are quoted the POSIX way', async () => {
    const r = await runScript(
      `${PRE}systemctl show-environment; systemctl set-environment Z=1 'B=a b' "Q=it's" LANG=C; systemctl show-environment\n` +
        'systemctl unset-environment Z B=nomatch LANG; systemctl show-environment; systemctl set-environment NOEQ; echo rc=$?',
    );
    const base = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin\n';
    expect(r.stdout).toBe(`LANG=en_US.UTF-8\n${base}LANG=C\n${base}B=$'a b'\nQ=$'it\\'s'\nZ=1\nLANG=en_US.UTF-8\n${base}B=$'a b'\nQ=$'it\\'s'\nrc=1\n`);
    expect(r.stderr).toBe('Failed to set environment: Invalid environment assignments\n');
  });
});

describe('systemctl tables and job warnings', () => {
  it('empty tables keep their header; list-jobs has its own line; --failed has no hints', async () => {
    const r = await runScript(`${PRE}systemctl --failed; systemctl list-timers nosuch; systemctl list-jobs; systemctl list-sockets nosuch`);
    expect(r.stdout).toBe(
      '  UNIT LOAD ACTIVE SUB DESCRIPTION\n0 loaded units listed.\n' +
        'NEXT LEFT LAST PASSED UNIT ACTIVATES\n\n0 timers listed.\nPass --all to see loaded but inactive timers, too.\n' +
        'No jobs running.\nLISTEN UNIT ACTIVATES\n\n0 sockets listed.\nPass --all to see loaded but inactive sockets, too.\n',
    );
  });

  it('list-sockets shows each listen entry with its kind; /var/run paths moved to /run', async () => {
    const r = await runScript(`${PRE}systemctl start docker.socket; systemctl list-sockets --show-types docker.socket; systemctl status docker.socket | grep Listen:`);
    expect(r.stdout).toBe(
      'LISTEN           TYPE   UNIT          ACTIVATES\n/run/docker.sock Stream docker.socket docker.service\n\n1 sockets listed.\nPass --all to see loaded but inactive sockets, too.\n' +
        '     Listen: /run/docker.sock (Stream)\n',
    );
  });

  it('stopping a unit an active socket can start again warns; a template cannot be started', async () => {
    const r = await runScript(`${PRE}systemctl start docker; systemctl stop docker; echo rc=$?; systemctl -q start docker; systemctl -q stop docker; systemctl start getty@; echo rc=$?`);
    expect(r.stdout).toBe('rc=0\nrc=1\n');
    expect(r.stderr).toBe(
      'Warning: Stopping docker.service, but it can still be activated by:\n  docker.socket\n' +
        "Failed to start getty@.service: Unit name getty@.service is missing the instance name.\nSee system logs and 'systemctl status getty@.service' for details.\n",
    );
  });
});

describe('systemctl edit', () => {
  it('refuses without a terminal', async () => {
    const r = await runScript(`${PRE}systemctl edit sshd; echo rc=$?`);
    expect(r.stdout).toBe('rc=1\n');
    expect(r.stderr).toBe('Cannot edit units if not on a tty.\n');
  });

  it('opens the drop-in template at line 4, installs what is between the markers, reloads', async () => {
    const s = new ConsoleSession();
    await s.waitForPrompts(1);
    s.type(
      "printf '#!/bin/sh\\necho \"$1\" > /tmp/args; cp \"$2\" /tmp/seen; sed -i \"4i [Service]\\\\\\\\nNice=5\" \"$2\"\\n' > /tmp/ed; chmod +x /tmp/ed\r",
    );
    await s.waitForPrompts(2);
    s.type('EDITOR=/tmp/ed systemctl edit sshd; echo rc=$?; cat /tmp/args /etc/systemd/system/sshd.service.d/override.conf; head -7 /tmp/seen\r');
    const at = await s.waitFor('rc=0');
    await s.waitForPrompts(3);
    expect(s.output.slice(s.output.indexOf('Successfully')).replaceAll('\r', '')).toContain(
      "Successfully installed edited file '/etc/systemd/system/sshd.service.d/override.conf'.\nrc=0\n+4\n[Service]\nNice=5\n" +
        '### Editing /etc/systemd/system/sshd.service.d/override.conf\n### Anything between here and the comment below will become the contents of the drop-in file\n\n\n\n### Edits below this comment will be discarded\n\n',
    );
  }, 20000);
});

describe('start and stop timeouts', () => {
  it('a notify service without READY=1 is terminated when TimeoutStartSec= passes, and the start fails', async () => {
    const r = await runScript(
      `${PRE}printf '[Service]\\nType=notify\\nExecStart=/bin/sleep 1000\\nTimeoutStartSec=5\\n' > /etc/systemd/system/nr.service\n` +
        'systemctl start nr; echo rc=$?; systemctl is-active nr; systemctl show -p Result -p ExecMainCode -p ExecMainStatus nr\n' +
        'journalctl -u nr --no-pager -o short-monotonic | cut -c16-',
    );
    expect(r.stderr).toBe('Job for nr.service failed because a timeout was exceeded.\nSee "systemctl status nr.service" and "journalctl -xeu nr.service" for details.\n');
    expect(r.stdout).toBe(
      'rc=1\nfailed\nResult=timeout\nExecMainCode=2\nExecMainStatus=15\n' +
        'photon-machine systemd[1]: Starting nr.service...\n' +
        'photon-machine systemd[1]: nr.service: start operation timed out. Terminating.\n' +
        "photon-machine systemd[1]: nr.service: Failed with result 'timeout'.\n" +
        'photon-machine systemd[1]: Failed to start nr.service.\n',
    );
  });

  it('reads TimeoutSec=, TimeoutStartSec= and TimeoutStopSec= in order, 0 as no limit; a oneshot start has none', async () => {
    const r = await runScript(
      `${PRE}cd /etc/systemd/system; printf '[Service]\\nExecStart=/bin/sleep 9\\nTimeoutSec=0\\nTimeoutStopSec=7s\\n' > a.service\n` +
        "printf '[Service]\\nExecStart=/bin/sleep 9\\nTimeoutStartSec=2min\\nTimeoutSec=45\\n' > b.service; printf '[Service]\\nType=oneshot\\nExecStart=/bin/true\\n' > c.service\n" +
        'systemctl show -p TimeoutStartUSec -p TimeoutStopUSec a b c sshd',
    );
    expect(r.stdout).toBe(
      'TimeoutStartUSec=infinity\nTimeoutStopUSec=7s\n\nTimeoutStartUSec=45s\nTimeoutStopUSec=45s\n\n' +
        'TimeoutStartUSec=infinity\nTimeoutStopUSec=1min 30s\n\nTimeoutStartUSec=1min 30s\nTimeoutStopUSec=1min 30s\n',
    );
  });

  it('a stop that outlasts TimeoutStopSec= kills what is left and fails with a timeout', async () => {
    const r = await runScript(
      `${PRE}cat > /etc/systemd/system/stubborn.service <<'EOF'\n[Service]\nExecStart=/bin/sh -c "trap '' TERM; while :; do sleep 1; done"\nTimeoutStopSec=3\nEOF\n` +
        'systemctl start stubborn; sleep 1; systemctl stop stubborn; echo rc=$?; systemctl is-active stubborn; systemctl show -p Result stubborn\n' +
        "journalctl -u stubborn --no-pager -o cat | grep -E 'timed out|Killing|Main|Failed|Stopped' | sed -E 's/process [0-9]+/process N/'",
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      "rc=0\nfailed\nResult=timeout\nstubborn.service: State 'stop-sigterm' timed out. Killing.\n" +
        'stubborn.service: Killing process N (sh) with signal SIGKILL.\nstubborn.service: Killing process N (sleep) with signal SIGKILL.\n' +
        "stubborn.service: Main process exited, code=killed, status=9/KILL\nstubborn.service: Failed with result 'timeout'.\nStopped stubborn.service.\n",
    );
  });

  it('a main process that does not end cleanly on SIGTERM fails the stopped unit', async () => {
    const r = await runScript(
      `${PRE}cat > /etc/systemd/system/ex3.service <<'EOF'\n[Service]\nExecStart=/bin/sh -c "trap 'exit 3' TERM; sleep 100 & wait"\nEOF\n` +
        'systemctl start ex3; sleep 1; systemctl stop ex3; echo rc=$?; systemctl is-active ex3; systemctl show -p Result ex3\n' +
        "journalctl -u ex3 --no-pager -o cat | tail -n 3",
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      "rc=0\nfailed\nResult=exit-code\nex3.service: Main process exited, code=exited, status=3/NOTIMPLEMENTED\nex3.service: Failed with result 'exit-code'.\nStopped ex3.service.\n",
    );
  });
});
