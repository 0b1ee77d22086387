// One curl transfer on the virtual clock: resolve the host, connect (address by address, as the
// happy-eyeballs code does when all but one fail), the TLS handshake for https, the request and
// the server's answer, with -v's `*`, `>` and `<` lines and the progress meter on stderr in the
// order curl writes them. Redirects are the caller's business; this returns what came back.
import { strerror } from '../../shared/errno';
import type { ConnectReply, Peer } from '../../shared/services/traffic';
import type { Ctx } from '../lib/context';
import type { CurlConfig } from './curl-args';
import { requestLines, responseHeaderLines, serverReply, type Response, type Url } from './curl-http';
import { METER_HEADER, meterLine } from './curl-meter';
import { streamExchange, type StreamReply } from './http-stream';
import { inetAton, preferIPv4, resolveHost, traffic } from './netlib';

export const USER_AGENT = 'curl/8.12.0';
/** Linux gives up a connection whose SYNs go unanswered after six retries (tcp_syn_retries). */
const SYN_TIMEOUT_MS = 127_000;
/** curl's own default connect timeout */
const DEFAULT_CONNECT_TIMEOUT_MS = 300_000;

export interface Failure {
  code: number;
  message: string;
}

export interface Connection {
  id: number;
  key: string;
  address: string;
  port: number;
  src: string;
  sport: number;
  peer: Peer;
  rttUs: number;
  /** the stream to a socket of this machine, which its listener reads */
  stream?: number;
}

export interface Outcome {
  failure?: Failure;
  response?: Response;
  conn?: Connection;
  requestSize: number;
  /** microseconds since the start of this transfer when each phase ended */
  t: { namelookup: number; connect: number; appconnect: number; pretransfer: number; starttransfer: number; total: number };
}

/** stderr as curl writes it: verbose lines and the meter, which rewrites its line with \r. */
export class Tty {
  private meterShown = false;
  private lastSecond = -1;
  constructor(
    private readonly ctx: Ctx,
    readonly cfg: CurlConfig,
    readonly meter: boolean,
    /** stdout is a terminal: no `[N bytes data]` notes */
    readonly stdoutTty: boolean,
  ) {}

  async info(text: string): Promise<void> {
    if (this.cfg.verbose) await this.ctx.err.write(`* ${text}\n`);
  }

  async raw(text: string): Promise<void> {
    if (this.cfg.verbose) await this.ctx.err.write(text);
  }

  /** A meter line for this moment: the first one and then one per new second. */
  async tick(spentUs: number, received = 0, total?: number): Promise<void> {
    if (!this.meter) return;
    const second = Math.floor(spentUs / 1_000_000);
    if (this.meterShown && second === this.lastSecond) return;
    if (!this.meterShown) await this.ctx.err.write(METER_HEADER);
    this.meterShown = true;
    this.lastSecond = second;
    await this.ctx.err.write(meterLine({ spentUs, received, ...(total !== undefined ? { total } : {}) }));
  }

  /** The final, forced meter line and the newline after it. */
  async done(spentUs: number, received = 0, total?: number): Promise<void> {
    if (!this.meter || !this.meterShown) return;
    await this.ctx.err.write(`${meterLine({ spentUs, received, ...(total !== undefined ? { total } : {}) })}\n`);
  }

  /** Ends the meter's line without a final update (a timeout ends it so). */
  async newline(): Promise<void> {
    if (this.meter && this.meterShown) await this.ctx.err.write('\n');
  }
}

export class Clock {
  us = 0;
  constructor(private readonly ctx: Ctx, private readonly tty: Tty) {}

  /** Waits `us` of virtual time, updating the meter every second. */
  async wait(us: number, received = 0, total?: number): Promise<void> {
    let left = us;
    while (left > 0) {
      const toSecond = 1_000_000 - (this.us % 1_000_000);
      const step = Math.min(left, toSecond);
      await this.ctx.sys.sleep(step / 1000);
      this.us += step;
      left -= step;
      if (step === toSecond) await this.tty.tick(this.us, received, total);
      await this.ctx.tick();
    }
  }
}

