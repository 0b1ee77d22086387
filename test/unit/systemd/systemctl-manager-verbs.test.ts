// systemctl verbs that ask the running manager about units (cat, is-active, is-failed, show,
// reset-failed, start): how names are expanded and refused, as systemd's own systemctl does it
// against a running manager (expand_unit_names, unit_find_paths, check_unit_generic).
import { describe, expect, it } from 'vitest';
import { runScript } from '../../integration/machine-helpers';

interface Case {
  name: string;
  script: string;
  stdout: string;
  stderr?: string;
  exit: number;
}

const WEB = "printf '[Unit]\\nDescription=Web thing\\n\\n[Service]\\nExecStart=/usr/bin/sleep 1000\\n' > /etc/systemd/system/web.service\nsystemctl daemon-reload\n";
const WEB_CAT = '# /etc/systemd/system/web.service\n[Unit]\nDescription=Web thing\n\n[Service]\nExecStart=/usr/bin/sleep 1000\n';

const cases: Case[] = [
  {
    name: 'cat: missing units are skipped with an error, the others printed; exit 1',
    script: `${WEB}systemctl cat nosuch.service web.service; echo rc=$?; systemctl cat web; echo rc=$?`,
    stdout: `${WEB_CAT}rc=1\n${WEB_CAT}rc=0\n`,
    stderr: 'No files found for nosuch.service.\n',
    exit: 0,
  },
  {
    name: 'cat: an escaped name the manager refuses, and an empty name',
    script: "systemctl cat 'bad name!'; echo rc=$?; systemctl cat -q 'bad name!'; echo rc=$?; systemctl cat ''; echo rc=$?",
    stdout: 'rc=1\nrc=1\nrc=1\n',
    stderr:
      'Invalid unit name "bad name!" escaped as "bad\\x20name!" (maybe you should use systemd-escape?).\n' +
      'Failed to get LoadState: Unit name bad\\\\x20name!.service is neither a valid invocation ID nor unit name.\n' +
      'Failed to get LoadState: Unit name bad\\\\x20name!.service is neither a valid invocation ID nor unit name.\n' +
      'Failed to mangle name: Invalid argument\nFailed to expand names: Invalid argument\n',
    exit: 0,
  },
  {
    name: 'cat: templates are looked up on disk; a missing one has no files',
    script: "systemctl cat foo@.service; echo rc=$?; systemctl cat getty@.service | head -1; systemctl --force cat foo@.service; echo rc=$?",
    stdout: 'rc=1\n# /usr/lib/systemd/system/getty@.service\nrc=1\n',
    stderr: 'No files found for foo@.service.\n',
    exit: 0,
  },
  {
    name: 'is-active/is-failed: one line per unit, the first refused name ends it',
    script: `${WEB}systemctl start web.service; systemctl is-active web.service nosuch.service; echo rc=$?; systemctl is-failed web.service; echo rc=$?; systemctl is-active 'bad name!'; echo rc=$?; systemctl is-active ''; echo rc=$?`,
    stdout: 'active\ninactive\nrc=0\nactive\nrc=1\nrc=1\nrc=1\n',
    stderr:
      'Invalid unit name "bad name!" escaped as "bad\\x20name!" (maybe you should use systemd-escape?).\n' +
      'Failed to retrieve unit state: Unit name bad\\\\x20name!.service is neither a valid invocation ID nor unit name.\n' +
      'Failed to mangle name: Invalid argument\nFailed to expand names: Invalid argument\n',
    exit: 0,
  },
  {
    name: 'is-active: globs expand to loaded units that are not inactive; no unit at all is LSB 4',
    script: `${WEB}systemctl start web.service; systemctl is-active 'web*'; echo rc=$?; systemctl is-active 'zzz*'; echo rc=$?; systemctl is-active nosuch.service other.service; echo rc=$?`,
    stdout: 'active\nrc=0\nrc=4\ninactive\ninactive\nrc=4\n',
    exit: 0,
  },
  {
    name: 'show -p: the manager\'s property order, unknown names skipped, a blank line between units',
    script: `${WEB}systemctl show -p SubState,Nope,ActiveState,Id web.service sshd.service; systemctl show -P ActiveState web.service sshd.service`,
    stdout: 'Id=web.service\nActiveState=inactive\nSubState=dead\n\nId=sshd.service\nActiveState=active\nSubState=running\ninactive\n\nactive\n',
    exit: 0,
  },
  {
    name: 'reset-failed of a unit the manager does not know fails; start of a refused name',
    script: "systemctl reset-failed nosuch.service; echo rc=$?; systemctl start 'a!b'; echo rc=$?",
    stdout: 'rc=1\nrc=1\n',
    stderr:
      'Failed to reset failed state of unit nosuch.service: Unit nosuch.service not loaded.\n' +
      "Failed to start a!b.service: Unit name a!b.service is not valid.\nSee system logs and 'systemctl status a!b.service' for details.\n",
    exit: 0,
  },
];

