// Traffic through the whole machine: ping, curl, tracepath, ss/netstat over the default DHCP
// setup of the lab LAN, what breaks them (no default route, no DNS, the firewall), and the
// lessons' view of inbound reachability (the traffic subsystem's probe) before and after a rule
// is added, saved and the machine rebooted. Round-trip times come from the world table with
// seeded jitter, so the numbers are replaced by placeholders before whole outputs are compared.
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/kernel/machine';
import type { ProbeSpec } from '../../src/shared/services/traffic';
import { runScript, runCases } from './machine-helpers';

/** Replaces the measured numbers (times, RTTs, ports chosen at random) with placeholders. */
function norm(text: string): string {
  return text
    .replace(/time=[0-9.]+ ms/g, 'time=T ms')
    .replace(/time [0-9]+ms/g, 'time Nms')
    .replace(/= [0-9.]+\/[0-9.]+\/[0-9.]+\/[0-9.]+ ms/g, '= RTT ms')
    .replace(/ +[0-9]+\.[0-9]{3}ms /g, ' Tms ');
}



describe('ping over the default DHCP setup', () => {
  it('prints replies with reverse names and the statistics, and fails as iputils does', async () => {
    const cases: [string, string, number][] = [
      ['ping -c 4 google.com', `PING google.com (142.250.72.14) 56(84) bytes of data.
${[1, 2, 3, 4].map((n) => `64 bytes from lax17s49-in-f14.1e100.net (142.250.72.14): icmp_seq=${n} ttl=120 time=T ms\n`).join('')}
--- google.com ping statistics ---
4 packets transmitted, 4 received, 0% packet loss, time Nms
rtt min/avg/max/mdev = RTT ms
`, 0],
      ['ping -c 2 -n 192.168.1.20', `PING 192.168.1.20 (192.168.1.20) 56(84) bytes of data.
64 bytes from 192.168.1.20: icmp_seq=1 ttl=64 time=T ms
64 bytes from 192.168.1.20: icmp_seq=2 ttl=64 time=T ms

--- 192.168.1.20 ping statistics ---
2 packets transmitted, 2 received, 0% packet loss, time Nms
rtt min/avg/max/mdev = RTT ms
`, 0],
      ['ping -c 2 -q localhost', `PING localhost (127.0.0.1) 56(84) bytes of data.

--- localhost ping statistics ---
2 packets transmitted, 2 received, 0% packet loss, time Nms
rtt min/avg/max/mdev = RTT ms
`, 0],
      // vmware.com ignores echo requests: all lost, exit 1, no rtt line
      ['ping -c 3 -W 1 vmware.com', `PING vmware.com (45.60.11.104) 56(84) bytes of data.

--- vmware.com ping statistics ---
3 packets transmitted, 0 received, 100% packet loss, time Nms

`, 1],
      ['ping -c 3 192.168.1.77', `PING 192.168.1.77 (192.168.1.77) 56(84) bytes of data.
From 192.168.1.50 icmp_seq=1 Destination Host Unreachable
From 192.168.1.50 icmp_seq=2 Destination Host Unreachable
From 192.168.1.50 icmp_seq=3 Destination Host Unreachable

--- 192.168.1.77 ping statistics ---
3 packets transmitted, 0 received, +3 errors, 100% packet loss, time Nms
pipe 3
`, 1],
      ['ping -c 1 -t 1 google.com', `PING google.com (142.250.72.14) 56(84) bytes of data.
From _gateway (192.168.1.1) icmp_seq=1 Time to live exceeded

--- google.com ping statistics ---
1 packets transmitted, 0 received, +1 errors, 100% packet loss, time Nms

`, 1],
      ['ping -c 1 -s 8 127.0.0.1', `PING 127.0.0.1 (127.0.0.1) 8(36) bytes of data.
16 bytes from 127.0.0.1: icmp_seq=1 ttl=64

--- 127.0.0.1 ping statistics ---
1 packets transmitted, 1 received, 0% packet loss, time Nms

`, 0],
      ['ping -c 1 nosuch.example', 'ping: nosuch.example: Name or service not known\n', 2],
      ['ping', 'ping: usage error: Destination address required\n', 1],
      ['ping -c 0 google.com', "ping: invalid argument: '0': out of range: 1 <= value <= 9223372036854775807\n", 1],
      ['ping -t 0 -c 1 127.0.0.1', 'ping: cannot set unicast time-to-live: Invalid argument\n', 2],
    ];
    const got = await runCases(cases.map((c) => c[0]));
    expect(got.map((g) => ({ out: norm(g.out), code: g.code }))).toEqual(cases.map(([, out, code]) => ({ out, code })));
  });

  it('reports no route after the default route is gone, and no DNS without systemd-resolved', async () => {
    const got = await runCases([
      // resolved has the name cached from the first ping, so only the route is missing
      'ping -c 1 -q google.com >/dev/null; ip route del default; ping -c 1 google.com',
      'ping -c 1 142.250.72.14',
      'ping -c 1 -q 192.168.1.20 >/dev/null',
      'systemctl stop systemd-resolved; ping -c 1 192.168.1.20 >/dev/null; echo "by address: $?"; ping -c 1 google.com',
      'curl -sS http://google.com/',
    ]);
    expect(got).toEqual([
      { out: 'ping: connect: Network is unreachable\n', code: 2 },
      { out: 'ping: connect: Network is unreachable\n', code: 2 },
      { out: '', code: 0 },
      { out: 'by address: 0\nping: google.com: Temporary failure in name resolution\n', code: 2 },
      { out: 'curl: (6) Could not resolve host: google.com\n', code: 6 },
    ]);
  });

  it('sends the resolver\'s DNS queries through the firewall, and fails sends OUTPUT drops', async () => {
    const got = await runCases([
      // the query to the router (udp 53) meets the new rule before OUTPUT's ACCEPT
      'iptables -I OUTPUT -p udp --dport 53 -j DROP; ping -c 1 -W 1 github.com; iptables -L OUTPUT -v -n | sed -n 3p | awk \'{print $1, $3}\'',
      // answers dropped on the way in: the same failure
      'iptables -D OUTPUT 1; iptables -I INPUT -p udp --sport 53 -j DROP; curl -sS http://github.com/',
      'iptables -D INPUT 1; curl -s -o /dev/null -w "%{http_code}\\n" http://github.com/',
      // with OUTPUT's policy DROP and no rule accepting, the kernel refuses the send itself (and
      // iputils, finding no error queued, says nothing of it)
      'iptables -D OUTPUT 1; ping -c 2 -n 192.168.1.20',
    ]);
    expect(got.map((g) => ({ out: norm(g.out), code: g.code }))).toEqual([
      { out: 'ping: github.com: Temporary failure in name resolution\n1 DROP\n', code: 0 },
      { out: 'curl: (6) Could not resolve host: github.com\n', code: 6 },
      { out: '301\n', code: 0 },
      { out: 'PING 192.168.1.20 (192.168.1.20) 56(84) bytes of data.\n\n--- 192.168.1.20 ping statistics ---\n2 packets transmitted, 0 received, 100% packet loss, time Nms\n\n', code: 1 },
    ]);
  });

  it('counts the packets in iptables -v and on the link', async () => {
    const got = await runCases([
      'iptables -Z; ping -c 3 -q google.com >/dev/null; iptables -L -v -n | grep -E "^ +[0-9]+ +[0-9]+ ACCEPT" | awk \'{print $1, $2}\'',
      'ip -s link show eth0 | sed -n 4p | awk \'{print ($2 >= 3)}\'',
    ]);
    // three echo replies and the DNS answer came back ESTABLISHED (INPUT rule 2); three
    // requests and the resolver's query left by OUTPUT's rule
    expect(got[0]).toEqual({ out: '0 0\n4 312\n0 0\n4 312\n', code: 0 });
    expect(got[1]).toEqual({ out: '1\n', code: 0 });
  });
});

