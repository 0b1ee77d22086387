// curl (8.12 as Photon OS 5.0 ships it): HTTP and HTTPS transfers to the servers of the
// simulated world and to daemons listening on this machine, with -I, -i, -s/-S, -o/-O, -L,
// -v, -w, -f, -m/--connect-timeout. Messages and exit codes are curl's ("curl: (7) Failed to
// connect to ... Could not connect to server"); TLS always succeeds (no certificates to check).
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import type { Ctx } from '../lib/context';
import { parseCurlArgs, type CurlConfig } from './curl-args';
import { parseUrl, resolveLocation, responseHeaderLines, type Url } from './curl-http';
import { writeOut, type TransferInfo } from './curl-meter';
import { transfer, Tty, type Connection, type Outcome } from './curl-transfer';
import { CURL_HELP, CURL_VERSION } from './curl-usage';

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";

export default defineProgram({
  name: 'curl',
  installPath: '/usr/bin/curl',
  pkg: 'curl',
  async main(ctx) {
    const args = ctx.argv.slice(1);
    const parsed = parseCurlArgs(args);
    if (!parsed.ok) {
      await ctx.err.write(`curl: ${parsed.message}\n${TRY}`);
      return 2;
    }
    const cfg = parsed.config;
    if (cfg.help) {
      await ctx.print(CURL_HELP);
      return 0;
    }
    if (cfg.version) {
      await ctx.print(CURL_VERSION);
      return 0;
    }
    if (cfg.urls.length === 0) {
      await ctx.err.write(args.length ? `curl: (2) no URL specified\n${TRY}` : TRY);
      return 2;
    }
    let status = 0;
    const outputs = [...cfg.outputs];
    let remote = cfg.remoteNames;
    for (const raw of cfg.urls) {
      let target: { kind: 'stdout' } | { kind: 'file'; path?: string; remote: boolean };
      if (outputs.length) target = { kind: 'file', path: outputs.shift()!, remote: false };
      else if (remote > 0) {
        remote--;
        target = { kind: 'file', remote: true };
      } else target = { kind: 'stdout' };
      status = (await fetchOne(ctx, cfg, raw, target)) || status;
    }
    return status;
  },
});

/** curl's `(N) message` line, unless silenced (-s without -S). */
async function report(ctx: Ctx, cfg: CurlConfig, code: number, message: string): Promise<number> {
  if (!cfg.silent || cfg.showError) await ctx.err.write(`curl: (${code}) ${message}\n`);
  return code;
}

