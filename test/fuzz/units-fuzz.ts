// Fuzzing systemd's unit-file parser and systemd-networkd's .network/.netdev/.link parsers: the
// machine's own unit files and a few rich hand-written ones, mutated, written to
// /etc/systemd/system or /etc/systemd/network, then `systemctl daemon-reload`, `systemctl start`,
// status, cat, enable, `systemd-analyze verify`, `networkctl reload`, `systemctl restart
// systemd-networkd`, and the journal read back. Bad lines must become warnings in the journal as
// systemd logs them; nothing may crash, hang, leak a JavaScript value or take the manager down.
import type { Machine } from '../../src/kernel/machine';
import { knownBug } from './known';
import { caseSeed, count, describeError, Gen, leaks, newReport, type RunOptions, type TargetReport } from './lib';
import { mutateBytes, mutateLines } from './mutate';
import { bootMachine, instrumentRegistry, loadAllPrograms, runArgv, SHORT_LIMITS, type ProgramLimits } from './programs-fuzz';

const UNIT_DIR = '/etc/systemd/system';
const NET_DIR = '/etc/systemd/network';

const RICH_UNITS: Record<string, string> = {
  'service': `[Unit]
Description=Fuzz %n on %H
Documentation=man:fuzz(8) https://example.com
After=network.target sshd.service
Wants=network-online.target
Requires=sysinit.target
ConditionPathExists=!/nonexistent
AssertPathIsDirectory=/etc
StartLimitBurst=3
StartLimitIntervalSec=10s

[Service]
Type=simple
Environment="A=1 2" B=three 'C=four five'
EnvironmentFile=-/etc/default/fuzz
ExecStartPre=-/usr/bin/true
ExecStart=/usr/bin/sleep 1000
ExecReload=/bin/kill -HUP $MAINPID
ExecStop=/bin/kill -TERM $MAINPID
Restart=on-failure
RestartSec=1
User=nobody
WorkingDirectory=/tmp
KillSignal=SIGINT
SuccessExitStatus=3 SIGUSR1
StandardOutput=journal
TimeoutStartSec=5

[Install]
WantedBy=multi-user.target
Alias=fuzz-alias.service
`,
  'oneshot': `[Unit]
Description=One shot
[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/bin/sh -c 'echo "hello $$" && exit 0'
ExecStart=/usr/bin/echo second \\
  continued line
ExecStartPost=/usr/bin/logger posted
`,
  'socket': `[Unit]
Description=Fuzz socket
[Socket]
ListenStream=127.0.0.1:9999
ListenStream=/run/fuzz.sock
SocketMode=0600
Accept=no
[Install]
WantedBy=sockets.target
`,
  'timer': `[Unit]
Description=Fuzz timer
[Timer]
OnBootSec=5min
OnUnitActiveSec=1h
OnCalendar=*-*-* 03:00:00
OnCalendar=Mon..Fri 08:00
Persistent=true
Unit=fuzz.service
[Install]
WantedBy=timers.target
`,
  'target': `[Unit]
Description=Fuzz target
Requires=multi-user.target
Conflicts=rescue.target
AllowIsolate=yes
`,
  'forking': `[Service]
Type=forking
PIDFile=/run/fuzz.pid
ExecStart=/bin/bash -c 'sleep 1000 & echo $! > /run/fuzz.pid'
`,
  'notify': `[Service]
Type=notify
ExecStart=/usr/bin/sleep 1000
NotifyAccess=main
WatchdogSec=3
`,
};

