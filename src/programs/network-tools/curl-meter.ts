// curl's progress meter (lib/progress.c: five-column sizes, hh:mm:ss times, one line per second
// rewritten with \r) and its --write-out variables (src/tool_writeout.c).

/** Five columns at most: plain bytes below 100000, then k, M, G with one decimal where it fits. */
export function max5(bytes: number): string {
  const K = 1024;
  const M = K * K;
  const G = M * K;
  const pad = (s: string): string => s.padStart(5);
  if (bytes < 100000) return pad(String(bytes));
  if (bytes < 10000 * K) return `${String(Math.floor(bytes / K)).padStart(4)}k`;
  if (bytes < 100 * M) return `${String(Math.floor(bytes / M)).padStart(2)}.${Math.floor((bytes % M) / (M / 10))}M`;
  if (bytes < 10000 * M) return `${String(Math.floor(bytes / M)).padStart(4)}M`;
  if (bytes < 100 * G) return `${String(Math.floor(bytes / G)).padStart(2)}.${Math.floor((bytes % G) / (G / 10))}G`;
  return `${String(Math.floor(bytes / G)).padStart(4)}G`;
}

function time2str(seconds: number): string {
  if (seconds <= 0) return '--:--:--';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h <= 99) return `${String(h).padStart(2)}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  const d = Math.floor(seconds / 86400);
  return `${String(d).padStart(3)}d ${String(Math.floor((seconds % 86400) / 3600)).padStart(2, '0')}h`;
}

function percent(total: number, cur: number): number {
  if (total > 10000) return Math.floor(cur / Math.floor(total / 100));
  return total > 0 ? Math.floor((cur * 100) / total) : 0;
}

export interface MeterState {
  /** microseconds since the transfer started */
  spentUs: number;
  received: number;
  /** Content-Length, once the headers told it */
  total?: number;
}

/** One meter line (with its leading \r). */
export function meterLine(st: MeterState): string {
  const ms = Math.floor(st.spentUs / 1000);
  const speed = st.spentUs > 0 ? Math.floor((st.received * 1_000_000) / st.spentUs) : 0;
  const current = st.received ? Math.floor((st.received * 1000) / Math.max(1, ms)) : 0;
  const known = st.total !== undefined;
  const dlSecs = known && speed > 0 ? Math.floor(st.total! / speed) : 0;
  const dlPercent = known && speed > 0 ? percent(st.total!, st.received) : 0;
  const expected = known ? st.total! : st.received;
  const spent = Math.floor(st.spentUs / 1_000_000);
  const left = time2str(dlSecs > 0 ? dlSecs - spent : 0);
  const p3 = (n: number): string => String(n).padStart(3);
  return `\r${p3(percent(expected, st.received))} ${max5(expected)}  ${p3(dlPercent)} ${max5(st.received)}  ${p3(0)} ${max5(0)}  ${max5(speed)}  ${max5(0)} ${time2str(dlSecs)} ${time2str(spent)} ${left} ${max5(current)}`;
}

export const METER_HEADER = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** What --write-out can name about one finished transfer. */
export interface TransferInfo {
  httpCode: number;
  urlEffective: string;
  url: string;
  method: string;
  scheme: string;
  exitcode: number;
  errormsg: string;
  remoteIp: string;
  remotePort: number;
  localIp: string;
  localPort: number;
  contentType: string;
  redirectUrl: string;
  numRedirects: number;
  numConnects: number;
  sizeDownload: number;
  sizeHeader: number;
  sizeRequest: number;
  filename: string;
  /** seconds */
  times: { namelookup: number; connect: number; appconnect: number; pretransfer: number; starttransfer: number; total: number; redirect: number };
}

/** Expands a --write-out format; `unknown` collects names curl warns about. */
export function writeOut(format: string, t: TransferInfo, unknown: string[]): { stdout: string; stderr: string } {
  const out = { stdout: '', stderr: '' };
  let stream: 'stdout' | 'stderr' = 'stdout';
  const sec = (s: number): string => s.toFixed(6);
  const vars: Record<string, () => string> = {
    http_code: () => String(t.httpCode).padStart(3, '0'),
    response_code: () => String(t.httpCode).padStart(3, '0'),
    url_effective: () => t.urlEffective,
    url: () => t.url,
    method: () => t.method,
    scheme: () => t.scheme,
    exitcode: () => String(t.exitcode),
    errormsg: () => t.errormsg,
    remote_ip: () => t.remoteIp,
    remote_port: () => (t.remotePort ? String(t.remotePort) : '0'),
    local_ip: () => t.localIp,
    local_port: () => String(t.localPort),
    content_type: () => t.contentType,
    redirect_url: () => t.redirectUrl,
    num_redirects: () => String(t.numRedirects),
    num_connects: () => String(t.numConnects),
    size_download: () => String(t.sizeDownload),
    size_header: () => String(t.sizeHeader),
    size_request: () => String(t.sizeRequest),
    size_upload: () => '0',
    speed_download: () => String(t.times.total > 0 ? Math.floor(t.sizeDownload / t.times.total) : 0),
    speed_upload: () => '0',
    filename_effective: () => t.filename,
    http_version: () => (t.httpCode ? '1.1' : '0'),
    time_namelookup: () => sec(t.times.namelookup),
    time_connect: () => sec(t.times.connect),
    time_appconnect: () => sec(t.times.appconnect),
    time_pretransfer: () => sec(t.times.pretransfer),
    time_starttransfer: () => sec(t.times.starttransfer),
    time_total: () => sec(t.times.total),
    time_redirect: () => sec(t.times.redirect),
  };
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '%' && format[i + 1] === '%') {
      out[stream] += '%';
      i++;
    } else if (ch === '%' && format[i + 1] === '{') {
      const end = format.indexOf('}', i + 2);
      if (end < 0) {
        out[stream] += format.slice(i);
        break;
      }
      const name = format.slice(i + 2, end);
      i = end;
      if (name === 'stdout' || name === 'stderr') stream = name;
      else if (vars[name]) out[stream] += vars[name]();
      else unknown.push(name);
    } else if (ch === '\\' && i + 1 < format.length) {
      const n = format[++i]!;
      out[stream] += n === 'n' ? '\n' : n === 'r' ? '\r' : n === 't' ? '\t' : n === '\\' ? '\\' : `\\${n}`;
    } else {
      out[stream] += ch;
    }
  }
  return out;
}
