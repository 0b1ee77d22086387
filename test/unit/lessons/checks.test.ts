// Every check kind against a real machine's views: what passes, what fails, and the exact
// message a learner reads when it fails (what is wrong, and what the machine has instead).
import { beforeAll, describe, expect, it } from 'vitest';
import { Machine } from '../../../src/kernel/machine';
import { EvalContext, evaluate, type Outcome } from '../../../src/lessons/checks';
import { MachineHost } from '../../../src/lessons/machine-host';
import type { CheckSpec } from '../../../src/lessons/types';
import { runScript } from '../../integration/machine-helpers';

async function boot(script = ''): Promise<Machine> {
  const m = new Machine({ clock: 'skip' });
  // a second lets DHCP and the resolver settle, as after a real boot
  const r = await runScript(`sleep 1\n${script}`, m);
  if (r.code !== 0) throw new Error(`setup failed: ${r.stderr}`);
  return m;
}

async function check(m: Machine, spec: CheckSpec): Promise<Outcome> {
  return evaluate(new EvalContext(new MachineHost(m)), spec);
}

type Case = [string, CheckSpec, Outcome];

async function table(m: Machine, cases: Case[]): Promise<void> {
  const got: Case[] = [];
  // process ids depend on what ran before: a placeholder keeps the messages comparable
  for (const [name, spec] of cases) {
    const o = await check(m, spec);
    got.push([name, spec, { ...o, message: o.message.replace(/pid \d+/g, 'pid N') }]);
  }
  expect(got).toEqual(cases);
}

const pass = (message: string): Outcome => ({ passed: true, message });
const fail = (message: string): Outcome => ({ passed: false, message });

describe('file', () => {
  let m: Machine;
  beforeAll(async () => {
    m = await boot(`mkdir -p /srv/www && printf 'Address=10.0.0.5/24\\nDNS=1.1.1.1\\n' > /srv/www/a.conf && chmod 640 /srv/www/a.conf
useradd -m alice && chown alice:users /srv/www/a.conf && ln -s /srv/www/a.conf /root/link && : > /root/empty`);
  });
  it('tests existence, type, content, mode, owner and link targets', async () => {
    await table(m, [
      ['exists', { kind: 'file', path: '/srv/www/a.conf' }, pass('/srv/www/a.conf exists')],
      ['missing', { kind: 'file', path: '/srv/www/b.conf' }, fail('/srv/www/b.conf does not exist')],
      ['missing parents', { kind: 'file', path: '/srv/nope/deeper/x' }, fail('/srv/nope/deeper/x does not exist (nor does /srv/nope)')],
      ['absent wanted', { kind: 'file', path: '/srv/www/a.conf', exists: false }, fail('/srv/www/a.conf still exists (a regular file); the lesson wants it gone')],
      ['absent', { kind: 'file', path: '/srv/www/zzz', exists: false }, pass('/srv/www/zzz does not exist')],
      ['type', { kind: 'file', path: '/srv/www', type: 'file' }, fail('/srv/www is a directory, not a regular file')],
      ['contains', { kind: 'file', path: '/srv/www/a.conf', contains: ['DNS=1.1.1.1', 'Gateway='] }, fail('/srv/www/a.conf does not contain "Gateway="')],
      ['lacks', { kind: 'file', path: '/srv/www/a.conf', lacks: 'DNS=' }, fail('/srv/www/a.conf still contains "DNS="')],
      ['matches', { kind: 'file', path: '/srv/www/a.conf', matches: '^Address=10\\.0\\.0\\.5/24$' }, pass('/srv/www/a.conf exists with the wanted content')],
      ['no match', { kind: 'file', path: '/srv/www/a.conf', matches: '^Gateway=' }, fail('nothing in /srv/www/a.conf matches /^Gateway=/')],
      ['empty', { kind: 'file', path: '/root/empty', matches: 'x' }, fail('/root/empty is empty')],
      ['mode', { kind: 'file', path: '/srv/www/a.conf', mode: '0644' }, fail('/srv/www/a.conf has mode 0640; the lesson wants 0644')],
      ['owner', { kind: 'file', path: '/srv/www/a.conf', owner: 'root', group: 'root' }, fail('/srv/www/a.conf belongs to alice:users; the lesson wants root:root')],
      ['owner ok', { kind: 'file', path: '/srv/www/a.conf', owner: 'alice', mode: '640' }, pass('/srv/www/a.conf exists (mode 0640, alice:users)')],
      ['unknown owner', { kind: 'file', path: '/srv/www/a.conf', owner: 'bob' }, fail('there is no user bob')],
      ['several reasons', { kind: 'file', path: '/srv/www/a.conf', mode: '0600', group: 'wheel' }, fail('/srv/www/a.conf has mode 0640; the lesson wants 0600; /srv/www/a.conf belongs to alice:users; the lesson wants alice:wheel')],
      ['symlink', { kind: 'file', path: '/root/link', type: 'symlink', target: '/srv/www/a.conf' }, pass('/root/link exists')],
      ['symlink target', { kind: 'file', path: '/root/link', target: '/etc/hosts' }, fail('/root/link points to /srv/www/a.conf; the lesson wants /etc/hosts')],
      ['not a symlink', { kind: 'file', path: '/srv/www/a.conf', type: 'symlink' }, fail('/srv/www/a.conf is a regular file, not a symbolic link')],
      ['dir has no text', { kind: 'file', path: '/srv/www', contains: 'x' }, fail('/srv/www is a directory, so it has no text to check')],
    ]);
  });
});

