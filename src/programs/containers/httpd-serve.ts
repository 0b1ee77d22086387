// httpd's request handling: one request per connection (answered, then closed), files under
// DocumentRoot with their type from mime.types, and each request logged in the CustomLog format.
import { isSysError } from '../../shared/errno';
import type { Ctx } from '../lib/context';
import { traffic } from '../network-tools/netlib';
import { APACHE, MONTHS, underRoot, type HttpdConf } from './httpd-conf';

const encoder = new TextEncoder();
const MAX_HEAD = 65536;

interface Answer {
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
}

const REASONS: Record<number, string> = { 200: 'OK', 301: 'Moved Permanently', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed' };

function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** Common log format time: `03/Oct/2024:02:20:11 +0000`. */
function clfTime(ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Apache's error page shape, with our own sentences. */
function errorPage(status: number, detail: string): string {
  const reason = REASONS[status] ?? 'Error';
  return `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${status} ${reason}</title>\n</head><body>\n<h1>${reason}</h1>\n<p>${detail}</p>\n</body></html>\n`;
}

export class HttpdServer {
  private active = 0;
  private idle: (() => void)[] = [];

  constructor(
    private readonly ctx: Ctx,
    public conf: HttpdConf,
    private readonly types: Map<string, string>,
  ) {}

  /** Writes a log line where a log directive points: the container's stdout/stderr, or a file. */
  async log(target: string, line: string): Promise<void> {
    const fd = target === '/proc/self/fd/1' || target === '/dev/stdout' ? 1 : target === '/proc/self/fd/2' || target === '/dev/stderr' ? 2 : undefined;
    if (fd === 1) {
      await this.ctx.print(line);
      await this.ctx.out.flush();
    } else if (fd === 2) {
      await this.ctx.err.write(line);
    } else {
      await this.ctx.sys.writeFile(underRoot(this.conf, target), line, { append: true }).catch(() => undefined);
    }
  }

  /** Resolves once no request is being answered. */
  drain(): Promise<void> {
    return this.active === 0 ? Promise.resolve() : new Promise((resolve) => this.idle.push(resolve));
  }

  async serve(conn: number, peer: string): Promise<void> {
    // APR shows an IPv4 client of a dual-stack socket as plain IPv4
    const from = peer.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
    this.active++;
    try {
      await this.exchange(conn, from);
    } catch (e) {
      // a signal or the end of the process cut the exchange short
      if (!isSysError(e)) throw e;
    } finally {
      this.active--;
      if (this.active === 0) for (const f of this.idle.splice(0)) f();
    }
  }

  private async exchange(conn: number, from: string): Promise<void> {
    const sys = this.ctx.sys;
    let text = '';
    let end = -1;
    while (end < 0) {
      let d;
      try {
        d = await traffic(sys, { kind: 'recv', conn });
      } catch (e) {
        if (isSysError(e) && e.errno === 'EINTR') continue;
        throw e;
      }
      if (d.kind === 'closed') {
        if (text === '') return;
        break;
      }
      text += d.text;
      end = text.search(/\r?\n\r?\n/);
      if (text.length > MAX_HEAD) break;
    }
    const head = (end < 0 ? text : text.slice(0, end)).split(/\r?\n/);
    const requestLine = head[0] ?? '';
    const headers = new Map<string, string>();
    for (const l of head.slice(1)) {
      const colon = l.indexOf(':');
      if (colon > 0) headers.set(l.slice(0, colon).trim().toLowerCase(), l.slice(colon + 1).trim());
    }
    const m = /^([A-Z]+) (\S+) HTTP\/(\d\.\d)$/.exec(requestLine);
    const answer = m ? await this.answer(m[1]!, m[2]!, headers.get('host')) : this.page(400, 'Your browser sent a request that this server could not make sense of.');
    const head0 = m?.[1] === 'HEAD';
    const length = encoder.encode(answer.body).length;
    // Apache's order: the handler's headers, then Content-Length, then Content-Type
    const type = answer.headers.find(([k]) => k === 'Content-Type')?.[1] ?? 'text/html; charset=iso-8859-1';
    const lines = [
      `HTTP/1.1 ${answer.status} ${answer.reason}`, `Date: ${httpDate(sys.now())}`, `Server: ${APACHE}`,
      ...answer.headers.filter(([k]) => k !== 'Content-Type').map(([k, v]) => `${k}: ${v}`), `Content-Length: ${length}`, `Content-Type: ${type}`,
    ];
    await traffic(sys, { kind: 'answer', conn, text: `${lines.join('\r\n')}\r\n\r\n${head0 ? '' : answer.body}` });
    await traffic(sys, { kind: 'hangup', conn });
    if (this.conf.customLog) {
      const line = this.conf.customLog.format.replace(/%(?:\{([^}]*)\})?(>?)([a-zA-Z%])/g, (_all, arg: string | undefined, _gt: string, c: string) => {
        switch (c) {
          case 'h': case 'a': return from;
          case 'l': case 'u': return '-';
          case 't': return `[${clfTime(sys.now())}]`;
          case 'r': return requestLine;
          case 's': return String(answer.status);
          case 'b': return head0 || length === 0 ? '-' : String(length);
          case 'B': return head0 ? '0' : String(length);
          case 'i': return headers.get((arg ?? '').toLowerCase()) ?? '-';
          case '%': return '%';
          default: return '-';
        }
      });
      await this.log(this.conf.customLog.path, `${line}\n`);
    }
  }

  private page(status: number, detail: string, headers: [string, string][] = []): Answer {
    return { status, reason: REASONS[status] ?? 'Error', headers, body: errorPage(status, detail) };
  }

  private async answer(method: string, target: string, host: string | undefined): Promise<Answer> {
    if (method !== 'GET' && method !== 'HEAD') return this.page(405, `The ${escapeHtml(method)} method is not allowed for this URL.`, [['Allow', 'GET,POST,OPTIONS,HEAD']]);
    let path: string;
    try {
      path = decodeURIComponent(target.replace(/[?#].*$/, ''));
    } catch {
      return this.page(400, 'Your browser sent a request that this server could not make sense of.');
    }
    if (!path.startsWith('/')) return this.page(400, 'Your browser sent a request that this server could not make sense of.');
    const parts: string[] = [];
    for (const seg of path.split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') {
        if (parts.length === 0) return this.page(400, 'Your browser sent a request that this server could not make sense of.');
        parts.pop();
      } else parts.push(seg);
    }
    const url = `/${parts.join('/')}${path.endsWith('/') && parts.length ? '/' : ''}`;
    if (parts.some((p) => p.startsWith('.ht'))) return this.page(403, 'You are not allowed to see this resource.');
    const file = `${this.conf.documentRoot}/${parts.join('/')}`.replace(/\/$/, '') || '/';
    const sys = this.ctx.sys;
    let st;
    try {
      st = await sys.stat(file);
    } catch (e) {
      if (!isSysError(e)) throw e;
      if (e.errno === 'EACCES') return this.page(403, 'You are not allowed to see this resource.');
      return this.page(404, 'This server has nothing at the requested URL.');
    }
    if (st.kind === 'dir') {
      if (!url.endsWith('/')) {
        const location = `http://${host ?? 'localhost'}${url}/`;
        return this.page(301, `The document has moved <a href="${escapeHtml(location)}">here</a>.`, [['Location', location]]);
      }
      for (const index of this.conf.directoryIndex) {
        const candidate = `${file.replace(/\/$/, '')}/${index}`;
        const found = await sys.stat(candidate).catch(() => undefined);
        if (found && found.kind === 'file') return this.file(candidate, found.mtime, found.size);
      }
      if (!this.conf.indexes) return this.page(403, 'You are not allowed to see this resource.');
      return this.listing(file, url);
    }
    return this.file(file, st.mtime, st.size);
  }

  private async file(path: string, mtimeMs: number, size: number): Promise<Answer> {
    let body: string;
    try {
      body = new TextDecoder().decode(await this.ctx.sys.readFile(path));
    } catch (e) {
      if (!isSysError(e)) throw e;
      return this.page(403, 'You are not allowed to see this resource.');
    }
    const ext = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
    const type = this.types.get(ext);
    const etag = `"${size.toString(16)}-${Math.floor(mtimeMs * 1000).toString(16)}"`;
    return {
      status: 200, reason: 'OK', body,
      headers: [['Last-Modified', httpDate(mtimeMs)], ['ETag', etag], ['Accept-Ranges', 'bytes'], ...(type ? [['Content-Type', type] as [string, string]] : [])],
    };
  }

  private async listing(dir: string, url: string): Promise<Answer> {
    const names = (await this.ctx.sys.readdir(dir).catch(() => [] as string[])).filter((n) => !n.startsWith('.')).sort();
    const rows = names.map((n) => `<li><a href="${encodeURIComponent(n)}"> ${escapeHtml(n)}</a></li>`);
    const parent = url === '/' ? [] : ['<li><a href="/"> Parent Directory</a></li>'];
    const body = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n<html>\n <head>\n  <title>Index of ${escapeHtml(url.replace(/\/$/, '') || '/')}</title>\n </head>\n <body>\n<h1>Index of ${escapeHtml(url.replace(/\/$/, '') || '/')}</h1>\n<ul>${[...parent, ...rows].join('\n')}\n</ul>\n</body></html>\n`;
    return { status: 200, reason: 'OK', body, headers: [['Content-Type', 'text/html;charset=ISO-8859-1']] };
  }
}
