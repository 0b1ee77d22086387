// Containers on a whole machine: the story (enable docker, run nginx published on 8080,
// curl it, read its logs, exec into it, stop and remove it), a build of a small Dockerfile and a
// run of the image, what a container sees of itself, stop signals and exit statuses, restart
// policies across a daemon restart, and docker's refusals.
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/kernel/machine';
import type { ProbeSpec } from '../../src/shared/services/traffic';
import { ConsoleSession, runScript, runCases } from './machine-helpers';



describe('docker containers', () => {
  it('runs nginx published on 8080, serves curl, logs, execs, stops and removes it', async () => {
    const got = await runCases([
      'systemctl enable --now docker 2>/dev/null; docker run -d --name web -p 8080:80 nginx 2>/dev/null | wc -c',
      'sleep 1; curl -s localhost:8080 | grep -o "<title>.*</title>"',
      'docker logs web 2>/dev/null | tail -1 | sed "s/\\[.*\\]/[DATE]/"',
      'docker exec web nginx -v',
      'docker ps --format "{{.Names}} {{.Image}} {{.Status}} {{.Ports}}"',
      'ss -tlnH "sport = :8080" | wc -l; iptables -t nat -S DOCKER | grep 8080',
      'docker stop web; docker rm web; docker ps -aq | wc -l',
      'curl -sS localhost:8080',
    ]);
    expect(got).toEqual([
      { out: '65\n', code: 0 },
      { out: '<title>Welcome to nginx!</title>\n', code: 0 },
      { out: '172.17.0.1 - - [DATE] "GET / HTTP/1.1" 200 598 "-" "curl/8.12.0" "-"\n', code: 0 },
      { out: 'nginx version: nginx/1.26.2\n', code: 0 },
      { out: 'web nginx Up 1 second 0.0.0.0:8080->80/tcp, :::8080->80/tcp\n', code: 0 },
      { out: '2\n-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80\n', code: 0 },
      { out: 'web\nweb\n0\n', code: 0 },
      { out: 'curl: (7) Failed to connect to localhost port 8080 after 0 ms: Could not connect to server\n', code: 7 },
    ]);
  });

  it('pulls with docker\'s progress lines and says so when the image is up to date', async () => {
    const got = await runCases([
      'systemctl start docker; docker pull busybox',
      'docker pull busybox:latest | tail -3',
      'docker pull nosuchimage',
      'docker pull nginx:nosuchtag',
      'docker images --format "{{.Repository}}:{{.Tag}} {{.Size}}"',
    ]);
    expect(got[0]!.code).toBe(0);
    expect(got[0]!.out).toMatch(/^Using default tag: latest\nlatest: Pulling from library\/busybox\n([0-9a-f]{12}: (Pulling fs layer|Verifying Checksum|Download complete|Pull complete)\n)+Digest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for busybox:latest\ndocker.io\/library\/busybox:latest\n$/);
    expect(got[1]!.out).toMatch(/^Digest: sha256:[0-9a-f]{64}\nStatus: Image is up to date for busybox:latest\ndocker.io\/library\/busybox:latest\n$/);
    expect(got[2]).toEqual({ out: "Using default tag: latest\nError response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n", code: 1 });
    expect(got[3]).toEqual({ out: 'Error response from daemon: manifest for nginx:nosuchtag not found: manifest unknown: manifest unknown\n', code: 1 });
    expect(got[4]).toEqual({ out: 'busybox:latest 4.26MB\n', code: 0 });
  });

  it('builds an image from a Dockerfile and runs it', async () => {
    const got = await runCases([
      `systemctl start docker; mkdir -p /root/app && cd /root/app
printf 'FROM photon:5.0\\nENV GREETING=hello\\nRUN echo "$GREETING from the build" > /greeting.txt\\nCOPY msg.txt /opt/\\nWORKDIR /opt\\nCMD ["cat", "/greeting.txt", "msg.txt"]\\n' > Dockerfile
echo "copied in" > msg.txt
docker build -t greet . 2>/dev/null | grep -E "^(Step|Successfully)" | sed "s/built [0-9a-f]*/built ID/"`,
      'docker run --rm greet',
      'docker images --format "{{.Repository}}:{{.Tag}}" | sort',
      'docker history --no-trunc --format "{{.CreatedBy}}" greet | head -3',
      'cd /root/app; printf "FROM photon:5.0\\nRUN false\\n" > Dockerfile; docker build . 2>&1 | tail -1',
      'cd /root/app; printf "FROM photon:5.0\\nBOGUS x\\n" > Dockerfile; docker build . 2>&1 | tail -1',
    ]);
    expect(got[0]).toEqual({
      out: 'Step 1/6 : FROM photon:5.0\nStep 2/6 : ENV GREETING=hello\nStep 3/6 : RUN echo "$GREETING from the build" > /greeting.txt\nStep 4/6 : COPY msg.txt /opt/\nStep 5/6 : WORKDIR /opt\nStep 6/6 : CMD ["cat", "/greeting.txt", "msg.txt"]\nSuccessfully built ID\nSuccessfully tagged greet:latest\n',
      code: 0,
    });
    expect(got[1]).toEqual({ out: 'hello from the build\ncopied in\n', code: 0 });
    expect(got[2]).toEqual({ out: 'greet:latest\nphoton:5.0\n', code: 0 });
    expect(got[3]).toEqual({ out: '/bin/sh -c #(nop)  CMD ["cat" "/greeting.txt" "msg.txt"]\n/bin/sh -c #(nop) WORKDIR /opt\n/bin/sh -c #(nop) COPY msg.txt /opt/\n', code: 0 });
    expect(got[4]).toEqual({ out: "The command '/bin/sh -c false' returned a non-zero code: 1\n", code: 0 });
    expect(got[5]).toEqual({ out: 'Error response from daemon: dockerfile parse error line 2: unknown instruction: BOGUS\n', code: 0 });
  });

  it('gives a container its own root, hostname and process numbering', async () => {
    const got = await runCases([
      'systemctl start docker; docker run -d --name bb --hostname box busybox sleep 86400 >/dev/null 2>&1; docker exec bb hostname; docker exec bb sh -c "echo \\$\\$"',
      'docker exec bb ls /; docker exec bb cat /etc/hostname',
      'docker exec bb ps -o pid,args',
      'docker exec bb nosuch',
      'docker inspect -f "{{.State.Status}} {{.State.Pid}} {{.NetworkSettings.IPAddress}} {{.Config.Hostname}}" bb | sed "s/ [0-9]* / PID /"',
    ]);
    expect(got[0]).toEqual({ out: 'box\n3\n', code: 0 });
    expect(got[1]).toEqual({ out: 'bin\ndev\netc\nhome\nlib\nlib64\nproc\nroot\nsys\ntmp\nusr\nvar\nbox\n', code: 0 });
    expect(got[2]).toEqual({ out: '    PID COMMAND\n      1 sleep 86400\n      6 ps -o pid,args\n', code: 0 });
    expect(got[3]).toEqual({ out: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuch": executable file not found in $PATH: unknown\n', code: 126 });
    expect(got[4]).toEqual({ out: 'running PID 172.17.0.2 box\n', code: 0 });
  });

  it('stops with the image\'s signal, waits out a PID 1 that ignores it, and reports exit statuses', async () => {
    const got = await runCases([
      'systemctl start docker; docker run -d --name s1 busybox sleep 300 >/dev/null 2>&1; docker run -d --name web nginx >/dev/null 2>&1; sleep 1; docker stop s1 web',
      'docker ps -a --format "{{.Names}} {{.Status}}"',
      'docker run --name f1 busybox sh -c "echo out; echo err >&2; exit 3"',
      'docker run busybox nosuchcmd',
      'docker run -it busybox sh',
      'docker rm -f s1 web f1 >/dev/null; docker run -d -p 8080:80 --name w1 nginx >/dev/null 2>&1; docker run -d -p 8080:80 --name w2 nginx 2>&1 | grep -o "Bind for.*"',
      'docker rm w1',
      'docker run --name w1 busybox true',
    ]);
    expect(got[0]).toEqual({ out: 's1\nweb\n', code: 0 });
    expect(got[1]).toEqual({ out: 'web Exited (0) Less than a second ago\ns1 Exited (137) Less than a second ago\n', code: 0 });
    expect(got[2]).toEqual({ out: 'out\nerr\n', code: 3 });
    expect(got[3]).toEqual({ out: 'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "nosuchcmd": executable file not found in $PATH: unknown.\nSee \'docker run --help\'.\n', code: 127 });
    expect(got[4]).toEqual({ out: 'the input device is not a TTY\n', code: 1 });
    expect(got[5]).toEqual({ out: 'Bind for 0.0.0.0:8080 failed: port is already allocated.\n', code: 0 });
    expect(got[6]).toEqual({ out: 'Error response from daemon: cannot remove container "/w1": container is running: stop the container before removing or force remove\n', code: 1 });
    expect(got[7]!.out).toMatch(/^docker: Error response from daemon: Conflict\. The container name "\/w1" is already in use by container "[0-9a-f]{64}"\. You have to remove \(or rename\) that container to be able to reuse that name\.\nSee 'docker run --help'\.\n$/);
    expect(got[7]!.code).toBe(125);
  });

  it('brings back containers by their restart policy when dockerd starts again, and keeps stopped ones stopped', async () => {
    const got = await runCases([
      'systemctl start docker; docker run -d --name always --restart always busybox sleep 1000 >/dev/null 2>&1; docker run -d --name unless --restart unless-stopped busybox sleep 1000 >/dev/null 2>&1; docker run -d --name plain busybox sleep 1000 >/dev/null 2>&1; docker stop unless >/dev/null',
      'systemctl restart docker; docker ps --format "{{.Names}}" | sort',
      'docker ps -a --format "{{.Names}} {{.Status}}" | sort | sed "s/ [0-9]* seconds\\? ago/ AGO/; s/Less than a second ago/AGO/"',
    ]);
    expect(got[1]).toEqual({ out: 'always\n', code: 0 });
    expect(got[2]!.out.split('\n').filter(Boolean).map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual(['always Up', 'plain Exited', 'unless Exited']);
  });
});

describe('an interactive container on the console', () => {
  it('gives docker run -it a shell on the terminal, where Ctrl-C reaches its command and exit ends the run with its status', async () => {
    const s = new ConsoleSession();
    await s.waitForPrompts(1, 20000);
    await s.machine.booted;
    s.type('systemctl start docker; docker pull -q busybox >/dev/null; docker run -d --name bg busybox sleep 86400 >/dev/null\r');
    await s.waitForPrompts(2, 20000);
    let at = s.output.length;
    s.type('docker run -it --rm --hostname box busybox sh\r');
    at = await s.waitFor('/ # ', at, 20000);
    s.type('echo inside $(hostname)\r');
    at = await s.waitFor('inside box\r\n/ # ', at, 20000);
    s.type('sleep 30\r');
    await s.waitFor('sleep 30\r\n', at, 20000);
    s.type('\x03');
    at = await s.waitFor('^C\r\n/ # ', at, 20000);
    s.type('exit 5\r');
    await s.waitForPrompts(3, 20000);
    s.type('echo rc=$?\r');
    at = await s.waitFor('rc=5', at, 20000);
    s.type('docker exec -it bg sh\r');
    at = await s.waitFor('/ # ', at, 20000);
    s.type('ps -e -o pid,args\r');
    await s.waitFor('1 sleep 86400', at, 20000);
  }, 60000);
});

describe('a published container port seen from the lab client', () => {
  it('is reached through docker\'s DNAT and FORWARD even though Photon\'s INPUT policy drops the host\'s own port, and DOCKER-USER can stop it', async () => {
    const m = new Machine({ clock: 'skip' });
    const setup = await runScript('sleep 1; systemctl start docker; docker run -d --name web -p 8080:80 nginx >/dev/null 2>&1; sleep 1; docker ps -q | wc -l', m);
    expect(setup.stdout).toBe('1\n');
    await m.subsystems.load();
    const traffic = m.subsystems.traffic!;
    const probe = (port: number): ProbeSpec => ({ direction: 'in', proto: 'tcp', peer: '192.168.1.20', port });
    expect(traffic.probe(probe(8080))).toMatchObject({ outcome: 'answered', why: { kind: 'socket', proto: 'tcp', port: 80, comm: 'nginx' } });
    // the host's own port 80 stays behind INPUT's policy
    expect(traffic.probe(probe(80)).outcome).toBe('dropped');
    await runScript('iptables -I DOCKER-USER -p tcp -s 192.168.1.20 -j DROP', m);
    expect(traffic.probe(probe(8080))).toMatchObject({ outcome: 'dropped', why: { kind: 'netfilter', chain: 'DOCKER-USER', rule: 1, target: 'DROP' } });
  });
});
