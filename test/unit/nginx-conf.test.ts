// nginx.conf as nginx 1.26.2 reads it: the tokenizer, the directive table's context and argument
// checks, the handlers' checks (duplicates, listen, locations, variables), include and globs,
// with the exact emerg/warn texts and file:line; then what the model means for a request:
// location matching order, server selection, the request parser and nginx's built-in pages.
import { describe, expect, it } from 'vitest';
import type { Sys } from '../../src/shared/sys';
import { Accounts } from '../../src/programs/lib/accounts';
import { readConfiguration } from '../../src/programs/nginx/conf-read';
import { findLocation, findServer, type CoreConf } from '../../src/programs/nginx/conf-model';
import { normaliseUri, parseRequest } from '../../src/programs/nginx/http-request';
import { headerBlock, specialPage, statusLine } from '../../src/programs/nginx/http-response';
import { parseOptions, versionText } from '../../src/programs/nginx/options';
import { SysError } from '../../src/shared/errno';

const PASSWD = 'root:x:0:0:root:/root:/bin/bash\nnginx:x:998:998:Nginx web server:/var/lib/nginx:/bin/false\n';
const GROUP = 'root:x:0:\nnginx:x:998:\n';

async function accounts(): Promise<Accounts> {
  const files: Record<string, string> = { '/etc/passwd': PASSWD, '/etc/group': GROUP };
  const sys = { readFile: async (p: string) => new TextEncoder().encode(files[p] ?? '') } as unknown as Sys;
  return Accounts.load(sys);
}

const BASE = `events { worker_connections 1024; }
http {
    include mime.types;
    server {
        listen 80;
        server_name localhost;
        location / { root html; }
    }
    include conf.d/*.conf;
}
`;

interface Run {
  ok: boolean;
  message?: string;
  warnings: string[];
  core?: CoreConf;
}

