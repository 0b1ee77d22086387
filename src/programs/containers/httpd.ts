// httpd 2.4.62 (the httpd image's server, started by httpd-foreground as `httpd -DFOREGROUND`):
// reads conf/httpd.conf, says at start what Apache says (AH00558 without a ServerName, then the
// AH00489/AH00094 notices: our own wording in Apache's log format), listens on the Listen ports,
// serves the files under DocumentRoot (directory index, listings with Options Indexes, 301 to add
// a slash, 403, 404, 405), logs each request in the CustomLog format (common log format in the
// image, to stdout), and stops on SIGTERM/SIGINT, or gracefully on SIGWINCH (the image's
// StopSignal). SIGHUP rereads the configuration.
import { isSysError } from '../../shared/errno';
import type { SocketReply } from '../../shared/services/sockets';
import { SIGNALS } from '../../shared/signals';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { traffic } from '../network-tools/netlib';
import { APACHE, HTTPD_ROOT, mimeTypes, MONTHS, parseConf, underRoot, type HttpdConf } from './httpd-conf';
import { HttpdServer } from './httpd-serve';
import { CONTAINER_PKG } from './pkg';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n: number): string => String(n).padStart(2, '0');

/** The error log's time: `Thu Oct 03 02:20:11.123456 2024`. */
function errorTime(ms: number): string {
  const d = new Date(ms);
  const us = String(Math.floor(ms % 1000) * 1000 + 417).padStart(6, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${us} ${d.getUTCFullYear()}`;
}

const HELP = `Usage: httpd [-D name] [-d directory] [-f file]
             [-C "directive"] [-c "directive"]
             [-k start|restart|graceful|graceful-stop|stop]
             [-v] [-V] [-h] [-l] [-L] [-t] [-T] [-S] [-X]
Options:
  -D name            : define NAME for <IfDefine NAME> sections
  -d directory       : use DIRECTORY as the ServerRoot
  -f file            : read the configuration from FILE
  -v                 : print the version and exit
  -V                 : print the version and the build settings and exit
  -h                 : print these options and exit
  -t                 : check the configuration's syntax and exit
  -X                 : debug mode: one worker, in the foreground
`;

const VERSION = `Server version: ${APACHE}\nServer built:   Sep 27 2024 01:06:23\n`;

interface Args {
  defines: string[];
  root: string;
  file: string;
  test: boolean;
  commandLine: string;
}

async function parseArgs(ctx: Ctx): Promise<Args | number> {
  const argv = ctx.argv.slice(1);
  const a: Args = { defines: [], root: HTTPD_ROOT, file: 'conf/httpd.conf', test: false, commandLine: '' };
  const shown: string[] = ['httpd'];
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    const take = (): string | undefined => (x.length > 2 ? x.slice(2) : argv[++i]);
    if (x.startsWith('-D')) {
      const v = take();
      if (v === undefined) break;
      a.defines.push(v);
      shown.push('-D', v);
    } else if (x.startsWith('-d')) a.root = take() ?? a.root;
    else if (x.startsWith('-f')) a.file = take() ?? a.file;
    else if (x.startsWith('-e') || x.startsWith('-E') || x.startsWith('-k') || x.startsWith('-C') || x.startsWith('-c')) take();
    else if (x === '-v') {
      await ctx.print(VERSION);
      return 0;
    } else if (x === '-V') {
      await ctx.print(`${VERSION}Server's Module Magic Number: 20120211:134\nServer loaded:  APR 1.7.2, APR-UTIL 1.6.3, PCRE 10.42 2022-12-11\nCompiled using: APR 1.7.2, APR-UTIL 1.6.3, PCRE 10.42 2022-12-11\nArchitecture:   64-bit\nServer MPM:     event\n  threaded:     yes (fixed thread count)\n    forked:     yes (variable process count)\nServer compiled with....\n -D APR_HAS_SENDFILE\n -D APR_HAS_MMAP\n -D APR_HAVE_IPV6 (IPv4-mapped addresses enabled)\n -D APR_USE_PROC_PTHREAD_SERIALIZE\n -D APR_USE_PTHREAD_SERIALIZE\n -D SINGLE_LISTEN_UNSERIALIZED_ACCEPT\n -D APR_HAS_OTHER_CHILD\n -D AP_HAVE_RELIABLE_PIPED_LOGS\n -D DYNAMIC_MODULE_LIMIT=256\n -D HTTPD_ROOT="${HTTPD_ROOT}"\n -D SUEXEC_BIN="${HTTPD_ROOT}/bin/suexec"\n -D DEFAULT_PIDLOG="logs/httpd.pid"\n -D DEFAULT_SCOREBOARD="logs/apache_runtime_status"\n -D DEFAULT_ERRORLOG="logs/error_log"\n -D AP_TYPES_CONFIG_FILE="conf/mime.types"\n -D SERVER_CONFIG_FILE="conf/httpd.conf"\n`);
      return 0;
    } else if (x === '-t') a.test = true;
    else if (x === '-X' || x === '-S' || x === '-T' || x === '-l' || x === '-L') continue;
    else {
      await ctx.err.write(`${x === '-h' ? '' : `httpd: illegal option -- ${x.replace(/^-/, '')}\n`}${HELP}`);
      return x === '-h' ? 0 : 1;
    }
  }
  a.commandLine = shown.join(' ');
  return a;
}