const RICH_NETWORK: Record<string, string> = {
  'network': `[Match]
Name=eth0 en*
MACAddress=00:50:56:8a:3c:01
Type=ether

[Link]
MTUBytes=1400
RequiredForOnline=yes

[Network]
DHCP=ipv4
Address=10.9.9.9/24
Address=fd00::9/64
Gateway=10.9.9.1
DNS=8.8.8.8 1.1.1.1
Domains=example.com ~.
VLAN=vlan10
LinkLocalAddressing=ipv6
IPForward=yes

[Address]
Address=10.8.8.8/16
Label=eth0:fuzz

[Route]
Destination=10.100.0.0/16
Gateway=10.9.9.254
Metric=50

[DHCPv4]
UseDNS=no
RouteMetric=100
`,
  'dummy-network': `[Match]
Name=dummy*
[Network]
Address=172.16.99.1/24
ConfigureWithoutCarrier=yes
`,
  'netdev-vlan': `[NetDev]
Name=vlan10
Kind=vlan
[VLAN]
Id=10
`,
  'netdev-dummy': `[NetDev]
Name=dummy7
Kind=dummy
MACAddress=02:00:00:00:00:07
`,
  'netdev-bridge': `[NetDev]
Name=br9
Kind=bridge
[Bridge]
STP=yes
`,
  'link': `[Match]
MACAddress=00:50:56:8a:3c:01
OriginalName=eth*
[Link]
Name=lan0
MTUBytes=9000
WakeOnLan=off
`,
};

const INI_JUNK = [
  '[Service]', '[Unit]', '[Install]', '[Match]', '[Network]', '[Address]', '[Route]', '[NetDev]', '[Link]', '[Nonsense]', '[', ']', '[Unit', 'Unit]', '[]', '[ Service ]',
  'ExecStart=', 'ExecStart=relative/path', 'ExecStart=/usr/bin/false', 'ExecStart=@/usr/bin/sleep sleepy 100', 'ExecStart=-!!+:/usr/bin/true', 'ExecStart="/usr/bin/sle"ep 1',
  'ExecStart=/usr/bin/echo "unterminated', "ExecStart=/usr/bin/echo 'x\\", 'ExecStart=/usr/bin/echo \\x41\\u00e9\\777', 'ExecStart=/bin/sh -c "exit 3"', 'ExecStart=/usr/bin/sleep infinity',
  'Type=bogus', 'Type=', 'Type=oneshot', 'Type=forking', 'Type=notify', 'Type=dbus', 'Restart=always', 'Restart=maybe', 'RestartSec=0', 'RestartSec=-5', 'RestartSec=1y2w',
  'TimeoutStartSec=infinity', 'TimeoutStartSec=0', 'TimeoutStopSec=99999999999999999s', 'User=nosuchuser', 'User=0', 'User=', 'Group=nosuchgroup', 'Environment==x', 'Environment="A',
  'Environment=A=$B ${C', 'EnvironmentFile=/nonexistent', 'WorkingDirectory=/nonexistent', 'WorkingDirectory=~', 'KillSignal=SIGBOGUS', 'KillSignal=99', 'SuccessExitStatus=999 SIGNOPE',
  'StartLimitBurst=0', 'StartLimitBurst=-1', 'StartLimitIntervalSec=abc', 'Requires=nosuch.service', 'After=%z', 'Wants=fuzz.service', 'OnFailure=fuzz.service', 'BindsTo=sshd.service',
  'Conflicts=sshd.service', 'ConditionPathExists=', 'ConditionFoo=bar', 'AssertPathExists=/nonexistent', 'ConditionVirtualization=|!container', 'Description=%', 'Description=%%%n%i%I%f%Z',
  'WantedBy=', 'WantedBy=nosuch.target', 'Alias=sshd.service', 'Alias=../evil.service', 'Also=fuzz.socket', 'DefaultInstance=x y', 'ListenStream=', 'ListenStream=99999', 'ListenStream=[::1]:22',
  'SocketMode=9999', 'OnCalendar=bogus', 'OnCalendar=*-*-31 25:61', 'OnBootSec=-1', 'Persistent=maybe', 'Unit=nosuch.service', 'PIDFile=relative', 'RemainAfterExit=2',
  'Name=', 'Name=*', 'Name=eth0 !eth0', 'MACAddress=zz:zz', 'Address=', 'Address=999.1.1.1/24', 'Address=10.0.0.1/33', 'Address=::/200', 'Address=10.0.0.1', 'Gateway=_dhcp4',
  'Gateway=not-an-ip', 'DNS=8.8.8.8:53#dns.google', 'DNS=bogus', 'DHCP=maybe', 'DHCP=', 'VLAN=', 'VLAN=nosuch', 'Bridge=br9', 'Bond=nosuch', 'MTUBytes=10', 'MTUBytes=1K',
  'MTUBytes=99999999999', 'Destination=default', 'Destination=10.0.0.0/99', 'Metric=-1', 'Metric=4294967296', 'Table=main', 'Table=999999999999', 'Kind=nosuch', 'Kind=', 'Id=4095',
  'Id=4096', 'Id=-1', 'RequiredForOnline=routable:degraded', 'Domains=~', 'IPForward=kernel', 'Label=x'.repeat(20), `Description=${'x'.repeat(5000)}`, `ExecStart=/usr/bin/echo ${'a '.repeat(3000)}`,
  '\\', 'Key=value \\', 'Key', '=value', ' = ', '#comment', ';comment', 'Key=value # not a comment', '\u0000', '\ufeffKey=1', 'Kéy=välue', 'A=B=C', '\t\tIndented=1', 'Key= spaced value ',
];

