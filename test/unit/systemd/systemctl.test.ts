// systemctl and systemd-analyze on a fresh default machine: whole stdout, stderr and exit
// status. Unit-file results match the real systemctl run on the same tree; the error texts are
// those systemd 253 prints through the manager (src/core/dbus-manager.c, install_error).
import { describe, expect, it } from 'vitest';
import { runScript } from '../../integration/machine-helpers';

interface Case {
  name: string;
  script: string;
  stdout: string;
  stderr?: string;
  exit: number;
}

const NOTICE = `The unit files have no installation config (WantedBy=, RequiredBy=, Also=,
Alias= settings in the [Install] section, and DefaultInstance= for template
units). This means they are not meant to be enabled using systemctl.
 
Possible reasons for having this kind of units are:
* A unit may be statically enabled by being symlinked from another unit's
  .wants/ or .requires/ directory.
* A unit's purpose may be to act as a helper for some other unit which has
  a requirement dependency on it.
* A unit may be started when needed via activation (socket, path, timer,
  D-Bus, udev, scripted systemctl call, ...).
* In case of template units, the unit is meant to be enabled with some
  instance name specified.
`;

const cases: Case[] = [
  {
    name: 'the default image: what a fresh Photon install enables',
    script: 'systemctl is-enabled sshd sshd-keygen iptables docker docker.socket containerd systemd-networkd systemd-resolved systemd-journald getty@tty1 default.target',
    stdout: 'enabled\nenabled\nenabled\ndisabled\ndisabled\ndisabled\nenabled\nenabled\nstatic\nenabled\nalias\n',
    exit: 0,
  },
  { name: 'get-default', script: 'systemctl get-default', stdout: 'multi-user.target\n', exit: 0 },
  {
    name: 'preset-all would only add docker.socket (image installs do that on first boot)',
    script: 'systemctl preset-all --preset-mode=enable-only',
    stdout: '',
    stderr: 'Created symlink /etc/systemd/system/sockets.target.wants/docker.socket -> /usr/lib/systemd/system/docker.socket.\n',
    exit: 0,
  },
  {
    name: 'a unit without [Install]: the notice follows enable',
    script: "printf '[Service]\\nExecStart=/usr/bin/true\\n' > /etc/systemd/system/st.service\nsystemctl enable st.service; echo rc=$?\nsystemctl --no-warn disable st.service; echo rc=$?",
    stdout: 'rc=0\nrc=0\n',
    stderr: NOTICE,
    exit: 0,
  },
  {
    name: 'enable, mask and errors: worded as systemctl --root words them (the recordings)',
    script: 'systemctl enable nosuch; echo rc=$?\nsystemctl mask docker 2>&1\nsystemctl enable docker; echo rc=$?\nsystemctl unmask docker 2>&1; systemctl disable nosuch.service; echo rc=$?',
    // disable of a missing unit: listed and exit 0, as the systemd 252 recordings show
    stdout: 'rc=1\nCreated symlink /etc/systemd/system/docker.service -> /dev/null.\nrc=1\nRemoved "/etc/systemd/system/docker.service".\nrc=0\n',
    stderr: 'Failed to enable unit, unit nosuch.service does not exist.\nFailed to enable unit, unit /etc/systemd/system/docker.service is masked.\nFailed to disable unit, unit nosuch.service does not exist.\n',
    exit: 0,
  },
  {
    name: 'mask of a unit that does not exist goes ahead silently (as with --root)',
    script: 'systemctl mask foo.service; systemctl is-enabled foo.service',
    stdout: 'masked\n',
    stderr: 'Created symlink /etc/systemd/system/foo.service -> /dev/null.\n',
    exit: 1,
  },
  {
    name: 'is-enabled of a unit that does not exist: an error, exit 1 (as the systemd 252 recordings)',
    script: 'systemctl is-enabled nosuch.service',
    stdout: '',
    stderr: 'Failed to get unit file state for nosuch.service: No such file or directory\n',
    exit: 1,
  },
  {
    name: 'is-enabled --full lists the links',
    script: 'systemctl is-enabled --full systemd-networkd.service | sort',
    stdout:
      '  /etc/systemd/system/dbus-org.freedesktop.network1.service\n  /etc/systemd/system/multi-user.target.wants/systemd-networkd.service\n' +
      '  /etc/systemd/system/network-online.target.wants/systemd-networkd-wait-online.service\n  /etc/systemd/system/sockets.target.wants/systemd-networkd.socket\n' +
      '  /etc/systemd/system/sysinit.target.wants/systemd-network-generator.service\nenabled\n',
    exit: 0,
  },
  {
    name: 'list-unit-files with no match',
    script: "systemctl list-unit-files 'nosuch*'",
    stdout: 'UNIT FILE STATE PRESET\n\n0 unit files listed.\n',
    exit: 1,
  },
  {
    name: 'list-unit-files --state= and --type=',
    script: 'systemctl list-unit-files --type=socket --state=enabled',
    stdout: 'UNIT FILE                     STATE   PRESET\ndm-event.socket               enabled enabled\nsystemd-journald-audit.socket enabled enabled\nsystemd-networkd.socket       enabled enabled\nsystemd-userdbd.socket        enabled enabled\n\n4 unit files listed.\n',
    exit: 0,
  },
  {
    name: 'set-default',
    script: 'systemctl set-default graphical; systemctl get-default; systemctl set-default sshd.service; echo rc=$?',
    stdout: 'graphical.target\nrc=1\n',
    stderr: 'Created symlink /etc/systemd/system/default.target -> /usr/lib/systemd/system/graphical.target.\nFailed to set default: Invalid argument.\n',
    exit: 0,
  },
  {
    name: 'cat: fragment and drop-ins, and a unit with no files',
    script: "mkdir /etc/systemd/system/iptables.service.d\nprintf '[Service]\\nRestart=on-failure' > /etc/systemd/system/iptables.service.d/r.conf\nsystemctl daemon-reload\nsystemctl cat iptables nosuch; echo rc=$?",
    stdout: '# /usr/lib/systemd/system/iptables.service\n[Unit]\nDescription=Load Iptables Rules\nAfter=network.target\nConditionFileIsExecutable=/etc/systemd/scripts/iptables\n\n[Service]\nType=forking\nExecStart=/etc/systemd/scripts/iptables\nExecStop=/etc/systemd/scripts/iptables.stop\nRemainAfterExit=yes\n\n[Install]\nWantedBy=multi-user.target\n\n# /etc/systemd/system/iptables.service.d/r.conf\n[Service]\nRestart=on-failure\nrc=1\n',
    stderr: 'No files found for nosuch.service.\n',
    exit: 0,
  },
  {
    name: 'cat of a masked unit',
    script: 'systemctl mask -q docker.service; systemctl cat docker.service',
    stdout: '# Unit docker.service is masked.\n',
    exit: 0,
  },
  {
    name: 'non-root callers are refused by the manager (no polkit)',
    script: "su -s /bin/bash nobody -c 'systemctl enable docker; echo rc=$?; systemctl is-enabled docker'",
    stdout: 'rc=1\ndisabled\n',
    stderr: 'Failed to enable unit: Access denied\n',
    exit: 1,
  },
  {
    name: 'verb and option errors',
    script: 'systemctl foo; echo rc=$?; systemctl enable; echo rc=$?; systemctl get-default x; echo rc=$?; systemctl --bogus; echo rc=$?; systemctl -t bogus; echo rc=$?; systemctl --user is-enabled sshd; echo rc=$?; systemctl --root=/ cat sshd; echo rc=$?',
    stdout: 'rc=1\nrc=1\nrc=1\nrc=1\nrc=1\nrc=1\nrc=1\n',
    stderr: "Unknown command verb foo.\nToo few arguments.\nToo many arguments.\nsystemctl: unrecognized option '--bogus'\nUnknown unit type or load state 'bogus'.\nUse -t help to see a list of allowed values.\nFailed to connect to bus: No medium found\nVerb 'cat' cannot be used with --root= or --image=.\n",
    exit: 0,
  },
  {
    name: '--root works on an offline tree and prints the client-side messages',
    script: "mkdir -p /srv/r/etc/systemd/system /srv/r/dev\nprintf '[Service]\\nExecStart=/bin/true\\n[Install]\\nWantedBy=multi-user.target\\n' > /srv/r/etc/systemd/system/x.service\nsystemctl --root=/srv/r enable x.service; systemctl --root=/srv/r enable nosuch.service; echo rc=$?; readlink /srv/r/etc/systemd/system/multi-user.target.wants/x.service",
    stdout: 'rc=1\n/etc/systemd/system/x.service\n',
    stderr:
      // the paths systemd builds carry the root; the link target does not
      'Created symlink /srv/r/etc/systemd/system/multi-user.target.wants/x.service -> /etc/systemd/system/x.service.\n' +
      'Unit /srv/r/etc/systemd/system/x.service is added as a dependency to a non-existent unit multi-user.target.\n' +
      'Failed to enable unit, unit nosuch.service does not exist.\n',
    exit: 0,
  },
  {
    name: 'listings an option accepts',
    script: 'systemctl --preset-mode=help; systemctl -q -t help | head -3',
    stdout: 'full\nenable-only\ndisable-only\nservice\nmount\nswap\n',
    exit: 0,
  },
  {
    name: 'systemd-analyze timespan and calendar',
    script: "systemd-analyze timespan 1.5min; systemd-analyze timespan 3.s; echo rc=$?; systemd-analyze calendar --base-time='2024-05-14 10:02:11 UTC' 'Mon..Fri 10:00' bogus | grep -v 'From now'; echo rc=$?",
    stdout: 'Original: 1.5min\n      us: 90000000\n   Human: 1min 30s\nrc=1\n  Original form: Mon..Fri 10:00\nNormalized form: Mon..Fri *-*-* 10:00:00\n    Next elapse: Wed 2024-05-15 10:00:00 UTC\n\nrc=0\n',
    stderr: "Failed to parse time span '3.s': Invalid argument\nFailed to parse calendar specification 'bogus': Invalid argument\n",
    exit: 0,
  },
  {
    name: 'systemd-analyze hints and verb errors',
    script: "systemd-analyze timespan daily; systemd-analyze timestamp '2024-05-14 10:00' | head -2; systemd-analyze bogus; systemd-analyze calendar; echo rc=$?",
    stdout: '  Original form: 2024-05-14 10:00\nNormalized form: Tue 2024-05-14 10:00:00 UTC\nrc=1\n',
    stderr: "Failed to parse time span 'daily': Invalid argument\nHint: this expression is a valid calendar specification. Use 'systemd-analyze calendar \"daily\"' instead?\nUnknown command verb bogus.\nToo few arguments.\n",
    exit: 0,
  },
];

describe('systemctl on the default machine', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const r = await runScript(`export LANG=C TZ=UTC\n${c.script}`);
      expect(r.stdout).toBe(c.stdout);
      expect(r.stderr).toBe(c.stderr ?? '');
      expect(r.code).toBe(c.exit);
    });
  }
});