/** The address a container's name resolves to in /etc/hosts (docker writes it there). */
async function ownAddress(ctx: Ctx, name: string): Promise<string> {
  try {
    const hosts = new TextDecoder().decode(await ctx.sys.readFile('/etc/hosts'));
    for (const line of hosts.split('\n')) {
      const f = line.replace(/#.*/, '').trim().split(/\s+/);
      if (f.length > 1 && f.slice(1).includes(name)) return f[0]!;
    }
  } catch {
    // no /etc/hosts: the loopback address, as getaddrinfo gives for an unknown own name
  }
  return '127.0.1.1';
}

export async function loadConf(ctx: Ctx, a: { root: string; file: string }): Promise<HttpdConf | string> {
  const file = a.file.startsWith('/') ? a.file : `${a.root}/${a.file}`;
  let text: string;
  try {
    text = new TextDecoder().decode(await ctx.sys.readFile(file));
  } catch (e) {
    if (!isSysError(e)) throw e;
    return `httpd: Could not open configuration file ${file}: No such file or directory`;
  }
  return parseConf(text, file, a.root);
}

export default defineProgram({
  name: 'httpd',
  installPath: '/usr/local/apache2/bin/httpd',
  pkg: CONTAINER_PKG,
  async main(ctx) {
    const a = await parseArgs(ctx);
    if (typeof a === 'number') return a;
    const sys = ctx.sys;
    let conf = await loadConf(ctx, a);
    if (typeof conf === 'string') {
      await ctx.err.write(`${conf}\n`);
      return 1;
    }
    const node = sys.uname().nodename;
    const fqdnWarning = async (c: HttpdConf): Promise<void> => {
      if (c.serverName !== undefined || node.includes('.')) return;
      await ctx.err.write(`AH00558: httpd: unable to work out this server's fully qualified domain name; using ${await ownAddress(ctx, node)} for now. Set 'ServerName' in the main configuration to silence this message\n`);
    };
    await fqdnWarning(conf);
    if (a.test) {
      await ctx.err.write('Syntax OK\n');
      return 0;
    }
    const tid = 140_000_000_000_000 + sys.pid * 7_340_033;
    const errorLog = async (module: string, level: string, text: string): Promise<void> => {
      await server.log((conf as HttpdConf).errorLog, `[${errorTime(sys.now())}] [${module}:${level}] [pid ${sys.pid}:tid ${tid}] ${text}\n`);
    };
    const ids: number[] = [];
    for (const l of conf.listen) {
      // `Listen 80` is one dual-stack socket on [::] (ss shows *:80), IPv4 alone where the
      // kernel has no IPv6
      let family: 4 | 6 = l.address.includes(':') || l.address === '' ? 6 : 4;
      let address = l.address || '::';
      let r = (await sys.call('sockets', { kind: 'listen', proto: 'tcp', family, address, port: l.port, v6only: l.address !== '' })) as SocketReply;
      if (r.kind === 'error' && r.errno === 'EINVAL' && l.address === '') {
        [family, address] = [4, '0.0.0.0'];
        r = (await sys.call('sockets', { kind: 'listen', proto: 'tcp', family, address, port: l.port, v6only: true })) as SocketReply;
      }
      if (r.kind === 'error') {
        const [code, why] = r.errno === 'EADDRINUSE' ? ['98', 'Address already in use'] : r.errno === 'EACCES' ? ['13', 'Permission denied'] : ['22', 'Invalid argument'];
        await ctx.err.write(`(${code})${why}: AH00072: make_sock: could not bind to address ${family === 6 ? `[${address}]` : address}:${l.port}\nno listening sockets available, shutting down\nAH00015: Unable to open logs\n`);
        return 1;
      }
      if (r.kind === 'ok' && r.id !== undefined) ids.push(r.id);
    }
    const server = new HttpdServer(ctx, conf, mimeTypes(await readOptional(ctx, underRoot(conf, conf.typesConfig ?? 'conf/mime.types'))));
    const pidFile = underRoot(conf, conf.pidFile);
    await sys.writeFile(pidFile, `${sys.pid}\n`).catch(() => undefined);
    await fqdnWarning(conf);
    await errorLog('mpm_event', 'notice', `AH00489: ${APACHE} is set up and now serves requests`);
    await errorLog('core', 'notice', `AH00094: Command line: '${a.commandLine}'`);

    let stop: 'term' | 'graceful' | undefined;
    let restart = false;
    sys.signal(SIGNALS.SIGTERM, () => (stop = 'term'));
    sys.signal(SIGNALS.SIGINT, () => (stop = 'term'));
    sys.signal(SIGNALS.SIGWINCH, () => (stop = 'graceful'));
    sys.signal(SIGNALS.SIGHUP, () => (restart = true));
    sys.signal(SIGNALS.SIGUSR1, () => (restart = true));
    for (;;) {
      if (stop) break;
      if (restart) {
        restart = false;
        await errorLog('mpm_event', 'notice', 'AH00493: SIGHUP received; restarting');
        const next = await loadConf(ctx, a);
        if (typeof next === 'string') await ctx.err.write(`${next}\n`);
        else {
          conf = next;
          server.conf = next;
          await fqdnWarning(next);
          await errorLog('mpm_event', 'notice', `AH00489: ${APACHE} is set up and now serves requests`);
        }
      }
      let c;
      try {
        c = await traffic(sys, { kind: 'accept', sockets: ids });
      } catch (e) {
        if (isSysError(e) && e.errno === 'EINTR') continue;
        throw e;
      }
      if (c.kind !== 'conn') break;
      void server.serve(c.id, c.from);
    }
    if (stop === 'graceful') {
      await errorLog('mpm_event', 'notice', 'AH00492: SIGWINCH received; finishing the requests under way, then shutting down');
      await server.drain();
    } else {
      await errorLog('mpm_event', 'notice', 'AH00491: SIGTERM received; shutting down');
    }
    await sys.unlink(pidFile).catch(() => undefined);
    return 0;
  },
});

async function readOptional(ctx: Ctx, path: string): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await ctx.sys.readFile(path));
  } catch {
    return undefined;
  }
}