const bracket = (a: string): string => (a.includes(':') ? `[${a}]` : a);

/** The addresses to try: curl's own answer for localhost, a literal, or getaddrinfo's. */
async function addresses(ctx: Ctx, tty: Tty, url: Url): Promise<{ list: string[] } | Failure> {
  const literal = inetAton(url.host);
  if (literal !== undefined && /^[0-9.]+$/.test(url.host)) return { list: [literal] };
  if (url.host.includes(':')) return { list: [url.host] };
  let v4: string[];
  let v6: string[];
  if (url.host === 'localhost' || url.host.endsWith('.localhost')) {
    // curl answers localhost itself, both families, without asking the resolver
    v6 = ['::1'];
    v4 = ['127.0.0.1'];
  } else {
    const r = await resolveHost(ctx.sys, url.host, tty.cfg.ipv6Only ? 6 : 0);
    if (!r.ok) return { code: 6, message: `Could not resolve host: ${url.host}` };
    const sorted = preferIPv4(r.addresses);
    v4 = sorted.filter((a) => a.family === 4).map((a) => a.address);
    v6 = sorted.filter((a) => a.family === 6).map((a) => a.address);
  }
  await tty.info(`Host ${url.host}:${url.port} was resolved.`);
  await tty.info(`IPv6: ${v6.length ? v6.join(', ') : '(none)'}`);
  await tty.info(`IPv4: ${v4.length ? v4.join(', ') : '(none)'}`);
  const local = url.host === 'localhost' || url.host.endsWith('.localhost');
  return { list: local ? [...v6, ...v4] : [...v4, ...v6] };
}

function timeoutMessage(elapsedMs: number, phase: 'connect' | 'transfer'): Failure {
  return { code: 28, message: phase === 'connect' ? `Connection timed out after ${elapsedMs} milliseconds` : `Operation timed out after ${elapsedMs} milliseconds with 0 bytes received` };
}

/** Connects to one of the addresses; on failure, curl's message for the whole attempt. */
async function connect(ctx: Ctx, tty: Tty, clock: Clock, url: Url, list: string[], connId: number): Promise<Connection | Failure> {
  const cfg = tty.cfg;
  const limitMs = Math.min(cfg.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, cfg.maxTimeMs ?? Infinity);
  let timedOutBySyn = false;
  for (const address of list) {
    await tty.raw(`*   Trying ${bracket(address)}:${url.port}...\n`);
    const r: ConnectReply = await traffic(ctx.sys, { kind: 'connect', dst: address, port: url.port });
    if (r.kind === 'error') {
      await tty.info(`Immediate connect fail for ${address}: ${strerror(r.errno)}`);
      continue;
    }
    if (r.kind === 'connected') {
      await clock.wait(r.rttUs);
      return { id: connId, key: `${url.scheme}://${url.host}:${url.port}`, address, port: url.port, src: r.src, sport: r.sport, peer: r.peer, rttUs: r.rttUs, ...(r.conn !== undefined ? { stream: r.conn } : {}) };
    }
    if (r.kind === 'timeout') {
      const left = limitMs - clock.us / 1000;
      if (left <= SYN_TIMEOUT_MS) {
        await clock.wait(Math.max(0, left) * 1000);
        const elapsed = Math.floor(clock.us / 1000) + 1 + ctx.sys.random(5);
        await tty.info(`Connection timed out after ${elapsed} milliseconds`);
        return timeoutMessage(elapsed, 'connect');
      }
      await clock.wait(SYN_TIMEOUT_MS * 1000);
      timedOutBySyn = true;
      await tty.info(`connect to ${address} port ${url.port} from ${r.src} port ${r.sport} failed: ${strerror('ETIMEDOUT')}`);
      continue;
    }
    await clock.wait(r.afterUs);
    await tty.info(`connect to ${address} port ${url.port} from ${r.src} port ${r.sport} failed: ${strerror(r.kind === 'refused' ? 'ECONNREFUSED' : r.errno)}`);
  }
  const message = `Failed to connect to ${url.host} port ${url.port} after ${Math.floor(clock.us / 1000)} ms: Could not connect to server`;
  await tty.info(message);
  // a connect(2) that ended in ETIMEDOUT is reported as curl's timeout code
  return { code: timedOutBySyn ? 28 : 7, message };
}