/** The machine's own unit and network files, as seeds. */
function corpus(m: Machine): { units: [string, string][]; networks: [string, string][] } {
  const vfs = m.kernel.vfs;
  const read = (dir: string, suffix: RegExp): [string, string][] => {
    const d = vfs.lookup(dir);
    const out: [string, string][] = [];
    for (const name of [...(d?.entries?.keys() ?? [])].sort()) {
      if (!suffix.test(name)) continue;
      const node = vfs.lookup(`${dir}/${name}`);
      if (!node || node.type !== 'file') continue;
      out.push([name, new TextDecoder().decode(vfs.readAt(node, 0, 1 << 20))]);
    }
    return out;
  };
  return {
    units: [...read('/usr/lib/systemd/system', /\.(service|socket|timer|target|path|mount)$/), ...Object.entries(RICH_UNITS).map(([k, v]): [string, string] => [`rich-${k}.${k === 'oneshot' || k === 'forking' || k === 'notify' ? 'service' : k}`, v])],
    networks: [...read(NET_DIR, /\.(network|netdev|link)$/), ...read('/usr/lib/systemd/network', /\.(network|netdev|link)$/), ...Object.entries(RICH_NETWORK).map(([k, v]): [string, string] => [`rich.${k.startsWith('netdev') ? 'netdev' : k === 'link' ? 'link' : 'network'}`, v])],
  };
}

function mutate(g: Gen, text: string): { text: string; what: string } {
  if (g.chance(0.25)) {
    const m = mutateBytes(g, new TextEncoder().encode(text));
    return { text: new TextDecoder().decode(m.bytes), what: m.what.join('; ') };
  }
  const m = mutateLines(g, text, INI_JUNK, 1 + g.below(6));
  return { text: m.text, what: m.what.join('; ') };
}

function quoteHeredoc(text: string): string {
  // base64 keeps any byte through the shell and the heredoc
  return Buffer.from(text, 'utf8').toString('base64');
}

interface UnitCase {
  script: string;
  what: string;
  files: string[];
}