describe('user and group', () => {
  let m: Machine;
  beforeAll(async () => {
    m = await boot(`groupadd developers && useradd -m -G developers alice && useradd carol && echo 'alice:Sekr1t-pass' | chpasswd`);
  });
  it('reads /etc/passwd, /etc/group and /etc/shadow', async () => {
    await table(m, [
      ['exists', { kind: 'user', name: 'alice' }, pass('the user alice exists and belongs to users and developers')],
      ['missing', { kind: 'user', name: 'bob' }, fail('there is no user bob (no line for it in /etc/passwd)')],
      ['gone', { kind: 'user', name: 'carol', exists: false }, fail('the user carol still exists (uid 1001); the lesson wants it removed')],
      ['groups', { kind: 'user', name: 'alice', groups: ['developers', 'wheel'] }, fail('alice belongs to users and developers, not to wheel')],
      ['unknown group', { kind: 'user', name: 'alice', groups: ['admins'] }, fail('alice belongs to users and developers, not to admins (there is no group admins yet)')],
      ['not in group', { kind: 'user', name: 'alice', notGroups: ['developers'] }, fail('alice still belongs to developers')],
      ['shell', { kind: 'user', name: 'alice', shell: '/bin/sh' }, fail("alice's login shell is /bin/bash; the lesson wants /bin/sh")],
      ['home', { kind: 'user', name: 'carol', homeExists: true }, fail("carol's home directory /home/carol does not exist (useradd makes it only with -m)")],
      ['password', { kind: 'user', name: 'carol', hasPassword: true }, fail('carol has no usable password yet (/etc/shadow has "!": locked)')],
      ['password set', { kind: 'user', name: 'alice', hasPassword: true, homeExists: true }, pass('the user alice exists and belongs to users and developers')],
      ['group', { kind: 'group', name: 'developers' }, pass('the group developers exists (gid 1000)')],
      ['group missing', { kind: 'group', name: 'ops' }, fail('there is no group ops (no line for it in /etc/group)')],
      ['group gid', { kind: 'group', name: 'developers', gid: 2000 }, fail('the group developers has gid 1000; the lesson wants 2000')],
      ['group gone', { kind: 'group', name: 'developers', exists: false }, fail('the group developers still exists (gid 1000); the lesson wants it removed')],
    ]);
  });
});

