// nginx on a whole machine: installed with tdnf, checked with `nginx -t`, started by systemd
// (Type=forking: the master and its workers stay in the unit's cgroup), serving its pages over
// the simulated network to curl, a conf.d server on another port, a configuration mistake that
// makes the start fail (with the journal lines), a reload after an edit, and a stop. Dates,
// ETags and pids change from run to run and are replaced by placeholders before comparing.
import { describe, expect, it } from 'vitest';
import { runScript } from './machine-helpers';

const SEP = '\n#---\n';

function norm(text: string): string {
  return text
    .replace(/^Date: .*$/gm, 'Date: DATE')
    .replace(/^Last-Modified: .*$/gm, 'Last-Modified: DATE')
    .replace(/^ETag: "[0-9a-f]+-([0-9a-f]+)"$/gm, 'ETag: "MTIME-$1"')
    .replace(/\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[(\w+)\] \d+#\d+: /g, 'TIME [$1] PID#PID: ')
    .replace(/\[\d\d\/\w{3}\/\d{4}:\d\d:\d\d:\d\d \+0000\]/g, '[TIME]')
    .replace(/\r\n/g, '\n');
}

/** Runs each command in one script on one machine (after installing nginx); [output, status] per command. */
async function session(cmds: string[]): Promise<{ out: string; code: number }[]> {
  const script = cmds.map((c) => `${c}\necho "rc=$?"; printf '${SEP.replace(/\n/g, '\\n')}'`).join('\n');
  const r = await runScript(`exec 2>&1\nsleep 1\ntdnf install -y nginx >/dev/null 2>&1\n${script}`);
  const parts = r.stdout.split(SEP).slice(0, cmds.length);
  expect(parts).toHaveLength(cmds.length);
  return parts.map((p) => {
    const m = /rc=(\d+)\n$/.exec(p);
    return { out: norm(p.replace(/rc=\d+\n$/, '')), code: Number(m?.[1] ?? -1) };
  });
}

const INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx on Photon OS</title>
</head>
<body>
<h1>Welcome to nginx on Photon OS</h1>
<p>If you can read this page, the nginx web server is installed and working.</p>
</body>
</html>
`;

const page = (title: string): string => `<html>
<head><title>${title}</title></head>
<body>
<center><h1>${title}</h1></center>
<hr><center>nginx/1.26.2</center>
</body>
</html>
`;

describe('nginx under systemd', () => {
  it('checks, starts, serves the index page and its headers, 404s, and shows in status and ss', async () => {
    const r = await session([
      'nginx -t',
      'systemctl start nginx',
      'systemctl is-active nginx; cat /run/nginx.pid | grep -c "^[0-9]*$"',
      // (PIDs are right-aligned in the tree: `|- 99` above `` `-100 ``)
      'systemctl status nginx --no-pager | grep -E "Main PID|- *[0-9]+ nginx"',
      'curl -s localhost',
      'curl -sI localhost',
      'curl -si localhost/nothere',
      'curl -si -X POST localhost/index.html | head -1',
      'mkdir /etc/nginx/html/docs; curl -sI localhost/docs | grep -E "^(HTTP|Location)"',
      'curl -s localhost/docs/ | head -2',
      'ss -tlnp | grep nginx | sed "s/pid=[0-9]*/pid=N/"',
      'tail -n 4 /var/log/nginx/access.log',
      'cat /var/log/nginx/error.log',
      'curl -si -H "Range: bytes=0-8" localhost; echo',
    ]);
    expect(r[0]).toEqual({ out: 'nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n', code: 0 });
    expect(r[1]).toEqual({ out: '', code: 0 });
    expect(r[2]!.out).toBe('active\n1\n');
    expect(r[3]!.out).toMatch(/^\s+Main PID: (\d+) \(nginx\)\n\s+\|-\s*\1 nginx: master process \/usr\/sbin\/nginx\n\s+`-\s*\d+ nginx: worker process\n$/);
    expect(r[4]).toEqual({ out: INDEX, code: 0 });
    expect(r[5]!.out).toBe(`HTTP/1.1 200 OK
Server: nginx/1.26.2
Date: DATE
Content-Type: text/html
Content-Length: 226
Last-Modified: DATE
Connection: keep-alive
ETag: "MTIME-e2"
Accept-Ranges: bytes

`);
    expect(r[6]!.out).toBe(`HTTP/1.1 404 Not Found
Server: nginx/1.26.2
Date: DATE
Content-Type: text/html
Content-Length: 153
Connection: keep-alive

${page('404 Not Found')}`);
    expect(r[7]!.out).toBe('HTTP/1.1 405 Not Allowed\n');
    expect(r[8]!.out).toBe('HTTP/1.1 301 Moved Permanently\nLocation: http://localhost/docs/\n');
    expect(r[9]!.out).toBe('<html>\n<head><title>403 Forbidden</title></head>\n');
    expect(r[10]!.out).toMatch(/^LISTEN 0\s+128\s+0\.0\.0\.0:80\s+0\.0\.0\.0:\*\s+users:\(\("nginx",pid=N,fd=\d+\)\)\s*\n$/);
    expect(r[11]!.out).toBe(`127.0.0.1 - - [TIME] "GET /nothere HTTP/1.1" 404 153 "-" "curl/8.12.0"
127.0.0.1 - - [TIME] "POST /index.html HTTP/1.1" 405 157 "-" "curl/8.12.0"
127.0.0.1 - - [TIME] "HEAD /docs HTTP/1.1" 301 0 "-" "curl/8.12.0"
127.0.0.1 - - [TIME] "GET /docs/ HTTP/1.1" 403 153 "-" "curl/8.12.0"
`);
    expect(r[12]!.out).toBe(`TIME [error] PID#PID: *3 open() "/etc/nginx/html/nothere" failed (2: No such file or directory), client: 127.0.0.1, server: localhost, request: "GET /nothere HTTP/1.1", host: "localhost"
TIME [error] PID#PID: *6 directory index of "/etc/nginx/html/docs/" is forbidden, client: 127.0.0.1, server: localhost, request: "GET /docs/ HTTP/1.1", host: "localhost"
`);
    expect(r[13]!.out).toBe(`HTTP/1.1 206 Partial Content
Server: nginx/1.26.2
Date: DATE
Content-Type: text/html
Content-Length: 9
Last-Modified: DATE
Connection: keep-alive
ETag: "MTIME-e2"
Content-Range: bytes 0-8/226

<!DOCTYPE
`);
  });

  it('serves a conf.d server on 8080, reloads after an edit, and stops', async () => {
    const conf = `server {
    listen 8080;
    server_name site.test;
    root /srv/site;
    location = /ping { return 200 "pong\\n"; }
}`;
    const r = await session([
      `mkdir -p /srv/site; echo "hello from 8080" > /srv/site/index.html; printf '%s\\n' '${conf}' > /etc/nginx/conf.d/site.conf; systemctl start nginx`,
      'curl -s localhost:8080; curl -s localhost:8080/ping',
      'ss -tln | grep -c ":8080 "',
      'sed -i "s/pong/PONG/" /etc/nginx/conf.d/site.conf; nginx -s reload',
      'sleep 1; curl -s localhost:8080/ping; systemctl is-active nginx',
      'systemctl reload nginx && sleep 1 && curl -s localhost:8080/ping',
      'systemctl stop nginx',
      'systemctl is-active nginx; ls /run/nginx.pid; ps -e -o args | grep -c "^nginx:"; curl -s localhost',
    ]);
    expect(r[0]).toEqual({ out: '', code: 0 });
    expect(r[1]!.out).toBe('hello from 8080\npong\n');
    expect(r[2]!.out).toBe('1\n');
    expect(r[3]).toEqual({ out: '', code: 0 });
    expect(r[4]!.out).toBe('PONG\nactive\n');
    expect(r[5]).toEqual({ out: 'PONG\n', code: 0 });
    expect(r[6]).toEqual({ out: '', code: 0 });
    expect(r[7]!.out).toBe('inactive\nls: cannot access \'/run/nginx.pid\': No such file or directory\n0\n');
    expect(r[7]!.code).toBe(7);
  });

  it('fails to start on a configuration error, with nginx -t\'s lines in the journal', async () => {
    const r = await session([
      'echo "server { listen 8080; bogus on; }" > /etc/nginx/conf.d/bad.conf; nginx -t',
      'systemctl start nginx',
      'systemctl is-active nginx',
      'journalctl -u nginx --no-pager | grep -v -e "^-- " | sed "s/^.*photon-machine //; s/nginx\\[[0-9]*\\]/nginx[N]/"',
      'rm /etc/nginx/conf.d/bad.conf; systemctl start nginx; systemctl is-active nginx',
    ]);
    expect(r[0]).toEqual({ out: 'nginx: [emerg] unknown directive "bogus" in /etc/nginx/conf.d/bad.conf:1\nnginx: configuration file /etc/nginx/nginx.conf test failed\n', code: 1 });
    expect(r[1]).toEqual({ out: 'Job for nginx.service failed because the control process exited with error code.\nSee "systemctl status nginx.service" and "journalctl -xeu nginx.service" for details.\n', code: 1 });
    expect(r[2]!.out).toBe('failed\n');
    expect(r[3]!.out).toBe(`systemd[1]: Starting nginx.service - The NGINX HTTP and reverse proxy server...
nginx[N]: nginx: [emerg] unknown directive "bogus" in /etc/nginx/conf.d/bad.conf:1
nginx[N]: nginx: configuration file /etc/nginx/nginx.conf test failed
systemd[1]: nginx.service: Control process exited, code=exited, status=1/FAILURE
systemd[1]: nginx.service: Failed with result 'exit-code'.
systemd[1]: Failed to start nginx.service - The NGINX HTTP and reverse proxy server.
`);
    expect(r[4]!.out).toBe('active\n');
  });
});

describe('the nginx command', () => {
  it('prints versions and reports mistakes as nginx does', async () => {
    const r = await session([
      'nginx -v',
      'nginx -V 2>&1 | head -4',
      'nginx -s reload',
      'nginx -s restart',
      'nginx -k',
      'nginx -c',
      'nginx; nginx',
      'nginx -s quit; sleep 1; pgrep -c nginx',
    ]);
    expect(r[0]).toEqual({ out: 'nginx version: nginx/1.26.2\n', code: 0 });
    expect(r[1]!.out).toBe('nginx version: nginx/1.26.2\nbuilt by gcc 12.2.0 (GCC) \nbuilt with OpenSSL 3.0.16 11 Feb 2025\nTLS SNI support enabled\n');
    expect(r[2]).toEqual({ out: 'nginx: [error] open() "/run/nginx.pid" failed (2: No such file or directory)\n', code: 1 });
    expect(r[3]).toEqual({ out: 'nginx: invalid option: "-s restart"\n', code: 1 });
    expect(r[4]).toEqual({ out: 'nginx: invalid option: "k"\n', code: 1 });
    expect(r[5]).toEqual({ out: 'nginx: option "-c" requires file name\n', code: 1 });
    expect(r[6]).toEqual({ out: `${'nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)\n'.repeat(5)}nginx: [emerg] still could not bind()\n`, code: 1 });
    expect(r[7]!.out).toBe('0\n');
  });

  it('is refused what its user may not do', async () => {
    const r = await session([
      'useradd -m bob; su - bob -c "/usr/sbin/nginx -t"',
      'systemctl start nginx; chmod 600 /etc/nginx/html/index.html; curl -s -o /dev/null -w "%{http_code}\\n" localhost; tail -n 1 /var/log/nginx/error.log',
    ]);
    expect(r[0]!.out).toBe(`nginx: [alert] could not open error log file: open() "/var/log/nginx/error.log" failed (13: Permission denied)
TIME [warn] PID#PID: the "user" directive makes sense only if the master process runs with super-user privileges, ignored in /etc/nginx/nginx.conf:4
nginx: the configuration file /etc/nginx/nginx.conf syntax is ok
TIME [emerg] PID#PID: open() "/run/nginx.pid" failed (13: Permission denied)
nginx: configuration file /etc/nginx/nginx.conf test failed
`);
    expect(r[0]!.code).toBe(1);
    expect(r[1]!.out).toBe('403\nTIME [error] PID#PID: *1 open() "/etc/nginx/html/index.html" failed (13: Permission denied), client: 127.0.0.1, server: localhost, request: "GET / HTTP/1.1", host: "localhost"\n');
  });
});