function fileFromUrl(url: Url): string {
  const last = url.path.replace(/[?#].*$/s, '').split('/').pop() ?? '';
  return last;
}

async function fetchOne(ctx: Ctx, cfg: CurlConfig, raw: string, target: { kind: 'stdout' } | { kind: 'file'; path?: string; remote: boolean }): Promise<number> {
  const parsed = parseUrl(raw);
  if (!parsed.ok) return report(ctx, cfg, parsed.code, parsed.message);
  let url = parsed.url;
  let path = target.kind === 'file' ? target.path : undefined;
  if (target.kind === 'file' && target.remote) {
    path = fileFromUrl(url);
    if (path === '') {
      path = 'curl_response';
      if (!cfg.silent) await ctx.err.write('Warning: No remote file name, uses "curl_response"\n');
    }
  }
  const toFile = path !== undefined && path !== '-';
  const stdoutTty = ctx.sys.isatty(1);
  const outputTty = toFile ? false : stdoutTty;
  const meter = !cfg.silent && !cfg.noProgress && !outputTty;
  const tty = new Tty(ctx, cfg, meter, stdoutTty && !toFile);
  const method = cfg.request ?? (cfg.head ? 'HEAD' : cfg.data !== undefined ? 'POST' : 'GET');
  const conns = new Map<string, Connection>();
  let nextConn = 0;
  let redirects = 0;
  let result: Outcome;
  let totalUs = 0;
  let lastUrl = url;
  for (;;) {
    const reuse = conns.get(`${url.scheme}://${url.host}:${url.port}`);
    result = await transfer(ctx, tty, url, method, reuse, nextConn, cfg.location);
    totalUs += result.t.total;
    if (result.conn && !reuse) {
      conns.set(result.conn.key, result.conn);
      nextConn++;
    }
    lastUrl = url;
    const r = result.response;
    const location = r?.headers.find(([k]) => k === 'Location')?.[1];
    if (result.failure || !cfg.location || !r || r.status < 300 || r.status >= 400 || location === undefined) break;
    if (redirects >= cfg.maxRedirs) {
      result.failure = { code: 47, message: `Maximum (${cfg.maxRedirs}) redirects followed` };
      break;
    }
    const next = parseUrl(resolveLocation(url, location));
    if (!next.ok) {
      result.failure = { code: next.code, message: next.message };
      break;
    }
    redirects++;
    url = next.url;
    await tty.info(`Issue another request to this URL: '${url.text}'`);
  }
  const r = result.response;
  let code = 0;
  if (result.failure) code = result.failure.code;
  let written = 0;
  if (r && (!result.failure || cfg.failWithBody)) {
    let data = '';
    if (cfg.head || cfg.include) data += `${responseHeaderLines(r).join('\r\n')}\r\n\r\n`;
    if (!cfg.head) data += r.body;
    const w = await writeBody(ctx, cfg, toFile ? path! : undefined, data);
    written = new TextEncoder().encode(r.body).length;
    if (w !== 0 && !result.failure) {
      code = w;
      result.failure = { code: w, message: `client returned ERROR on write of ${written} bytes` };
    }
  }
  if (result.failure) code = await report(ctx, cfg, result.failure.code, result.failure.message);
  if (cfg.writeOut !== undefined) await writeOutput(ctx, cfg, { raw, url: lastUrl, result, code, redirects, conns: nextConn, totalUs, method, filename: toFile ? path! : '' });
  return code;
}

async function writeBody(ctx: Ctx, cfg: CurlConfig, path: string | undefined, data: string): Promise<number> {
  if (path === undefined) {
    await ctx.print(data);
    return 0;
  }
  try {
    await ctx.sys.writeFile(path, data);
    return 0;
  } catch (e) {
    if (!isSysError(e)) throw e;
    if (!cfg.silent) await ctx.err.write(`Warning: Failed to open the file ${path}: ${strerror(e.errno)}\n`);
    return 23;
  }
}

interface Summary {
  raw: string;
  url: Url;
  result: Outcome;
  code: number;
  redirects: number;
  conns: number;
  totalUs: number;
  method: string;
  filename: string;
}

async function writeOutput(ctx: Ctx, cfg: CurlConfig, s: Summary): Promise<void> {
  const r = s.result.response;
  const header = (name: string): string => r?.headers.find(([k]) => k.toLowerCase() === name)?.[1] ?? '';
  const sec = (us: number): number => us / 1_000_000;
  const location = header('location');
  const info: TransferInfo = {
    httpCode: r?.status ?? 0, urlEffective: s.url.text, url: s.raw, method: s.method, scheme: s.url.scheme, exitcode: s.code,
    errormsg: s.result.failure?.message ?? '', remoteIp: s.result.conn?.address ?? '', remotePort: s.result.conn?.port ?? 0,
    localIp: s.result.conn?.src ?? '', localPort: s.result.conn?.sport ?? 0, contentType: header('content-type'),
    redirectUrl: location && !cfg.location ? resolveLocation(s.url, location) : '', numRedirects: s.redirects, numConnects: s.conns,
    sizeDownload: r ? new TextEncoder().encode(r.body).length : 0, sizeHeader: r ? responseHeaderLines(r).join('\r\n').length + 4 : 0,
    sizeRequest: s.result.requestSize, filename: s.filename,
    times: {
      namelookup: sec(s.result.t.namelookup), connect: sec(s.result.t.connect), appconnect: sec(s.result.t.appconnect),
      pretransfer: sec(s.result.t.pretransfer), starttransfer: sec(s.result.t.starttransfer), total: sec(s.totalUs), redirect: 0,
    },
  };
  const unknown: string[] = [];
  const text = writeOut(cfg.writeOut ?? '', info, unknown);
  for (const name of unknown) await ctx.err.write(`curl: unknown --write-out variable: '${name}'\n`);
  await ctx.print(text.stdout);
  if (text.stderr) await ctx.err.write(text.stderr);
}
