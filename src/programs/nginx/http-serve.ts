// One request through nginx's phases: server rewrite, find location, rewrite, access, try_files,
// content; then error_page for a failure, and the header filters (error_page's status, the
// built-in pages, add_header, not-modified, Accept-Ranges, charset). Internal redirects (index,
// try_files, error_page) start over, at most ten times.
import { findLocation, flag, inherit, namedLocation, type AccessRule, type IfCond, type LocConf, type ScriptOp } from './conf-model';
import { ERR } from './conf-values';
import { requestSuffix, serveFiles, tryFiles } from './http-content';
import { proxy } from './http-proxy';
import { byteLength, specialPage, type Response } from './http-response';
import type { Outcome, RequestState } from './http-state';
import { ruleMatches } from './conf-regex';
import { header } from './http-request';
import { httpTime } from './log';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const CHARSET_TYPES = new Set(['text/html', 'text/xml', 'text/plain', 'text/vnd.wap.wml', 'application/javascript', 'application/rss+xml']);

type ScriptResult = { kind: 'next' } | { kind: 'last' } | { kind: 'break' } | { kind: 'out'; o: Outcome };

async function condition(s: RequestState, c: IfCond): Promise<boolean> {
  switch (c.kind) {
    case 'var': {
      const v = s.expand(c.value);
      return v !== '' && v !== '0';
    }
    case 'cmp':
      return (s.expand(c.value) === s.expand(c.other)) === (c.op === '=');
    case 'regex': {
      const m = c.re.exec(s.expand(c.value));
      if (m) s.captures = [...m].map((x) => x ?? '');
      return !!m !== c.negate;
    }
    case 'file': {
      const st = await s.env.files.stat(s.expand(c.value)).catch(() => undefined);
      const ok = c.op === 'e' ? !!st : c.op === 'd' ? st?.kind === 'dir' : c.op === 'f' ? st?.kind === 'file' : !!st && (st.mode & 0o111) !== 0;
      return ok !== c.negate;
    }
  }
}

/** The rewrite module's script for a level (return, rewrite, set, if, break). */
async function script(s: RequestState, ops: ScriptOp[], depth = 0): Promise<ScriptResult> {
  let changed = false;
  for (const op of ops) {
    switch (op.kind) {
      case 'set':
        s.vars.set(op.name, s.expand(op.value));
        break;
      case 'break':
        return { kind: 'break' };
      case 'return': {
        if (op.status === 444) return { kind: 'out', o: { kind: 'close' } };
        const text = op.text === undefined ? '' : s.expand(op.text);
        if (REDIRECTS.has(op.status)) return { kind: 'out', o: { kind: 'status', status: op.status, location: text } };
        if (op.status >= 400 && text === '') return { kind: 'out', o: { kind: 'status', status: op.status } };
        const r: Response = { status: op.status, contentType: s.contentType(), contentLength: byteLength(text), headers: [], body: text, headerOnly: false, keepalive: true, serverTokens: 'on' };
        return { kind: 'out', o: { kind: 'response', r } };
      }
      case 'rewrite': {
        const m = op.re.exec(s.uri);
        if (!m) break;
        s.captures = [...m].map((x) => x ?? '');
        let target = s.expand(op.replacement);
        let keepArgs = true;
        if (target.endsWith('?')) {
          target = target.slice(0, -1);
          keepArgs = false;
        }
        const external = /^(https?:\/\/|\$scheme)/.test(op.replacement);
        if (external || op.flag === 'redirect' || op.flag === 'permanent') {
          const sep = target.includes('?') ? '&' : '?';
          const location = keepArgs && s.args ? `${target}${sep}${s.args}` : target;
          return { kind: 'out', o: { kind: 'status', status: op.flag === 'permanent' ? 301 : 302, location } };
        }
        const q = target.indexOf('?');
        if (q >= 0) {
          s.args = target.slice(q + 1) + (keepArgs && s.args ? `&${s.args}` : '');
          target = target.slice(0, q);
        } else if (!keepArgs) s.args = '';
        s.uri = target;
        changed = true;
        if (op.flag === 'last') return { kind: 'last' };
        if (op.flag === 'break') return { kind: 'break' };
        break;
      }
      case 'if': {
        if (depth > 8 || !(await condition(s, op.cond))) break;
        s.loc = op.loc;
        const r = await script(s, op.ops, depth + 1);
        if (r.kind !== 'next') return r;
        break;
      }
    }
  }
  return changed ? { kind: 'last' } : { kind: 'next' };
}