const TLS_LINES = [
  'ALPN: curl offers http/1.1',
  'TLSv1.3 (OUT), TLS handshake, Client hello (1):',
  ' CAfile: /etc/pki/tls/certs/ca-bundle.crt',
  ' CApath: none',
  'TLSv1.3 (IN), TLS handshake, Server hello (2):',
  'TLSv1.3 (IN), TLS handshake, Encrypted Extensions (8):',
  'TLSv1.3 (IN), TLS handshake, Certificate (11):',
  'TLSv1.3 (IN), TLS handshake, CERT verify (15):',
  'TLSv1.3 (IN), TLS handshake, Finished (20):',
  'TLSv1.3 (OUT), TLS change cipher, Change cipher spec (1):',
  'TLSv1.3 (OUT), TLS handshake, Finished (20):',
  'SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / X25519 / RSASSA-PSS',
  'ALPN: server accepted http/1.1',
  'Server certificate:',
];

/** One request over `conn` (new or reused) and the answer. */
export async function transfer(ctx: Ctx, tty: Tty, url: Url, method: string, reuse: Connection | undefined, nextConnId: number, following: boolean): Promise<Outcome> {
  const cfg = tty.cfg;
  const clock = new Clock(ctx, tty);
  const out: Outcome = { requestSize: 0, t: { namelookup: 0, connect: 0, appconnect: 0, pretransfer: 0, starttransfer: 0, total: 0 } };
  const fail = async (f: Failure): Promise<Outcome> => {
    out.failure = f;
    out.t.total = clock.us;
    return out;
  };
  let conn = reuse;
  if (conn) {
    await tty.info(`Re-using existing connection with host ${url.host}`);
  } else {
    const localFirst = url.host === 'localhost';
    if (!localFirst) await tty.tick(0);
    const found = await addresses(ctx, tty, url);
    if ('code' in found) {
      await tty.info(found.message);
      await tty.info(`shutting down connection #${nextConnId}`);
      return fail(found);
    }
    if (localFirst) await tty.tick(0);
    out.t.namelookup = clock.us;
    const c = await connect(ctx, tty, clock, url, found.list, nextConnId);
    if ('code' in c) {
      if (c.code === 28 && !c.message.startsWith('Failed')) await tty.newline();
      else await tty.done(clock.us);
      await tty.info(`closing connection #${nextConnId}`);
      return fail(c);
    }
    conn = c;
    out.t.connect = clock.us;
    if (url.scheme === 'https') {
      for (const line of TLS_LINES) await tty.info(line);
      await tty.info(` subject: CN=${url.host}`);
      await tty.info(` subjectAltName: host "${url.host}" matched cert's "${url.host}"`);
      await tty.info(' SSL certificate verify ok.');
      await clock.wait(conn.rttUs);
    }
    out.t.appconnect = url.scheme === 'https' ? clock.us : 0;
    await tty.info(`Connected to ${url.host} (${conn.address}) port ${url.port}`);
    await tty.info('using HTTP/1.x');
  }
  out.conn = conn;
  const reqLines = requestLines(method, url, cfg.userAgent ?? USER_AGENT, cfg.headers, cfg.data);
  for (const l of reqLines) await tty.raw(`> ${l}\r\n`);
  await tty.raw('> \r\n');
  await tty.info('Request completely sent off');
  out.requestSize = reqLines.reduce((n, l) => n + l.length + 2, 2) + (cfg.data?.length ?? 0);
  out.t.pretransfer = clock.us;
  const requestText = `${reqLines.join('\r\n')}\r\n\r\n${cfg.data ?? ''}`;
  let reply: StreamReply;
  if (conn.peer.kind === 'local' && conn.stream !== undefined && conn.peer.comm !== 'sshd') {
    // a server of this machine answers for itself; -m bounds the wait
    const exchange = streamExchange(ctx.sys, conn.stream, requestText, method === 'HEAD');
    const limit = cfg.maxTimeMs;
    reply = limit === undefined ? await exchange : await Promise.race([exchange, clock.wait(Math.max(0, limit * 1000 - clock.us)).then((): StreamReply => ({ kind: 'silent' }))]);
  } else {
    reply = serverReply(conn.peer, url, method, ctx.sys.now());
  }
  if (reply.kind === 'empty') {
    await clock.wait(conn.rttUs);
    const f = { code: 52, message: 'Empty reply from server' };
    await tty.info(f.message);
    await tty.done(clock.us);
    await tty.info(`closing connection #${conn.id}`);
    return fail(f);
  }
  if (reply.kind === 'silent') {
    // a listener that reads the request and never answers: wait for -m, or until interrupted;
    // the stream closes when curl exits
    const limit = cfg.maxTimeMs;
    if (limit === undefined) for (;;) await clock.wait(3_600_000_000);
    await clock.wait(Math.max(0, limit * 1000 - clock.us));
    const f = timeoutMessage(Math.floor(clock.us / 1000) + 1 + ctx.sys.random(5), 'transfer');
    await tty.info(f.message);
    await tty.newline();
    await tty.info(`closing connection #${conn.id}`);
    return fail(f);
  }
  await clock.wait(conn.rttUs);
  out.t.starttransfer = clock.us;
  if (reply.kind === 'not-http') {
    const f = { code: 1, message: 'Received HTTP/0.9 when not allowed' };
    await tty.info(f.message);
    await tty.done(clock.us);
    await tty.info(`closing connection #${conn.id}`);
    return fail(f);
  }
  const r = reply.response;
  const size = new TextEncoder().encode(r.body).length;
  await traffic(ctx.sys, { kind: 'data', dst: conn.address, port: conn.port, sport: conn.sport, sent: out.requestSize, received: size + responseHeaderLines(r).join('\r\n').length + 4 });
  if (r.version === '1.0') await tty.info('HTTP 1.0, assume close after body');
  const lines = responseHeaderLines(r);
  for (const l of lines) await tty.raw(`< ${l}\r\n`);
  const total = Number(r.headers.find(([k]) => k === 'Content-Length')?.[1] ?? size);
  const redirect = following && r.status >= 300 && r.status < 400 && r.headers.some(([k]) => k === 'Location');
  if ((cfg.fail || cfg.failWithBody) && r.status >= 400) {
    await tty.info(`The requested URL returned error: ${r.status}`);
    await tty.raw('< \r\n');
    out.response = r;
    await tty.done(clock.us, 0, total);
    await tty.info(`closing connection #${conn.id}`);
    return fail({ code: 22, message: `The requested URL returned error: ${r.status}` });
  }
  if (redirect && method !== 'HEAD') {
    await tty.info('Ignoring the response-body');
    await tty.info('setting size while ignoring');
  }
  await tty.raw('< \r\n');
  out.response = r;
  if (size > 0 && !redirect && !tty.stdoutTty) await tty.raw(`{ [${size} bytes data]\n`);
  out.t.total = clock.us;
  if (!redirect) await tty.done(clock.us, size, total);
  if (r.version === '1.0') await tty.info(`shutting down connection #${conn.id}`);
  else await tty.info(`Connection #${conn.id} to host ${url.host} left intact`);
  return out;
}
