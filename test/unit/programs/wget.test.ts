// wget (GNU Wget 1.21.3) on a whole booted machine: downloads from the lab LAN and the simulated
// internet, redirects, errors and their exit statuses, -O -, -q, -nv, -S, --spider, -c, -P, the
// option parser's messages, and the bar gauge on a terminal. Rates and clock times are
// replaced by placeholders before whole outputs are compared.
import { describe, expect, it } from 'vitest';
import { Machine } from '../../../src/kernel/machine';
import { preinstallPrograms } from '../../fixtures/tdnf/preinstall';
import { runScript } from '../../integration/machine-helpers';

const SEP = '\n#---\n';

function norm(text: string): string {
  return text
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/g, 'DATE')
    .replace(/\([0-9.]+ [KMG]?B\/s\)/g, '(RATE)')
    .replace(/ {1,3}[0-9.]+[ KMG]=/g, ' R=');
}

/** Runs each command in one script on one machine (wget installed); returns output and status. */
async function runCases(cmds: string[], m?: Machine): Promise<{ out: string; code: number }[]> {
  const script = cmds.map((c) => `${c}\necho "rc=$?"; printf '${SEP.replace(/\n/g, '\\n')}'`).join('\n');
  // a second of virtual time lets DHCP and the DNS stub come up
  const r = await runScript(`exec 2>&1\nsleep 1\ntdnf install -y -q wget nmap-ncat >/dev/null 2>&1\ncd /tmp\n${script}`, m);
  const parts = r.stdout.split(SEP).slice(0, cmds.length);
  return parts.map((p) => {
    const m2 = /rc=(\d+)\n$/.exec(p);
    return { out: p.replace(/rc=\d+\n$/, ''), code: Number(m2?.[1] ?? -1) };
  });
}

const DOTS = `     0K ${' '.repeat(54)}`;
const PAGE = '<!doctype html>\n<html>\n<head><title>Lab file server</title></head>\n<body>\n<h1>Lab file server</h1>\n</body>\n</html>\n';

