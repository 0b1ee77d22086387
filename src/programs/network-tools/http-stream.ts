// An HTTP exchange with a server listening on this machine (nginx, a daemon in a container):
// the request goes down the connection's stream, and the server's own answer comes back, read
// until the response is complete (Content-Length, or the server hanging up).
import type { Sys } from '../../shared/sys';
import type { Response, ServerReply } from './curl-http';
import { traffic } from './netlib';

export type StreamReply = ServerReply | { kind: 'empty' };

const encoder = new TextEncoder();

/** Bound on what one response may bring (a runaway server cannot fill memory). */
const MAX_RESPONSE = 8 << 20;

/** Sends `request` over stream `conn` and reads the answer; a HEAD's answer has no body. */
export async function streamExchange(sys: Sys, conn: number, request: string, head: boolean): Promise<StreamReply> {
  await traffic(sys, { kind: 'send', conn, text: request });
  let text = '';
  let parsed: { response: Response; bodyStart: number; length: number | undefined } | undefined;
  for (;;) {
    const r = await traffic(sys, { kind: 'read', conn });
    if (r.kind === 'closed') break;
    text += r.text;
    if (text.length > MAX_RESPONSE) break;
    if (!parsed) {
      if (!/^HTTP\/\d/.test(text) && text.length >= 5) return { kind: 'not-http', text };
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) continue;
      const p = parseHead(text.slice(0, end));
      if (!p) return { kind: 'not-http', text };
      const length = head || p.status === 204 || p.status === 304 ? 0 : contentLength(p.headers);
      parsed = { response: p, bodyStart: end + 4, length };
    }
    if (parsed.length !== undefined && encoder.encode(text.slice(parsed.bodyStart)).length >= parsed.length) break;
  }
  if (!parsed) {
    if (text === '') return { kind: 'empty' };
    const end = text.indexOf('\r\n\r\n');
    const p = /^HTTP\/\d/.test(text) && end >= 0 ? parseHead(text.slice(0, end)) : undefined;
    if (!p) return { kind: 'not-http', text };
    parsed = { response: p, bodyStart: end + 4, length: undefined };
  }
  const body = text.slice(parsed.bodyStart);
  return { kind: 'http', response: { ...parsed.response, body: parsed.length !== undefined ? sliceBytes(body, parsed.length) : body } };
}

function parseHead(head: string): Response | undefined {
  const lines = head.split('\r\n');
  const m = /^HTTP\/(1\.[01]) (\d{3})(?: (.*))?$/.exec(lines[0] ?? '');
  if (!m) return undefined;
  const headers: [string, string][] = [];
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
  }
  return { version: m[1] as '1.0' | '1.1', status: Number(m[2]), reason: m[3] ?? '', headers, body: '' };
}

function contentLength(headers: [string, string][]): number | undefined {
  const v = headers.find(([k]) => k.toLowerCase() === 'content-length')?.[1];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

function sliceBytes(text: string, bytes: number): string {
  const b = encoder.encode(text);
  return b.length <= bytes ? text : new TextDecoder().decode(b.slice(0, bytes));
}
