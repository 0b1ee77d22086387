// Reaching a repository server through the simulated network: the name through the 'resolve'
// service (getaddrinfo), then a TCP connection through the 'traffic' service. Either service may
// be missing (a machine booted without it, or an older kernel): then that step is taken as
// succeeding, so tdnf keeps working offline-by-design. Failures map to curl's codes.
import type { Sys } from '../../shared/sys';

export type Reach = { ok: true } | { ok: false; curl: number };

/** curl error codes (CURLcode). */
export const CURLE = { COULDNT_RESOLVE_HOST: 6, COULDNT_CONNECT: 7, OPERATION_TIMEDOUT: 28, FILE_COULDNT_READ_FILE: 37 } as const;

function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
}

async function tryCall(sys: Sys, service: string, request: unknown): Promise<Record<string, unknown> | undefined> {
  try {
    return record(await sys.call(service, request));
  } catch {
    return undefined;
  }
}

/** Whether an https/http URL's server can be reached; the error is the curl code it fails with. */
export async function reach(sys: Sys, url: string): Promise<Reach> {
  const m = /^(https?):\/\/([^/:]+)(?::(\d+))?/.exec(url);
  if (!m) return { ok: true };
  const host = m[2]!;
  const port = m[3] ? Number(m[3]) : m[1] === 'https' ? 443 : 80;
  const gai = await tryCall(sys, 'resolve', { kind: 'gai', name: host, family: 4 });
  if (!gai) return { ok: true };
  if (gai.kind === 'gai-error') return { ok: false, curl: CURLE.COULDNT_RESOLVE_HOST };
  const addresses = Array.isArray(gai.addresses) ? gai.addresses : [];
  const first = record(addresses[0]);
  if (gai.kind !== 'answer' || !first || typeof first.address !== 'string') return { ok: false, curl: CURLE.COULDNT_RESOLVE_HOST };
  const conn = await tryCall(sys, 'traffic', { kind: 'connect', dst: first.address, port });
  if (!conn) return { ok: true };
  switch (conn.kind) {
    case 'connected':
      return { ok: true };
    case 'timeout':
      return { ok: false, curl: CURLE.OPERATION_TIMEDOUT };
    default:
      return { ok: false, curl: CURLE.COULDNT_CONNECT };
  }
}

/** The curl codes after which tdnf retries (TDNFCurlErrorIsFatal lists the ones it does not). */
export function retriable(curl: number): boolean {
  return ![1, 2, 3, 4, 5, 23, 27, 37, 41, 42, 43, 45, 48, 53, 63, 76, 77, 82, 93].includes(curl);
}