describe('package, unit, listening, hostname', () => {
  let m: Machine;
  beforeAll(async () => {
    m = await boot(`tdnf install -y -q nginx >/dev/null 2>&1; systemctl disable -q nginx; systemctl mask -q docker.service
printf 'server {\\n    listen 80\\n}\\n' > /etc/nginx/conf.d/bad.conf; systemctl start nginx 2>/dev/null; hostnamectl set-hostname web01; echo web02 > /etc/hostname`);
  });
  it('reads the rpm database', async () => {
    await table(m, [
      ['installed', { kind: 'package', name: 'nginx' }, pass('nginx 1.26.2-5.ph5 is installed')],
      ['version', { kind: 'package', name: 'nginx', version: '1.25' }, fail('nginx 1.26.2-5.ph5 is installed; the lesson wants version 1.25')],
      ['version ok', { kind: 'package', name: 'nginx', version: '1.26.2' }, pass('nginx 1.26.2-5.ph5 is installed')],
      ['missing', { kind: 'package', name: 'tar' }, fail('tar is not installed')],
      ['removed', { kind: 'package', name: 'sudo', installed: false }, fail('sudo is still installed (sudo-1.9.12p1-2.ph5)')],
    ]);
  });
  it('reads unit states and enablement', async () => {
    await table(m, [
      ['active', { kind: 'unit', unit: 'sshd', active: 'active', enabled: 'enabled' }, pass('sshd.service is active and sshd.service is enabled')],
      ['failed', { kind: 'unit', unit: 'nginx', active: 'active' }, fail('nginx.service has failed (result: exit-code); the lesson wants it active: systemctl status nginx.service and journalctl -u nginx.service say why')],
      ['failed wanted', { kind: 'unit', unit: 'nginx.service', active: 'failed' }, pass('nginx.service is failed')],
      ['disabled', { kind: 'unit', unit: 'nginx', enabled: 'enabled' }, fail('nginx.service is disabled; the lesson wants it enabled')],
      ['inactive', { kind: 'unit', unit: 'containerd', active: 'active' }, fail('containerd.service is inactive (dead); the lesson wants it active')],
      ['masked', { kind: 'unit', unit: 'docker', enabled: 'enabled' }, fail('docker.service is masked; the lesson wants it enabled (unmask it first)')],
      ['masked wanted', { kind: 'unit', unit: 'docker', enabled: 'masked' }, pass('docker.service is masked')],
      ['no such unit', { kind: 'unit', unit: 'httpd', active: 'active' }, fail('there is no unit httpd.service (is its package installed?)')],
      ['no unit file', { kind: 'unit', unit: 'httpd', enabled: 'enabled' }, fail('there is no unit file httpd.service (is its package installed?)')],
      ['socket', { kind: 'unit', unit: 'docker.socket', active: 'inactive' }, pass('docker.socket is inactive')],
    ]);
  });
  it('reads listening sockets and the host name', async () => {
    await table(m, [
      ['listening', { kind: 'listening', port: 22, process: 'sshd' }, pass('sshd listens on TCP port 22')],
      ['nothing', { kind: 'listening', port: 80 }, fail('nothing listens on TCP port 80')],
      ['wrong process', { kind: 'listening', port: 22, process: 'nginx' }, fail('TCP port 22 is held by sshd; the lesson wants nginx there')],
      ['closed wanted', { kind: 'listening', port: 22, listening: false }, fail('sshd still listens on TCP port 22')],
      ['udp', { kind: 'listening', port: 53, proto: 'udp', process: 'systemd-resolve' }, pass('systemd-resolve listens on UDP port 53')],
      ['hostname', { kind: 'hostname', name: 'web02' }, fail('the hostname is web01; the lesson wants web02 (/etc/hostname already says web02: it takes effect at the next boot, or with hostnamectl set-hostname)')],
      ['not persistent', { kind: 'hostname', name: 'web01' }, fail('the hostname is web01 until the next boot, but /etc/hostname says web02')],
      ['running only', { kind: 'hostname', name: 'web01', persistent: false }, pass('the hostname is web01')],
    ]);
  });
});