describe('wget', () => {
  it('is not in the minimal install and comes with tdnf install wget', async () => {
    const r = await runScript('wget --version >/dev/null; echo $?; tdnf install -y -q wget >/dev/null 2>&1; command -v wget; wget -V | head -1');
    expect(r.stdout).toBe('127\n/usr/bin/wget\nGNU Wget 1.21.3 built on linux-gnu.\n');
  });

  it('downloads, names files, follows redirects and fails with wget exit statuses', async () => {
    const cases: [string, string, number][] = [
      ['wget http://fileserver.lab.local/', `--DATE--  http://fileserver.lab.local/
Resolving fileserver.lab.local... 192.168.1.30
Connecting to fileserver.lab.local|192.168.1.30|:80... connected.
HTTP request sent, awaiting response... 200 OK
Length: 115 [text/html]
Saving to: 'index.html'

${DOTS}100% R=0s

DATE (RATE) - 'index.html' saved [115/115]

`, 0],
      ['wget -nv fileserver.lab.local; ls index.html*', 'DATE URL:http://fileserver.lab.local/ [115/115] -> "index.html.1" [1]\nindex.html\nindex.html.1\n', 0],
      ['LANG=en_US.UTF-8 wget -nv http://fileserver.lab.local/index.html', 'DATE URL:http://fileserver.lab.local/index.html [115/115] -> "index.html.2" [1]\n', 0],
      ['wget http://fileserver.lab.local/missing', `--DATE--  http://fileserver.lab.local/missing
Resolving fileserver.lab.local... 192.168.1.30
Connecting to fileserver.lab.local|192.168.1.30|:80... connected.
HTTP request sent, awaiting response... 404 Not Found
DATE ERROR 404: Not Found.

`, 8],
      ['wget -nv http://fileserver.lab.local/missing', 'http://fileserver.lab.local/missing:\nDATE ERROR 404: Not Found.\n', 8],
      ['wget http://nosuch.example/', `--DATE--  http://nosuch.example/
Resolving nosuch.example... failed: Name or service not known.
wget: unable to resolve host address 'nosuch.example'
`, 4],
      ['wget -nv http://localhost/', 'failed: Connection refused.\n', 4],
      ['wget http://localhost:8080/', `--DATE--  http://localhost:8080/
Resolving localhost... 127.0.0.1
Connecting to localhost|127.0.0.1|:8080... failed: Connection refused.
`, 4],
      ['wget -q http://localhost/; echo $?; wget -q http://fileserver.lab.local/missing', '4\n', 8],
      ['wget -O - http://fileserver.lab.local/ 2>/dev/null', PAGE, 0],
      ['wget -qO- http://fileserver.lab.local/ | wc -c', '115\n', 0],
      ['wget -O - -nv http://fileserver.lab.local/ >/dev/null', 'DATE URL:http://fileserver.lab.local/ [115/115] -> "-" [1]\n', 0],
      ['wget -O page.html http://vmware.com/', `--DATE--  http://vmware.com/
Resolving vmware.com... 45.60.11.104
Connecting to vmware.com|45.60.11.104|:80... connected.
HTTP request sent, awaiting response... 301 Moved Permanently
Location: https://vmware.com/ [following]
--DATE--  https://vmware.com/
Connecting to vmware.com|45.60.11.104|:443... connected.
HTTP request sent, awaiting response... 200 OK
Length: 97 [text/html]
Saving to: 'page.html'

${DOTS}100% R=0s

DATE (RATE) - 'page.html' saved [97/97]

`, 0],
      ['wget --max-redirect=0 -nv http://github.com/', '0 redirections exceeded.\n', 8],
      ['wget -q -P dl/sub --no-check-certificate https://example.com/; ls dl/sub', 'index.html\n', 0],
      ['wget ftp2://x/', "ftp2://x/: Unsupported scheme 'ftp2'.\n", 1],
      ['wget http:///x', 'http:///x: Invalid host name.\n', 1],
    ];
    const got = await runCases(cases.map((c) => c[0]));
    got.forEach((g, i) => {
      const [cmd, want, code] = cases[i]!;
      expect(norm(g.out), cmd).toBe(want);
      expect(g.code, cmd).toBe(code);
    });
  });

  it('prints headers with -S, checks with --spider, continues with -c and retries silent servers', async () => {
    const got = await runCases([
      'wget -S -O /dev/null http://fileserver.lab.local/ 2>&1 | sed -n 4,11p',
      'wget --spider http://fileserver.lab.local/',
      'wget --spider -nv http://fileserver.lab.local/; wget --spider -nv http://fileserver.lab.local/x',
      'head -c 50 /dev/zero > index.html; wget -c -nv http://fileserver.lab.local/; wc -c < index.html; wget -c http://fileserver.lab.local/ 2>&1 | tail -4',
      'nc -l 8081 >/dev/null & sleep 1; wget -T 2 -t 1 http://localhost:8081/',
    ]);
    expect(got[0]).toEqual({ out: `HTTP request sent, awaiting response... 
  HTTP/1.1 200 OK
  Server: nginx/1.25.3
  Date: ${/Date: (.*)\n/.exec(got[0]!.out)?.[1]}
  Content-Type: text/html; charset=UTF-8
  Content-Length: 115
  Connection: keep-alive
Length: 115 [text/html]
`, code: 0 });
    expect(norm(got[1]!.out)).toBe(`Spider mode enabled. Check if remote file exists.
--DATE--  http://fileserver.lab.local/
Resolving fileserver.lab.local... 192.168.1.30
Connecting to fileserver.lab.local|192.168.1.30|:80... connected.
HTTP request sent, awaiting response... 200 OK
Length: 115 [text/html]
Remote file exists and could contain further links,
but recursion is disabled -- not retrieving.

`);
    expect(norm(got[2]!.out)).toBe('DATE URL: http://fileserver.lab.local/ 200 OK\nhttp://fileserver.lab.local/x:\nRemote file does not exist -- broken link!!!\n');
    expect(got[2]!.code).toBe(8);
    expect(norm(got[3]!.out)).toBe(`DATE URL:http://fileserver.lab.local/ [115/115] -> "index.html" [1]
115
HTTP request sent, awaiting response... 200 OK

    The file is already fully retrieved; nothing to do.

`);
    expect(norm(got[4]!.out)).toBe(`--DATE--  http://localhost:8081/
Resolving localhost... 127.0.0.1
Connecting to localhost|127.0.0.1|:8081... connected.
HTTP request sent, awaiting response... Read error (Connection timed out) in headers.
Giving up.

`);
    expect(got[4]!.code).toBe(4);
  });

  it('reports usage errors as wget does', async () => {
    const got = await runCases([
      'wget',
      'wget --bogus -z http://x',
      'wget --help --bogus | head -2',
      'wget -t -1 http://x',
      'wget --timeout=soon http://x',
      'wget --progress=fancy http://x',
      'wget -nz http://x',
      'wget -O',
      'wget --spi=x http://x',
    ]);
    const usage = "Usage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n";
    expect(got).toEqual([
      { out: `wget: missing URL\n${usage}`, code: 1 },
      { out: `wget: unrecognized option '--bogus'\nwget: invalid option -- 'z'\n${usage}`, code: 2 },
      { out: "wget: unrecognized option '--bogus'\nGNU Wget 1.21.3, a non-interactive network retriever.\nUsage: wget [OPTION]... [URL]...\n", code: 0 },
      { out: "wget: --tries: Invalid number '-1'.\n", code: 2 },
      { out: "wget: --timeout: Invalid time period 'soon'\n", code: 2 },
      { out: "wget: --progress: Invalid progress type 'fancy'.\n", code: 2 },
      { out: `wget: illegal option -- \`-nz'\n${usage}`, code: 1 },
      { out: `wget: option requires an argument -- 'O'\n${usage}`, code: 2 },
      { out: "wget: --spider: Invalid boolean 'x'; use `on' or `off'.\n", code: 2 },
    ]);
  });

  it('draws the progress bar on a terminal', async () => {
    let screen = '';
    const m = new Machine({ clock: 'skip', onConsole: (t) => (screen += t), winsize: { cols: 80, rows: 24 } });
    preinstallPrograms(m, ['wget']);
    m.startConsoleShell();
    const waitFor = async (text: string): Promise<void> => {
      const start = Date.now();
      while (!screen.includes(text)) {
        if (Date.now() - start > 10_000) throw new Error(`timed out waiting for ${text}: ${JSON.stringify(screen.slice(-400))}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    await waitFor(']# ');
    m.input('sleep 1; cd /tmp; wget http://fileserver.lab.local/; echo done-$?\r');
    await waitFor('done-0');
    const out = screen.slice(screen.indexOf('Saving to:'));
    const bar = `index.html${' '.repeat(10)}100%[${'='.repeat(19)}>]     115  --.-KB/s    in 0s      `;
    expect(out.startsWith(`Saving to: 'index.html'\r\n\r\n\rindex.html${' '.repeat(12)}0%[${' '.repeat(20)}]       0  --.-KB/s${' '.repeat(15)}\r${bar}\r\n\r\n`)).toBe(true);
  });
});