describe('curl', () => {
  it('fetches from the lab and the internet and fails with curl 8 messages', async () => {
    const cases: [string, string, number][] = [
      ['curl -s http://fileserver.lab.local/', '<!doctype html>\n<html>\n<head><title>Lab file server</title></head>\n<body>\n<h1>Lab file server</h1>\n</body>\n</html>\n', 0],
      ['curl -sI http://google.com/ | tr -d "\\r" | grep -v ^Date', 'HTTP/1.1 301 Moved Permanently\nServer: gws\nContent-Type: text/html; charset=UTF-8\nContent-Length: 0\nLocation: https://google.com/\nConnection: keep-alive\n\n', 0],
      ['curl -sL -o /dev/null -w "%{http_code} %{url_effective} %{num_redirects}\\n" http://github.com/', '200 https://github.com/ 1\n', 0],
      ['curl -s -o /dev/null -w "%{http_code}\\n" http://fileserver.lab.local/missing', '404\n', 0],
      ['curl -sSf http://fileserver.lab.local/missing', 'curl: (22) The requested URL returned error: 404\n', 22],
      ['curl -sS http://localhost/', 'curl: (7) Failed to connect to localhost port 80 after 0 ms: Could not connect to server\n', 7],
      ['curl -s http://localhost/', '', 7],
      ['curl -sS http://nosuch.example/', 'curl: (6) Could not resolve host: nosuch.example\n', 6],
      ['curl -sS --connect-timeout 2 http://vmware.com:8080/', /^curl: \(28\) Connection timed out after 200[0-9] milliseconds\n$/.source, 28],
      ['curl -sS http://client.lab.local:22/', 'curl: (1) Received HTTP/0.9 when not allowed\n', 1],
      ['curl -sS ftp2://x/', 'curl: (1) Protocol "ftp2" not supported\n', 1],
      ['curl', "curl: try 'curl --help' or 'curl --manual' for more information\n", 2],
      ['curl --bogus http://x', "curl: option --bogus: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n", 2],
    ];
    const got = await runCases(cases.map((c) => c[0]));
    got.forEach((g, i) => {
      const [cmd, want, code] = cases[i]!;
      if (want.startsWith('^')) expect(g.out, cmd).toMatch(new RegExp(want));
      else expect(g.out, cmd).toBe(want);
      expect(g.code, cmd).toBe(code);
    });
  });

  it('gets its answer from a server of this machine over the connection', async () => {
    const got = await runCases([
      'tdnf install -y -q nmap-ncat >/dev/null 2>&1; printf "HTTP/1.1 200 OK\\r\\nContent-Length: 3\\r\\n\\r\\nhi\\n" | ncat -l 8081 >/tmp/req & sleep 1; curl -sS http://127.0.0.1:8081/a; head -1 /tmp/req',
      'ncat -l 8082 </dev/null >/dev/null & sleep 1; curl -sS http://127.0.0.1:8082/',
      'echo hello | ncat -l 8083 & sleep 1; ncat 127.0.0.1 8083 </dev/null',
    ]);
    expect(got).toEqual([
      { out: 'hi\nGET /a HTTP/1.1\r\n', code: 0 },
      { out: 'curl: (52) Empty reply from server\n', code: 52 },
      { out: 'hello\n', code: 0 },
    ]);
  });

  it('shows the exchange with -v', async () => {
    const r = await runScript('curl -sv http://fileserver.lab.local/ 2>&1 >/dev/null | tr -d "\\r" | grep -v "^< Date"');
    expect(r.stdout).toBe(`* Host fileserver.lab.local:80 was resolved.
* IPv6: (none)
* IPv4: 192.168.1.30
*   Trying 192.168.1.30:80...
* Connected to fileserver.lab.local (192.168.1.30) port 80
* using HTTP/1.x
> GET / HTTP/1.1
> Host: fileserver.lab.local
> User-Agent: curl/8.12.0
> Accept: */*
> 
* Request completely sent off
< HTTP/1.1 200 OK
< Server: nginx/1.25.3
< Content-Type: text/html; charset=UTF-8
< Content-Length: 115
< Connection: keep-alive
< 
{ [115 bytes data]
* Connection #0 to host fileserver.lab.local left intact
`);
  });
});