describe('link and route', () => {
  it('reads the configuration in effect, and says why a static address is not', async () => {
    const m = await boot();
    const address: CheckSpec = { kind: 'link', link: 'eth0', address: '192.168.1.100/24' };
    await table(m, [
      ['dhcp address', address, fail('eth0 has 192.168.1.50/24 from DHCP; the lesson wants 192.168.1.100/24: no .network file sets Address=192.168.1.100/24')],
      ['is dhcp', { kind: 'link', link: 'eth0', dhcp: true }, pass('eth0 has an address from DHCP')],
      ['no dhcp wanted', { kind: 'link', link: 'eth0', dhcp: false }, fail('eth0 still has 192.168.1.50/24 from DHCP; the lesson wants no DHCP address on it: a .network file that matches it first, without DHCP=yes')],
      ['static address wanted', { kind: 'link', link: 'eth0', address: '192.168.1.50/24', dhcp: false }, fail('eth0 has 192.168.1.50/24 from DHCP; the lesson wants it set statically (Address= in a .network file)')],
      ['gateway', { kind: 'link', link: 'eth0', gateway: '192.168.1.1' }, pass('the default route through eth0 goes via 192.168.1.1')],
      ['static gateway', { kind: 'link', link: 'eth0', gateway: '192.168.1.1', dhcp: false }, fail('the default route via 192.168.1.1 comes from DHCP; the lesson wants it set statically (Gateway= in the .network file)')],
      ['wrong gateway', { kind: 'link', link: 'eth0', gateway: '192.168.1.254' }, fail('the default route through eth0 goes via 192.168.1.1 (from DHCP); the lesson wants the gateway 192.168.1.254')],
      ['dns', { kind: 'link', link: 'eth0', dns: ['8.8.8.8'] }, fail('systemd-networkd gives eth0 the DNS server 192.168.1.1 (with DHCP); the lesson wants 8.8.8.8')],
      ['no link', { kind: 'link', link: 'eth1', address: '10.0.0.1/24' }, fail('there is no link eth1 (the machine has lo and eth0)')],
      ['route', { kind: 'route', to: 'default', via: '192.168.1.1', dev: 'eth0' }, pass('the route default via 192.168.1.1 dev eth0 is there')],
      ['route via', { kind: 'route', to: 'default', via: '192.168.1.254' }, fail('the route to default is default via 192.168.1.1 dev eth0; the lesson wants default via 192.168.1.254')],
      ['no route', { kind: 'route', to: '10.20.0.0/16', via: '192.168.1.254' }, fail('there is no route 10.20.0.0/16 via 192.168.1.254 (the routes are: default via 192.168.1.1 dev eth0, 192.168.1.0/24 dev eth0, 192.168.1.1 dev eth0)')],
      ['route gone', { kind: 'route', to: '192.168.1.0/24', present: false }, fail('the route 192.168.1.0/24 dev eth0 is still there; the lesson wants it gone')],
    ]);
    // a file in the wrong place of the order, unreadable, or matching another link
    const file = (name: string, match: string, mode: string): string =>
      `printf '[Match]\\nName=${match}\\n\\n[Network]\\nAddress=192.168.1.100/24\\n' > /etc/systemd/network/${name}; chmod ${mode} /etc/systemd/network/${name}`;
    await runScript(file('10-static.network', 'eth1', '644'), m);
    expect(await check(m, address)).toEqual(fail('eth0 has 192.168.1.50/24 from DHCP; the lesson wants 192.168.1.100/24: /etc/systemd/network/10-static.network has [Match] Name=eth1, which does not match eth0'));
    await runScript(file('10-static.network', 'eth0', '640'), m);
    expect(await check(m, address)).toEqual(fail('eth0 has 192.168.1.50/24 from DHCP; the lesson wants 192.168.1.100/24: /etc/systemd/network/10-static.network has mode 0640, so systemd-networkd (user systemd-network) cannot read it: make it readable with chmod 644, then restart systemd-networkd'));
    await runScript('chmod 644 /etc/systemd/network/10-static.network', m);
    expect(await check(m, address)).toEqual(fail('eth0 has 192.168.1.50/24 from DHCP; the lesson wants 192.168.1.100/24: systemd-networkd still uses /etc/systemd/network/99-dhcp-en.network for eth0: did you restart systemd-networkd?'));
    await runScript('mv /etc/systemd/network/10-static.network /etc/systemd/network/zz-static.network; systemctl restart systemd-networkd; sleep 1', m);
    expect(await check(m, address)).toEqual(fail('eth0 has 192.168.1.50/24 from DHCP; the lesson wants 192.168.1.100/24: systemd-networkd uses /etc/systemd/network/99-dhcp-en.network for eth0: it also matches and sorts before /etc/systemd/network/zz-static.network, and networkd takes the first file that matches'));
    await runScript('mv /etc/systemd/network/zz-static.network /etc/systemd/network/10-static.network; systemctl restart systemd-networkd; sleep 1', m);
    expect(await check(m, { ...address, dhcp: false })).toEqual(pass('eth0 has 192.168.1.100/24'));
  });
});

