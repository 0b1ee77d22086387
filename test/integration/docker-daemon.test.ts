// The docker engine's life on a whole machine: disabled at boot as on a minimal install, the
// client's messages while it is down or the socket is not the user's, starting it by hand or by
// socket activation, what it sets up (docker0, the DOCKER chains), and a daemon.json that is not
// JSON failing the start with dockerd's own words in the journal.
import { describe, expect, it } from 'vitest';
import { runCases } from './machine-helpers';



describe('the docker daemon', () => {
  it('is down at boot, and the client says so as docker does', async () => {
    const got = await runCases([
      'systemctl is-enabled docker docker.socket; systemctl is-active docker',
      'docker ps',
      'docker run -d nginx',
      'docker version 2>&1 | sed -n "1,3p;9p"; exit_of() { "$@" >/dev/null 2>&1; echo "status $?"; }; exit_of docker version',
    ]);
    const down = 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n';
    expect(got).toEqual([
      { out: 'disabled\ndisabled\ninactive\n', code: 3 },
      { out: down, code: 1 },
      // docker/cli ends the message with a full stop even after the question mark
      { out: `docker: ${down.replace(/\n$/, '')}.\nSee 'docker run --help'.\n`, code: 125 },
      { out: `Client:\n Version:           27.3.1\n API version:       1.47\n${down}status 1\n`, code: 0 },
    ]);
  });

  it('starts by hand with its bridge, firewall chains and an empty store', async () => {
    const got = await runCases([
      'systemctl start docker; systemctl is-active docker containerd',
      'docker ps; docker images',
      'ip -br link show docker0 | awk \'{print $1, $2}\'; ip -4 -o addr show docker0 | awk \'{print $4}\'',
      'iptables -t nat -S | grep DOCKER',
      'iptables -S FORWARD',
      'docker info | sed -n "7,13p"',
      'docker version | sed -n "10,13p"',
      'sysctl net.ipv4.ip_forward',
    ]);
    expect(got[0]).toEqual({ out: 'active\nactive\n', code: 0 });
    expect(got[1]).toEqual({ out: 'CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\nREPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n', code: 0 });
    expect(got[2]).toEqual({ out: 'docker0 DOWN\n172.17.0.1/16\n', code: 0 });
    expect(got[3]).toEqual({
      out: '-N DOCKER\n-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER\n-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER\n-A DOCKER -i docker0 -j RETURN\n',
      code: 0,
    });
    expect(got[4]).toEqual({
      out: '-P FORWARD DROP\n-A FORWARD -j DOCKER-USER\n-A FORWARD -j DOCKER-ISOLATION-STAGE-1\n-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n-A FORWARD -o docker0 -j DOCKER\n-A FORWARD -i docker0 ! -o docker0 -j ACCEPT\n-A FORWARD -i docker0 -o docker0 -j ACCEPT\n',
      code: 0,
    });
    expect(got[5]).toEqual({ out: ' Containers: 0\n  Running: 0\n  Paused: 0\n  Stopped: 0\n Images: 0\n Server Version: 27.3.1\n Storage Driver: overlay2\n', code: 0 });
    expect(got[6]).toEqual({ out: 'Server:\n Engine:\n  Version:          27.3.1\n  API version:      1.47 (minimum version 1.24)\n', code: 0 });
    expect(got[7]).toEqual({ out: 'net.ipv4.ip_forward = 1\n', code: 0 });
  });

  it('is started by the first client once docker.socket listens', async () => {
    const got = await runCases([
      'systemctl start docker.socket; ls -l /var/run/docker.sock | cut -c1-10; stat -c "%U %G" /run/docker.sock; systemctl is-active docker',
      'docker ps -q; systemctl is-active docker',
    ]);
    expect(got).toEqual([
      { out: 'srw-rw----\nroot docker\ninactive\n', code: 3 },
      { out: 'active\n', code: 0 },
    ]);
  });

  it('refuses users outside the docker group, and lets its members in', async () => {
    const got = await runCases([
      'systemctl start docker; useradd -m dev; su dev -c "docker ps"',
      'usermod -aG docker dev; su dev -c "docker ps -q"',
    ]);
    expect(got).toEqual([
      { out: 'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Get "http://%2Fvar%2Frun%2Fdocker.sock/v1.47/containers/json": dial unix /var/run/docker.sock: connect: permission denied\n', code: 1 },
      { out: '', code: 0 },
    ]);
  });

  it('fails to start with dockerd\'s message when daemon.json is not JSON', async () => {
    const got = await runCases([
      'mkdir -p /etc/docker; printf \'{"debug": true,}\\n\' > /etc/docker/daemon.json; systemctl start docker',
      'journalctl -u docker -o cat | grep daemon.json',
      'echo \'{"debug": true}\' > /etc/docker/daemon.json; systemctl restart docker; systemctl is-active docker',
    ]);
    expect(got[0]!.code).toBe(1);
    expect(got[0]!.out).toContain('Job for docker.service failed');
    expect(got[1]!.out.split('\n')[0]).toBe('unable to configure the Docker daemon with file /etc/docker/daemon.json: invalid character \'}\' looking for beginning of object key string');
    expect(got[2]).toEqual({ out: 'active\n', code: 0 });
  });
});

describe('dockerd interrupted while the engine starts (found by fuzzing)', () => {
  it('shuts down on SIGINT or SIGHUP during the start instead of failing with EINTR', async () => {
    const { Machine } = await import('../../src/kernel/machine');
    for (const sig of [2, 1]) {
      const m = new Machine({ clock: 'skip' });
      await m.booted;
      let err = '';
      const run = m.run(['/usr/bin/dockerd'], { stdout: () => {}, stderr: (b) => (err += new TextDecoder().decode(b)) });
      // the signal arrives while dockerd waits for the engine to come up
      const k = m.kernel;
      const ready = (): boolean => [...k.procs.values()].some((p) => p.comm === 'dockerd' && p.handlers.has(2));
      for (const t0 = Date.now(); !ready() && Date.now() - t0 < 15_000;) await new Promise((r) => setTimeout(r, 1));
      expect(ready()).toBe(true);
      const dockerd = [...k.procs.values()].find((p) => p.comm === 'dockerd')!;
      k.signal(dockerd, sig);
      if (sig === 1) k.signal(dockerd, 15);
      expect(await run).toBe(0);
      expect(err).not.toContain('internal error');
    }
  });
});