async function read(files: Record<string, string>, opts: { euid?: number; params?: string } = {}): Promise<Run> {
  const all: Record<string, string> = { '/etc/nginx/mime.types': 'types { text/html html; text/plain txt; }\n', ...files };
  const warnings: string[] = [];
  const r = await readConfiguration({
    prefix: '/etc/nginx/',
    confFile: '/etc/nginx/nginx.conf',
    ...(opts.params !== undefined ? { params: opts.params } : {}),
    euid: opts.euid ?? 0,
    accounts: await accounts(),
    hostname: 'photon',
    resolve: async (h) => (h === 'localhost' ? [{ family: 4, address: '127.0.0.1' }] : undefined),
    exists: async (p) => p in all,
    read: async (p) => {
      const t = all[p];
      if (t === undefined) throw new SysError('ENOENT', 'open', p);
      return t;
    },
    glob: async (pattern) => {
      const re = new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`);
      return Object.keys(all).filter((k) => re.test(k)).sort();
    },
    warn: async (m) => void warnings.push(m),
  });
  return r.ok ? { ok: true, warnings, core: r.builder.core } : { ok: false, message: r.message, warnings };
}

const conf = (text: string): Record<string, string> => ({ '/etc/nginx/nginx.conf': text });
const site = (text: string): Record<string, string> => ({ '/etc/nginx/nginx.conf': BASE, '/etc/nginx/conf.d/site.conf': text });

describe('nginx.conf errors', () => {
  const cases: [string, Record<string, string>, string][] = [
    ['unknown directive', conf('events {}\nfoo bar;\n'), 'unknown directive "foo" in /etc/nginx/nginx.conf:2'],
    ['a stray }', conf('events {}\n}\n'), 'unexpected "}" in /etc/nginx/nginx.conf:2'],
    ['an unclosed block', conf('events {\n'), 'unexpected end of file, expecting "}" in /etc/nginx/nginx.conf:2'],
    ['a statement without ;', conf('events {}\nworker_processes 1\n'), 'unexpected end of file, expecting ";" or "}" in /etc/nginx/nginx.conf:3'],
    ['a directive followed by a block', conf('events {}\nworker_processes 1 {\n}\n'), 'directive "worker_processes" is not terminated by ";" in /etc/nginx/nginx.conf:2'],
    ['a block without {', conf('events;\n'), 'directive "events" has no opening "{" in /etc/nginx/nginx.conf:1'],
    ['a directive in the wrong place', conf('events {}\nlisten 80;\n'), '"listen" directive is not allowed here in /etc/nginx/nginx.conf:2'],
    ['an events directive in http', conf('events {}\nhttp { worker_connections 10; }\n'), '"worker_connections" directive is not allowed here in /etc/nginx/nginx.conf:2'],
    ['the wrong number of arguments', conf('events {}\nworker_processes;\n'), 'invalid number of arguments in "worker_processes" directive in /etc/nginx/nginx.conf:2'],
    ['a duplicate', conf('events {}\nworker_processes 1;\nworker_processes 2;\n'), '"worker_processes" directive is duplicate in /etc/nginx/nginx.conf:3'],
    ['a bad flag', conf('events {}\ndaemon maybe;\n'), 'invalid value "maybe" in "daemon" directive, it must be "on" or "off" in /etc/nginx/nginx.conf:2'],
    ['no events', conf('worker_processes 1;\n'), 'no "events" section in configuration'],
    ['an unknown user', conf('user www;\nevents {}\n'), 'getpwnam("www") failed in /etc/nginx/nginx.conf:1'],
    ['a missing include', conf('events {}\ninclude extra.conf;\n'), 'open() "/etc/nginx/extra.conf" failed (2: No such file or directory) in /etc/nginx/nginx.conf:2'],
    ['a port that is not a number', site('server { listen 127.0.0.1:80a; }\n'), 'invalid port in "127.0.0.1:80a" of the "listen" directive in /etc/nginx/conf.d/site.conf:1'],
    ['a listen that is no port is a host', site('server { listen 80a; }\n'), 'host not found in "80a" of the "listen" directive in /etc/nginx/conf.d/site.conf:1'],
    ['a port out of range', site('server { listen 70000; }\n'), 'invalid port in "70000" of the "listen" directive in /etc/nginx/conf.d/site.conf:1'],
    ['an unknown listen host', site('server {\n  listen nosuchhost:8080;\n}\n'), 'host not found in "nosuchhost:8080" of the "listen" directive in /etc/nginx/conf.d/site.conf:2'],
    ['a listen parameter', site('server { listen 8080 fast; }\n'), 'invalid parameter "fast" in /etc/nginx/conf.d/site.conf:1'],
    ['two default servers', site('server { listen 80 default_server; }\nserver { listen 80 default; }\n'), 'a duplicate default server for 0.0.0.0:80 in /etc/nginx/conf.d/site.conf:2'],
    ['a forgotten ; in a server', site('server {\n    listen 8080\n    server_name example.com;\n}\n'), 'invalid parameter "server_name" in /etc/nginx/conf.d/site.conf:3'],
    ['root after alias', site('server { location /a/ { alias /srv/; root /srv; } }\n'), '"root" directive is duplicate, "alias" directive was specified earlier in /etc/nginx/conf.d/site.conf:1'],
    ['a duplicate location', site('server {\n  location /a { }\n  location /a { }\n}\n'), 'duplicate location "/a" in /etc/nginx/conf.d/site.conf:3'],
    ['a nested location outside', site('server { location /a { location /b { } } }\n'), 'location "/b" is outside location "/a" in /etc/nginx/conf.d/site.conf:1'],
    ['a bad location modifier', site('server { location ^ /a { } }\n'), 'invalid location modifier "^" in /etc/nginx/conf.d/site.conf:1'],
    ['a bad return code', site('server { return abc; }\n'), 'invalid return code "abc" in /etc/nginx/conf.d/site.conf:1'],
    ['an error_page code', site('server { error_page 200 /x.html; }\n'), 'value "200" must be between 300 and 599 in /etc/nginx/conf.d/site.conf:1'],
    ['an unknown variable', site('server { return 200 $nosuch; }\n'), 'unknown "nosuch" variable'],
    ['a bad keepalive_timeout', site('server { keepalive_timeout abc; }\n'), '"keepalive_timeout" directive invalid value in /etc/nginx/conf.d/site.conf:1'],
  ];
  for (const [name, files, expected] of cases) {
    it(name, async () => {
      const r = await read(files);
      expect(r.ok).toBe(false);
      expect(r.message).toBe(expected);
    });
  }

  it('reports -g mistakes "in command line" and -g duplicates in the file', async () => {
    expect((await read(conf('events {}\n'), { params: 'daemon off' })).message).toBe('unexpected end of parameter, expecting ";" in command line');
    expect((await read(conf('events {}\n'), { params: 'events {}' })).message).toBe('block directives are not supported in -g option in command line');
    expect((await read(conf('daemon off;\nevents {}\n'), { params: 'daemon off;' })).message).toBe('"daemon" directive is duplicate in /etc/nginx/nginx.conf:1');
  });

  it('warns about user when not root and about shared server names', async () => {
    const r = await read(conf('user nginx;\nevents {}\n'), { euid: 1000 });
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual(['the "user" directive makes sense only if the master process runs with super-user privileges, ignored in /etc/nginx/nginx.conf:1']);
    const w = await read(site('server { listen 80; server_name localhost; }\n'));
    expect(w.warnings).toEqual(['conflicting server name "localhost" on 0.0.0.0:80, ignored']);
  });

  it('reads quotes, escapes, comments and includes, and resolves the worker user', async () => {
    const r = await read(site(`# a site
server {
    listen 127.0.0.1:8080 default_server;
    listen [::]:8080;
    server_name "example.com" *.example.com;   # two names
    add_header X-Say 'it\\'s "here"';
    location = / { return 200 "hi\\n"; }
}
`));
    expect(r.ok).toBe(true);
    const core = r.core!;
    expect(core.user).toEqual({ name: 'nginx', uid: 998, gid: 998, group: 'nginx' });
    const s = core.http!.servers[1]!;
    expect(s.listens.map((l) => [l.text, l.defaultServer])).toEqual([['127.0.0.1:8080', true], ['[::]:8080', false]]);
    expect(s.names.map((n) => n.name)).toEqual(['example.com', '*.example.com']);
    expect(s.loc.addHeaders).toEqual([{ name: 'X-Say', value: 'it\'s "here"', always: false }]);
    expect(s.loc.locations[0]!.script).toEqual([{ kind: 'return', status: 200, text: 'hi\n' }]);
    expect(core.http!.loc.types?.get('txt')).toBe('text/plain');
  });
});

describe('what a request is matched to', () => {
  it('picks locations in nginx order: exact, ^~ prefix, regex, longest prefix', async () => {
    const r = await read(site(`server {
    listen 8080;
    location / { }
    location = /exact { }
    location /images/ { }
    location ^~ /static/ { }
    location ~* \\.(png|jpg)$ { }
    location /docs/ { location ~ \\.pdf$ { } }
}
`));
    const s = r.core!.http!.servers[1]!;
    const name = (uri: string): string => {
      const f = findLocation(s.loc, uri)!.loc;
      return `${f.match} ${f.name}`;
    };
    expect(name('/exact')).toBe('exact /exact');
    expect(name('/exact/more')).toBe('prefix /');
    expect(name('/images/a.png')).toBe('regex \\.(png|jpg)$');
    expect(name('/images/a.gif')).toBe('prefix /images/');
    expect(name('/static/a.png')).toBe('noregex /static/');
    expect(name('/docs/a.pdf')).toBe('regex \\.pdf$');
    expect(name('/other')).toBe('prefix /');
  });

  it('picks servers by exact name, wildcards, regex, then the default', async () => {
    const r = await read(site(`server { listen 8080; server_name a.test; }
server { listen 8080 default_server; server_name d.test; }
server { listen 8080; server_name *.w.test; }
server { listen 8080; server_name www.*; }
server { listen 8080; server_name ~^api\\d+\\.test$; }
`));
    const servers = r.core!.http!.servers.slice(1);
    const pick = (host: string | undefined): string => findServer(servers, host).names[0]!.name;
    expect(pick('a.test')).toBe('a.test');
    expect(pick('x.w.test')).toBe('*.w.test');
    expect(pick('www.example.org')).toBe('www.*');
    expect(pick('api7.test')).toBe('~^api\\d+\\.test$');
    expect(pick('nothing.test')).toBe('d.test');
    expect(pick(undefined)).toBe('d.test');
  });
});

describe('HTTP as nginx reads and writes it', () => {
  it('parses requests and normalises URIs', () => {
    const r = parseRequest('GET /a/./b/../c//d?x=1 HTTP/1.1\r\nHost: Example.COM:8080\r\nUser-Agent: t\r\n\r\nGET /next');
    expect(r.kind).toBe('request');
    if (r.kind !== 'request') return;
    expect([r.req.uri, r.req.args, r.req.host, r.req.keepalive, r.rest]).toEqual(['/a/c/d', 'x=1', 'example.com', true, 'GET /next']);
    expect(parseRequest('GET / HTTP/1.1\r\n\r\n')).toMatchObject({ kind: 'error', status: 400, info: 'client sent HTTP/1.1 request without "Host" header' });
    expect(parseRequest('GET / HTTP/2.0\r\n\r\n')).toMatchObject({ kind: 'error', status: 505 });
    expect(parseRequest('get / HTTP/1.1\r\nHost: a\r\n\r\n')).toMatchObject({ kind: 'error', status: 400, info: 'client sent invalid method' });
    expect(parseRequest('GET / HTTP/1.1\r\nHost: a\r\n')).toEqual({ kind: 'incomplete' });
    expect(parseRequest('POST /f HTTP/1.0\r\nContent-Length: 5\r\n\r\nab')).toEqual({ kind: 'incomplete' });
    expect(normaliseUri('/../x')).toBeUndefined();
    expect(normaliseUri('/a%20b/%2e%2e/c')).toBe('/c');
  });

  it('writes the status lines and built-in pages nginx does', () => {
    expect(statusLine(302)).toBe('302 Moved Temporarily');
    expect(statusLine(405)).toBe('405 Not Allowed');
    expect(statusLine(418)).toBe('418 ');
    expect(specialPage(404, 'on', false)).toBe('<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.26.2</center>\r\n</body>\r\n</html>\r\n');
    expect(specialPage(302, 'off', false)).toBe('<html>\r\n<head><title>302 Found</title></head>\r\n<body>\r\n<center><h1>302 Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n');
    expect(specialPage(418, 'on', false)).toBe('');
    const head = headerBlock({ status: 301, contentType: 'text/html', contentLength: 169, location: '/dir/', headers: [], body: '', headerOnly: false, keepalive: true, serverTokens: 'on' }, Date.UTC(2026, 10, 26, 20, 30, 1), { host: 'localhost', port: 8080, absolute: true });
    expect(head).toBe('HTTP/1.1 301 Moved Permanently\r\nServer: nginx/1.26.2\r\nDate: Thu, 26 Nov 2026 20:30:01 GMT\r\nContent-Type: text/html\r\nContent-Length: 169\r\nLocation: http://localhost:8080/dir/\r\nConnection: keep-alive\r\n\r\n');
  });

  it('reads the command line as ngx_get_options does', () => {
    expect(parseOptions(['nginx', '-tq'])).toMatchObject({ ok: true, options: { test: true, quiet: true } });
    expect(parseOptions(['nginx', '-cfoo.conf', '-g', 'daemon off;'])).toMatchObject({ ok: true, options: { confFile: 'foo.conf', params: 'daemon off;' } });
    expect(parseOptions(['nginx', '-s', 'restart'])).toEqual({ ok: false, message: 'invalid option: "-s restart"' });
    expect(parseOptions(['nginx', '-k'])).toEqual({ ok: false, message: 'invalid option: "k"' });
    expect(parseOptions(['nginx', 'stop'])).toEqual({ ok: false, message: 'invalid option: "stop"' });
    expect(parseOptions(['nginx', '-p'])).toEqual({ ok: false, message: 'option "-p" requires directory name' });
    expect(versionText({ help: false, version: true, configure: false, test: false, dump: false, quiet: false })).toBe('nginx version: nginx/1.26.2\n');
  });
});