describe('firewall', () => {
  it('plays a packet through the rules without moving counters', async () => {
    const m = await boot('iptables -A INPUT -p tcp --dport 443 -j REJECT');
    await table(m, [
      ['dropped', { kind: 'firewall', peer: '192.168.1.20', proto: 'tcp', port: 80, verdict: 'accept' }, fail('a TCP packet from 192.168.1.20 to port 80 is dropped: the packet met the policy of chain INPUT (table filter): DROP')],
      ['rejected', { kind: 'firewall', peer: '192.168.1.20', proto: 'tcp', port: 443, verdict: 'accept' }, fail('a TCP packet from 192.168.1.20 to port 443 is rejected: the packet matched rule 4 of chain INPUT (table filter): REJECT')],
      ['ssh open', { kind: 'firewall', peer: '192.168.1.20', proto: 'tcp', port: 22, verdict: 'accept' }, pass('a TCP packet from 192.168.1.20 to port 22 gets through the firewall')],
      ['drop wanted', { kind: 'firewall', peer: '192.168.1.20', proto: 'tcp', port: 22, verdict: 'drop' }, fail('a TCP packet from 192.168.1.20 to port 22 gets through the firewall (sshd (pid N) listens on tcp port 22); the lesson wants it dropped')],
      ['ping', { kind: 'firewall', peer: '192.168.1.20', proto: 'icmp', verdict: 'drop' }, pass('a ping (ICMP echo) from 192.168.1.20 to this machine is dropped (the packet met the policy of chain INPUT (table filter): DROP)')],
      ['out', { kind: 'firewall', direction: 'out', peer: '8.8.8.8', proto: 'udp', port: 53, verdict: 'accept' }, pass('a UDP packet from this machine to 8.8.8.8 port 53 gets through the firewall')],
    ]);
    expect((await runScript('iptables -L INPUT -v -n | head -1', m)).stdout).toBe('Chain INPUT (policy DROP 0 packets, 0 bytes)\n');
  });
});

