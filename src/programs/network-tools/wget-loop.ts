// Wget's retrieval loops (GNU Wget 1.21.3 src/http.c http_loop(), src/retr.c retrieve_url(),
// src/exits.c): the `--date--  URL` line of each try, retrying what can be retried (`Retrying.`,
// `Giving up.`), `ERROR 404: Not Found.`, the `saved [N/N]` summary, redirects up to
// --max-redirect, and the exit status, which keeps the most important failure seen:
// 1 generic, 2 parse error, 3 file I/O, 4 network failure, 8 an error response from a server.
import { isSysError } from '../../shared/errno';
import { datetimeStr, retrRate } from './wget-format';
import { exists, gethttp, newHStat, type HStat, type Output } from './wget-http';
import type { WgetSession } from './wget-net';
import { mergeLocation, parseUrl, rewriteShorthand, urlFileName, type WgetUrl } from './wget-url';

export type Uerr =
  | 'RETROK' | 'NEWLOCATION' | 'WRONGCODE' | 'HOSTERR' | 'CONIMPOSSIBLE' | 'CONERROR' | 'TRYLIMEXC'
  | 'FOPENERR' | 'FWRITEERR' | 'URLERROR' | 'FTPSRVERR';

/** exits.c get_status_for_err(); 9 stands for WGET_EXIT_UNKNOWN, reported as 1. */
function statusFor(err: Uerr): number {
  switch (err) {
    case 'RETROK': return 0;
    case 'FOPENERR': case 'FWRITEERR': return 3;
    case 'HOSTERR': case 'CONIMPOSSIBLE': case 'CONERROR': case 'TRYLIMEXC': return 4;
    case 'WRONGCODE': case 'FTPSRVERR': return 8;
    default: return 9;
  }
}

/** inform_exit_status() and get_exit_status(): the lowest non-zero status wins. */
export class ExitStatus {
  private status = 0;
  inform(err: Uerr): void {
    const n = statusFor(err);
    if (n !== 0 && (this.status === 0 || n < this.status)) this.status = n;
  }
  get(): number {
    return this.status === 9 ? 1 : this.status;
  }
}

async function isDirectory(s: WgetSession, path: string): Promise<boolean> {
  try {
    return (await s.ctx.sys.stat(path)).kind === 'dir';
  } catch (e) {
    if (!isSysError(e)) throw e;
    return false;
  }
}

/** url_file_name() with unique_name(): NAME, or NAME.1, NAME.2 ... when NAME is taken. */
async function localName(s: WgetSession, original: WgetUrl): Promise<string> {
  const cfg = s.cfg;
  if (cfg.output !== undefined) return cfg.output;
  const name = urlFileName(original, cfg.dirPrefix, cfg.defaultPage);
  const allowClobber = cfg.noClobber || cfg.cont || cfg.output !== undefined;
  if (allowClobber && !(await isDirectory(s, name))) return name;
  if (!(await exists(s, name))) return name;
  for (let n = 1; n < 999_999; n++) {
    if (!(await exists(s, `${name}.${n}`))) return `${name}.${n}`;
  }
  return `${name}.999999`;
}

const printwhat = (s: WgetSession, count: number): Promise<void> => s.log.v(count === s.cfg.tries ? 'Giving up.\n\n' : 'Retrying.\n\n');