describe('tracepath', () => {
  it('lists the routers to an internet host and stops at the hop limit', async () => {
    const got = await runCases(['tracepath -n 8.8.8.8', 'tracepath -m 2 google.com']);
    expect(got.map((g) => norm(g.out))).toEqual([
      ` 1?: [LOCALHOST]                      pmtu 1500
 1:  192.168.1.1 Tms 
 1:  192.168.1.1 Tms 
 2:  100.64.0.1 Tms 
 3:  100.64.18.9 Tms 
 4:  no reply
 5:  198.51.100.42 Tms 
 6:  203.0.113.5 Tms 
 7:  142.251.60.3 Tms 
 8:  72.14.232.85 Tms 
 9:  8.8.8.8 Tms reached
     Resume: pmtu 1500 hops 9 back 9 
`,
      ` 1?: [LOCALHOST]                      pmtu 1500
 1:  _gateway Tms 
 1:  _gateway Tms 
 2:  bras1.access.isp.example.net Tms 
     Too many hops: pmtu 1500
     Resume: pmtu 1500 
`,
    ]);
  });
});

describe('a web listener behind the firewall, seen from the lab client', () => {
  const fromClient: ProbeSpec = { direction: 'in', proto: 'tcp', peer: '192.168.1.20', port: 80 };

  it('is dropped by the INPUT policy, reachable after a rule, and stays so after iptables-save and a reboot', async () => {
    const m = new Machine({ clock: 'skip' });
    const setup = await runScript('tdnf install -y -q nmap-ncat >/dev/null 2>&1; nc -l 80 >/dev/null 2>&1 &\nsleep 1; ss -tlnH "sport = :80" | wc -l', m);
    expect(setup.stdout).toBe('2\n');
    await m.subsystems.load();
    const traffic = m.subsystems.traffic!;
    expect(traffic.probe(fromClient)).toEqual({
      outcome: 'dropped',
      why: { kind: 'netfilter', hook: 'INPUT', table: 'filter', chain: 'INPUT', rule: 0, target: 'DROP', packet: 'request' },
      reason: 'the packet met the policy of chain INPUT (table filter): DROP',
    });
    // probing moves no counter; the real packet does
    expect((await runScript('iptables -L INPUT -v -n | head -1', m)).stdout).toBe('Chain INPUT (policy DROP 0 packets, 0 bytes)\n');
    expect(traffic.inbound({ proto: 'tcp', peer: '192.168.1.20', port: 80 }).outcome).toBe('dropped');
    expect((await runScript('iptables -L INPUT -v -n | head -1', m)).stdout).toBe('Chain INPUT (policy DROP 1 packets, 60 bytes)\n');
    // ssh is open by Photon's rules, and the client's ping is not answered
    expect(traffic.probe({ ...fromClient, port: 22 }).why).toEqual({ kind: 'socket', proto: 'tcp', port: 22, pid: expect.any(Number), comm: 'sshd' });
    expect(traffic.probe({ direction: 'in', proto: 'icmp', peer: '192.168.1.20' }).outcome).toBe('dropped');

    await runScript('iptables -A INPUT -p tcp --dport 80 -j ACCEPT', m);
    const open = traffic.probe(fromClient);
    expect(open.outcome).toBe('answered');
    expect(open.why).toMatchObject({ kind: 'socket', port: 80, comm: 'nc' });

    const reboot = await runScript('iptables-save > /etc/systemd/scripts/ip4save; reboot', m);
    expect(reboot.code).toBe(143);
    await runScript('sleep 1', m);
    // the rule came back from the saved file; the listener did not (nothing listens until restarted)
    expect(m.subsystems.traffic!.probe(fromClient)).toMatchObject({ outcome: 'refused', why: { kind: 'nothing-listening', proto: 'tcp', port: 80 } });
    const after = await runScript('iptables -S INPUT | grep -c -- "--dport 80 -j ACCEPT"; nc -l 80 >/dev/null 2>&1 &\nsleep 1', m);
    expect(after.stdout).toBe('1\n');
    expect(m.subsystems.traffic!.probe(fromClient).outcome).toBe('answered');
  });

  it('answers lesson probes outwards without moving counters', async () => {
    const m = new Machine({ clock: 'skip' });
    await runScript('true', m);
    await m.subsystems.load();
    const t = m.subsystems.traffic!;
    expect(t.probe({ direction: 'out', proto: 'tcp', peer: '142.250.72.14', port: 443 }).outcome).toBe('answered');
    await runScript('iptables -I OUTPUT -p tcp --dport 443 -j REJECT --reject-with tcp-reset', m);
    expect(t.probe({ direction: 'out', proto: 'tcp', peer: '142.250.72.14', port: 443 })).toMatchObject({
      outcome: 'refused',
      why: { kind: 'netfilter', hook: 'OUTPUT', chain: 'OUTPUT', rule: 1, target: 'REJECT' },
    });
    await runScript('ip route del default', m);
    expect(t.probe({ direction: 'out', proto: 'icmp', peer: '8.8.8.8' })).toEqual({ outcome: 'error', why: { kind: 'no-route', dst: '8.8.8.8' }, reason: 'no route to 8.8.8.8' });
    expect((await runScript('iptables -L OUTPUT -v -n | sed -n 3p | awk \'{print $1}\'', m)).stdout).toBe('0\n');
  });
});

