// Volumes and the remaining docker commands on a whole machine: named, anonymous and bind-mounted
// volumes (kept across containers, refused removal while in use, prune), docker cp both ways,
// diff and commit, stats, system df and prune, save and load, login and logout.
import { describe, expect, it } from 'vitest';
import { runCases } from './machine-helpers';



const masked = (s: string): string => s.replace(/\b[0-9a-f]{64}\b/g, 'ID64');

describe('docker volumes', () => {
  it('keeps named volumes across containers, binds host directories, and refuses to remove a volume in use', async () => {
    const got = await runCases([
      'systemctl start docker; docker pull -q busybox >/dev/null; docker volume create data; docker volume ls',
      'docker volume inspect data',
      'docker run --rm -v data:/d busybox sh -c "echo kept > /d/f"; docker run --rm -v data:/e busybox cat /e/f; cat /var/lib/docker/volumes/data/_data/f',
      'mkdir -p /srv/site; echo hello > /srv/site/index.html; docker run --rm -v /srv/site:/usr/share/site busybox sh -c "cat /usr/share/site/index.html; echo written > /usr/share/site/new; cd /usr/share/site/../../..; pwd"; cat /srv/site/new',
      'docker run -d --name user -v data:/d -v /srv/site:/site:ro busybox sleep 1000000 >/dev/null; docker inspect -f "{{range .Mounts}}{{.Type}} {{.Source}} {{.Destination}} [{{.Mode}}] {{.RW}} [{{.Propagation}}]{{println}}{{end}}" user',
      'docker volume rm data',
      'docker volume rm nosuch; docker volume inspect nosuch',
      'docker volume create x',
      'docker rm -f user >/dev/null; docker volume rm data; docker volume ls -q | wc -l',
    ]);
    expect(got[0]).toEqual({ out: 'data\nDRIVER    VOLUME NAME\nlocal     data\n', code: 0 });
    expect(got[1]!.out).toMatch(/^\[\n {4}\{\n {8}"CreatedAt": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ",\n {8}"Driver": "local",\n {8}"Labels": \{\},\n {8}"Mountpoint": "\/var\/lib\/docker\/volumes\/data\/_data",\n {8}"Name": "data",\n {8}"Options": \{\},\n {8}"Scope": "local"\n {4}\}\n\]\n$/);
    expect(got[2]).toEqual({ out: 'kept\nkept\n', code: 0 });
    expect(got[3]).toEqual({ out: 'hello\n/\nwritten\n', code: 0 });
    expect(got[4]).toEqual({ out: 'volume /var/lib/docker/volumes/data/_data /d [z] true []\nbind /srv/site /site [ro] false [rprivate]\n\n', code: 0 });
    expect(masked(got[5]!.out)).toBe('Error response from daemon: remove data: volume is in use - [ID64]\n');
    expect(got[5]!.code).toBe(1);
    expect(got[6]).toEqual({ out: 'Error response from daemon: get nosuch: no such volume\n[]\nError response from daemon: get nosuch: no such volume\n', code: 1 });
    expect(got[7]).toEqual({ out: 'Error response from daemon: create x: volume name is too short, names should be at least two alphanumeric characters\n', code: 1 });
    expect(got[8]).toEqual({ out: 'data\n0\n', code: 0 });
  });

  it("gives an image's VOLUME paths anonymous volumes, filled from the image, that prune and rm -v remove", async () => {
    const got = await runCases([
      'systemctl start docker; docker pull -q redis >/dev/null; docker run -d --name cache redis >/dev/null; docker inspect -f "{{range .Mounts}}{{.Type}} {{.Destination}} [{{.Mode}}] {{.RW}} {{len .Name}}{{end}}" cache',
      'docker volume ls --format "{{.Driver}} {{len .Name}} {{.Labels}}"',
      'docker volume prune -f',
      'docker rm -fv cache >/dev/null; docker volume ls -q | wc -l',
      'docker volume create keep >/dev/null; docker volume create >/dev/null; echo y | docker volume prune | sed "s/[0-9a-f]\\{64\\}/ID64/"; docker volume ls -q',
      'docker volume prune -af',
      'docker pull -q nginx >/dev/null; docker run --rm -v html:/usr/share/nginx/html nginx ls /usr/share/nginx/html; ls /var/lib/docker/volumes/html/_data',
    ]);
    expect(got[0]).toEqual({ out: 'volume /data [] true 64\n', code: 0 });
    expect(got[1]).toEqual({ out: 'local 64 com.docker.volume.anonymous=\n', code: 0 });
    // in use by the running container: nothing to prune
    expect(got[2]).toEqual({ out: 'Total reclaimed space: 0B\n', code: 0 });
    expect(got[3]).toEqual({ out: '0\n', code: 0 });
    expect(got[4]).toEqual({ out: 'WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] Deleted Volumes:\nID64\n\nTotal reclaimed space: 0B\nkeep\n', code: 0 });
    expect(got[5]).toEqual({ out: 'Deleted Volumes:\nkeep\n\nTotal reclaimed space: 0B\n', code: 0 });
    // an empty volume mounted where the image has files gets a copy of them
    expect(got[6]).toEqual({ out: '50x.html\nindex.html\n50x.html\nindex.html\n', code: 0 });
  });
});

describe('docker cp, diff, commit, stats, df, prune, save, load, login', () => {
  it('copies files and directories in and out of a container, and shows what changed', async () => {
    const got = await runCases([
      'systemctl start docker; docker pull -q busybox >/dev/null; docker run -d --name box busybox sleep 1000000 >/dev/null; docker exec box sh -c "echo hi > /tmp/a; rm /etc/shadow; mkdir /newdir"; docker diff box',
      'docker cp box:/tmp/a /root/a.txt; cat /root/a.txt; docker cp box:/etc /root/; ls /root/etc | head -3',
      'mkdir -p /root/d/sub; echo one > /root/d/sub/f; docker cp /root/d box:/tmp; docker cp /root/d/sub/f box:/tmp/renamed; docker exec box sh -c "find /tmp | sort; cat /tmp/renamed"',
      'docker cp box:/nope /root/x; docker cp /root/nope box:/tmp; docker cp box:/tmp/a box:/tmp/b; docker cp nobox:/tmp /root',
      'docker cp box:/tmp/a - | head -c 100 | tr "\\0" "\\n" | head -1',
      'docker commit -m "saved state" box snap:1; docker history --format "{{.CreatedBy}}|{{.Comment}}" snap:1 | head -1; docker run --rm snap:1 cat /tmp/a',
      'docker commit -c "CMD [\\"cat\\", \\"/tmp/a\\"]" -c "ENV MODE=test" box snap:2 >/dev/null; docker run --rm snap:2; docker inspect -f "{{.Config.Env}}" snap:2',
    ]);
    expect(got[0]).toEqual({ out: 'C /etc\nD /etc/shadow\nA /newdir\nC /tmp\nA /tmp/a\n', code: 0 });
    expect(got[1]).toEqual({ out: 'hi\ngroup\nhostname\nhosts\n', code: 0 });
    expect(got[2]).toEqual({ out: '/tmp\n/tmp/a\n/tmp/d\n/tmp/d/sub\n/tmp/d/sub/f\n/tmp/renamed\none\n', code: 0 });
    expect(got[3]).toEqual({
      out: 'Error response from daemon: Could not find the file /nope in container box\nlstat /root/nope: no such file or directory\ncopying between containers is not supported\nError response from daemon: No such container: nobox\n',
      code: 1,
    });
    expect(got[4]).toEqual({ out: 'a\n', code: 0 });
    expect(got[5]!.out).toMatch(/^sha256:[0-9a-f]{64}\nsleep 1000000\|saved state\nhi\n$/);
    expect(got[6]).toEqual({ out: 'hi\n[PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin MODE=test]\n', code: 0 });
  });

  it('reports stats once or as a stream, disk usage, and prunes after asking', async () => {
    const got = await runCases([
      'systemctl start docker; docker pull -q busybox >/dev/null; docker run -d --name s1 busybox sleep 1000000 >/dev/null; docker run --name gone busybox true; docker stats --no-stream | head -1',
      'docker stats --no-stream --format "{{.Name}} {{.PIDs}} {{.CPUPerc}}" | sed "s/[0-9.]*%/N%/"; docker stats --no-stream -a --format "{{.Name}} {{.MemUsage}} {{.NetIO}}" gone',
      'timeout 2 docker stats | grep -c "CONTAINER ID"',
      'docker system df --format "{{.Type}} {{.TotalCount}} {{.Active}}"; docker system df | head -1',
      'echo n | docker system prune; docker ps -aq | wc -l',
      'docker network create spare >/dev/null; echo y | docker system prune -a | sed "s/[0-9a-f]\\{64\\}/ID64/"; docker ps -a --format "{{.Names}}"; docker images --format "{{.Repository}}"',
    ]);
    expect(got[0]).toEqual({ out: 'CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT     MEM %     NET I/O     BLOCK I/O    PIDS\n', code: 0 });
    expect(got[1]).toEqual({ out: 's1 1 N%\ngone 0B / 0B 0B / 0B\n', code: 0 });
    // a redraw every half second until timeout stops it
    expect(got[2]).toEqual({ out: '4\n', code: 0 });
    expect(got[3]).toEqual({ out: 'Images 1 1\nContainers 2 1\nLocal Volumes 0 0\nBuild Cache 0 0\nTYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE\n', code: 0 });
    expect(got[4]).toEqual({
      out: 'WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n  - all dangling images\n  - unused build cache\n\nAre you sure you want to continue? [y/N] 2\n',
      code: 0,
    });
    expect(got[5]).toEqual({
      out: 'WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n  - all images without at least one container associated to them\n  - all build cache\n\nAre you sure you want to continue? [y/N] Deleted Containers:\nID64\n\nDeleted Networks:\nspare\n\nTotal reclaimed space: 0B\ns1\nbusybox\n',
      code: 0,
    });
  });

  it('saves an image to a tar archive and loads it back', async () => {
    const got = await runCases([
      'systemctl start docker; docker pull -q busybox >/dev/null; docker save -o /root/bb.tar busybox; od -A n -c -N 8 /root/bb.tar | tr -d " "',
      'docker rmi busybox >/dev/null; docker load -i /root/bb.tar; docker images --format "{{.Repository}}:{{.Tag}} {{.Size}}"; docker run --rm busybox echo runs',
      'docker save busybox | docker load',
      'docker load -i /root/missing.tar; echo garbage > /root/bad.tar; docker load < /root/bad.tar',
    ]);
    expect(got[0]).toEqual({ out: 'blobs/\\0\\0\n', code: 0 });
    expect(got[1]).toEqual({ out: 'Loaded image: busybox:latest\nbusybox:latest 4.26MB\nruns\n', code: 0 });
    expect(got[2]).toEqual({ out: 'Loaded image: busybox:latest\n', code: 0 });
    expect(got[3]).toEqual({ out: 'open /root/missing.tar: no such file or directory\nError response from daemon: unexpected EOF\n', code: 1 });
  });

  it('cannot log in to Docker Hub without an account, and logs out', async () => {
    const got = await runCases([
      'systemctl start docker; docker login',
      'docker login -u learner -p secret',
      'echo secret | docker login -u learner --password-stdin',
      'docker logout; cat ~/.docker/config.json; echo',
    ]);
    expect(got[0]).toEqual({ out: 'Error: Cannot perform an interactive login from a non TTY device\n', code: 1 });
    expect(got[1]).toEqual({ out: 'WARNING! Using --password via the CLI is insecure. Use --password-stdin.\nError response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password\n', code: 1 });
    expect(got[2]).toEqual({ out: 'Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password\n', code: 1 });
    expect(got[3]).toEqual({ out: 'Removing login credentials for https://index.docker.io/v1/\n{\n\t"auths": {}\n}\n', code: 0 });
  });
});