function unitCase(g: Gen, c: ReturnType<typeof corpus>): UnitCase {
  if (g.chance(0.55)) {
    const [name, text] = g.pick(c.units);
    const m = mutate(g, text);
    const type = name.slice(name.lastIndexOf('.') + 1);
    const r = g.below(10);
    // a unit of its own, a template, or a drop-in over one of the machine's units
    let path: string;
    let unit: string;
    if (r < 6) {
      unit = `fuzz.${type}`;
      path = `${UNIT_DIR}/${unit}`;
    } else if (r < 8 && type === 'service') {
      unit = `fuzz@inst-${g.pick(['a', 'x\\x2dy', 'a b', '-'])}.service`;
      path = `${UNIT_DIR}/fuzz@.service`;
    } else {
      unit = g.pick(['sshd.service', 'systemd-networkd.service', 'docker.service', 'multi-user.target']);
      path = `${UNIT_DIR}/${unit}.d/fuzz.conf`;
    }
    const q = `'${unit.replace(/'/g, `'\\''`)}'`;
    const verbs = [
      `systemctl daemon-reload`, `systemctl start ${q}`, `systemctl status --no-pager ${q}`, `systemctl is-active ${q}`, `systemctl cat ${q}`, `systemctl show ${q} -p ExecStart -p Type -p Restart`,
      `systemctl enable ${q}`, `systemctl disable ${q}`, `systemctl restart ${q}`, `systemctl reload ${q}`, `systemctl stop ${q}`, `systemctl list-dependencies --no-pager ${q}`,
      `systemd-analyze verify ${path}`, `journalctl -u ${q} -n 20 --no-pager`, `systemctl list-units --all --no-pager`, `systemctl list-timers --no-pager`, `systemctl kill ${q}`,
    ];
    const picked = ['systemctl daemon-reload', ...Array.from({ length: 2 + g.below(5) }, () => g.pick(verbs)), `systemctl status --no-pager ${q}`, 'journalctl -b -n 40 --no-pager -o short'];
    const script = `mkdir -p ${path.slice(0, path.lastIndexOf('/'))}\necho ${quoteHeredoc(m.text)} | base64 -d > ${path}\n${picked.map((v) => `${v}; echo "[rc=$?]"`).join('\n')}\n`;
    return { script, what: `${path} from ${name}: ${m.what} | ${picked.slice(1).join('; ')}`, files: [path] };
  }
  const n = 1 + g.below(3);
  const files: string[] = [];
  const whats: string[] = [];
  let script = '';
  for (let i = 0; i < n; i++) {
    const [name, text] = g.pick(c.networks);
    const m = mutate(g, text);
    const ext = g.chance(0.9) ? name.slice(name.lastIndexOf('.')) : g.pick(['.network', '.netdev', '.link']);
    const path = `${NET_DIR}/${g.pick(['05', '10', '50', '99'])}-fuzz${i}${ext}`;
    const mode = g.pick(['644', '644', '644', '640', '600', '000', '666']);
    files.push(path);
    whats.push(`${path} (${mode}) from ${name}: ${m.what}`);
    script += `echo ${quoteHeredoc(m.text)} | base64 -d > ${path}; chmod ${mode} ${path}\n`;
  }
  const verbs = ['networkctl reload', 'systemctl restart systemd-networkd', 'networkctl reconfigure eth0', 'networkctl', 'networkctl status eth0 --no-pager', 'networkctl list --no-pager', 'ip -br addr', 'ip route', 'udevadm control --reload', 'networkctl up eth0', 'networkctl down dummy7', 'resolvectl status --no-pager', 'ip link'];
  const picked = [g.pick(['networkctl reload', 'systemctl restart systemd-networkd']), ...Array.from({ length: 1 + g.below(4) }, () => g.pick(verbs)), 'sleep 2', 'networkctl --no-pager', 'journalctl -u systemd-networkd -n 40 --no-pager -o short'];
  script += `${picked.map((v) => `${v}; echo "[rc=$?]"`).join('\n')}\n`;
  return { script, what: `${whats.join(' | ')} | ${picked.join('; ')}`, files };
}

export async function fuzzUnits(opts: RunOptions & { limits?: ProgramLimits }): Promise<TargetReport> {
  const report = newReport('units');
  const t0 = performance.now();
  const limits = { ...(opts.limits ?? SHORT_LIMITS), realMs: Math.max(4000, (opts.limits ?? SHORT_LIMITS).realMs * 2), virtualMs: 240_000 };
  await loadAllPrograms();
  const undo = instrumentRegistry();
  const stray: string[] = [];
  const onStray = (e: unknown): void => void stray.push(describeError(e));
  process.on('unhandledRejection', onStray);
  process.on('uncaughtException', onStray);
  let machine: Machine | undefined;
  let onMachine = 0;
  let seeds: ReturnType<typeof corpus> | undefined;
  try {
    const first = opts.first ?? 0;
    for (let index = first; index < first + opts.count; index++) {
      if (!machine || onMachine >= 12) {
        machine = await bootMachine(opts.seed + index);
        seeds ??= corpus(machine);
        onMachine = 0;
        count(report, 'machines');
      }
      onMachine++;
      const g = new Gen(caseSeed('units', opts.seed, index));
      const c = unitCase(g, seeds!);
      opts.onCase?.(index, c.what);
      if (opts.verbose) console.log(`[${index}] ${c.what.slice(0, 400)}`);
      const fail = (why: string): void => {
        const f = { target: 'units', seed: opts.seed, index, input: c.what, why };
        (knownBug(f) ? report.known : report.failures).push(f);
      };
      report.runs++;
      const entries = (): readonly { seq: number; message: string; priority: number; identifier?: string }[] => machine!.journal.view().entries;
      const seq0 = entries().at(-1)?.seq ?? 0;
      const o = await runArgv(machine, ['/bin/bash', '-c', c.script], c.script, limits, '/');
      if (o.interrupted) count(report, 'interrupted at the budget');
      for (const f of o.failures) fail(`${f}\n  output: ${JSON.stringify((o.stdout + o.stderr).slice(-1500))}`);
      // what the manager and networkd logged about the files
      const fresh = entries().filter((e) => e.seq > seq0);
      const logged = fresh.map((e) => e.message).join('\n');
      for (const l of leaks(logged, c.script)) fail(`in the journal: ${l}`);
      // systemd's warnings about a file say where (log_syntax: "FILE:LINE: ..."), or name the unit
      for (const e of fresh) {
        if (e.identifier !== 'systemd' || e.priority > 4) continue;
        if (!/^(\/\S+:\d+: |[^\s:]+\.(service|socket|timer|target|path|mount|automount|swap|slice|scope|device): |Failed to start |Failed to stop |Dependency failed |Unit configuration has fatal error)/.test(e.message)) {
          fail(`a warning that does not say which file or unit: ${JSON.stringify(e.message.slice(0, 200))}`);
        }
      }
      if (/\/etc\/systemd\/(system|network)\/[^\s:]+:\d+: /.test(logged)) count(report, 'cases with file:line warnings');
      for (const e of stray.splice(0)) fail(`unhandled rejection or exception: ${e}`);
      if (o.recycle) {
        count(report, `machine replaced (${o.recycle.replace(/:.*/, '')})`);
        machine = undefined;
        continue;
      }
      // the manager still answers, and the files go for the next case
      const after = await runArgv(machine, ['/bin/bash', '-c', `rm -rf ${c.files.map((f) => `'${f}'`).join(' ')} ${UNIT_DIR}/*.d/fuzz.conf; systemctl daemon-reload; systemctl is-system-running; systemctl is-active sshd`], '', limits, '/');
      for (const f of after.failures) fail(`afterwards: ${f}`);
      if (after.code === undefined || after.interrupted) {
        fail(`the service manager did not answer afterwards: ${JSON.stringify((after.stdout + after.stderr).slice(-500))}`);
        machine = undefined;
      } else if (after.recycle) machine = undefined;
    }
  } finally {
    process.off('unhandledRejection', onStray);
    process.off('uncaughtException', onStray);
    undo();
  }
  report.ms = performance.now() - t0;
  return report;
}