describe('systemctl manager verbs', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const r = await runScript(`export LANG=C TZ=UTC\n${c.script}`);
      expect(r.stdout).toBe(c.stdout);
      expect(r.stderr).toBe(c.stderr ?? '');
      expect(r.code).toBe(c.exit);
    });
  }
});

describe('systemctl cat and the loaded version of a unit', () => {
  it('a running unit keeps its old drop-in list until daemon-reload, with a warning', async () => {
    const r = await runScript(
      "export LANG=C TZ=UTC\nmkdir /etc/systemd/system/iptables.service.d\nprintf '[Service]\\nRestart=on-failure\\n' > /etc/systemd/system/iptables.service.d/r.conf\n" +
        'systemctl cat iptables.service | grep "^#"; systemctl show -p NeedDaemonReload iptables.service; systemctl daemon-reload; systemctl cat iptables.service | grep "^#"',
    );
    expect(r.stdout).toBe(
      '# /usr/lib/systemd/system/iptables.service\nNeedDaemonReload=yes\n# /usr/lib/systemd/system/iptables.service\n# /etc/systemd/system/iptables.service.d/r.conf\n',
    );
    expect(r.stderr).toBe(
      "# Warning: iptables.service changed on disk, the version systemd has loaded is outdated.\n# This output shows the current version of the unit's original fragment and drop-in files.\n# If fragments or drop-ins were added or removed, they are not properly reflected in this output.\n# Run 'systemctl daemon-reload' to reload units.\n",
    );
  });

  it('an inactive unit nothing refers to is read afresh (the manager let it go)', async () => {
    const r = await runScript(
      "export LANG=C TZ=UTC\nprintf '[Service]\\nExecStart=/usr/bin/true\\n' > /etc/systemd/system/idle.service\nsystemctl daemon-reload\nsystemctl cat idle.service >/dev/null\n" +
        "mkdir /etc/systemd/system/idle.service.d; printf '[Unit]\\nDescription=x\\n' > /etc/systemd/system/idle.service.d/d.conf\nsystemctl cat idle.service | grep '^#'",
    );
    expect(r.stdout).toBe('# /etc/systemd/system/idle.service\n# /etc/systemd/system/idle.service.d/d.conf\n');
    expect(r.stderr).toBe('');
  });
});

describe('journalctl argument errors', () => {
  it('boot offsets keep their sign, an ID is shown alone, ranges of levels have their own message', async () => {
    const r = await runScript(
      'export LANG=C TZ=UTC\nfor a in "-b 5" "-b -5" "-b 0123456789abcdef0123456789abcdef-2" "-p ..err" "-p err..bogus" "-p bogus"; do journalctl $a; echo rc=$?; done',
    );
    expect(r.stdout).toBe('rc=1\nrc=1\nrc=1\nrc=1\nrc=1\nrc=1\n');
    expect(r.stderr).toBe(
      'Data from the specified boot (+5) is not available: No such boot ID in journal\n' +
        'Data from the specified boot (-5) is not available: No such boot ID in journal\n' +
        'Data from the specified boot (0123456789abcdef0123456789abcdef) is not available: No such boot ID in journal\n' +
        'Failed to parse log level range ..err\nFailed to parse log level range err..bogus\nUnknown log level bogus\n',
    );
  });
});