describe('command and combinations', () => {
  let m: Machine;
  beforeAll(async () => {
    m = await boot('echo hello > /root/greeting');
  });
  it('runs a command as root without a terminal', async () => {
    await table(m, [
      ['exit 0', { kind: 'command', run: 'test -f /root/greeting' }, pass('`test -f /root/greeting` gives what the lesson wants')],
      ['exit 1', { kind: 'command', run: 'grep -q bye /root/greeting' }, fail('`grep -q bye /root/greeting` exits with status 1; the lesson wants 0')],
      ['stderr', { kind: 'command', run: 'cat /root/nope' }, fail('`cat /root/nope` exits with status 1; the lesson wants 0: "cat: /root/nope: No such file or directory"')],
      ['exit code', { kind: 'command', run: 'exit 3', exitCode: 3 }, pass('`exit 3` gives what the lesson wants')],
      ['stdout', { kind: 'command', run: 'cat /root/greeting; id -un', stdoutContains: ['hello', 'root'] }, pass('`cat /root/greeting; id -un` gives what the lesson wants')],
      ['stdout missing', { kind: 'command', run: 'cat /root/greeting', stdoutContains: 'bye' }, fail('the output of `cat /root/greeting` does not contain "bye"; it printed "hello"')],
      ['stdout on stderr', { kind: 'command', run: 'ls /nope', stdoutMatches: '^x' }, fail('the output of `ls /nope` does not match /^x/; it printed nothing, and on stderr "ls: cannot access \'/nope\': No such file or directory" (exit status 2)')],
      ['no terminal', { kind: 'command', run: 'tty', exitCode: 1, stdoutContains: 'not a tty' }, pass('`tty` gives what the lesson wants')],
    ]);
  });
  it('combines checks with all, any and not, and lets a lesson word the message', async () => {
    const yes: CheckSpec = { kind: 'file', path: '/root/greeting' };
    const no: CheckSpec = { kind: 'file', path: '/root/missing' };
    const no2: CheckSpec = { kind: 'user', name: 'zed' };
    await table(m, [
      ['all', { kind: 'all', checks: [yes, no, no2, no] }, fail('/root/missing does not exist; there is no user zed (no line for it in /etc/passwd)')],
      ['all pass', { kind: 'all', checks: [yes, yes] }, pass('/root/greeting exists')],
      ['any', { kind: 'any', checks: [no, yes] }, pass('/root/greeting exists')],
      ['any fails', { kind: 'any', checks: [no, no2] }, fail('none of these holds: /root/missing does not exist; or there is no user zed (no line for it in /etc/passwd)')],
      ['not', { kind: 'not', check: yes }, fail('/root/greeting exists; the lesson wants the opposite')],
      ['not pass', { kind: 'not', check: no }, pass('/root/missing does not exist')],
      ['message', { kind: 'all', checks: [no], message: 'the greeting card is missing' }, fail('the greeting card is missing')],
      ['advice', { ...no, advice: 'Create it with touch' } as CheckSpec, fail('/root/missing does not exist. Create it with touch')],
    ]);
  });
});

describe('container and image', () => {
  it('reads the docker engine', async () => {
    const m = await boot();
    const web: CheckSpec = { kind: 'container', name: 'web', image: 'nginx', ports: ['8080:80'] };
    await table(m, [
      ['daemon off', web, fail('the Docker daemon is not running, so there is no container web')],
      ['no image', { kind: 'image', image: 'nginx' }, fail('the Docker daemon is not running, so there is no image nginx:latest')],
    ]);
    await runScript('systemctl start docker; docker run hello-world >/dev/null; docker run -d --name web -p 8081:80 nginx >/dev/null', m);
    await table(m, [
      ['wrong port', web, fail('the container web publishes 0.0.0.0:8081->80/tcp, :::8081->80/tcp; the lesson wants 8080:80 (docker run -p HOST:CONTAINER)')],
      ['running', { kind: 'container', name: 'web' }, pass('the container web is running')],
      ['wrong image', { kind: 'container', name: 'web', image: 'httpd' }, fail('the container web runs nginx; the lesson wants httpd')],
      ['exited', { kind: 'container', image: 'hello-world' }, fail(`the container ${'x'} is exited (code 0); the lesson wants it running`)],
      ['exited wanted', { kind: 'container', image: 'hello-world', state: 'exited' }, pass(`the container ${'x'} is exited (code 0)`)],
      ['absent', { kind: 'container', name: 'db' }, fail('there is no container db (docker ps -a lists web and x)')],
      ['gone wanted', { kind: 'container', name: 'web', state: 'absent' }, fail('the container web still exists (running); the lesson wants it removed')],
      ['restart', { kind: 'container', name: 'web', restart: 'always' }, fail('the container web has the restart policy no; the lesson wants always')],
      ['image', { kind: 'image', image: 'docker.io/library/hello-world:latest' }, pass('the image hello-world:latest is there')],
      ['image missing', { kind: 'image', image: 'redis:7' }, fail('there is no image redis:7 (docker images lists hello-world:latest and nginx:latest)')],
      ['image gone', { kind: 'image', image: 'nginx', present: false }, fail('the image nginx:latest is still there; the lesson wants it removed (docker rmi)')],
    ].map(([n, spec, o]) => {
      // docker names the hello-world container at random: put its name into the messages
      const hello = m.subsystems.docker!.view().containers.find((c) => c.config.Image === 'hello-world')!.name.replace(/^\//, '');
      return [n, spec, { ...(o as Outcome), message: (o as Outcome).message.replace(/\bx\b/, hello) }] as Case;
    }));
  });
});