describe('ss and netstat', () => {
  it('list the listening sockets with their processes', async () => {
    const got = await runCases(['ss -tlnp', 'netstat -tlnp', 'netstat -rn', 'ss -tn state established']);
    expect(got.map((g) => g.out)).toEqual([
      `State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess                                 
LISTEN 0      128       127.0.0.53:53        0.0.0.0:*    users:(("systemd-resolve",pid=${pid(got[0]!.out, 'systemd-resolve')},fd=4))
LISTEN 0      128       127.0.0.54:53        0.0.0.0:*    users:(("systemd-resolve",pid=${pid(got[0]!.out, 'systemd-resolve')},fd=6))
LISTEN 0      128          0.0.0.0:22        0.0.0.0:*    users:(("sshd",pid=${pid(got[0]!.out, 'sshd')},fd=3))           
LISTEN 0      128             [::]:22           [::]:*    users:(("sshd",pid=${pid(got[0]!.out, 'sshd')},fd=4))           
`,
      `Active Internet connections (only servers)
Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    
tcp        0      0 127.0.0.53:53           0.0.0.0:*               LISTEN      ${`${pid(got[0]!.out, 'systemd-resolve')}/systemd-resolve`.padEnd(20)}
tcp        0      0 127.0.0.54:53           0.0.0.0:*               LISTEN      ${`${pid(got[0]!.out, 'systemd-resolve')}/systemd-resolve`.padEnd(20)}
tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      ${`${pid(got[0]!.out, 'sshd')}/sshd`.padEnd(20)}
tcp6       0      0 :::22                   :::*                    LISTEN      ${`${pid(got[0]!.out, 'sshd')}/sshd`.padEnd(20)}
`,
      `Kernel IP routing table
Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface
0.0.0.0         192.168.1.1     0.0.0.0         UG        0 0          0 eth0
192.168.1.0     0.0.0.0         255.255.255.0   U         0 0          0 eth0
192.168.1.1     0.0.0.0         255.255.255.255 UH        0 0          0 eth0
`,
      'Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n',
    ]);
  });
});

function pid(text: string, comm: string): string {
  return new RegExp(`"${comm}",pid=([0-9]+)`).exec(text)?.[1] ?? '?';
}

describe('ping on the console', () => {
  it('prints the statistics when interrupted with Ctrl-C', async () => {
    const { ConsoleSession } = await import('./machine-helpers');
    const s = new ConsoleSession();
    await s.waitForPrompts(1);
    // iptables.service loads the firewall just after the prompt appears: let it finish
    await s.machine.booted;
    s.type('ping 127.0.0.1\r');
    const at = await s.waitFor('icmp_seq=2 ');
    s.type('\x03');
    const end = await s.waitFor('packet loss', at);
    await s.waitForPrompts(2);
    const shown = s.output.slice(at, end + 200).replace(/time=[0-9.]+ ms/g, 'time=T ms').replace(/\/[0-9./]+ ms/, ' ms');
    expect(shown).toMatch(/^icmp_seq=2 ttl=64 time=T ms\r\n\^C\r\n--- 127\.0\.0\.1 ping statistics ---\r\n2 packets transmitted, 2 received, 0% packet loss, time 100[0-9]ms\r\nrtt min\/avg\/max\/mdev = [0-9.]+ ms\r\n/);
  });
});
