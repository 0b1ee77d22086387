// Docker networks on a whole machine: the predefined bridge, host and none, user-defined bridge
// networks with their br-<id> bridges, subnets and iptables rules, containers on them finding
// each other by name through the embedded DNS server (and not on the default bridge),
// connect/disconnect, removal refused while containers are on a network, and prune.
import { describe, expect, it } from 'vitest';
import { runCases } from './machine-helpers';



/** Bridge names and ids vary with the machine's random source: masked in what is compared. */
const masked = (s: string): string => s.replace(/br-[0-9a-f]{12}/g, 'br-ID').replace(/\b[0-9a-f]{64}\b/g, 'ID64');

describe('docker networks', () => {
  it('lists the predefined networks, and makes bridge networks on the next free subnet', async () => {
    const got = await runCases([
      'systemctl start docker; docker network ls --format "{{.Name}} {{.Driver}} {{.Scope}}"',
      'docker network ls | head -1',
      'docker network create app | grep -cE "^[0-9a-f]{64}$"',
      'docker network create app',
      'docker network inspect -f "{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}} {{.Driver}} {{json .Options}} {{json .Containers}}" app',
      'docker network create --subnet 10.10.0.0/24 --gateway 10.10.0.254 lab >/dev/null; docker network ls -q | wc -l; docker network ls --filter name=la --format "{{.Name}}"',
      'ip -4 -o addr show | awk \'/br-/ {print $2, $4}\'',
      'iptables -t nat -S | grep 10.10; iptables -S DOCKER-ISOLATION-STAGE-2',
      'docker network create --subnet 10.10.0.0/16 clash',
      'docker network rm bridge; docker network create bridge',
      'docker network inspect nosuch',
      'docker network rm lab nosuch',
    ]);
    expect(got[0]).toEqual({ out: 'bridge bridge local\nhost host local\nnone null local\n', code: 0 });
    expect(got[1]).toEqual({ out: 'NETWORK ID     NAME      DRIVER    SCOPE\n', code: 0 });
    expect(got[2]).toEqual({ out: '1\n', code: 0 });
    expect(got[3]).toEqual({ out: 'Error response from daemon: network with name app already exists\n', code: 1 });
    expect(got[4]).toEqual({ out: '172.18.0.0/16 172.18.0.1 bridge {} {}\n', code: 0 });
    expect(got[5]).toEqual({ out: '5\nlab\n', code: 0 });
    expect(masked(got[6]!.out)).toBe('br-ID 172.18.0.1/16\nbr-ID 10.10.0.254/24\n');
    expect(masked(got[7]!.out)).toBe([
      '-A POSTROUTING -s 10.10.0.0/24 ! -o br-ID -j MASQUERADE',
      '-N DOCKER-ISOLATION-STAGE-2',
      '-A DOCKER-ISOLATION-STAGE-2 -o br-ID -j DROP',
      '-A DOCKER-ISOLATION-STAGE-2 -o br-ID -j DROP',
      '-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP',
      '-A DOCKER-ISOLATION-STAGE-2 -j RETURN',
      '',
    ].join('\n'));
    expect(got[8]).toEqual({ out: 'Error response from daemon: Pool overlaps with other one on this address space\n', code: 1 });
    expect(got[9]).toEqual({ out: 'Error response from daemon: bridge is a pre-defined network and cannot be removed\nError response from daemon: operation is not permitted on predefined bridge network \n', code: 1 });
    expect(got[10]).toEqual({ out: '[]\nError response from daemon: network nosuch not found\n', code: 1 });
    expect(got[11]).toEqual({ out: 'lab\nError response from daemon: network nosuch not found\n', code: 1 });
  });

  it('puts containers on a network where they reach each other by name and alias', async () => {
    const got = await runCases([
      'systemctl start docker; docker pull -q busybox >/dev/null; docker network create app >/dev/null; docker run -d --name web --network app --network-alias www busybox sleep 1000000 | grep -c .',
      'docker run --rm --network app busybox sh -c "ping -c1 web >/dev/null && echo web answers; ping -c1 www.app >/dev/null && echo www answers; cat /etc/resolv.conf"',
      'docker run --rm busybox sh -c "ping -c1 web; cat /etc/resolv.conf"',
      'docker inspect -f "{{range \\$k, \\$v := .NetworkSettings.Networks}}{{\\$k}} {{\\$v.IPAddress}}/{{\\$v.IPPrefixLen}} via {{\\$v.Gateway}} {{\\$v.Aliases}} {{len \\$v.DNSNames}}{{end}} [{{.NetworkSettings.IPAddress}}] {{.HostConfig.NetworkMode}}" web',
      'docker exec web sh -c "tail -1 /etc/hosts; cat /etc/hostname" | awk \'{print $NF}\' | uniq -c | awk \'{print $1}\'; docker exec web tail -1 /etc/hosts | cut -f1',
      'docker network inspect -f "{{range .Containers}}{{.Name}} {{.IPv4Address}} {{.MacAddress}}{{end}}" app',
      'docker network rm app',
      'docker run -d --name db busybox sleep 1000000 >/dev/null; docker network connect app db; docker exec db sh -c "ping -c1 web >/dev/null && echo reached web; tail -1 /etc/hosts | cut -f1"',
      'docker network connect app db',
      'docker network disconnect app db; docker network disconnect app db',
      'docker run --rm --network nowhere busybox true',
      'docker run --rm --network none busybox cat /etc/hosts | grep -c 172; docker run --rm --network host busybox hostname',
      'docker rm -f web db >/dev/null; docker network prune -f; docker network ls --format "{{.Name}}"',
    ]);
    expect(got[0]).toEqual({ out: '1\n', code: 0 });
    expect(got[1]).toEqual({
      out: [
        'web answers', 'www answers',
        '# Generated by Docker Engine.',
        '# This file can be edited; Docker Engine will not make further changes once it',
        '# has been modified.',
        '',
        'nameserver 127.0.0.11',
        'search .',
        'options ndots:0',
        '',
        "# Based on host file: '/run/systemd/resolve/resolv.conf' (internal resolver)",
        '# ExtServers: [192.168.1.1]',
        '# Overrides: []',
        '# Option ndots from: internal',
        '',
      ].join('\n'),
      code: 0,
    });
    expect(got[2]!.out).toBe([
      'ping: web: Name or service not known',
      '# Generated by Docker Engine.',
      '# This file can be edited; Docker Engine will not make further changes once it',
      '# has been modified.',
      '',
      'nameserver 192.168.1.1',
      'search .',
      '',
      "# Based on host file: '/run/systemd/resolve/resolv.conf' (legacy)",
      '# Overrides: []',
      '',
    ].join('\n'));
    expect(got[3]).toEqual({ out: 'app 172.18.0.2/16 via 172.18.0.1 [www] 3 [] app\n', code: 0 });
    expect(got[4]).toEqual({ out: '2\n172.18.0.2\n', code: 0 });
    expect(got[5]).toEqual({ out: 'web 172.18.0.2/16 02:42:ac:12:00:02\n', code: 0 });
    expect(masked(got[6]!.out)).toBe('Error response from daemon: error while removing network: network app id ID64 has active endpoints\n');
    expect(got[6]!.code).toBe(1);
    expect(got[7]).toEqual({ out: 'reached web\n172.18.0.3\n', code: 0 });
    expect(got[8]).toEqual({ out: 'Error response from daemon: endpoint with name db already exists in network app\n', code: 1 });
    expect(masked(got[9]!.out)).toBe('Error response from daemon: container ID64 is not connected to network app\n');
    // (docker's reportError ends the message with a full stop; the shared run error path decides that)
    expect(got[10]!.out).toMatch(/^docker: Error response from daemon: network nowhere not found\.?\nSee 'docker run --help'\.\n$/);
    expect(got[10]!.code).toBe(125);
    expect(got[11]).toEqual({ out: '0\nphoton-machine\n', code: 0 });
    expect(got[12]).toEqual({ out: 'Deleted Networks:\napp\n\nbridge\nhost\nnone\n', code: 0 });
  });

  it('keeps networks, their bridges and rules across a daemon restart, and gives stopped containers their addresses again', async () => {
    const got = await runCases([
      'systemctl start docker; docker pull -q busybox >/dev/null; docker network create --subnet 10.20.0.0/24 keep >/dev/null; docker run -d --name k1 --network keep --ip 10.20.0.77 busybox sleep 1000000 >/dev/null; systemctl restart docker',
      'docker network ls --format "{{.Name}}" | grep keep; ip -4 -o addr show | awk \'/br-/ {print $4}\'; iptables -t nat -S POSTROUTING | grep -c 10.20.0.0',
      'docker start k1 >/dev/null; docker inspect -f "{{.NetworkSettings.Networks.keep.IPAddress}}" k1',
    ]);
    expect(got[0]!.code).toBe(0);
    expect(got[1]).toEqual({ out: 'keep\n10.20.0.1/24\n1\n', code: 0 });
    expect(got[2]).toEqual({ out: '10.20.0.77\n', code: 0 });
  });
});