/** http_loop(): tries one URL until it is fetched, fails for good, or redirects. */
async function httpLoop(s: WgetSession, u: WgetUrl, original: WgetUrl, output: Output | undefined): Promise<{ err: Uerr; newloc?: string }> {
  const { cfg, log } = s;
  const hs: HStat = newHStat(await localName(s, original));
  if (cfg.noClobber && cfg.output === undefined && (await exists(s, hs.localFile))) {
    await log.v(`File ${s.quote(hs.localFile)} already there; not retrieving.\n\n`);
    return { err: 'RETROK' };
  }
  const sendHeadFirst = cfg.spider;
  let gotHead = false;
  let count = 0;
  do {
    count++;
    await s.pause(count);
    let tms = datetimeStr(s.now(), s.tz);
    if (cfg.spider && !gotHead) await log.v('Spider mode enabled. Check if remote file exists.\n');
    if (log.verbose) await log.nq(count > 1 ? `--${tms}--  (try:${String(count).padStart(2)})  ${u.url}\n` : `--${tms}--  ${u.url}\n`);
    const head = sendHeadFirst && !gotHead;
    hs.restval = 0;
    if (cfg.cont) {
      try {
        const st = await s.ctx.sys.stat(hs.localFile);
        if (st.kind === 'file') hs.restval = st.size;
      } catch (e) {
        if (!isSysError(e)) throw e;
      }
    }
    const err = await gethttp(s, u, hs, head, output);
    tms = datetimeStr(s.now(), s.tz);
    switch (err) {
      case 'HERR': case 'CONERROR':
        await printwhat(s, count);
        continue;
      case 'FOPENERR': case 'FWRITEERR':
        await log.v('\n');
        await log.nq(`Cannot write to ${s.quote(hs.localFile)} (${hs.ioError ?? ''}).\n`);
        return { err };
      case 'HOSTERR': case 'CONIMPOSSIBLE':
        return { err };
      case 'NEWLOCATION':
        if (hs.newloc === undefined) {
          await log.nq(`ERROR: Redirection (${hs.statcode}) without location.\n`);
          return { err: 'WRONGCODE' };
        }
        return { err, newloc: hs.newloc };
      case 'RETRUNNEEDED':
        return { err: 'RETROK' };
      case 'RETRFINISHED':
        break;
    }
    if (!hs.ok) {
      if (!log.verbose) await log.nv(`${u.url}:\n`);
      if (head && (hs.statcode === 500 || hs.statcode === 501)) {
        gotHead = true;
        continue;
      }
      if (cfg.spider) await log.nq('Remote file does not exist -- broken link!!!\n');
      else await log.nq(`${tms} ERROR ${hs.statcode}: ${hs.error}.\n`);
      await log.v('\n');
      return { err: 'WRONGCODE' };
    }
    if (!gotHead || cfg.spider) {
      gotHead = true;
      if (sendHeadFirst) {
        await log.v(hs.textHtml ? 'Remote file exists and could contain further links,\nbut recursion is disabled -- not retrieving.\n\n' : 'Remote file exists.\n\n');
        await log.nv(`${tms} URL: ${u.url} ${String(hs.statcode).padStart(2)} ${hs.message}\n`);
        return { err: 'RETROK' };
      }
    }
    const rate = retrRate(hs.rdSize, hs.dltime);
    s.totalTime += hs.dltime;
    const toStdout = cfg.output === '-';
    const where = toStdout ? 'written to stdout ' : `${s.quote(hs.localFile)} saved `;
    if (hs.len === hs.contlen) {
      await log.v(`${tms} (${rate}) - ${where}[${hs.len}/${hs.contlen}]\n\n`);
      await log.nv(`${tms} URL:${u.url} [${hs.len}/${hs.contlen}] -> "${hs.localFile}" [${count}]\n`);
    } else if (hs.contlen === -1) {
      await log.v(`${tms} (${rate}) - ${where}[${hs.len}]\n\n`);
      await log.nv(`${tms} URL:${u.url} [${hs.len}] -> "${hs.localFile}" [${count}]\n`);
    } else return { err: 'RETROK' };
    s.numUrls++;
    s.totalBytes += hs.rdSize;
    return { err: 'RETROK' };
  } while (!cfg.tries || count < cfg.tries);
  return { err: 'TRYLIMEXC' };
}

/** ftp_loop() in brief: the world has no FTP servers, so a connection ends at the greeting. */
async function ftpLoop(s: WgetSession, u: WgetUrl, original: WgetUrl): Promise<{ err: Uerr }> {
  await s.pause(1);
  const name = await localName(s, original);
  if (s.log.verbose) await s.log.nq(`--${datetimeStr(s.now(), s.tz)}--  ${u.url}\n           => ${s.quote(name)}\n`);
  const r = await s.connect(u.host, u.port, false);
  if (r.kind === 'host-error') return { err: 'HOSTERR' };
  if (r.kind === 'failed') return { err: s.retryable(r.errno) ? 'CONERROR' : 'CONIMPOSSIBLE' };
  await s.log.v(`Logging in as ${u.user ?? 'anonymous'} ... `);
  await s.wait(Math.max(r.conn.rttUs, 1000));
  await s.log.v('\n');
  await s.log.nq('Error in server greeting.\n');
  return { err: 'FTPSRVERR' };
}

/** retrieve_url(): one command-line URL, following redirects. */
export async function retrieveUrl(s: WgetSession, raw: string, output: Output | undefined): Promise<Uerr> {
  const text = rewriteShorthand(raw);
  const parsed = parseUrl(text, s.quote);
  if (!parsed.ok) {
    await s.log.nq(`${text}: ${parsed.error}.\n`);
    return 'URLERROR';
  }
  const original = parsed.url;
  let u = original;
  let redirections = 0;
  for (;;) {
    await s.ctx.tick();
    const result: { err: Uerr; newloc?: string } = u.scheme === 'ftp' || u.scheme === 'ftps' ? await ftpLoop(s, u, original) : await httpLoop(s, u, original, output);
    if (result.err !== 'NEWLOCATION' || result.newloc === undefined) return result.err;
    const merged = mergeLocation(u, result.newloc);
    const next = parseUrl(merged, s.quote);
    if (!next.ok) {
      await s.log.nq(`${merged}: ${next.error}.\n`);
      return 'NEWLOCATION';
    }
    if (++redirections > s.cfg.maxRedirect) {
      await s.log.nq(`${s.cfg.maxRedirect} redirections exceeded.\n`);
      return 'WRONGCODE';
    }
    u = next.url;
  }
}