function denied(rules: AccessRule[] | undefined, from: string): boolean {
  for (const r of rules ?? []) if (ruleMatches(r, from)) return !r.allow;
  return false;
}

function limitExcept(loc: LocConf): LocConf['limitExcept'] {
  for (let l: LocConf | undefined = loc; l; l = l.parent) if (l.limitExcept) return l.limitExcept;
  return undefined;
}

/** From the location search to the content: the outcome of the location's phases. */
async function phases(s: RequestState, named?: LocConf): Promise<Outcome> {
  for (;;) {
    if (named) s.loc = named;
    else {
      const f = findLocation(s.server.loc, s.uri);
      s.loc = f?.loc ?? s.server.loc;
      s.captures = f?.captures ?? [];
      if (s.loc.internal && !s.internal) return { kind: 'status', status: 404 };
    }
    named = undefined;
    const r = await script(s, s.loc.script);
    if (r.kind === 'out') return r.o;
    if (r.kind === 'last') {
      if (--s.uriChanges === 0) {
        await s.env.log(s.loc, ERR, `rewrite or internal redirection cycle while processing "${s.uri}"${requestSuffix(s)}`, s.conn.id);
        return { kind: 'status', status: 500 };
      }
      continue;
    }
    break;
  }
  const le = limitExcept(s.loc);
  if ((le && !le.methods.has(s.method) && denied(le.rules, s.conn.from)) || denied(inherit(s.loc, 'rules'), s.conn.from)) {
    await s.env.log(s.loc, ERR, `access forbidden by rule${requestSuffix(s)}`, s.conn.id);
    return { kind: 'status', status: 403 };
  }
  const max = inherit(s.loc, 'clientMaxBodySize') ?? 1024 * 1024;
  if (max > 0 && s.req.body && byteLength(s.req.body) > max) {
    await s.env.log(s.loc, ERR, `client intended to send too large body: ${byteLength(s.req.body)} bytes${requestSuffix(s)}`, s.conn.id);
    return { kind: 'status', status: 413 };
  }
  if (s.loc.tryFiles) {
    const t = await tryFiles(s, s.loc.tryFiles);
    if (t) return t;
  }
  if (s.loc.proxyPass !== undefined) return proxy(s, s.loc.proxyPass);
  return serveFiles(s);
}

/** Serves a request: the final response, after internal redirects and error pages. */
export async function serveRequest(s: RequestState): Promise<Response> {
  let outcome: Outcome | undefined;
  let stage: 'server' | 'location' = 'server';
  let named: LocConf | undefined;
  for (let guard = 0; guard < 40; guard++) {
    if (!outcome) {
      if (stage === 'server') {
        s.loc = s.server.loc;
        const r = await script(s, s.server.loc.script);
        if (r.kind === 'out') outcome = r.o;
      }
      outcome ??= await phases(s, named);
      named = undefined;
    }
    const o: Outcome = outcome;
    outcome = undefined;
    switch (o.kind) {
      case 'response':
        return finish(s, o.r);
      case 'close':
        s.status = 444;
        return { status: 444, headers: [], body: '', headerOnly: true, keepalive: false, serverTokens: 'on', close: true };
      case 'internal':
        if (--s.uriChanges === 0) {
          await s.env.log(s.loc, ERR, `rewrite or internal redirection cycle while internally redirecting to "${o.uri}"${requestSuffix(s)}`, s.conn.id);
          outcome = { kind: 'status', status: 500 };
          continue;
        }
        s.uri = o.uri;
        s.args = o.args;
        s.internal = true;
        stage = 'server';
        continue;
      case 'named':
        named = o.loc;
        stage = 'location';
        continue;
      case 'status': {
        const page = s.errorPage ? undefined : inherit(s.loc, 'errorPages')?.find((p) => p.codes.includes(o.status));
        if (page && s.uriChanges > 0) {
          s.errorPage = true;
          s.errStatus = page.overwrite === 'response' ? 0 : page.overwrite ?? o.status;
          const uri = s.expand(page.uri);
          if (uri.startsWith('/')) {
            if (s.method !== 'HEAD') s.method = 'GET';
            const q = uri.indexOf('?');
            outcome = { kind: 'internal', uri: q < 0 ? uri : uri.slice(0, q), args: q < 0 ? '' : uri.slice(q + 1) };
            continue;
          }
          if (uri.startsWith('@')) {
            const loc = namedLocation(s.server, uri);
            if (loc) {
              outcome = { kind: 'named', loc };
              continue;
            }
          }
          const code = typeof page.overwrite === 'number' && REDIRECTS.has(page.overwrite) ? page.overwrite : 302;
          s.errStatus = 0;
          return finish(s, special(s, code, uri));
        }
        return finish(s, special(s, o.status, o.location));
      }
    }
  }
  return finish(s, special(s, 500));
}

