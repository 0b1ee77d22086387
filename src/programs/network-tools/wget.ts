// GNU Wget 1.21.3 as Photon OS 5.0 ships it (`tdnf install wget`): HTTP and HTTPS downloads from
// the simulated world and from web daemons of this machine, saved under the remote name
// (index.html for a directory, NAME.1 when NAME exists), -O/-O -, -q/-nv/-S, --spider, -c, -P,
// -t/-T, redirects up to --max-redirect. The log goes to stderr in wget's own layout, with the
// dot gauge when stderr is not a terminal; the exit status follows src/exits.c.
import { isSysError, strerror } from '../../shared/errno';
import { defineProgram } from '../define';
import { Writer, type Ctx } from '../lib/context';
import { parseWgetArgs, type WgetConfig } from './wget-args';
import { datetimeStr, humanReadable, makeQuote, retrRate, secsToHumanTime } from './wget-format';
import type { Output } from './wget-http';
import { WgetLog } from './wget-log';
import { ExitStatus, retrieveUrl } from './wget-loop';
import { WgetSession } from './wget-net';
import { localZone } from '../lib/tz';
import { wgetHelp, wgetVersion } from './wget-usage';

/** log_init(): the log file of -o (truncated) or -a (appended), else stderr. */
async function openLog(ctx: Ctx, cfg: WgetConfig, exec: string): Promise<Writer | number> {
  if (cfg.logFile === undefined || cfg.logFile === '-') return ctx.err;
  try {
    const fd = await ctx.sys.open(cfg.logFile, { write: true, create: true, ...(cfg.appendLog ? { append: true } : { truncate: true }) }, 0o666);
    return new Writer(ctx.sys, fd, true);
  } catch (e) {
    if (!isSysError(e)) throw e;
    await ctx.err.write(`${exec}: ${cfg.logFile}: ${strerror(e.errno)}\n`);
    return 1;
  }
}

/** main()'s -O handling: the stream every document goes to, opened before any download. */
async function openOutput(ctx: Ctx, cfg: WgetConfig, log: WgetLog, quote: (s: string) => string): Promise<Output | undefined | number> {
  if (cfg.output === undefined) return undefined;
  if (cfg.output === '-') return { kind: 'stdout' };
  if (cfg.noClobber && (await existsPath(ctx, cfg.output))) {
    await log.v(`File ${quote(cfg.output)} already there; not retrieving.\n`);
    return 1;
  }
  try {
    const fd = await ctx.sys.open(cfg.output, { write: true, create: true, ...(cfg.cont ? { append: true } : { truncate: true }) }, 0o666);
    return { kind: 'fd', fd };
  } catch (e) {
    if (!isSysError(e)) throw e;
    // perror(opt.output_document)
    await ctx.err.write(`${cfg.output}: ${strerror(e.errno)}\n`);
    return 1;
  }
}

async function existsPath(ctx: Ctx, path: string): Promise<boolean> {
  try {
    await ctx.sys.stat(path);
    return true;
  } catch (e) {
    if (!isSysError(e)) throw e;
    return false;
  }
}

/** retrieve_from_file() for a plain list: one URL a line, blank lines skipped. */
async function fromFile(s: WgetSession, file: string, output: Output | undefined, status: ExitStatus): Promise<void> {
  let text: string;
  try {
    text = file === '-' ? await s.ctx.readAll(0) : new TextDecoder().decode(await s.ctx.sys.readFile(file));
  } catch (e) {
    if (!isSysError(e)) throw e;
    await s.log.nq(`${file}: ${strerror(e.errno)}\n`);
    text = '';
  }
  let count = 0;
  for (const line of text.split('\n')) {
    const url = line.trim();
    if (url === '') continue;
    // get_urls_file() parses each line as it stands: no shorthand completion
    if (!/^(https?|ftps?):\/\//i.test(url)) {
      const why = /^[-+A-Za-z0-9]+:/.test(url) ? `Unsupported scheme ${s.quote(url.slice(0, url.indexOf(':')))}` : 'Scheme missing';
      await s.log.nq(`${file}: Invalid URL ${url}: ${why}\n`);
      continue;
    }
    count++;
    status.inform(await retrieveUrl(s, url, output));
  }
  if (count === 0) await s.log.nq(`No URLs found in ${file}.\n`);
}

export default defineProgram({
  name: 'wget',
  installPath: '/usr/bin/wget',
  pkg: 'wget',
  async main(ctx) {
    const exec = ctx.name.slice(ctx.name.lastIndexOf('/') + 1);
    const quote = makeQuote(ctx.env);
    const parsed = parseWgetArgs(ctx.argv.slice(1), ctx.name, exec, quote);
    if (parsed.kind === 'exit') {
      await ctx.err.write(parsed.stderr);
      if (parsed.help) await ctx.print(wgetHelp(exec));
      if (parsed.version) {
        const home = ctx.env.get('HOME');
        const user = home !== undefined ? `${home.replace(/\/+$/, '')}/.wgetrc` : undefined;
        await ctx.print(wgetVersion(user !== undefined && (await existsPath(ctx, user)) ? user : undefined));
      }
      return parsed.status;
    }
    await ctx.err.write(parsed.stderr);
    const cfg = parsed.config;
    const sink = await openLog(ctx, cfg, exec);
    if (typeof sink === 'number') return sink;
    const log = new WgetLog(sink, cfg.verbose === 1, cfg.quiet, cfg.showProgress !== 0);
    const s = new WgetSession(ctx, cfg, log, quote, exec);
    s.tz = await localZone(ctx.sys);
    const output = await openOutput(ctx, cfg, log, quote);
    if (typeof output === 'number') {
      await log.flush();
      return output;
    }
    const started = s.now();
    const status = new ExitStatus();
    try {
      for (const raw of cfg.urls) status.inform(await retrieveUrl(s, raw, output));
      if (cfg.inputFile !== undefined) await fromFile(s, cfg.inputFile, output, status);
      if ((cfg.urls.length > 1 || cfg.inputFile !== undefined) && s.totalBytes !== 0) {
        const wall = (s.now() - started) / 1000;
        await log.nq(
          `FINISHED --${datetimeStr(s.now(), s.tz)}--\nTotal wall clock time: ${secsToHumanTime(wall)}\n` +
            `Downloaded: ${s.numUrls} files, ${humanReadable(s.totalBytes, 10, 1)} in ${secsToHumanTime(s.totalTime)} (${retrRate(s.totalBytes, s.totalTime)})\n`,
        );
      }
    } finally {
      if (output?.kind === 'fd') ctx.sys.close(output.fd);
      await log.flush();
      if (sink !== ctx.err && sink.fd !== 2) ctx.sys.close(sink.fd);
    }
    return status.get();
  },
});