/** ngx_http_send_special_response: a built-in page (or none) for `status`. */
function special(s: RequestState, status: number, location?: string): Response {
  const tokens = inherit(s.loc, 'serverTokens') ?? 'on';
  const ua = header(s.req, 'user-agent') ?? '';
  const padding = flag(s.loc, 'msie_padding') && (/MSIE /.test(ua) || /Chrome\//.test(ua));
  const body = specialPage(status, tokens, padding);
  const keepalive = ![400, 413, 414, 494, 495, 496, 497, 500, 501].includes(status);
  const r: Response = { status, headers: [], body, headerOnly: false, keepalive, serverTokens: tokens, contentLength: byteLength(body) };
  if (body) r.contentType = 'text/html';
  if (location !== undefined) r.location = location;
  return r;
}

/**
 * The range filter for one range ("bytes=0-99", "bytes=100-", "bytes=-50"): a 206 with
 * Content-Range, or a 416 when it starts past the end; several ranges get the whole file.
 */
function byteRange(r: Response, spec: string): Response | undefined {
  const size = r.contentLength ?? 0;
  const m = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(spec);
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || end < start) {
    return { status: 416, headers: [...r.headers, ['Content-Range', `bytes */${size}`]], body: specialPage(416, r.serverTokens, false), contentType: 'text/html', contentLength: byteLength(specialPage(416, r.serverTokens, false)), headerOnly: false, keepalive: true, serverTokens: r.serverTokens };
  }
  const bytes = new TextEncoder().encode(r.body).slice(start, end + 1);
  return { ...r, status: 206, ranges: false, headers: [...r.headers, ['Content-Range', `bytes ${start}-${end}/${size}`]], body: new TextDecoder().decode(bytes), contentLength: end - start + 1 };
}

/** The header filters, in the order nginx runs them. */
function finish(s: RequestState, response: Response): Response {
  let r = response;
  const loc = s.loc;
  r.serverTokens = inherit(loc, 'serverTokens') ?? 'on';
  if (s.errStatus) r.status = s.errStatus;
  if (r.status === 200 && r.lastModified !== undefined) {
    const ims = header(s.req, 'if-modified-since');
    const inm = header(s.req, 'if-none-match');
    const etag = r.headers.find(([k]) => k === 'ETag')?.[1];
    if ((inm !== undefined && etag !== undefined && (inm === '*' || inm.split(/\s*,\s*/).includes(etag))) || (inm === undefined && ims === httpTime(r.lastModified))) {
      r.status = 304;
      r.contentType = undefined;
      r.contentLength = undefined;
      r.ranges = false;
      r.headerOnly = true;
    }
  }
  const always = new Set([200, 201, 204, 206, 301, 302, 303, 304, 307, 308]);
  for (const h of inherit(loc, 'addHeaders') ?? []) {
    if (!h.always && !always.has(r.status)) continue;
    const v = s.expand(h.value);
    if (v !== '') r.headers.push([h.name, v]);
  }
  const range = r.ranges && r.status === 200 ? header(s.req, 'range') : undefined;
  const partial = range !== undefined ? byteRange(r, range) : undefined;
  if (partial) r = partial;
  else if (r.ranges && r.status === 200) r.headers.push(['Accept-Ranges', 'bytes']);
  const charset = inherit(loc, 'charset');
  if (charset && charset !== 'off' && r.contentType && CHARSET_TYPES.has(r.contentType)) r.contentType += `; charset=${charset}`;
  if (s.method === 'HEAD' || r.status === 304 || r.status === 204) r.headerOnly = true;
  const timeout = inherit(loc, 'keepaliveTimeout') ?? 75_000;
  const requests = inherit(loc, 'keepaliveRequests') ?? 1000;
  r.keepalive = r.keepalive && s.req.keepalive && timeout > 0 && s.conn.requests + 1 < requests;
  r.keepaliveHeader = inherit(loc, 'keepaliveHeader');
  s.status = r.status;
  return r;
}
